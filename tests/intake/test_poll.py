"""`intake poll` against a real Dovecot: exit codes, ID before SELECT, login hint, UIDVALIDITY, charsets."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Sequence

from sqlalchemy import Connection

from intake.daemon import poll_once
from storage.blobs import BlobStore
from tests.intake.conftest import ROOT, counts, make_service, message_ids, run_cli, text_message
from tests.intake.dovecot import PASSWORD


def test_poll_records_every_message_and_exits_0(dovecot, imap_config, imap_env):
    dovecot.append(*(text_message(n) for n in range(5)))
    config = imap_config()
    result = run_cli(imap_env, "poll", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert counts(make_service(config))[0] == 5
    assert result.stderr.count("outcome=") == 5  # one structured line per message
    again = run_cli(imap_env, "poll", "--config", str(config))
    assert again.returncode == 0 and "outcome=" not in again.stderr  # nothing fetched twice


def test_poll_reads_seen_messages_on_first_contact(dovecot, imap_config):
    dovecot.append(text_message(1))
    client = dovecot.client()
    client.select_folder("INBOX")
    client.add_flags(client.search("ALL"), [b"\\Seen"])
    client.logout()
    service = make_service(imap_config())
    assert poll_once(service) == 0
    assert counts(service)[0] == 1


def test_poll_with_server_down_exits_1(dovecot, imap_config, imap_env):
    config = imap_config()
    dovecot.stop()
    result = run_cli(imap_env, "poll", "--config", str(config))
    assert result.returncode == 1
    assert "无法读取邮箱" in result.stderr
    assert "Traceback" not in result.stderr
    status = run_cli(imap_env, "status", "--config", str(config))
    assert status.returncode == 0 and "最近错误" in status.stdout


def test_login_failure_names_the_authorization_code(dovecot, imap_config, imap_env):
    config = imap_config()
    wrong = "web-password-not-the-code"
    result = run_cli({**imap_env, "INTAKE_TEST_IMAP_PASSWORD": wrong}, "poll", "--config", str(config))
    assert result.returncode == 1
    assert "授权码" in result.stderr and "163.com" in result.stderr
    assert wrong not in result.stderr and PASSWORD not in result.stderr
    assert "b'" not in result.stderr  # the server's words, not the bytes repr they come in


def test_an_unset_password_variable_is_named_before_logging_in(dovecot, imap_config, imap_env):
    """A misspelt or unset password_env logs in with no password; the officer is told which variable."""
    config = imap_config()
    env = {key: value for key, value in imap_env.items() if key != "INTAKE_TEST_IMAP_PASSWORD"}
    result = run_cli(env, "poll", "--config", str(config))
    assert result.returncode == 1
    assert "INTAKE_TEST_IMAP_PASSWORD" in result.stderr and "未设置" in result.stderr
    assert "Traceback" not in result.stderr


def test_id_is_sent_before_select(dovecot, imap_config, caplog):
    dovecot.append(text_message(1))
    service = make_service(imap_config())
    with caplog.at_level(logging.DEBUG, logger="imapclient"):
        assert poll_once(service) == 0
    commands = [r.getMessage() for r in caplog.records if r.name.startswith("imapclient")]
    sent = [line for line in commands if line.startswith(">")]
    first_id = next(i for i, line in enumerate(sent) if " ID (" in line)
    first_select = next(i for i, line in enumerate(sent) if " SELECT " in line or " EXAMINE " in line)
    assert first_id < first_select
    assert "ID sent: name=jsxzsbg-intake" in dovecot.read_log()
    ours = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("imapclient"))
    assert PASSWORD not in ours


def test_uidvalidity_reset_records_no_duplicates(dovecot, imap_config):
    folder = "申报"
    client = dovecot.client()
    client.create_folder(folder)
    client.logout()
    messages = [text_message(n) for n in range(6)]
    dovecot.append(*messages, folder=folder)
    service = make_service(imap_config(folder=folder))
    assert poll_once(service) == 0
    dovecot.recreate(folder)
    dovecot.append(*messages, text_message(99), folder=folder)
    assert poll_once(service) == 0
    ids = message_ids(service)
    assert len(ids) == len(set(ids)) == 7
    assert poll_once(service) == 0  # the re-appended copies now sit at their new UIDs: nothing refetched
    assert counts(service)[0] == 7


def test_copies_of_a_message_in_one_folder_are_fetched_once(dovecot, imap_config, caplog):
    dovecot.append(text_message(1), text_message(1), text_message(2), text_message(1))
    service = make_service(imap_config())
    assert poll_once(service) == 0
    assert counts(service)[0] == 2
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="intake.daemon"):
        assert poll_once(service) == 0
    assert not any(" new=" in r.getMessage() for r in caplog.records)  # no UID left to fetch
    dovecot.append(text_message(3), text_message(2))
    assert poll_once(service) == 0
    assert counts(service)[0] == 3


def _raw_subject_message(n: int, subject_header: bytes) -> bytes:
    return (b"From: school%d@example.edu.cn\r\nTo: jsxzsbg@163.com\r\nSubject: " % n + subject_header
            + b"\r\nMessage-ID: <cs-%d@example.edu.cn>\r\nDate: Tue, 05 Mar 2024 10:00:00 +0800\r\n" % n
            + b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=GBK\r\n\r\n"
            + "申请见附件。\r\n".encode("gbk"))


def _encoded(text: str, charset: str, encoding: str) -> bytes:
    from base64 import b64encode
    from quopri import encodestring

    data = text.encode(charset)
    body = b64encode(data) if encoding == "B" else encodestring(data, header=True).replace(b"=\n", b"")
    return b"=?" + charset.encode() + b"?" + encoding.encode() + b"?" + body + b"?="


SUBJECTS = {
    "gb2312": "南京工业职业技术大学2024年证书申报调整申请",
    "gbk": "苏州工业园区服务外包职业学院2024年证书申报调整申请",
    "gb18030": "无锡职业技术学院𠀾2024年证书申报调整申请",
    "raw8bit": "常州机电职业技术学院2024年证书申报调整申请",
}


def test_chinese_subjects_arrive_decoded(dovecot, imap_config, imap_env):
    dovecot.append(
        _raw_subject_message(1, _encoded(SUBJECTS["gb2312"], "gb2312", "B")),
        _raw_subject_message(2, _encoded(SUBJECTS["gbk"], "gbk", "Q")),
        _raw_subject_message(3, _encoded(SUBJECTS["gb18030"], "gb18030", "B")),
        _raw_subject_message(4, SUBJECTS["raw8bit"].encode("gbk")),
    )
    config = imap_config()
    assert run_cli(imap_env, "poll", "--config", str(config)).returncode == 0
    listed = run_cli(imap_env, "requests", "list", "--json", "--config", str(config))
    assert listed.returncode == 0, listed.stderr
    subjects = {r["message_id"]: r["subject"] for r in json.loads(listed.stdout)}
    assert subjects == {
        "<cs-1@example.edu.cn>": SUBJECTS["gb2312"], "<cs-2@example.edu.cn>": SUBJECTS["gbk"],
        "<cs-3@example.edu.cn>": SUBJECTS["gb18030"], "<cs-4@example.edu.cn>": SUBJECTS["raw8bit"],
    }
    assert all(r["arrival_source"] == "internaldate" for r in json.loads(listed.stdout))


HOLD_LOCK = """
import sys, time
from intake.config import load_config
from intake.service import Service
from intake.lock import MailboxLock
s = Service(load_config(__import__("pathlib").Path(sys.argv[1]))); s.init()
m = s.config.mailbox
lock = MailboxLock(s.db, s.config.storage.data_dir, m.account, m.folder)
assert lock.try_acquire()
print("held", flush=True)
time.sleep(600)
"""


def test_lock_allows_one_fetcher_per_mailbox(dovecot, imap_config, imap_env, database_url):
    dovecot.append(text_message(1))
    config = imap_config(url=database_url)
    make_service(config)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(config)], env=imap_env, cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        second = run_cli(imap_env, "poll", "--config", str(config))
        assert second.returncode == 1
        assert "另一个收信进程" in second.stderr
        assert "运行中" in run_cli(imap_env, "status", "--config", str(config)).stdout
    finally:
        holder.kill()  # the lock dies with its holder
        holder.wait()
    after = run_cli(imap_env, "poll", "--config", str(config))
    assert after.returncode == 0, after.stderr
    assert counts(make_service(config))[0] == 1



def test_a_message_that_cannot_be_stored_stops_only_itself_and_is_fetched_again(dovecot, imap_config,
                                                                                monkeypatch):
    dovecot.append(*(text_message(n) for n in range(4)))
    service = make_service(imap_config())
    real_put = BlobStore.put_with_rows

    def disk_full_for_one(self: BlobStore, connection: Connection, datas: Sequence[bytes]) -> list[str]:
        if any(b"<test-2@" in data for data in datas):
            raise OSError(28, "No space left on device")
        return real_put(self, connection, datas)

    with monkeypatch.context() as patch:
        patch.setattr(BlobStore, "put_with_rows", disk_full_for_one)
        assert poll_once(service) == 1  # a message could not be stored
    assert sorted(message_ids(service)) == ["<test-0@example.edu.cn>", "<test-1@example.edu.cn>",
                                            "<test-3@example.edu.cn>"]
    assert poll_once(service) == 0  # the UID-read-through mark stopped below it
    assert counts(service) == (4, 0)
