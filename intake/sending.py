"""Who sends replies: while `intake run` runs, its delivery loop and nothing else; otherwise the command.

A decision (CLI or web) queues its reply in the decision's transaction, then calls `replies_queued`:
when a daemon holds the mailbox's fetcher lock it touches the wake file the loop watches, otherwise it
delivers there and then. The loop also looks for due replies every `RESCAN` seconds, so a failed reply
is retried on its backoff schedule with no command, and a reply queued on another machine still goes.
`intake poll` and `intake ingest` deliver once at the end (acknowledgements of what they processed).
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from intake.faults import FAULTS, fault_kind, one_line
from intake.lock import MailboxLock
from intake.logs import event_line
from intake.source import open_source
from workflow.delivery import Report, deliver_pending
from workflow.ports import Services

if TYPE_CHECKING:
    from intake.service import Service

log = logging.getLogger("intake.daemon")

TICK = 1.0  # seconds between looks at the wake file and the stop flag
RESCAN = 10.0  # seconds between looks for due replies when nothing woke the loop
WAKE_FILE = "outbox.wake"


def fetcher_lock(service: Service) -> MailboxLock:
    """The one-fetcher-per-mailbox lock of the configured source."""
    source = open_source(service.config.mailbox)
    return MailboxLock(service.db, service.config.storage.data_dir, source.account, source.folder)


def replies_queued(service: Service) -> None:
    """After a decision: wake the daemon when one runs, else deliver now (spec §4)."""
    if daemon_running(service):
        wake_daemon(service)
    else:
        deliver_logged(service)


def daemon_running(service: Service) -> bool:
    """Whether another process holds the fetcher lock (a daemon, or a `poll` that delivers when done)."""
    lock = fetcher_lock(service)
    if lock.try_acquire():
        lock.release()
        return False
    return True


def wake_path(service: Services) -> Path:
    return service.settings.data_dir / WAKE_FILE


def wake_daemon(service: Services) -> None:
    """Touch the wake file; the daemon's loop sees the new mtime within `TICK` seconds."""
    path = wake_path(service)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()


def deliver_logged(service: Services) -> Report | None:
    """One delivery run, its outcome logged; an error (say the database is away) is logged, not raised."""
    try:
        report = deliver_pending(service)
    except Exception as e:  # noqa: BLE001 - the next run tries again; the replies stay queued
        kind = fault_kind(e)
        if kind is None:
            log.exception("%s", event_line("delivery", outcome="error"))
        else:
            FAULTS.failed(kind, one_line(e))  # the database is away: one line per outage, not per run
        return None
    if report.sent or report.failed or report.uncertain:
        log.info("%s", event_line("delivery", sent=_ids(report.sent), failed=_ids(report.failed),
                                  uncertain=_ids(report.uncertain)))
    return report


def _ids(ids: list[int]) -> str:
    return ",".join(map(str, ids)) or "-"


class DeliveryLoop:
    """The daemon's sender: a thread delivering due replies when woken, or every `RESCAN` seconds."""

    def __init__(self, service: Services, stop: threading.Event) -> None:
        self.service, self.stop = service, stop
        self._woken = threading.Event()
        self._thread = threading.Thread(target=self._run, name="delivery", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        """Deliver soon (a worker finished a message that may have queued an acknowledgement)."""
        self._woken.set()

    def join(self, timeout: float) -> None:
        self._woken.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        seen = _mtime(wake_path(self.service))
        next_scan = 0.0  # at start: whatever was queued while no daemon ran
        while not self.stop.is_set():
            mtime = _mtime(wake_path(self.service))
            if self._woken.is_set() or mtime != seen or time.monotonic() >= next_scan:
                self._woken.clear()
                seen = mtime
                deliver_logged(self.service)
                next_scan = time.monotonic() + RESCAN
            self._woken.wait(TICK)


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return 0
