"""The office's IMAP mailbox as the workflow's `Mailbox`: APPEND a reply to Drafts, look one up by Message-ID.

Connection, login and the ID command come from `intake.imap.ImapSource`; each call logs in and out.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from intake.config import MailboxConfig
from intake.errors import MailboxError
from intake.imap import ImapSource
from workflow.errors import MailboxUnavailable, network_words


class ImapMailbox:
    """`workflow.ports.Mailbox` over one IMAP account; every failure is `MailboxUnavailable`."""

    def __init__(self, config: MailboxConfig) -> None:
        self.config = config

    def append_draft_once(self, folder: str, raw: bytes, *, message_id: str, when: datetime) -> bool:
        """APPEND (flags \\Draft \\Seen) unless a message with this Message-ID is already there."""
        with self._client() as client:
            if _contains(client, folder, message_id):
                return False
            if not client.folder_exists(folder):
                client.create_folder(folder)
            client.append(folder, raw, flags=(b"\\Draft", b"\\Seen"), msg_time=when)
            return True

    def find_by_message_id(self, folder: str, message_id: str) -> bool:
        """Whether a message with exactly this Message-ID is in the folder (SEARCH HEADER Message-ID)."""
        with self._client() as client:
            return _contains(client, folder, message_id)

    @contextmanager
    def _client(self) -> Iterator[IMAPClient]:
        """A logged-in client for the office's mailbox, logged out afterwards."""
        source = ImapSource(self.config)
        try:
            source.connect()
            yield source.client
        except MailboxError as e:
            raise MailboxUnavailable(str(e)) from e
        except (IMAPClientError, OSError) as e:
            raise MailboxUnavailable(f"邮箱操作失败：{network_words(e)}"[:300]) from e
        finally:
            source.close()


def _contains(client: IMAPClient, folder: str, message_id: str) -> bool:
    if not client.folder_exists(folder):
        return False
    client.select_folder(folder, readonly=True)
    uids = client.search(["HEADER", "Message-ID", message_id])
    if not uids:
        return False
    # SEARCH HEADER is a substring match: confirm on the header itself
    found = client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
    for item in found.values():
        header = next((v for k, v in item.items() if k.startswith(b"BODY[HEADER")), b"")
        if message_id in header.decode("ascii", "replace").partition(":")[2].split():
            return True
    return False
