"""Replies in the office's IMAP mailbox: APPEND to Drafts (flag \\Draft), and look a reply up by Message-ID.

Connection, login and the ID command come from `intake.imap.ImapSource`; this module only uses the
logged-in client.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from intake.config import MailboxConfig
from intake.errors import IntakeError, MailboxError
from intake.imap import ImapSource


class DraftsError(IntakeError):
    """The mailbox could not take or be searched for a reply."""


@contextmanager
def mailbox(config: MailboxConfig) -> Iterator[IMAPClient]:
    """A logged-in client for the office's mailbox, logged out afterwards."""
    if not config.host:
        raise DraftsError("草稿箱投递和发送状态核对需要配置 IMAP 邮箱（[mailbox] host）")
    source = ImapSource(config)
    try:
        source.connect()
        yield source.client
    except MailboxError as e:
        raise DraftsError(str(e)) from e
    except (IMAPClientError, OSError) as e:
        raise DraftsError(f"邮箱操作失败：{type(e).__name__}: {e}"[:300]) from e
    finally:
        source.close()


def append_draft_once(config: MailboxConfig, folder: str, raw: bytes, *, message_id: str,
                      when: datetime) -> bool:
    """APPEND unless a message with this Message-ID is already there; True when it appended."""
    with mailbox(config) as client:
        if _contains(client, folder, message_id):
            return False
        if not client.folder_exists(folder):
            client.create_folder(folder)
        client.append(folder, raw, flags=(b"\\Draft", b"\\Seen"), msg_time=when)
        return True


def find_by_message_id(config: MailboxConfig, folder: str, message_id: str) -> bool:
    """Whether a message with exactly this Message-ID is in the folder (SEARCH HEADER Message-ID)."""
    with mailbox(config) as client:
        return _contains(client, folder, message_id)


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
