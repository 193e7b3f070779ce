"""One pass over a folder: record every message not yet recorded, give each its job, log its outcome.

Exactly once: a UID already recorded under the folder's current UIDVALIDITY, or at or below the
folder's `uid_seen` mark, is not fetched again; recording deduplicates by Message-ID and bytes and
commits each FETCH batch (blobs fsynced, then one transaction) before anything parses it. After a crash the unrecorded UIDs are fetched again and the recorded-but-pending messages are
given jobs again (processing is idempotent).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import closing
from functools import cache

from sqlalchemy import Select, Update, bindparam, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from intake.faults import FAULTS, TransientFault, counted_faults, describe, fault_kind, one_line
from intake.jobs import Jobs
from intake.logs import event_line
from intake.queue import JobQueue
from intake.recording import Origin, Recorded, record_batch
from intake.service import Service
from intake.source import Fetched, Source
from storage.db import upsert
from storage.models import FolderState, Message
from storage.times import now_db

log = logging.getLogger("intake.daemon")


class Fetcher:
    def __init__(self, service: Service, source: Source, queue: JobQueue, stop: threading.Event, *,
                 follow: bool, on_processed: Callable[[], None] = lambda: None) -> None:
        """`follow`: follow each message's job to its outcome (log line, processed mark); poll without
        local workers only records."""
        self.service, self.source, self.stop = service, source, stop
        self.jobs = Jobs(service, queue, follow=follow, on_done=self._done)
        self.on_processed = on_processed  # a processed message may have queued an acknowledgement
        self.seen: dict[int, tuple[int | None, str]] = {}  # message id → (UID here, Message-ID), for its line
        self.to_mark: list[int] = []
        self.failed = 0  # messages that could not be stored
        self.store_fault: TransientFault | None = None  # the last pass could not store for this reason
        mailbox = service.config.mailbox
        self._marking = source.has_uids and bool(mailbox.processed_folder or mailbox.processed_keyword)

    def run_pass(self) -> None:
        """Record every new message of the folder; processing continues in the workers."""
        self.store_fault = None
        uidvalidity = self.source.select()
        seen = self._uid_seen(uidvalidity)
        self.jobs.enqueue_due()  # recorded earlier but never processed (a crash, a stop, an outage)
        listed = self.source.uids()
        accounted = self._recorded_uids(uidvalidity)
        todo = [u for u in listed if u > seen and u not in accounted] if self.source.has_uids else listed
        if todo:
            log.info("%s", event_line("pass", folder=self.source.folder, uidvalidity=uidvalidity, new=len(todo)))
        # closed however the loop ends, so a FETCH still under way is over before the connection is used again
        with closing(self.source.fetch(todo)) as batches:
            for batch in batches:
                accounted |= self.record(batch, uidvalidity)
                if self.stop.is_set():
                    break  # stop fetching; what is recorded stays recorded
        done: dict[str, object] = {"uid_seen": _settled(listed, accounted, seen)} if self.source.has_uids else {}
        if self.store_fault is None:
            for kind in ("database", "disk"):  # every new message was stored
                FAULTS.recovered(kind)
        cleared: dict[str, object] = {} if FAULTS.active() else {"last_error": "", "last_error_at": None}
        self._note(last_poll_at=now_db(), **cleared, **done)

    def _recorded_uids(self, uidvalidity: int) -> set[int]:
        if not self.source.has_uids:
            return set()
        with self.service.db.connect() as connection:
            return set(connection.scalars(_recorded_uids(), {**self._folder_key(), "uidvalidity": uidvalidity}))

    def record(self, batch: list[Fetched], uidvalidity: int) -> set[int]:
        """Record one FETCH batch in one transaction; returns the UIDs now recorded or known as copies.

        If the batch cannot be stored, its messages are stored one by one, so a bad one stops only itself;
        a transient fault (database away, disk full) is kept in `store_fault`, so the daemon passes
        again after a backoff instead of waiting for new mail.
        """
        try:
            results = self._store(batch, uidvalidity)
        except Exception as e:  # noqa: BLE001 - one message that cannot be stored must not stop the others
            kind = fault_kind(e)
            if len(batch) > 1:
                if kind is None:
                    log.warning("storing a batch of %d failed: storing its messages one by one", len(batch))
                return set().union(*(self.record([fetched], uidvalidity) for fetched in batch))
            self.failed += 1
            if kind is None:
                log.exception("storing uid=%s failed", batch[0].uid)
                self._line(batch[0].uid, None, None, "store_failed")
            else:  # the database or the disk is away: one line per outage, and the daemon passes again soon
                FAULTS.failed(kind, one_line(e))
                self.store_fault = self.store_fault or TransientFault(kind, describe(kind, e))
            return set()
        recorded: list[tuple[int, int]] = []
        for fetched, result in zip(batch, results, strict=True):
            if result.created:
                self.seen[result.id] = (fetched.uid, result.message_id)
                recorded.append((result.id, 0))
            else:
                self._line(fetched.uid, result.id, result.message_id, "duplicate")
                self._mark_later(fetched.uid)
        self.jobs.enqueue_many(recorded)  # committed above: now their jobs, in one queue transaction
        return {fetched.uid for fetched in batch if fetched.uid is not None}

    def _store(self, batch: list[Fetched], uidvalidity: int) -> list[Recorded]:
        origins = [Origin(account=self.source.account, folder=self.source.folder,
                          uidvalidity=uidvalidity if f.uid is not None else None, uid=f.uid,
                          internaldate=f.internaldate) for f in batch]
        with Session(self.service.db) as session:
            results = record_batch(session, self.service.blobs,
                                   [(f.raw, origin) for f, origin in zip(batch, origins, strict=True)])
            copies = [(result.id, origin) for result, origin in zip(results, origins, strict=True)
                      if not result.created and origin.uid is not None]
            for pk, origin in copies:
                session.connection().execute(_relocated(pk, origin))
            if copies:
                session.commit()
        return results

    def sweep(self) -> None:
        """Every `intake.jobs.SWEEP` seconds: a job again for each pending message that has none."""
        self.jobs.sweep()

    def collect(self) -> int:
        """Log the outcome of every followed message whose job is over; returns how many are still followed.

        A database that cannot be read is counted in FAULTS, not raised.
        """
        with counted_faults():
            return self.jobs.collect()
        return len(self.jobs.following)

    def drain(self) -> None:
        """Wait for the jobs of this pass (poll), unless asked to stop or only retries after a fault are left."""
        self.jobs.drain(self.stop)

    def _done(self, pk: int, outcome: str) -> None:
        uid, message_id = self.seen.pop(pk, None) or self._where(pk)
        self._line(uid, pk, message_id, outcome)
        if outcome != "error":
            self._mark_later(uid)
            self.on_processed()
        for kind in ("database", "disk"):
            FAULTS.recovered(kind)

    def _where(self, pk: int) -> tuple[int | None, str | None]:
        """(UID in this folder or None, Message-ID) of a message this pass did not record (a sweep's job)."""
        with Session(self.service.db) as session:
            message = session.get(Message, pk)
        if message is None:
            return None, None
        here = (message.account, message.folder) == (self.source.account, self.source.folder)
        return message.uid if here else None, message.message_id

    def _mark_later(self, uid: int | None) -> None:
        if self._marking and uid is not None:
            self.to_mark.append(uid)

    def flush_marks(self) -> None:
        if self.to_mark:
            marks, self.to_mark = sorted(set(self.to_mark)), []
            self.source.mark_processed(marks)

    def note_error(self, text: str) -> None:
        self._note(last_error=text[:500], last_error_at=now_db())

    def _uid_seen(self, uidvalidity: int) -> int:
        """Every UID up to this one is recorded or a copy; 0 on first contact or a new UIDVALIDITY."""
        with self.service.db.connect() as connection:
            state = connection.execute(_folder_state(), self._folder_key()).first()
        if state is None or state.uidvalidity != uidvalidity:
            log.info("folder=%s uidvalidity=%s (was %s): reading every message in it", self.source.folder,
                     uidvalidity, state.uidvalidity if state else None)
            self._note(uidvalidity=uidvalidity, uid_seen=None)
            return 0
        return state.uid_seen or 0

    def _folder_key(self) -> dict[str, object]:
        return {"account": self.source.account, "folder": self.source.folder}

    def _note(self, **values: object) -> None:
        """Set these columns of the folder's state row, making the row if it is missing."""
        try:
            # a Core upsert, not a loaded and flushed ORM object: run at the start and end of every pass
            with self.service.db.begin() as connection:
                connection.execute(upsert(connection.dialect.name, FolderState.__table__, ("account", "folder"),  # type: ignore[attr-defined]
                                          tuple(values)), {**self._folder_key(), **values})
        except Exception as e:  # noqa: BLE001 - bookkeeping must not stop intake
            if fault_kind(e) is None:
                log.exception("updating folder state failed")

    def _line(self, uid: int | None, pk: int | None, message_id: str | None, outcome: str) -> None:
        """The one structured log line per message: where it was, its row id and Message-ID, what it became."""
        log.info("%s", event_line("message", account=self.source.account, folder=self.source.folder, uid=uid,
                                  id=pk, message_id=message_id, outcome=outcome))


@cache
def _folder_state() -> Select[tuple[int | None, int | None]]:
    """(uidvalidity, uid_seen) of the folder `folder` of `account`: no row on first contact."""
    return sa_select(col(FolderState.uidvalidity), col(FolderState.uid_seen)).where(
        col(FolderState.account) == bindparam("account"), col(FolderState.folder) == bindparam("folder"))


@cache
def _recorded_uids() -> Select[tuple[int | None]]:
    """The UIDs of the messages recorded from `folder` of `account` under `uidvalidity`."""
    return sa_select(col(Message.uid)).where(
        col(Message.account) == bindparam("account"), col(Message.folder) == bindparam("folder"),
        col(Message.uidvalidity) == bindparam("uidvalidity"))


def _relocated(pk: int, origin: Origin) -> Update:
    """A message seen again in its folder under a new UIDVALIDITY now lives at its new UID (a copy from
    another folder, or one already there, is left as it is)."""
    return (update(Message)
            .where(col(Message.id) == pk, col(Message.account) == origin.account, col(Message.folder) == origin.folder,
                   col(Message.uidvalidity).is_distinct_from(origin.uidvalidity))
            .values(uidvalidity=origin.uidvalidity, uid=origin.uid))


def _settled(listed: list[int], accounted: set[int], seen: int) -> int:
    """The highest listed UID up to which every listed message is recorded or a copy of one.

    It stops below a message that could not be stored (or was not fetched before a stop), so that
    one is fetched again; copies of a recorded message at other UIDs are not fetched again.
    """
    for uid in listed:
        if uid > seen:
            if uid not in accounted:
                break
            seen = uid
    return seen
