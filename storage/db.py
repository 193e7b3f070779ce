"""Engine and sessions for SQLite (embedded, WAL) or PostgreSQL, and schema migrations."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, Insert, Table, create_engine, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

SQLITE_BUSY_TIMEOUT_MS = 15_000


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            _private_file(Path(path))
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000,
                                                  "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return create_engine(url, pool_pre_ping=True)


@cache
def upsert(dialect: str, table: Table, key: tuple[str, ...], columns: tuple[str, ...]) -> Insert:
    """INSERT of rows into `table` that, where a row with the same `key` columns exists, sets its `columns`
    instead (keeps it as it is when there are none); values are bound by column name at execution.

    `dialect` is "postgresql" or "sqlite" (a connection's `dialect.name`). Built once per dialect and
    columns, so every execution after an engine's first is a cached compiled statement.
    """
    insert = (postgresql if dialect == "postgresql" else sqlite).insert(table)
    if not columns:
        return insert.on_conflict_do_nothing(index_elements=list(key))
    return insert.on_conflict_do_update(index_elements=list(key), set_={name: insert.excluded[name] for name in columns})


def _private_file(path: Path) -> None:
    """The database file exists with mode 0600 before SQLite opens it; its -wal and -shm take that mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # each commit fsyncs the WAL: a recorded message's row, and its bytes when they are small
    # (storage.blobs.INLINE_BYTES), are durable when the commit returns; not left to the build's default
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: committed on success, rolled back on any error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration; a database already there costs one query.

    Alembic is imported only when there is work to do, so read-only commands start fast.
    """
    if current_revision(engine) == head_revision():
        return
    from alembic import command
    from alembic.config import Config as AlembicConfig

    location = resources.files("storage") / "migrations"
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(location))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


def current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:  # no schema yet
        return None


def head_revision() -> str:
    """The newest revision: the one no other migration names as its down_revision."""
    versions = resources.files("storage") / "migrations" / "versions"
    revisions, parents = set(), set()
    for script in versions.iterdir():
        if script.name.endswith(".py"):
            source = script.read_text(encoding="utf-8")
            revisions.update(re.findall(r"^revision = ['\"](\w+)['\"]", source, flags=re.M))
            parents.update(re.findall(r"^down_revision = ['\"](\w+)['\"]", source, flags=re.M))
    (head,) = revisions - parents
    return head


MESSAGE_LOCKS, SCHOOL_LOCKS = 1, 2  # advisory-lock namespaces (the first key of the two-int form)


def try_xact_lock(session: Session, namespace: int, key: int) -> bool:
    """PostgreSQL: take a lock held until the session's transaction ends; False if another holds it.

    SQLite has no such lock (its writers are serialised by the database itself): always True.
    """
    if session.get_bind().dialect.name != "postgresql":
        return True
    query = text("SELECT pg_try_advisory_xact_lock(:ns, :key)")
    return bool(session.execute(query, {"ns": namespace, "key": key}).scalar())


def xact_lock(session: Session, namespace: int, key: int) -> None:
    """PostgreSQL: wait for a lock held until the session's transaction ends; SQLite: nothing to do."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:ns, :key)"), {"ns": namespace, "key": key})
