"""One fetcher per mailbox: a lock that dies with its holder.

SQLite: an flock on a file in data_dir (the kernel drops it when the process dies; spawned worker
processes do not inherit the descriptor). PostgreSQL: a session advisory lock held on a dedicated
connection (the server drops it when that session ends).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from intake.errors import IntakeError


class LockBusy(IntakeError):
    """Another fetcher already holds this mailbox."""


def _key(account: str, folder: str) -> str:
    return f"{account}\x00{folder}"


class FileMailboxLock:
    def __init__(self, data_dir: Path, account: str, folder: str) -> None:
        digest = hashlib.sha256(_key(account, folder).encode()).hexdigest()[:16]
        self.path = data_dir / "locks" / f"mailbox-{digest}.lock"
        self._fd: int | None = None

    def try_acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


class AdvisoryMailboxLock:
    def __init__(self, engine: Engine, account: str, folder: str) -> None:
        digest = hashlib.sha256(_key(account, folder).encode()).digest()
        self.key = int.from_bytes(digest[:8], "big", signed=True)  # pg advisory keys are bigint
        self.engine = engine
        self._conn: Connection | None = None

    def try_acquire(self) -> bool:
        conn = self.engine.connect()
        got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self.key}).scalar())
        conn.commit()  # end the implicit transaction; the session lock outlives it
        if not got:
            conn.close()
            return False
        self._conn = conn
        return True

    def release(self) -> None:
        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self.key})
            finally:
                # never hand a connection that might still hold the lock back to the pool
                self._conn.invalidate()
                self._conn.close()
                self._conn = None


class MailboxLock:
    """Context manager; raises LockBusy when another fetcher holds the mailbox."""

    def __init__(self, engine: Engine, data_dir: Path, account: str, folder: str) -> None:
        if engine.dialect.name == "postgresql":
            self._impl: FileMailboxLock | AdvisoryMailboxLock = AdvisoryMailboxLock(engine, account, folder)
        else:
            self._impl = FileMailboxLock(data_dir, account, folder)
        self.account, self.folder = account, folder

    def try_acquire(self) -> bool:
        return self._impl.try_acquire()

    def release(self) -> None:
        self._impl.release()

    def __enter__(self) -> MailboxLock:
        if not self.try_acquire():
            raise LockBusy(f"另一个收信进程正在处理邮箱 {self.account} 的 {self.folder}，本次不再收取")
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
