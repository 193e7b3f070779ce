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

    Exit code 1 only if a file was not recorded. With `[ocr] workers = 1` this process runs the jobs;
    with more, that many worker processes; with 0 they are left to `intake worker` processes.
    """
    failed = 0
    queue = service.queue  # its tables exist before a worker looks
    # One local worker is this process: a process of its own would only add its start-up (and
    # process_one logs each outcome here itself).
    here = service.config.ocr.workers == 1
    with Workers(service.config) as workers:
        if not here:
            workers.start()  # their start-up overlaps the recording
        jobs = Jobs(service, queue, follow=bool(workers.size), on_done=_no_line if here else _line)
        for path in paths:
            try:
                raw = path.read_bytes()
            except OSError as e:
                log.error("无法读取文件 %s：%s", path, e.strerror)
                failed += 1
                continue
            with Session(service.db, expire_on_commit=False) as session:
                recorded = record_message(session, service.blobs, raw, Origin(account="file", folder=str(path.parent)))
                log.info("%s", event_line("file", file=path.name, id=recorded.id, message_id=recorded.message_id,
                                          outcome="recorded" if recorded.created else "duplicate"))
        jobs.enqueue_due()  # what was just recorded, and whatever else waits without a job
        jobs.drain(threading.Event(), here=here)
    service.replies_queued()  # acknowledgements of what was just processed
    return 1 if failed else 0


def _line(pk: int, outcome: str) -> None:
    log.info("%s", event_line("processed", id=pk, outcome=outcome))


def _no_line(_pk: int, _outcome: str) -> None:
    """Outcomes of jobs run in this process: `process_one` logged them already."""
