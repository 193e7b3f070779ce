"""Locks that die with their holder: one fetcher per mailbox, one worker per message.

SQLite: an flock on a file in data_dir (the kernel drops it when the process dies; spawned worker
processes do not inherit the descriptor). PostgreSQL: a session advisory lock held on a dedicated
connection (the server drops it when that session ends, a restart included: `keep` takes it again).
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from intake.errors import IntakeError

log = logging.getLogger("intake.daemon")


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

    def held(self) -> bool:
        return self._fd is not None  # a process keeps its flock until it lets go or dies


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
            except Exception:  # noqa: BLE001, S110 - the session is gone, and the server dropped its lock with it
                pass
            finally:
                self._drop()

    def held(self) -> bool:
        """Whether the session holding the lock is still alive (a database restart ends it)."""
        if self._conn is None:
            return False
        try:
            self._conn.execute(text("SELECT 1")).scalar()
            self._conn.commit()
            return True
        except Exception:  # noqa: BLE001 - any failure means the session, and so the lock, may be gone
            self._drop()
            return False

    def _drop(self) -> None:
        assert self._conn is not None
        try:
            # never hand a connection that might still hold the lock back to the pool
            self._conn.invalidate()
            self._conn.close()
        except Exception:  # noqa: BLE001, S110 - closing a dead connection has nothing left to do
            pass
        self._conn = None


class MailboxLock:
    """Context manager; raises LockBusy when another fetcher holds the mailbox."""

    def __init__(self, engine: Engine, data_dir: Path, account: str, folder: str) -> None:
        if engine.dialect.name == "postgresql":
            self._impl: FileMailboxLock | AdvisoryMailboxLock = AdvisoryMailboxLock(engine, account, folder)
        else:
            self._impl = FileMailboxLock(data_dir, account, folder)
        self.account, self.folder = account, folder
        self._lost = False

    def try_acquire(self) -> bool:
        return self._impl.try_acquire()

    def release(self) -> None:
        self._impl.release()

    def keep(self) -> bool:
        """Still hold the lock, taking it again after its database session was lost; False if that fails.

        The loss is logged once; False means another fetcher took the mailbox or the database is away.
        """
        if self._impl.held():
            return True
        if not self._lost:
            log.warning("收信锁已随数据库连接丢失：重新获取后再收信")
        self._lost = True
        try:
            got = self._impl.try_acquire()
        except Exception:  # noqa: BLE001 - the database is still away: the caller backs off and asks again
            return False
        if got:
            log.info("已重新获取收信锁")
            self._lost = False
        return got

    def __enter__(self) -> MailboxLock:
        if not self.try_acquire():
            raise LockBusy(f"另一个收信进程正在处理邮箱 {self.account} 的 {self.folder}，本次不再收取")
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


@contextmanager
def message_claim_file(data_dir: Path, message_pk: int) -> Iterator[bool]:
    """SQLite: an flock claiming one message for this process; yields False when another holds it.

    SQLite lives on one machine, so a file lock reaches every worker. When the block ends without an
    exception the message is no longer pending, and its file is removed (still locked) so claims do
    not pile up; a worker that opened it meanwhile finds the message processed.
    """
    path = data_dir / "locks" / f"message-{message_pk}.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
        path.unlink(missing_ok=True)
    finally:
        os.close(fd)


def message_claim_held(data_dir: Path, message_pk: int) -> bool:
    """SQLite: whether a worker holds the message's claim (`message_claim_file`) at this moment.

    The probe is a shared flock taken and dropped at once; a worker claiming in that instant finds the
    claim taken and leaves the message, which the next sweep gives a job again.
    """
    path = data_dir / "locks" / f"message-{message_pk}.lock"
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False
