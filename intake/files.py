"""Message files (.eml) as a source: `intake ingest FILE…`."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from sqlmodel import Session

from intake.jobs import Jobs
from intake.logs import event_line
from intake.recording import Origin, record_message
from intake.service import Service
from intake.workers import Workers

log = logging.getLogger(__name__)


def ingest_files(service: Service, paths: list[Path]) -> int:
    """Record every file, give each pending message a job, and with local workers wait for them.

    Exit code 1 only if a file was not recorded. With `[ocr] workers = 0` the jobs are left to
    `intake worker` processes.
    """
    failed = 0
    queue = service.queue  # its tables exist before a worker looks
    with Workers(service.config) as workers:
        workers.start()  # their start-up overlaps the recording
        jobs = Jobs(service, queue, follow=bool(workers.size), on_done=_line)
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
        jobs.enqueue_due()  # what was just recorded, and whatever else waits without a job
        jobs.drain(threading.Event())
    service.replies_queued()  # acknowledgements of what was just processed
    return 1 if failed else 0


def _line(pk: int, outcome: str) -> None:
    log.info("%s", event_line("processed", id=pk, outcome=outcome))
