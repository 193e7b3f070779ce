"""The JSON of spec §5 for recorded messages: the contract for the CLI and the web API."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from storage.models import Application, Change, Document, Message, Problem, Request, School
from storage.states import Kind
from storage.times import from_db


def request_rows(session: Session, *, kind: str | None = None, status: str | None = None,
                 school: str | None = None) -> list[tuple[Request, Message]]:
    query = select(Request, Message).join(Message, col(Message.id) == Request.id)
    if kind:
        query = query.where(Request.kind == kind)
    if status:
        query = query.where(Request.status == status)
    if school:
        query = query.join(School, col(School.id) == Request.school_id).where(School.name == school)
    return list(session.exec(query.order_by(col(Message.arrival), col(Request.id))).all())


def request_json(session: Session, request: Request, message: Message, tz: ZoneInfo) -> dict[str, Any]:
    return requests_json(session, [(request, message)], tz)[0]


def requests_json(session: Session, rows: list[tuple[Request, Message]], tz: ZoneInfo) -> list[dict[str, Any]]:
    """Many at once with one query per table, so a list of thousands stays fast."""
    ids = [r.id for r, _ in rows]
    problems = _grouped(session, Problem, ids)
    changes = _grouped(session, Change, ids)
    documents = _grouped(session, Document, ids)
    schools = {row.id: row.name for row in session.execute(select(School.id, School.name))}
    certificates = {row.id: row.certificate for row in session.execute(select(Application.id, Application.certificate))}
    return [_one(r, m, tz, schools, certificates, problems.get(r.id, []), changes.get(r.id, []),
                 documents.get(r.id, [])) for r, m in rows]


def _grouped(session: Session, table: Any, ids: list[int]) -> dict[int, list[Any]]:
    """Plain rows (not ORM objects: building thousands of those is most of a list's time) by request."""
    grouped: dict[int, list[Any]] = {}
    columns = table.__table__.columns
    for chunk in range(0, len(ids), 500):
        query = select(*columns).where(columns.request_id.in_(ids[chunk:chunk + 500]))
        if "position" in columns:
            query = query.order_by(columns.position)
        for row in session.execute(query):
            grouped.setdefault(row.request_id, []).append(row)
    return grouped


def _one(request: Request, message: Message, tz: ZoneInfo, schools: dict, certificates: dict,
         problems: list[Problem], changes: list[Change], documents: list[Document]) -> dict[str, Any]:
    is_request = request.kind == Kind.REQUEST
    return {
        "id": request.id,
        "message_id": message.message_id,
        "arrival": from_db(message.arrival, tz).isoformat(),
        "arrival_source": message.arrival_source,
        "sender": request.sender,
        "subject": request.subject,
        "kind": request.kind,
        "school": schools.get(request.school_id) if request.school_id else None,
        "status": request.status if is_request else None,
        "stage": request.stage if is_request else None,
        "problems": sorted({p.code for p in problems}),
        "seal": request.seal,
        "approvals": {"department": request.department_approval, "leader": request.leader_approval},
        "changes": [{
            "certificate": certificates.get(c.application_id, c.certificate) if c.application_id else c.certificate,
            "field": c.field, "from": c.from_value, "to": c.to_value, "application_id": c.application_id,
        } for c in changes],
        "documents": [{"filename": d.filename, "pages": d.pages, "text_source": d.text_source}
                      for d in documents],
        "supersedes": request.supersedes,
        "superseded_by": request.superseded_by,
        "parse_error": request.parse_error or None,
        "unrelated_reason": request.unrelated_reason or None,
        "school_hint": request.school_hint or None,
    }
