"""Typesets a request letter from its ground truth onto a clean A4 page at 150 dpi."""

from __future__ import annotations

import random

from PIL import Image, ImageDraw, ImageFont

from .ink import draw_hand_signature, draw_pasted_signature, draw_seal, stamp
from .tables import draw_changes_table, item_mark, prose_sentence
from .truth import ApprovalTruth, Truth

PAGE = (1240, 1754)  # A4 at 150 dpi
MARGIN = 130
FONTS = {
    "serif": "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "sans": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "wqy": "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
}
# Faces drawn only for varied letters, so the classic seeds keep their pages.
MORE_FONTS = {
    "microhei": "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "uming": "/usr/share/fonts/truetype/arphic/uming.ttc",
}
BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"


class Writer:
    """A cursor that writes wrapped lines down the page and remembers what it wrote."""

    def __init__(self, page: Image.Image, font: ImageFont.FreeTypeFont, size: int) -> None:
        self.page, self.draw, self.font, self.size = page, ImageDraw.Draw(page), font, size
        self.y = MARGIN
        self.lines: list[str] = []
        self.top = self.bottom = 0

    def paragraph(self, text: str, indent: bool = True, record: bool = True) -> None:
        width = PAGE[0] - 2 * MARGIN
        line, x0 = "", MARGIN + (2 * self.size if indent else 0)
        for ch in text:
            if self.draw.textlength(line + ch, font=self.font) > width - (x0 - MARGIN):
                self._emit(line, x0, record)
                line, x0 = "", MARGIN
            line += ch
        self._emit(line, x0, record)

    def _emit(self, line: str, x: int, record: bool) -> None:
        self.draw.text((x, self.y), line, font=self.font, fill=(15, 15, 15))
        if record:
            self.top = self.top or self.y
            self.bottom = self.y + self.size
            self.lines.append(line)
        self.y += int(self.size * 1.75)


def render_letter(truth: Truth, rng: random.Random) -> list[Image.Image]:
    """Draw the letter, and its annex page when the table is annexed; fills `truth.body_lines`
    and `truth.body_box` (clean-page pixels of the first page).

    A letter that would run off the page is set again in a smaller size, as a clerk would.
    """
    size, face = rng.randint(24, 28), rng.choice(list(FONTS))
    path = {**FONTS, **MORE_FONTS}[truth.font or face]
    state = rng.getstate()
    while True:
        rng.setstate(state)
        page, bottom = _typeset(truth, rng, ImageFont.truetype(path, size), size)
        if bottom < PAGE[1] - 40 or size <= 18:
            break
        size -= 2
    if truth.annex == "none" or truth.layout == "prose":
        return [page]
    return [page, _annex_page(truth, ImageFont.truetype(path, size), size)]


def _annex_page(truth: Truth, font: ImageFont.FreeTypeFont, size: int) -> Image.Image:
    """附表 on a second page of the letter, or 附件2 as a document of its own."""
    page = Image.new("RGB", PAGE, (255, 255, 255))
    w = Writer(page, font, size)
    w.paragraph("附表" if truth.annex == "page" else "附件2", indent=False, record=False)
    title = f"{truth.applicant_unit}2024年证书申报调整明细表"
    w.draw.text((PAGE[0] / 2, w.y), title, font=font, fill=(10, 10, 10), anchor="ma")
    w.y += int(size * 2)
    draw_changes_table(
        w.draw, font, size, truth.changes, w.y, MARGIN, PAGE[0] - MARGIN, truth.layout, truth.ruling
    )
    return page


def _typeset(
    truth: Truth, rng: random.Random, font: ImageFont.FreeTypeFont, size: int
) -> tuple[Image.Image, int]:
    page = Image.new("RGB", PAGE, (255, 255, 255))
    w = Writer(page, font, size)
    title = f"{truth.applicant_unit}关于2024年证书申报调整的申请"
    title_font = ImageFont.truetype(BOLD, 36 if len(title) < 26 else 30)
    w.draw.text((PAGE[0] / 2, w.y), title, font=title_font, fill=(10, 10, 10), anchor="ma")
    w.y += 80
    w.paragraph("江苏省职业院校1+X证书制度试点工作办公室：", indent=False, record=False)
    w.paragraph(f"申请单位：{truth.applicant_unit}", indent=False, record=False)
    intro = (
        "我校已于3月在职业技能等级证书信息管理服务平台完成2024年度证书申报。"
        "因专业招生计划调整，经学校证书试点管理部门和校级分管领导同意，现申请调整如下："
    )
    w.paragraph(intro)
    if truth.layout in ("prose", "prose_and_table"):
        for i, change in enumerate(truth.changes, 1):
            w.paragraph(f"{item_mark(i, truth.numbering)}{prose_sentence(change, truth.prose_style)}。")
    annexed = truth.layout != "prose" and truth.annex != "none"
    if annexed:
        w.paragraph("具体调整内容详见附表。" if truth.annex == "page" else "具体调整内容见附件2。")
    truth.body_lines = list(w.lines)
    truth.body_box = (MARGIN - 5, w.top - 5, PAGE[0] - MARGIN + 5, w.bottom + 5)
    if truth.layout != "prose" and not annexed:
        w.y = draw_changes_table(
            w.draw, font, size, truth.changes, w.y + 10, MARGIN, PAGE[0] - MARGIN, truth.layout, truth.ruling
        )
    w.paragraph("特此申请。", record=False)
    w.y += size
    seal_anchor = _sign_off(w, truth)
    _approval_blocks(w, truth, rng)
    if truth.seal:
        diameter = rng.randint(230, 270)
        seal = draw_seal(truth.seal_text, diameter, rng)
        sx = seal_anchor[0] - diameter // 2 + rng.randint(-40, 40)
        sy = seal_anchor[1] - diameter // 2 + rng.randint(-30, 30)
        stamp(page, seal, (sx, min(sy, PAGE[1] - diameter - 20)))
    return page, w.y


def _sign_off(w: Writer, truth: Truth) -> tuple[int, int]:
    """Unit name and date at the right; returns where the seal's centre goes."""
    right = PAGE[0] - MARGIN
    y0 = w.y
    for text in (truth.applicant_unit, truth.date):
        w.draw.text((right, w.y), text, font=w.font, fill=(15, 15, 15), anchor="ra")
        w.y += int(w.size * 1.75)
    w.y += w.size
    return right - int(w.draw.textlength(truth.applicant_unit, font=w.font) / 2), y0 + w.size


def _approval_blocks(w: Writer, truth: Truth, rng: random.Random) -> None:
    blocks = [b for b in (truth.department, truth.leader) if b is not None]
    for block in blocks:
        if truth.block == "table":
            _table_block(w, block, truth.date, rng)
        else:
            _line_block(w, block, truth.date, rng)


def _line_block(w: Writer, block: ApprovalTruth, date: str, rng: random.Random) -> None:
    w.draw.text((MARGIN, w.y), f"{block.label}：{block.opinion}", font=w.font, fill=(15, 15, 15))
    w.y += int(w.size * 2.2)
    x = MARGIN + int(PAGE[0] * 0.3)
    label = f"{block.sign_label}："
    w.draw.text((x, w.y), label, font=w.font, fill=(15, 15, 15))
    sx = x + int(w.draw.textlength(label, font=w.font)) + 8
    _signature(w, block, (sx, w.y + w.size // 2), rng)
    w.draw.text((PAGE[0] - MARGIN, w.y), date, font=w.font, fill=(15, 15, 15), anchor="ra")
    w.y += int(w.size * 3.2)


def _table_block(w: Writer, block: ApprovalTruth, date: str, rng: random.Random) -> None:
    top, height = w.y, int(w.size * 6)
    split = MARGIN + int(w.size * 6.5)
    w.draw.rectangle((MARGIN, top, PAGE[0] - MARGIN, top + height), outline=(20, 20, 20), width=2)
    w.draw.line((split, top, split, top + height), fill=(20, 20, 20), width=2)
    label_lines = [block.label[:5], block.label[5:]] if len(block.label) > 6 else [block.label]
    for i, part in enumerate(label_lines):
        w.draw.text((MARGIN + 12, top + w.size * (1.6 + 1.5 * i)), part, font=w.font, fill=(15, 15, 15))
    w.draw.text((split + 20, top + w.size * 0.8), block.opinion, font=w.font, fill=(15, 15, 15))
    sy = top + int(w.size * 3.8)
    label = f"{block.sign_label}："
    x = split + int((PAGE[0] - MARGIN - split) * 0.25)
    w.draw.text((x, sy), label, font=w.font, fill=(15, 15, 15))
    sx = x + int(w.draw.textlength(label, font=w.font)) + 8
    _signature(w, block, (sx, sy + w.size // 2), rng)
    w.draw.text((PAGE[0] - MARGIN - 15, sy), date, font=w.font, fill=(15, 15, 15), anchor="ra")
    w.y = top + height + int(w.size * 1.2)


def _signature(w: Writer, block: ApprovalTruth, left_mid: tuple[int, int], rng: random.Random) -> None:
    x, y = left_mid
    if block.signature == "typed":
        w.draw.text((x, y), block.signer, font=w.font, fill=(15, 15, 15), anchor="lm")
        return
    if block.signature == "blank":
        return
    colour = rng.choice(((25, 25, 35), (20, 40, 150)))
    height = int(w.size * rng.uniform(1.6, 2.2))
    if block.signature == "hand":
        ink = draw_hand_signature(block.signer, height, rng, colour)
    else:
        ink = draw_pasted_signature(height, rng, colour)
    stamp(w.page, ink, (x, y - ink.height // 2))
