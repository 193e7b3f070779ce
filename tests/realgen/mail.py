"""The email around the scan, as real clients write it: Foxmail (GB18030), Coremail webmail (GBK/UTF-8),
QQ mail, Outlook (UTF-8), Thunderbird (RFC 2231 filenames). Built by hand so the bytes are deterministic."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import random
from email.utils import format_datetime

from tests.realgen.plan import Plan

SH = dt.timezone(dt.timedelta(hours=8))

CLIENTS = [
    ("foxmail", "gb18030", "Foxmail 7.2.25.228"),
    ("coremail", "gbk", "Coremail Webmail Server Version XT5.0.13 build 20230908(6a04d2be)"),
    ("coremail", "utf-8", "Coremail Webmail Server Version 2023.2-cmXT5 build 20231120(e3e8c8b7)"),
    ("qq", "gb18030", None),
    ("outlook", "utf-8", "Microsoft Outlook 16.0"),
    ("thunderbird", "utf-8", None),
]


def _b64_lines(data: bytes) -> str:
    text = base64.b64encode(data).decode("ascii")
    return "\r\n".join(text[i:i + 76] for i in range(0, len(text), 76))


def _ew(text: str, charset: str) -> str:
    """RFC 2047 B-encoded words, split so that no word exceeds ~60 bytes of payload."""
    words, chunk = [], ""
    for ch in text:
        if len((chunk + ch).encode(charset)) > 42:
            words.append(chunk)
            chunk = ch
        else:
            chunk += ch
    if chunk:
        words.append(chunk)
    return "\r\n ".join(f"=?{charset}?B?{base64.b64encode(w.encode(charset)).decode('ascii')}?=" for w in words)


def _rfc2231(name: str) -> str:
    from urllib.parse import quote
    return "UTF-8''" + quote(name, safe="")


def subject_for(plan: Plan, rng: random.Random) -> str:
    s = plan.school
    unit = s.alias if s.alias and rng.random() < 0.2 else s.name
    sep = rng.choices(["+", "＋", ""], [75, 15, 10])[0]
    return f"{unit}{sep}2024年证书申报调整申请"


def body_for(plan: Plan, rng: random.Random, n_att: int) -> str:
    s = plan.school.name
    greet = rng.choice(["省1+X办老师：", "郭老师、周老师：", "老师您好！", "省1+X办公室：", "您好："])
    line = rng.choice([f"附件是{s}2024年证书申报调整申请的扫描件，请审核。",
                       f"现将我{'院' if s.endswith('学院') else '校'}2024年1+X证书申报调整申请（已盖章）发送给您，请查收。",
                       "我校证书申报需要调整，申请表已经领导签字盖章，扫描件见附件，麻烦老师审核。"])
    if n_att > 1:
        line += f"共{n_att}张图片。"
    sig = f"{s}  {plan.contact}\r\n电话：{plan.phone}"
    thanks = rng.choice(["谢谢！", "辛苦了，谢谢！", "谢谢老师！"])
    return f"{greet}\r\n    {line}\r\n    {thanks}\r\n\r\n{sig}\r\n"


def build_message(plan: Plan, attachments: list[tuple[str, bytes, str]], rng: random.Random) -> tuple[bytes, str]:
    kind, charset, mailer = rng.choice(CLIENTS)
    sender = rng.choice(plan.school.emails)
    sent = plan.sent.replace(tzinfo=SH)
    received = sent + dt.timedelta(seconds=rng.randint(2, 40))
    digest = hashlib.sha1(f"{plan.seed}-{sender}".encode()).hexdigest()
    domain = sender.split("@")[1]
    if kind == "foxmail":
        mid = f"<{sent.strftime('%Y%m%d%H%M%S')}{digest[:6]}@{domain}>"
    elif kind == "qq":
        mid = f"<tencent_{digest[:24].upper()}@qq.com>"
    elif kind == "outlook":
        mid = f"<{digest[:8].upper()}{digest[8:12]}$@{domain}>".replace("$", "")
    else:
        mid = f"<{digest[:10]}.{plan.seed}.{digest[10:18]}@{domain}>"
    subject = subject_for(plan, rng)
    body = body_for(plan, rng, len(attachments))
    display = rng.choice([plan.contact, plan.school.name, "教务处", f"{plan.school.name}教务处", ""])
    boundary = f"----=_Part_{digest[:8]}_{plan.seed}" if kind != "foxmail" else f"----=_NextPart_{digest[:12].upper()}"
    shown = _ew(display, charset) + " " if display else ""
    ip = f"{58 + plan.seed % 150}.{rng.randint(1, 254)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}"
    h = [f"Received: from mail.{domain} (unknown [{ip}])\r\n\tby mx{rng.randint(1, 9)}.163.com (Coremail) with SMTP id "
         f"{base64.b64encode(bytes.fromhex(digest[:24])).decode()[:16]};\r\n\t{format_datetime(received)} (CST)",
         f"Received: from {kind}-pc ([{rng.randint(10, 192)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}."
         f"{rng.randint(1, 254)}])\r\n\tby mail.{domain}; {format_datetime(sent - dt.timedelta(seconds=1))}",
         f"Date: {format_datetime(sent)}",
         f"From: {shown}<{sender}>",
         "To: \"jsxzsbg\" <jsxzsbg@163.com>" if rng.random() < 0.6 else "To: jsxzsbg@163.com",
         f"Subject: {_ew(subject, charset)}",
         f"Message-ID: {mid}",
         "MIME-Version: 1.0"]
    if mailer:
        h.append(f"X-Mailer: {mailer}")
    if kind == "qq":
        h.append(f"X-QQ-mid: xmsezb{digest[:20]}")
    h.append(f"Content-Type: multipart/mixed;\r\n\tboundary=\"{boundary}\"")
    parts = []
    text = ("Content-Type: text/plain; charset=\"" + charset + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + _b64_lines(body.encode(charset)))
    if kind in ("coremail", "qq", "outlook"):
        alt = f"{boundary}_alt"
        html = "<div>" + body.replace("\r\n", "<br>") + "</div>"
        text = (f"Content-Type: multipart/alternative;\r\n\tboundary=\"{alt}\"\r\n\r\n--{alt}\r\n{text}\r\n--{alt}\r\n"
                f"Content-Type: text/html; charset=\"{charset}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                f"{_b64_lines(html.encode(charset))}\r\n--{alt}--")
    parts.append(text)
    for name, data, mime in attachments:
        if kind == "thunderbird":
            disp = f"Content-Type: {mime};\r\n name*={_rfc2231(name)}\r\nContent-Disposition: attachment;\r\n " \
                   f"filename*={_rfc2231(name)}"
        else:
            enc = _ew(name, charset)
            disp = f"Content-Type: {mime};\r\n\tname=\"{enc}\"\r\nContent-Disposition: attachment;\r\n\t" \
                   f"filename=\"{enc}\""
        parts.append(f"{disp}\r\nContent-Transfer-Encoding: base64\r\n\r\n{_b64_lines(data)}")
    msg = "\r\n".join(h) + "\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n"
    msg += "".join(f"--{boundary}\r\n{p}\r\n\r\n" for p in parts) + f"--{boundary}--\r\n"
    return msg.encode("ascii"), mid
