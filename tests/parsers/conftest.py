"""Builders for the documents the parser tests feed in: all generated in code, deterministic."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image, ImageDraw

CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
APPLICATION_TEXT = [
    "南京工业职业技术大学2024年证书申报调整申请",
    "申请单位：南京工业职业技术大学",
    "证书名称：Web前端开发 考核等级由初级调整为中级",
    "证书试点管理部门意见：同意调整",
    "校级分管领导意见：同意",
]


def scan_image(width: int = 1240, height: int = 1754, colour: str = "white") -> Image.Image:
    """A page-like RGB image with a dark bar, so orientation can be checked."""
    image = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width - 1, height // 10), fill="black")  # the "top" of the page
    return image


def image_bytes(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, **options)
    return out.getvalue()


def text_pdf(lines: list[str] | None = None, pages: int = 1) -> bytes:
    """A born-digital PDF with a CJK text layer, made with reportlab."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(CJK_FONT), subfontIndex=0))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=1)
    for _ in range(pages):
        pdf.setFont("WQY", 14)
        y = A4[1] - 72
        for line in lines or APPLICATION_TEXT:
            pdf.drawString(72, y, line)
            y -= 28
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def scanned_pdf(pages: int = 2) -> bytes:
    """An image-only PDF, as a scanner writes it."""
    images = [scan_image(827, 1169) for _ in range(pages)]
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=100)
    return out.getvalue()


def encrypted_pdf(user_password: str, owner_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf())))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.fixture(scope="session")
def text_pdf_bytes() -> bytes:
    return text_pdf()


@pytest.fixture(scope="session")
def scanned_pdf_bytes() -> bytes:
    return scanned_pdf()


@pytest.fixture(scope="session")
def jpeg_scan() -> bytes:
    return image_bytes(scan_image(), "JPEG", quality=80)


@pytest.fixture(scope="session")
def build() -> SimpleNamespace:
    """The builders above, for tests (test modules cannot import conftest reliably)."""
    return SimpleNamespace(
        scan_image=scan_image,
        image_bytes=image_bytes,
        text_pdf=text_pdf,
        scanned_pdf=scanned_pdf,
        encrypted_pdf=encrypted_pdf,
        zip_bytes=zip_bytes,
    )
