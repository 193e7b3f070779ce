"""Server-rendered pages: the queue and the request page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session, col, select

from storage.db import session_scope
from storage.models import Problem, School
from storage.states import Role, Stage, Status
from storage.times import from_db
from workflow.labels import (
    ACTION_NAMES,
    DECISION_NAMES,
    FIELD_NAMES,
    REPLY_STATES,
    STAGE_NAMES,
    STATUS_NAMES,
    actor_name,
    problem_title,
)
from workflow.web import queue
from workflow.web.common import render, service_of, user_of
from workflow.web.detail import request_context
from workflow.web.queue import Filters
from workflow.web.scope import filter_choices, status_counts, visible_request

router = APIRouter(include_in_schema=False)


def names() -> dict[str, Any]:
    return {
        "status_names": STATUS_NAMES,
        "stage_names": STAGE_NAMES,
        "field_names": FIELD_NAMES,
        "reply_states": REPLY_STATES,
        "problem_title": problem_title,
        "action_names": ACTION_NAMES,
        "decision_names": DECISION_NAMES,
        "actor_name": actor_name,
    }


@router.get("/", response_class=HTMLResponse)
def queue_page(request: Request) -> Response:
    service, user = service_of(request), user_of(request)
    filters = Filters.from_query(request.query_params)
    tz = service.settings.round.tz
    with session_scope(service.db) as session:
        rows, total = queue.page(session, user, filters)
        problems = _problem_codes(session, [r.id for r, _ in rows])
        schools = {s.id: s.name for s in session.exec(select(School))}
        items = [
            {
                "r": r,
                "arrival": from_db(m.arrival, tz),
                "school": schools.get(r.school_id, ""),
                "problems": sorted(set(problems.get(r.id, []))),
            }
            for r, m in rows
        ]
        mine = queue.page(session, user, Filters(view="mine"))[1]
        context = {
            "items": items,
            "total": total,
            "pages": max(1, -(-total // queue.PAGE_SIZE)),
            "page_size": queue.PAGE_SIZE,
            "filters": filters,
            "mine": mine,
            "period": service.settings.round.review_period(queue.MY_STAGE.get(Role(user.role))),
            "counts": status_counts(session, user),
            "choices": filter_choices(session),
            "statuses": tuple(Status),
            "stages": tuple(Stage),
            **names(),
        }
    return render(request, "queue.html", context)


def _problem_codes(session: Session, ids: list[int]) -> dict[int, list[str]]:
    codes: dict[int, list[str]] = {}
    for chunk in range(0, len(ids), 500):
        query = select(Problem.request_id, Problem.code).where(
            col(Problem.request_id).in_(ids[chunk : chunk + 500])
        )
        for request_id, code in session.exec(query):
            codes.setdefault(request_id, []).append(code)
    return codes


def request_page(
    request: Request, request_id: int, *, error: str = "", status: int = 200, form: dict[str, str] | None = None
) -> Response:
    """The request page; after a refused form, with the error and what was typed (`form`: action, comment)."""
    service, user = service_of(request), user_of(request)
    with session_scope(service.db) as session:
        req, message = visible_request(session, user, request_id)
        context = request_context(session, service, user, req, message)
    typed = {"action": "", "comment": "", **(form or {})}
    return render(request, "request.html", {**context, "error": error, "form": typed, **names()}, status=status)


@router.get("/requests/{request_id}", response_class=HTMLResponse)
def show(request: Request, request_id: int) -> Response:
    return request_page(request, request_id)
