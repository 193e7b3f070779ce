"""Reviewers' decisions by stage (spec §3) and corrections of extracted fields, each audited."""

from __future__ import annotations

from sqlmodel import Session, col, select

from storage.models import Application, Change, Message, Problem, Request, School, User
from storage.states import OPEN, SEES_ALL, Action, ChangeField, Decision, Kind, Role, Stage, Status
from workflow import routing
from workflow.errors import InvalidValue, NotFound, ReviewRefused
from workflow.outbox import enqueue_reply
from workflow.pipeline import recheck
from workflow.settings import Settings
from workflow.transitions import record, transition

# a decision that ends the review: the status it leaves and the reply it sends
FINAL = {Action.RETURN: (Status.RETURNED, Decision.RETURNED), Action.REJECT: (Status.REJECTED, Decision.REJECTED),
         Action.APPROVE: (Status.APPROVED, Decision.APPROVED)}

ACTIONS = (Action.APPROVE, Action.REJECT, Action.RETURN)
FIELDS = tuple(ChangeField)
LEVELS = ("初级", "中级", "高级")
MAX_HEADCOUNT = 10_000  # a sane bound for one declaration's candidates


def request_groups(session: Session, request: Request) -> list[str]:
    ids = session.exec(select(Change.application_id).where(Change.request_id == request.id)).all()
    return routing.linked_groups([session.get(Application, i) for i in ids if i])


def scope_condition(user: User):  # type: ignore[no-untyped-def]
    """The one statement of who sees what (spec §3), as a WHERE clause on Request; None: everything.

    A city reviewer sees the 中职 requests of their 设区市; a group reviewer the requests whose changes
    link to a declaration of their 协作组; the province and admins see all.
    """
    if user.role in SEES_ALL:
        return None
    if user.role == Role.CITY:
        schools = select(School.id).where(School.type == "中职", School.city == user.scope)
        return col(Request.school_id).in_(schools)
    if user.role == Role.GROUP:
        return col(Request.id).in_(group_requests(user.scope))
    return col(Request.id) == -1


def group_requests(group: str):  # type: ignore[no-untyped-def]
    """The ids of requests with a change linked to a declaration of `group`, as a subquery."""
    return (select(Change.request_id).join(Application, col(Application.id) == Change.application_id)
            .where(Application.group == group))


def in_scope(session: Session, user: User, request: Request) -> bool:
    """Whether the user may see the request at all (any stage)."""
    condition = scope_condition(user)
    if condition is None:
        return True
    return session.exec(select(Request.id).where(Request.id == request.id, condition)).first() is not None


def may_act(session: Session, user: User, request: Request) -> bool:
    """Whether the user may decide at the request's current stage."""
    if request.kind != Kind.REQUEST or request.status not in OPEN or request.stage in (None, Stage.DONE):
        return False
    if user.role == Role.ADMIN:
        return True
    if request.stage == Stage.PROVINCE:
        return user.role == Role.PROVINCE
    if request.stage == Stage.GROUP:
        return (user.role == Role.GROUP and user.scope in request_groups(session, request)
                and user.scope not in request.groups_approved)
    return user.role == Role.CITY and in_scope(session, user, request)


def decide(session: Session, *, settings: Settings, request_id: int, reviewer: User, action: str,
           comment: str) -> Request:
    """Record a decision at the current stage; a final decision or a return queues the reply too."""
    request = _open_request(session, request_id)
    if action not in ACTIONS:
        raise ReviewRefused(f"未知的审核操作 {action}")
    if not may_act(session, reviewer, request):
        raise ReviewRefused(f"{reviewer.name} 无权在当前阶段（{Stage.label_of(request.stage)}）审核第 {request_id} 号申请")
    comment = comment.strip()
    if action == Action.APPROVE and request.status == Status.FLAGGED and not comment:
        raise ReviewRefused("该申请存在问题，通过时必须填写审核意见")
    if action in (Action.RETURN, Action.REJECT) and not comment and not _has_problems(session, request):
        # the reply lists the problems and the comment: with neither, the school would learn nothing
        raise ReviewRefused("退回或不予通过须写明理由：该申请未检查出问题，请在审核意见中说明")
    if action == Action.REJECT and request.stage != Stage.PROVINCE:
        raise ReviewRefused("只有省级审核可以不予通过；市级和协作组可以通过或退回")
    actor = reviewer.name
    final = FINAL.get(Action(action)) if action != Action.APPROVE or request.stage == Stage.PROVINCE else None
    if final is not None:
        status, decision = final
        transition(session, request, actor=actor, action=Action(action), status=status, stage=Stage.DONE,
                   comment=comment)
        enqueue_reply(session, settings=settings, request=request, decision=decision)
    else:
        groups = request_groups(session, request)
        if request.stage == Stage.GROUP:
            scope = reviewer.scope if reviewer.role == Role.GROUP else next(
                g for g in groups if g not in request.groups_approved)
            request.groups_approved = sorted({*request.groups_approved, scope})
        stage = routing.next_stage(request.stage or Stage.PROVINCE, groups, request.groups_approved)
        transition(session, request, actor=actor, action=Action.APPROVE, status=Status(request.status),
                   stage=stage, comment=comment)
    return request


def correct_change(session: Session, *, settings: Settings, request_id: int, change_id: int, reviewer: User,
                   values: dict[str, object], comment: str = "") -> Change:
    """A reviewer edits an extracted change; the edit is audited and every check runs again."""
    request = _open_request(session, request_id)
    if not may_act(session, reviewer, request):  # the reviewer whose turn it is, not one who has passed it on
        raise ReviewRefused(f"{reviewer.name} 不是当前阶段（{Stage.label_of(request.stage)}）的审核人员，"
                            f"不能修改第 {request_id} 号申请")
    change = session.get(Change, change_id)
    if change is None or change.request_id != request.id:
        raise NotFound(f"第 {request_id} 号申请没有第 {change_id} 项调整")
    before = {"certificate": change.certificate, "field": change.field, "level": change.level,
              "from": change.from_value, "to": change.to_value}
    unknown = [key for key in values if key not in before]
    if unknown:
        raise InvalidValue(f"不能修改字段 {'、'.join(unknown)}")
    after = {k: values.get(k, v) for k, v in before.items()}
    check_change(after, checked=set(values) | ({"from", "to"} if "field" in values else set()))
    for key, value in values.items():
        setattr(change, {"from": "from_value", "to": "to_value"}.get(key, key), value)
    change.corrected_by = reviewer.name
    session.add(change)
    record(session, request, actor=reviewer.name, action=Action.CORRECT,
           comment="；".join(filter(None, [comment.strip(), correction_text(before, after)])))
    session.flush()
    message = session.get(Message, request.id)
    assert message is not None
    recheck(session, settings=settings, request=request, message=message, actor=reviewer.name,
            comment="修改识别结果后重新检查")
    return change


def check_change(values: dict[str, object], checked: set[str]) -> None:
    """The `checked` values of a change as a reviewer would save it: a certificate; a known field; levels
    初级/中级/高级; a major not empty; headcounts whole numbers from 1 to MAX_HEADCOUNT. Values read from
    the document and left alone are not judged here (the checks flag them). InvalidValue (Chinese) else."""
    if "certificate" in checked and not str(values.get("certificate") or "").strip():
        raise InvalidValue("证书名称不能为空")
    field = values.get("field")
    if field not in FIELDS:
        raise InvalidValue(f"调整事项只能是{'、'.join(f.label for f in ChangeField)}")
    if "level" in checked and values.get("level") not in (None, *LEVELS):
        raise InvalidValue(f"等级只能是{'、'.join(LEVELS)}")
    for key, side in (("from", "调整前"), ("to", "调整后")):
        value = values.get(key)
        if key not in checked:
            continue
        if field == ChangeField.LEVEL and value not in (None, *LEVELS):
            raise InvalidValue(f"{side}的等级只能是{'、'.join(LEVELS)}")
        if field == ChangeField.MAJOR and value is not None and not str(value).strip():
            raise InvalidValue(f"{side}的专业不能为空")
        if field == ChangeField.HEADCOUNT and value is not None and not (
            isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_HEADCOUNT
        ):
            raise InvalidValue(f"{side}的人数须为 1 至 {MAX_HEADCOUNT} 之间的整数")
    if "to" in checked and values.get("to") is None:
        raise InvalidValue("调整后的值不能为空")


def correction_text(before: dict[str, object], after: dict[str, object]) -> str:
    """What a correction changed, in words: 调整后：110 → 120；等级：中级 → 高级."""
    names = {"certificate": "证书", "field": "调整事项", "level": "等级", "from": "调整前", "to": "调整后"}

    def shown(key: str, value: object) -> str:
        if value is None:
            return "（空）"
        return ChangeField.label_of(str(value)) if key == "field" else str(value)

    return "；".join(f"{names[k]}：{shown(k, before[k])} → {shown(k, after[k])}"
                    for k in names if before[k] != after[k])


def _has_problems(session: Session, request: Request) -> bool:
    return session.exec(select(Problem.id).where(Problem.request_id == request.id)).first() is not None


def _open_request(session: Session, request_id: int) -> Request:
    request = session.get(Request, request_id)
    if request is None or request.kind != Kind.REQUEST:
        raise NotFound(f"没有第 {request_id} 号申请")
    if request.status not in OPEN:
        raise ReviewRefused(f"第 {request_id} 号申请当前状态为{Status.label_of(request.status)}，不能再审核")
    return request
