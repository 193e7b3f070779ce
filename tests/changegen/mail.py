"""The request email: subject `单位名称+2024年证书申报调整申请`, dates in the window, attachments."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime

from tests.changegen.registry import School

CST = timezone(timedelta(hours=8))
SENDER_NAMES = ["教务处", "教务处 1+X办", "质量管理办公室", "1+X证书试点办公室", "张老师", "教务科"]
BODIES = [
    "省1+X办公室老师：\n\n您好！附件为我校2024年证书申报调整申请扫描件，请审核。\n\n{school}\n教务处",
    "老师您好：\n  我校2024年1+X证书申报需要调整，申请材料（已盖章）见附件，烦请查收。谢谢！\n{school}",
    "您好，附件是{school}的证书申报调整申请，请查收。",
    "省1+X办：\n    现将我校证书申报调整申请扫描件发送给您，请予审核。联系人：{contact}，电话：{phone}。\n{school}",
]
SUBTYPES = {"pdf": ("application", "pdf"), "jpeg": ("image", "jpeg"), "png": ("image", "png"),
            "tiff": ("image", "tiff")}


def build(school: School, attachments: list[tuple[str, str, bytes]], rng: random.Random, *, day: int,
          index: int, seed: int) -> tuple[bytes, str]:
    """The message as bytes, and its Message-ID; attachments are (filename, kind, data)."""
    charset = rng.choice(["utf-8", "utf-8", "gbk", "gb18030"])
    sent = datetime(2024, 3, day, rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59), tzinfo=CST)
    received = sent + timedelta(seconds=rng.randint(2, 90))
    msg = MIMEMultipart("mixed", boundary=f"----=_Part_{seed}_{rng.randrange(16**10):010x}")
    msg["Subject"] = Header(f"{school.name}+2024年证书申报调整申请", charset)
    local = school.email.split("@")[0]
    msg["From"] = f"{Header(rng.choice(SENDER_NAMES), charset).encode()} <{local}@{school.domain}>"
    msg["To"] = "jsxzsbg@163.com"
    msg["Date"] = format_datetime(sent)
    message_id = f"<{seed}.{rng.randrange(16**8):08x}@{school.domain}>"
    msg["Message-ID"] = message_id
    msg["X-Mailer"] = rng.choice(["Coremail Webmail Server", "Foxmail 7.2.25", "Microsoft Outlook 16.0"])
    body = rng.choice(BODIES).format(school=school.name, contact=rng.choice(["王老师", "李老师", "陈老师"]),
                                     phone=f"0{rng.randint(510, 527)}-{rng.randint(80000000, 89999999)}")
    msg.attach(MIMEText(body, "plain", charset))
    for name, kind, data in attachments:
        maintype, subtype = SUBTYPES[kind]
        part = (MIMEApplication(data, subtype) if maintype == "application" else MIMEImage(data, subtype))
        if rng.random() < 0.5:
            part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", name))
        else:
            part.add_header("Content-Disposition", "attachment", filename=Header(name, "utf-8").encode())
        msg.attach(part)
    stamp = format_datetime(received)
    received_line = (f"from mail.{school.domain} (unknown [58.{rng.randint(192, 223)}.{rng.randint(0, 255)}."
                     f"{rng.randint(1, 254)}])\r\n\tby mx.jsxzsbg.example with SMTP id {index:04d}{seed % 997:03d};"
                     f"\r\n\t{stamp}")
    text = msg.as_bytes()
    return b"Received: " + received_line.encode("ascii") + b"\r\n" + text, message_id
