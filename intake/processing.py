"""Run the pipeline on stored messages, one transaction each, one worker per message at a time.

A message is claimed for the length of its transaction (PostgreSQL: an advisory transaction lock;
SQLite: a file lock), so `ingest` beside `run`, or workers on several machines, never process it
twice; the pipeline itself refuses a request that is no longer pending. A failure leaves the message
pending: a transient one (database away, disk full) is not counted and raises `TransientFault`,
anything else counts as an attempt.

Nothing here sends mail: an acknowledgement it queues is sent by the daemon's delivery loop
(`intake.sending`), or at the end of `poll` / `ingest`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlmodel import Session

from intake.faults import TransientFault, fault_kind, one_line
from intake.lock import message_claim_file, message_claim_held
from intake.logs import event_line
from intake.service import Service
from storage.db import MESSAGE_LOCKS, session_scope, try_xact_lock
from workflow.errors import NotFound
from workflow.pipeline import AlreadyProcessed, process, record_failure, reopen

log = logging.getLogger(__name__)

BUSY, SKIPPED = "busy", "skipped"  # outcomes: another worker holds it; it was processed already


def process_one(service: Service, message_pk: int) -> str:
    """Process one message to completion; returns its outcome for the log line.

    Raises TransientFault (one line, the kind) when the database or the disk failed.
    """
    try:
        with _claimed(service, message_pk) as session:
            if session is None:
                return BUSY
            request = process(session, settings=service.settings, blobs=service.blobs, engine=service.ocr,
                              limits=service.config.ocr.limits, message_pk=message_pk)
            outcome = request.status or request.kind
    except AlreadyProcessed:
        return SKIPPED
    except Exception as e:  # noqa: BLE001 - the message stays pending and is retried, then flagged
        kind = fault_kind(e)
        if kind is not None:
            raise TransientFault(kind, one_line(e)) from None
        log.exception("processing message %s failed", message_pk)
        return _count_failure(service, message_pk, f"{type(e).__name__}: {e}")
    log.info("%s", event_line("processed", id=message_pk, outcome=outcome))
    return outcome


@contextmanager
def _claimed(service: Service, message_pk: int) -> Iterator[Session | None]:
    """A transaction holding the message's claim, committed at the end; None when another worker has it."""
    if service.db.dialect.name == "postgresql":
        with session_scope(service.db) as session:
            yield session if try_xact_lock(session, MESSAGE_LOCKS, message_pk) else None
        return
    # the file lock outlives the commit, so nobody reads the request as pending in between
    with message_claim_file(service.config.storage.data_dir, message_pk) as held, \
            session_scope(service.db) as session:
        yield session if held else None


def _count_failure(service: Service, message_pk: int, error: str) -> str:
    try:
        with session_scope(service.db) as session:
            return record_failure(session, blobs=service.blobs, message_pk=message_pk, error=error)
    except Exception as e:  # noqa: BLE001 - not counted this time; the message stays pending
        kind = fault_kind(e)
        if kind is None:
            raise
        raise TransientFault(kind, one_line(e)) from None


def claimed(service: Service, message_pks: Iterable[int]) -> set[int]:
    """Which of these messages a worker holds right now (PostgreSQL: its advisory lock; SQLite: its file lock)."""
    wanted = set(message_pks)
    if not wanted:
        return set()
    if service.db.dialect.name == "postgresql":
        with service.db.connect() as conn:
            held = conn.execute(text("SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND classid = :ns "
                                     "AND objsubid = 2 AND granted"), {"ns": MESSAGE_LOCKS}).scalars()
            return wanted & {int(pk) for pk in held}
    return {pk for pk in wanted if message_claim_held(service.config.storage.data_dir, pk)}


def reprocess(service: Service, ids: list[int], *, actor: str) -> dict[int, str]:
    """Reopen each request (audited) and process it again here; returns each one's new outcome.

    Raises NotFound before changing anything when an id is unknown.
    """
    with session_scope(service.db) as session:
        for pk in ids:
            try:
                reopen(session, request_id=pk, actor=actor)
            except LookupError:
                raise NotFound(f"没有第 {pk} 号记录") from None
    return {pk: process_one(service, pk) for pk in ids}
