"""Turn bytes, header values and HTML bodies into text the way Chinese mail really arrives.

Labels lie (GB2312 text often holds GBK characters), headers carry raw 8-bit
bytes without encoded words (written in the charset the message declares for
its body), encoded words carry raw 8-bit bytes or broken base64 and are split
in the middle of a multi-byte character. Decoding never raises.

The order of `decode_bytes` is what the sender said before what we guess: the
declared charset when it decodes cleanly, UTF-8 when it decodes cleanly, then
either with a U+FFFD where a byte is damaged, and only then GB18030 and
charset-normalizer.
"""

from __future__ import annotations

import binascii
import codecs
import functools
import re
from html.parser import HTMLParser

import charset_normalizer

# Labels decoded with a superset codec: senders label GBK text as GB2312, Big5-HKSCS as Big5,
# windows-1252 text (curly quotes, the ellipsis 0x85) as ISO-8859-1, as WHATWG's encoding table does.
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
    "iso8859-1": "cp1252",
    "ascii": "utf-8",  # 8-bit bytes under an "ascii" label are almost always UTF-8 or GBK
    "us-ascii": "utf-8",
}
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]+")
# The text may hold white space where a mailer folded inside the word, as the stdlib's own pattern allows.
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([QqBb])\?([^?]*)\?=")
_BETWEEN_WORDS = re.compile(r"\A[ \t\r\n]*\Z")
_DAMAGE = re.compile("[\ufffd\x00-\x08\x0a-\x1f\x7f\ue000-\uf8ff]")
_SURROGATE = re.compile("[\udc80-\udcff]")
_NOT_BASE64 = bytes(set(range(256)) - set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="))
_BASE64_CHUNK = re.compile(rb"[A-Za-z0-9+/]+=*")
_RAW_DOUBLE_BYTE = re.compile(rb"([\x81-\xfe][\x40-\x7e\x80-\xfe])")
_DOUBLE_BYTE_CODECS = {"gb18030", "big5hkscs"}
# Charset detection on fewer bytes is a coin toss (two bytes come out as UTF-16).
_DETECTION_MIN_BYTES = 32


def codec_for(label: str | None) -> str | None:
    """Python codec name for a charset label, with superset substitution; None if unknown or not a
    text encoding (a label of "base64" or "undefined" names a Python codec that decodes no text)."""
    if not label:
        return None
    name = label.strip().strip("\"'").split("*", 1)[0].lower()  # RFC 2231 adds *language
    name = _SUPERSETS.get(name, name)
    try:
        codec = codecs.lookup(name).name
        b"a".decode(codec, "ignore")  # bytes.decode refuses codecs that are not text encodings
    except (LookupError, ValueError):  # UnicodeError is a ValueError
        return None
    return _SUPERSETS.get(codec, codec)


def decode_bytes(data: bytes, label: str | None = None) -> str:
    """Text of `data`, which the sender declared to be in charset `label` (None: nothing declared).

    The declared charset if it decodes cleanly; strict UTF-8 (first when the label is a single-byte
    charset, under which any bytes decode cleanly); the declared charset with a U+FFFD at each of a
    few damaged spots; then `detect_decode`. Never raises.
    """
    codec = codec_for(label)
    strict = ["utf-8", codec] if codec and _single_byte(codec) else [codec, "utf-8"]
    for name in dict.fromkeys(strict):
        if name and (text := _strict(data, name)) is not None:
            return text
    if codec and (text := _lenient(data, codec, declared=True)) is not None:
        return text
    return detect_decode(data)


def detect_decode(data: bytes) -> str:
    """Decode bytes nobody labelled, or whose label lied; never raises.

    Strict UTF-8; UTF-8 with a few damaged spots (a character cut at the end); strict GB18030;
    charset-normalizer, only on input long enough to judge; else whichever of UTF-8 and GB18030
    needs fewer U+FFFD.
    """
    for guess in (
        lambda: _strict(data, "utf-8"),
        lambda: _lenient(data, "utf-8", declared=False),
        lambda: _strict(data, "gb18030"),
        lambda: _detected(data) if len(data) >= _DETECTION_MIN_BYTES else None,
    ):
        if (text := guess()) is not None:
            return text
    readings = (data.decode(codec, errors="replace") for codec in ("utf-8", "gb18030"))
    return min(readings, key=lambda text: text.count("\ufffd"))


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _lenient(data: bytes, codec: str, *, declared: bool) -> str | None:
    """`data` in `codec` with one U+FFFD per damaged spot, if the damage is a small part of the text.

    This is what the standard library's errors="replace" does; we only decide when a reading is
    damaged text rather than the wrong charset. A declared charset may have one bad spot, or one per
    four good characters. An undeclared reading needs four good multi-byte characters per bad spot,
    which GBK or Big5 text read as UTF-8 practically never has, or a single bad spot at the very end
    after one (text cut inside its last character).
    """
    try:
        text = data.decode(codec, errors="replace")
    except LookupError:
        return None
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    cut = bad == 1 and good > 0 and text.endswith("\ufffd")
    allowed = max(1, good // 4) if declared or cut else good // 4
    return text if bad <= allowed else None


def _detected(data: bytes) -> str | None:
    best = charset_normalizer.from_bytes(data[:65536]).best()
    if best is None or not best.encoding:
        return None
    try:
        return data.decode(best.encoding, errors="replace")
    except LookupError:
        return None


@functools.cache
def _single_byte(codec: str) -> bool:
    """Whether every byte is one character (Latin-1, windows-1252, KOI8-R…), so any bytes decode cleanly."""
    return not codec.startswith("utf") and len(bytes(range(128, 256)).decode(codec, errors="replace")) == 128


def surrogates_to_text(value: str, declared: str | None = None) -> str:
    """Decode the raw 8-bit bytes the email package left in a str (surrogateescape) as `declared` first."""
    if not _SURROGATE.search(value):
        return value
    return decode_bytes(value.encode("utf-8", "surrogateescape"), declared)


def decode_header(value: str, limit: int = 16_384, declared: str | None = None) -> str:
    """Decode a raw header value: unfold, RFC 2047 words in their own charset, raw 8-bit bytes as
    `declared` (the charset the message declares) first; no control characters; at most `limit` chars."""
    text = re.sub(r"\r?\n(?=[ \t])", "", value[: limit * 4])  # RFC 5322 unfolding keeps the whitespace
    text = decode_encoded_words(text, declared)
    return fold_controls(text)[:limit].strip()


def fold_controls(text: str) -> str:
    """Replace CR, LF, NUL and other control runs with one space (tab becomes a space too)."""
    return _CONTROL.sub(" ", text.replace("\t", " "))


def decode_encoded_words(text: str, declared: str | None = None) -> str:
    """Decode RFC 2047 words anywhere in text (also inside quotes, as Foxmail writes filenames).

    Raw 8-bit bytes between the words (surrogate-escaped, as the email package leaves them) are
    read as `declared`. Adjacent words in one charset are decoded together, because mailers split a
    GBK or UTF-8 character, or even a base64 quantum, across two words.
    """
    out: list[str] = []
    run: list[tuple[str, str, str]] = []  # (encoding, payload, the word as written) in one charset
    label = ""
    pos = 0
    for match in _ENCODED_WORD.finditer(text):
        gap = text[pos : match.start()]
        adjacent = bool(run) and _BETWEEN_WORDS.match(gap) is not None  # RFC 2047: drop the gap
        if run and not (adjacent and match.group(1).lower() == label):
            out.append(_decode_run(run, label))
            run = []
        if not adjacent:
            out.append(surrogates_to_text(gap, declared))
        run.append((match.group(2), match.group(3), match.group(0)))
        label = match.group(1).lower()
        pos = match.end()
    if run:
        out.append(_decode_run(run, label))
    out.append(surrogates_to_text(text[pos:], declared))
    return "".join(out)


def _decode_run(run: list[tuple[str, str, str]], label: str) -> str:
    codec = codec_for(label)
    text = decode_bytes(_run_bytes(run, codec), label)
    if not text.strip() and any(payload for _, payload, _ in run):
        return " ".join(written for _, _, written in run)  # undecodable: keep the words, never lose text
    return text


def _run_bytes(run: list[tuple[str, str, str]], codec: str | None) -> bytes:
    """The bytes of adjacent words in one charset: word by word, as RFC 2047 says, unless joining
    the base64 text first reads better (some mailers cut it at a position that is not a multiple of 4)."""
    per_word = b"".join(_word_bytes(encoding, payload, codec) for encoding, payload, _ in run)
    if all(encoding in "Qq" or len(payload) % 4 == 0 for encoding, payload, _ in run):
        return per_word
    pieces: list[bytes] = []
    base64_text = ""
    for encoding, payload, _ in run:
        if encoding in "Bb":
            base64_text += payload
            continue
        pieces += [decode_base64(base64_text.encode("ascii", "replace")), _word_bytes(encoding, payload, codec)]
        base64_text = ""
    pieces.append(decode_base64(base64_text.encode("ascii", "replace")))
    joined = b"".join(pieces)
    # Joined text that is whole base64 was cut off the grid; with a stray character in it, it is
    # only taken if it reads no worse.
    text = "".join(payload for encoding, payload, _ in run if encoding in "Bb").encode("ascii", "replace")
    whole = len(text.translate(None, _NOT_BASE64)) % 4 == 0
    return joined if whole or _damage(joined, codec) <= _damage(per_word, codec) else per_word


def _damage(data: bytes, codec: str | None) -> int:
    """U+FFFD, control and private-use characters in a reading: what misaligned base64 leaves behind."""
    text = data.decode(codec or "utf-8", errors="replace")
    return len(_DAMAGE.findall(text))


def _word_bytes(encoding: str, payload: str, codec: str | None) -> bytes:
    data = payload.encode("utf-8", "surrogateescape")  # raw 8-bit bytes come back as they were sent
    if encoding in "Bb":
        return decode_base64(data)
    if codec in _DOUBLE_BYTE_CODECS and not data.isascii():
        # Raw GBK or Big5 inside a Q word: a lead byte keeps the byte after it, even "_" (0x5F is a
        # trail byte there, not a space). binascii would turn it into a space, so only the rest goes to it.
        pieces = _RAW_DOUBLE_BYTE.split(data)
        return b"".join(piece if odd % 2 else binascii.a2b_qp(piece, header=True)
                        for odd, piece in enumerate(pieces))
    return binascii.a2b_qp(data, header=True)


def decode_base64(data: bytes) -> bytes:
    """Base64 as mailers really write it; never raises.

    Characters outside the alphabet are skipped, "=" padding in the middle of the stream (encoders
    that work in chunks) ends one chunk and the next one is decoded too, and a dangling last
    character (one more than a multiple of 4) is dropped. The standard library stops at the first
    padding and gives up on a dangling character, so a chunked PDF or a subject would be cut short.
    """
    clean = data.translate(None, _NOT_BASE64)
    if b"=" not in clean.rstrip(b"="):
        return _base64_chunk(clean)
    return b"".join(_base64_chunk(chunk) for chunk in _BASE64_CHUNK.findall(clean))


def _base64_chunk(chunk: bytes) -> bytes:
    chars = chunk.rstrip(b"=")
    chars = chars[: len(chars) - (len(chars) % 4 == 1)]  # one character holds no whole byte
    return binascii.a2b_base64(chars + b"=" * (-len(chars) % 4))


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
