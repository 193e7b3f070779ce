"""Store a message's raw bytes and its row before anything parses it, exactly once."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import cache
from typing import NamedTuple

from sqlalchemy import Insert, Select, bindparam, insert, literal, or_
from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from parsers.mime import identity_headers
from storage import repo
from storage.blobs import BlobStore
from storage.models import Message, Request
from storage.states import ArrivalSource, Status
from storage.times import now_db, to_db

_MESSAGE_ID = re.compile(r"<[^<>\s]{1,900}>")
_MESSAGE_ID_LINE = re.compile(rb"^message-id([ \t]*):([^\r\n]*)(\r?\n[ \t])?", re.IGNORECASE | re.MULTILINE)
_LINE_BYTES = 65_536  # `identity_headers` cuts a header there: a longer line is left to it


@dataclass(frozen=True)
class Origin:
    """Where a message was found; `uid` is None for files."""

    account: str
    folder: str
    uidvalidity: int | None = None
    uid: int | None = None
    internaldate: datetime | None = None  # aware, from the IMAP server


def envelope(raw: bytes) -> tuple[str | None, datetime | None, datetime | None]:
    """Message-ID, the topmost Received: date and the Date: header, however many headers come first."""
    try:
        headers = identity_headers(raw)
    except Exception:  # noqa: BLE001 - a header block we cannot parse still gets recorded
        return None, None, None
    match = _MESSAGE_ID.search(str(headers.get("Message-ID", "") or ""))
    received = headers.get_all("Received") or []
    received_at = _date(str(received[0]).rsplit(";", 1)[-1]) if received and ";" in str(received[0]) else None
    return (match.group(0) if match else None), received_at, _date(str(headers.get("Date", "") or ""))


def _plain_message_id(raw: bytes) -> str | None:
    """The Message-ID when its header is one unfolded ASCII line, as nearly all are: what `envelope`
    finds there, without parsing the header block. None: no such line, ask `envelope`."""
    line = _MESSAGE_ID_LINE.search(raw, 0, _header_end(raw))
    if line is None:
        return None
    spaced, value, folded = line.groups()  # a space before the colon makes the parser read another name
    if spaced or folded is not None or len(line.group(0)) > _LINE_BYTES or not value.isascii():
        return None
    match = _MESSAGE_ID.search(value.decode("ascii"))
    return match.group(0) if match else None


def _header_end(raw: bytes) -> int:
    """Where the header block ends: the first line break of its blank line, else the end of the bytes.

    Two literal searches, where the regex for an optional CR before each LF was most of the time spent
    reading a Message-ID; the CR of a CRLF before the blank line is left in and ends no header line.
    """
    ends = [end for end in (raw.find(b"\n\n"), raw.find(b"\n\r\n")) if end >= 0]
    return min(ends) if ends else len(raw)


def _date(text: str) -> datetime | None:
    try:
        parsed = parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else None


def _arrival(headers: tuple[str | None, datetime | None, datetime | None], origin: Origin) -> tuple[datetime, str]:
    """INTERNALDATE, else the topmost Received: date, else Date:.

    A file with neither header gets the time we stored it, labelled `received`: our own receipt is
    the only receipt there is, and the JSON contract allows no other label.
    """
    _, received, date = headers
    if origin.internaldate is not None:
        return origin.internaldate, ArrivalSource.INTERNALDATE
    if received is not None:
        return received, ArrivalSource.RECEIVED
    if date is not None:
        return date, ArrivalSource.DATE
    return datetime.now(UTC), ArrivalSource.RECEIVED


class Recorded(NamedTuple):
    """One delivery as recorded: its message's row id and Message-ID; `created` False when it is a copy of
    a message recorded before (or earlier in the same batch)."""

    id: int
    message_id: str
    created: bool


def record_message(session: Session, blobs: BlobStore, raw: bytes, origin: Origin) -> Recorded:
    """Store the bytes and commit a pending row; an already-recorded delivery is the existing message, not created."""
    return record_batch(session, blobs, [(raw, origin)])[0]


def record_batch(session: Session, blobs: BlobStore, items: Sequence[tuple[bytes, Origin]]) -> list[Recorded]:
    """Record many messages in one transaction: new bytes and all rows durable at one commit.

    Returns one Recorded per item, in order. The caller hands messages to parsing only after this
    returns, so bytes and rows are durable before anything parses them.
    """
    try:
        return _record_all(session, blobs, items)
    except IntegrityError:
        # another process recorded one of these between our lookup and our insert
        session.rollback()
        return [_record_all_or_existing(session, blobs, raw, origin) for raw, origin in items]


def _record_all_or_existing(session: Session, blobs: BlobStore, raw: bytes, origin: Origin) -> Recorded:
    try:
        return _record_all(session, blobs, [(raw, origin)])[0]
    except IntegrityError:
        session.rollback()
        return _existing_after_race(session, raw, origin)


def _existing_after_race(session: Session, raw: bytes, origin: Origin) -> Recorded:
    sha = hashlib.sha256(raw).hexdigest()
    message_id = _plain_message_id(raw) or envelope(raw)[0] or _invented_id(sha)
    again = repo.find_message(session, message_id=message_id, sha256=sha)
    if again is None:
        again = repo.find_by_uid(session, account=origin.account, folder=origin.folder,
                                 uidvalidity=origin.uidvalidity or 0, uid=origin.uid or 0)
    if again is None or again.id is None:
        raise LookupError(f"message uid={origin.uid} neither stored nor found after a conflict")
    return Recorded(again.id, again.message_id, False)


def _record_all(session: Session, blobs: BlobStore, items: Sequence[tuple[bytes, Origin]]) -> list[Recorded]:
    stored_at = now_db()  # one instant for the batch: its rows are stored by one commit
    rows = [_row(raw, origin, stored_at) for raw, origin in items]
    known = _stored(session, rows)
    planned: list[tuple[Recorded | str, bool]] = []  # per item: a stored message or the sha256 of a new row; created
    new: dict[str, tuple[dict[str, object], bytes]] = {}  # sha256 → (row, raw bytes), to insert
    firsts: dict[str, str] = {}  # Message-ID and sha256 of each new row → that row's sha256
    for (raw, _), row in zip(items, rows, strict=True):
        message_id, sha = str(row["message_id"]), str(row["sha256"])
        same = known.get(message_id) or known.get(sha) or firsts.get(message_id) or firsts.get(sha)
        if same is not None:
            planned.append((same, False))
            continue
        firsts[message_id] = firsts[sha] = sha
        new[sha] = (row, raw)
        planned.append((sha, True))
    ids: dict[str, int] = {}
    if new:
        # the bytes commit with the rows that name them, or are durable before (BlobStore.put_with_rows)
        blobs.put_with_rows(session.connection(), [raw for _, raw in new.values()])
        # Core statements, not ORM objects: building, flushing and loading them was most of the batch's CPU
        ids = dict(session.connection().execute(_insert_messages(), [row for row, _ in new.values()]).all())
        session.connection().execute(_pending_requests(), {"pks": list(ids.values())})
        session.commit()
    return [ref if isinstance(ref, Recorded) else Recorded(ids[ref], str(new[ref][0]["message_id"]), created)
            for ref, created in planned]


# The batch's statements are built once, with the batch's values as expanding parameters: building a
# statement with a hundred values in it cost more than running it.

@cache
def _stored_query() -> Select[tuple[int, str, str]]:
    """(id, Message-ID, sha256) of the stored messages with any of the Message-IDs `ids` or hashes `shas`."""
    return sa_select(col(Message.id), col(Message.message_id), col(Message.sha256)).where(
        or_(col(Message.message_id).in_(bindparam("ids", expanding=True)),
            col(Message.sha256).in_(bindparam("shas", expanding=True))))


@cache
def _insert_messages() -> Insert:
    """INSERT of message rows, returning (sha256, id) of each: one multi-row INSERT … RETURNING per batch
    on SQLite and PostgreSQL, where a SELECT of the new ids after the INSERT was another statement.
    The rows come back in no set order (asking for the parameters' order makes SQLite insert row by row)."""
    return insert(Message).returning(col(Message.sha256), col(Message.id))


@cache
def _pending_requests() -> Insert:
    """INSERT … SELECT of a pending request (defaults from the model) for each message with an id in
    `pks`: one statement, where an executemany of a row per message cost more than the messages' own."""
    defaults = Request(id=0, status=Status.PENDING).model_dump(exclude={"id"})
    table = Request.__table__  # type: ignore[attr-defined]
    values = [literal(value, table.c[name].type) for name, value in defaults.items()]
    # by primary key, not by hash: each row is found without a lookup in the sha256 index
    rows = sa_select(col(Message.id), *values).where(col(Message.id).in_(bindparam("pks", expanding=True)))
    return insert(Request).from_select(["id", *defaults], rows)


def _stored(session: Session, rows: Sequence[dict[str, object]]) -> dict[str, Recorded]:
    """Stored messages with any of these Message-IDs or hashes, keyed by both: one query per batch."""
    found: dict[str, Recorded] = {}
    params = {"ids": [r["message_id"] for r in rows], "shas": [r["sha256"] for r in rows]}
    for pk, message_id, sha in session.connection().execute(_stored_query(), params):
        found[message_id] = found[sha] = Recorded(pk, message_id, False)
    return found


def _row(raw: bytes, origin: Origin, stored_at: datetime) -> dict[str, object]:
    """The message's row for these bytes: Message-ID (or one made from the bytes) and arrival.

    With the server's INTERNALDATE only the Message-ID is needed: a plain one is read without
    parsing the headers (the processing job parses the whole message).
    """
    sha = hashlib.sha256(raw).hexdigest()
    plain = _plain_message_id(raw) if origin.internaldate is not None else None
    headers = (plain, None, None) if plain is not None else envelope(raw)
    arrival, source = _arrival(headers, origin)
    return {"account": origin.account, "folder": origin.folder, "uidvalidity": origin.uidvalidity,
            "uid": origin.uid, "message_id": headers[0] or _invented_id(sha), "sha256": sha, "size": len(raw),
            "arrival": to_db(arrival), "arrival_source": source, "stored_at": stored_at}


def _invented_id(sha: str) -> str:
    return f"<{sha}@intake.invalid>"
