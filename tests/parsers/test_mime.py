"""parse_message: Chinese charsets, filenames, body shapes and hostile structure; it never raises."""

from __future__ import annotations

import base64
import time
from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.image import MIMEImage
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from parsers.mime import parse_message

SUBJECT = "南京工业职业技术大学+2024年证书申报调整申请"
SHANGHAI = timezone(timedelta(hours=8))


def word(text: str, label: str, encoding: str = "B") -> str:
    codec = {"gb2312": "gb18030", "gbk": "gb18030"}.get(label.lower(), label)
    data = text.encode(codec)
    if encoding == "B":
        return f"=?{label}?B?{base64.b64encode(data).decode()}?="
    quoted = "".join(chr(b) if chr(b).isascii() and chr(b).isalnum() else f"={b:02X}" for b in data)
    return f"=?{label}?Q?{quoted}?="


def raw_message(headers: str | bytes, body: bytes = b"hello\r\n") -> bytes:
    head = headers if isinstance(headers, bytes) else headers.encode("utf-8")
    return head.replace(b"\n", b"\r\n").replace(b"\r\r\n", b"\r\n") + b"\r\n\r\n" + body


@pytest.mark.parametrize("label", ["UTF-8", "GB2312", "GBK", "GB18030", "gb2312", "x-gbk"])
def test_subject_encoded_word_in_each_chinese_charset(label: str) -> None:
    codec_label = "gbk" if label.lower() in ("x-gbk",) else label
    encoded = word(SUBJECT, codec_label).replace(codec_label, label, 1)
    parsed = parse_message(raw_message(f"Subject: {encoded}"))
    assert parsed.subject == SUBJECT


def test_subject_big5_encoded_word() -> None:
    parsed = parse_message(raw_message(f"Subject: {word('臺北科技大學證書申報調整申請', 'big5')}"))
    assert parsed.subject == "臺北科技大學證書申報調整申請"


def test_gb2312_label_with_gbk_only_character_decodes_as_gb18030() -> None:
    # 镕 is in GBK but not GB2312; mailers label such text GB2312 anyway.
    parsed = parse_message(raw_message(f"Subject: {word('朱镕基职业学校', 'gb2312')}"))
    assert parsed.subject == "朱镕基职业学校"


def test_quoted_printable_encoded_word() -> None:
    parsed = parse_message(raw_message(f"Subject: {word(SUBJECT, 'utf-8', 'Q')}"))
    assert parsed.subject == SUBJECT


def test_character_split_across_two_encoded_words_is_rejoined() -> None:
    data = SUBJECT.encode("gb18030")
    first, second = (base64.b64encode(part).decode() for part in (data[:7], data[7:]))
    parsed = parse_message(raw_message(f"Subject: =?GBK?B?{first}?=\n =?GBK?B?{second}?="))
    assert parsed.subject == SUBJECT


@pytest.mark.parametrize("codec", ["gbk", "utf-8"])
def test_raw_8bit_subject_without_encoded_word(codec: str) -> None:
    parsed = parse_message(raw_message(b"Subject: " + SUBJECT.encode(codec)))
    assert parsed.subject == SUBJECT


def test_bogus_charset_label_falls_back_to_detection() -> None:
    data = base64.b64encode(SUBJECT.encode("gbk")).decode()
    parsed = parse_message(raw_message(f"Subject: =?x-no-such-charset?B?{data}?="))
    assert parsed.subject == SUBJECT


@pytest.mark.parametrize("label", ["base64", "undefined", "rot13", "zlib", "uu"])
def test_python_codec_that_is_no_charset_is_an_unknown_label(label: str) -> None:
    raw = raw_message(f"Subject: =?{label}?Q?=E7=94=B3=E8=AF=B7?=\nContent-Type: text/plain; charset={label}")
    parsed = parse_message(raw)
    assert (parsed.subject, parsed.body_text.strip(), parsed.defects) == ("申请", "hello", [])


def test_crlf_and_nul_smuggled_in_encoded_word_become_spaces() -> None:
    evil = word("申请\r\nBcc: victim@example.com\x00尾", "utf-8")
    parsed = parse_message(raw_message(f"Subject: {evil}"))
    assert not any(ch in parsed.subject for ch in "\r\n\x00")
    assert parsed.subject.startswith("申请 Bcc:")
    assert "bcc" not in parsed.headers


def test_folded_subject_is_unfolded() -> None:
    parsed = parse_message(raw_message("Subject: first part\n  second part"))
    assert parsed.subject == "first part  second part"


def test_addresses_are_bare_and_lower_case() -> None:
    headers = (
        f"From: {word('张老师', 'gbk')} <ZhangLaoShi@School.EDU.cn>\n"
        "To: jsxzsbg@163.com, Other <Other@Example.com>\nCc: cc@example.com\n"
        "Reply-To: \"Reply\" <Reply@Example.com>"
    )
    parsed = parse_message(raw_message(headers))
    assert parsed.sender == "zhanglaoshi@school.edu.cn"
    assert parsed.from_display == "张老师"
    assert parsed.to == ["jsxzsbg@163.com", "other@example.com"]
    assert parsed.cc == ["cc@example.com"]
    assert parsed.reply_to == ["reply@example.com"]


def test_missing_and_garbage_from_give_empty_sender() -> None:
    assert parse_message(raw_message("Subject: x")).sender == ""
    assert parse_message(raw_message("From: not an address")).sender == ""


def test_message_id_references_and_dates() -> None:
    headers = (
        "Received: from mx.163.com by imap; Wed, 20 Mar 2024 16:30:00 +0000\n"
        "Received: from school by mx.163.com; Wed, 20 Mar 2024 16:29:00 +0000\n"
        "Date: Thu, 21 Mar 2024 00:29:00 +0800\nMessage-ID:  <abc@school.cn> \n"
        "References: <one@x> <two@x>\nIn-Reply-To: <three@x>"
    )
    parsed = parse_message(raw_message(headers))
    assert parsed.message_id == "<abc@school.cn>"
    assert parsed.references == ["<one@x>", "<two@x>", "<three@x>"]
    assert parsed.received == datetime(2024, 3, 20, 16, 30, tzinfo=UTC)
    assert parsed.date == datetime(2024, 3, 21, 0, 29, tzinfo=SHANGHAI)
    assert parsed.received.tzinfo is not None and parsed.date.tzinfo is not None


def test_absent_message_id_and_unparseable_date() -> None:
    parsed = parse_message(raw_message("Date: the day before yesterday\nReceived: junk; not a date"))
    assert parsed.message_id is None
    assert parsed.date is None and parsed.received is None
    assert any("date" in defect for defect in parsed.defects)


def test_headers_dict_keeps_first_value_decoded() -> None:
    headers = f"X-Mailer: Foxmail\nX-Mailer: second\nSubject: {word(SUBJECT, 'gbk')}"
    parsed = parse_message(raw_message(headers))
    assert parsed.headers["x-mailer"] == "Foxmail"
    assert parsed.headers["subject"] == SUBJECT


def test_malformed_headers_do_not_raise() -> None:
    raw = b"From: <<<@@@>>>\r\nContent-Type: multipart/mixed; boundary\r\n"
    raw += b"Date: 99 Foo 99999\r\n: empty\r\n\r\n"
    parsed = parse_message(raw)
    assert parsed.sender == "" and parsed.date is None


def test_empty_input_and_non_bytes() -> None:
    assert parse_message(b"").subject == ""
    assert parse_message(None).defects  # type: ignore[arg-type]


def test_nul_bytes_everywhere() -> None:
    raw = b"Subject: a\x00b\r\nFrom: x\x00@y.cn\r\n\r\nbody\x00text"
    parsed = parse_message(raw)
    assert "\x00" not in parsed.subject and "\x00" not in parsed.body_text


def test_huge_header_is_cut() -> None:
    parsed = parse_message(raw_message("Subject: " + "申" * 10 + "x" * 5_000_000))
    assert len(parsed.subject) <= 16_384


# --- filenames ---------------------------------------------------------------------------------


def attachment_message(disposition: bytes) -> bytes:
    return (
        b'Content-Type: multipart/mixed; boundary="B"\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nhi\r\n'
        b"--B\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
        + disposition
        + b"\r\n\r\nJVBERi0=\r\n--B--\r\n"
    )


FILENAME = "调整申请表（盖章）.pdf"


def test_filename_rfc2231_utf8() -> None:
    encoded = "".join(f"%{b:02X}" for b in FILENAME.encode("utf-8"))
    header = f"Content-Disposition: attachment; filename*=UTF-8''{encoded}"
    parsed = parse_message(attachment_message(header.encode()))
    assert parsed.attachments[0].filename == FILENAME


def test_filename_rfc2231_gbk_continuations() -> None:
    encoded = "".join(f"%{b:02X}" for b in FILENAME.encode("gbk"))
    half = len(encoded) // 2 - len(encoded) // 2 % 3
    header = f"Content-Disposition: attachment;\r\n filename*0*=GBK''{encoded[:half]};"
    header += f"\r\n filename*1*={encoded[half:]}"
    parsed = parse_message(attachment_message(header.encode()))
    assert parsed.attachments[0].filename == FILENAME


def test_filename_rfc2047_inside_quotes_foxmail_style() -> None:
    header = f'Content-Disposition: attachment; filename="{word(FILENAME, "gb2312")}"'
    parsed = parse_message(attachment_message(header.encode()))
    assert parsed.attachments[0].filename == FILENAME


def test_filename_raw_8bit_gbk() -> None:
    header = b'Content-Disposition: attachment; filename="' + FILENAME.encode("gbk") + b'"'
    parsed = parse_message(attachment_message(header))
    assert parsed.attachments[0].filename == FILENAME


def test_filename_from_content_type_name_and_no_name() -> None:
    named = b"Content-Type: application/pdf; name=\"a.pdf\"\r\nContent-Disposition: attachment"
    raw = attachment_message(b"Content-Disposition: attachment")
    raw = raw.replace(b"Content-Type: application/pdf", named)
    assert parse_message(raw).attachments[-1].filename == "a.pdf"
    assert parse_message(attachment_message(b"X-Nothing: 1")).attachments[0].filename == ""


def test_filename_with_crlf_and_path_is_data() -> None:
    evil = word("../../etc/passwd\r\nx", "utf-8")
    header = f'Content-Disposition: attachment; filename="{evil}"'
    name = parse_message(attachment_message(header.encode())).attachments[0].filename
    assert name == "../../etc/passwd x"


# --- bodies and structure ----------------------------------------------------------------------


def test_plain_text_body_in_gbk() -> None:
    message = MIMEText("请审核我校的调整申请。", "plain", "gbk")
    parsed = parse_message(message.as_bytes())
    assert parsed.body_text == "请审核我校的调整申请。"
    assert parsed.attachments == [] and parsed.content_type == "text/plain"


def test_multipart_alternative_keeps_plain_and_html() -> None:
    message = MIMEMultipart("alternative")
    message.attach(MIMEText("纯文本正文", "plain", "utf-8"))
    message.attach(MIMEText("<p>网页正文</p>", "html", "utf-8"))
    parsed = parse_message(message.as_bytes())
    assert parsed.body_text == "纯文本正文"
    assert "网页正文" in parsed.body_html
    assert parsed.attachments == []


def test_html_only_body_is_extracted_without_scripts() -> None:
    html = "<html><head><style>p{}</style><script>alert('调整')</script></head>"
    html += "<body><p>第一段&amp;调整</p><div>第二段<br>第三行</div><script>evil()</script></body></html>"
    parsed = parse_message(MIMEText(html, "html", "gb2312").as_bytes())
    assert parsed.body_text == "第一段&调整\n第二段\n第三行"
    assert "alert" not in parsed.body_text and "evil" not in parsed.body_text


def test_related_with_small_logo_and_large_scan_are_both_inline_attachments(jpeg_scan: bytes, build) -> None:
    related = MIMEMultipart("related")
    related.attach(MIMEText('<img src="cid:logo"><img src="cid:scan">', "html", "utf-8"))
    for cid, data in (("logo", build.image_bytes(build.scan_image(120, 40), "PNG")), ("scan", jpeg_scan)):
        image = MIMEImage(data)
        image.add_header("Content-ID", f"<{cid}>")
        related.attach(image)
    parsed = parse_message(related.as_bytes())
    assert [a.inline for a in parsed.attachments] == [True, True]
    assert parsed.attachments[1].data == jpeg_scan


def test_nested_rfc822_leaves_become_attachments_but_not_its_body() -> None:
    inner = MIMEMultipart()
    inner["Subject"] = "原邮件"
    inner.attach(MIMEText("转发的正文", "plain", "utf-8"))
    pdf = MIMEApplication(b"%PDF-1.4 inner", "pdf")
    pdf.add_header("Content-Disposition", "attachment", filename="inner.pdf")
    inner.attach(pdf)
    outer = MIMEMultipart()
    outer.attach(MIMEText("请见附件邮件", "plain", "utf-8"))
    outer.attach(MIMEMessage(inner))
    parsed = parse_message(outer.as_bytes())
    assert parsed.body_text == "请见附件邮件"
    assert [a.filename for a in parsed.attachments] == ["inner.pdf"]
    assert parsed.attachments[0].data == b"%PDF-1.4 inner"


def test_multipart_report_content_type_recorded() -> None:
    report = MIMEMultipart("report", report_type="delivery-status")
    report.attach(MIMEText("Delivery failed", "plain"))
    parsed = parse_message(report.as_bytes())
    assert parsed.content_type == "multipart/report"


def test_message_built_with_default_policy_round_trips() -> None:
    message = EmailMessage()
    message["Subject"] = SUBJECT
    message["From"] = "学校 <a@b.cn>"
    message.set_content("正文")
    message.add_attachment(b"%PDF-1.7", maintype="application", subtype="pdf", filename=FILENAME)
    parsed = parse_message(message.as_bytes())
    assert (parsed.subject, parsed.sender, parsed.body_text.strip()) == (SUBJECT, "a@b.cn", "正文")
    assert parsed.attachments[0].filename == FILENAME and not parsed.attachments[0].inline


def nested(depth: int) -> bytes:
    head = [b"From: a@b.cn\r\nSubject: deep\r\n"]
    for level in range(depth):
        head.append(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (level, level))
    head.append(b"Content-Type: application/pdf\r\n\r\n%PDF-deep\r\n")
    head.extend(b"--b%d--\r\n" % level for level in reversed(range(depth)))
    return b"".join(head)


def test_deep_nesting_200_levels_is_bounded() -> None:
    parsed = parse_message(nested(200))
    assert parsed.subject == "deep"
    assert parsed.attachments == []
    assert any("nesting deeper" in defect for defect in parsed.defects)


def test_nesting_beyond_parser_recursion_keeps_headers() -> None:
    parsed = parse_message(nested(3000))
    assert parsed.subject == "deep" and parsed.sender == "a@b.cn"
    assert any("too deep" in defect for defect in parsed.defects)


def test_shallow_nesting_is_walked() -> None:
    assert [a.data.strip() for a in parse_message(nested(10)).attachments] == [b"%PDF-deep"]


def test_five_thousand_parts_are_bounded_and_fast() -> None:
    parts = [b'Content-Type: multipart/mixed; boundary="B"\r\nSubject: many\r\n\r\n']
    for index in range(5000):
        parts.append(b"--B\r\nContent-Type: image/png\r\n\r\n%d\r\n" % index)
    parts.append(b"--B--\r\n")
    started = time.monotonic()
    parsed = parse_message(b"".join(parts))
    assert time.monotonic() - started < 10
    assert 0 < len(parsed.attachments) < 1000
    assert any("MIME parts" in defect for defect in parsed.defects)


def test_multipart_without_boundary_does_not_raise() -> None:
    parsed = parse_message(b"Content-Type: multipart/mixed\r\nSubject: s\r\n\r\n--x\r\nnothing")
    assert parsed.subject == "s"


def test_bad_base64_attachment_does_not_raise() -> None:
    raw = attachment_message(b"Content-Disposition: attachment; filename=a.pdf")
    raw = raw.replace(b"JVBERi0=", b"!!!*&^%$")
    assert len(parse_message(raw).attachments) == 1


def test_signature_part_of_signed_message_is_not_an_attachment() -> None:
    signed = MIMEMultipart("signed", protocol="application/pkcs7-signature")
    signed.attach(MIMEText("正文", "plain", "utf-8"))
    signed.attach(MIMEApplication(b"sig", "pkcs7-signature"))
    assert parse_message(signed.as_bytes()).attachments == []
