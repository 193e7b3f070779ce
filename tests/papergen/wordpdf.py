"""A Word-made request: born-digital PDF pages with a text layer (reportlab, embedded CJK TrueType font),
with the signed and sealed page appended as a scanned image."""

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

from tests.papergen import wording as W
from tests.papergen.plan import Plan

_FONTS = {"WQY": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
          "UMing": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
          "UKai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0)}


def _register() -> None:
    for name, (path, index) in _FONTS.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))


def _wrap(text: str, face: str, size: float, width: float) -> list[str]:
    lines, line = [], ""
    for ch in text:
        if pdfmetrics.stringWidth(line + ch, face, size) > width and line:
            lines.append(line)
            line = ""
        line += ch
    return lines + ([line] if line else [])


def build(plan: Plan, rng: random.Random, scanned: Image.Image, dpi: int) -> bytes:
    """The text-layer pages (title, letter, change table) and then `scanned` as the last page."""
    _register()
    face = rng.choice(["WQY", "UMing"])
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, pageCompression=1, invariant=1)
    c.setTitle(rng.choice(W.TITLES))
    c.setAuthor(plan.contact)
    c.setCreator("Microsoft® Word 2016")
    width, height = A4
    left, right = 28 * mm, width - 28 * mm
    y = height - 30 * mm
    c.setFont(face, 18)
    for line in _wrap(rng.choice(W.TITLES), face, 18, right - left):
        c.drawCentredString(width / 2, y, line)
        y -= 26
    size = rng.choice([12, 14])
    c.setFont(face, size)
    c.drawString(left, y, rng.choice(W.ADDRESSEE))
    y -= size * 1.8
    for line in _wrap("\u3000\u3000" + rng.choice(W.INTROS), face, size, right - left):
        c.drawString(left, y, line)
        y -= size * 1.7
    y -= 6
    headers, rows = _table_rows(rng, plan)
    ws = [0.6, 2.4, 1.3, 1.6, 1.6, 1.6][: len(headers)]
    cols = [(right - left + 20 * mm) * w / sum(ws) for w in ws]
    x0 = left - 10 * mm
    tsize = 10.5
    for row in [headers] + rows:
        wrapped = [_wrap(t, face, tsize, cw - 6) for t, cw in zip(row, cols, strict=True)]
        h = max(22, max(len(w) for w in wrapped) * tsize * 1.4 + 8)
        x = x0
        for cw, lines in zip(cols, wrapped, strict=True):
            c.rect(x, y - h, cw, h)
            ty = y - (h - len(lines) * tsize * 1.4) / 2 - tsize
            for line in lines:
                c.setFont(face, tsize)
                c.drawCentredString(x + cw / 2, ty, line)
                ty -= tsize * 1.4
            x += cw
        y -= h
    y -= size * 2
    c.setFont(face, size)
    c.drawString(left, y, "\u3000\u3000" + rng.choice(W.CLOSINGS))
    y -= size * 2.2
    c.drawString(left, y, rng.choice(["审批意见见下页。", "（审批页附后）", ""]))
    c.showPage()
    c.drawImage(ImageReader(scanned.convert("RGB")), 0, 0, width, height)
    c.showPage()
    c.save()
    return buf.getvalue()


def _table_rows(rng: random.Random, plan: Plan) -> tuple[list[str], list[list[str]]]:
    headers = rng.choice([["序号", "证书名称", "调整事项", "原申报内容", "调整后内容", "调整原因"],
                          ["序号", "证书名称（等级）", "调整项目", "调整前", "调整后", "备注"]])
    rows = []
    for k, change in enumerate(plan.changes, 1):
        with_level = change.field != "level" and change.level is not None
        rows.append([str(k), W.cert_label(rng, change, with_level=with_level), rng.choice(W.FIELD_LABELS[change.field]),
                     W.value_text(rng, change.field, change.old), W.value_text(rng, change.field, change.new),
                     W.reason(rng, change)])
    return headers, rows

