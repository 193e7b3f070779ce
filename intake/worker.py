"""`intake worker`: a process that only runs processing, on any machine that reaches the database and blobs.

It looks for due messages (pending, fewer than MAX_ATTEMPTS failures) every `TICK` while its pool
has room, and keeps at most `2 × [ocr] workers` messages in hand. The per-message claim
(`intake.processing`) lets any number of workers on any number of machines share one backlog: a
message another worker holds comes back `busy` and is left to it. `intake run` with
`[ocr] workers = 0` then only fetches, records and sends replies. SIGTERM: finish what is in hand
(up to 20 s), exit 0.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import Future, wait
from dataclasses import replace

from sqlmodel import Session

from intake.daemon import HARD_EXIT_HOOKS, STOP_GRACE, stop_on_signals
from intake.faults import FAULTS, fault_kind, one_line
from intake.fetcher import RETRY, due_messages, outcome_of
from intake.logs import event_line
from intake.processing import BUSY, SKIPPED
from intake.service import Service
from intake.workers import Workers

log = logging.getLogger("intake.daemon")

TICK = 1.0  # seconds between looks for due messages while the pool has room
REST = 5.0  # seconds a message another worker held is left alone before it is tried again


def work_forever(service: Service) -> int:
    """Run processing jobs until SIGTERM/SIGINT; 0 on a clean stop."""
    config = service.config
    config = replace(config, ocr=replace(config.ocr, workers=max(1, config.ocr.workers)))
    with stop_on_signals() as stop, Workers(config) as workers:
        workers.warm()
        HARD_EXIT_HOOKS.append(workers.kill)
        log.info("处理进程已启动：%d 个解析进程", workers.size)
        running: dict[int, Future[str]] = {}
        resting: dict[int, float] = {}  # message → when this worker may try it again
        try:
            while not stop.is_set():
                _take(service, workers, running, resting)
                if running:
                    wait(list(running.values()), timeout=TICK, return_when="FIRST_COMPLETED")
                else:
                    stop.wait(TICK)
                _collect(running, resting)
        finally:
            workers.stop(list(running.values()), STOP_GRACE)
            HARD_EXIT_HOOKS.remove(workers.kill)
    log.info("处理进程已停止")
    return 0


def _take(service: Service, workers: Workers, running: dict[int, Future[str]], resting: dict[int, float]) -> None:
    room = 2 * workers.size - len(running)
    if room <= 0:
        return
    now = time.monotonic()
    for pk in [pk for pk, until in resting.items() if until <= now]:
        del resting[pk]
    try:
        with Session(service.db) as session:
            due = [row[0] for row in due_messages(session) if row[0] not in running and row[0] not in resting]
    except Exception as e:
        kind = fault_kind(e)
        if kind is None:
            raise
        FAULTS.failed(kind, one_line(e))
        time.sleep(TICK)  # the database is away: look again after a pause, not in a tight loop
        return
    for pk in due[:room]:
        running[pk] = workers.submit(pk)


def _collect(running: dict[int, Future[str]], resting: dict[int, float]) -> None:
    for pk, future in list(running.items()):
        if not future.done():
            continue
        del running[pk]
        outcome = outcome_of(pk, future, on_fault=lambda _text: None)
        if outcome in (RETRY, BUSY):
            resting[pk] = time.monotonic() + REST  # another worker has it, or the fault needs time
        elif outcome != SKIPPED:  # another worker finished it first and logged it
            log.info("%s", event_line("processed", id=pk, outcome=outcome))
