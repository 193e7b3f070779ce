"""The email around the attachments: plain, HTML-only, or forwarded with the original attached."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

from tests.officegen.capture import Attachment
from tests.officegen.plan import Plan

CST = timezone(timedelta(hours=8))
OFFICE_ADDR = "jsxzsbg@163.com"


def subject_of(plan: Plan) -> str:
    return f"{plan.school.name}+2024年证书申报调整申请"


def arrival(rng: random.Random, plan: Plan) -> datetime:
    """A working-hours instant on the plan's date (3月2日–19日, +08:00): inside 3月1日–20日."""
    m, d = plan.date
    return datetime(2024, m, d, rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59), tzinfo=CST)


def _message(plan: Plan, sender: str, subject: str, sent: datetime, msg_id: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"{plan.people['contact']} <{sender}>"
    msg["To"] = OFFICE_ADDR
    msg["Subject"] = subject
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = msg_id
    return msg


def _attach(msg: EmailMessage, files: list[Attachment]) -> None:
    for f in files:
        main, sub = f.mime.split("/")
        msg.add_attachment(f.data, maintype=main, subtype=sub, filename=f.filename)


def _body(rng: random.Random, plan: Plan) -> str:
    return (f"省1+X办公室老师：\n\n您好！附件是{plan.school.name}2024年证书申报调整申请的扫描件，请审核。\n\n"
            f"{plan.people['contact']}\n{rng.choice(('教务处', '1+X证书办公室', '质量管理办公室'))}")


def build(rng: random.Random, plan: Plan, files: list[Attachment], style: str, index: int) -> EmailMessage:
    """The message the school sends; `style` is plain | html | forwarded."""
    sender = rng.choice(plan.school.emails)
    sent = arrival(rng, plan)
    domain = sender.split("@")[1]
    msg_id = f"<officegen.{index}.{rng.randrange(1 << 40):x}@{domain}>"
    body = _body(rng, plan)
    if style == "forwarded":
        earlier = sent - timedelta(minutes=rng.randint(20, 600))
        inner = _message(plan, rng.choice(plan.school.emails), subject_of(plan), earlier,
                         f"<orig.{index}.{rng.randrange(1 << 40):x}@{domain}>")
        inner.set_content(_html(body), subtype="html")
        _attach(inner, files)
        msg = _message(plan, sender, rng.choice(("Fwd: ", "转发：", "Fw:")) + subject_of(plan), sent, msg_id)
        msg.set_content("请见转发的原邮件（附扫描件）。\n\n-------- 转发邮件信息 --------\n"
                        f"主题：{subject_of(plan)}")
        msg.add_attachment(inner, filename="原邮件.eml")
    else:
        msg = _message(plan, sender, subject_of(plan), sent, msg_id)
        if style == "html":
            msg.set_content(_html(body), subtype="html")
        else:
            msg.set_content(body)
        _attach(msg, files)
    received = sent + timedelta(seconds=rng.randint(2, 90))
    msg["Received"] = (f"from mail.{domain} (unknown [58.{rng.randint(1, 254)}.{rng.randint(1, 254)}."
                       f"{rng.randint(1, 254)}]) by mx.163.com (Coremail) with SMTP id {rng.randrange(1 << 32):x}; "
                       f"{format_datetime(received)}")
    for k, part in enumerate(msg.walk()):  # fixed boundaries: the bytes depend on the seed alone
        if part.get_content_maintype() == "multipart":
            part.set_boundary(f"----=_officegen_{index}_{k}_{rng.randrange(1 << 32):08x}")
    return msg


def _html(text: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n") if line)
    return f"<html><body style=\"font-family:微软雅黑\">{paragraphs}</body></html>"
