"""Queries and writes on the tables: keyword-only functions taking a session; the caller owns the transaction."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_
from sqlmodel import Session, col, delete, select

from storage.models import (
    Application,
    Change,
    Document,
    EvidenceItem,
    Message,
    PageRecord,
    Problem,
    Request,
    ReviewEvent,
    School,
)
from storage.states import Kind, Status
from storage.times import now_db


def find_message(session: Session, *, message_id: str, sha256: str) -> Message | None:
    """The stored message that is the same delivery (same Message-ID or same bytes), if any."""
    query = select(Message).where(or_(Message.message_id == message_id, Message.sha256 == sha256))
    return session.exec(query).first()


def find_by_uid(session: Session, *, account: str, folder: str, uidvalidity: int, uid: int) -> Message | None:
    query = select(Message).where(
        Message.account == account, Message.folder == folder,
        Message.uidvalidity == uidvalidity, Message.uid == uid,
    )
    return session.exec(query).first()


def pending_message_ids(session: Session) -> list[int]:
    query = select(Request.id).where(Request.status == Status.PENDING).order_by(col(Request.id))
    return list(session.exec(query))


def school_requests(session: Session, *, school_id: int) -> Sequence[tuple[Request, Message]]:
    """The school's requests with their messages, oldest arrival first (ties by Message-ID).

    Rows already in the session are refreshed from the database: another transaction may have
    committed them since they were loaded.
    """
    query = (
        select(Request, Message).join(Message, col(Message.id) == Request.id)
        .where(Request.school_id == school_id, Request.kind == Kind.REQUEST)
        .order_by(col(Message.arrival), col(Message.message_id))
        .execution_options(populate_existing=True)
    )
    return session.exec(query).all()


def clear_findings(session: Session, *, request_id: int) -> None:
    """Drop what an earlier run of the pipeline wrote, so a re-run replaces it whole."""
    document_ids = select(Document.id).where(Document.request_id == request_id)
    session.exec(delete(PageRecord).where(col(PageRecord.document_id).in_(document_ids)))  # type: ignore[call-overload]
    for table in (Document, EvidenceItem, Change, Problem):
        session.exec(delete(table).where(table.request_id == request_id))  # type: ignore[call-overload,attr-defined]


def replace_problems(session: Session, *, request_id: int, problems: Sequence[Problem]) -> None:
    session.exec(delete(Problem).where(Problem.request_id == request_id))  # type: ignore[call-overload]
    session.add_all(problems)


def add_audit_row(session: Session, *, request_id: int, actor: str, action: str, from_status: str | None,
                  to_status: str | None, from_stage: str | None, to_stage: str | None,
                  comment: str = "") -> ReviewEvent:
    """Write one audit row; moving the request is `workflow.transitions.transition`'s job."""
    event = ReviewEvent(request_id=request_id, at=now_db(), actor=actor, action=action, from_status=from_status,
                        to_status=to_status, from_stage=from_stage, to_stage=to_stage, comment=comment)
    session.add(event)
    return event


def schools(session: Session) -> Sequence[School]:
    return session.exec(select(School)).all()


def declared_names(session: Session) -> tuple[list[str], list[str]]:
    """(certificate names, majors) the registry holds: declared 证书名称, 专业名称 and schools' 招生专业."""
    certificates = session.exec(select(Application.certificate).distinct()).all()
    majors = set(session.exec(select(Application.major).distinct()).all())
    majors.update(major for school in schools(session) for major in school.majors)
    return sorted(certificates), sorted(m for m in majors if m)


def applications_of(session: Session, *, school_id: int) -> Sequence[Application]:
    return session.exec(select(Application).where(Application.school_id == school_id)).all()
