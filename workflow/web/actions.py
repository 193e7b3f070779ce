"""The request page's forms: a decision at the current stage, a correction, releasing a held reply."""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import RedirectResponse, Response

from storage.db import session_scope
from storage.models import Change, Reply
from storage.states import SEES_ALL
from workflow import outbox
from workflow.errors import NotFound, ReviewRefused
from workflow.review import correct_change
from workflow.web.common import replies_queued, service_of, user_of
from workflow.web.pages import request_page
from workflow.web.scope import decide_visible, visible_request

router = APIRouter(include_in_schema=False)
CHANGE_KEYS = ("certificate", "field", "level", "from", "to")


@router.post("/requests/{request_id}/decision")
async def decision(request: Request, request_id: int, background: BackgroundTasks) -> Response:
    service, user = service_of(request), user_of(request)
    form = await request.form()
    action, comment = str(form.get("action", "")), str(form.get("comment", ""))
    try:
        decide_visible(service, user, request_id, action, comment)
    except (ReviewRefused, NotFound) as e:
        return request_page(request, request_id, error=str(e), status=409)
    background.add_task(replies_queued, service)
    return RedirectResponse(f"/requests/{request_id}", status_code=303)


def change_values(raw: dict[str, str], field: str) -> dict[str, object]:
    """Form strings to a change's values: empty is null, a headcount is an integer when it reads as one."""
    values: dict[str, object] = {}
    for key in CHANGE_KEYS:
        if key not in raw:
            continue
        value: object = raw[key].strip() or None
        if key in ("from", "to") and raw.get("field", field) == "headcount" and isinstance(value, str):
            digits = value.removesuffix("人").strip()
            value = int(digits) if digits.isdigit() else value
        values[key] = value
    if values.get("certificate") is None:
        values.pop("certificate", None)
    if values.get("field") is None:
        values.pop("field", None)
    return values


@router.post("/requests/{request_id}/changes/{change_id}")
async def correct(request: Request, request_id: int, change_id: int) -> Response:
    service, user = service_of(request), user_of(request)
    form = await request.form()
    raw = {k: str(v) for k, v in form.items() if k in CHANGE_KEYS}
    try:
        with session_scope(service.db) as session:
            visible_request(session, user, request_id)
            current = session.get(Change, change_id)
            field = current.field if current else ""
            correct_change(
                session,
                settings=service.settings,
                request_id=request_id,
                change_id=change_id,
                reviewer=user,
                values=change_values(raw, field),
                comment=str(form.get("comment", "")),
            )
    except (ReviewRefused, NotFound) as e:
        return request_page(request, request_id, error=str(e), status=409)
    return RedirectResponse(f"/requests/{request_id}#changes", status_code=303)


@router.post("/requests/{request_id}/replies/{reply_id}/release")
async def release(request: Request, request_id: int, reply_id: int, background: BackgroundTasks) -> Response:
    service, user = service_of(request), user_of(request)
    form = await request.form()
    try:
        with session_scope(service.db) as session:
            visible_request(session, user, request_id)
            reply = session.get(Reply, reply_id)
            if reply is None or reply.request_id != request_id:
                raise NotFound(f"第 {request_id} 号申请没有第 {reply_id} 号回复")
            if user.role not in SEES_ALL:
                raise ReviewRefused("只有省级审核人员可以修改并发出回复")
            outbox.release_reply(
                session,
                reply_id,
                editor=user.name,
                subject=str(form.get("subject", "")) or None,
                body_text=str(form.get("body_text", "")) or None,
            )
    except (ReviewRefused, NotFound, ValueError) as e:
        return request_page(request, request_id, error=str(e), status=409)
    background.add_task(replies_queued, service)
    return RedirectResponse(f"/requests/{request_id}#replies", status_code=303)
