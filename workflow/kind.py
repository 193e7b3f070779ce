"""Is a message a request or unrelated mail (auto-replies, lists, bounces, questions, spam)? Spec §2 "Kind"."""

from __future__ import annotations

import re

from parsers.model import Evidence, ParsedMessage
from workflow.subject import strip_prefixes

_AUTO_SUBJECT = re.compile(r"^\s*(自动回复|auto-reply|系统退信|undeliverable)", re.IGNORECASE)
_BOUNCE_SENDER = re.compile(r"^(mailer-daemon|postmaster)@", re.IGNORECASE)


def unrelated_reason(parsed: ParsedMessage, evidence: Evidence, office: frozenset[str]) -> str:
    """Why the message is not a request (Chinese), or "" when it is one."""
    headers = parsed.headers
    if parsed.sender and parsed.sender in office:
        return "本办公室发出的邮件"
    auto = headers.get("auto-submitted", "").strip().lower()
    if (auto and auto != "no") or "x-autoreply" in headers or "x-autorespond" in headers:
        return "自动回复"
    if headers.get("precedence", "").strip().lower() in ("bulk", "junk", "list"):
        return "群发或列表邮件"
    if "list-id" in headers or "list-unsubscribe" in headers:
        return "邮件列表"
    if parsed.content_type == "multipart/report" or _BOUNCE_SENDER.match(parsed.sender):
        return "退信或投递报告"
    if _AUTO_SUBJECT.match(parsed.subject):
        return "自动回复或退信"
    if "证书申报调整申请" in strip_prefixes(parsed.subject):
        return ""
    if evidence.documents and ("调整" in parsed.subject or "调整" in parsed.body_text):
        return ""
    return "无申请文件的咨询或其他邮件" if not evidence.documents else "与证书申报调整无关的邮件"
