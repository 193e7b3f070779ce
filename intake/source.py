"""What the daemon reads mail from: an IMAP folder or a Maildir, behind one small protocol."""

from __future__ import annotations

from collections.abc import Generator, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from intake.config import MailboxConfig


@dataclass(frozen=True)
class Fetched:
    """One message as read from its source; `uid` is None where the source has no UIDs."""

    uid: int | None
    raw: bytes
    internaldate: datetime | None = None  # aware
    name: str = ""  # a Maildir file name, for the log


class Source(Protocol):
    account: str
    folder: str
    has_uids: bool  # False: every listing is fetched again and deduplicated by content

    def connect(self) -> None: ...
    def select(self) -> int: ...
    def uids(self) -> list[int]: ...
    def fetch(self, uids: Iterable[int]) -> Generator[list[Fetched], None, None]: ...  # one list per FETCH batch; close() it
    def can_idle(self) -> bool: ...
    def idle_start(self) -> None: ...
    def idle_check(self, timeout: float) -> list[tuple]: ...
    def idle_done(self) -> None: ...
    def mark_processed(self, uids: list[int]) -> None: ...
    def close(self) -> None: ...


def open_source(config: MailboxConfig) -> Source:
    """The configured source: IMAP when a host is set, else the Maildir."""
    if config.host:
        from intake.imap import ImapSource

        return ImapSource(config)
    from intake.maildir import MaildirSource

    return MaildirSource(config)
