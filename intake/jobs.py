"""The producer's side of the job queue: enqueue a message's job, follow it to its outcome, sweep.

A recorded message gets its `process_message` job after the recording commits. What the job made
of it is read from the database (the request left `pending`, or its attempts grew), not from the
queue. The sweep, every `SWEEP` seconds, gives a job again to each pending message (fewer than
`MAX_ATTEMPTS` failures) that has none: no job waiting in the queue or its schedule and no worker
holding its claim. That covers a job never stored (the queue's storage was away), one lost with a
worker killed mid-job, and the retry after a failed attempt; so a backlog left by an outage is
finished with no new mail and no command.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence

from sqlmodel import Session, col, select

from intake.faults import counted_faults
from intake.processing import claimed
from intake.queue import JobQueue, bind
from intake.service import Service
from storage.models import Message, Request
from storage.states import Status
from workflow.pipeline import MAX_ATTEMPTS

log = logging.getLogger("intake.daemon")

SWEEP = 10.0  # seconds between sweeps
CHUNK = 500  # message ids per status query


class Jobs:
    """Jobs this process enqueued and still follows: message id → its attempts when enqueued.

    `on_done(pk, outcome)` is called once per followed message when its job is over: outcome is the
    request's status (or kind, for an unrelated message), or "error" for a counted failed attempt.
    """

    def __init__(self, service: Service, queue: JobQueue, *, follow: bool,
                 on_done: Callable[[int, str], None] = lambda _pk, _outcome: None) -> None:
        """`follow`: keep each enqueued message until its outcome (False: enqueue and forget)."""
        self.service, self.queue, self.follow, self.on_done = service, queue, follow, on_done
        self.following: dict[int, int] = {}
        self._next_sweep = 0.0

    def enqueue_many(self, due: Sequence[tuple[int, int]]) -> None:
        """Give each (message id, its attempts so far) a job, all in one queue transaction.

        A queue that is away is counted in FAULTS and not raised: then none of them has a job, and
        each is left to the sweep (still pending, no job waiting).
        """
        if self.follow:
            self.following.update(due)
        with counted_faults():
            self.queue.enqueue_many([pk for pk, _ in due])

    def enqueue_due(self) -> int:
        """A job for every due message that has none (raises the database's error); returns how many."""
        with Session(self.service.db) as session:
            due = due_messages(session)
        waiting = self.queue.waiting()
        held = claimed(self.service, (pk for pk, _ in due if pk not in waiting))
        jobless = [(pk, attempts) for pk, attempts in due if pk not in waiting and pk not in held]
        self.enqueue_many(jobless)
        return len(jobless)

    def sweep(self) -> None:
        """Every `SWEEP` seconds: `enqueue_due`; a database or queue still away is counted, not raised."""
        if time.monotonic() < self._next_sweep:
            return
        self._next_sweep = time.monotonic() + SWEEP
        with counted_faults():
            self.enqueue_due()

    def collect(self) -> int:
        """Report every followed message whose job is over; returns how many are still followed.

        Raises the database's error when it cannot be read.
        """
        pks = list(self.following)
        for start in range(0, len(pks), CHUNK):
            with Session(self.service.db) as session:
                rows = session.exec(select(Request.id, Request.status, Request.kind, Message.attempts)
                                    .join(Message, col(Message.id) == Request.id)
                                    .where(col(Request.id).in_(pks[start:start + CHUNK]))).all()
            for pk, status, kind, attempts in rows:
                if status != Status.PENDING:
                    outcome = str(status or kind)
                elif attempts > self.following[pk]:
                    outcome = "error"  # counted; the sweep gives it another job
                else:
                    continue
                del self.following[pk]
                self.on_done(pk, outcome)
        return len(self.following)

    def drain(self, stop: threading.Event, *, here: bool = False, tick: float = 0.2) -> None:
        """Until every followed message is over (poll, ingest), unless asked to stop.

        `here`: this process takes and runs the jobs itself, one at a time (one local worker: a
        process of its own would only add its start-up), else the workers do. Returns early, leaving
        them pending for a later run, when all that is left waits for a retry after a transient
        fault, or when the database or the queue is away.
        """
        if here:
            bind(self.service)
        while self.following and not stop.is_set():
            with counted_faults() as fault:
                task = self.queue.take() if here else None
                if task is not None:
                    self.queue.run(task)
                if not self.collect():
                    return
                self.sweep()
                if set(self.following) <= self.queue.scheduled():
                    return
            if fault.kind is not None:
                return
            if task is None:
                stop.wait(tick)


def due_messages(session: Session) -> Sequence[tuple[int, int]]:
    """(id, attempts) of every pending message still to be tried, oldest first."""
    return session.exec(
        select(Message.id, Message.attempts)
        .join(Request, col(Request.id) == Message.id)
        .where(Request.status == Status.PENDING, Message.attempts < MAX_ATTEMPTS)
        .order_by(col(Message.id))).all()  # type: ignore[return-value]
