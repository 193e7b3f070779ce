"""Wrap generated page images the way schools send them: image-only PDF, JPEG, and a whole .eml."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from PIL import Image


def to_pdf(images: list[Image.Image], dpi: int = 150) -> bytes:
    """An image-only PDF (no text layer), one page per image, as a scanner writes it."""
    buf = io.BytesIO()
    first, *rest = [im.convert("RGB") for im in images]
    first.save(buf, "PDF", resolution=float(dpi), save_all=True, append_images=rest)
    return buf.getvalue()


def to_jpeg(image: Image.Image, quality: int = 85) -> bytes:
    buf = io.BytesIO()
    image.convert("RGB").save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def to_eml(
    attachments: list[tuple[str, bytes]],
    *,
    school: str,
    sender: str = "jwc@school.example.cn",
    to: str = "jsxzsbg@163.com",
    subject: str | None = None,
    body: str | None = None,
    sent: datetime | None = None,
    message_id: str | None = None,
) -> bytes:
    """A request message carrying (filename, bytes) attachments; subject 单位名称+2024年证书申报调整申请.

    `message_id` fixes the Message-ID (a corpus joins its truth on it); by default a fresh one.
    """
    sent = sent or datetime(2024, 3, 12, 10, 30, tzinfo=timezone(timedelta(hours=8)))
    msg = EmailMessage()
    msg["From"] = f"{school} <{sender}>"
    msg["To"] = to
    msg["Subject"] = subject if subject is not None else f"{school}+2024年证书申报调整申请"
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = message_id or make_msgid(domain="school.example.cn")
    msg["Received"] = f"from mx.school.example.cn by mx.163.com; {format_datetime(sent)}"
    msg.set_content(body or f"您好！附件为{school}2024年证书申报调整申请扫描件，请审核。")
    for filename, data in attachments:
        maintype, subtype = _content_type(data)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes()


def _content_type(data: bytes) -> tuple[str, str]:
    if data.startswith(b"%PDF"):
        return "application", "pdf"
    if data.startswith(b"\xff\xd8"):
        return "image", "jpeg"
    if data.startswith(b"\x89PNG"):
        return "image", "png"
    return "application", "octet-stream"
