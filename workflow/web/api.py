"""The JSON API under /api/: the same contract as `requests list --json`, limited to the caller's scope."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field
from sqlmodel import col, select

from storage.db import session_scope
from storage.models import Reply
from storage.states import SEES_ALL, Kind
from workflow import outbox
from workflow.errors import InvalidValue, NotFound, ReviewRefused, WorkflowError
from workflow.views import request_json, requests_json
from workflow.web import queue
from workflow.web.common import replies_queued, service_of, user_of
from workflow.web.queue import Filters
from workflow.web.scope import correct_visible, decide_visible, visible_ids, visible_request

router = APIRouter(prefix="/api", tags=["api"])


class Decision(BaseModel):
    comment: str = Field("", description="审核意见；通过有问题的申请时必填")


class Correction(BaseModel):
    certificate: str | None = None
    field: str | None = Field(None, description="level | major | headcount")
    level: str | None = None
    from_: str | int | None = Field(None, alias="from")
    to: str | int | None = None
    comment: str = ""

    def values(self) -> dict[str, Any]:
        given = self.model_dump(by_alias=True, exclude_unset=True)
        given.pop("comment", None)
        return given


class Resend(BaseModel):
    resend: int | None = Field(None, description="重发一条发送状态不确定的回复（回复编号）")


def _refused(e: Exception) -> HTTPException:
    return HTTPException(404 if isinstance(e, NotFound) else 409, str(e))


def correction_status(e: WorkflowError) -> int:
    """404 outside the scope, 403 for a reviewer whose turn it is not (spec §5), 422 for a bad value."""
    return {NotFound: 404, ReviewRefused: 403, InvalidValue: 422}.get(type(e), 409)


@router.get("/me", summary="当前账号与 CSRF 令牌")
def me(request: Request) -> dict[str, Any]:
    user = user_of(request)
    return {"name": user.name, "role": user.role, "scope": user.scope, "csrf_token": request.state.csrf}


@router.get("/requests", summary="列出申请（本账号范围内）")
def list_requests(
    request: Request,
    kind: str = "all",
    status: str = "",
    stage: str = "",
    school: str = "",
    group: str = "",
    city: str = "",
    problem: str = "",
) -> list[dict[str, Any]]:
    service, user = service_of(request), user_of(request)
    view = {Kind.REQUEST: "all", Kind.UNRELATED: "unrelated"}.get(kind, "every")
    filters = Filters.from_query(
        {"view": view, "status": status, "stage": stage, "q": school, "group": group, "city": city,
         "problem": problem}
    )
    with session_scope(service.db) as session:
        return requests_json(session, queue.rows(session, user, filters), service.settings.round.tz)


@router.get("/requests/{request_id}", summary="显示一个申请")
def show_request(request: Request, request_id: int) -> dict[str, Any]:
    service, user = service_of(request), user_of(request)
    with session_scope(service.db) as session:
        req, message = visible_request(session, user, request_id)
        return request_json(session, req, message, service.settings.round.tz)


def _decide(request: Request, request_id: int, action: str, body: Decision) -> dict[str, Any]:
    service, user = service_of(request), user_of(request)
    try:
        req = decide_visible(service, user, request_id, action, body.comment)
        result = {"id": req.id, "status": req.status, "stage": req.stage}
    except (ReviewRefused, NotFound) as e:
        raise _refused(e) from None
    replies_queued(service)
    return result


@router.post("/requests/{request_id}/approve", summary="通过（市级、协作组转下一阶段；省级最终通过）")
def approve(request: Request, request_id: int, body: Decision) -> dict[str, Any]:
    return _decide(request, request_id, "approve", body)


@router.post("/requests/{request_id}/reject", summary="不予通过（仅省级）")
def reject(request: Request, request_id: int, body: Decision) -> dict[str, Any]:
    return _decide(request, request_id, "reject", body)


@router.post("/requests/{request_id}/return", summary="退回学校修改")
def return_request(request: Request, request_id: int, body: Decision) -> dict[str, Any]:
    return _decide(request, request_id, "return", body)


@router.post("/requests/{request_id}/changes/{change_id}", summary="修改一项识别出的调整（留痕并重新检查）")
def correct(request: Request, request_id: int, change_id: int, body: Correction) -> dict[str, Any]:
    service, user = service_of(request), user_of(request)
    try:
        with session_scope(service.db) as session:
            correct_visible(session, service, user, request_id, change_id, body.values(), body.comment)
            req, message = visible_request(session, user, request_id)
            return request_json(session, req, message, service.settings.round.tz)
    except WorkflowError as e:
        raise HTTPException(correction_status(e), str(e)) from None


@router.get("/replies", summary="列出回复邮件（本账号范围内）")
def list_replies(request: Request) -> list[dict[str, Any]]:
    service, user = service_of(request), user_of(request)
    with session_scope(service.db) as session:
        query = select(Reply).where(col(Reply.request_id).in_(visible_ids(user))).order_by(col(Reply.id))
        replies = session.exec(query)
        return [outbox.reply_json(r, service.settings) for r in replies]


@router.post("/replies/send", summary="发送尚未发送的回复（省级、管理员）")
def send_replies(request: Request, body: Resend) -> dict[str, Any]:
    service, user = service_of(request), user_of(request)
    if user.role not in SEES_ALL:
        raise HTTPException(403, "只有省级审核人员或管理员可以发送回复")
    try:
        report = outbox.send_replies(service, resend=body.resend)
    except WorkflowError as e:
        raise _refused(e) from None
    return outbox.report_json(report)
