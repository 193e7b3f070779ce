"""Reviewers' decisions by stage (spec §3) and corrections of extracted fields, each audited."""

from __future__ import annotations

from sqlmodel import Session, select

from intake.config import Config
from intake.errors import NotFound, ReviewRefused
from storage import repo
from storage.models import Application, Change, Message, Request, School, User
from workflow import routing
from workflow.outbox import enqueue_reply
from workflow.pipeline import recheck

OPEN = ("ready", "flagged")
ACTIONS = ("approve", "reject", "return")
FIELDS = ("level", "major", "headcount")


def request_groups(session: Session, request: Request) -> list[str]:
    ids = session.exec(select(Change.application_id).where(Change.request_id == request.id)).all()
    return routing.linked_groups([session.get(Application, i) for i in ids if i])


def in_scope(session: Session, user: User, request: Request) -> bool:
    """Whether the user may see the request at all (any stage)."""
    if user.role in ("province", "admin"):
        return True
    school = session.get(School, request.school_id) if request.school_id else None
    if user.role == "city":
        return school is not None and school.type == "中职" and school.city == user.scope
    if user.role == "group":
        return user.scope in request_groups(session, request)
    return False


def may_act(session: Session, user: User, request: Request) -> bool:
    """Whether the user may decide at the request's current stage."""
    if request.kind != "request" or request.status not in OPEN or request.stage in (None, "done"):
        return False
    if user.role == "admin":
        return True
    if request.stage == "province":
        return user.role == "province"
    if request.stage == "group":
        return (user.role == "group" and user.scope in request_groups(session, request)
                and user.scope not in request.groups_approved)
    return user.role == "city" and in_scope(session, user, request)


def decide(session: Session, *, config: Config, request_id: int, reviewer: User, action: str,
           comment: str) -> Request:
    """Record a decision at the current stage; a final decision or a return queues the reply too."""
    request = _open_request(session, request_id)
    if action not in ACTIONS:
        raise ReviewRefused(f"未知的审核操作 {action}")
    if not may_act(session, reviewer, request):
        raise ReviewRefused(f"{reviewer.name} 无权在当前阶段（{request.stage}）审核第 {request_id} 号申请")
    comment = comment.strip()
    if action == "approve" and request.status == "flagged" and not comment:
        raise ReviewRefused("该申请存在问题，通过时必须填写审核意见")
    if action == "reject" and request.stage != "province":
        raise ReviewRefused("只有省级审核可以不予通过；市级和协作组可以通过或退回")
    actor = reviewer.name
    if action == "return":
        repo.add_event(session, request=request, actor=actor, action="return", to_status="returned",
                       to_stage="done", comment=comment)
        enqueue_reply(session, config=config, request=request, decision="returned")
    elif action == "reject":
        repo.add_event(session, request=request, actor=actor, action="reject", to_status="rejected",
                       to_stage="done", comment=comment)
        enqueue_reply(session, config=config, request=request, decision="rejected")
    elif request.stage == "province":
        repo.add_event(session, request=request, actor=actor, action="approve", to_status="approved",
                       to_stage="done", comment=comment)
        enqueue_reply(session, config=config, request=request, decision="approved")
    else:
        groups = request_groups(session, request)
        if request.stage == "group":
            scope = reviewer.scope if reviewer.role == "group" else next(
                g for g in groups if g not in request.groups_approved)
            request.groups_approved = sorted({*request.groups_approved, scope})
        stage = routing.next_stage(request.stage or "province", groups, request.groups_approved)
        repo.add_event(session, request=request, actor=actor, action="approve", to_status=request.status,
                       to_stage=stage, comment=comment)
    return request


def correct_change(session: Session, *, config: Config, request_id: int, change_id: int, reviewer: User,
                   values: dict[str, object], comment: str = "") -> Change:
    """A reviewer edits an extracted change; the edit is audited and every check runs again."""
    request = _open_request(session, request_id)
    if not in_scope(session, reviewer, request):
        raise ReviewRefused(f"{reviewer.name} 无权修改第 {request_id} 号申请")
    change = session.get(Change, change_id)
    if change is None or change.request_id != request.id:
        raise NotFound(f"第 {request_id} 号申请没有第 {change_id} 项调整")
    before = {"certificate": change.certificate, "field": change.field, "level": change.level,
              "from": change.from_value, "to": change.to_value}
    for key, value in values.items():
        if key not in before:
            raise ReviewRefused(f"不能修改字段 {key}")
        if key == "field" and value not in FIELDS:
            raise ReviewRefused("调整事项只能是 level、major 或 headcount")
        setattr(change, {"from": "from_value", "to": "to_value"}.get(key, key), value)
    change.corrected_by = reviewer.name
    session.add(change)
    after = {k: values.get(k, v) for k, v in before.items()}
    repo.add_event(session, request=request, actor=reviewer.name, action="correct", to_status=request.status,
                   to_stage=request.stage, comment=f"{comment} 修改前 {before} 修改后 {after}".strip())
    session.flush()
    message = session.get(Message, request.id)
    assert message is not None
    recheck(session, config=config, request=request, message=message, actor=reviewer.name,
            comment="修改识别结果后重新检查")
    return change


def _open_request(session: Session, request_id: int) -> Request:
    request = session.get(Request, request_id)
    if request is None or request.kind != "request":
        raise NotFound(f"没有第 {request_id} 号申请")
    if request.status not in OPEN:
        raise ReviewRefused(f"第 {request_id} 号申请当前状态为 {request.status}，不能再审核")
    return request
