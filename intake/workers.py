"""The parsing/OCR worker processes beside the fetcher, so one slow scan does not stop intake.

Workers are spawned (not forked: a fork would share the parent's database connections and lock
descriptor) and ignore SIGINT/SIGTERM: the parent decides when they stop. They ask the kernel for
SIGKILL when their parent dies (PR_SET_PDEATHSIG), so a daemon killed with SIGKILL leaves no worker
(about 1 GB with OCR loaded) behind. `process_one` is idempotent, so a message whose worker is
killed stays pending and is simply run again later.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import time
from concurrent.futures import Future, ProcessPoolExecutor, wait

from intake import logs
from intake.config import Config

log = logging.getLogger(__name__)

_service = None  # this worker's own Service (engine, blobs, OCR engine), built in the initializer


PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent: int) -> None:
    """Linux: SIGKILL this process when its parent dies, however the parent dies.

    The kernel ties the signal to the thread that forked us; every pool worker is started from the
    daemon's main thread (`Workers.warm`, or `submit` from the fetcher's loop), which lives as long
    as the daemon. If the parent is already gone, exit now.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(0)


def _init_worker(config: Config, parent: int) -> None:
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    logs.configure(logging.WARNING)  # the parent logs each message's outcome
    if config.ocr.workers > 1 and config.ocr.engine == "rapidocr":
        from parsers.ocr.rapid import limit_threads

        # Workers split the cores: sessions that each spin a thread per core would fight over them.
        limit_threads(max(1, len(os.sched_getaffinity(0)) // config.ocr.workers))
    from intake.service import Service

    global _service
    _service = Service(config)
    import intake.processing  # noqa: F401 - import the pipeline now, not on the first message


def _process(message_pk: int) -> str:
    from intake.processing import process_one

    return process_one(_service, message_pk)  # type: ignore[arg-type]


def _ready() -> int:
    return os.getpid()


class Workers:
    """`[ocr] workers` local processes; with 0 there are none (`size` 0), and nothing may be submitted."""

    def __init__(self, config: Config) -> None:
        self.size = config.ocr.workers
        self._pool = ProcessPoolExecutor(max_workers=max(1, self.size),
                                         mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_init_worker, initargs=(config, os.getpid()))

    def warm(self) -> None:
        """Start every worker now so the first message is not also paying for interpreter start-up."""
        wait([self._pool.submit(_ready) for _ in range(self.size)])

    def submit(self, message_pk: int) -> Future[str]:
        assert self.size, "no local workers: `intake worker` processes"
        return self._pool.submit(_process, message_pk)

    def stop(self, running: list[Future[str]], grace: float) -> None:
        """Let the messages in hand finish within `grace` seconds, then kill whoever is still busy."""
        for future in running:
            future.cancel()  # not started yet: stays pending in the database
        deadline = time.monotonic() + grace
        busy = [f for f in running if not f.done()]
        if busy:
            wait(busy, timeout=max(0.0, deadline - time.monotonic()))
        if any(not f.done() for f in busy):
            log.warning("停止：仍在处理的邮件被放弃，保持待处理状态，下次启动时重试")
            self.kill()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def kill(self) -> None:
        # workers ignore SIGTERM by design, so only SIGKILL ends a busy one
        for process in list(getattr(self._pool, "_processes", {}).values()):
            if process.is_alive():
                process.kill()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
