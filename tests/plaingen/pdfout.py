"""Born-digital pages (a real text layer, set with an embedded TrueType CJK face) plus a scanned page, in one PDF."""

from __future__ import annotations

import io
import random

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

_FACES = {"uming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
          "wqy": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0)}


def _register() -> None:
    for name, (path, index) in _FACES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))


def _wrap(text: str, face: str, size: float, width: float) -> list[str]:
    lines, line = [], ""
    for ch in text:
        if pdfmetrics.stringWidth(line + ch, face, size) > width and line and ch not in "，。、；：）”》":
            lines.append(line)
            line = ch
        else:
            line += ch
    return lines + ([line] if line else [])


def _letter(c: canvas.Canvas, lines: list[tuple[str, str]], face: str) -> None:
    w, h = A4
    x0, width, y = 28 * mm, w - 56 * mm, h - 32 * mm
    for kind, text in lines:
        if kind == "title":
            c.setFont(face, 17)
            c.drawCentredString(w / 2, y, text)
            y -= 12 * mm
        elif kind == "text":
            c.setFont(face, 12)
            c.drawString(x0, y, text)
            y -= 8 * mm
        elif kind == "para":
            c.setFont(face, 12)
            for i, line in enumerate(_wrap("\u3000\u3000" + text, face, 12, width)):
                c.drawString(x0, y, line)
                y -= 7.2 * mm if i >= 0 else 0
            y -= 1 * mm
        elif kind == "right":
            c.setFont(face, 12)
            c.drawRightString(x0 + width, y, text)
            y -= 8 * mm
        else:
            y -= 6 * mm


def _annex(c: canvas.Canvas, rows: list[list[str]], face: str) -> None:
    w, h = A4
    c.setFont(face, 12)
    c.drawString(22 * mm, h - 24 * mm, "附件")
    c.setFont(face, 15)
    c.drawCentredString(w / 2, h - 36 * mm, "2024年1+X证书申报调整明细表")
    widths = [v * mm for v in (12, 40, 22, 28, 28, 36)]
    x0, y = 20 * mm, h - 46 * mm
    size = 10
    for row in rows:
        wrapped = [_wrap(cell, face, size, cw - 3 * mm) or [""] for cell, cw in zip(row, widths, strict=True)]
        rh = max(9 * mm, max(len(x) for x in wrapped) * 4.8 * mm + 3 * mm)
        x = x0
        for lines, cw in zip(wrapped, widths, strict=True):
            c.rect(x, y - rh, cw, rh)
            ty = y - (rh - len(lines) * 4.8 * mm) / 2 - 3.6 * mm
            c.setFont(face, size)
            for line in lines:
                c.drawCentredString(x + cw / 2, ty, line)
                ty -= 4.8 * mm
            x += cw
        y -= rh


def merged_pdf(pages: list[dict], scanned: Image.Image, dpi: int, rng: random.Random) -> bytes:
    """Letter, annex (and 情况说明) as text pages; the scanned approval page last, as an image page."""
    _register()
    face = rng.choice(list(_FACES))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setAuthor("")
    for page in pages:
        if page["kind"] == "annex":
            _annex(c, page["rows"], face)
        else:
            _letter(c, page["lines"], face)
        c.showPage()
    jpeg = io.BytesIO()
    scanned.convert("RGB" if scanned.mode != "L" else "L").save(jpeg, "JPEG", quality=82)
    jpeg.seek(0)
    c.drawImage(ImageReader(jpeg), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return buf.getvalue()
