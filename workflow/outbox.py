"""The outbox (spec §4): a reply is created in the decision's transaction and delivered at most once.

`enqueue_reply` and `acknowledge` run inside the caller's transaction; `release_reply` lets a reviewer
edit and release a held reply; `deliver_pending`, `send_replies` and `list_replies` are the commands.
The delivery state machine lives in `workflow.delivery`.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from parsers.mime import parse_message
from storage.blobs import BlobStore
from storage.models import Message, Reply, Request, School
from storage.states import Action, Decision, Kind, ReplyState, Status
from storage.times import from_db, now_db
from workflow.delivery import Report, deliver_one, deliver_pending
from workflow.errors import NotFound, ReviewRefused, WorkflowError
from workflow.ports import Services
from workflow.reply_body import DECISIONS, render, reply_context
from workflow.reply_compose import (
    clean_header,
    idempotency_key,
    recipients,
    reply_message_id,
    reply_subject,
    text_to_html,
    threading,
)
from workflow.settings import Settings
from workflow.transitions import record

RESENDABLE = (ReplyState.UNCERTAIN, ReplyState.FAILED)  # only `replies send --resend ID` sends these again
WAITING = (ReplyState.HELD, ReplyState.UNCERTAIN, ReplyState.FAILED)  # what the report counts as waiting

__all__ = ["acknowledge", "deliver_pending", "enqueue_reply", "list_replies", "release_reply", "reply_json",
           "report_json", "report_line", "send_replies"]

def enqueue_reply(session: Session, *, settings: Settings, request: Request, decision: str) -> Reply | None:
    """Create the reply for (request, decision) once, in the caller's transaction (with the decision)."""
    if decision not in DECISIONS:
        raise ValueError(f"unknown reply decision {decision!r}")
    if request.kind != Kind.REQUEST or request.status == Status.SUPERSEDED:
        return None  # unrelated and superseded messages get no reply
    message = session.get(Message, request.id)
    if message is None:
        raise NotFound(f"没有第 {request.id} 号邮件")
    key = idempotency_key(message.message_id, decision)
    existing = session.exec(select(Reply).where(Reply.idempotency_key == key)).first()
    if existing is not None:
        return existing
    reply = _new_reply(session, settings=settings, request=request, message=message, decision=decision, key=key)
    session.add(reply)
    session.flush()
    return reply


def acknowledge(session: Session, settings: Settings, request: Request) -> Reply | None:
    """The receipt acknowledgement, when `[replies] acknowledge_receipt = true`; idempotent."""
    if not settings.replies.acknowledge_receipt:
        return None
    return enqueue_reply(session, settings=settings, request=request, decision=Decision.ACKNOWLEDGE)


def _new_reply(session: Session, *, settings: Settings, request: Request, message: Message, decision: str,
               key: str) -> Reply:
    blobs = BlobStore(settings.blob_dir, session.get_bind())  # type: ignore[arg-type]  # blobs may be in the database
    parsed = parse_message(blobs.get(message.sha256)) if blobs.exists(message.sha256) else None
    school = session.get(School, request.school_id) if request.school_id else None
    to, cc = recipients(request.sender or (parsed.sender if parsed else ""),
                        parsed.reply_to if parsed else [], school.emails if school else [])
    thread = threading(parsed.message_id if parsed else message.message_id,
                       parsed.references if parsed else [])
    bodies = render(decision, reply_context(session, settings=settings, request=request, decision=decision))
    now = now_db()
    reply = Reply(
        request_id=request.id, decision=decision, idempotency_key=key,
        message_id=reply_message_id(key, settings), state=ReplyState.HELD if settings.replies.hold else ReplyState.QUEUED,
        delivery=settings.delivery, to_addrs=to, cc_addrs=cc, subject=reply_subject(request.subject),
        in_reply_to=thread.in_reply_to, references=thread.references, body_text=bodies.text,
        body_html=bodies.html, created_at=now, next_attempt_at=now,
    )
    if not to:
        reply.state, reply.next_attempt_at, reply.last_error = ReplyState.FAILED, None, "没有可用的收件地址"
    return reply


def release_reply(session: Session, reply_id: int, *, editor: str, subject: str | None = None,
                  body_text: str | None = None) -> Reply:
    """A reviewer releases a held reply, optionally editing it; the HTML part is regenerated from the text."""
    reply = session.get(Reply, reply_id)
    if reply is None:
        raise NotFound(f"没有第 {reply_id} 号回复")
    if reply.state != ReplyState.HELD:
        label = ReplyState.label_of(reply.state)
        raise ReviewRefused(f"第 {reply_id} 号回复当前状态为{label}，不能再修改")
    edits = []
    if subject is not None:
        cleaned = clean_header(subject)
        if not cleaned:
            raise ReviewRefused("回复主题不能为空")
        if cleaned != reply.subject:
            reply.subject = cleaned
            edits.append("主题")
    if body_text is not None:
        text = body_text.replace("\r\n", "\n").replace("\r", "\n").strip() + "\n"
        if not text.strip():
            raise ReviewRefused("回复正文不能为空")
        if text != reply.body_text:
            reply.body_text, reply.body_html = text, text_to_html(text)
            edits.append("正文")
    reply.state, reply.next_attempt_at = ReplyState.QUEUED, now_db()
    session.add(reply)
    request = session.get(Request, reply.request_id)
    if request is not None:
        comment = f"放行第 {reply_id} 号回复" + (f"（修改了{'、'.join(edits)}）" if edits else "")
        record(session, request, actor=editor, action=Action.RELEASE_REPLY, comment=comment)
    return reply


def send_replies(service: Services, resend: int | None = None, *, now: datetime | None = None) -> Report:
    """`intake replies send [--resend ID]` and the API's "send replies": deliver every queued or failed
    reply now (backoff ignored), or send one uncertain or failed reply again; the report says what happened
    and what still waits."""
    if resend is not None:
        report = _resend(service, resend, now=now)
    else:
        report = deliver_pending(service, now=now, retry_now=True)
    with Session(service.db) as session:
        report.waiting = {state: len(session.exec(select(Reply.id).where(Reply.state == state)).all())
                          for state in WAITING}
    return report


def _resend(service: Services, reply_id: int, *, now: datetime | None) -> Report:
    with Session(service.db) as session:
        reply = session.get(Reply, reply_id)
        if reply is None:
            raise NotFound(f"没有第 {reply_id} 号回复")
        if reply.state not in RESENDABLE:
            label = ReplyState.label_of(reply.state)
            raise WorkflowError(f"第 {reply_id} 号回复当前状态为{label}，"
                                "只有发送状态不确定或发送失败的回复可以重发")
    report = Report()
    if deliver_one(service, reply_id, allowed=RESENDABLE, now=now, report=report) is None:
        raise WorkflowError(f"第 {reply_id} 号回复正由另一进程发送")
    return report


def report_line(report: Report) -> str:
    """The report as one Chinese line for the terminal."""
    line = (f"已发送 {len(report.sent)} 封，失败 {len(report.failed)} 封，"
            f"状态不确定 {len(report.uncertain)} 封；"
            + "，".join(f"{ReplyState(state).label} {count} 封" for state, count in report.waiting.items()))
    if report.waiting.get(ReplyState.UNCERTAIN):
        line += "（请先在邮箱中核对，确认未发出后用 intake replies send --resend ID 重发）"
    return line


def report_json(report: Report) -> dict[str, Any]:
    """The report for the API: reply ids by outcome, the count of each waiting state, and the line."""
    return {"sent": report.sent, "failed": report.failed, "uncertain": report.uncertain,
            "waiting": {str(state): count for state, count in report.waiting.items()},
            "summary": report_line(report)}


def reply_json(reply: Reply, settings: Settings) -> dict[str, Any]:
    tz = settings.round.tz

    def when(value: datetime | None) -> str | None:
        return from_db(value, tz).isoformat() if value else None

    return {
        "id": reply.id, "request_id": reply.request_id, "decision": reply.decision,
        "decision_label": Decision.label_of(reply.decision), "state": reply.state,
        "state_label": ReplyState.label_of(reply.state), "delivery": reply.delivery,
        "message_id": reply.message_id, "to": reply.to_addrs, "cc": reply.cc_addrs, "subject": reply.subject,
        "in_reply_to": reply.in_reply_to, "references": reply.references.split(), "attempts": reply.attempts,
        "last_error": reply.last_error, "next_attempt_at": when(reply.next_attempt_at),
        "created_at": when(reply.created_at), "sent_at": when(reply.sent_at),
    }


def list_replies(service: Services, as_json: bool = False) -> int:
    """`intake replies list [--json]`: every reply, oldest first."""
    with Session(service.db) as session:
        rows = [reply_json(r, service.settings) for r in session.exec(select(Reply).order_by(col(Reply.id)))]
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not rows:
        sys.stdout.write("尚无回复\n")
    for row in rows:
        line = (f"{row['id']:>5}  第 {row['request_id']} 号申请  {row['decision_label']}  "
                f"{row['state_label']}  {', '.join(row['to'])}  {row['subject']}")
        if row["last_error"]:
            line += f"  （{row['last_error']}）"
        sys.stdout.write(line + "\n")
    return 0
