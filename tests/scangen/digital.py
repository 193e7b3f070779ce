"""Born-digital requests: the letter typeset straight into a PDF with a real CJK text layer.

Offices export such letters from Word or WPS and paste a seal image (e-seal) and a
signature image; nothing is scanned. Layout follows render.py in points on A4.
"""

from __future__ import annotations

import io
import random

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from .ink import draw_hand_signature, draw_pasted_signature, draw_seal
from .tables import item_mark, prose_sentence, table_rows
from .truth import ApprovalTruth, Truth

FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
FONT = "WQYZenHei"
MARGIN, SIZE, LEADING = 62.0, 12.0, 21.0
CELL_SIZE = 10.5  # 五号, what offices set tables in


class _Pen:
    """Writes wrapped lines down an A4 canvas, starting a new page when the sheet is full."""

    def __init__(self, pdf: canvas.Canvas) -> None:
        self.pdf, self.y = pdf, A4[1] - MARGIN

    def text(self, x: float, text: str, *, anchor: str = "left", size: float = SIZE) -> None:
        self.pdf.setFont(FONT, size)
        draw = {"left": self.pdf.drawString, "centre": self.pdf.drawCentredString}.get(anchor)
        (draw or self.pdf.drawRightString)(x, self.y, text)

    def paragraph(self, text: str, indent: bool = True) -> None:
        width, x, line = A4[0] - 2 * MARGIN, MARGIN + (2 * SIZE if indent else 0), ""
        for ch in text:
            if pdfmetrics.stringWidth(line + ch, FONT, SIZE) > width - (x - MARGIN):
                self.text(x, line)
                self.y -= LEADING
                x, line = MARGIN, ""
            line += ch
        self.text(x, line)
        self.y -= LEADING

    def image(self, image: Image.Image, x: float, y: float, height: float) -> None:
        width = height * image.width / image.height
        self.pdf.drawImage(ImageReader(image), x, y, width, height, mask="auto")

    def table(self, rows: list[list[str]]) -> None:
        """A ruled table, each cell wrapped to its column and centred."""
        weights = [0.6 if head == "序号" else 2.6 if "证书" in head else 1.3 for head in rows[0]]
        xs = [MARGIN]
        for weight in weights:
            xs.append(xs[-1] + (A4[0] - 2 * MARGIN) * weight / sum(weights))
        for row in rows:
            cells = [_wrap(cell, xs[i + 1] - xs[i] - 12) for i, cell in enumerate(row)]
            height = max(len(c) for c in cells) * LEADING * 0.8 + 10
            top = self.y
            for i, cell in enumerate(cells):
                self.y = top - (height - len(cell) * LEADING * 0.8) / 2 - CELL_SIZE
                for line in cell:
                    self.text((xs[i] + xs[i + 1]) / 2, line, anchor="centre", size=CELL_SIZE)
                    self.y -= LEADING * 0.8
            self.pdf.rect(MARGIN, top - height, xs[-1] - MARGIN, height)
            for x in xs[1:-1]:
                self.pdf.line(x, top, x, top - height)
            self.y = top - height
        self.y -= LEADING


def _wrap(text: str, width: float) -> list[str]:
    lines, line = [], ""
    for ch in text:
        if line and pdfmetrics.stringWidth(line + ch, FONT, CELL_SIZE) > width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line]


def digital_documents(truth: Truth, rng: random.Random) -> list[tuple[str, bytes]]:
    """(filename, PDF bytes): the letter, and 附件2 as its own PDF when the table is a second attachment."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, FONT_PATH, subfontIndex=0))
    letter, out = _canvas()
    pen = _Pen(letter)
    annexed = truth.layout != "prose" and truth.annex != "none"
    _letter(pen, truth, rng, annexed)
    if not annexed:
        letter.save()
        return [("调整申请.pdf", out.getvalue())]
    if truth.annex == "page":
        letter.showPage()
        _annex(_Pen(letter), truth, "附表")
        letter.save()
        return [("调整申请.pdf", out.getvalue())]
    letter.save()
    annex, annex_out = _canvas()
    _annex(_Pen(annex), truth, "附件2")
    annex.save()
    return [("调整申请.pdf", out.getvalue()), ("附件2 调整明细表.pdf", annex_out.getvalue())]


def _canvas() -> tuple[canvas.Canvas, io.BytesIO]:
    out = io.BytesIO()
    return canvas.Canvas(out, pagesize=A4, invariant=1), out


def _letter(pen: _Pen, truth: Truth, rng: random.Random, annexed: bool) -> None:
    pen.text(A4[0] / 2, f"{truth.applicant_unit}关于2024年证书申报调整的申请", anchor="centre", size=16)
    pen.y -= 2 * LEADING
    pen.paragraph("江苏省职业院校1+X证书制度试点工作办公室：", indent=False)
    pen.paragraph(f"申请单位：{truth.applicant_unit}", indent=False)
    pen.paragraph("我校已完成2024年度证书申报。因专业招生计划调整，现申请调整如下：")
    if truth.layout in ("prose", "prose_and_table"):
        for i, change in enumerate(truth.changes, 1):
            pen.paragraph(f"{item_mark(i, truth.numbering)}{prose_sentence(change, truth.prose_style)}。")
    if annexed:
        pen.paragraph("具体调整内容详见附表。" if truth.annex == "page" else "具体调整内容见附件2。")
    elif truth.layout != "prose":
        pen.table(table_rows(truth.changes, truth.layout))
    pen.paragraph("特此申请。")
    right = A4[0] - MARGIN
    pen.y -= LEADING
    if truth.seal:
        seal = draw_seal(truth.seal_text, 250, rng)
        pen.image(seal, right - 150, pen.y - 70, 120)
    for text in (truth.applicant_unit, truth.date):
        pen.text(right, text, anchor="right")
        pen.y -= LEADING
    pen.y -= LEADING
    for block in (truth.department, truth.leader):
        if block is not None:
            _approval(pen, block, truth.date, rng)


def _approval(pen: _Pen, block: ApprovalTruth, date: str, rng: random.Random) -> None:
    pen.text(MARGIN, f"{block.label}：{block.opinion}")
    pen.y -= LEADING * 1.8
    x = MARGIN + A4[0] * 0.3
    label = f"{block.sign_label}："
    pen.text(x, label)
    sx = x + pdfmetrics.stringWidth(label, FONT, SIZE) + 4
    if block.signature == "typed":
        pen.text(sx, block.signer)
    elif block.signature != "blank":
        if block.signature == "hand":
            ink = draw_hand_signature(block.signer, 60, rng, (25, 25, 35))
        else:
            ink = draw_pasted_signature(60, rng, (20, 40, 150))
        pen.image(ink, sx, pen.y - 8, 26)
    pen.text(A4[0] - MARGIN, date, anchor="right")
    pen.y -= LEADING * 2.5


def _annex(pen: _Pen, truth: Truth, heading: str) -> None:
    pen.paragraph(heading, indent=False)
    pen.text(A4[0] / 2, f"{truth.applicant_unit}2024年证书申报调整明细表", anchor="centre")
    pen.y -= 2 * LEADING
    pen.table(table_rows(truth.changes, truth.layout))
