"""Parse the raw bytes of one message into a `ParsedMessage`; never raises.

Uses the `email` package with `policy.compat32`, which records malformed
headers as defects instead of raising, and decodes every header and filename
ourselves (see `charsets`) because labels and encodings in Chinese mail lie.
"""

from __future__ import annotations

import email
import re
from datetime import UTC, datetime
from email import policy
from email.message import Message
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parsedate_to_datetime

from parsers.charsets import (
    decode_bytes,
    decode_encoded_words,
    decode_header,
    fold_controls,
    fold_lines,
    html_to_text,
    surrogates_to_text,
)
from parsers.limits import MimeLimits
from parsers.model import Attachment, ParsedMessage

_MSGID = re.compile(r"<[^<>\s]+>")
_SIGNATURE_TYPES = {
    "application/pgp-signature",
    "application/pkcs7-signature",
    "application/x-pkcs7-signature",
}


def parse_message(raw: bytes, limits: MimeLimits | None = None) -> ParsedMessage:
    """Everything the workflow needs from one raw message; malformations land in `defects`."""
    limits = limits or MimeLimits()
    defects: list[str] = []
    try:
        msg, walkable = _parse(raw, defects)
        return _build(msg, walkable, limits, defects)
    except Exception as exc:  # mail is written by strangers: record, never crash the daemon
        defects.append(f"message could not be parsed: {type(exc).__name__}")
        return _empty(defects)


def _parse(raw: bytes, defects: list[str]) -> tuple[Message, bool]:
    if not isinstance(raw, bytes | bytearray):
        defects.append("input is not bytes")
        raw = b""
    try:
        return email.message_from_bytes(bytes(raw), policy=policy.compat32), True
    except RecursionError:
        # The stdlib parser recurses once per nesting level; keep the headers at least.
        defects.append("MIME nesting too deep for the parser; body and attachments ignored")
        return BytesHeaderParser(policy=policy.compat32).parsebytes(bytes(raw)), False


def _empty(defects: list[str]) -> ParsedMessage:
    return ParsedMessage(
        message_id=None, subject="", sender="", from_display="", reply_to=[], to=[], cc=[],
        date=None, received=None, references=[], headers={}, body_text="", body_html="",
        content_type="", attachments=[], defects=defects,
    )  # fmt: skip


def _build(msg: Message, walkable: bool, limits: MimeLimits, defects: list[str]) -> ParsedMessage:
    headers = _headers(msg, limits)
    from_pairs = _addresses(msg.get_all("from", []))
    parsed = _empty(defects)
    parsed.headers = headers
    parsed.subject = headers.get("subject", "")
    parsed.message_id = _message_id(headers.get("message-id", ""))
    parsed.sender = from_pairs[0][1] if from_pairs else ""
    parsed.from_display = from_pairs[0][0] if from_pairs else ""
    parsed.reply_to = [addr for _, addr in _addresses(msg.get_all("reply-to", []))]
    parsed.to = [addr for _, addr in _addresses(msg.get_all("to", []))]
    parsed.cc = [addr for _, addr in _addresses(msg.get_all("cc", []))]
    parsed.date = _date(headers.get("date", ""), "Date", defects)
    parsed.received = _received(msg, defects)
    parsed.references = _references(headers)
    parsed.content_type = _content_type(msg)
    _note_defects(msg, defects)
    if walkable:
        _walk(msg, parsed, limits)
    return parsed


def _headers(msg: Message, limits: MimeLimits) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in msg.raw_items():
        key = fold_controls(surrogates_to_text(str(name))).strip().lower()
        if key in headers:
            continue
        if len(headers) >= limits.max_header_names:
            break
        headers[key] = decode_header(str(value), limits.max_header_chars)
    return headers


def _addresses(values: list[str]) -> list[tuple[str, str]]:
    """(decoded display name, bare lower-case address) pairs; entries without a usable address dropped."""
    texts = [re.sub(r"\r?\n", " ", surrogates_to_text(str(v)))[:16384] for v in values]
    pairs: list[tuple[str, str]] = []
    for name, addr in getaddresses(texts):
        addr = addr.strip().strip("<>").lower()
        if "@" not in addr or re.search(r"[\s\x00-\x1f<>]", addr):
            continue
        pairs.append((fold_controls(decode_encoded_words(name)).strip(), addr))
    return pairs


def _message_id(value: str) -> str | None:
    match = _MSGID.search(value)
    if match:
        return match.group(0)[:998]
    bare = value.strip()
    return f"<{bare[:996]}>" if bare and " " not in bare else None


def _references(headers: dict[str, str]) -> list[str]:
    """References oldest first, then the In-Reply-To parent if References left it out."""
    refs = _MSGID.findall(headers.get("references", ""))[:200]
    for parent in _MSGID.findall(headers.get("in-reply-to", ""))[:1]:
        if parent not in refs:
            refs.append(parent)
    return refs


def _date(value: str, what: str, defects: list[str]) -> datetime | None:
    if not value.strip():
        return None
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        defects.append(f"{what} date could not be parsed")
        return None
    # "-0000" means UTC with the sender's zone unknown (RFC 5322 §3.3).
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _received(msg: Message, defects: list[str]) -> datetime | None:
    """Date of the topmost Received: header, the one our own server wrote last."""
    values = msg.get_all("received", [])
    if not values:
        return None
    top = decode_header(str(values[0]))
    return _date(top.rpartition(";")[2], "Received", defects)


def _content_type(msg: Message) -> str:
    try:
        return msg.get_content_type().lower()
    except Exception:  # compat32 may choke on a binary Content-Type
        return "text/plain"


def _note_defects(part: Message, defects: list[str]) -> None:
    for defect in getattr(part, "defects", [])[:20]:
        note = f"MIME defect: {type(defect).__name__}"
        if note not in defects:
            defects.append(note)


def _walk(msg: Message, parsed: ParsedMessage, limits: MimeLimits) -> None:
    """Depth-first, in order, without recursion; bodies of the top message, every other leaf attached."""
    stack: list[tuple[Message, int, bool]] = [(msg, 0, False)]
    plain: list[str] = []
    html: list[str] = []
    seen = 0
    while stack:
        part, depth, nested = stack.pop()
        seen += 1
        if seen > limits.max_parts:
            parsed.defects.append(f"more than {limits.max_parts} MIME parts; the rest ignored")
            break
        _note_defects(part, parsed.defects)
        if isinstance(part.get_payload(), list):
            if depth >= limits.max_depth:
                parsed.defects.append(f"MIME nesting deeper than {limits.max_depth}; inner parts ignored")
                continue
            inner = nested or _content_type(part).startswith("message/")
            children = _children(part)
            stack.extend((child, depth + 1, inner) for child in reversed(children))
            continue
        _leaf(part, nested, parsed, plain, html)
    parsed.body_text = ("\n".join(plain) if plain else html_to_text("\n".join(html)))[: limits.max_body_chars]
    parsed.body_html = "\n".join(html)[: limits.max_body_chars]


def _children(part: Message) -> list[Message]:
    children = [child for child in part.get_payload() if isinstance(child, Message)]
    signed = _content_type(part) == "multipart/signed" and len(children) == 2
    if signed and _content_type(children[1]) in _SIGNATURE_TYPES:
        children = children[:1]  # the detached signature is structure, not something the school attached
    return children


def _leaf(part: Message, nested: bool, parsed: ParsedMessage, plain: list[str], html: list[str]) -> None:
    ctype = _content_type(part)
    disposition = _disposition(part)
    filename = _filename(part)
    data = _payload_bytes(part)
    if ctype in ("text/plain", "text/html") and disposition != "attachment" and not filename:
        if nested:
            return  # the body of a forwarded message is not a document
        text = fold_lines(decode_bytes(data, _charset(part)).replace("\r\n", "\n"))
        (plain if ctype == "text/plain" else html).append(text)
        return
    inline = disposition == "inline" or (disposition is None and part.get("content-id") is not None)
    parsed.attachments.append(Attachment(filename=filename, content_type=ctype, data=data, inline=inline))


def _disposition(part: Message) -> str | None:
    try:
        value = part.get_content_disposition()
    except Exception:
        return None
    return value.lower() if isinstance(value, str) else None


def _charset(part: Message) -> str | None:
    try:
        return part.get_content_charset()
    except Exception:
        return None


def _payload_bytes(part: Message) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:
        data = None
    if isinstance(data, bytes):
        return data
    payload = part.get_payload()
    return payload.encode("utf-8", "surrogateescape") if isinstance(payload, str) else b""


def _filename(part: Message) -> str:
    """The sender's filename: RFC 2231, RFC 2047 (also inside quotes) or raw 8-bit bytes."""
    for param, header in (("filename", "content-disposition"), ("name", "content-type")):
        value = _raw_8bit_param(part, header, param)
        if value is None:
            try:
                value = part.get_param(param, header=header)
            except Exception:
                continue
        if isinstance(value, tuple):  # RFC 2231: (charset, language, percent-decoded latin-1 text)
            charset, _language, text = value
            raw = str(text).encode("latin-1", "surrogateescape")
            name = decode_bytes(raw, charset or None)
        elif isinstance(value, str):
            name = decode_encoded_words(surrogates_to_text(value))
        else:
            continue
        name = fold_controls(name).strip()[:255]
        if name:
            return name
    return ""


def _raw_8bit_param(part: Message, header: str, param: str) -> str | None:
    """A parameter holding raw 8-bit bytes, which get_param would turn into U+FFFD."""
    raw = next((str(v) for k, v in part.raw_items() if k.lower() == header), "")
    if raw.isascii():
        return None
    text = surrogates_to_text(raw)
    match = re.search(rf'(?:^|;)\s*{param}\s*=\s*(?:"([^"]*)"|([^;]*))', text, re.IGNORECASE)
    return (match.group(1) if match.group(1) is not None else match.group(2)).strip() if match else None
