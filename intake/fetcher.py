"""One pass over a folder: record every message not yet recorded, hand each to a worker, log its outcome.

Exactly once: a UID already recorded under the folder's current UIDVALIDITY is not fetched again;
recording deduplicates by Message-ID and bytes and commits the raw message before anything parses
it. After a crash the unrecorded UIDs are fetched again and the recorded-but-pending messages are
processed again (processing is idempotent).
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, wait
from dataclasses import dataclass

from sqlmodel import Session, col, select

from intake.recording import Origin, record_message
from intake.service import Service
from intake.source import Fetched, Source
from intake.workers import Workers
from storage.models import FolderState, Message, Request
from storage.times import now_db
from workflow.pipeline import MAX_ATTEMPTS

log = logging.getLogger("intake.daemon")



@dataclass
class InFlight:
    future: Future[str]
    uid: int | None


class Fetcher:
    def __init__(self, service: Service, source: Source, workers: Workers, stop: threading.Event) -> None:
        self.service, self.source, self.workers, self.stop = service, source, workers, stop
        self.in_flight: dict[int, InFlight] = {}
        self.to_mark: list[int] = []
        self.failed = 0  # messages that could not be stored
        self._skip: set[int] = set()  # UIDs whose message is already recorded under another UID
        mailbox = service.config.mailbox
        self._marking = source.has_uids and bool(mailbox.processed_folder or mailbox.processed_keyword)

    def run_pass(self) -> None:
        """Record every new message of the folder; processing continues in the workers."""
        uidvalidity = self.source.select()
        self._note_uidvalidity(uidvalidity)
        self.submit_pending()
        todo = self._unrecorded(uidvalidity)
        if todo:
            log.info("folder=%s uidvalidity=%s new=%d", self.source.folder, uidvalidity, len(todo))
        for fetched in self.source.fetch(todo):
            self.record(fetched, uidvalidity)
            if self.stop.is_set():
                break  # stop fetching; what is recorded stays recorded
        self._note(last_poll_at=now_db(), last_error="", last_error_at=None)

    def _unrecorded(self, uidvalidity: int) -> list[int]:
        listed = self.source.uids()
        if not self.source.has_uids:
            return listed
        with Session(self.service.db) as session:
            known = set(session.exec(select(Message.uid).where(
                Message.account == self.source.account, Message.folder == self.source.folder,
                Message.uidvalidity == uidvalidity)))
        return [u for u in listed if u not in known and u not in self._skip]

    def record(self, fetched: Fetched, uidvalidity: int) -> None:
        origin = Origin(account=self.source.account, folder=self.source.folder,
                        uidvalidity=uidvalidity if fetched.uid is not None else None, uid=fetched.uid,
                        internaldate=fetched.internaldate)
        try:
            with Session(self.service.db, expire_on_commit=False) as session:
                message, created = record_message(session, self.service.blobs, fetched.raw, origin)
                if not created and fetched.uid is not None:
                    self._relocate(session, message, origin)
        except Exception:  # noqa: BLE001 - one message that cannot be stored must not stop the others
            log.exception("storing uid=%s failed", fetched.uid)
            self.failed += 1
            self._line(fetched.uid, None, "store_failed")
            return
        if created:
            self._submit(message.id, fetched.uid)  # type: ignore[arg-type]
        else:
            self._line(fetched.uid, message.id, "duplicate")
            self._mark_later(fetched.uid)

    def _relocate(self, session: Session, message: Message, origin: Origin) -> None:
        """A message seen again under a new UIDVALIDITY now lives at its new UID; other copies are skipped."""
        same_folder = (message.account, message.folder) == (origin.account, origin.folder)
        if same_folder and message.uidvalidity != origin.uidvalidity:
            message.uidvalidity, message.uid = origin.uidvalidity, origin.uid
            session.add(message)
            session.commit()
        elif origin.uid is not None:
            self._skip.add(origin.uid)

    def submit_pending(self) -> None:
        """Messages recorded earlier but never processed (a crash, a stop) go to the workers again."""
        with Session(self.service.db) as session:
            rows = session.exec(
                select(Message.id, Message.account, Message.folder, Message.uid)
                .join(Request, col(Request.id) == Message.id)
                .where(Request.status == "pending", Message.attempts < MAX_ATTEMPTS)
                .order_by(col(Message.id))).all()
        for pk, account, folder, uid in rows:
            if pk not in self.in_flight:
                here = (account, folder) == (self.source.account, self.source.folder)
                self._submit(pk, uid if here else None)

    def _submit(self, pk: int, uid: int | None) -> None:
        self.in_flight[pk] = InFlight(self.workers.submit(pk), uid)

    def collect(self, timeout: float | None = 0) -> int:
        """Log the outcome of every finished message; returns how many are still in the workers."""
        if timeout != 0 and self.in_flight:
            wait([f.future for f in self.in_flight.values()], timeout=timeout)
        for pk, item in list(self.in_flight.items()):
            if not item.future.done():
                continue
            del self.in_flight[pk]
            if item.future.cancelled():
                outcome = "abandoned"
            elif item.future.exception() is not None:
                outcome = "error"
                log.error("worker failed on message %s: %s", pk, item.future.exception())
            else:
                outcome = item.future.result()
            self._line(item.uid, pk, outcome)
            if outcome not in ("error", "abandoned"):
                self._mark_later(item.uid)
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

    def _note_uidvalidity(self, uidvalidity: int) -> None:
        with Session(self.service.db) as session:
            state = session.get(FolderState, (self.source.account, self.source.folder))
        if state is None or state.uidvalidity != uidvalidity:
            log.info("folder=%s uidvalidity=%s (was %s): reading every message in it", self.source.folder,
                     uidvalidity, state.uidvalidity if state else None)
            self._skip.clear()
            self._note(uidvalidity=uidvalidity)

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
        except Exception:  # noqa: BLE001 - bookkeeping must not stop intake
            log.exception("updating folder state failed")

    def _line(self, uid: int | None, pk: int | None, outcome: str) -> None:
        """The one structured log line per message."""
        log.info("message account=%s folder=%s uid=%s id=%s outcome=%s", self.source.account,
                 self.source.folder, uid if uid is not None else "-", pk if pk is not None else "-", outcome)
