"""Superseding (spec §2): a request that arrived inside the window supersedes the school's latest
earlier request that is still open; one that arrived outside supersedes nothing.

Two workers finishing requests of one school at once would each miss the other's uncommitted request
and leave both open, so the chain is recomputed under a per-school lock held to the end of the
transaction (PostgreSQL; SQLite serialises writers already): the second waits, then sees the first.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from storage import repo
from storage.db import SCHOOL_LOCKS, xact_lock
from storage.models import Request, ReviewEvent
from storage.states import Action, Stage, Status
from storage.times import from_db
from workflow.settings import RoundConfig
from workflow.transitions import SYSTEM, transition

CLOSED = (Status.APPROVED, Status.REJECTED, Status.SUPERSEDED)


def reapply(session: Session, *, school_id: int, round_: RoundConfig) -> None:
    """Recompute the school's whole chain, so a message processed late takes its place in it."""
    xact_lock(session, SCHOOL_LOCKS, school_id)
    chain = [(r, m) for r, m in repo.school_requests(session, school_id=school_id) if r.status != Status.PENDING]
    base = {r.id: _status_before_superseding(session, r) for r, _ in chain}
    status = dict(base)
    supersedes: dict[int, int | None] = {r.id: None for r, _ in chain}
    for index, (request, message) in enumerate(chain):
        if not round_.in_window(from_db(message.arrival, round_.tz)):
            continue
        for earlier, _ in reversed(chain[:index]):
            if status[earlier.id] not in CLOSED:
                status[earlier.id] = Status.SUPERSEDED
                supersedes[request.id] = earlier.id
                break
    superseded_by = {old: new for new, old in supersedes.items() if old is not None}
    for request, _ in chain:
        request.supersedes = supersedes[request.id]
        request.superseded_by = superseded_by.get(request.id)
        if status[request.id] != request.status:
            superseded = status[request.id] == Status.SUPERSEDED
            action = Action.SUPERSEDE if superseded else Action.UNSUPERSEDE
            stage = None if superseded else _stage_before_superseding(session, request)
            why = f"被第 {request.superseded_by} 号申请取代" if request.superseded_by else "取代关系已重新计算"
            to_status = status[request.id]
            transition(session, request, actor=SYSTEM, action=action,
                       status=Status(to_status) if to_status else None, stage=stage, comment=why)
        session.add(request)
    session.flush()


def _last_supersede(session: Session, request: Request) -> ReviewEvent | None:
    query = (select(ReviewEvent).where(ReviewEvent.request_id == request.id, ReviewEvent.action == Action.SUPERSEDE)
             .order_by(col(ReviewEvent.id).desc()))
    return session.exec(query).first()


def _status_before_superseding(session: Session, request: Request) -> str | None:
    if request.status != Status.SUPERSEDED:
        return request.status
    event = _last_supersede(session, request)
    return event.from_status if event else Status.FLAGGED


def _stage_before_superseding(session: Session, request: Request) -> Stage | None:
    event = _last_supersede(session, request)
    stage = event.from_stage if event else request.stage
    return Stage(stage) if stage else None
