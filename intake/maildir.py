"""A Maildir (or a folder of .eml files) as a read-only mail source, for the demo and offline use.

Maildir has no UIDs: every pass lists the files again and recording deduplicates them by
Message-ID and content. Arrival comes from the topmost Received: header (recording reads it).
Nothing is moved or deleted: the directory may be a shipped example.
"""

from __future__ import annotations

import logging
from collections.abc import Generator, Iterable
from pathlib import Path

from intake.config import MailboxConfig
from intake.errors import MailboxError
from intake.source import Fetched

log = logging.getLogger(__name__)


class MaildirSource:
    has_uids = False

    def __init__(self, config: MailboxConfig) -> None:
        self.root = Path(config.maildir)
        self.account = config.account
        self.folder = config.folder
        self.batch_size = max(1, config.batch_size)
        self._files: list[Path] = []

    def connect(self) -> None:
        if not self.root.is_dir():
            raise MailboxError(f"邮件目录不存在：{self.root}")

    def select(self) -> int:
        """List the messages now present; Maildir has no UIDVALIDITY, so 0."""
        parts = [self.root / "new", self.root / "cur"]
        if not any(p.is_dir() for p in parts):
            parts = [self.root]  # a plain folder of .eml files
        found: list[Path] = []
        for part in parts:
            if part.is_dir():
                found.extend(p for p in part.iterdir() if p.is_file() and not p.name.startswith("."))
        if parts == [self.root]:
            found = [p for p in found if p.suffix.lower() == ".eml"]
        self._files = sorted(found, key=lambda p: p.name)
        return 0

    def uids(self) -> list[int]:
        """Positions in the current listing (not UIDs: they change from one listing to the next)."""
        return list(range(len(self._files)))

    def fetch(self, uids: Iterable[int]) -> Generator[list[Fetched], None, None]:
        """The files in batches of batch_size, like IMAP's FETCH, so recording commits once per batch."""
        batch: list[Fetched] = []
        for index in uids:
            path = self._files[index]
            try:
                batch.append(Fetched(uid=None, raw=path.read_bytes(), name=path.name))
            except FileNotFoundError:
                continue  # a mail reader moved it from new/ to cur/ meanwhile; the next pass sees it
            if len(batch) >= self.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def can_idle(self) -> bool:
        return False

    def idle_start(self) -> None:
        raise NotImplementedError("Maildir has no IDLE")

    def idle_check(self, timeout: float) -> list[tuple]:
        raise NotImplementedError("Maildir has no IDLE")

    def idle_done(self) -> None:
        raise NotImplementedError("Maildir has no IDLE")

    def mark_processed(self, uids: list[int]) -> None:
        """Read-only: processed state lives in the database."""

    def close(self) -> None:
        self._files = []

