"""Approval blocks as school offices draw them: label, opinion, 签字 and date, in four arrangements.

Each `draw_*` takes the page, a top y (mm), the two blocks and the hand that fills them in, and returns
the y below what it drew plus where the leader's signature stands (for a seal to overlap it).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from tests.signgen.ink import HEI, SERIF, Colour, Page, hand, name_stamp, signature
from tests.signgen.plan import Block

CN_DIGITS = "〇一二三四五六七八九"


@dataclass
class Pen:
    """How the hand that signs writes: colour, stroke weight, opacity and size relative to print."""

    colour: Colour
    weight: int = 0
    opacity: float = 0.95
    scale: float = 1.5  # signature size relative to the 12 pt print


def _cn_number(n: int) -> str:
    if n < 10:
        return CN_DIGITS[n]
    return ("十" if n < 20 else CN_DIGITS[n // 10] + "十") + (CN_DIGITS[n % 10] if n % 10 else "")


def date_text(day: int, rng: random.Random) -> str:
    """A March 2024 date as people write it."""
    style = rng.randrange(6)
    if style == 0:
        return f"2024.3.{day}"
    if style == 1:
        return f"3月{day}日"
    if style == 2:
        return f"24/3/{day}"
    if style == 3:
        return "二〇二四年三月" + _cn_number(day) + "日"
    if style == 4:
        return f"2024.03.{day:02d}"
    return f"2024年3月{day}日"


def opinion(page: Page, x: float, y: float, block: Block, pen: Pen) -> None:
    if block.opinion is None:
        return
    if block.opinion_hand:
        hand(page, x, y, block.opinion, 12 * page.rng.uniform(1.1, 1.6), pen.colour, slant=page.rng.uniform(0, 0.25),
             weight=pen.weight, opacity=pen.opacity)
    else:
        page.text(x, y, block.opinion, 12, SERIF)


def sign(page: Page, x: float, y: float, block: Block, pen: Pen) -> tuple[float, float]:
    """What stands where the signature goes, its baseline at y; returns the (x, y) of its middle."""
    rng = page.rng
    if block.signature == "hand":
        end = signature(page, x, y, block.signer, 12 * pen.scale, pen.colour, pen.weight, pen.opacity)
        if block.typed_name_too:
            page.text(end + 2, y, f"（{block.signer}）", 10.5)
        return (x + end) / 2, y - 3
    if block.signature == "stamp":
        size = rng.uniform(10, 18)
        cx, cy = x + size / 2 + rng.uniform(0, 4), y - size / 2 + rng.uniform(-1, 4)
        name_stamp(page, cx, cy, block.signer, size, white=rng.random() < 0.55, angle=rng.uniform(-8, 8))
        return cx, cy
    if block.signature == "typed":
        page.text(x + 1, y, block.signer, 12, rng.choice((SERIF, HEI)))
    return x + 15, y - 3


def date(page: Page, x: float, y: float, day: int, typed: bool, pen: Pen) -> None:
    rng = page.rng
    if typed:
        page.text(x, y, f"2024年3月{day}日", 12)
    elif rng.random() < 0.3:  # printed 年 月 日 with the figures filled in by hand
        page.text(x, y, "\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日", 12)
        for blank, value in (("", "2024"), ("\u3000\u3000\u3000年", "3"), ("\u3000\u3000\u3000年\u3000\u3000月", str(day))):
            hand(page, x + page.width(blank, 12) + 1, y, value, 11.5, pen.colour, tight=0.75, weight=pen.weight,
                 opacity=pen.opacity)
    else:
        hand(page, x, y, date_text(day, rng), 12 * rng.uniform(1.05, 1.4), pen.colour, slant=0.1,
             weight=pen.weight, opacity=pen.opacity)


SIGN_LABELS = ("签字：", "负责人签字：", "负责人（签字）：", "签名：", "负责人：（签字）", "领导签字：")


def draw_under_label(page: Page, y: float, blocks: list[Block], pen: Pen, day: int) -> tuple[float, tuple]:
    """Label alone on its line, the opinion on the next, 签字 + signature + date at the right bottom."""
    rng, where = page.rng, (150.0, y)
    for block in blocks:
        if not block.present:
            continue
        page.text(25, y, block.label + "：", 12, SERIF)
        opinion(page, rng.uniform(32, 45), y + 11, block, pen)
        x = page.text(rng.uniform(100, 120), y + 24, rng.choice(SIGN_LABELS), 12)
        spot = sign(page, x + 1, y + 24, block, pen)
        date(page, rng.uniform(125, 140), y + 33, day, not block.date_hand, pen)
        where = spot if block.role == "leader" else where
        y += rng.uniform(40, 46)
    return y, where


def draw_same_line(page: Page, y: float, blocks: list[Block], pen: Pen, day: int) -> tuple[float, tuple]:
    """`label：opinion`, then `负责人：（签字）____ 日期：____` with the ink over the underlines."""
    rng, where = page.rng, (150.0, y)
    for block in blocks:
        if not block.present:
            continue
        x = page.text(25, y, block.label + "：", 12, SERIF)
        opinion(page, x + 2, y, block, pen)
        label = rng.choice(("负责人：（签字）", "负责人（签字）：", "签字：", "负责人签字：", "分管领导（签字）："
                            if block.role == "leader" else "部门负责人（签字）："))
        x = page.text(25 if rng.random() < 0.5 else 60, y + 14, label, 12)
        page.line(x + 1, y + 15, x + 40, y + 15, 0.25)
        spot = sign(page, x + 4, y + 14, block, pen)
        x2 = page.text(x + 46, y + 14, "日期：", 12)
        page.line(x2 + 1, y + 15, x2 + 38, y + 15, 0.25)
        if rng.random() < 0.9:
            date(page, x2 + 3, y + 14, day, not block.date_hand, pen)
        where = spot if block.role == "leader" else where
        y += rng.uniform(27, 32)
    return y, where


def draw_two_columns(page: Page, y: float, blocks: list[Block], pen: Pen, day: int) -> tuple[float, tuple]:
    """Both blocks side by side at the foot of the letter, no rules."""
    rng, where = page.rng, (150.0, y)
    for column, block in enumerate(blocks):
        if not block.present:
            continue
        x0 = 25 if column == 0 else rng.uniform(108, 115)
        page.text(x0, y, block.label + "：", 12 if len(block.label) < 9 else 11)
        opinion(page, x0 + rng.uniform(4, 10), y + 12, block, pen)
        x = page.text(x0 + rng.uniform(0, 8), y + 25, rng.choice(("签字：", "签名：", "负责人：")), 12)
        spot = sign(page, x + 1, y + 25, block, pen)
        date(page, x0 + rng.uniform(10, 22), y + 35, day, not block.date_hand, pen)
        where = spot if block.role == "leader" else where
    return y + 42, where


def _wrapped_label(label: str, rng: random.Random) -> list[str]:
    """A cell label broken over two or three lines at any point (证书试点管理 / 部门意见)."""
    if len(label) <= 4:
        return [label[:2], label[2:]] if rng.random() < 0.5 else [label]
    cut = rng.randint(2, len(label) - 2)
    parts = [label[:cut], label[cut:]]
    if len(parts[0]) > 6 and rng.random() < 0.5:
        parts = [parts[0][:len(parts[0]) // 2], parts[0][len(parts[0]) // 2:], parts[1]]
    return parts


def draw_table_rows(page: Page, y: float, blocks: list[Block], pen: Pen, day: int, x0: float = 25,
                    x1: float = 185) -> tuple[float, tuple]:
    """Ruled rows: the label centred in a left cell, opinion at the top of the right cell, 签字 + date at its foot."""
    rng, where = page.rng, (150.0, y)
    split = x0 + rng.uniform(28, 36)
    page.line(x0, y, x1, y)
    for block in blocks:
        if not block.present:
            continue
        height = rng.uniform(34, 42)
        page.line(x0, y + height, x1, y + height)
        page.line(x0, y, x0, y + height)
        page.line(split, y, split, y + height)
        page.line(x1, y, x1, y + height)
        lines = _wrapped_label(block.label, rng)
        top = y + height / 2 - (len(lines) - 1) * 3.2 + 1.5
        for k, text in enumerate(lines):
            page.centred(top + k * 6.4, text, 11.5, SERIF, x0, split)
        opinion(page, split + rng.uniform(4, 14), y + 11, block, pen)
        x = page.text(split + rng.uniform(45, 65), y + height - 12, rng.choice(SIGN_LABELS), 11.5)
        spot = sign(page, x + 1, y + height - 12, block, pen)
        date(page, x1 - rng.uniform(40, 48), y + height - 4, day, not block.date_hand, pen)
        where = spot if block.role == "leader" else where
        y += height
    return y, where


STYLES = {"under_label": draw_under_label, "same_line": draw_same_line, "two_columns": draw_two_columns,
          "table_rows": draw_table_rows}
