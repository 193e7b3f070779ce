"""Each kind of mis-decoded mail of issue 12, with an example of our own (cases/ holds the reported ones)."""

from __future__ import annotations

import base64
import time
import zipfile

import pytest

from parsers.attachments import ZIP, load_documents, sniff
from parsers.charsets import decode_base64
from parsers.limits import MimeLimits
from parsers.mime import IDENTITY_HEADERS, identity_headers, parse_message
from parsers.model import Attachment, DocumentClass
from tests.parsers.test_mime import SUBJECT, raw_message

BIG5_SUBJECT = "臺北科技大學證書申報調整申請"


def multipart(parts: list[bytes], boundary: bytes = b"B", head: bytes = b"") -> bytes:
    """A multipart/mixed message from part sources (headers, blank line, body) without delimiters."""
    head = head or b'Content-Type: multipart/mixed; boundary="' + boundary + b'"'
    delimited = b"".join(b"--" + boundary + b"\r\n" + part + b"\r\n" for part in parts)
    return raw_message(head, b"\r\n" + delimited + b"--" + boundary + b"--\r\n")


# 1. Raw 8-bit bytes inside an encoded word: the word's charset ----------------------------------


def test_raw_big5_inside_a_q_word_keeps_underscore_trail_bytes() -> None:
    data = BIG5_SUBJECT.encode("big5")
    assert b"_" in data  # 北 is B1 5F: there "_" is half a character, not a space
    assert parse_message(raw_message(b"Subject: =?Big5?Q?" + data + b"?=")).subject == BIG5_SUBJECT


def test_raw_utf8_and_escapes_mixed_in_one_q_word() -> None:
    payload = b"=E5=8D=97" + "京工业职业技术大学".encode() + b"_2024=E5=B9=B4"
    parsed = parse_message(raw_message(b"Subject: =?utf-8?q?" + payload + b"?="))
    assert parsed.subject == "南京工业职业技术大学 2024年"


def test_raw_gbk_inside_a_q_word_of_a_display_name() -> None:
    raw = raw_message(b"From: =?GBK?Q?" + "张老师".encode("gbk") + b"?= <Zhang@School.edu.cn>")
    parsed = parse_message(raw)
    assert (parsed.from_display, parsed.sender) == ("张老师", "zhang@school.edu.cn")


# 2. Raw 8-bit headers in the charset declared elsewhere in the message ------------------------


def test_raw_big5_subject_is_read_in_the_declared_big5_not_guessed_gb18030() -> None:
    data = BIG5_SUBJECT.encode("big5")
    assert data.decode("gb18030") != BIG5_SUBJECT  # decodes cleanly as GB18030: a guess first is mojibake
    parsed = parse_message(raw_message(b"Subject: " + data + b"\nContent-Type: text/plain; charset=big5"))
    assert parsed.subject == BIG5_SUBJECT


def test_raw_windows_1252_subject_declared_only_in_a_body_part() -> None:
    subject = "“Grüße” – Anmeldung…"
    body = b"Content-Type: text/plain; charset=windows-1252\r\n\r\nHallo"
    head = b"Subject: " + subject.encode("cp1252") + b'\nContent-Type: multipart/mixed; boundary="B"'
    raw = multipart([body], head=head)
    assert parse_message(raw).subject == subject


def test_raw_gbk_filename_read_in_the_declared_charset() -> None:
    name = "调整申请（盖章）.pdf"
    part = b'Content-Type: application/pdf\r\nContent-Disposition: attachment; filename="' + name.encode("gbk")
    text = b"Content-Type: text/plain; charset=gb2312\r\n\r\n" + "请审核".encode("gbk")
    parsed = parse_message(multipart([text, part + b'"\r\n\r\n%PDF-1.4']))
    assert [a.filename for a in parsed.attachments] == [name]
    assert parsed.body_text == "请审核"


# 3. Valid text with one bad or missing byte: one U+FFFD, never another charset -----------------


def test_utf8_subject_missing_one_byte_inside_keeps_the_rest() -> None:
    data = SUBJECT.encode()
    damaged = data[:7] + data[8:]  # the middle byte of the third character is gone
    assert parse_message(raw_message(b"Subject: " + damaged)).subject == SUBJECT[:2] + "\ufffd" + SUBJECT[3:]


def test_rfc2231_utf8_filename_cut_inside_its_last_character() -> None:
    data = "申请扫描件".encode()[:-1]
    encoded = "".join(f"%{byte:02X}" for byte in data)
    part = f"Content-Type: application/pdf\r\nContent-Disposition: attachment; filename*=UTF-8''{encoded}"
    parsed = parse_message(multipart([part.encode() + b"\r\n\r\n%PDF-1.4"]))
    assert parsed.attachments[0].filename == "申请扫描\ufffd"


def test_short_raw_utf8_filename_cut_inside_its_last_character_with_no_charset_declared() -> None:
    name = "扫描件".encode()[:-1]
    assert name.decode("gb18030")  # GB18030 reads it cleanly: re-reading it there would be mojibake
    part = b'Content-Type: application/pdf; name="' + name + b'"\r\n\r\n%PDF-1.4'
    assert parse_message(multipart([part])).attachments[0].filename == "扫描\ufffd"


# 4. Very short undecodable headers: declared charset, else U+FFFD; no detection ---------------


@pytest.mark.parametrize(("subject", "charset", "expected"), [
    (b"\xe9", "iso-8859-1", "é"),
    (b"\xa4", "big5", "\ufffd"),  # half a Big5 character
    (b"\xff\xfe", None, "\ufffd\ufffd"),  # the UTF-16 byte order mark by its bytes; detection would say so
])
def test_short_raw_subject(subject: bytes, charset: str | None, expected: str) -> None:
    declared = f"\nContent-Type: text/plain; charset={charset}".encode() if charset else b""
    assert parse_message(raw_message(b"Subject: " + subject + declared)).subject == expected


# 5. Malformed base64 encoded words: decoded leniently, never an empty subject ------------------


def test_base64_cut_between_words_off_the_four_character_grid_is_joined() -> None:
    text = base64.b64encode(SUBJECT.encode()).decode()
    parsed = parse_message(raw_message(f"Subject: =?UTF-8?B?{text[:10]}?=\n =?UTF-8?B?{text[10:]}?="))
    assert parsed.subject == SUBJECT


def test_stray_characters_and_missing_padding_in_a_base64_word() -> None:
    text = base64.b64encode(BIG5_SUBJECT.encode("big5")).decode().rstrip("=")
    parsed = parse_message(raw_message(f"Subject: =?big5?B?{text[:8]}.{text[8:]}?="))
    assert parsed.subject == BIG5_SUBJECT


def test_base64_word_folded_inside_its_text() -> None:
    text = base64.b64encode(SUBJECT.encode("gb18030")).decode()
    parsed = parse_message(raw_message(f"Subject: =?GB2312?B?{text[:30]}\n {text[30:]}?="))
    assert parsed.subject == SUBJECT


def test_undecodable_base64_word_is_kept_as_written() -> None:
    assert parse_message(raw_message("Subject: =?UTF-8?B?*?=")).subject == "=?UTF-8?B?*?="


# 6. Transfer encodings: odd spelling, base64 padded in chunks ----------------------------------


@pytest.mark.parametrize(("encoding", "encoded"), [
    (b"BASE64 \t", base64.encodebytes(b"%PDF-1.7 whole file")),
    (b"Quoted-Printable  ", b"%PDF-1.7 =77hole=20file"),
    (b'"base64"', base64.encodebytes(b"%PDF-1.7 whole file")),
])
def test_transfer_encoding_in_odd_case_with_trailing_white_space(encoding: bytes, encoded: bytes) -> None:
    part = b"Content-Type: application/pdf\r\nContent-Transfer-Encoding: " + encoding + b"\r\n\r\n" + encoded
    assert parse_message(multipart([part])).attachments[0].data == b"%PDF-1.7 whole file"


def test_base64_padded_in_chunks_decodes_to_the_whole_file() -> None:
    data = bytes(range(256)) * 40
    chunks = b"\r\n".join(base64.b64encode(data[start : start + 1000]) for start in range(0, len(data), 1000))
    assert chunks.count(b"=") > 5  # 1000 bytes is not a multiple of 3: every chunk ends in padding
    part = b"Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n" + chunks
    assert parse_message(multipart([part])).attachments[0].data == data
    assert decode_base64(chunks) == data


# 7. Multipart boundaries folded inside their quotes --------------------------------------------


@pytest.mark.parametrize(("folded", "boundary"), [
    (b'"=_Part_4_1A2B\r\n 3C4D.Outlook"', b"=_Part_4_1A2B 3C4D.Outlook"),  # folded at a space it had
    (b'"=_Part_4_1A2B\r\n\t3C4D.Outlook"', b"=_Part_4_1A2B3C4D.Outlook"),  # the fold added the tab
])
def test_boundary_folded_inside_quotes_still_splits_the_parts(folded: bytes, boundary: bytes) -> None:
    head = b"Subject: s\r\nContent-Type: multipart/mixed;\r\n\tboundary=" + folded
    text = b"Content-Type: text/plain; charset=utf-8\r\n\r\n" + "正文".encode()
    doc = b'Content-Type: application/msword; name="a.doc"\r\nContent-Disposition: attachment\r\n\r\nDOC'
    parsed = parse_message(multipart([text, doc], boundary, head))
    assert parsed.body_text == "正文"
    assert [(a.filename, a.data) for a in parsed.attachments] == [("a.doc", b"DOC")]


# 8. ZIP detected by its structure before a PDF marker inside it --------------------------------


def test_stored_zip_with_a_pdf_and_an_image_gives_both_members(scanned_pdf_bytes: bytes, build) -> None:
    png = build.image_bytes(build.scan_image(), "PNG")
    data = build.zip_bytes({"申请.pdf": scanned_pdf_bytes, "第2页.png": png}, zipfile.ZIP_STORED)
    assert b"%PDF-" in data[:1024] and sniff(data) == ZIP
    documents = load_documents([Attachment(filename="材料.zip", content_type="application/pdf", data=data)])
    assert [(d.filename, d.kind, d.mime) for d in documents] == [
        ("材料.zip/申请.pdf", DocumentClass.READABLE, "application/pdf"),
        ("材料.zip/第2页.png", DocumentClass.READABLE, "image/png"),
    ]


# 9. Senders: always a bare address or "" -------------------------------------------------------


def test_raw_utf8_international_address_whatever_the_body_declares() -> None:
    address = "李四@学校.中国"
    assert address.encode().decode("gb18030") != address  # read as the declared GB2312 it is mojibake
    raw = raw_message(b"From: " + address.encode() + b"\nContent-Type: text/plain; charset=gb2312")
    assert parse_message(raw).sender == address


@pytest.mark.parametrize("value", [
    "Li Si li.si@school.example.cn",
    "li.si@school.example.cn (Li Si) wang.wu@school.example.cn",
    '"Li, Si" li.si@school.example.cn',
])
def test_unbracketed_addresses_give_the_first_bare_address(value: str) -> None:
    assert parse_message(raw_message(f"From: {value}")).sender == "li.si@school.example.cn"


def test_whole_from_inside_one_q_word() -> None:
    word = "=?UTF-8?Q?=E5=BC=A0=E4=B8=89_<Zhang.San@School.example.cn>?="
    parsed = parse_message(raw_message(f"From: {word}"))
    assert (parsed.sender, parsed.from_display) == ("zhang.san@school.example.cn", "张三")


@pytest.mark.parametrize("value", ["<@>", "a@", "@b.cn", "a@b@c", "=?UTF-8?B?5byg5LiJ?=", "张三"])
def test_sender_without_an_address_is_empty(value: str) -> None:
    assert parse_message(raw_message(f"From: {value}")).sender == ""


# 10. A mail loop: the identifying headers are read however many come first --------------------


def mail_loop(received: int, other_names: int) -> bytes:
    loop = b"".join(b"Received: from relay%d.example.net by relay%d.example.net; Tue, 5 Mar 2024 10:00:00 +0800"
                    b"\r\n" % (n, n + 1) for n in range(received))
    names = b"".join(b"X-Loop-%d: %d\r\n" % (n, n) for n in range(other_names))
    return (b"Received: from mx.school.example.cn by mx.163.com; Tue, 5 Mar 2024 10:16:00 +0800\r\n"
            + loop + names + b"From: a@school.example.cn\r\nSubject: " + SUBJECT.encode()
            + b"\r\nDate: Tue, 5 Mar 2024 10:15:00 +0800\r\nMessage-ID: <loop@school.example.cn>"
            + b"\r\n\r\nbody\r\n")


def test_mail_loop_headers_past_every_limit_are_read() -> None:
    limits = MimeLimits()
    started = time.monotonic()
    parsed = parse_message(mail_loop(10_000, limits.max_header_names * 2), limits)
    assert time.monotonic() - started < 5
    assert parsed.message_id == "<loop@school.example.cn>"
    assert (parsed.sender, parsed.subject) == ("a@school.example.cn", SUBJECT)
    assert parsed.date is not None and parsed.received is not None
    assert (parsed.received.hour, parsed.received.minute, parsed.date.minute) == (10, 16, 15)
    assert len(parsed.headers) == limits.max_header_names + len(IDENTITY_HEADERS) - 1  # X-Loop-*: the limit


def test_identity_headers_of_a_mail_loop_larger_than_a_megabyte() -> None:
    raw = mail_loop(20_000, 1000)
    assert len(raw) > 1_000_000  # the first megabyte was all that was read
    headers = identity_headers(raw)
    assert headers["Message-ID"] == "<loop@school.example.cn>"
    assert headers["Received"].startswith("from mx.school.example.cn")
    assert [key.lower() for key in headers] == ["received", "from", "subject", "date", "message-id"]
