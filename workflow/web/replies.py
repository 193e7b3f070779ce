"""The replies page: every reply the user may see, and for the province and admins what to do with it.

held → edit and release; failed → send again now; uncertain → send again only when the officer
confirms having checked the Sent folder (the reply may already have reached the school).
"""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import col, select

from storage.db import session_scope
from storage.models import Reply
from storage.models import Request as RequestRow
from storage.states import SEES_ALL, ReplyState
from workflow import outbox
from workflow.errors import WorkflowError
from workflow.labels import DECISION_NAMES, REPLY_STATES
from workflow.web.common import render, replies_queued, service_of, user_of
from workflow.web.scope import visible_ids

router = APIRouter(include_in_schema=False)
ATTENTION = (ReplyState.HELD, ReplyState.FAILED, ReplyState.UNCERTAIN)  # listed first: they need an officer


@router.get("/replies")
def replies_page(request: Request, error: str = "", status: int = 200) -> Response:
    service, user = service_of(request), user_of(request)
    tz = service.settings.round.tz
    with session_scope(service.db) as session:
        found = session.exec(
            select(Reply, RequestRow).join(RequestRow, col(RequestRow.id) == Reply.request_id)
            .where(col(Reply.request_id).in_(visible_ids(user))).order_by(col(Reply.id).desc())
        ).all()
    rows = sorted(found, key=lambda pair: pair[0].state not in ATTENTION)
    context = {"rows": rows, "error": error, "may_send": user.role in SEES_ALL, "tz": tz,
               "reply_states": REPLY_STATES, "decision_names": DECISION_NAMES,
               "waiting": sum(1 for reply, _ in rows if reply.state in ATTENTION)}
    return render(request, "replies.html", context, status=status)


def _sender(request: Request) -> None:
    if user_of(request).role not in SEES_ALL:
        raise HTTPException(403, "只有省试点办或管理员可以修改或发出回复")


@router.post("/replies/{reply_id}/release")
async def release(request: Request, reply_id: int, background: BackgroundTasks) -> Response:
    """A held reply, perhaps edited, goes to the outbox."""
    _sender(request)
    service, user = service_of(request), user_of(request)
    form = await request.form()
    try:
        with session_scope(service.db) as session:
            outbox.release_reply(session, reply_id, editor=user.name,
                                 subject=str(form.get("subject", "")) or None,
                                 body_text=str(form.get("body_text", "")) or None)
    except (WorkflowError, ValueError) as e:
        return replies_page(request, error=str(e), status=409)
    background.add_task(replies_queued, service)
    return RedirectResponse(f"/replies#reply-{reply_id}", status_code=303)


@router.post("/replies/{reply_id}/send")
async def send_again(request: Request, reply_id: int) -> Response:
    """A failed reply now; an uncertain one only with the `checked` box ticked."""
    _sender(request)
    service = service_of(request)
    form = await request.form()
    with session_scope(service.db) as session:
        reply = session.get(Reply, reply_id)
        state = reply.state if reply else None
    if state == ReplyState.UNCERTAIN and form.get("checked") != "yes":
        return replies_page(request, error="重发前请先核对已发送邮件，并勾选“已核对，学校未收到”", status=409)
    try:
        outbox.send_replies(service, resend=reply_id)
    except WorkflowError as e:
        return replies_page(request, error=str(e), status=409)
    return RedirectResponse(f"/replies#reply-{reply_id}", status_code=303)
