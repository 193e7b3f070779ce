"""Run the pipeline on stored messages, one transaction each; a failure leaves the message pending.

Nothing here sends mail: an acknowledgement it queues is sent by the daemon's delivery loop
(`intake.sending`), or at the end of `poll` / `ingest`.
"""

from __future__ import annotations

import logging

from intake.logs import event_line
from intake.service import Service
from storage import repo
from storage.db import session_scope
from workflow.pipeline import process, record_failure

log = logging.getLogger(__name__)


def process_one(service: Service, message_pk: int) -> str:
    """Process one message to completion; returns its outcome for the log line."""
    try:
        with session_scope(service.db) as session:
            request = process(session, settings=service.settings, blobs=service.blobs, engine=service.ocr,
                              limits=service.config.ocr.limits, message_pk=message_pk)
            outcome = request.status or request.kind
    except Exception as e:  # noqa: BLE001 - the message stays pending and is retried, then flagged
        log.exception("processing message %s failed", message_pk)
        with session_scope(service.db) as session:
            return record_failure(session, blobs=service.blobs, message_pk=message_pk,
                                  error=f"{type(e).__name__}: {e}")
    log.info("%s", event_line("processed", id=message_pk, outcome=outcome))
    return outcome


def process_pending(service: Service) -> dict[int, str]:
    with session_scope(service.db) as session:
        pending = repo.pending_message_ids(session)
    return {pk: process_one(service, pk) for pk in pending}
