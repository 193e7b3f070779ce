"""Transient faults (database away, disk full or read-only): retried, and logged once per kind, not per message.

While a database restarts, every message and every pass fails the same way; a traceback each
would bury the one line an officer needs. `FAULTS` logs the first failure of a kind, counts the
rest, and logs the count when that kind next succeeds.
"""

from __future__ import annotations

import errno
import logging
import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import peewee
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError

from intake.errors import IntakeError
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
    if isinstance(error, peewee.OperationalError | peewee.InterfaceError):  # the job queue's storage
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


BACKOFF_START, BACKOFF_CAP = 1.0, 30.0


def backoff_delay(failures: int, rng: random.Random = random._inst) -> float:  # type: ignore[attr-defined]
    """Seconds before the next try after `failures` failures in a row: 1, 2, 4 … capped at 30, with up
    to 25 % jitter so many clients (reconnects, retried jobs) do not come back in step."""
    base = min(BACKOFF_CAP, BACKOFF_START * 2 ** min(failures, 10))
    return min(BACKOFF_CAP, base * rng.uniform(1.0, 1.25))


DISK_WORDS = {errno.ENOSPC: "磁盘已满", errno.EDQUOT: "磁盘配额已满", errno.EROFS: "文件系统为只读",
              errno.EACCES: "没有写入权限", errno.EPERM: "没有写入权限"}


def describe(kind: str, error: BaseException) -> str:
    """What `intake status` shows for a fault, in Chinese: the kind, then the driver's or kernel's words."""
    if isinstance(error, TransientFault):
        return error.text  # described where it was caught
    if kind == "disk":
        return f"数据目录无法写入：{DISK_WORDS.get(getattr(error, 'errno', 0) or 0, '无法写入')}"
    label = {"database": "数据库暂不可用", "lock": "收信锁暂不可用"}.get(kind, kind)
    return f"{label}：{one_line(error)}"


def environment_error(error: BaseException, *, url: str, data_dir: str) -> IntakeError | None:
    """The one-line error (exit 1) for a database that is down or missing, or a data_dir that takes no
    writes; None when `error` is none of these."""
    kind = fault_kind(error)
    if kind == "database":
        from sqlalchemy.engine import make_url

        where = make_url(url).render_as_string(hide_password=True)
        if url.startswith("sqlite"):
            why = "数据库文件无法打开或写入"  # SQLite's faults are its file's: full, read-only, missing directory
        else:
            why = "数据库不存在" if "does not exist" in str(error) else "无法连接数据库"
        return IntakeError(f"{why}（storage.url = {where}）")
    if kind == "disk":
        word = DISK_WORDS.get(getattr(error, "errno", 0) or 0, "无法写入")
        return IntakeError(f"数据目录无法写入：{word}（storage.data_dir = {data_dir}）")
    return None


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

    def count(self, kind: str) -> int:
        """Failures of this kind since it last recovered (0: none)."""
        with self._lock:
            return self._counts.get(kind, 0)

    def active(self) -> list[str]:
        with self._lock:
            return sorted(self._counts)


FAULTS = FaultLog()


class Caught:
    """What `counted_faults` swallowed: the kind of the transient fault, or None when the block ran through."""

    kind: str | None = None


@contextmanager
def counted_faults() -> Iterator[Caught]:
    """Count a transient fault of the block in FAULTS and swallow it; any other error is raised.

    For work the next pass, tick or sweep does again anyway: an outage is one log line, not one per try.
    """
    caught = Caught()
    try:
        yield caught
    except Exception as e:
        kind = fault_kind(e)
        if kind is None:
            raise
        FAULTS.failed(kind, one_line(e))
        caught.kind = kind
