"""The email around the documents: headers in the charsets Chinese mail uses, a short body, attachments
named in RFC 2231 or encoded words, and the Received trace that dates the arrival."""

from __future__ import annotations

import base64
import hashlib
import quopri
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.mime.application import MIMEApplication
from email.mime.base import MIMEBase
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.utils import format_datetime

OFFICE = "jsxzsbg@163.com"


@dataclass
class Attachment:
    filename: str
    data: bytes
    mime: str  # application/pdf, image/jpeg, image/png, image/tiff


def _encoded_words(text: str, charset: str, b: bool = True) -> str:
    """RFC 2047 words of at most 75 characters, split between characters, folded onto continuation lines."""
    words, chunk = [], ""
    for ch in text:
        trial = chunk + ch
        size = len(base64.b64encode(trial.encode(charset))) if b else len(quopri.encodestring(
            trial.encode(charset), header=True))
        if size + len(charset) + 7 > 75 and chunk:
            words.append(chunk)
            chunk = ch
        else:
            chunk = trial
    words.append(chunk)
    if b:
        out = [f"=?{charset}?B?{base64.b64encode(w.encode(charset)).decode()}?=" for w in words]
    else:
        out = [f"=?{charset}?Q?{quopri.encodestring(w.encode(charset), header=True).decode()}?=" for w in words]
    return "\n ".join(out)


def _header(text: str, charset: str, rng: random.Random) -> str:
    if charset == "utf-8":
        return _encoded_words(text, "utf-8", b=rng.random() < 0.6)
    return _encoded_words(text, rng.choice((charset.upper(), charset)))


def _body(text: str, charset: str, rng: random.Random, subtype: str = "plain") -> MIMEBase:
    part = MIMEBase("text", subtype)
    del part["MIME-Version"]
    part.replace_header("Content-Type", f'text/{subtype}; charset="{charset}"')
    data = text.replace("\n", "\r\n").encode(charset)
    if rng.random() < 0.5:
        part["Content-Transfer-Encoding"] = "base64"
        part.set_payload(base64.encodebytes(data).decode("ascii"))
    else:
        part["Content-Transfer-Encoding"] = "quoted-printable"
        part.set_payload(quopri.encodestring(data).decode("ascii"))
    return part


def _attach(att: Attachment, rng: random.Random, charset: str) -> MIMEBase:
    main, sub = att.mime.split("/")
    part: MIMEBase = MIMEImage(att.data, sub) if main == "image" else MIMEApplication(att.data, sub)
    style = rng.choice(("rfc2231", "encoded", "encoded-gb"))
    if style == "rfc2231":
        part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", att.filename))
        part.set_param("name", att.filename)
    else:
        cs = "utf-8" if style == "encoded" else charset if charset != "utf-8" else "gb18030"
        enc = _encoded_words(att.filename, cs)
        del part["Content-Type"]
        part["Content-Type"] = f'{att.mime}; name="{enc}"'
        part["Content-Disposition"] = f'attachment; filename="{enc}"'
    return part


def build(*, seed: int, sender_name: str, sender: str, subject: str, body: str, arrival: datetime,
          attachments: list[Attachment], rng: random.Random) -> tuple[bytes, str]:
    """The message's bytes and its Message-ID."""
    charset = rng.choice(("utf-8", "utf-8", "gb18030", "gbk"))
    msg = MIMEMultipart("mixed")
    if rng.random() < 0.35:
        alt = MIMEMultipart("alternative")
        alt.attach(_body(body, charset, rng))
        html = "<html><body>" + "".join(f"<p>{line}</p>" for line in body.split("\n") if line) + "</body></html>"
        alt.attach(_body(html, charset, rng, "html"))
        msg.attach(alt)
    else:
        msg.attach(_body(body, charset, rng))
    for att in attachments:
        msg.attach(_attach(att, rng, charset))
    digest = hashlib.sha1(f"plaingen{seed}".encode()).hexdigest()[:16]
    for n, part in enumerate(p for p in msg.walk() if p.is_multipart()):
        part.set_boundary(f"----=_Part_{n}_{digest}")
    sent = arrival - timedelta(seconds=rng.randint(3, 90))
    domain = sender.split("@")[1]
    message_id = f"<{sent.strftime('%Y%m%d%H%M%S')}.{digest}@{domain}>"
    headers = [
        ("Received", f"from mail.{domain} (unknown [58.{seed % 200}.{(seed * 7) % 250}.{(seed * 13) % 250}]) "
                     f"by mx.mail.163.com (Coremail)\n\twith SMTP id {digest.upper()[:12]};\n\t{format_datetime(arrival)}"),
        ("Received", f"from PC-{digest[:6].upper()} ([192.168.{seed % 250}.{(seed * 3) % 250}]) by mail.{domain} "
                     f"with ESMTPA;\n\t{format_datetime(sent)}"),
        ("From", f"{_header(sender_name, charset, rng)} <{sender}>"),
        ("To", f"{OFFICE}"),
        ("Subject", _header(subject, charset, rng)),
        ("Date", format_datetime(sent)),
        ("Message-ID", message_id),
        ("X-Mailer", rng.choice(("Foxmail 7.2.25.228[cn]", "Coremail Webmail Server Version 2023.1",
                                 "Microsoft Outlook 16.0", "QQMail 2.x"))),
    ]
    head = "".join(f"{key}: {value}\n" for key, value in headers)
    return head.encode("ascii") + msg.as_bytes(), message_id
