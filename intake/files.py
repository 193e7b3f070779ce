"""Message files (.eml) as a source: `intake ingest FILE…`."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session

from intake.errors import file_words
from intake.jobs import Jobs
from intake.logs import event_line
from intake.recording import Origin, record_message
from intake.service import Service
from intake.workers import Workers

log = logging.getLogger(__name__)


@dataclass
class Ingested:
    """What `ingest_files` did with its files: counts of messages."""

    recorded: int = 0  # new messages, recorded and processed
    duplicates: int = 0  # files holding a message recorded before
    unreadable: int = 0  # files that could not be read at all
    empty: list[str] = field(default_factory=list)  # names of files with nothing in them (recorded all the same)

    def summary(self) -> str:
        """One line in Chinese for the officer who ran `intake ingest`."""
        parts = [f"新记录邮件 {self.recorded} 封", f"重复 {self.duplicates} 封"]
        if self.unreadable:
            parts.append(f"无法读取的文件 {self.unreadable} 个")
        line = "，".join(parts)
        if self.empty:
            names = "、".join(self.empty[:5]) + ("等" if len(self.empty) > 5 else "")
            line += f"；其中内容为空的文件 {len(self.empty)} 个：{names}（已记录，但没有可读的内容）"
        return line + "；结果见 intake requests list"


def ingest_files(service: Service, paths: list[Path]) -> Ingested:
    """Record every file, give each pending message a job, and with local workers wait for them.

    With `[ocr] workers = 1` this process runs the jobs;
    with more, that many worker processes; with 0 they are left to `intake worker` processes.
    """
    ingested = Ingested()
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
                log.error("无法读取文件 %s：%s", path, file_words(e))
                ingested.unreadable += 1
                continue
            if not raw.strip():  # recorded like any message (spec §2: never dropped), and said
                ingested.empty.append(path.name)
            with Session(service.db, expire_on_commit=False) as session:
                recorded = record_message(session, service.blobs, raw, Origin(account="file", folder=str(path.parent)))
                log.info("%s", event_line("file", file=path.name, id=recorded.id, message_id=recorded.message_id,
                                          outcome="recorded" if recorded.created else "duplicate"))
                if recorded.created:
                    ingested.recorded += 1
                else:
                    ingested.duplicates += 1
        jobs.enqueue_due()  # what was just recorded, and whatever else waits without a job
        jobs.drain(threading.Event(), here=here)
    service.replies_queued()  # acknowledgements of what was just processed
    return ingested


def _line(pk: int, outcome: str) -> None:
    log.info("%s", event_line("processed", id=pk, outcome=outcome))


def _no_line(_pk: int, _outcome: str) -> None:
    """Outcomes of jobs run in this process: `process_one` logged them already."""
