"""The local worker processes of `run`, `poll`, `ingest` and `intake worker`: each takes jobs from the queue.

`[ocr] workers` processes, spawned (not forked: a fork would share the parent's database connections
and lock descriptor). Each runs Huey's take-and-run loop on the shared queue (`intake.queue`): when
the queue is empty it looks again after 0.1 s, doubling to at most `IDLE_MAX`; when the queue's
storage is away it logs the fault once (FAULTS) and looks again after 1, 2, 4 … `FAULT_MAX` s.
Workers ignore SIGINT/SIGTERM: the parent decides when they stop (`stop`: the job in hand may
finish within the grace, then SIGKILL). They ask the kernel for SIGKILL when their parent dies
(PR_SET_PDEATHSIG), so a daemon killed with SIGKILL leaves no worker (about 1 GB with OCR loaded)
behind. A message whose worker is killed stays pending; the sweep gives it a job again.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import multiprocessing
import os
import signal
import time
from multiprocessing.process import BaseProcess
from multiprocessing.synchronize import Event

from intake import logs
from intake.config import Config
from intake.faults import FAULTS, backoff_delay, fault_kind, one_line

log = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
IDLE_MIN, IDLE_MAX = 0.1, 0.3  # seconds between looks at an empty queue (the enqueue → start latency)
FAULT_MAX = 5.0  # seconds at most between looks while the queue's storage is away


def die_with_parent(parent: int) -> None:
    """Linux: SIGKILL this process when its parent dies, however the parent dies.

    The kernel ties the signal to the thread that forked us; every worker is started from the
    command's main thread (`Workers.start`), which lives as long as the command. If the parent is already gone, exit now.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(0)


def _work(config: Config, parent: int, stop: Event, log_outcomes: bool) -> None:
    """One worker process: take and run jobs until `stop` is set."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    logs.configure(logging.INFO if log_outcomes else logging.WARNING)  # else the parent logs each outcome
    if config.ocr.workers > 1 and config.ocr.engine == "rapidocr":
        from parsers.ocr.rapid import limit_threads

        # Workers split the cores: sessions that each spin a thread per core would fight over them.
        limit_threads(max(1, len(os.sched_getaffinity(0)) // config.ocr.workers))
    from intake.queue import JobQueue, bind
    from intake.service import Service

    bind(Service(config))
    queue = JobQueue(config)
    idle = IDLE_MIN
    while not stop.is_set():
        try:
            task = queue.take()
            FAULTS.recovered("database")
            if task is not None:
                queue.run(task)
        except Exception as e:  # noqa: BLE001 - the worker outlives any one job and any outage
            kind = fault_kind(e)
            if kind is None:
                log.error("worker: %s", one_line(e))
            else:
                FAULTS.failed(kind, one_line(e))
            stop.wait(min(FAULT_MAX, backoff_delay(FAULTS.count(kind or "") - 1)) if kind else IDLE_MAX)
            continue
        if task is None:
            stop.wait(idle)
            idle = min(IDLE_MAX, idle * 2)
        else:
            idle = IDLE_MIN
    queue.close()
    gc.freeze()  # the interpreter's last collection would walk every object the imports made: 0.3–0.5 s


class Workers:
    """`[ocr] workers` local processes taking jobs from the queue; with 0 there are none (`size` 0).

    `log_outcomes`: the processes log `event=processed` for each message (`intake worker`); otherwise
    the parent follows its jobs and logs their outcomes.
    """

    def __init__(self, config: Config, *, log_outcomes: bool = False) -> None:
        self.size = config.ocr.workers
        self._config, self._log_outcomes = config, log_outcomes
        self._context = multiprocessing.get_context("spawn")
        self._stop = self._context.Event()
        self._processes: list[BaseProcess] = []

    def start(self) -> None:
        """Spawn the processes (from the main thread: PR_SET_PDEATHSIG is tied to the spawning thread)."""
        for _ in range(self.size - len(self._processes)):
            process = self._context.Process(target=_work,
                                            args=(self._config, os.getpid(), self._stop, self._log_outcomes))
            process.start()
            self._processes.append(process)

    def stop(self, grace: float) -> None:
        """Let the jobs in hand finish within `grace` seconds, then kill whoever is still busy.

        A killed job's message stays pending and gets a job again from the sweep.
        """
        self._stop.set()
        deadline = time.monotonic() + grace
        for process in self._processes:
            process.join(max(0.0, deadline - time.monotonic()))
        if any(process.is_alive() for process in self._processes):
            log.warning("停止：仍在处理的邮件被放弃，保持待处理状态，下次启动时重试")
            self.kill()
        self._processes.clear()

    def kill(self) -> None:
        # workers ignore SIGTERM by design, so only SIGKILL ends a busy one
        for process in list(self._processes):
            if process.is_alive():
                process.kill()
                process.join(1.0)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop(0.0 if exc[0] is not None else 5.0)
