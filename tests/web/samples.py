"""Small sample files for web tests: a page preview, a crop and a raw message."""

from __future__ import annotations

import io
from email.message import EmailMessage

from PIL import Image, ImageDraw


def page_jpeg(width: int = 600, height: int = 848) -> bytes:
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((380, 560, 540, 720), outline=(220, 30, 30), width=8)
    draw.line((80, 640, 300, 660), fill=(0, 0, 0), width=3)
    for y in range(80, 500, 40):
        draw.line((60, y, 540, y), fill=(160, 160, 160), width=2)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=70)
    return out.getvalue()


def crop_png(colour: tuple[int, int, int] = (220, 30, 30)) -> bytes:
    image = Image.new("RGB", (160, 160), "white")
    ImageDraw.Draw(image).ellipse((8, 8, 152, 152), outline=colour, width=8)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def approval_png() -> bytes:
    """An opinion block as the approvals reader crops it: wide and low (1,400 × 240 px), a scribbled name."""
    image = Image.new("RGB", (1400, 240), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((4, 4, 1395, 235), outline=(60, 60, 60), width=3)
    draw.line((900, 150, 960, 90, 1010, 170, 1080, 100, 1150, 160), fill=(20, 20, 20), width=7)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def raw_message(*, subject: str, sender: str, message_id: str, attachment: tuple[str, bytes] | None) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "jsxzsbg@163.com"
    message["Subject"] = subject
    message["Message-ID"] = message_id
    message["Date"] = "Tue, 05 Mar 2024 10:00:00 +0800"
    message.set_content("您好，附件为我校申报调整申请，请审核。<b>不是 HTML</b>")
    if attachment:
        message.add_attachment(attachment[1], maintype="application", subtype="pdf", filename=attachment[0])
    return message.as_bytes()
