"""Message files (.eml) as a source: `intake ingest FILE…`."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlmodel import Session

from intake.logs import event_line
from intake.processing import process_pending
from intake.recording import Origin, record_message
from intake.service import Service

log = logging.getLogger(__name__)


def ingest_files(service: Service, paths: list[Path]) -> int:
    """Record every file, then process all pending messages; exit 1 only if a file was not recorded."""
    failed = 0
    for path in paths:
        try:
            raw = path.read_bytes()
        except OSError as e:
            log.error("无法读取文件 %s：%s", path, e.strerror)
            failed += 1
            continue
        with Session(service.db, expire_on_commit=False) as session:
            message, created = record_message(session, service.blobs, raw,
                                              Origin(account="file", folder=str(path.parent)))
            log.info("%s", event_line("file", file=path.name, id=message.id, message_id=message.message_id,
                                      outcome="recorded" if created else "duplicate"))
    process_pending(service)
    service.replies_queued()  # acknowledgements of what was just processed
    return 1 if failed else 0
