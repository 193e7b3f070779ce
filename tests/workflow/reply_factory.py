"""Rows for the reply tests: a school, its declarations, a stored message and a decided request."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime

from intake.service import Service
from storage.db import session_scope
from storage.models import Application, Change, Message, Problem, Request, ReviewEvent, School
from storage.times import now_db
from workflow.outbox import enqueue_reply

SCHOOL = "江苏省南京工程高等职业学校"
SENDER = "teacher@njgcgz.edu.cn"
ARRIVAL = datetime(2024, 3, 5, 2, 20, tzinfo=UTC)


@dataclass
class Scenario:
    subject: str = f"{SCHOOL}+2024年证书申报调整申请"
    sender: str = SENDER
    reply_to: str = ""
    references: list[str] = field(default_factory=lambda: ["<thread-start@njgcgz.edu.cn>"])
    school_emails: list[str] = field(default_factory=lambda: ["jwc@njgcgz.edu.cn", "TEACHER@njgcgz.edu.cn",
                                                              "jwc@njgcgz.edu.cn"])
    status: str = "returned"
    problems: list[tuple[str, str, str]] = field(default_factory=lambda: [
        ("no_seal", "申请扫描件上未发现单位公章", "已检查可读页面 2 页，均未发现圆形或椭圆形公章"),
        ("missing_leader_approval", "缺少校级分管领导同意意见及签字", "第 2 页未找到校级分管领导签字"),
    ])
    changes: list[tuple[str, str, object, object, str | None]] = field(default_factory=lambda: [
        ("Web前端开发", "headcount", 80, 120, "JS2024-00017"),
        ("工业机器人操作与运维", "level", "初级", "中级", "JS2024-00018"),
        ("大数据应用开发（Python）", "major", "软件技术", "大数据技术", "JS2024-00019"),
    ])
    comment: str = ""
    message_id: str = field(default_factory=lambda: f"<{uuid.uuid4().hex}@njgcgz.edu.cn>")


def raw_message(s: Scenario) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"张老师 <{s.sender}>"
    msg["To"] = "jsxzsbg@163.com"
    msg["Subject"] = s.subject.replace("\r", " ").replace("\n", " ")
    msg["Message-ID"] = s.message_id
    msg["Date"] = format_datetime(ARRIVAL)
    if s.references:
        msg["References"] = " ".join(s.references)
    if s.reply_to:
        msg["Reply-To"] = s.reply_to
    msg.set_content("附件为我校证书申报调整申请扫描件。")
    return msg.as_bytes()


def make_request(service: Service, s: Scenario) -> int:
    raw = raw_message(s)
    sha = service.blobs.put(raw)
    with session_scope(service.db) as session:
        school = School(name=SCHOOL, type="高职", city="南京市", emails=s.school_emails)
        session.add(school)
        session.flush()
        message = Message(message_id=s.message_id, sha256=sha, size=len(raw), arrival=ARRIVAL,
                          arrival_source="date", stored_at=now_db(), processed_at=now_db())
        session.add(message)
        session.flush()
        assert message.id is not None and school.id is not None
        session.add(Request(id=message.id, kind="request", status=s.status, stage="done", sender=s.sender,
                            subject=s.subject, school_id=school.id, subject_unit=SCHOOL))
        session.flush()
        for code, text, evidence in s.problems:
            session.add(Problem(request_id=message.id, code=code, message=text, evidence=evidence))
        for position, (certificate, field_, old, new, app_id) in enumerate(s.changes):
            if app_id:
                session.add(Application(id=app_id, school_id=school.id, certificate=certificate,
                                        level="中级", major="软件技术", headcount=80, enrolled=300,
                                        group="信息技术类协作组"))
                session.flush()
            session.add(Change(request_id=message.id, position=position, certificate=certificate,
                               field=field_, level="中级", from_value=old, to_value=new,
                               application_id=app_id))
        actions = {"returned": "return", "rejected": "reject", "approved": "approve"}
        action = actions.get(s.status, "processed")
        session.add(ReviewEvent(request_id=message.id, at=now_db(), actor="省级审核员", action=action,
                                to_status=s.status, to_stage="done", comment=s.comment))
        return message.id


def queue(service: Service, request_id: int, decision: str) -> int:
    with session_scope(service.db) as session:
        request = session.get(Request, request_id)
        assert request is not None
        reply = enqueue_reply(session, settings=service.settings, request=request, decision=decision)
        assert reply is not None and reply.id is not None
        return reply.id


def decided(service: Service, s: Scenario | None = None, decision: str = "returned") -> int:
    """A request in its decided state with its reply queued; returns the reply id."""
    s = s or Scenario()
    if s.status != decision and decision in ("approved", "rejected", "returned"):
        s.status = decision
    return queue(service, make_request(service, s), decision)
