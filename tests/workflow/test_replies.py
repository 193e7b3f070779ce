"""Replies over a real SMTP server (aiosmtpd on loopback), spec §4: recipients, threading, subject,
bodies, no header injection, at most once, retries and hold."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import Session

from intake.config import load_config
from intake.service import Service
from storage.db import session_scope
from storage.models import Reply
from storage.times import now_db
from tests.workflow.reply_factory import SCHOOL, SENDER, Scenario, decided, make_request, queue
from tests.workflow.reply_servers import SmtpServer, smtp_server  # noqa: F401 - fixture
from workflow import delivery
from workflow.outbox import deliver_pending, list_replies, release_reply, send_replies


@pytest.fixture
def make_service(write_config: Callable[..., Path], database_url: str,
                 smtp_server: SmtpServer) -> Callable[..., Service]:  # noqa: F811
    def make(replies: str = "") -> Service:
        service = Service(load_config(write_config(url=database_url, extra=smtp_server.section() + replies)))
        service.init()
        return service
    return make


@pytest.fixture
def outbox(make_service: Callable[..., Service]) -> Service:
    return make_service()


def reply_row(service: Service, reply_id: int) -> Reply:
    with Session(service.db) as session:
        reply = session.get(Reply, reply_id)
        assert reply is not None
        return reply


def test_returned_reply_goes_to_sender_cc_registered_addresses_deduplicated_minus_sender(
        outbox: Service, smtp_server: SmtpServer) -> None:  # noqa: F811
    s = Scenario(reply_to="banzhuren@njgcgz.edu.cn")
    decided(outbox, s, "returned")
    deliver_pending(outbox)
    [envelope] = smtp_server.handler.envelopes
    msg = envelope.message
    assert msg["To"] == SENDER
    assert msg["Cc"] == "jwc@njgcgz.edu.cn, banzhuren@njgcgz.edu.cn"
    assert sorted(envelope.rcpt_tos) == sorted([SENDER, "jwc@njgcgz.edu.cn", "banzhuren@njgcgz.edu.cn"])
    assert envelope.mail_from == "jsxzsbg@163.com"
    assert msg["From"].addresses[0].addr_spec == "jsxzsbg@163.com"


def test_reply_threads_on_the_school_message(outbox: Service, smtp_server: SmtpServer) -> None:  # noqa: F811
    s = Scenario(references=["<a@x.cn>", "<b@y.cn>"])
    decided(outbox, s, "returned")
    deliver_pending(outbox)
    msg = smtp_server.handler.envelopes[0].message
    assert msg["In-Reply-To"] == s.message_id
    assert msg["References"].split() == ["<a@x.cn>", "<b@y.cn>", s.message_id]
    assert msg["Message-ID"].endswith("@163.com>")


@pytest.mark.parametrize("original", [
    f"{SCHOOL}+2024年证书申报调整申请",
    f"回复：{SCHOOL}+2024年证书申报调整申请",
    f"Re: 回复： RE:{SCHOOL}+2024年证书申报调整申请",
])
def test_subject_is_reply_prefix_plus_original_never_doubled(
        outbox: Service, smtp_server: SmtpServer, original: str) -> None:  # noqa: F811
    decided(outbox, Scenario(subject=original), "returned")
    deliver_pending(outbox)
    assert smtp_server.handler.envelopes[0].message["Subject"] == f"回复：{SCHOOL}+2024年证书申报调整申请"


def test_return_lists_every_problem_in_plain_words_and_what_to_resend(
        outbox: Service, smtp_server: SmtpServer) -> None:  # noqa: F811
    decided(outbox, Scenario(comment="请补盖公章后重新发送"), "returned")
    deliver_pending(outbox)
    msg = smtp_server.handler.envelopes[0].message
    assert msg.get_content_type() == "multipart/alternative"
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    for body in (text, html):
        assert "申请扫描件上未发现单位公章" in body and "缺少校级分管领导同意意见及签字" in body
        assert "均未发现圆形或椭圆形公章" in body  # the evidence, in plain words
        assert "重新发送加盖公章的扫描件" in body
        assert f"{SCHOOL}+2024年证书申报调整申请" in body  # the subject format to use
        assert "请补盖公章后重新发送" in body
        assert "江苏省职业院校1+X证书制度试点工作办公室" in body


def test_rejection_lists_every_problem(outbox: Service, smtp_server: SmtpServer) -> None:  # noqa: F811
    decided(outbox, Scenario(), "rejected")
    deliver_pending(outbox)
    text = smtp_server.handler.envelopes[0].message.get_body(("plain",)).get_content()
    assert "不予通过" in text and "未发现单位公章" in text and "校级分管领导" in text


def test_approval_lists_every_change_as_recorded(outbox: Service, smtp_server: SmtpServer) -> None:  # noqa: F811
    decided(outbox, Scenario(problems=[]), "approved")
    deliver_pending(outbox)
    msg = smtp_server.handler.envelopes[0].message
    for body in (msg.get_body(("plain",)).get_content(), msg.get_body(("html",)).get_content()):
        assert "已通过" in body
        for expected in ("Web前端开发", "人数规模", "80人", "120人", "JS2024-00017",
                         "工业机器人操作与运维", "考核等级", "初级", "中级", "JS2024-00018",
                         "大数据应用开发（Python）", "考核专业", "软件技术", "大数据技术", "JS2024-00019"):
            assert expected in body, expected


def test_subject_with_cr_lf_never_reaches_a_header(outbox: Service, smtp_server: SmtpServer) -> None:  # noqa: F811
    evil = f"{SCHOOL}+2024年证书申报调整申请\r\nBcc: victim@evil.example\r\n\r\nspoofed body"
    decided(outbox, Scenario(subject=evil), "returned")
    deliver_pending(outbox)
    [envelope] = smtp_server.handler.envelopes
    msg = envelope.message
    assert "victim@evil.example" not in envelope.rcpt_tos
    assert msg["Bcc"] is None
    assert "\n" not in msg["Subject"] and "\r" not in msg["Subject"]
    header_block = envelope.data.split(b"\r\n\r\n", 1)[0]
    assert b"\r\nBcc:" not in header_block and b"\nBcc:" not in header_block


def test_evil_reviewer_comment_stays_in_the_body(outbox: Service, smtp_server: SmtpServer) -> None:  # noqa: F811
    decided(outbox, Scenario(comment="好的\r\nBcc: victim@evil.example\r\nSubject: 伪造<script>"), "returned")
    deliver_pending(outbox)
    [envelope] = smtp_server.handler.envelopes
    assert envelope.message["Bcc"] is None and "victim@evil.example" not in envelope.rcpt_tos
    html = envelope.message.get_body(("html",)).get_content()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_reviewer_edits_with_cr_lf_never_reach_a_header(make_service: Callable[..., Service],
                                                       smtp_server: SmtpServer) -> None:  # noqa: F811
    service = make_service("[replies]\nhold = true\n")
    reply_id = decided(service, Scenario(), "returned")
    with session_scope(service.db) as session:
        release_reply(session, reply_id, editor="省级审核员",
                      subject="回复：改过的主题\r\nBcc: victim@evil.example",
                      body_text="第一段 <b>加粗</b>\r\n\r\n第二段")
    deliver_pending(service)
    [envelope] = smtp_server.handler.envelopes
    msg = envelope.message
    assert msg["Subject"] == "回复：改过的主题 Bcc: victim@evil.example"
    assert msg["Bcc"] is None and "victim@evil.example" not in envelope.rcpt_tos
    text = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert text == "第一段 <b>加粗</b>\n\n第二段\n"
    html = msg.get_body(("html",)).get_content()
    assert "&lt;b&gt;加粗&lt;/b&gt;" in html and html.count("<p>") == 2


def test_hold_sends_nothing_until_a_reviewer_releases(make_service: Callable[..., Service],
                                                      smtp_server: SmtpServer) -> None:  # noqa: F811
    service = make_service("[replies]\nhold = true\n")
    reply_id = decided(service, Scenario(), "approved")
    assert reply_row(service, reply_id).state == "held"
    assert send_replies(service).ok
    assert smtp_server.handler.envelopes == []
    with session_scope(service.db) as session:
        release_reply(session, reply_id, editor="省级审核员")
    deliver_pending(service)
    assert len(smtp_server.handler.envelopes) == 1
    assert reply_row(service, reply_id).state == "sent"


def test_one_reply_per_request_and_decision_with_a_stable_message_id(outbox: Service) -> None:
    request_id = make_request(outbox, Scenario())
    first, again = queue(outbox, request_id, "returned"), queue(outbox, request_id, "returned")
    other = queue(outbox, request_id, "acknowledge")
    assert first == again != other
    assert reply_row(outbox, first).message_id != reply_row(outbox, other).message_id


def test_replies_send_twice_delivers_once(outbox: Service, smtp_server: SmtpServer) -> None:  # noqa: F811
    decided(outbox, Scenario(), "returned")
    assert send_replies(outbox).ok
    assert send_replies(outbox).ok
    assert len(smtp_server.handler.envelopes) == 1


def test_refused_delivery_is_retried_with_capped_backoff(outbox: Service, smtp_server: SmtpServer) -> None:  # noqa: F811
    smtp_server.handler.refuse = ["451 4.3.0 try again later", "451 4.3.0 try again later"]
    reply_id = decided(outbox, Scenario(), "returned")
    now = now_db()
    deliver_pending(outbox, now=now)
    row = reply_row(outbox, reply_id)
    assert row.state == "failed" and "451" in row.last_error and row.attempts == 1
    assert row.next_attempt_at is not None
    assert timedelta(seconds=11.25) <= row.next_attempt_at - now <= timedelta(seconds=15)
    deliver_pending(outbox, now=now + timedelta(seconds=10))  # not due yet
    assert reply_row(outbox, reply_id).attempts == 1
    later = now + timedelta(seconds=16)
    deliver_pending(outbox, now=later)
    row = reply_row(outbox, reply_id)
    assert row.state == "failed" and row.attempts == 2
    assert timedelta(seconds=22.5) <= row.next_attempt_at - later <= timedelta(seconds=30)
    deliver_pending(outbox, now=later + timedelta(seconds=31))
    assert reply_row(outbox, reply_id).state == "sent"
    assert len(smtp_server.handler.envelopes) == 1


def test_backoff_doubles_from_15_seconds_to_a_30_minute_cap_less_up_to_a_quarter() -> None:
    low, high = random.Random(), random.Random()
    low.uniform = lambda a, b: a  # type: ignore[method-assign]
    high.uniform = lambda a, b: b  # type: ignore[method-assign]
    assert [delivery.backoff(n, high).total_seconds() for n in (1, 2, 3, 8, 9, 30)] == [
        15, 30, 60, 1800, 1800, 1800]
    assert delivery.backoff(1, low) == timedelta(seconds=11.25)
    seeded = random.Random(7)
    spread = {delivery.backoff(4, seeded) for _ in range(50)}
    assert len(spread) > 40 and all(timedelta(seconds=90) <= d <= timedelta(seconds=120) for d in spread)


def test_permanent_refusal_is_not_retried_automatically(outbox: Service, smtp_server: SmtpServer) -> None:  # noqa: F811
    smtp_server.handler.refuse = ["554 5.7.1 rejected"]
    reply_id = decided(outbox, Scenario(), "returned")
    deliver_pending(outbox)
    row = reply_row(outbox, reply_id)
    assert row.state == "failed" and row.next_attempt_at is None
    assert send_replies(outbox).ok and smtp_server.handler.envelopes == []
    assert send_replies(outbox, resend=reply_id).ok
    assert len(smtp_server.handler.envelopes) == 1


def test_crash_after_smtp_before_commit_without_sent_folder_is_uncertain_and_resent_only_on_request(
        outbox: Service, smtp_server: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    reply_id = decided(outbox, Scenario(), "returned")

    def crash(*args: object, **kwargs: object) -> str:
        raise SystemExit("killed after the SMTP transaction")

    with monkeypatch.context() as m:
        m.setattr(delivery, "_mark_sent", crash)
        with pytest.raises(SystemExit):
            deliver_pending(outbox)
    assert reply_row(outbox, reply_id).state == "sending"
    assert len(smtp_server.handler.envelopes) == 1
    deliver_pending(outbox)  # restart at once: the lease has not run out, nothing is touched
    assert reply_row(outbox, reply_id).state == "sending"
    assert not send_replies(outbox, now=now_db() + timedelta(minutes=10)).ok  # restart later
    row = reply_row(outbox, reply_id)
    assert row.state == "uncertain" and row.last_error
    assert send_replies(outbox).ok
    assert len(smtp_server.handler.envelopes) == 1
    assert send_replies(outbox, resend=reply_id).ok
    assert reply_row(outbox, reply_id).state == "sent"
    assert len(smtp_server.handler.envelopes) == 2


def test_resend_refuses_a_reply_already_sent(outbox: Service) -> None:
    reply_id = decided(outbox, Scenario(), "returned")
    deliver_pending(outbox)
    from workflow.errors import WorkflowError

    with pytest.raises(WorkflowError, match="已发送"):
        send_replies(outbox, resend=reply_id)


def test_replies_list_json(outbox: Service, capsys: pytest.CaptureFixture[str]) -> None:
    reply_id = decided(outbox, Scenario(), "returned")
    deliver_pending(outbox)
    assert list_replies(outbox, as_json=True) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["id"] == reply_id and row["state"] == "sent" and row["state_label"] == "已发送"
    assert row["to"] == [SENDER] and row["subject"].startswith("回复：")
