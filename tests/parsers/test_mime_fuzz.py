"""Seeded fuzz: the defects of issue 12 mixed over the charsets Chinese mail uses.

Every generated message must parse (no exception recorded), lose nothing (the attachment, its name,
the body, the Message-ID and the sender come out) and keep a subject that decodes cleanly in its
declared charset exactly as written. The generator is seeded, so every run sees the same messages.
"""

from __future__ import annotations

import base64
import random
from dataclasses import dataclass

import pytest

from parsers.mime import parse_message

SEED = 20240305
MESSAGES = 600
CHARSETS = ["utf-8", "gb2312", "gbk", "gb18030", "big5"]
PIECES = ["+2024", "年", "-", " ", "A", "1+X", "（", "）", "："]  # what subjects have besides CJK


@dataclass
class Sample:
    raw: bytes
    subject: str
    subject_bytes: bytes  # the subject as its charset encodes it, after any damage
    subject_codec: str
    damaged: bool
    sender: str
    body: str
    filename: str
    data: bytes
    message_id: str


def chinese(rng: random.Random, codec: str, length: int) -> str:
    """Random CJK characters the charset has, with some PIECES; no white space at either end."""
    chars: list[str] = []
    while len(chars) < length:
        if rng.random() < 0.15:
            chars.append(rng.choice(PIECES))
            continue
        char = chr(rng.randint(0x4E00, 0x9FA5))
        try:
            char.encode(codec)
        except UnicodeEncodeError:
            continue
        chars.append(char)
    text = "".join(chars).strip()
    return text or "1+X"


def q_escape(data: bytes, raw_8bit: bool) -> bytes:
    """Q-encoding; with raw_8bit the mailer left bytes above 0x7F unescaped."""
    out = bytearray()
    for byte in data:
        if byte == 0x20:
            out += b"_"
        elif (byte < 0x80 and chr(byte).isalnum()) or (raw_8bit and byte >= 0x80):
            out.append(byte)
        else:
            out += b"=%02X" % byte
    return bytes(out)


def base64_words(rng: random.Random, label: bytes, data: bytes) -> bytes:
    """One or more B words; the text cut anywhere (off the 4-character grid), maybe with a stray character."""
    text = base64.b64encode(data)
    if rng.random() < 0.3:
        at = rng.randrange(len(text) + 1)
        stray = rng.choice([b".", b"*", b"!"]) if at < len(text) else b"x"
        text = text[:at] + stray + text[at:]
    cuts = sorted(rng.sample(range(1, len(text)), min(rng.randint(0, 3), len(text) - 1)))
    parts = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return b"\r\n ".join(b"=?" + label + b"?B?" + part + b"?=" for part in parts)


def subject_header(rng: random.Random, label: str, data: bytes) -> tuple[bytes, str | None]:
    """The Subject value and the body charset it needs declared (raw 8-bit headers), else None."""
    form = rng.choice(["b", "q", "q_raw", "raw"])
    word_label = label.upper().encode() if rng.random() < 0.5 else label.encode()
    if form == "b":
        return base64_words(rng, word_label, data), None
    if form == "raw":
        return data, label
    return b"=?" + word_label + b"?Q?" + q_escape(data, form == "q_raw") + b"?=", None


def from_header(rng: random.Random, label: str, codec: str) -> tuple[bytes, str]:
    name = chinese(rng, codec, 3)
    address = f"teacher{rng.randrange(1000)}@School{rng.randrange(50)}.edu.cn"
    form = rng.choice(["plain", "two_bare", "whole_word", "eai"])
    if form == "two_bare":
        return f"{address} other@school.edu.cn".encode(), address.lower()
    if form == "whole_word":
        whole = base64.b64encode(f'"{name}" <{address}>'.encode(codec)).decode()
        return f"=?{label}?B?{whole}?=".encode(), address.lower()
    if form == "eai":
        international = f"{chinese(rng, 'utf-8', 2).replace(' ', '')}@示例学院.中国"
        return f"{name} <{international}>".encode(), international.lower()
    word = b"=?" + label.encode() + b"?B?" + base64.b64encode(name.encode(codec)) + b"?="
    return word + b" <" + address.encode() + b">", address.lower()


def attachment(rng: random.Random, label: str, codec: str, declared: str,
               boundary: bytes) -> tuple[bytes, str, bytes]:
    """The attachment part (with its opening delimiter), its filename and its content."""
    data = b"%PDF-1.4\n" + rng.randbytes(rng.randint(100, 3000))
    name = chinese(rng, codec, rng.randint(2, 8)).replace(" ", "") + ".pdf"
    declared_codec = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs"}.get(declared, declared)
    if rng.random() < 0.4 and name.encode(codec).decode(declared_codec, "replace") == name:
        filename = b'filename="' + name.encode(codec) + b'"'  # raw 8-bit, in the declared charset
    else:
        filename = b'filename="=?' + label.encode() + b"?B?" + base64.b64encode(name.encode(codec)) + b'?="'
    encoding = rng.choice([b"base64", b"Base64  ", b"BASE64\t"])
    if rng.random() < 0.3:  # an encoder that pads each chunk
        size = rng.choice([57, 100, 1000])
        encoded = b"\r\n".join(base64.b64encode(data[i : i + size]) for i in range(0, len(data), size))
    else:
        encoded = base64.encodebytes(data).replace(b"\n", b"\r\n")
    part = (b"--" + boundary + b"\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: " + encoding
            + b"\r\nContent-Disposition: attachment; " + filename + b"\r\n\r\n" + encoded + b"\r\n")
    return part, name, data


def sample(rng: random.Random, index: int) -> Sample:
    label = rng.choice(CHARSETS)
    codec = "big5hkscs" if label == "big5" else label
    subject = chinese(rng, codec, rng.randint(1, 20))
    subject_bytes = subject.encode(codec)
    damaged = rng.random() < 0.2 and subject_bytes[-1] >= 0x80
    if damaged:
        subject_bytes = subject_bytes[:-1]  # cut inside the last character
    subject_value, needed = subject_header(rng, label, subject_bytes)
    declared = needed or rng.choice(CHARSETS)
    from_value, sender = from_header(rng, label, codec)
    boundary = b"----=_NextPart_" + str(index).encode() + b"_01BFC036.AE309650"
    fold = rng.choice([b"", b"\r\n ", b"\r\n\t"])  # old Outlook folds inside the quotes
    content_type = b'multipart/mixed;\r\n\tboundary="' + boundary[:10] + fold + boundary[10:] + b'"'
    if fold == b"\r\n ":  # folded at a space the boundary had; a tab was added by the fold
        boundary = boundary[:10] + b" " + boundary[10:]
    loop = b"".join(b"Received: from relay%d.example.net by relay%d.example.net; Tue, 5 Mar 2024 10:00:00 +0800"
                    b"\r\n" % (n, n + 1) for n in range(rng.choice([0, 0, 3, 600])))
    message_id = f"<fuzz-{index}@school.edu.cn>"
    body_codec = "big5hkscs" if declared == "big5" else declared
    body = chinese(rng, body_codec, 12)
    part, name, data = attachment(rng, label, codec, declared, boundary)
    raw = (loop + b"From: " + from_value + b"\r\nTo: jsxzsbg@163.com\r\nSubject: " + subject_value
           + b"\r\nDate: Tue, 5 Mar 2024 10:15:00 +0800\r\nMessage-ID: " + message_id.encode()
           + b"\r\nMIME-Version: 1.0\r\nContent-Type: " + content_type + b"\r\n\r\n"
           + b"--" + boundary + b"\r\nContent-Type: text/plain; charset=" + declared.encode() + b"\r\n\r\n"
           + body.encode(body_codec) + b"\r\n" + part + b"--" + boundary + b"--\r\n")
    return Sample(raw, subject, subject_bytes, codec, damaged, sender, body, name, data, message_id)


def valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


SAMPLES = [sample(random.Random(SEED + index), index) for index in range(MESSAGES)]


@pytest.mark.parametrize("charset", CHARSETS)
def test_mixed_defects_parse_lose_nothing_and_keep_clean_subjects(charset: str) -> None:
    samples = [s for s in SAMPLES if s.subject_codec == ("big5hkscs" if charset == "big5" else charset)]
    assert len(samples) > 60
    for case in samples:
        parsed = parse_message(case.raw)
        where = f"{case.message_id}: {case.raw[-4000:]!r}"
        assert not any("could not be parsed" in defect for defect in parsed.defects), where
        assert parsed.message_id == case.message_id, where
        assert parsed.sender == case.sender, where
        assert parsed.body_text.strip() == case.body, where
        assert [(a.filename, a.data) for a in parsed.attachments] == [(case.filename, case.data)], where
        if not case.damaged:
            assert parsed.subject == case.subject, where
        elif not valid_utf8(case.subject_bytes):  # damaged: the text stays, one U+FFFD marks the cut
            assert parsed.subject == case.subject[:-1] + "\ufffd", where
