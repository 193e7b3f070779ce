"""The request email as a school's mail client sends it: subject, sender, dates, attachments."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

from tests.formgen.plan import Plan
from tests.formgen.scan import Attachment

SHANGHAI = timezone(timedelta(hours=8))
WINDOW_START = datetime(2024, 3, 1, 0, 0, tzinfo=SHANGHAI)
BODIES = ("您好！附件为我校2024年证书申报调整申请扫描件，请审核。",
          "老师您好：\n\n附件是{school}关于2024年1+X证书申报调整的申请（已盖章），请查收。\n\n{contact}\n{phone}",
          "省1+X办公室：\n    现将我校证书申报调整申请扫描件发送给您，请予审核。谢谢！",
          "")


def arrival(plan: Plan, rng: random.Random) -> datetime:
    """A working-hours instant on or after the document's date, always inside 3月1日–20日."""
    day = min(20, plan.day + rng.choice((0, 0, 1, 2)))
    return WINDOW_START + timedelta(days=day - 1, hours=rng.randrange(8, 21), minutes=rng.randrange(60),
                                    seconds=rng.randrange(60))


def build(plan: Plan, files: list[Attachment], rng: random.Random) -> tuple[bytes, str]:
    """The message bytes (CRLF) and its Message-ID."""
    school = plan.school
    sent = arrival(plan, rng)
    received = sent + timedelta(seconds=rng.randrange(1, 40))
    message_id = f"<formgen.{plan.seed}.{plan.index}@{school.domain}>"
    msg = EmailMessage()
    msg["From"] = f"{school.name} <{school.emails[0]}>" if rng.random() < 0.7 else school.emails[0]
    msg["To"] = "jsxzsbg@163.com"
    msg["Subject"] = f"{school.name}+2024年证书申报调整申请"
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = message_id
    msg["Received"] = f"from mail.{school.domain} by mx.163.com; {format_datetime(received)}"
    body = rng.choice(BODIES).format(school=school.name, contact=plan.contact, phone=plan.phone)
    msg.set_content(body or "请查收附件。")
    for filename, mime, data in files:
        main, sub = mime.split("/")
        msg.add_attachment(data, maintype=main, subtype=sub, filename=filename)
    msg.set_boundary(f"=formgen-{plan.seed}=")  # the library's default boundary is random
    return msg.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"), message_id
