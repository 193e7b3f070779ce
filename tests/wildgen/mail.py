"""The email around the scan, built by hand so the bytes are deterministic: several clients' habits
(GB18030 / GBK / UTF-8 bodies in base64 or quoted-printable, RFC 2047 B or Q words, RFC 2231 or raw
8-bit UTF-8 filenames, a Received chain whose top hop is sometimes written in +0000)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import quopri
import random
from email.utils import format_datetime
from urllib.parse import quote

from tests.wildgen.plan import Plan

# (name, charset, body transfer encoding, filename style, X-Mailer)
CLIENTS = [
    ("foxmail", "gb18030", "base64", "b", "Foxmail 7.2.25.375[cn]"),
    ("qqmail", "gb18030", "base64", "b", None),
    ("coremail", "gbk", "base64", "b", "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)"),
    ("163web", "utf-8", "base64", "b", "Coremail Webmail Server Version 2023.3-cmXT build 20240222(a8c1e0c7)"),
    ("outlook", "utf-8", "quoted-printable", "q", "Microsoft Outlook 16.0"),
    ("applemail", "utf-8", "quoted-printable", "2231", "iPhone Mail (21D61)"),
    ("android", "utf-8", "base64", "raw", None),
    ("thunderbird", "gb18030", "base64", "2231", None),
]


def _b64(data: bytes, width: int = 76) -> str:
    text = base64.b64encode(data).decode("ascii")
    return "\r\n".join(text[i:i + width] for i in range(0, len(text), width))


def _words(text: str, charset: str, mode: str) -> str:
    """RFC 2047 encoded words (B or Q), each under the line limit, folded."""
    chunks, cur = [], ""
    for ch in text:
        if len((cur + ch).encode(charset)) > 36:
            chunks.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        chunks.append(cur)
    out = []
    for c in chunks:
        raw = c.encode(charset)
        if mode == "q":
            enc = "".join(chr(b) if (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122) else
                          "_" if b == 32 else f"={b:02X}" for b in raw)
            out.append(f"=?{charset}?Q?{enc}?=")
        else:
            out.append(f"=?{charset}?B?{base64.b64encode(raw).decode('ascii')}?=")
    return "\r\n ".join(out)


def _body(plan: Plan, rng: random.Random) -> str:
    s = plan.school.name
    greet = rng.choice(["郭老师、周老师：", "省1+X办老师：", "尊敬的老师：", "您好！", "省1+X证书制度试点工作办公室："])
    line = rng.choice([f"附件为{s}2024年证书申报调整申请扫描件（已盖章），请审核。",
                       "我校需要对已申报的证书进行调整，申请已经部门和分管领导签字并盖章，扫描件见附件。",
                       f"现将{s}关于1+X证书申报调整的申请发送给您，烦请审核，谢谢！"])
    sig = rng.choice([f"{s}教务处 {plan.contact}", f"{plan.contact}\r\n{s}", f"--\r\n{plan.contact}（{s}）"])
    tail = "\r\n\r\n发自我的手机" if rng.random() < 0.15 else ""
    return f"{greet}\r\n    {line}\r\n    谢谢！\r\n\r\n{sig}\r\n电话：{plan.phone}{tail}\r\n"


def _encode_body(text: str, charset: str, cte: str) -> str:
    raw = text.encode(charset)
    if cte == "base64":
        return _b64(raw)
    return quopri.encodestring(raw.replace(b"\r\n", b"\n")).decode("ascii").replace("\n", "\r\n")


def _filename_headers(name: str, mime: str, style: str, charset: str) -> str:
    if style == "2231":
        v = "UTF-8''" + quote(name, safe="")
        return f"Content-Type: {mime};\r\n name*={v}\r\nContent-Disposition: attachment;\r\n filename*={v}"
    if style == "raw":           # 8-bit UTF-8 straight in the header, as some Android clients send
        return f"Content-Type: {mime}; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\""
    enc = _words(name, charset, "q" if style == "q" else "b")
    return f"Content-Type: {mime};\r\n\tname=\"{enc}\"\r\nContent-Disposition: attachment;\r\n\tfilename=\"{enc}\""


def build_message(plan: Plan, attachments: list[tuple[str, bytes, str]], rng: random.Random) -> tuple[bytes, str]:
    client, charset, cte, fstyle, mailer = rng.choice(CLIENTS)
    sender = rng.choice(plan.school.emails)
    domain = sender.split("@")[1]
    sent = plan.sent
    received = sent + dt.timedelta(seconds=rng.randint(3, 40))
    digest = hashlib.sha256(f"wildgen-{plan.seed}-{sender}".encode()).hexdigest()
    if client == "qqmail":
        mid = f"<tencent_{digest[:32].upper()}@qq.com>"
    elif client == "foxmail":
        mid = f"<{sent.strftime('%Y%m%d%H%M%S')}{digest[:8]}@{domain}>"
    elif client == "outlook":
        mid = f"<{digest[:12].upper()}$${digest[12:20].upper()}@{domain}>".replace("$$", "")
    elif client == "applemail":
        mid = f"<{digest[:8].upper()}-{digest[8:12].upper()}-{digest[12:16].upper()}-{digest[16:28].upper()}@{domain}>"
    else:
        mid = f"<{digest[:6]}.{plan.seed}.{digest[6:22]}@{domain}>"
    utc_top = rng.random() < 0.35
    top = received.astimezone(dt.UTC) if utc_top else received
    ip = f"{rng.choice([58, 61, 112, 114, 180, 218, 221])}.{rng.randint(1, 254)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}"
    h = [f"Received: from mail.{domain} (unknown [{ip}])\r\n\tby mx{rng.randint(1, 12)}.mail.163.com (Coremail) with SMTP id "
         f"{base64.b64encode(bytes.fromhex(digest[:18])).decode()};\r\n\t{format_datetime(top)}",
         f"Received: from [{rng.choice(['10', '192.168', '172.16'])}.{rng.randint(0, 254)}.{rng.randint(1, 254)}] "
         f"(unknown [{ip}])\r\n\tby mail.{domain} with ESMTPA; {format_datetime(sent)}",
         f"Date: {format_datetime(sent)}"]
    display = rng.choice([plan.contact, f"{plan.school.name}教务处", "教务处", plan.school.name, ""])
    h.append(f"From: {_words(display, charset, 'b')} <{sender}>" if display else f"From: {sender}")
    h.append(rng.choice(["To: jsxzsbg@163.com", "To: \"jsxzsbg\" <jsxzsbg@163.com>",
                         f"To: {_words('省1+X办', charset, 'b')} <jsxzsbg@163.com>"]))
    h.append(f"Subject: {_words(plan.subject, charset, 'q' if fstyle == 'q' else 'b')}")
    h.append(f"Message-ID: {mid}")
    h.append("MIME-Version: 1.0")
    if mailer:
        h.append(f"X-Mailer: {mailer}")
    if client == "foxmail":
        h.append("X-Priority: 3\r\nX-Has-Attach: yes")
    boundary = f"----=_Part_{digest[30:42]}_{plan.seed % 100000}"
    h.append(f"Content-Type: multipart/mixed;\r\n\tboundary=\"{boundary}\"")
    body = _body(plan, rng)
    text_part = (f"Content-Type: text/plain; charset=\"{charset}\"\r\nContent-Transfer-Encoding: {cte}\r\n\r\n"
                 + _encode_body(body, charset, cte))
    if client in ("qqmail", "163web", "outlook", "coremail"):
        alt = f"{boundary}_alt"
        html = "<html><body><div style=\"font-family:微软雅黑\">" + body.replace("\r\n", "<br>\r\n") + "</div></body></html>"
        text_part = (f"Content-Type: multipart/alternative;\r\n\tboundary=\"{alt}\"\r\n\r\n--{alt}\r\n{text_part}\r\n"
                     f"--{alt}\r\nContent-Type: text/html; charset=\"{charset}\"\r\nContent-Transfer-Encoding: {cte}"
                     f"\r\n\r\n{_encode_body(html, charset, cte)}\r\n--{alt}--")
    parts = [text_part]
    width = 76 if client != "outlook" else 72
    for name, data, mime in attachments:
        parts.append(f"{_filename_headers(name, mime, fstyle, charset)}\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                     f"{_b64(data, width)}")
    msg = "\r\n".join(h) + "\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n"
    msg += "".join(f"--{boundary}\r\n{p}\r\n\r\n" for p in parts) + f"--{boundary}--\r\n"
    return msg.encode("utf-8"), mid
