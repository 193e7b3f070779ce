"""What the workflow receives from the application that runs it (`intake.service.Service` in practice).

The workflow never builds these itself: the application composes them from its configuration.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from sqlalchemy import Engine

from storage.blobs import BlobStore
from workflow.settings import Settings


class Mailbox(Protocol):
    """The two things replies need of the office's IMAP mailbox; failures raise `MailboxUnavailable`."""

    def append_draft_once(self, folder: str, raw: bytes, *, message_id: str, when: datetime) -> bool:
        """APPEND `raw` to `folder` unless a message with this Message-ID is there; True when it appended."""
        ...

    def find_by_message_id(self, folder: str, message_id: str) -> bool:
        """Whether a message with exactly this Message-ID is in `folder`."""
        ...


class Services(Protocol):
    """The settings, the database, the blob store, and the mailbox (None without an IMAP account)."""

    @property
    def settings(self) -> Settings: ...

    @property
    def db(self) -> Engine: ...

    @property
    def blobs(self) -> BlobStore: ...

    @property
    def mailbox(self) -> Mailbox | None: ...

    def replies_queued(self) -> None:
        """A committed decision or release queued a reply: have it delivered (the application decides how:
        wake the running daemon's delivery loop, or deliver here when no daemon runs)."""
        ...
