"""A letter exported from Word to PDF (reportlab with an embedded CJK TrueType font, so it has a real
text layer): title, salutation, intro, the changes as numbered prose or a ruled table, the closing and
typed sign-off — and, appended as the last page, the signed and sealed approval sheet as a scan."""

from __future__ import annotations

import io
import random

import numpy as np
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.deskgen import content
from tests.deskgen.families import CLOSINGS, INTROS, REASONS, SALUTATIONS, TITLES
from tests.deskgen.plan import FIELD_NAMES, Plan

_FONTS = {"DGSong": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
          "DGHei": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
          "DGZenHei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0)}


def _register() -> None:
    for name, (path, index) in _FONTS.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))


def _wrap(text: str, font: str, size: float, width: float, indent: float) -> list[str]:
    lines, line, avail = [], "", width - indent
    for ch in text:
        if pdfmetrics.stringWidth(line + ch, font, size) > avail and line and ch not in "，。、；：）”》":
            lines.append(line)
            line, avail = "", width
        line += ch
    return lines + ([line] if line else [])


def born_digital_letter(plan: Plan, rng: random.Random, scan: np.ndarray) -> bytes:
    _register()
    body = rng.choice(("DGSong", "DGSong", "DGHei"))
    size = rng.choice((12.0, 14.0, 15.0, 16.0))
    lead = size * rng.uniform(1.5, 1.8)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(f"{plan.doc_unit}证书申报调整申请")
    c.setAuthor(rng.choice(("Administrator", "jwc", "User", "微软用户")))
    c.setCreator("Microsoft® Word 2016")
    left, top = rng.uniform(25, 32) * mm, A4[1] - rng.uniform(25, 35) * mm
    width = A4[0] - 2 * left
    y = top

    def line(text: str, font: str = body, fsize: float = size, x: float | None = None,
             align: str = "left", color: tuple[float, float, float] = (0, 0, 0)) -> None:
        nonlocal y
        if y < 25 * mm:
            c.showPage()
            y = top
        c.setFillColorRGB(*color)
        c.setFont(font, fsize)
        if align == "center":
            c.drawCentredString(A4[0] / 2, y, text)
        elif align == "right":
            c.drawRightString(left + width, y, text)
        else:
            c.drawString(left if x is None else x, y, text)
        y -= fsize * (lead / size)

    def para(text: str, indent: float = 2.0) -> None:
        for i, ln in enumerate(_wrap(text, body, size, width, indent * size)):
            line(ln, x=left + (indent * size if i == 0 else 0))

    if rng.random() < 0.4:
        line(plan.school.name, "DGZenHei", size + 10, align="center", color=(0.85, 0.1, 0.12))
        c.setStrokeColorRGB(0.85, 0.1, 0.12)
        c.setLineWidth(1.6)
        c.line(left - 5 * mm, y + size * 0.6, left + width + 5 * mm, y + size * 0.6)
        y -= size
    line(rng.choice(TITLES).format(unit=plan.doc_unit), "DGHei", size + 4, align="center")
    y -= size * 0.5
    line(rng.choice(SALUTATIONS))
    para(rng.choice(INTROS).format(reason=rng.choice(REASONS)))
    if rng.random() < 0.55:
        for text in content.numbered([content.prose(ch, rng) for ch in plan.changes], rng):
            para(text)
    else:
        y = _table(c, plan, rng, body, size - 2, left, width, y)
    para(rng.choice(CLOSINGS))
    y -= lead
    line(f"申请单位：{plan.doc_unit}", align="right")
    line(content.date_text(plan.letter_date, rng, hand=False), align="right")
    y -= lead * 0.5
    line(f"联系人：{plan.contact}  电话：{plan.phone}", fsize=size - 2)
    c.showPage()
    # the scanned approval sheet as the last page
    image = Image.fromarray(scan)
    c.drawImage(ImageReader(_jpeg_image(image)), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return buf.getvalue()


def _jpeg_image(image: Image.Image) -> Image.Image:
    out = io.BytesIO()
    image = image.convert("L" if image.mode in ("L", "1") else "RGB")
    if max(image.size) > 1800:
        image = image.resize((image.width * 1800 // max(image.size), image.height * 1800 // max(image.size)))
    image.save(out, "JPEG", quality=55)
    out.seek(0)
    return Image.open(out)


def _table(c: canvas.Canvas, plan: Plan, rng: random.Random, font: str, size: float, left: float, width: float,
           y: float) -> float:
    """A ruled change table drawn with lines and strings, one row per changed field."""
    header = ["序号", "证书名称", "调整事项", *rng.choice((("原申报内容", "调整后内容"), ("调整前", "调整后")))]
    fractions = [0.09, 0.37, 0.16, 0.19, 0.19]
    xs = [left]
    for f in fractions:
        xs.append(xs[-1] + f * width)
    rows = [header]
    for i, ch in enumerate(plan.changes, start=1):
        cert = ch.certificate + (f"（{ch.level}）" if ch.level_stated and ch.field != "level" else "")
        old, new = (f"{ch.old}人", f"{ch.new}人") if ch.field == "headcount" else (str(ch.old), str(ch.new))
        if ch.field == "major" and rng.random() < 0.4:
            old, new = f"{ch.old_code} {ch.old}", f"{ch.new_code} {ch.new}"
        rows.append([str(i), cert, FIELD_NAMES[ch.field], old, new])
    c.setLineWidth(0.6)
    c.setStrokeColorRGB(0, 0, 0)
    c.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(rows):
        wrapped = [_wrap(cell, font, size, xs[k + 1] - xs[k] - 6, 0) or [""] for k, cell in enumerate(row)]
        height = max(len(w) for w in wrapped) * size * 1.3 + size
        c.line(xs[0], y, xs[-1], y)
        for k, cell_lines in enumerate(wrapped):
            ty = y - size * 1.2
            for ln in cell_lines:
                c.setFont("DGHei" if r == 0 else font, size)
                c.drawCentredString((xs[k] + xs[k + 1]) / 2, ty, ln)
                ty -= size * 1.3
        for x in xs:
            c.line(x, y, x, y - height)
        y -= height
    c.line(xs[0], y, xs[-1], y)
    return y - size * 1.2
