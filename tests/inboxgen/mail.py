"""The message as Chinese mail clients send it: GB18030/GBK/UTF-8 bodies, RFC 2047 (or RFC 2231) encoded
attachment names, Received headers stamped by the office's mail server at arrival."""

from __future__ import annotations

import base64
import hashlib
import random
from datetime import timedelta
from email import encoders
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime

from tests.inboxgen.plan import SHANGHAI, Plan

CLIENTS = (("Foxmail 7.2.25.228[cn]", "gb18030"), ("QQMail 2.x", "gb18030"), ("Coremail Webmail", "gbk"),
           ("Microsoft Outlook 16.0", "utf-8"), ("WPS邮箱", "utf-8"))


def _encoded_word(text: str, charset: str) -> str:
    return f"=?{charset.upper()}?B?{base64.b64encode(text.encode(charset)).decode()}?="


def build(plan: Plan, files: list[tuple[str, str, bytes]], rng: random.Random) -> tuple[bytes, str]:
    client, charset = rng.choice(CLIENTS)
    school = plan.school
    teacher = plan.contact
    sender = school.email if rng.random() < 0.6 else f"{rng.randint(10 ** 7, 10 ** 10)}@qq.com"
    digest = hashlib.sha1(f"inboxgen-{plan.seed}".encode()).hexdigest()
    msg = MIMEMultipart("mixed", boundary=f"----=_NextPart_{digest[:8]}_{digest[8:16]}")
    msg["From"] = f"{Header(teacher if rng.random() < 0.5 else school.short, charset).encode()} <{sender}>"
    msg["To"] = "jsxzsbg@163.com"
    msg["Subject"] = Header(plan.subject, charset).encode()
    sent = plan.arrival - timedelta(seconds=rng.randint(2, 40))
    msg["Date"] = format_datetime(sent if plan.arrival.utcoffset() else sent.astimezone(SHANGHAI))
    domain = sender.split("@")[1]
    message_id = f"<{digest[:20]}.{plan.seed}@{domain}>"
    msg["Message-ID"] = message_id
    msg["X-Mailer"] = client
    body = (f"郭老师、周老师：\n    您好！附件是{school.name}2024年证书申报调整申请的扫描件，已经学校证书试点管理部门和"
            f"分管校领导审核同意并加盖公章，请审核。\n    如有问题请联系{teacher}，电话{plan.phone}。\n\n"
            f"{school.name}\n{teacher}\n{plan.letter_date.month}月{plan.letter_date.day}日\n")
    if rng.random() < 0.4:
        alt = MIMEMultipart("alternative", boundary=f"----=_NextPart_{digest[16:24]}_alt")
        alt.attach(MIMEText(body, "plain", charset))
        html = "<html><body>" + "".join(f"<p>{line}</p>" for line in body.splitlines() if line.strip()) + \
            "</body></html>"
        alt.attach(MIMEText(html, "html", charset))
        msg.attach(alt)
    else:
        msg.attach(MIMEText(body, "plain", charset))
    naming = rng.choice(["rfc2047", "rfc2047", "rfc2231"])
    for filename, mime, data in files:
        main, sub = mime.split("/")
        part = MIMEBase(main, sub)
        part.set_payload(data)
        encoders.encode_base64(part)
        if naming == "rfc2047":
            word = _encoded_word(filename, charset)
            part.set_param("name", word)
            part["Content-Disposition"] = f'attachment; filename="{word}"'
        else:
            part.set_param("name", filename, charset="utf-8")
            part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", filename))
        msg.attach(part)
    for part in msg.walk():
        if part is not msg:
            del part["MIME-Version"]  # clients write it once, at the top
    received_at = format_datetime(plan.arrival)
    client_at = format_datetime(sent)
    text = msg.as_string()
    ip = f"{rng.randint(58, 222)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}"
    relay = f"smtp.{domain}" if domain in ("qq.com", "163.com", "126.com") else f"mail.{domain}"
    received = (f"Received: from {relay} (unknown [{ip}])\r\n\tby mx.163.com (Coremail) with SMTP id "
                f"{digest[20:32]}; {received_at}\r\n"
                f"Received: from [192.168.{rng.randint(0, 9)}.{rng.randint(2, 250)}] (unknown) by {relay} with ESMTPSA; {client_at}\r\n")
    head_body = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return (received + head_body).encode("ascii"), message_id
