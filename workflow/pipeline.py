"""Process one stored message: parse → evidence → record → checks → status, stage and superseding.

`process` is idempotent while the request is pending: it replaces whatever an earlier run wrote, so
it can be retried after a crash. Once processed, a request is never derived again by the machine
(spec §2): `process` raises `AlreadyProcessed` and `record_failure` leaves it alone. The caller holds
the message's claim (`intake.lock.MessageClaim`), so one worker at a time runs it.
"""

from __future__ import annotations

import logging

from sqlmodel import Session, col, select

from parsers.attachments import load_documents
from parsers.limits import Limits
from parsers.mime import parse_message
from parsers.model import Evidence, ParsedMessage
from parsers.ocr import OcrEngine
from parsers.read import read_evidence
from parsers.vocabulary import Vocabulary
from storage import repo
from storage.blobs import BlobStore
from storage.models import Change, Message, Problem, Request
from storage.states import OPEN, Action, Kind, Stage, Status
from storage.times import from_db, now_db
from workflow import routing, supersede
from workflow.checks import run_checks
from workflow.checks.approvals import approval_holds
from workflow.evidence_store import load_evidence, save_evidence
from workflow.facts import RequestFacts, gather_facts
from workflow.kind import unrelated_reason
from workflow.outbox import acknowledge
from workflow.registry import Registry
from workflow.settings import Settings
from workflow.transitions import SYSTEM, transition

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3  # a message that broke the pipeline this often is flagged for a human


class AlreadyProcessed(Exception):
    """The message was processed already (by another worker, or decided since): nothing to do."""


def process(session: Session, *, settings: Settings, blobs: BlobStore, engine: OcrEngine, limits: Limits,
            message_pk: int) -> Request:
    """Read, record and check one stored message; `limits` bound the reading (pages, seconds, dpi).

    Raises LookupError for an unknown id and AlreadyProcessed when the request is no longer pending.
    """
    message = session.get(Message, message_pk)
    request = session.get(Request, message_pk)
    if message is None or request is None:
        raise LookupError(f"no stored message {message_pk}")
    if request.status != Status.PENDING:
        raise AlreadyProcessed(message_pk)
    parsed = parse_message(blobs.get(message.sha256))
    evidence, parse_error = _read(parsed, engine=engine, limits=limits,
                                  vocabulary=Registry.vocabulary(session), last=_last_attempt(message))
    repo.clear_findings(session, request_id=request.id)
    request.sender, request.subject = parsed.sender, parsed.subject
    request.parse_error = parse_error
    request.applicant_unit = evidence.applicant_unit or ""
    request.seal = bool(evidence.seals)
    request.seal_text = next((s.text for s in evidence.seals if s.text), "")
    request.department_approval = approval_holds(evidence.department)
    request.leader_approval = approval_holds(evidence.leader)
    save_evidence(session, blobs, request_id=request.id, evidence=evidence)
    message.processed_at, message.attempts = now_db(), message.attempts + 1
    session.add(message)
    reason = unrelated_reason(parsed, evidence, settings.office_addresses)
    if reason:
        request.kind, request.unrelated_reason = Kind.UNRELATED, reason
        transition(session, request, actor=SYSTEM, action=Action.PROCESSED, status=None, stage=None,
                   comment=reason)
        return request
    request.kind, request.unrelated_reason = Kind.REQUEST, ""
    recheck(session, settings=settings, request=request, message=message, first=True)
    acknowledge(session, settings, request)
    return request


def reopen(session: Session, *, request_id: int, actor: str) -> Request:
    """`intake reprocess`: an officer sends a request back to pending, audited, to be read again.

    The only way a request a reviewer acted on is derived again (spec §2). Its attempts start over.
    Raises LookupError for an unknown id.
    """
    message = session.get(Message, request_id)
    request = session.get(Request, request_id)
    if message is None or request is None:
        raise LookupError(f"no stored message {request_id}")
    message.attempts, message.last_error = 0, ""
    session.add(message)
    if request.status != Status.PENDING:
        transition(session, request, actor=actor, action=Action.REPROCESS, status=Status.PENDING, stage=None,
                   comment="人工要求重新处理")
    return request


class PagesUnread(RuntimeError):
    """Some pages broke while reading (engine failure, unexpected error): the message is retried."""


def _last_attempt(message: Message) -> bool:
    return message.attempts + 1 >= MAX_ATTEMPTS


def _read(parsed: ParsedMessage, *, engine: OcrEngine, limits: Limits, vocabulary: Vocabulary,
          last: bool) -> tuple[Evidence, str]:
    """The message's evidence and its parse_error ("" if every page was read).

    A page that broke, or a reader that broke, raises so the caller retries the message
    (`record_failure` counts the attempts); on the last attempt the message is recorded with
    what could be read, its documents listed, and the failure as parse_error.
    """
    try:
        evidence = read_evidence(parsed, engine=engine, limits=limits, vocabulary=vocabulary)
    except Exception as e:
        if not last:
            raise
        log.exception("reading a message failed on its last attempt")
        return Evidence(documents=load_documents(parsed.attachments, limits)), f"{type(e).__name__}: {e}"[:500]
    failure = "；".join(evidence.failures)[:500]
    if failure and not last:
        raise PagesUnread(failure)
    return evidence, failure


def record_failure(session: Session, *, blobs: BlobStore, message_pk: int, error: str) -> str:
    """Count a failed run; after MAX_ATTEMPTS the message is flagged with its parse_error for a human."""
    message = session.get(Message, message_pk)
    request = session.get(Request, message_pk)
    if message is None or request is None:
        return "error"
    if request.status != Status.PENDING:
        return "skipped"  # processed meanwhile: its result stands
    message.attempts += 1
    message.last_error = error[:500]
    session.add(message)
    if message.attempts < MAX_ATTEMPTS:
        return "error"
    parsed = parse_message(blobs.get(message.sha256))
    request.sender, request.subject, request.parse_error = parsed.sender, parsed.subject, error[:500]
    transition(session, request, actor=SYSTEM, action=Action.PROCESSED, status=Status.FLAGGED,
               stage=Stage.PROVINCE, comment=f"处理失败 {message.attempts} 次，需人工检查")
    return Status.FLAGGED


def recheck(session: Session, *, settings: Settings, request: Request, message: Message, first: bool = False,
            actor: str = SYSTEM, comment: str = "") -> None:
    """Run every check on the recorded evidence and set problems, status and (first time) stage."""
    registry = Registry.load(session)
    evidence = load_evidence(session, request=request)
    facts = build_facts(session, settings=settings, request=request, message=message, registry=registry,
                        evidence=evidence)
    findings = run_checks(facts)
    problems = [Problem(request_id=request.id, code=f.code, message=f.message, evidence=f.evidence)
                for f in findings]
    repo.replace_problems(session, request_id=request.id, problems=problems)
    _store_links(session, request=request, facts=facts)
    request.school_id = facts.school.id if facts.school else None
    request.subject_unit = facts.subject_unit
    request.school_hint = facts.school_hint
    status = Status.FLAGGED if problems or request.parse_error else Status.READY
    if first:
        groups = routing.linked_groups([lc.application for lc in facts.linked])
        transition(session, request, actor=actor, action=Action.PROCESSED, status=status,
                   stage=routing.first_stage(facts.school, groups), comment=comment)
    elif request.status in OPEN and status != request.status:
        transition(session, request, actor=actor, action=Action.RECHECK, status=status,
                   stage=Stage(request.stage) if request.stage else None, comment=comment)
    session.flush()
    if request.school_id is not None:
        supersede.reapply(session, school_id=request.school_id, round_=settings.round)


def build_facts(session: Session, *, settings: Settings, request: Request, message: Message, registry: Registry,
                evidence: Evidence) -> RequestFacts:
    return gather_facts(subject=request.subject, arrival=from_db(message.arrival, settings.round.tz),
                        evidence=evidence, round_=settings.round, registry=registry,
                        declarations_of=lambda school: Registry.declarations(session, school))


def _store_links(session: Session, *, request: Request, facts: RequestFacts) -> None:
    rows = session.exec(select(Change).where(Change.request_id == request.id).order_by(col(Change.position))).all()
    for row, linked in zip(rows, facts.linked, strict=True):
        row.application_id = linked.application.id if linked.application else None
        if not row.corrected_by:  # a major the document showed in part is the declared or offered one
            row.from_value, row.to_value = linked.change.from_value, linked.change.to_value
        session.add(row)
