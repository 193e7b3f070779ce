"""`intake poll` on a Maildir: each message recorded once, arrival from Received:, nothing dropped or read twice."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlmodel import Session

from intake.daemon import poll_once
from intake.service import Service
from tests.intake.conftest import counts, make_service, run_cli, text_message
from workflow.views import request_rows, requests_json

RECEIVED = b"Received: from mx.example.edu.cn by mx.163.com; Tue, 05 Mar 2024 09:30:00 +0800\r\n"

# A request whose only attachment is cut off mid-base64 (a truncated delivery): it must be kept and flagged.
TRUNCATED = (
    RECEIVED + b"From: school9@example.edu.cn\r\nTo: jsxzsbg@163.com\r\n"
    b"Subject: =?utf-8?B?5rWL6K+V5a2m5qChMjAyNOW5tOivgeS5pueUs+aKpeiwg+aVtOeUs+ivtw==?=\r\n"
    b"Message-ID: <truncated@example.edu.cn>\r\nMIME-Version: 1.0\r\n"
    b'Content-Type: multipart/mixed; boundary="B"\r\n\r\n--B\r\n'
    b'Content-Type: application/pdf; name="a.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJc\r\n'
)


@pytest.fixture
def maildir(tmp_path: Path) -> Path:
    """An empty Maildir at the path the shared `write_config` fixture points to."""
    root = tmp_path / "maildir"
    for part in ("new", "cur", "tmp"):
        (root / part).mkdir(parents=True)
    return root


@pytest.fixture
def maildir_service(write_config: Callable[..., Path]) -> Service:
    return make_service(write_config())


def _poll(service: Service, caplog: pytest.LogCaptureFixture) -> int:
    """One in-process pass; returns how many messages it recorded (not counting re-read duplicates)."""
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="intake.daemon"):
        assert poll_once(service) == 0
    lines = [r.getMessage() for r in caplog.records if " outcome=" in r.getMessage()]
    return sum(1 for line in lines if not line.endswith("outcome=duplicate"))


def _listed(service: Service) -> dict[str, dict]:
    with Session(service.db) as session:
        rows = requests_json(session, list(request_rows(session)), service.config.round.tz)
    return {r["message_id"]: r for r in rows}


def test_each_message_in_new_and_cur_is_recorded_once(maildir, write_config, imap_env):
    (maildir / "new" / "1709600000.M1P1.mx").write_bytes(RECEIVED + text_message(1))
    (maildir / "cur" / "1709600001.M2P1.mx:2,S").write_bytes(RECEIVED + text_message(2))
    config = write_config()
    first = run_cli(imap_env, "poll", "--config", str(config))
    assert first.returncode == 0, first.stderr[-3000:]
    assert first.stderr.count("outcome=") == 2
    again = run_cli(imap_env, "poll", "--config", str(config))
    assert again.returncode == 0 and counts(make_service(config)) == (2, 0)  # a second poll records nothing


def test_a_message_moved_from_new_to_cur_is_not_recorded_again(maildir, maildir_service, caplog):
    (maildir / "new" / "1709600000.M1P1.mx").write_bytes(RECEIVED + text_message(1))
    assert _poll(maildir_service, caplog) == 1
    # a mail reader marks it seen: same message, new file name
    (maildir / "new" / "1709600000.M1P1.mx").rename(maildir / "cur" / "1709600000.M1P1.mx:2,S")
    assert _poll(maildir_service, caplog) == 0
    assert counts(maildir_service) == (1, 0)


def test_arrival_comes_from_the_topmost_received_header(maildir, maildir_service, caplog):
    older = b"Received: from a by b; Mon, 04 Mar 2024 08:00:00 +0000\r\n"
    (maildir / "new" / "m1").write_bytes(RECEIVED + older + text_message(1))
    assert _poll(maildir_service, caplog) == 1
    row = _listed(maildir_service)["<test-1@example.edu.cn>"]
    assert row["arrival_source"] == "received"
    assert row["arrival"] == "2024-03-05T09:30:00+08:00"  # not Date: (10:00) and not the older hop


def test_malformed_message_is_recorded_and_flagged_not_dropped(maildir, maildir_service, caplog):
    (maildir / "new" / "truncated").write_bytes(TRUNCATED)
    (maildir / "new" / "garbage").write_bytes(b"\x00\xff\xfe not a message at all\r\n")
    assert _poll(maildir_service, caplog) == 2
    rows = _listed(maildir_service)
    assert len(rows) == 2
    truncated = rows["<truncated@example.edu.cn>"]
    assert truncated["status"] == "flagged" and "unreadable_attachment" in truncated["problems"]
    assert truncated["documents"] == [{"filename": "a.pdf", "pages": 0, "text_source": None}]
    garbage = next(r for key, r in rows.items() if key.endswith("@intake.invalid>"))
    assert garbage["kind"] == "unrelated"  # kept for a human to see, under a made-up Message-ID
    assert _poll(maildir_service, caplog) == 0


def test_junk_beside_the_messages_is_not_read(maildir, maildir_service, caplog):
    (maildir / "new" / "m1").write_bytes(RECEIVED + text_message(1))
    (maildir / "tmp" / "half-delivered").write_bytes(RECEIVED + text_message(2)[:40])
    (maildir / "cur" / ".hidden").write_bytes(b"editor swap file")
    (maildir / "cur" / "subdir").mkdir()
    (maildir / "dovecot-uidlist").write_bytes(b"3 V1709600000 N2\n")
    (maildir / ".Sent" / "cur").mkdir(parents=True)
    (maildir / ".Sent" / "cur" / "sent1").write_bytes(RECEIVED + text_message(3))
    assert _poll(maildir_service, caplog) == 1
    assert counts(maildir_service) == (1, 0)


def test_a_plain_folder_reads_only_eml_files(tmp_path, maildir_service, caplog):
    folder = tmp_path / "maildir"  # no new/ or cur/: a folder of exported .eml files
    folder.mkdir()
    (folder / "申请.eml").write_bytes(RECEIVED + text_message(1))
    (folder / "OTHER.EML").write_bytes(RECEIVED + text_message(2))
    (folder / "readme.txt").write_text("说明", encoding="utf-8")
    assert _poll(maildir_service, caplog) == 2
    assert counts(maildir_service) == (2, 0)
