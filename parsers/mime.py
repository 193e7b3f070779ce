"""Parse the raw bytes of one message into a `ParsedMessage`; never raises.

Uses the `email` package with `policy.compat32`, which records malformed
headers as defects instead of raising, and decodes every header and filename
ourselves (see `charsets`) because labels and encodings in Chinese mail lie:
raw 8-bit headers are read in the charset the message declares for its body.
"""

from __future__ import annotations

import email
import re
from datetime import UTC, datetime
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import Compat32
from email.utils import parsedate_to_datetime

from parsers.addresses import parse_addresses
from parsers.charsets import (
    decode_base64,
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
_FOLD = re.compile(r"\r?\n(?=[ \t])")
IDENTITY_HEADERS = ("message-id", "date", "from", "subject", "received")
"""Headers that identify or date a message: read however many other headers come before them."""
_IDENTITY_LINE = re.compile(rb"^(message-id|date|from|subject|received)[ \t]*:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*",
                            re.IGNORECASE | re.MULTILINE)
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_IDENTITY_VALUE_BYTES = 65_536
_SIGNATURE_TYPES = {
    "application/pgp-signature",
    "application/pkcs7-signature",
    "application/x-pkcs7-signature",
}


class _Unfolding(Compat32):
    """compat32, with header values unfolded (RFC 5322 §2.2.3: a line break before white space goes).

    compat32 keeps the line breaks, so a multipart boundary that old Outlook folded inside its
    quotes would be looked for with the line break in it and the parts never split.
    """

    def header_source_parse(self, sourcelines: list[str]) -> tuple[str, str]:
        name, value = super().header_source_parse(sourcelines)
        return name, _FOLD.sub("", value)


_POLICY = _Unfolding()


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
        return email.message_from_bytes(bytes(raw), policy=_POLICY), True
    except RecursionError:
        # The stdlib parser recurses once per nesting level; keep the headers at least.
        defects.append("MIME nesting too deep for the parser; body and attachments ignored")
        return BytesHeaderParser(policy=_POLICY).parsebytes(bytes(raw)), False


def identity_headers(raw: bytes) -> Message:
    """A header-only Message with the first of each of IDENTITY_HEADERS in raw (Received: the topmost).

    One scan of the header block, however many headers come first (a mail loop adds thousands of
    Received above the real ones); each value is cut at 64 KiB.
    """
    end = _HEADER_END.search(raw)
    found: dict[bytes, bytes] = {}
    for match in _IDENTITY_LINE.finditer(raw, 0, end.start() if end else len(raw)):
        found.setdefault(match.group(1).lower(), match.group(0)[:_IDENTITY_VALUE_BYTES])
        if len(found) == len(IDENTITY_HEADERS):
            break
    return BytesHeaderParser(policy=_POLICY).parsebytes(b"\r\n".join(found.values()) + b"\r\n\r\n")


def _empty(defects: list[str]) -> ParsedMessage:
    return ParsedMessage(
        message_id=None, subject="", sender="", from_display="", reply_to=[], to=[], cc=[],
        date=None, received=None, references=[], headers={}, body_text="", body_html="",
        content_type="", attachments=[], defects=defects,
    )  # fmt: skip


def _build(msg: Message, walkable: bool, limits: MimeLimits, defects: list[str]) -> ParsedMessage:
    declared = _declared_charset(msg, limits)
    headers = _headers(msg, limits, declared)
    from_pairs = parse_addresses(_raw_values(msg, "from"), declared)
    parsed = _empty(defects)
    parsed.headers = headers
    parsed.subject = headers.get("subject", "")
    parsed.message_id = _message_id(headers.get("message-id", ""))
    parsed.sender = from_pairs[0][1] if from_pairs else ""
    parsed.from_display = from_pairs[0][0] if from_pairs else ""
    parsed.reply_to = [addr for _, addr in parse_addresses(_raw_values(msg, "reply-to"), declared)]
    parsed.to = [addr for _, addr in parse_addresses(_raw_values(msg, "to"), declared)]
    parsed.cc = [addr for _, addr in parse_addresses(_raw_values(msg, "cc"), declared)]
    parsed.date = _date(headers.get("date", ""), "Date", defects)
    # The topmost Received: header is the one our own server wrote last.
    parsed.received = _date(headers.get("received", "").rpartition(";")[2], "Received", defects)
    parsed.references = _references(headers)
    parsed.content_type = _content_type(msg)
    _note_defects(msg, defects)
    if walkable:
        _walk(msg, parsed, limits, declared)
    return parsed


def _declared_charset(msg: Message, limits: MimeLimits) -> str | None:
    """The first charset= the message declares, top level first: its mailer's charset, which raw
    8-bit headers and filenames are written in too."""
    stack = [msg]
    for _ in range(limits.max_parts):
        if not stack:
            break
        part = stack.pop()
        if charset := _charset(part):
            return charset
        stack.extend(reversed(_children(part) or []))
    return None


def _headers(msg: Message, limits: MimeLimits, declared: str | None) -> dict[str, str]:
    """First value of each header name; past max_header_names only IDENTITY_HEADERS are still taken."""
    headers: dict[str, str] = {}
    for name, value in msg.raw_items():
        key = fold_controls(surrogates_to_text(str(name))).strip().lower()
        if key in headers or (len(headers) >= limits.max_header_names and key not in IDENTITY_HEADERS):
            continue
        headers[key] = decode_header(str(value), limits.max_header_chars, declared)
    return headers


def _raw_values(msg: Message, name: str) -> list[str]:
    """Every value of a header as received: msg.get_all would turn raw 8-bit bytes into U+FFFD."""
    return [str(value) for key, value in msg.raw_items() if key.lower() == name]


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


def _walk(msg: Message, parsed: ParsedMessage, limits: MimeLimits, declared: str | None) -> None:
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
        children = _children(part)
        if children is not None:
            if depth >= limits.max_depth:
                parsed.defects.append(f"MIME nesting deeper than {limits.max_depth}; inner parts ignored")
                continue
            inner = nested or _content_type(part).startswith("message/")
            stack.extend((child, depth + 1, inner) for child in reversed(children))
            continue
        _leaf(part, nested, parsed, plain, html, declared)
    parsed.body_text = ("\n".join(plain) if plain else html_to_text("\n".join(html)))[: limits.max_body_chars]
    parsed.body_html = "\n".join(html)[: limits.max_body_chars]


def _children(part: Message) -> list[Message] | None:
    """The parts inside a multipart or message part; None for a leaf."""
    payload = part.get_payload()
    if not isinstance(payload, list) and (payload := _resplit(part)) is None:
        return None
    children = [child for child in payload if isinstance(child, Message)]
    signed = _content_type(part) == "multipart/signed" and len(children) == 2
    if signed and _content_type(children[1]) in _SIGNATURE_TYPES:
        children = children[:1]  # the detached signature is structure, not something the school attached
    return children


def _resplit(part: Message) -> list[Message] | None:
    """The parts of a multipart the parser left whole because its boundary, folded inside the quotes,
    kept white space that the delimiter lines do not have; None if that is not it."""
    boundary = part.get_boundary() if _content_type(part).startswith("multipart/") else None
    if isinstance(part.get_payload(), list) or not boundary or not re.search(r"\s", boundary):
        return None
    body = part.get_payload(decode=True)  # the raw bytes: without decode, 8-bit bytes become U+FFFD
    squeezed = re.sub(r"\s+", "", boundary)
    head = f'Content-Type: multipart/mixed; boundary="{squeezed}"\r\n\r\n'.encode("utf-8", "surrogateescape")
    try:
        reparsed = email.message_from_bytes(head + (body or b""), policy=_POLICY)
    except RecursionError:
        return None
    children = reparsed.get_payload()
    if not isinstance(children, list):
        return None
    part.set_payload(children)  # split once: the charset search and the walk both come here
    return children


def _leaf(part: Message, nested: bool, parsed: ParsedMessage, plain: list[str], html: list[str],
          declared: str | None) -> None:
    ctype = _content_type(part)
    disposition = _disposition(part)
    charset = _charset(part) or declared
    filename = _filename(part, charset)
    data = _payload_bytes(part)
    if ctype in ("text/plain", "text/html") and disposition != "attachment" and not filename:
        if nested:
            return  # the body of a forwarded message is not a document
        text = fold_lines(decode_bytes(data, charset).replace("\r\n", "\n"))
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
    """The decoded content of a leaf; base64 leniently, the other transfer encodings by the stdlib."""
    payload = part.get_payload()
    encoding = str(part.get("content-transfer-encoding", "")).strip().strip('"').lower()
    if encoding == "base64" and isinstance(payload, str):
        return decode_base64(payload.encode("utf-8", "surrogateescape"))
    if encoding and part.get("content-transfer-encoding") != encoding:
        part.replace_header("content-transfer-encoding", encoding)  # the stdlib ignores "Quoted-Printable  "
    try:
        data = part.get_payload(decode=True)
    except Exception:
        data = None
    if isinstance(data, bytes):
        return data
    return payload.encode("utf-8", "surrogateescape") if isinstance(payload, str) else b""


def _filename(part: Message, charset: str | None) -> str:
    """The sender's filename: RFC 2231, RFC 2047 (also inside quotes) or raw 8-bit bytes in `charset`."""
    for param, header in (("filename", "content-disposition"), ("name", "content-type")):
        value = _raw_8bit_param(part, header, param)
        if value is None:
            try:
                value = part.get_param(param, header=header)
            except Exception:
                continue
        if isinstance(value, tuple):  # RFC 2231: (charset, language, percent-decoded latin-1 text)
            label, _language, text = value
            raw = str(text).encode("latin-1", "surrogateescape")
            name = decode_bytes(raw, label or charset)
        elif isinstance(value, str):
            name = decode_encoded_words(value, charset)
        else:
            continue
        name = fold_controls(name).strip()[:255]
        if name:
            return name
    return ""


def _raw_8bit_param(part: Message, header: str, param: str) -> str | None:
    """A parameter holding raw 8-bit bytes (surrogate-escaped), which get_param would turn into U+FFFD."""
    raw = next((str(v) for k, v in part.raw_items() if k.lower() == header), "")
    if raw.isascii():
        return None
    match = re.search(rf'(?:^|;)\s*{param}\s*=\s*(?:"([^"]*)"|([^;]*))', raw, re.IGNORECASE)
    return (match.group(1) if match.group(1) is not None else match.group(2)).strip() if match else None
