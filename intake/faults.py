"""Transient faults (database away, disk full or read-only): retried, and logged once per kind, not per message.

While a database restarts, every message and every pass fails the same way; a traceback each
would bury the one line an officer needs. `FAULTS` logs the first failure of a kind, counts the
rest, and logs the count when that kind next succeeds.
"""

from __future__ import annotations

import errno
import logging
import threading

from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError

from intake.logs import event_line

log = logging.getLogger("intake.daemon")

DISK_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM})


class TransientFault(Exception):
    """A failure that says nothing about the message: it stays pending, unattempted, and is retried."""

    def __init__(self, kind: str, text: str) -> None:
        super().__init__(kind, text)
        self.kind, self.text = kind, text

    def __str__(self) -> str:
        return self.text


def fault_kind(error: BaseException) -> str | None:
    """"database" (connection lost, refused, locked), "disk" (full, read-only, not writable), or None."""
    if isinstance(error, TransientFault):
        return error.kind
    if isinstance(error, OperationalError | InterfaceError | DisconnectionError):
        return "database"
    if isinstance(error, OSError) and error.errno in DISK_ERRNOS:
        return "disk"
    return None


def one_line(error: BaseException) -> str:
    """The error's first line, without the SQL and the link to the SQLAlchemy docs."""
    if isinstance(error, TransientFault):
        return error.text
    if isinstance(error, OperationalError | InterfaceError | DisconnectionError):
        error = error.orig or error  # type: ignore[assignment]
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"[:300]


class FaultLog:
    """Per kind: the first failure logged with its text, the rest counted, recovery logged with the count."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def failed(self, kind: str, text: str) -> None:
        with self._lock:
            first = kind not in self._counts
            self._counts[kind] = self._counts.get(kind, 0) + 1
        if first:
            log.warning("%s", event_line("fault", kind=kind, error=text))

    def recovered(self, kind: str) -> None:
        with self._lock:
            count = self._counts.pop(kind, 0)
        if count:
            log.info("%s", event_line("recovered", kind=kind, failures=count))

    def active(self) -> list[str]:
        with self._lock:
            return sorted(self._counts)


FAULTS = FaultLog()
