"""Replies and the office's IMAP mailbox (a real Dovecot): Drafts delivery, and the Sent/Drafts lookup
that settles a reply left `sending` by a crash."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import Session

from intake.config import MailboxConfig, load_config
from intake.service import Service
from storage.models import Reply
from storage.times import now_db
from tests.intake.dovecot import PASSWORD, USER, Dovecot
from tests.workflow.reply_factory import SENDER, Scenario, decided
from tests.workflow.reply_servers import SmtpServer, smtp_server  # noqa: F401 - fixture
from workflow import delivery
from workflow.outbox import deliver_pending, send_replies

LATER = timedelta(minutes=10)


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    server = Dovecot()
    server.start()
    try:
        yield server
    finally:
        server.cleanup()


@pytest.fixture
def mailbox_service(write_config: Callable[..., Path], dovecot: Dovecot,
                    monkeypatch: pytest.MonkeyPatch) -> Callable[..., Service]:
    monkeypatch.setenv("INTAKE_TEST_IMAP_PASSWORD", PASSWORD)

    def make(extra: str = "", sent_folder: str = "") -> Service:
        config = load_config(write_config(extra=extra))
        mailbox = MailboxConfig(host="127.0.0.1", port=dovecot.port, username=USER,
                                password_env="INTAKE_TEST_IMAP_PASSWORD", sent_folder=sent_folder)
        service = Service(replace(config, mailbox=mailbox))
        service.init()
        return service
    return make


def folder(dovecot: Dovecot, name: str) -> list[tuple[bytes, tuple[bytes, ...]]]:
    client = dovecot.client()
    try:
        if not client.folder_exists(name):
            return []
        client.select_folder(name, readonly=True)
        uids = client.search("ALL")
        data = client.fetch(uids, ["BODY.PEEK[]", "FLAGS"]) if uids else {}
        return [(bytes(v[b"BODY[]"]), tuple(v[b"FLAGS"])) for _, v in sorted(data.items())]
    finally:
        client.logout()


def state(service: Service, reply_id: int) -> Reply:
    with Session(service.db) as session:
        reply = session.get(Reply, reply_id)
        assert reply is not None
        return reply


def crash_after_transport(monkeypatch: pytest.MonkeyPatch, service: Service) -> None:
    def crash(*args: object, **kwargs: object) -> str:
        raise SystemExit("killed before the database commit")

    with monkeypatch.context() as m:
        m.setattr(delivery, "_mark_sent", crash)
        with pytest.raises(SystemExit):
            deliver_pending(service)


def test_drafts_delivery_appends_to_drafts_with_the_draft_flag(
        mailbox_service: Callable[..., Service], dovecot: Dovecot) -> None:
    service = mailbox_service('[replies]\ndelivery = "drafts"\n')
    reply_id = decided(service, Scenario(), "returned")
    assert send_replies(service).ok
    assert send_replies(service).ok
    [(raw, flags)] = folder(dovecot, "Drafts")
    assert b"\\Draft" in flags
    assert state(service, reply_id).state == "sent"
    assert f"To: {SENDER}".encode() in raw and state(service, reply_id).message_id.encode() in raw


def test_crash_after_drafts_append_is_found_in_drafts_and_never_appended_twice(
        mailbox_service: Callable[..., Service], dovecot: Dovecot, monkeypatch: pytest.MonkeyPatch) -> None:
    service = mailbox_service('[replies]\ndelivery = "drafts"\n')
    reply_id = decided(service, Scenario(), "approved")
    crash_after_transport(monkeypatch, service)
    assert state(service, reply_id).state == "sending"
    assert send_replies(service, now=now_db() + LATER).ok
    assert state(service, reply_id).state == "sent"
    assert "Drafts" in state(service, reply_id).last_error
    assert len(folder(dovecot, "Drafts")) == 1


def test_crash_after_smtp_is_settled_by_the_sent_folder_and_delivered_once(
        mailbox_service: Callable[..., Service], dovecot: Dovecot, smtp_server: SmtpServer,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    client = dovecot.client()
    client.create_folder("Sent")
    client.logout()
    smtp_server.handler.after = lambda data: dovecot.append(data, folder="Sent")  # the provider files a copy
    service = mailbox_service(smtp_server.section(), sent_folder="Sent")
    reply_id = decided(service, Scenario(), "returned")
    crash_after_transport(monkeypatch, service)
    assert send_replies(service, now=now_db() + LATER).ok
    row = state(service, reply_id)
    assert row.state == "sent" and "Sent" in row.last_error
    assert send_replies(service).ok
    assert len(smtp_server.handler.envelopes) == 1


def test_crash_after_smtp_not_in_the_sent_folder_is_uncertain(
        mailbox_service: Callable[..., Service], dovecot: Dovecot, smtp_server: SmtpServer,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    service = mailbox_service(smtp_server.section(), sent_folder="Sent")
    reply_id = decided(service, Scenario(), "returned")
    crash_after_transport(monkeypatch, service)
    assert not send_replies(service, now=now_db() + LATER).ok
    assert state(service, reply_id).state == "uncertain"
    assert len(smtp_server.handler.envelopes) == 1


def test_mailbox_down_during_the_lookup_leaves_the_reply_sending(
        mailbox_service: Callable[..., Service], dovecot: Dovecot, smtp_server: SmtpServer,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    service = mailbox_service(smtp_server.section(), sent_folder="Sent")
    reply_id = decided(service, Scenario(), "returned")
    crash_after_transport(monkeypatch, service)
    dovecot.kill()
    send_replies(service, now=now_db() + LATER)
    row = state(service, reply_id)
    assert row.state == "sending" and "核对" in row.last_error
    assert len(smtp_server.handler.envelopes) == 1
