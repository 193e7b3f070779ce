"""The email around the attachments, as Chinese mail clients write it: Foxmail, QQ/163 webmail, Outlook and
phone clients; bodies in UTF-8 or GB18030/GBK, base64 or quoted-printable; RFC 2047 subjects (B or Q);
attachment names as RFC 2231 parameters or as encoded words; a Received header stamping arrival."""

from __future__ import annotations

import base64
import quopri
import random
from email.utils import format_datetime

from tests.deskgen.plan import Plan

BODIES = (
    "省1+X办公室老师：\n\n  您好！附件是{unit}2024年证书申报调整申请（已盖章扫描件），请审核。\n\n{contact}\n{phone}",
    "老师您好：\n    我校2024年1+X证书申报需要调整，调整申请已经学校证书试点管理部门和分管校领导同意并盖章，扫描件见附件，麻烦审核，谢谢！\n\n{unit} {contact}\n电话：{phone}",
    "您好，附件为我单位证书申报调整申请，请查收。\n\n{contact}（{unit}）",
    "郭老师、周老师：\n您好！{unit}申请调整部分证书申报信息，盖章扫描件请见附件。\n\n联系人：{contact}  联系电话：{phone}",
)
CLIENTS = ("Foxmail 7.2.25.375[cn]", "Coremail Webmail Server Version XT5.0.14", "Microsoft Outlook 16.0",
           "iPhone Mail (21D61)", None)


def _encoded_word(text: str, charset: str, rng: random.Random) -> str:
    data = text.encode(charset)
    if rng.random() < 0.75:
        # base64 words, split so each stays under 75 characters
        words, chunk = [], b""
        for ch in text:
            b = ch.encode(charset)
            if len(chunk) + len(b) > 42:
                words.append(chunk)
                chunk = b""
            chunk += b
        words.append(chunk)
        return "\r\n ".join(f"=?{charset}?B?{base64.b64encode(w).decode()}?=" for w in words)
    q = "".join(chr(b) if (chr(b).isalnum() and b < 128) else f"={b:02X}" for b in data)
    return f"=?{charset}?Q?{q}?="


def _charset(rng: random.Random) -> str:
    return rng.choice(("utf-8", "UTF-8", "gb18030", "GBK", "gb2312"))


def _can(text: str, charset: str) -> bool:
    try:
        text.encode(charset)
        return True
    except UnicodeEncodeError:
        return False


def build(plan: Plan, files: list[tuple[str, bytes, str]], rng: random.Random) -> tuple[bytes, str]:
    """The message bytes and its Message-ID."""
    charset = _charset(rng)
    if not _can(plan.subject + plan.doc_unit + plan.contact, charset):
        charset = "gb18030"
    domain = plan.school.email.split("@")[1]
    sender_addr = plan.school.email if rng.random() < 0.6 else f"{rng.randrange(10**8, 10**10)}@qq.com"
    message_id = f"<{plan.arrival.strftime('%Y%m%d%H%M%S')}.{plan.seed:08x}{rng.randrange(16**6):06x}@" \
                 f"{domain if sender_addr.endswith(domain) else 'qq.com'}>"
    sent = plan.arrival.replace(microsecond=0)
    from datetime import timedelta

    sent = sent - timedelta(seconds=rng.randrange(2, 90))
    if rng.random() < 0.2:  # some clients write the Date in UTC
        from datetime import UTC

        sent = sent.astimezone(UTC)
    boundary = f"----=_NextPart_{rng.randrange(16**8):08X}_{rng.randrange(16**8):08X}"
    headers = [
        f"Received: from {domain} (unknown [{rng.randrange(1, 223)}.{rng.randrange(256)}.{rng.randrange(256)}."
        f"{rng.randrange(1, 255)}])\r\n\tby mx.163.com (Coremail) with SMTP id {rng.randrange(16**10):010x};\r\n\t"
        f"{format_datetime(plan.arrival)}",
        f"From: {_encoded_word(plan.contact, charset, rng)} <{sender_addr}>",
        "To: jsxzsbg@163.com" if rng.random() < 0.7 else f"To: {_encoded_word('省1+X办', 'utf-8', rng)} <jsxzsbg@163.com>",
        f"Subject: {_encoded_word(plan.subject, charset, rng)}",
        f"Date: {format_datetime(sent)}",
        f"Message-ID: {message_id}",
        "MIME-Version: 1.0",
    ]
    client = rng.choice(CLIENTS)
    if client:
        headers.append(f"X-Mailer: {client}")
    headers.append(f'Content-Type: multipart/mixed;\r\n\tboundary="{boundary}"')
    parts = [_body(plan, rng, charset)]
    for name, data, mime in files:
        parts.append(_attachment(name, data, mime, rng, charset))
    out = "\r\n".join(headers) + "\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n"
    for part in parts:
        out += f"--{boundary}\r\n{part}\r\n"
    out += f"--{boundary}--\r\n"
    return out.encode("ascii"), message_id


def _body(plan: Plan, rng: random.Random, charset: str) -> str:
    text = rng.choice(BODIES).format(unit=plan.doc_unit, contact=plan.contact, phone=plan.phone)
    data = text.replace("\n", "\r\n").encode(charset)
    if rng.random() < 0.5:
        encoded = base64.encodebytes(data).decode().replace("\n", "\r\n").rstrip()
        cte = "base64"
    else:
        encoded = quopri.encodestring(data).decode().replace("\r\n", "\n").replace("\n", "\r\n").rstrip()
        cte = "quoted-printable"
    return f'Content-Type: text/plain;\r\n\tcharset="{charset}"\r\nContent-Transfer-Encoding: {cte}\r\n\r\n{encoded}\r\n'


def _attachment(name: str, data: bytes, mime: str, rng: random.Random, charset: str) -> str:
    if not _can(name, charset):
        charset = "gb18030"
    style = rng.choice(("2231", "word", "both"))
    if name.isascii():
        disp = f'attachment;\r\n\tfilename="{name}"'
        ctype = f'{mime};\r\n\tname="{name}"'
    elif style == "2231":
        quoted = "".join(chr(b) if chr(b).isalnum() and b < 128 or chr(b) in ".-_" else f"%{b:02X}"
                         for b in name.encode("utf-8"))
        disp = f"attachment;\r\n\tfilename*=UTF-8''{quoted}"
        ctype = f"{mime};\r\n\tname*=UTF-8''{quoted}"
    else:
        word = _encoded_word(name, charset, rng).replace("\r\n ", "")
        ctype = f'{mime};\r\n\tname="{word}"'
        disp = f'attachment;\r\n\tfilename="{word}"'
    encoded = base64.encodebytes(data).decode().replace("\n", "\r\n").rstrip()
    return f"Content-Type: {ctype}\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: {disp}\r\n\r\n{encoded}\r\n"
