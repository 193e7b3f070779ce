"""The email around the documents: a 163.com Received line with the arrival instant, fixed Date and
Message-ID, a short plain (or HTML) body, attachments or inline cid: images; fixed MIME boundaries."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime

from tests.fieldgen.plan import Plan


@dataclass
class Attachment:
    filename: str
    data: bytes
    mime: str  # e.g. image/jpeg
    inline: bool = False  # shown in the HTML body through cid:


def build(plan: Plan, attachments: list[Attachment], rng: random.Random) -> tuple[bytes, str]:
    school = plan.school
    sender = f"{rng.choice(['jwc', 'zsb', '1xzs', 'jiaowu', 'xjb'])}{rng.randint(1, 99)}@{school.domain}"
    message_id = f"<{plan.seed:06d}.{rng.randrange(16**10):010x}@{school.domain}>"
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = f"{plan.clerk} <{sender}>"
    msg["To"] = "jsxzsbg@163.com"
    msg["Subject"] = plan.subject
    msg["Date"] = format_datetime(plan.arrival - timedelta(seconds=rng.randint(3, 40)))
    msg["Message-ID"] = message_id
    msg["X-Mailer"] = rng.choice(["Coremail Webmail Server Version 2024.1", "Foxmail 7.2.25.228[cn]",
                                  "iPhone Mail (21D61)", "WPS Mail"])
    text = (f"郭老师、周老师：\n  您好！附件是{school.name}2024年证书申报调整申请的扫描件，请审核。\n"
            f"  联系人：{plan.clerk}，电话：{school.phone}。\n\n{school.name}\n")
    msg.set_content(text, charset="utf-8")
    inline = [a for a in attachments if a.inline]
    if inline:
        imgs = "".join(f'<p><img src="cid:img{k}@{school.domain}" width="600"></p>' for k in range(len(inline)))
        html = ("<html><body><p>郭老师您好：</p><p>我校2024年证书申报调整申请如下（共"
                f"{len(inline)}页），请审核。</p>{imgs}<p>{plan.clerk}<br>{school.phone}</p></body></html>")
        msg.add_alternative(html, subtype="html", charset="utf-8")
        html_part = msg.get_payload()[1]
        for k, a in enumerate(inline):
            maintype, subtype = a.mime.split("/")
            html_part.add_related(a.data, maintype=maintype, subtype=subtype, cid=f"<img{k}@{school.domain}>",
                                  filename=a.filename, disposition="inline")
    for a in attachments:
        if not a.inline:
            maintype, subtype = a.mime.split("/")
            msg.add_attachment(a.data, maintype=maintype, subtype=subtype, filename=a.filename)
    for k, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"----=_Part_{plan.seed}_{k}_{rng.randrange(16**8):08x}")
    received = (f"from mail.{school.domain} (unknown [58.{rng.randint(192, 223)}.{rng.randint(1, 254)}."
                f"{rng.randint(1, 254)}])\r\n\tby mx-jsxzsbg.mail.163.com (Coremail) with SMTP id "
                f"{rng.randrange(16**12):012X};\r\n\t{format_datetime(plan.arrival)}")
    raw = f"Received: {received}\r\n".encode() + msg.as_bytes()
    return raw, message_id
