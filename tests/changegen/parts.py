"""The ordinary parts around the changes: letter head, the two signed approvals, the sealed sign-off."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from tests.changegen import wording
from tests.changegen.plan import Plan
from tests.changegen.render import PRINT_FONTS, Page


@dataclass
class Style:
    """One document's hand: fonts, sizes, margins, ink, the day it was signed."""

    dpi: int
    face: str
    size: float
    margin: float
    ink: str
    day: int
    approval_layout: str
    rng: random.Random
    notes: list[str] = field(default_factory=list)

    @property
    def right(self) -> float:
        return 210 - self.margin

    def page(self, landscape: bool = False) -> Page:
        return Page(self.dpi, (297, 210) if landscape else (210, 297))


def make_style(rng: random.Random, dpi: int, day: int) -> Style:
    return Style(dpi=dpi, face=rng.choice(PRINT_FONTS), size=rng.choice([11, 12, 12, 13, 14]),
                 margin=rng.uniform(16, 28), ink=rng.choice(["black", "black", "blue", "darkblue"]), day=day,
                 approval_layout=rng.choice(["lines", "ruled", "side"]), rng=rng)


def letter_head(page: Page, plan: Plan, st: Style, y: float = 0.0, *, extra: int = 0,
                opening: str | None = None) -> float:
    rng = st.rng
    y = y or rng.uniform(18, 30)
    head = wording.title(plan, rng)
    tsize = rng.choice([15, 16, 18])
    page.text(105 if page.w_mm < 250 else 148, y, head, tsize, rng.choice(["songbold", "heibold", "song"]),
              anchor="mt")
    y += tsize * 0.353 * 2.4
    page.text(st.margin, y, rng.choice(wording.ADDRESSEES), st.size, st.face)
    y += st.size * 0.353 * 1.9
    width = page.w_mm - 2 * st.margin
    y = page.paragraph(st.margin, y, opening or rng.choice(wording.OPENINGS), width, st.size, st.face)
    for para in rng.sample(wording.EXTRA_PARAGRAPHS, extra):
        y = page.paragraph(st.margin, y, para, width, st.size, st.face)
    return y + 1.5


def closing(page: Page, st: Style, y: float) -> float:
    return page.paragraph(st.margin, y + 1, st.rng.choice(wording.CLOSINGS), page.w_mm - 2 * st.margin,
                          st.size, st.face)


def approvals_height(st: Style) -> float:
    return {"lines": 62, "ruled": 66, "side": 46}[st.approval_layout]


def approvals(page: Page, st: Style, y: float) -> float:
    """Both blocks, opinion handwritten, a signature beside the 签字 label and a date; returns the y below."""
    rng = st.rng
    blocks = [(rng.choice(wording.DEPT_LABELS), rng.choice(wording.OPINIONS)),
              (rng.choice(wording.LEADER_LABELS), rng.choice(wording.OPINIONS))]
    names = rng.sample(wording.APPROVERS, 2)
    left, right = st.margin, page.w_mm - st.margin
    s = st.size
    if st.approval_layout == "lines":
        for (label, opinion), name in zip(blocks, names, strict=True):
            w = page.text(left, y, label + "：", s, st.face)
            page.hand(left + w + 3, y + s * 0.18, opinion, s * 1.25, rng, st.ink)
            y += 12
            sl = rng.choice(wording.SIGN_LABELS)
            x = right - 90
            w = page.text(x, y, sl, s, st.face)
            page.signature(x + w + 2, y - 1, name, rng, st.ink, height_mm=rng.uniform(7, 10))
            page.hand(x + w + 38, y + s * 0.18, wording.date_text(st.day, rng), s, rng, st.ink)
            y += 18
        return y
    if st.approval_layout == "ruled":
        label_w = rng.uniform(34, 44)
        for (label, opinion), name in zip(blocks, names, strict=True):
            h = rng.uniform(28, 32)
            page.rect(left, y, left + label_w, y + h)
            page.rect(left + label_w, y, right, y + h)
            page.fit_text(left, y, left + label_w, y + h, label, s, st.face, "center")
            page.hand(left + label_w + 6, y + 7, opinion, s * 1.25, rng, st.ink)
            sl = rng.choice(wording.SIGN_LABELS)
            x = right - 88
            w = page.text(x, y + h - 9, sl, s * 0.95, st.face)
            page.signature(x + w + 2, y + h - 10, name, rng, st.ink, height_mm=rng.uniform(6.5, 8.5))
            page.hand(x + w + 36, y + h - 9 + s * 0.15, wording.date_text(st.day, rng), s * 0.95, rng, st.ink)
            y += h
        return y + 4
    col = (right - left) / 2
    for k, ((label, opinion), name) in enumerate(zip(blocks, names, strict=True)):
        x = left + k * col
        page.text(x, y, label + "：", s, st.face)
        page.hand(x + 6, y + 10, opinion, s * 1.25, rng, st.ink)
        sl = rng.choice(["签字：", "签名：", "负责人："])
        w = page.text(x, y + 22, sl, s, st.face)
        page.signature(x + w + 2, y + 21, name, rng, st.ink, height_mm=rng.uniform(7, 9))
        page.hand(x + 10, y + 33, wording.date_text(st.day, rng), s * 0.95, rng, st.ink)
    return y + 44


def signoff(page: Page, plan: Plan, st: Style, y: float) -> float:
    """申请单位 line and date at the right, the round seal over the unit's name."""
    rng = st.rng
    s = st.size
    label = rng.choice(["申请单位（盖章）：", "申请单位：", "", "单位（公章）："])
    name = plan.school.name
    w_label = page.width(label, s, st.face)
    w_name = page.width(name, s, st.face)
    x = page.w_mm - st.margin - w_label - w_name - rng.uniform(0, 8)
    y += rng.uniform(4, 10)
    if label:
        page.text(x, y, label, s, st.face)
    page.text(x + w_label, y, name, s, st.face)
    page.text(x + w_label + w_name / 2, y + 10, f"2024年3月{st.day}日", s, st.face, anchor="mt")
    page.seal(x + w_label + w_name / 2 + rng.uniform(-6, 6), y + 4 + rng.uniform(-4, 4), name, rng,
              radius_mm=rng.uniform(19, 22))
    return y + 30
