"""The email a school sends: subject `单位名称+2024年证书申报调整申请`, a short body, the scans attached,
in the charsets and encodings Chinese mail clients really use."""

from __future__ import annotations

import base64
import quopri
import random
from datetime import datetime, timedelta, timezone
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import encode_rfc2231, format_datetime

from tests.papergen.plan import Plan

CST = timezone(timedelta(hours=8))

BODIES = [
    "郭老师、周老师：\n    您好！附件是{school}2024年证书申报调整申请（盖章扫描件），请审核。\n    谢谢！\n{contact}\n{phone}",
    "省1+X办公室老师好：\n    现将我校1+X证书申报调整申请扫描件发送给您，请查收。\n\n{school}\n{contact} {phone}",
    "老师您好，附件为我校证书申报调整申请，已加盖公章，麻烦审核，谢谢。\n——{contact}",
    "您好！\n根据通知要求，我校提交2024年1+X证书申报调整申请，详见附件。\n联系人：{contact}，电话：{phone}",
]
CLIENTS = [("Foxmail 7.2.25.228[cn]", "gb18030", "b64"), ("Coremail Webmail Server Version 2.0", "utf-8", "b64"),
           ("Microsoft Outlook 16.0", "gbk", "qp"), ("Apple Mail (2.3774)", "utf-8", "qp"), ("QQMail 2.x", "gb18030", "b64")]
MIME_TYPES = {"pdf": ("application", "pdf"), "jpg": ("image", "jpeg"), "png": ("image", "png")}


def _encoded_words(text: str, charset: str, enc: str, chunk: int = 12) -> str:
    """Several RFC 2047 words (short enough to fold), joined by folding whitespace as mailers do."""
    return "\n ".join(_encoded_word(text[i:i + chunk], charset, enc) for i in range(0, len(text), chunk))


def _encoded_word(text: str, charset: str, enc: str) -> str:
    raw = text.encode(charset)
    if enc == "b64":
        return f"=?{charset.upper()}?B?{base64.b64encode(raw).decode()}?="
    q = quopri.encodestring(raw, header=True).decode().replace("=\n", "")
    return f"=?{charset.upper()}?Q?{q}?="


def build(plan: Plan, rng: random.Random, files: list[tuple[str, bytes, str]], index: int) -> tuple[bytes, str, str]:
    """The message bytes, its Message-ID and a description of its encoding. `files`: (name, bytes, ext)."""
    school = plan.school
    client, charset, enc = rng.choice(CLIENTS)
    sender = rng.choice(school.emails)
    received = datetime(2024, 3, min(20, plan.day + rng.choice([0, 0, 1, 2])), rng.randrange(8, 22),
                        rng.randrange(60), rng.randrange(60), tzinfo=CST)
    sent = received - timedelta(seconds=rng.randrange(2, 300))
    message_id = f"<{sent.strftime('%Y%m%d%H%M%S')}.{plan.seed:x}{index:04d}@{school.domain}>"
    msg = MIMEMultipart("mixed", boundary=f"----=_NextPart_{rng.randrange(1 << 48):012X}")
    subject = f"{school.name}+2024年证书申报调整申请"
    msg["Subject"] = _encoded_words(subject, charset, enc, rng.choice([8, 12, 40]))
    display = rng.choice([plan.contact, school.name, school.aliases[0] if school.aliases else plan.contact, ""])
    msg["From"] = f"{_encoded_word(display, charset, 'b64')} <{sender}>" if display else sender
    msg["To"] = rng.choice(["jsxzsbg@163.com", "\"jsxzsbg\" <jsxzsbg@163.com>"])
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = message_id
    msg["X-Mailer"] = client
    body = rng.choice(BODIES).format(school=school.name, contact=plan.contact, phone=plan.phone)
    text = MIMEText(body, "plain", charset)
    if enc == "qp":
        del text["Content-Transfer-Encoding"]
        text.set_payload(quopri.encodestring(body.encode(charset)).decode("ascii"))
        text["Content-Transfer-Encoding"] = "quoted-printable"
    if rng.random() < 0.4:
        alt = MIMEMultipart("alternative", boundary=f"----=_Alt_{rng.randrange(1 << 48):012X}")
        alt.attach(text)
        alt.attach(MIMEText("<div>" + body.replace("\n", "<br>") + "</div>", "html", charset))
        msg.attach(alt)
    else:
        msg.attach(text)
    style = rng.choice(["rfc2231", "encoded_word", "both"])
    for name, data, ext in files:
        part = MIMEBase(*MIME_TYPES[ext])
        part.set_payload(base64.encodebytes(data).decode("ascii"))
        part["Content-Transfer-Encoding"] = "base64"
        if style == "rfc2231":
            part.set_param("name", ("utf-8", "", name))
            part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", name))
        else:
            word = _encoded_word(name, charset, "b64")
            part.replace_header("Content-Type", f'{"/".join(MIME_TYPES[ext])}; name="{word}"')
            disposition = f'attachment; filename="{word}"'
            if style == "both":
                disposition += f"; filename*={encode_rfc2231(name, charset)}"
            part["Content-Disposition"] = disposition
        msg.attach(part)
    head = (f"Received: from {school.domain} (unknown [{rng.randrange(58, 223)}.{rng.randrange(256)}.{rng.randrange(256)}."
            f"{rng.randrange(1, 255)}])\r\n\tby mx{rng.randrange(1, 6)}.163.com (Coremail) with SMTP id "
            f"{rng.randrange(1 << 40):x}; {format_datetime(received)}\r\n")
    raw = head.encode("ascii") + msg.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return raw, message_id, f"{client}; {charset}/{enc}; filenames {style}"
