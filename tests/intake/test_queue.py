"""The job queue (Huey over SQL): duplicate jobs are no-ops, the sweep gives a job to a message that has
none, a claimed message gets no second job, a transient fault reschedules without counting an attempt,
a FETCH batch's jobs are enqueued together and a failed batch enqueue leaves all of them to the sweep."""

from __future__ import annotations

import threading

import peewee
import pytest
from sqlmodel import Session, col, select

import intake.queue
from intake.faults import FAULTS, TransientFault
from intake.fetcher import Fetcher
from intake.jobs import Jobs
from intake.lock import message_claim_file
from intake.processing import SKIPPED
from intake.queue import JobQueue, bind
from intake.recording import Origin, record_message
from intake.service import Service
from intake.source import Fetched
from storage.db import MESSAGE_LOCKS, session_scope, try_xact_lock
from storage.models import Message, Request
from storage.states import Status
from tests.intake.conftest import text_message
from tests.intake.test_exactly_once import _processed_events


def _record(service: Service, n: int) -> int:
    with Session(service.db, expire_on_commit=False) as session:
        recorded = record_message(session, service.blobs, text_message(n), Origin(account="file", folder="t"))
    assert recorded.created
    return recorded.id


def _run_all(queue: JobQueue) -> list[str | None]:
    """Run every job in the queue here, as a worker process would; their outcomes in order."""
    outcomes = []
    while (task := queue.take()) is not None:
        outcomes.append(queue.run(task))
    return outcomes


@pytest.fixture
def queue(service: Service) -> JobQueue:
    bind(service)
    return service.queue


def test_a_duplicate_job_is_a_no_op(service, queue):
    pk = _record(service, 1)
    queue.enqueue_many([pk])
    queue.enqueue_many([pk])  # at-least-once delivery, or a sweep racing the recording
    assert queue.waiting() == {pk}
    assert _run_all(queue) == [Status.FLAGGED, SKIPPED]
    assert _processed_events(service) == {pk: 1}
    assert queue.waiting() == set()


def test_a_message_whose_enqueue_failed_gets_its_job_from_the_sweep(service, queue, monkeypatch):
    pk = _record(service, 1)
    jobs = Jobs(service, queue, follow=True)
    with monkeypatch.context() as patch:
        def away(_pks: list[int]) -> None:
            raise peewee.OperationalError("connection refused")

        patch.setattr(queue, "enqueue_many", away)
        jobs.enqueue_many([(pk, 0)])  # counted as a database fault, not raised
    assert queue.waiting() == set()
    assert jobs.enqueue_due() == 1
    assert queue.waiting() == {pk}
    assert jobs.enqueue_due() == 0  # it has a job now: no second one
    assert _run_all(queue) == [Status.FLAGGED]
    done: list[tuple[int, str]] = []
    jobs.on_done = lambda pk, outcome: done.append((pk, outcome))
    assert jobs.collect() == 0
    assert done == [(pk, Status.FLAGGED)]


def test_a_claimed_message_gets_no_second_job(service, queue):
    pk = _record(service, 1)
    jobs = Jobs(service, queue, follow=False)
    if service.db.dialect.name == "postgresql":
        with session_scope(service.db) as session:
            assert try_xact_lock(session, MESSAGE_LOCKS, pk)
            assert jobs.enqueue_due() == 0
    else:
        with message_claim_file(service.config.storage.data_dir, pk) as held:
            assert held
            assert jobs.enqueue_due() == 0
    assert jobs.enqueue_due() == 1  # the claim is gone and the message still pending


def test_a_transient_fault_reschedules_the_job_and_is_no_attempt(service, queue, monkeypatch):
    pk = _record(service, 1)
    queue.enqueue_many([pk])

    def database_away(_service: Service, _pk: int) -> str:
        raise TransientFault("database", "OperationalError: connection refused")

    monkeypatch.setattr("intake.processing.process_one", database_away)
    monkeypatch.setattr(intake.queue, "backoff_delay", lambda _failures: 3600.0)
    try:
        assert _run_all(queue) == [None]
    finally:
        FAULTS.recovered("database")  # the fault log is the process's: leave it clear for other tests
    assert queue.scheduled() == {pk} and queue.waiting() == {pk}
    with Session(service.db) as session:
        assert session.get(Message, pk).attempts == 0  # type: ignore[union-attr]
        assert session.get(Request, pk).status == Status.PENDING  # type: ignore[union-attr]


class _Folder:
    """The part of a Source that `Fetcher.record` reads."""

    account, folder, has_uids = "acct", "INBOX", True


def test_a_fetch_batch_gets_its_jobs_in_one_enqueue(service, queue, monkeypatch):
    calls: list[list[int]] = []
    enqueue_many = queue.enqueue_many
    monkeypatch.setattr(queue, "enqueue_many", lambda pks: (calls.append(list(pks)), enqueue_many(pks)))
    fetcher = Fetcher(service, _Folder(), queue, threading.Event(), follow=False)  # type: ignore[arg-type]
    batch = [Fetched(uid=uid, raw=text_message(uid)) for uid in (1, 2, 3)]
    assert fetcher.record([*batch, Fetched(uid=4, raw=text_message(1))], uidvalidity=7) == {1, 2, 3, 4}
    with Session(service.db) as session:
        pks = list(session.exec(select(Message.id).order_by(col(Message.uid))))
    assert len(pks) == 3
    assert calls == [pks]  # the copy at UID 4 gets no job
    assert queue.waiting() == set(pks)


def test_a_failed_batch_enqueue_stores_no_job_and_leaves_every_message_to_the_sweep(service, queue, monkeypatch):
    pks = [_record(service, n) for n in (1, 2, 3)]
    database = queue.huey.storage.database
    cursor = database.cursor
    inserted: list[object] = []

    class FailsAfterOneRow:
        """The queue's cursor, whose executemany stores the first job and then loses the connection."""

        def __init__(self) -> None:
            self.real = cursor()

        def __getattr__(self, name: str) -> object:
            return getattr(self.real, name)

        def executemany(self, sql: str, rows: list[object]) -> None:
            self.real.executemany(sql, list(rows)[:1])
            inserted.append(rows[0])
            raise peewee.OperationalError("connection refused")

    jobs = Jobs(service, queue, follow=False)
    with monkeypatch.context() as patch:
        patch.setattr(database, "cursor", FailsAfterOneRow)
        jobs.enqueue_many([(pk, 0) for pk in pks])  # counted as a database fault, not raised
    FAULTS.recovered("database")
    assert len(inserted) == 1
    assert queue.waiting() == set()  # the first job's INSERT was rolled back with the rest
    assert jobs.enqueue_due() == 3
    assert queue.waiting() == set(pks)


def test_a_queue_connection_that_died_is_replaced_before_the_pass_reads_the_queue(service, queue):
    if service.db.dialect.name != "postgresql":
        pytest.skip("a SQLite file does not go away under its connection")
    pk = _record(service, 1)
    queue.enqueue_many([pk])
    queue.huey.storage.database.connection().close()  # as a PostgreSQL restart leaves it
    assert queue.waiting() == {pk}
    queue.huey.storage.database.connection().close()
    assert queue.scheduled() == set()
