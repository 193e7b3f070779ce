"""A Word-made PDF: real text layer in 仿宋/宋体, signatures and a crisp e-seal as embedded images."""

from __future__ import annotations

import io
import random

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.officegen.blocks import POSITIVE, seal_images
from tests.officegen.draw import handwriting
from tests.officegen.families import NUMS, OFFICE, _intro, _title
from tests.officegen.plan import Plan
from tests.officegen.seals import name_stamp
from tests.officegen.wording import sentence

FONT = "OfficegenMing"
_registered = False


def _register() -> None:
    global _registered
    if not _registered:
        pdfmetrics.registerFont(TTFont(FONT, "/usr/share/fonts/truetype/arphic/uming.ttc", subfontIndex=0))
        _registered = True


def _image(c: canvas.Canvas, img: Image.Image, x: float, y: float, width: float) -> None:
    """Draw an RGBA ink image with (x, y) its centre, `width` points wide."""
    height = width * img.height / img.width
    buf = io.BytesIO()
    img.save(buf, "PNG")
    c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), x - width / 2, y - height / 2, width, height,
                mask="auto")


def _wrap(c: canvas.Canvas, text: str, x: float, y: float, width: float, size: float) -> float:
    line = "\u3000\u3000"
    for ch in text:
        if pdfmetrics.stringWidth(line + ch, FONT, size) > width:
            c.drawString(x, y, line)
            y -= size * 1.7
            line = ""
        line += ch
    c.drawString(x, y, line)
    return y - size * 1.7


def _approval(rng: random.Random, c: canvas.Canvas, plan: Plan, y: float) -> float:
    """Two rows `X意见： … 签字： …` with opinion text typed and a signature image (or not)."""
    rows = (("证书试点管理部门意见：", plan.department, plan.people["department"]),
            ("分管校领导意见：", plan.leader, plan.people["leader"]))
    for label, state, name in rows:
        c.setFont(FONT, 15)
        c.drawString(70, y, label)
        opinion = {"refused": "不同意", "read_only": "已阅"}.get(state, rng.choice(POSITIVE))
        c.drawString(70 + pdfmetrics.stringWidth(label, FONT, 15) + 6, y, opinion)
        c.drawString(340, y, "签字：")
        if state in ("signed", "refused", "read_only"):
            _image(c, handwriting(rng, name, 60, rng.choice(("blue", "black"))), 420, y + 5, 80)
        elif state == "name_stamp":
            _image(c, name_stamp(rng, name, 120), 400, y + 5, 40)
        elif state == "typed_name":
            c.drawString(385, y, name)
        m, d = plan.date
        c.drawString(470, y, f"2024年{m}月{d}日")
        y -= 52
    return y


def word_pdf(rng: random.Random, plan: Plan) -> bytes:
    """The whole request as one born-digital page; the e-seal is a crisp red image over the date."""
    _register()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(_title(rng))
    width, height = A4
    c.setFont(FONT, 21)
    c.drawCentredString(width / 2, height - 90, _title(rng))
    c.setFont(FONT, 15)
    y = height - 140
    c.drawString(70, y, OFFICE)
    y = _wrap(c, _intro(rng, plan), 70, y - 28, width - 140, 15)
    for i, change in enumerate(plan.changes):
        y = _wrap(c, f"{NUMS[i]}、{sentence(rng, change)}。", 70, y, width - 140, 15)
    y = _wrap(c, "特此申请。", 70, y, width - 140, 15)
    y = _approval(rng, c, plan, y - 20)
    m, d = plan.date
    c.setFont(FONT, 15)
    c.drawRightString(width - 80, y - 30, f"申请单位：{plan.school.name}")
    c.drawRightString(width - 80, y - 56, f"2024年{m}月{d}日")
    for i, seal in enumerate(seal_images(rng, plan, crisp=True)):
        _image(c, seal, width - 150 - i * 120, y - 40, 110)
    c.showPage()
    c.save()
    return buf.getvalue()
