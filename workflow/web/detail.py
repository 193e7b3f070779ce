"""Everything the request page shows, gathered from the rows (and the stored raw message)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from parsers.mime import parse_message
from storage import repo
from storage.models import (
    Application,
    Change,
    Document,
    EvidenceItem,
    Message,
    PageRecord,
    Problem,
    Reply,
    Request,
    ReviewEvent,
    School,
    User,
)
from storage.states import Action, ArrivalSource, EvidenceKind, Kind, Stage
from storage.times import from_db
from workflow.ports import Services
from workflow.review import in_scope, may_act, request_groups
from workflow.views import request_json
from workflow.web import queue


@dataclass
class PageView:
    page: PageRecord
    boxes: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class DocumentView:
    document: Document
    pages: list[PageView] = field(default_factory=list)


def page_views(session: Session, request: Request, items: list[EvidenceItem]) -> list[DocumentView]:
    documents = session.exec(
        select(Document).where(Document.request_id == request.id).order_by(col(Document.position))
    ).all()
    views = []
    for document in documents:
        pages = session.exec(
            select(PageRecord).where(PageRecord.document_id == document.id).order_by(col(PageRecord.number))
        ).all()
        views.append(DocumentView(document, [PageView(p, _boxes(document, p, items)) for p in pages]))
    return views


def _boxes(document: Document, page: PageRecord, items: list[EvidenceItem]) -> list[dict[str, Any]]:
    boxes = []
    for item in items:
        crops = item.detail.get("crops") or [{"document": item.document, "page": item.page, "box": item.box}]
        for crop in crops:
            box = crop.get("box") or []
            if crop.get("document") != document.filename or crop.get("page") != page.number or len(box) != 4:
                continue
            x0, y0, x1, y1 = (float(v) for v in box)
            boxes.append(
                {
                    "kind": item.kind,
                    "label": EvidenceKind.label_of(item.kind),
                    "x": x0,
                    "y": y0,
                    "w": max(x1 - x0, 1.0),
                    "h": max(y1 - y0, 1.0),
                }
            )
    return boxes


def message_view(service: Services, message: Message) -> dict[str, Any]:
    try:
        parsed = parse_message(service.blobs.get(message.sha256))
    except (OSError, ValueError):
        return {"error": "原始邮件无法读取", "headers": [], "body": ""}
    headers = [
        ("发件人", parsed.headers.get("from", "")),
        ("收件人", parsed.headers.get("to", "")),
        ("抄送", parsed.headers.get("cc", "")),
        ("日期", parsed.headers.get("date", "")),
        ("主题", parsed.subject),
        ("Message-ID", message.message_id),
    ]
    return {
        "error": "",
        "headers": [(k, v) for k, v in headers if v],
        "body": parsed.body_text,
        "defects": parsed.defects,
    }


def request_context(
    session: Session, service: Services, user: User, request: Request, message: Message
) -> dict[str, Any]:
    tz = service.settings.round.tz
    items = list(session.exec(select(EvidenceItem).where(EvidenceItem.request_id == request.id)).all())
    changes = session.exec(
        select(Change).where(Change.request_id == request.id).order_by(col(Change.position))
    ).all()
    applications = {
        c.application_id: session.get(Application, c.application_id) for c in changes if c.application_id
    }
    school = session.get(School, request.school_id) if request.school_id else None
    events = session.exec(
        select(ReviewEvent)
        .where(ReviewEvent.request_id == request.id)
        .order_by(col(ReviewEvent.at), col(ReviewEvent.id))
    ).all()
    replies = session.exec(select(Reply).where(Reply.request_id == request.id).order_by(col(Reply.id))).all()
    related = (
        []
        if school is None
        else [
            (r, from_db(m.arrival, tz))
            for r, m in repo.school_requests(session, school_id=school.id)
            if r.id != request.id and in_scope(session, user, r)
        ]
    )
    problems = session.exec(select(Problem).where(Problem.request_id == request.id)).all()
    return {
        "r": request,
        "record": request_json(session, request, message, tz),
        "period": service.settings.round.review_period(request.stage),
        "neighbours": queue_neighbours(session, user, request.id),
        "arrival_source": ArrivalSource.label_of(message.arrival_source),
        "captions": {item.id: evidence_caption(item) for item in items},
        "arrival": from_db(message.arrival, tz),
        "school": school,
        "items": items,
        "documents": page_views(session, request, items),
        "changes": changes,
        "applications": applications,
        "problems": problems,
        "message": message_view(service, message),
        "events": events,
        "replies": replies,
        "related": related,
        "groups": request_groups(session, request) if request.kind == Kind.REQUEST else [],
        "actions": allowed_actions(session, user, request),
        "can_correct": can_correct(session, user, request),
        "tz": tz,
    }


def evidence_caption(item: EvidenceItem) -> str:
    """What a crop shows, in words: 公章：印文…（可信度 0.93）or 部门意见：同意，已签字."""
    name = EvidenceKind.label_of(item.kind)
    if item.kind == EvidenceKind.SEAL:
        text = f"印文“{item.text}”" if item.text else "印文未读出"
        return f"{name}：{text}（可信度 {item.confidence:.2f}）"
    if not item.detail.get("found"):
        return f"{name}：未见意见"
    verdict = "同意" if item.detail.get("affirmative") else "未写明同意"
    signed = "已签字" if item.detail.get("signed") else "未见签字"
    return f"{name}：{verdict}，{signed}" + (f"（“{item.text}”）" if item.text else "")


def queue_neighbours(session: Session, user: User, request_id: int) -> tuple[int | None, int | None]:
    """The requests before and after this one in the user's 待我审核 queue (by arrival); None at an end.
    From a request not in that queue, "next" is the first one waiting."""
    ids = [r.id for r, _ in queue.rows(session, user, queue.Filters(view="mine"))]
    if request_id not in ids:
        return None, (ids[0] if ids else None)
    at = ids.index(request_id)
    return (ids[at - 1] if at > 0 else None), (ids[at + 1] if at + 1 < len(ids) else None)


def allowed_actions(session: Session, user: User, request: Request) -> list[str]:
    """City and group approve or return; the province approves, rejects or returns."""
    if not may_act(session, user, request):
        return []
    if request.stage == Stage.PROVINCE:
        return [Action.APPROVE, Action.REJECT, Action.RETURN]
    return [Action.APPROVE, Action.RETURN]


def can_correct(session: Session, user: User, request: Request) -> bool:
    """Corrections belong to the reviewer whose turn it is (or an admin), like decisions."""
    return may_act(session, user, request)
