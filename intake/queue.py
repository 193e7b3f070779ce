"""The job queue: Huey, its storage in SQL through peewee, where the database is.

One job kind, `process_message(pk)`, enqueued after the message's recording commits. The queue's
tables live beside the data: `data_dir/queue.db` for the SQLite default (a file of its own, so a
long processing transaction on the main database never holds up a dequeue), the same PostgreSQL
database for a `postgresql` URL (tables `huey_task`, `huey_schedule`, `huey_kv`, `huey_counter`;
`FOR UPDATE SKIP LOCKED`), so `intake worker` on another machine needs nothing but the config.

Huey delivers a job at least once; `intake.processing.process_one` (the claim and the pending guard)
makes a second delivery a no-op (`skipped` or `busy`). A transient fault (database away, disk
full) reschedules the job with a capped backoff (`RetryTask`, which Huey does not count against
retries) and is never an attempt. No results are stored: the database says what a message became.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import peewee
from huey import Huey
from huey.api import Task
from huey.contrib.sql_huey import SqlStorage
from huey.exceptions import RetryTask
from peewee import Database, ModelIndex, PostgresqlDatabase, SqliteDatabase
from playhouse.db_url import connect
from sqlalchemy.engine import make_url

from intake.config import Config
from intake.faults import FAULTS, TransientFault, backoff_delay, one_line

log = logging.getLogger("intake.daemon")

QUEUE = "intake"  # the queue's name: its rows in the huey_* tables
JOB = "process_message"
SCHEMA_LOCK = 3  # advisory-lock namespace for creating the queue's tables (1, 2: storage.db)
BUSY_TIMEOUT_MS = 30_000  # SQLite: how long a queue write waits for another writer of queue.db


class _Storage(SqlStorage):
    """Huey's SQL storage with its tables named `huey_*`, clear of the product's own tables."""

    def create_models(self):  # type: ignore[no-untyped-def]
        models = super().create_models()
        for model in models:
            model._meta.set_table_name(f"huey_{model._meta.table_name}")
        task = models[2]
        task._meta.indexes = [index for index in task._meta.indexes if not isinstance(index, ModelIndex)]
        task.add_index(task.priority.desc(), task.id)  # Huey's dequeue order, on the renamed table
        return models

    def enqueue_many(self, data: list[bytes]) -> None:
        """Store serialized tasks (priority 0) in one executemany and one commit: all of them or, raising, none.

        Huey's own `enqueue` is one INSERT and one commit (on SQLite one WAL fsync) per task, and
        peewee's multi-row INSERT spends more time building its SQL than the database spends on it.
        """
        self.check_conn()
        task, mark = self.Task._meta, self.database.param
        sql = f'INSERT INTO "{task.table_name}" ("queue", "data", "priority") VALUES ({mark}, {mark}, {mark})'
        # the wrapper raises the driver's errors as peewee's (as peewee's own queries do), which `fault_kind` knows
        with self.database.atomic(), peewee.__exception_wrapper__:
            self.database.cursor().executemany(sql, [(self.name, d, 0) for d in data])


def queue_database(config: Config) -> Database:
    """The peewee database holding the queue: `data_dir/queue.db`, or the configured PostgreSQL database."""
    url = make_url(config.storage.url)
    if url.get_backend_name() == "sqlite":
        path = Path(config.storage.data_dir) / "queue.db"
        # synchronous=normal: a commit is not fsynced (the WAL is, at each checkpoint), so a power cut
        # may lose the last jobs stored or taken, never the file. Nothing is lost with them: the sweep
        # gives every pending message without a job a job again, and a job run twice is a no-op.
        return SqliteDatabase(str(path), pragmas={"journal_mode": "wal", "synchronous": "normal",
                                                  "busy_timeout": BUSY_TIMEOUT_MS})
    # peewee speaks psycopg 3 itself (psycopg2 is not needed); it takes a plain postgresql:// URL
    return connect(url.set(drivername="postgresql").render_as_string(hide_password=False))


class JobQueue:
    """The product's queue: enqueue, list what waits, take and run jobs. Queue errors are raised as they
    come (peewee's OperationalError and InterfaceError count as `database` faults)."""

    def __init__(self, config: Config) -> None:
        self.huey = Huey(QUEUE, results=False, utc=True, storage_class=_Storage,
                         database=queue_database(config), create_tables=False)
        self._job = self.huey.task(name=JOB)(_process_message)

    def create(self) -> None:
        """Make the queue's tables if missing (`Service.init`); on PostgreSQL under an advisory lock, so
        commands starting together do not race on CREATE TABLE."""
        storage, database = self.huey.storage, self.huey.storage.database
        models = [storage.KV, storage.Schedule, storage.Task, storage.Counter]
        if all(database.table_exists(model._meta.table_name) for model in models):
            return
        with database.atomic():
            if isinstance(database, PostgresqlDatabase):
                database.execute_sql("SELECT pg_advisory_xact_lock(%s, 0)", (SCHEMA_LOCK,))
            database.create_tables(models)

    def enqueue_many(self, message_pks: Sequence[int]) -> None:
        """Commit one `process_message` job per message, all in one transaction (none if it raises)."""
        if message_pks:
            self.huey.storage.enqueue_many([self.huey.serialize_task(self._job.s(pk)) for pk in message_pks])

    def waiting(self) -> set[int]:
        """The messages that have a job in the queue or scheduled (a retry after a transient fault)."""
        # Huey replaces a dead connection only on enqueue and dequeue; this is the first read of a
        # pass, so a connection that died in the last batch's enqueue would fail every pass after it
        self.huey.storage.check_conn()
        return {task.args[0] for task in [*self.huey.pending(), *self.huey.scheduled()] if task.name == JOB}

    def scheduled(self) -> set[int]:
        """The messages whose job waits for its retry after a transient fault."""
        self.huey.storage.check_conn()  # as in `waiting`
        return {task.args[0] for task in self.huey.scheduled() if task.name == JOB}

    def take(self) -> Task | None:
        """Move jobs whose retry time has come into the queue, then take the next job (None: nothing to do)."""
        for task in self.huey.read_schedule():
            self.huey.enqueue(task)
        return self.huey.dequeue()

    def run(self, task: Task) -> str | None:
        """Run one job: its outcome (`intake.processing.process_one`'s), None when it was rescheduled.

        A reschedule that cannot be stored (the queue away) raises; the sweep gives the message a job again.
        """
        return self.huey.execute(task)

    def close(self) -> None:
        self.huey.storage.close()


_service = None  # the worker process's Service, set by `bind`


def bind(service: object) -> None:
    """Give this worker process's jobs the Service they run with."""
    global _service
    _service = service


def _process_message(message_pk: int) -> str:
    """The job: process the message once; a transient fault is counted in FAULTS and retried later."""
    from intake.processing import process_one

    try:
        outcome = process_one(_service, message_pk)  # type: ignore[arg-type]
    except TransientFault as e:
        FAULTS.failed(e.kind, e.text)
        raise RetryTask(delay=backoff_delay(FAULTS.count(e.kind) - 1)) from None
    except Exception as e:  # noqa: BLE001 - counting the failure itself failed: one line, the sweep retries
        log.error("message %s: %s", message_pk, one_line(e))
        return "error"
    for kind in ("database", "disk"):
        FAULTS.recovered(kind)
    return outcome
