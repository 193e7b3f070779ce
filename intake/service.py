"""The running service's shared parts, built once in `main()` from the config and passed down.

It is what the workflow receives as `workflow.ports.Services`: settings, database, blobs, mailbox.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from intake.config import Config
from intake.drafts import ImapMailbox
from intake.errors import ConfigError, file_words
from parsers.ocr import OcrEngine, OcrUnavailable, check_engine, select_engine
from storage.blobs import BlobStore, private_dirs
from storage.db import make_engine as make_db_engine
from storage.db import migrate
from workflow.settings import Settings

if TYPE_CHECKING:
    from intake.queue import JobQueue


@dataclass
class Service:
    config: Config
    _ocr: OcrEngine | None = field(default=None, repr=False)

    @property
    def settings(self) -> Settings:
        return self.config.settings

    @cached_property
    def db(self) -> Engine:
        return make_db_engine(self.config.storage.url)

    @cached_property
    def blobs(self) -> BlobStore:
        return BlobStore(self.settings.blob_dir, self.db, in_database=self.config.storage.blobs == "database")

    @cached_property
    def queue(self) -> JobQueue:
        """The job queue (`intake.queue`): `data_dir/queue.db` on SQLite, the same database on PostgreSQL.

        Its tables are made on first use, after the command's `check_data_dir`, so a full or read-only
        data_dir is reported as such; the commands that use it touch it before starting workers.
        """
        from intake.queue import JobQueue

        queue = JobQueue(self.config)
        queue.create()
        return queue

    @cached_property
    def mailbox(self) -> ImapMailbox | None:
        """The office's IMAP mailbox for drafts and look-ups; None when mail comes from a Maildir."""
        return ImapMailbox(self.config.mailbox) if self.config.mailbox.host else None

    @property
    def ocr(self) -> OcrEngine:
        """The configured OCR engine, also for orientation and seals; it loads when a page first needs OCR."""
        if self._ocr is None:
            self._ocr = select_engine(self.config.ocr.engine)
        return self._ocr

    def check_ocr(self) -> None:
        """At the start of `run`, `poll` and `ingest`: the configured engine can run here (exit 2 if not)."""
        try:
            check_engine(self.config.ocr.engine)
        except OcrUnavailable as e:
            raise ConfigError("ocr.engine", str(e)) from None

    def replies_queued(self) -> None:
        """Wake the running daemon's delivery loop, or deliver here when no daemon runs."""
        from intake.sending import replies_queued

        replies_queued(self)

    def init(self) -> None:
        data_dir = self.config.storage.data_dir
        try:
            private_dirs(data_dir, data_dir)
        except (FileExistsError, NotADirectoryError) as e:  # a file where a folder should be; EACCES is a disk fault
            raise ConfigError("storage.data_dir", f"无法创建数据目录 {data_dir}：{file_words(e)}") from None
        self.blobs.prepare()
        migrate(self.db)

    def check_data_dir(self) -> None:
        """At the start of the commands that store: data_dir takes a write (raises OSError if not)."""
        probe = self.config.storage.data_dir / f".write-probe-{os.getpid()}"
        try:
            with open(probe, "wb") as out:
                out.write(b"\0" * 4096)  # a full disk refuses data, not always an empty file
                out.flush()
                os.fsync(out.fileno())
        finally:
            probe.unlink(missing_ok=True)
