"""The email a school sends: subject, sender, body, attachments, and the server's Received line."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr

from tests.kindgen.plan import Plan

BODIES = ["郭老师、周老师：\n    您好！附件是{school}2024年证书申报调整申请（盖章扫描件），请审核。\n\n{contact}\n{phone}",
          "省1+X办公室：\n附件为我校证书申报调整申请扫描件，烦请审核，谢谢！\n{school} {contact}",
          "老师您好，\n\n{school}证书申报调整申请已盖章，扫描件见附件。\n\n联系人：{contact}  电话：{phone}",
          "您好！我校申请调整2024年1+X证书申报信息，申请材料见附件，请查收。",
          "{school}2024年证书申报调整申请，见附件。"]
MAILERS = ["Coremail Webmail Server Version 2.0", "Microsoft Outlook 16.0", "Foxmail 7.2.25.228[cn]",
           "QQMail 2.x", "NetEase Flash Mail 2.4"]


def build_message(plan: Plan, attachments: list[tuple[str, bytes]], rng: random.Random) -> tuple[bytes, str]:
    school = plan.school
    domain = school.email.split("@")[1]
    sender = rng.choice([school.email, f"{rng.randint(10000000, 2999999999)}@qq.com",
                         f"jwc{rng.randint(1, 99)}@{domain}", f"x{rng.randint(1000, 9999)}@163.com"])
    mid = f"<kindgen.{plan.seed}.{hashlib.sha1(str(plan.seed).encode()).hexdigest()[:10]}@{sender.split('@')[1]}>"
    msg = MIMEMultipart("mixed", boundary=f"----=_Part_{plan.seed}_{rng.randint(10 ** 8, 10 ** 9)}.{rng.randint(10 ** 12, 10 ** 13)}")
    charset = "gb18030" if rng.random() < 0.25 else "utf-8"
    msg["Subject"] = Header(plan.subject, charset).encode()
    msg["From"] = formataddr((str(Header(plan.contact, charset)), sender))
    msg["To"] = "jsxzsbg@163.com"
    msg["Date"] = format_datetime(plan.sent)
    msg["Message-ID"] = mid
    msg["X-Mailer"] = rng.choice(MAILERS)
    arrival = plan.sent + dt.timedelta(seconds=rng.randint(2, 40))
    received = (f"from {domain} (unknown [58.{rng.randint(1, 250)}.{rng.randint(1, 250)}.{rng.randint(1, 250)}]) "
                f"by mx{rng.randint(1, 9)}.163.com (Coremail) with SMTP id {rng.randint(10 ** 9, 10 ** 10)}; "
                f"{format_datetime(arrival)}")
    body = rng.choice(BODIES).format(school=school.name, contact=plan.contact, phone=plan.phone)
    msg.attach(MIMEText(body, "plain", charset))
    for name, data in attachments:
        part = MIMEApplication(data, _subtype="octet-stream")
        part.add_header("Content-Disposition", "attachment", filename=(charset, "", name))
        msg.attach(part)
    raw = msg.as_bytes()
    return f"Received: {received}\r\n".encode() + raw, mid
