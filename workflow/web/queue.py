"""The queue's query: the views (待我审核 / all / unrelated), search, filters, sorting and pages — in SQL.

Everything the queue shows is in its URL (`Filters.query()`), so a link, the back button or a
bookmark gives the same rows.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from storage.models import Change, Message, Problem, Request, School, User
from storage.states import OPEN, ProblemCode, Role, Stage, Status
from workflow.review import group_requests, scope_condition

PAGE_SIZE = 50
VIEWS = ("mine", "all", "unrelated", "every")  # every: requests and unrelated messages (the API)
SORTS = ("id", "arrival", "school", "sender", "status", "stage")
MY_STAGE = {Role.CITY: Stage.CITY, Role.GROUP: Stage.GROUP, Role.PROVINCE: Stage.PROVINCE}  # an admin: every one


@dataclass(frozen=True)
class Filters:
    view: str = "mine"  # mine: open requests at my stage | all: every request | unrelated
    q: str = ""  # school name or alias, sender, id, certificate or 申报编号, city, subject
    status: str = ""
    stage: str = ""
    group: str = ""
    city: str = ""
    problem: str = ""
    sort: str = "arrival"
    order: str = "asc"
    page: int = 1

    @classmethod
    def from_query(cls, q: Any) -> Filters:
        """From a query string, each value checked: an unknown one is ignored, never an error."""
        page = q.get("page", "1")
        return cls(
            view=q.get("view") if q.get("view") in VIEWS else "mine",
            q=q.get("q", "").strip()[:100],
            status=q.get("status", "") if q.get("status") in tuple(Status) else "",
            stage=q.get("stage", "") if q.get("stage") in tuple(Stage) else "",
            group=q.get("group", "")[:100],
            city=q.get("city", "")[:50],
            problem=q.get("problem", "") if q.get("problem") in tuple(ProblemCode) else "",
            sort=q.get("sort") if q.get("sort") in SORTS else "arrival",
            order="desc" if q.get("order") == "desc" else "asc",
            page=int(page) if page.isdigit() and 0 < int(page) < 100_000 else 1,
        )

    def query(self, **changes: Any) -> str:
        """This view's URL query with `changes`; defaults are left out."""
        values = asdict(replace(self, **changes))
        defaults = asdict(Filters())
        return urlencode({k: v for k, v in values.items() if v != defaults[k]})

    def sorted_by(self, column: str) -> str:
        """The query for a click on a column's head: by it, ascending, or reversed if already by it."""
        order = "desc" if self.sort == column and self.order == "asc" else "asc"
        return self.query(sort=column, order=order, page=1)


def _mine(session: Session, user: User):  # type: ignore[no-untyped-def]
    """Open requests waiting at the user's stage; for a group, not yet approved by that group."""
    condition = col(Request.status).in_(OPEN)
    if user.role == Role.ADMIN:
        return condition & (Request.stage != Stage.DONE)
    condition = condition & (Request.stage == MY_STAGE.get(Role(user.role)))
    if user.role == Role.GROUP:
        waiting = session.exec(select(Request).where(Request.stage == Stage.GROUP,
                                                     col(Request.id).in_(group_requests(user.scope)))).all()
        passed = [r.id for r in waiting if user.scope in r.groups_approved]
        condition = condition & col(Request.id).not_in(passed or [-1])
    return condition


def _search(session: Session, text: str):  # type: ignore[no-untyped-def]
    """Requests matching `text` in any of the fields officers search by."""
    needle = text.lower()
    schools = [s.id for s in session.exec(select(School))
               if needle in s.name.lower() or needle in s.city.lower()
               or any(needle in alias.lower() for alias in s.aliases)]
    changes = select(Change.request_id).where(or_(col(Change.certificate).contains(text),
                                                  col(Change.application_id) == text.upper()))
    conditions = [col(Request.school_id).in_(schools or [-1]), col(Request.sender).contains(needle),
                  col(Request.subject).contains(text), col(Request.id).in_(changes)]
    digits = text.lstrip("#")
    if digits.isdigit() and len(digits) < 12:
        conditions.append(Request.id == int(digits))
    return or_(*conditions)


def filtered(session: Session, user: User, filters: Filters):  # type: ignore[no-untyped-def]
    """Requests joined with their messages: the user's scope, the view, the search and the filters."""
    query = select(Request, Message).join(Message, col(Message.id) == Request.id)
    scope = scope_condition(user)
    if scope is not None:
        query = query.where(scope)
    if filters.view != "every":
        query = query.where(Request.kind == ("unrelated" if filters.view == "unrelated" else "request"))
    if filters.view == "mine":
        query = query.where(_mine(session, user))
    if filters.q:
        query = query.where(_search(session, filters.q))
    for value, column in ((filters.status, Request.status), (filters.stage, Request.stage)):
        if value:
            query = query.where(column == value)
    if filters.city:
        query = query.where(col(Request.school_id).in_(select(School.id).where(School.city == filters.city)))
    if filters.group:
        query = query.where(col(Request.id).in_(group_requests(filters.group)))
    if filters.problem:
        query = query.where(col(Request.id).in_(select(Problem.request_id).where(Problem.code == filters.problem)))
    return query


def ordered(query, filters: Filters):  # type: ignore[no-untyped-def]
    columns = {"id": col(Request.id), "arrival": col(Message.arrival), "school": col(School.name),
               "sender": col(Request.sender), "status": col(Request.status), "stage": col(Request.stage)}
    if filters.sort == "school":
        query = query.outerjoin(School, col(School.id) == Request.school_id)
    key = columns[filters.sort]
    return query.order_by(key.desc() if filters.order == "desc" else key, col(Request.id))


def rows(session: Session, user: User, filters: Filters) -> list[tuple[Request, Message]]:
    """Every matching row, sorted (the export and the API)."""
    return list(session.exec(ordered(filtered(session, user, filters), filters)).all())


def page(session: Session, user: User, filters: Filters) -> tuple[list[tuple[Request, Message]], int]:
    """One page of PAGE_SIZE rows and the number of matching rows."""
    query = filtered(session, user, filters)
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    start = (filters.page - 1) * PAGE_SIZE
    found = session.exec(ordered(query, filters).offset(start).limit(PAGE_SIZE)).all()
    return list(found), int(total)
