"""The message as a school's mail client sends it: subject, Received/Date, a short body, the attachments."""

from __future__ import annotations

import hashlib
import random
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime

from tests.roundgen.plan import SHANGHAI, Plan

_MIME = {"pdf": ("application", "pdf"), "jpg": ("image", "jpeg"), "png": ("image", "png"), "tif": ("image", "tiff")}
_CLIENTS = ["Foxmail 7.2.25.228[cn]", "Coremail Webmail Server Version XT5.0.14", "Microsoft Outlook 16.0",
            "NetEase Mail Master"]


def build(plan: Plan, attachments: list[tuple[str, bytes]], rng: random.Random) -> tuple[bytes, str]:
    school = plan.school
    digest = hashlib.sha1(f"roundgen-{plan.seed}".encode()).hexdigest()[:16]
    domain = school.email.split("@")[1]
    message_id = f"<roundgen.{plan.seed}.{digest}@{domain}>"
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = f"{school.name} <{school.email}>"
    msg["To"] = "jsxzsbg@163.com"
    msg["Subject"] = plan.subject
    msg["Message-ID"] = message_id
    sent = plan.arrival.astimezone(SHANGHAI)
    sent_at = sent.replace(second=rng.randint(0, 50))
    msg["Date"] = format_datetime(sent_at)
    msg["X-Mailer"] = rng.choice(_CLIENTS)
    body = (f"省1+X办公室老师：\n\n您好！附件是{school.name}2024年证书申报调整申请（盖章扫描件），"
            f"请审核。\n\n联系人：{plan.clerk}\n{school.name}\n")
    msg.set_content(body, charset=rng.choice(("utf-8", "gb18030")))
    for name, data in attachments:
        ext = name.rsplit(".", 1)[1]
        maintype, subtype = _MIME[ext]
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    msg.set_boundary(f"----=_roundgen_{digest}")
    raw = msg.as_bytes()
    received = (f"Received: from {domain} (unknown [58.213.{plan.seed % 250}.{(plan.seed * 7) % 250}])\r\n"
                f"\tby mx.163.com (Coremail) with SMTP id {digest.upper()};\r\n"
                f"\t{format_datetime(plan.arrival.astimezone(SHANGHAI))}\r\n").encode()
    return received + raw, message_id
