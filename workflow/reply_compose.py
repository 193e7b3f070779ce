"""Compose a reply to a school (spec §4): recipients, threading, subject, Message-ID and the MIME message.

Every header value passes through `clean_header` (or the stricter address and Message-ID filters):
no CR, LF or other control or line-separator character from a message or a reviewer reaches a header.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from html import escape

from workflow.settings import Settings
from workflow.subject import strip_prefixes

REPLY_PREFIX = "回复："
NO_SUBJECT = "（无主题）"
MAX_REFERENCES = 30
MAX_SUBJECT = 300
_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")
_MSGID = re.compile(r"<[!-;=?-~]+@[!-;=?-~]+>")  # printable ASCII without < > or spaces
_DOMAIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")


@dataclass(frozen=True)
class Threading:
    in_reply_to: str  # "" when the school's message had no usable Message-ID
    references: str  # space-separated ids, oldest first


def clean_header(value: str, limit: int = MAX_SUBJECT) -> str:
    """One line of text safe for a header: control, line and paragraph separators become spaces."""
    out = []
    for char in value:
        category = unicodedata.category(char)
        out.append(" " if category in ("Cc", "Cf", "Zl", "Zp") or char.isspace() else char)
    return " ".join("".join(out).split())[:limit]


def clean_address(value: str) -> str | None:
    """A bare lower-cased address, or None when it is not a plain addr-spec (nothing else gets through)."""
    candidate = value.strip().lower()
    return candidate if _ADDRESS.fullmatch(candidate) else None


def clean_message_id(value: str) -> str | None:
    candidate = value.strip()
    return candidate if _MSGID.fullmatch(candidate) else None


def reply_subject(original: str) -> str:
    """`回复：` + the original subject without its own Re/Fw/回复/答复/转发 prefixes, so never doubled."""
    rest = strip_prefixes(clean_header(original)) or NO_SUBJECT
    return clean_header(REPLY_PREFIX + rest)


def recipients(sender: str, reply_to: Iterable[str],
               school_emails: Iterable[str]) -> tuple[list[str], list[str]]:
    """To the sender; Cc the school's registered 联系邮箱 and a different Reply-To, deduplicated, minus To."""
    to = [a for a in [clean_address(sender)] if a]
    cc: list[str] = []
    for raw in [*school_emails, *reply_to]:
        address = clean_address(raw)
        if address and address not in to and address not in cc:
            cc.append(address)
    if not to and cc:  # no usable sender: the registered address is all we have
        to.append(cc.pop(0))
    return to, cc


def threading(message_id: str | None, references: Iterable[str]) -> Threading:
    """In-Reply-To exactly the school's Message-ID; References = its References + its Message-ID."""
    own = clean_message_id(message_id or "")
    if own is None:
        return Threading("", "")
    chain = [i for r in references if (i := clean_message_id(r)) and i != own]
    chain = chain[-(MAX_REFERENCES - 1):] + [own]
    return Threading(own, " ".join(chain))


def idempotency_key(original_message_id: str, decision: str) -> str:
    """One reply per (request, decision); the request is named by its stored Message-ID."""
    return f"{decision}:{original_message_id}"


def office_from(settings: Settings) -> str:
    """The configured sending address: [smtp] from_addr, else the mailbox login, else the office's first."""
    if settings.smtp:
        return settings.smtp.from_addr
    if "@" in settings.login:
        return settings.login
    return settings.office.addresses[0]


def reply_message_id(key: str, settings: Settings) -> str:
    """Stable for the key: the same (request, decision) always gets the same Message-ID."""
    domain = office_from(settings).rpartition("@")[2].strip().lower()
    if not _DOMAIN.fullmatch(domain):
        domain = "intake.invalid"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    return f"<reply-{digest}@{domain}>"


def text_to_html(text: str) -> str:
    """The simple HTML part for a text a reviewer edited: escaped, one paragraph per blank-line block."""
    blocks = [b for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")) if b.strip()]
    paragraphs = ["<p>" + "<br>\n".join(escape(line) for line in b.strip().split("\n")) + "</p>"
                  for b in blocks]
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"></head>\n<body>\n'
            + "\n".join(paragraphs) + "\n</body></html>\n")


@dataclass(frozen=True)
class Outgoing:
    """What a reply row holds; `build_email` turns it into one message."""

    message_id: str
    to: list[str]
    cc: list[str]
    subject: str
    in_reply_to: str
    references: str
    body_text: str
    body_html: str
    automatic: bool = False  # an acknowledgement nobody decided: marked per RFC 3834


def build_email(reply: Outgoing, *, settings: Settings, date: datetime) -> EmailMessage:
    """The MIME message: UTF-8, multipart/alternative text + HTML; every header value re-checked here."""
    msg = EmailMessage(policy=policy.SMTP)
    sender = clean_address(office_from(settings)) or "jsxzsbg@163.com"
    local, _, domain = sender.partition("@")
    msg["From"] = Address(display_name=clean_header(settings.office.name, 100), username=local, domain=domain)
    msg["To"] = ", ".join(a for a in map(clean_address, reply.to) if a)
    cc = [a for a in map(clean_address, reply.cc) if a]
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = clean_header(reply.subject)
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = clean_message_id(reply.message_id) or reply_message_id(reply.message_id, settings)
    in_reply_to = clean_message_id(reply.in_reply_to)
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        references = [i for r in reply.references.split() if (i := clean_message_id(r))]
        msg["References"] = " ".join(references or [in_reply_to])
    if reply.automatic:
        msg["Auto-Submitted"] = "auto-replied"
    msg.set_content(reply.body_text, subtype="plain", charset="utf-8", cte="base64")
    msg.add_alternative(reply.body_html, subtype="html", charset="utf-8", cte="base64")
    return msg
