"""Turn bytes, header values and HTML bodies into text the way Chinese mail really arrives.

Labels lie (GB2312 text often holds GBK characters), headers carry raw 8-bit
bytes without encoded words, and encoded words are split in the middle of a
multi-byte character. Decoding never raises.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import quopri
import re
from html.parser import HTMLParser

import charset_normalizer

# Labels decoded with a superset codec: senders label GBK text as GB2312, Big5-HKSCS as Big5.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "ms936": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "euc-cn": "gb18030",
    "x-euc-cn": "gb18030",
    "chinese": "gb18030",
    "csgb2312": "gb18030",
    "hz-gb-2312": "hz",
    "big5": "big5hkscs",
    "x-big5": "big5hkscs",
    "cp950": "big5hkscs",
    "ascii": "utf-8",  # 8-bit bytes under an "ascii" label are almost always UTF-8 or GBK
    "us-ascii": "utf-8",
}
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]+")
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=")
_BETWEEN_WORDS = re.compile(r"\A[ \t\r\n]*\Z")


def codec_for(label: str | None) -> str | None:
    """Python codec name for a charset label, with superset substitution; None if unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").split("*", 1)[0].lower()  # RFC 2231 adds *language
    name = _SUPERSETS.get(name, name)
    try:
        codec = codecs.lookup(name).name
    except (LookupError, ValueError):
        return None
    return _SUPERSETS.get(codec, codec)


def decode_bytes(data: bytes, label: str | None = None) -> str:
    """Decode bytes under a declared label, falling back to detection; never raises."""
    codec = codec_for(label)
    if codec:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            pass  # the label lied; detect instead
    return detect_decode(data)


def detect_decode(data: bytes) -> str:
    """Decode unlabelled bytes: strict UTF-8, then strict GB18030, then charset-normalizer."""
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    best = charset_normalizer.from_bytes(data[:65536]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding, errors="replace")
        except LookupError:
            pass
    return data.decode("gb18030", errors="replace")


def surrogates_to_text(value: str) -> str:
    """Decode a str produced by the email package from raw 8-bit bytes (surrogateescape)."""
    try:
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return value
    if raw.isascii():
        return value
    return detect_decode(raw)


def decode_header(value: str, limit: int = 16_384) -> str:
    """Decode a raw header value: unfold, raw 8-bit bytes, RFC 2047 words; no control characters left."""
    text = surrogates_to_text(value[: limit * 4])
    text = re.sub(r"\r?\n(?=[ \t])", "", text)  # RFC 5322 unfolding keeps the whitespace
    text = decode_encoded_words(text)
    return fold_controls(text)[:limit].strip()


def fold_controls(text: str) -> str:
    """Replace CR, LF, NUL and other control runs with one space (tab becomes a space too)."""
    return _CONTROL.sub(" ", text.replace("\t", " "))


def decode_encoded_words(text: str) -> str:
    """Decode RFC 2047 words anywhere in text (also inside quotes, as Foxmail writes filenames).

    Adjacent words in one charset are joined as bytes before decoding, because
    mailers split a GBK or UTF-8 character across two words.
    """
    out: list[str] = []
    pending: list[bytes] = []
    pending_label = ""
    pos = 0
    for match in _ENCODED_WORD.finditer(text):
        gap = text[pos : match.start()]
        label, encoding, payload = match.groups()
        adjacent = bool(pending) and _BETWEEN_WORDS.match(gap) is not None  # RFC 2047: drop the gap
        if pending and not (adjacent and label.lower() == pending_label):
            out.append(decode_bytes(b"".join(pending), pending_label))
            pending = []
        if not adjacent:
            out.append(gap)
        pending.append(_word_bytes(encoding, payload))
        pending_label = label.lower()
        pos = match.end()
    if pending:
        out.append(decode_bytes(b"".join(pending), pending_label))
    out.append(text[pos:])
    return "".join(out)


def _word_bytes(encoding: str, payload: str) -> bytes:
    data = payload.encode("ascii", "replace")
    if encoding in "Bb":
        data = re.sub(rb"[^A-Za-z0-9+/]", b"", data)
        data += b"=" * (-len(data) % 4)
        try:
            return base64.b64decode(data)
        except (binascii.Error, ValueError):
            return b""
    return quopri.decodestring(data.replace(b"_", b" "), header=False)


_SKIPPED_TAGS = {"script", "style", "head", "template", "noscript", "object", "iframe", "svg"}
_BLOCK_TAGS = {"p", "div", "br", "tr", "li", "table", "blockquote", "pre", "hr", "section", "article"}
_BLOCK_TAGS |= {f"h{level}" for level in range(1, 7)}


class _TextCollector(HTMLParser):
    """Visible text of an HTML body; script and style content is dropped, never run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.chunks.append("\n")
        elif tag in ("td", "th"):
            self.chunks.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.chunks.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.chunks.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML body, one line per block, blank runs collapsed; never raises."""
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
    except Exception:  # HTMLParser is lenient, but this is hostile input
        pass
    text = "".join(collector.chunks).replace("\xa0", " ").replace("\u3000", " ")
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n"))
    return fold_lines("\n".join(line for line in lines if line))


def fold_lines(text: str) -> str:
    """Keep newlines, drop every other control character."""
    return "\n".join(fold_controls(line) for line in text.split("\n"))
