"""The request email: school sender, Date/Received inside the window, GBK/GB18030/UTF-8, base64 or QP."""

from __future__ import annotations

import base64
import random
from datetime import datetime, timedelta, timezone
from email import charset as email_charset
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime

from tests.signgen.plan import Plan, person

SHANGHAI = timezone(timedelta(hours=8))
OFFICE = "jsxzsbg@163.com"


def _charset(name: str, qp: bool) -> email_charset.Charset:
    cs = email_charset.Charset(name)
    cs.header_encoding = email_charset.QP if qp else email_charset.BASE64
    cs.body_encoding = email_charset.QP if qp else email_charset.BASE64
    return cs


def build(plan: Plan, rng: random.Random, arrival: datetime, attachment: bytes, mime: str, ext: str,
          message_id: str) -> tuple[bytes, str]:
    """The raw message bytes and a one-line description of its encoding."""
    cs_name = rng.choice(("utf-8", "gbk", "gb18030", "utf-8"))
    qp = rng.random() < 0.3
    cs = _charset(cs_name, qp)
    school = plan.school
    sender = person(rng)
    subject = f"{plan.unit_in_subject}{rng.choice(('+', '+', '+', '＋', ''))}2024年证书申报调整申请"
    body = (f"郭老师、周老师：\n    您好！附件是{school.name}2024年证书申报调整申请的扫描件（已经部门和校领导签字、加盖公章），"
            f"请审核。\n\n{school.name} {sender}\n联系电话：{rng.randint(130, 189)}{rng.randrange(10**8):08d}\n")
    root = MIMEMultipart("mixed")
    display = f"{school.name}{rng.choice(('教务处', '', '1+X办'))}".encode(cs_name)
    root["From"] = f"=?{cs_name}?B?{base64.b64encode(display).decode('ascii')}?= <{school.email}>"
    root["To"] = OFFICE
    root["Subject"] = Header(subject, cs)
    sent = arrival - timedelta(seconds=rng.randint(3, 90))
    root["Date"] = format_datetime(sent)
    root["Message-ID"] = message_id
    root["MIME-Version"] = "1.0"
    root.set_boundary(f"----=_Part_{rng.getrandbits(48):012x}")
    text = MIMEText(body, "plain", cs)  # type: ignore[arg-type]
    root.attach(text)
    filename = f"{plan.unit_in_subject}2024年证书申报调整申请.{ext}"
    major, minor = mime.split("/")
    part = MIMEImage(attachment, minor) if major == "image" else MIMEApplication(attachment, minor)
    if rng.random() < 0.5:
        part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", filename))
    else:
        part.add_header("Content-Disposition", "attachment", filename=Header(filename, "utf-8").encode())
    root.attach(part)
    received = (f"from mail.{school.email.split('@')[1]} (unknown [{rng.randint(58, 223)}.{rng.randint(0, 255)}."
                f"{rng.randint(0, 255)}.{rng.randint(1, 254)}])\r\n\tby mx.163.com with ESMTPS id {rng.getrandbits(40):x};"
                f" {format_datetime(arrival)}")
    raw = f"Received: {received}\r\n".encode("ascii") + root.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return raw, f"{cs_name} {'qp' if qp else 'b64'}"


def arrival_time(rng: random.Random) -> datetime:
    """Inside the window (2024-03-01..20, Shanghai), office hours mostly."""
    day = rng.randint(4, 19)
    return datetime(2024, 3, day, rng.randint(8, 21), rng.randint(0, 59), rng.randint(0, 59), tzinfo=SHANGHAI)
