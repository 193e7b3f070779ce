"""The parsing/OCR worker processes beside the fetcher, so one slow scan does not stop intake.

Workers are spawned (not forked: a fork would share the parent's database connections and lock
descriptor) and ignore SIGINT/SIGTERM: the parent decides when they stop. `process_one` is
idempotent, so a message whose worker is killed stays pending and is simply run again later.
"""

from __future__ import annotations

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


def _init_worker(config: Config) -> None:
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
    def __init__(self, config: Config) -> None:
        self.size = max(1, config.ocr.workers)
        self._pool = ProcessPoolExecutor(max_workers=self.size,
                                         mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_init_worker, initargs=(config,))

    def warm(self) -> None:
        """Start every worker now so the first message is not also paying for interpreter start-up."""
        wait([self._pool.submit(_ready) for _ in range(self.size)])

    def submit(self, message_pk: int) -> Future[str]:
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
