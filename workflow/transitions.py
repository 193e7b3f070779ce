"""The one way a request's status or stage changes: `transition` moves it and writes its audit row."""

from __future__ import annotations

from sqlmodel import Session

from storage import repo
from storage.models import Request, ReviewEvent
from storage.states import Action, Stage, Status

SYSTEM = "system"  # the actor of what the pipeline and superseding do on their own


def transition(session: Session, request: Request, *, actor: str, action: Action, status: Status | None,
               stage: Stage | None, comment: str = "") -> ReviewEvent:
    """Move `request` to (status, stage) and audit who, when, from, to and why, in the caller's transaction.

    `status` None is an unrelated message's (it has no review status); `stage` None means no stage.
    """
    event = repo.add_audit_row(session, request_id=request.id, actor=actor, action=action,
                               from_status=request.status, to_status=status,
                               from_stage=request.stage, to_stage=stage, comment=comment)
    request.status, request.stage, request.updated_at = status, stage, event.at
    session.add(request)
    return event


def record(session: Session, request: Request, *, actor: str, action: Action, comment: str) -> ReviewEvent:
    """Audit an edit that leaves status and stage where they are (a correction, a released reply)."""
    return transition(session, request, actor=actor, action=action, status=_status(request),
                      stage=_stage(request), comment=comment)


def _status(request: Request) -> Status | None:
    return None if request.status is None else Status(request.status)


def _stage(request: Request) -> Stage | None:
    return None if request.stage is None else Stage(request.stage)
