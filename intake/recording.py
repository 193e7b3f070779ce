"""Store a message's raw bytes and its row before anything parses it, exactly once."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import parsedate_to_datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from storage import repo
from storage.blobs import BlobStore
from storage.models import Message, Request
from storage.times import now_db, to_db

_MESSAGE_ID = re.compile(r"<[^<>\s]{1,900}>")


@dataclass(frozen=True)
class Origin:
    """Where a message was found; `uid` is None for files."""

    account: str
    folder: str
    uidvalidity: int | None = None
    uid: int | None = None
    internaldate: datetime | None = None  # aware, from the IMAP server


def envelope(raw: bytes) -> tuple[str | None, datetime | None, datetime | None]:
    """Message-ID, the topmost Received: date and the Date: header, read from the headers alone."""
    try:
        headers = BytesHeaderParser(policy=compat32).parsebytes(raw[:1_000_000])
    except Exception:  # noqa: BLE001 - a header block we cannot parse still gets recorded
        return None, None, None
    match = _MESSAGE_ID.search(str(headers.get("Message-ID", "") or ""))
    received = headers.get_all("Received") or []
    received_at = _date(str(received[0]).rsplit(";", 1)[-1]) if received and ";" in str(received[0]) else None
    return (match.group(0) if match else None), received_at, _date(str(headers.get("Date", "") or ""))


def _date(text: str) -> datetime | None:
    try:
        parsed = parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else None


def arrival_of(raw: bytes, origin: Origin) -> tuple[datetime, str]:
    """INTERNALDATE, else the topmost Received: date, else Date:.

    A file with neither header gets the time we stored it, labelled `received`: our own receipt is
    the only receipt there is, and the JSON contract allows no other label.
    """
    _, received, date = envelope(raw)
    if origin.internaldate is not None:
        return origin.internaldate, "internaldate"
    if received is not None:
        return received, "received"
    if date is not None:
        return date, "date"
    return datetime.now(UTC), "received"


def record_message(session: Session, blobs: BlobStore, raw: bytes, origin: Origin) -> tuple[Message, bool]:
    """Store the bytes and commit a pending row; an already-recorded delivery returns (existing, False)."""
    sha = hashlib.sha256(raw).hexdigest()
    message_id = envelope(raw)[0] or f"<{sha}@intake.invalid>"
    existing = repo.find_message(session, message_id=message_id, sha256=sha)
    if existing is not None:
        return existing, False
    blobs.put(raw)
    arrival, source = arrival_of(raw, origin)
    message = Message(
        account=origin.account, folder=origin.folder, uidvalidity=origin.uidvalidity, uid=origin.uid,
        message_id=message_id, sha256=sha, size=len(raw), arrival=to_db(arrival), arrival_source=source,
        stored_at=now_db(),
    )
    try:
        session.add(message)
        session.flush()
        session.add(Request(id=message.id, status="pending"))
        session.commit()
    except IntegrityError:
        # another process recorded the same delivery between our lookup and insert
        session.rollback()
        again = repo.find_message(session, message_id=message_id, sha256=sha)
        if again is None:
            again = repo.find_by_uid(session, account=origin.account, folder=origin.folder,
                                     uidvalidity=origin.uidvalidity or 0, uid=origin.uid or 0)
        if again is None:
            raise
        return again, False
    return message, True
