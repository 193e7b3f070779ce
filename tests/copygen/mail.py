"""The message around the scans, as Chinese school mail clients write it: GBK/GB18030/UTF-8 headers in encoded
words, RFC 2231 or encoded-word attachment names, and a Received trace whose top entry dates the arrival."""

from __future__ import annotations

import base64
import hashlib
import io
import random
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.mime.application import MIMEApplication
from email.mime.base import MIMEBase
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.utils import format_datetime

OFFICE = "jsxzsbg@163.com"


@dataclass
class Attachment:
    filename: str
    data: bytes
    mime: str


def words(text: str, charset: str) -> str:
    """RFC 2047 B-words of at most 75 characters, split between characters."""
    out, chunk = [], ""
    for ch in text:
        trial = chunk + ch
        if len(base64.b64encode(trial.encode(charset))) + len(charset) + 7 > 75 and chunk:
            out.append(chunk)
            chunk = ch
        else:
            chunk = trial
    out.append(chunk)
    return "\n ".join(f"=?{charset}?B?{base64.b64encode(w.encode(charset)).decode()}?=" for w in out)


def _text_part(text: str, charset: str, subtype: str) -> MIMEBase:
    part = MIMEBase("text", subtype)
    del part["MIME-Version"]
    part.replace_header("Content-Type", f'text/{subtype}; charset="{charset}"')
    part["Content-Transfer-Encoding"] = "base64"
    part.set_payload(base64.encodebytes(text.replace("\n", "\r\n").encode(charset)).decode("ascii"))
    return part


def _attachment(att: Attachment, rng: random.Random, charset: str) -> MIMEBase:
    main, sub = att.mime.split("/", 1)
    part: MIMEBase = MIMEImage(att.data, sub) if main == "image" else MIMEApplication(att.data, sub)
    del part["MIME-Version"]
    if rng.random() < 0.5:
        part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", att.filename))
        part.set_param("name", att.filename)
    else:
        enc = words(att.filename, charset if charset != "utf-8" else rng.choice(("utf-8", "GB2312"))
                    if all(_gb(c) for c in att.filename) else "utf-8")
        del part["Content-Type"]
        part["Content-Type"] = f'{att.mime}; name="{enc}"'
        part["Content-Disposition"] = f'attachment; filename="{enc}"'
    return part


def _gb(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def build(*, seed: int, sender_name: str, sender: str, subject: str, body: str, arrival: datetime,
          attachments: list[Attachment], rng: random.Random) -> tuple[bytes, str]:
    """The message's bytes and its Message-ID."""
    charset = rng.choice(("utf-8", "GB18030", "gbk", "utf-8"))
    msg = MIMEMultipart("mixed")
    if rng.random() < 0.5:
        alt = MIMEMultipart("alternative")
        alt.attach(_text_part(body, charset, "plain"))
        html = (f"<html><head><meta charset=\"{charset}\"></head><body>"
                + "".join(f"<div>{line}</div>" for line in body.split("\n")) + "</body></html>")
        alt.attach(_text_part(html, charset, "html"))
        msg.attach(alt)
    else:
        msg.attach(_text_part(body, charset, "plain"))
    for att in attachments:
        msg.attach(_attachment(att, rng, charset))
    digest = hashlib.sha256(f"copygen{seed}".encode()).hexdigest()[:20]
    for n, part in enumerate(p for p in msg.walk() if p.is_multipart()):
        part.set_boundary(f"----=_NextPart_{n:03d}_{digest[:8]}_{digest[8:16]}")
    sent = arrival - timedelta(seconds=rng.randint(2, 120))
    domain = sender.split("@")[1]
    message_id = f"<{digest[:8]}.{sent.strftime('%Y%m%d%H%M%S')}.{digest[8:]}@{domain}>"
    ip = f"{rng.randint(36, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    local = f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    headers = [
        ("Received", f"from {domain} (unknown [{ip}])\n\tby mx{rng.randint(1, 9)}.mail.163.com (Coremail) with SMTP "
                     f"id {digest[:16].upper()};\n\t{format_datetime(arrival)}"),
        ("Received", f"from [{local}] by smtp.{domain} with ESMTPSA;\n\t{format_datetime(sent)}"),
        ("Date", format_datetime(sent)),
        ("From", f"{words(sender_name, charset)} <{sender}>"),
        ("To", f"\"jsxzsbg\" <{OFFICE}>"),
        ("Subject", words(subject, charset)),
        ("Message-ID", message_id),
        ("X-Mailer", rng.choice(("Foxmail 7.2.25.375[cn]", "QQMail 2.x", "Coremail Webmail Server Version XT5.0.14",
                                 "Microsoft Outlook 16.0", "NetEase Flash Mail 2.4.1.32"))),
        ("MIME-Version", "1.0"),
    ]
    head = "".join(f"{k}: {v}\n" for k, v in headers)
    for part in msg.walk():
        del part["MIME-Version"]  # ours is above, once
    return head.encode("ascii") + msg.as_bytes(), message_id


def student_xlsx(rng: random.Random, names: list[str]) -> bytes:
    """A tiny real .xlsx (inline strings): the students registered for a certificate."""
    rows = [["序号", "姓名", "班级", "证书", "等级"]]
    for i, name in enumerate(names, 1):
        rows.append([str(i), name, f"{rng.choice(('22', '23'))}{rng.choice(('会计', '电商', '机电', '护理'))}"
                     f"{rng.randint(1, 4)}班", "见申请", ""])

    def cell(col: int, row: int, value: str) -> str:
        ref = f"{'ABCDE'[col]}{row}"
        esc = value.replace("&", "&amp;").replace("<", "&lt;")
        return f'<c r="{ref}" t="inlineStr"><is><t>{esc}</t></is></c>'

    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + "".join(f'<row r="{r}">' + "".join(cell(c, r, v) for c, v in enumerate(row)) + "</row>"
                       for r, row in enumerate(rows, 1)) + "</sheetData></worksheet>")
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="学生名单" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 5, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))
    return buf.getvalue()
