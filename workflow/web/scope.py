"""What a reviewer may see: the queue's rows filtered by role and scope, and one request or a 404."""

from __future__ import annotations

from collections import Counter

from fastapi import HTTPException
from sqlmodel import Session, col, select

from storage.db import session_scope
from storage.models import Application, Change, Message, Problem, Request, School, User
from storage.states import ChangeField, Kind, Status
from workflow.ports import Services
from workflow.review import correct_change, decide, in_scope, scope_condition

CHANGE_KEYS = ("certificate", "field", "level", "from", "to")  # what a reviewer may correct in a change
STATUSES = tuple(Status)


def scoped_query(user: User):  # type: ignore[no-untyped-def]
    """Requests joined with their messages, limited to the user's scope."""
    query = select(Request, Message).join(Message, col(Message.id) == Request.id)
    condition = scope_condition(user)
    return query if condition is None else query.where(condition)


def visible_ids(user: User):  # type: ignore[no-untyped-def]
    condition = scope_condition(user)
    query = select(Request.id)
    return query if condition is None else query.where(condition)


def status_counts(session: Session, user: User) -> dict[str, int]:
    """Requests per status within the user's scope, and the unrelated messages they see."""
    rows = session.exec(scoped_query(user)).all()
    counts = Counter(r.status if r.kind == Kind.REQUEST else Kind.UNRELATED for r, _ in rows)
    return {status: counts.get(status, 0) for status in (*STATUSES, Kind.UNRELATED)}


def visible_request(session: Session, user: User, request_id: int) -> tuple[Request, Message]:
    """The request if the user may see it; 404 alike for a missing id and one outside the scope."""
    if not 0 < request_id < 2**63:  # beyond the database's integers: missing, not an error
        raise HTTPException(status_code=404, detail=f"没有第 {request_id} 号记录")
    request = session.get(Request, request_id)
    message = session.get(Message, request_id)
    if request is None or message is None or not in_scope(session, user, request):
        raise HTTPException(status_code=404, detail=f"没有第 {request_id} 号记录")
    return request, message


def decide_visible(service: Services, user: User, request_id: int, action: str, comment: str) -> Request:
    """A reviewer's decision from the UI or the API: 404 outside the scope, ReviewRefused outside the stage."""
    with session_scope(service.db) as session:
        visible_request(session, user, request_id)
        return decide(session, settings=service.settings, request_id=request_id, reviewer=user, action=action,
                      comment=comment)


def correct_visible(session: Session, service: Services, user: User, request_id: int, change_id: int,
                    submitted: dict[str, object], comment: str) -> Change:
    """A reviewer's correction from the UI or the API, in the caller's transaction: 404 outside the scope,
    ReviewRefused outside the stage; the submitted values are read by `change_values`."""
    visible_request(session, user, request_id)
    current = session.get(Change, change_id)
    values = change_values(submitted, current.field if current else "")
    return correct_change(session, settings=service.settings, request_id=request_id, change_id=change_id,
                          reviewer=user, values=values, comment=comment)


def change_values(submitted: dict[str, object], field: str) -> dict[str, object]:
    """Submitted values (form strings or JSON) to a change's: text trimmed, empty is null (an empty
    certificate is then refused by the checks of `correct_change`), a headcount that reads as a number
    ("120" or "120人") an integer; an empty field keeps the change's."""
    values: dict[str, object] = {}
    for key in CHANGE_KEYS:
        if key not in submitted:
            continue
        value = submitted[key]
        if isinstance(value, str):
            value = value.strip() or None
        if key in ("from", "to") and submitted.get("field", field) == ChangeField.HEADCOUNT and isinstance(value, str):
            digits = value.removesuffix("人").strip()
            value = int(digits) if digits.isdigit() else value
        values[key] = value
    if values.get("field") is None:
        values.pop("field", None)
    return values


def filter_choices(session: Session) -> dict[str, list[str]]:
    cities = sorted({c for c in session.exec(select(School.city)).all() if c})
    groups = sorted({g for g in session.exec(select(Application.group)).all() if g})
    problems = sorted(set(session.exec(select(Problem.code)).all()))
    return {"cities": cities, "groups": groups, "problems": problems}
