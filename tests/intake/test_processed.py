"""Processed mail is moved to `processed_folder` or marked with `processed_keyword`, never deleted."""

from __future__ import annotations

import email

import pytest

from intake.daemon import poll_once
from tests.intake.conftest import counts, make_service, text_message
from tests.intake.dovecot import Dovecot, capabilities_without


def _folder(dovecot: Dovecot, folder: str) -> dict[str, tuple[bytes, ...]]:
    """Message-ID → flags of every message in the folder."""
    client = dovecot.client()
    try:
        client.select_folder(folder, readonly=True)
        data = client.fetch(client.search("ALL"), ["BODY.PEEK[HEADER]", "FLAGS"])
    finally:
        client.logout()
    return {email.message_from_bytes(item[b"BODY[HEADER]"])["Message-ID"]: item[b"FLAGS"]
            for item in data.values()}


IDS = {"<test-1@example.edu.cn>", "<test-2@example.edu.cn>"}


def test_processed_mail_is_moved_to_the_processed_folder(dovecot, imap_config):
    dovecot.append(text_message(1), text_message(2))
    service = make_service(imap_config(mailbox_extra='processed_folder = "已处理"\n'))
    assert poll_once(service) == 0
    assert set(_folder(dovecot, "已处理")) == IDS
    assert _folder(dovecot, "INBOX") == {}
    assert poll_once(service) == 0 and counts(service) == (2, 0)


def test_processed_mail_keeps_its_place_and_gets_the_keyword(dovecot, imap_config):
    dovecot.append(text_message(1), text_message(2))
    service = make_service(imap_config(mailbox_extra='processed_keyword = "intake-done"\n'))
    assert poll_once(service) == 0
    inbox = _folder(dovecot, "INBOX")
    assert set(inbox) == IDS
    assert all(b"intake-done" in flags and b"\\Deleted" not in flags for flags in inbox.values())
    assert poll_once(service) == 0 and counts(service) == (2, 0)


@pytest.mark.dovecot(extra=capabilities_without("MOVE"))
def test_without_move_processed_mail_is_copied_and_the_original_kept(dovecot, imap_config):
    dovecot.append(text_message(1), text_message(2))
    service = make_service(imap_config(mailbox_extra='processed_folder = "Processed"\n'))
    assert poll_once(service) == 0
    assert set(_folder(dovecot, "Processed")) == IDS
    inbox = _folder(dovecot, "INBOX")
    assert set(inbox) == IDS and all(b"\\Deleted" not in flags for flags in inbox.values())
