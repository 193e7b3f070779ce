"""One pass over a folder: record every message not yet recorded, hand each to a worker, log its outcome.

Exactly once: a UID already recorded under the folder's current UIDVALIDITY, or at or below the
folder's `uid_seen` mark, is not fetched again; recording deduplicates by Message-ID and bytes and
commits each FETCH batch (blobs fsynced, then one transaction) before anything parses it. After a crash the unrecorded UIDs are fetched again and the recorded-but-pending messages are
processed again (processing is idempotent).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, wait
from dataclasses import dataclass

from sqlmodel import Session, col, select

from intake.faults import FAULTS, TransientFault, describe, fault_kind, one_line
from intake.logs import event_line
from intake.recording import Origin, record_batch
from intake.service import Service
from intake.source import Fetched, Source
from intake.workers import Workers
from storage.models import FolderState, Message, Request
from storage.states import Status
from storage.times import now_db
from workflow.pipeline import MAX_ATTEMPTS

log = logging.getLogger("intake.daemon")

SWEEP = 10.0  # seconds between looks for pending messages, so a backlog left by a fault needs no new mail
RETRY = "retry"  # outcome of a transient fault: the message stays pending and the sweep resubmits it


@dataclass
class InFlight:
    future: Future[str]
    uid: int | None
    message_id: str | None = None  # the Message-ID header, for the log line


class Fetcher:
    def __init__(self, service: Service, source: Source, workers: Workers, stop: threading.Event,
                 on_processed: Callable[[], None] = lambda: None) -> None:
        self.service, self.source, self.workers, self.stop = service, source, workers, stop
        self.on_processed = on_processed  # a processed message may have queued an acknowledgement
        self.in_flight: dict[int, InFlight] = {}
        self.to_mark: list[int] = []
        self.failed = 0  # messages that could not be stored
        self.store_fault: TransientFault | None = None  # the last pass could not store for this reason
        mailbox = service.config.mailbox
        self._marking = source.has_uids and bool(mailbox.processed_folder or mailbox.processed_keyword)
        self._next_sweep = 0.0

    def run_pass(self) -> None:
        """Record every new message of the folder; processing continues in the workers."""
        self.store_fault = None
        uidvalidity = self.source.select()
        seen = self._uid_seen(uidvalidity)
        self.submit_pending()
        listed = self.source.uids()
        accounted = self._recorded_uids(uidvalidity)
        todo = [u for u in listed if u > seen and u not in accounted] if self.source.has_uids else listed
        if todo:
            log.info("%s", event_line("pass", folder=self.source.folder, uidvalidity=uidvalidity, new=len(todo)))
        for batch in self.source.fetch(todo):
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
        with Session(self.service.db) as session:
            return set(session.exec(select(Message.uid).where(
                Message.account == self.source.account, Message.folder == self.source.folder,
                Message.uidvalidity == uidvalidity)))  # type: ignore[arg-type]

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
        for fetched, (message, created) in zip(batch, results, strict=True):
            if created:
                self._submit(message.id, fetched.uid, message.message_id)  # type: ignore[arg-type]
            else:
                self._line(fetched.uid, message.id, message.message_id, "duplicate")
                self._mark_later(fetched.uid)
        return {fetched.uid for fetched in batch if fetched.uid is not None}

    def _store(self, batch: list[Fetched], uidvalidity: int) -> list[tuple[Message, bool]]:
        origins = [Origin(account=self.source.account, folder=self.source.folder,
                          uidvalidity=uidvalidity if f.uid is not None else None, uid=f.uid,
                          internaldate=f.internaldate) for f in batch]
        with Session(self.service.db, expire_on_commit=False) as session:
            results = record_batch(session, self.service.blobs,
                                   [(f.raw, origin) for f, origin in zip(batch, origins, strict=True)])
            for (message, created), origin in zip(results, origins, strict=True):
                if not created:
                    self._relocate(session, message, origin)
        return results

    def _relocate(self, session: Session, message: Message, origin: Origin) -> None:
        """A message seen again in its folder under a new UIDVALIDITY now lives at its new UID."""
        same_folder = (message.account, message.folder) == (origin.account, origin.folder)
        if same_folder and origin.uid is not None and message.uidvalidity != origin.uidvalidity:
            message.uidvalidity, message.uid = origin.uidvalidity, origin.uid
            session.add(message)
            session.commit()

    def sweep(self) -> None:
        """Every `SWEEP` seconds: submit what is pending again; a database still away is counted, not raised."""
        if time.monotonic() < self._next_sweep:
            return
        self._next_sweep = time.monotonic() + SWEEP
        try:
            self.submit_pending()
        except Exception as e:
            kind = fault_kind(e)
            if kind is None:
                raise
            FAULTS.failed(kind, one_line(e))

    def submit_pending(self) -> None:
        """Messages recorded earlier but never processed (a crash, a stop) go to the workers again."""
        if not self.workers.size:
            return
        with Session(self.service.db) as session:
            rows = due_messages(session)
        for pk, account, folder, uid, message_id in rows:
            if pk not in self.in_flight:
                here = (account, folder) == (self.source.account, self.source.folder)
                self._submit(pk, uid if here else None, message_id)

    def _submit(self, pk: int, uid: int | None, message_id: str) -> None:
        if not self.workers.size:
            return  # `[ocr] workers = 0`: `intake worker` processes on this or another machine
        self.in_flight[pk] = InFlight(self.workers.submit(pk), uid, message_id)

    def collect(self, timeout: float | None = 0) -> int:
        """Log the outcome of every finished message; returns how many are still in the workers."""
        if timeout != 0 and self.in_flight:
            wait([f.future for f in self.in_flight.values()], timeout=timeout)
        for pk, item in list(self.in_flight.items()):
            if not item.future.done():
                continue
            del self.in_flight[pk]
            outcome = outcome_of(pk, item.future, on_fault=self.note_error)
            if outcome == RETRY:
                continue  # one line per kind of fault, not per message; the sweep submits it again
            self._line(item.uid, pk, item.message_id, outcome)
            if outcome not in ("error", "abandoned"):
                self._mark_later(item.uid)
                self.on_processed()
        return len(self.in_flight)

    def drain(self) -> None:
        """Wait for every message in the workers (poll), unless asked to stop."""
        while self.in_flight and not self.stop.is_set():
            self.collect(timeout=1.0)

    def _mark_later(self, uid: int | None) -> None:
        if self._marking and uid is not None:
            self.to_mark.append(uid)

    def flush_marks(self) -> None:
        if self.to_mark:
            marks, self.to_mark = sorted(set(self.to_mark)), []
            self.source.mark_processed(marks)

    def shutdown(self, grace: float) -> None:
        """Finish or abandon the messages in hand; abandoned ones stay pending and are retried."""
        self.workers.stop([f.future for f in self.in_flight.values()], grace)
        self.collect()
        for pk, item in self.in_flight.items():
            self._line(item.uid, pk, "abandoned")
        self.in_flight.clear()

    def note_error(self, text: str) -> None:
        self._note(last_error=text[:500], last_error_at=now_db())

    def _uid_seen(self, uidvalidity: int) -> int:
        """Every UID up to this one is recorded or a copy; 0 on first contact or a new UIDVALIDITY."""
        with Session(self.service.db) as session:
            state = session.get(FolderState, (self.source.account, self.source.folder))
        if state is None or state.uidvalidity != uidvalidity:
            log.info("folder=%s uidvalidity=%s (was %s): reading every message in it", self.source.folder,
                     uidvalidity, state.uidvalidity if state else None)
            self._note(uidvalidity=uidvalidity, uid_seen=None)
            return 0
        return state.uid_seen or 0

    def _note(self, **values: object) -> None:
        try:
            with Session(self.service.db) as session:
                state = session.get(FolderState, (self.source.account, self.source.folder))
                if state is None:
                    state = FolderState(account=self.source.account, folder=self.source.folder)
                for key, value in values.items():
                    setattr(state, key, value)
                session.add(state)
                session.commit()
        except Exception as e:  # noqa: BLE001 - bookkeeping must not stop intake
            if fault_kind(e) is None:
                log.exception("updating folder state failed")

    def _line(self, uid: int | None, pk: int | None, message_id: str | None, outcome: str) -> None:
        """The one structured log line per message: where it was, its row id and Message-ID, what it became."""
        log.info("%s", event_line("message", account=self.source.account, folder=self.source.folder, uid=uid,
                                  id=pk, message_id=message_id, outcome=outcome))


def outcome_of(pk: int, future: Future[str], on_fault: Callable[[str], None]) -> str:
    """What a finished job became; a transient fault is counted in FAULTS, described to `on_fault`, and RETRY."""
    if future.cancelled():
        return "abandoned"
    error = future.exception()
    if isinstance(error, TransientFault):
        FAULTS.failed(error.kind, error.text)
        on_fault(describe(error.kind, error))
        return RETRY
    if error is not None:
        log.error("worker failed on message %s: %s", pk, one_line(error))
        return "error"
    for kind in ("database", "disk"):
        FAULTS.recovered(kind)
    return future.result()


def due_messages(session: Session) -> Sequence[tuple[int, str, str, int | None, str]]:
    """(id, account, folder, uid, Message-ID) of every pending message still to be tried, oldest first."""
    return session.exec(
        select(Message.id, Message.account, Message.folder, Message.uid, Message.message_id)
        .join(Request, col(Request.id) == Message.id)
        .where(Request.status == Status.PENDING, Message.attempts < MAX_ATTEMPTS)
        .order_by(col(Message.id))).all()  # type: ignore[return-value]


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
