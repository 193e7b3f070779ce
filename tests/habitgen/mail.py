"""The email a school sends: its own mail server's Received line on top (the arrival), the subject, a short
body, the attachments; fixed boundaries so equal seeds give equal bytes."""

from __future__ import annotations

import hashlib
import random
from datetime import timedelta
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime

from tests.habitgen.blocks import Attachment
from tests.habitgen.plan import SHANGHAI, Plan

OFFICE = "jsxzsbg@163.com"


def _body(plan: Plan, rng: random.Random) -> str:
    greeting = rng.choice(("郭老师、周老师：", "省1+X办公室老师：", "老师您好！"))
    lines = [greeting,
             rng.choice(("    附件是我校2024年证书申报调整申请的扫描件，请审核。",
                         "    现将我校2024年1+X证书申报调整申请（已盖章）发送给您，请查收审核。",
                         "    我校需对已申报证书进行调整，申请材料见附件，麻烦老师审核，谢谢！")),
             f"    联系人：{plan.contact}，电话：{plan.contact_phone}", "", plan.school.name,
             f"{plan.doc_day.year}年{plan.doc_day.month}月{plan.doc_day.day}日"]
    return "\n".join(lines) + "\n"


def build(plan: Plan, attachments: list[Attachment], rng: random.Random) -> tuple[bytes, str]:
    """Raw bytes of the message and its Message-ID."""
    digest = hashlib.sha1(f"habitgen-{plan.seed}".encode()).hexdigest()[:16]
    domain = plan.sender.split("@")[1]
    message_id = f"<{plan.arrival:%Y%m%d%H%M%S}.{digest}@{domain}>"
    msg = MIMEMultipart("mixed", boundary=f"----=_Part_{plan.seed}_{digest}")
    msg["From"] = f"{Header(plan.school.name, 'utf-8').encode()} <{plan.sender}>"
    msg["To"] = OFFICE
    msg["Subject"] = Header(plan.subject, "utf-8").encode()
    sent = plan.arrival - timedelta(seconds=rng.randint(2, 40))
    msg["Date"] = format_datetime(sent.astimezone(SHANGHAI))
    msg["Message-ID"] = message_id
    msg["X-Mailer"] = rng.choice(("Coremail Webmail Server Version 2.0", "Foxmail 7.2.25", "QQMail 2.x"))
    msg.attach(MIMEText(_body(plan, rng), "plain", "utf-8"))
    for att in attachments:
        maintype, subtype = att.mime.split("/")
        part = MIMEImage(att.data, subtype) if maintype == "image" else MIMEApplication(att.data, subtype)
        part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", att.filename))
        part.set_param("name", ("utf-8", "", att.filename))
        msg.attach(part)
    received = (f"Received: from {domain} (unknown [{rng.randint(36, 223)}.{rng.randint(0, 255)}."
                f"{rng.randint(0, 255)}.{rng.randint(1, 254)}])\r\n\tby mx.163.com (Coremail) with SMTP id "
                f"{digest.upper()};\r\n\t{format_datetime(plan.arrival)}\r\n")
    raw = msg.as_bytes().replace(b"\n", b"\r\n")
    return received.encode("ascii") + raw, message_id
