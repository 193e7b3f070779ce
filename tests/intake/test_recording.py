"""Recording a batch: one row per new message, a copy in the batch or from before is (that message, False);
a plain Message-ID line is read as the full header parse reads it."""

from __future__ import annotations

from datetime import UTC, datetime
from hashlib import sha256

import pytest
from sqlmodel import Session, func, select

from intake.recording import Origin, _plain_message_id, envelope, record_batch
from intake.service import Service
from storage.models import Message, Request
from tests.intake.conftest import text_message

SERVER_TIME = datetime(2024, 3, 5, 2, 0, tzinfo=UTC)


def _at(uid: int) -> Origin:
    return Origin(account="a", folder="INBOX", uidvalidity=7, uid=uid, internaldate=SERVER_TIME)


def test_a_batch_records_each_message_once_and_returns_copies_as_the_first(service: Service):
    with Session(service.db) as session:
        (before,) = record_batch(session, service.blobs, [(text_message(0), _at(1))])
        results = record_batch(session, service.blobs, [(text_message(1), _at(2)), (text_message(0), _at(3)),
                                                        (text_message(1), _at(4)), (text_message(2), _at(5))])
    assert [r.created for r in results] == [True, False, False, True]
    assert results[1].id == before.id and results[2].id == results[0].id
    assert [r.message_id for r in results] == [f"<test-{n}@example.edu.cn>" for n in (1, 0, 1, 2)]
    with Session(service.db) as session:
        messages = {m.id: m for m in session.exec(select(Message))}
        assert len(messages) == 3 and session.exec(select(func.count()).select_from(Request)).one() == 3
    assert [messages[r.id].uid for r in results] == [2, 1, 2, 5]
    assert messages[results[0].id].arrival == SERVER_TIME
    assert all(service.blobs.get(m.sha256) == text_message(n) for n, m in enumerate(messages.values()))


@pytest.mark.parametrize(("headers", "plain"), [
    (b"Message-ID: <a@b>\r\n", True), (b"message-id:<a@b> (comment)\n", True), (b"Message-ID:\t<tab@x>\r\n", True),
    (b"Received: by x\r\n\tid 1; Tue, 05 Mar 2024 10:00:00 +0800\r\nMessage-ID: <m@x>\r\n", True),
    (b"Message-ID: nothing bracketed\r\n", False), (b"Message-ID:\r\n <folded@x>\r\n", False),
    (b"Message-ID  : <spaced@x>\r\nMessage-ID: <second@x>\r\n", False), (b"Message-ID: \xe4<8bit@x>\r\n", False),
    (b"Subject: x\r\n Message-ID: <in-a-fold@x>\r\n", False), (b"X: 1\r\n\r\nMessage-ID: <in-the-body@x>\r\n", False),
    (b"Message-ID: <bare-lf@x>\n\n", True), (b"X: 1\n\nMessage-ID: <after-a-bare-lf-blank-line@x>\n", False),
    (b"X: 1\r\n\nMessage-ID: <after-a-mixed-blank-line@x>\r\n", False),
])
def test_a_plain_message_id_line_reads_as_the_header_parse_reads_it_and_others_go_to_the_parse(
        headers: bytes, plain: bool):
    raw = headers + b"\r\nbody\r\n"
    found = _plain_message_id(raw)
    assert (found is not None) == plain
    assert found is None or found == envelope(raw)[0]


def test_a_batch_whose_commit_fails_leaves_neither_rows_nor_bytes(service: Service, monkeypatch):
    raw = text_message(0)
    with Session(service.db, expire_on_commit=False) as session:
        def disk_full() -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(session, "commit", disk_full)
        with pytest.raises(OSError):
            record_batch(session, service.blobs, [(raw, _at(1))])
        session.rollback()
    with Session(service.db) as session:
        assert session.exec(select(func.count()).select_from(Message)).one() == 0
    assert not service.blobs.exists(sha256(raw).hexdigest())

