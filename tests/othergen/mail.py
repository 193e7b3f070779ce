"""The request email: subject, sender, Received/Date inside (or deliberately outside) the window."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

from tests.othergen.plan import Plan

SHANGHAI = timezone(timedelta(hours=8))
BODIES = ("老师您好：\n附件是我校2024年证书申报调整申请，已经校内审批并盖章，请审核。\n{contact} {phone}",
          "您好，{school}证书申报调整申请扫描件见附件，谢谢！",
          "省1+X办公室：\n  现报送我校2024年1+X证书申报调整申请（含审批单），请审核。\n\n{school}\n{contact}",
          "附件请查收。", "")


def arrival(plan: Plan, rng: random.Random) -> datetime:
    """Receipt time: after the document's date, inside 3月1日–20日 unless the plan says otherwise."""
    if plan.arrival_shift == "early":
        return datetime(2024, 2, plan.day, rng.randrange(9, 18), rng.randrange(60), rng.randrange(60),
                        tzinfo=SHANGHAI)
    if plan.arrival_shift == "late":
        if rng.random() < 0.35:  # late on the 20th in UTC: already the 21st in Shanghai
            return datetime(2024, 3, 20, rng.randrange(16, 23), rng.randrange(60), 5, tzinfo=UTC)
        return datetime(2024, 3, rng.randint(21, 24), rng.randrange(8, 18), rng.randrange(60), rng.randrange(60),
                        tzinfo=SHANGHAI)
    day = min(20, plan.day + rng.choice((0, 0, 1, 2)))
    hour = rng.randrange(8, 22) if day < 20 else rng.randrange(8, 23)
    return datetime(2024, 3, day, hour, rng.randrange(60), rng.randrange(60), tzinfo=SHANGHAI)


def build(plan: Plan, files: list[tuple[str, str, bytes]], rng: random.Random) -> tuple[bytes, str]:
    """The message bytes (CRLF line ends) and its Message-ID."""
    school = plan.school
    received = arrival(plan, rng)
    sent = received - timedelta(seconds=rng.randrange(2, 90))
    message_id = f"<othergen.{plan.seed}.{plan.index}@{school.domain}>"
    msg = EmailMessage()
    sender = rng.choice(school.emails)
    msg["From"] = f"{school.name} <{sender}>" if rng.random() < 0.6 else f"{plan.contact} <{sender}>"
    msg["To"] = "jsxzsbg@163.com"
    msg["Subject"] = plan.subject
    msg["Date"] = format_datetime(sent.astimezone(SHANGHAI))
    msg["Message-ID"] = message_id
    msg["Received"] = (f"from mail.{school.domain} (unknown [10.{plan.seed % 250}.3.7]) by mx.163.com "
                       f"with ESMTP; {format_datetime(received)}")
    body = rng.choice(BODIES).format(school=school.name, contact=plan.contact, phone=plan.phone)
    msg.set_content(body or "请查收。")
    for filename, mime, data in files:
        main, sub = mime.split("/")
        msg.add_attachment(data, maintype=main, subtype=sub, filename=filename)
    msg.set_boundary(f"=othergen-{plan.seed}=")
    return msg.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"), message_id
