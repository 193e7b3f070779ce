"""Shared pieces of the layouts: opinions, signatures, dates, seals, grids, letter heads."""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw

from tests.othergen import ink
from tests.othergen.canvas import PT_MM, Page, font, text_width
from tests.othergen.plan import Approval, Plan


def date_words(a: Approval, month: int) -> str:
    if a.date_style in ("typed", "hand-full"):
        return f"2024年{month}月{a.day}日"
    if a.date_style == "hand-dots":
        return f"2024.{month}.{a.day}"
    return f"{month}.{a.day}"


def put_date(page: Page, rng: random.Random, a: Approval, month: int, x: float, y: float,
             size: float = 12) -> float:
    """The approver's date at (x, y): typed or handwritten; returns its width in mm."""
    words = date_words(a, month)
    if a.state in ("unsigned", "absent"):
        return 0.0
    if a.date_style == "typed" or not a.signed:
        return page.text(x, y, f"2024年{month}月{a.day}日", size)
    image = ink.handwriting(rng, words, size * PT_MM * rng.uniform(1.0, 1.3), a.ink)
    w = image.width / ink.PX_MM
    page.picture(x, y - 1.5, w, image)
    return w


def put_opinion(page: Page, rng: random.Random, a: Approval, x: float, y: float, size: float = 12,
                hand: bool | None = None) -> float:
    """The opinion words, typed or written by the approver; returns their width in mm."""
    if not a.has_opinion:
        return 0.0
    hand = (a.signed and rng.random() < 0.45) if hand is None else hand
    if hand:
        image = ink.handwriting(rng, a.opinion, size * PT_MM * rng.uniform(1.1, 1.5), a.ink)
        w = image.width / ink.PX_MM
        page.picture(x, y - 2, w, image)
        return w
    return page.text(x, y, a.opinion, size)


def put_signature(page: Page, rng: random.Random, a: Approval, x: float, y: float, width: float = 24.0,
                  size: float = 12) -> float:
    """What stands in the signature place: a signature, signature image or 名章 when signed, a typed
    name for `typed`, nothing for `unsigned`/`absent`. `y` is the text line's top; returns the width."""
    if a.state == "typed":
        face = rng.choice(("kai", "notosans-bold", "notoserif-bold"))
        return page.text(x, y, a.person, size + rng.choice((0, 1, 2)), face, bold=face == "kai" and rng.random() < .5)
    if not a.signed:
        return 0.0
    if a.sign == "stamp":
        side = rng.uniform(13, 17)
        page.picture(x, y - side * 0.35, side, ink.name_stamp(rng, a.person, side))
        return side
    if a.sign == "esign":
        image = ink.signature(rng, width * rng.uniform(0.8, 1.0), crisp=True)
        if rng.random() < 0.5:  # pasted with its white box, hiding what is under it
            box = Image.new("RGBA", image.size, (255, 255, 255, 255))
            box.alpha_composite(image)
            image = box
            h = page.picture(x, y - 3, width * 0.9, image, multiply=False)
        else:
            h = page.picture(x, y - 3, width * 0.9, image)
        return width * 0.9 + 0 * h
    w = width * rng.uniform(0.7, 1.25)
    image = ink.signature(rng, w, a.ink)
    page.picture(x - rng.uniform(0, 3), y - w * 0.2, w, image)
    return w


def seal_image(rng: random.Random, plan: Plan) -> Image.Image | None:
    if not plan.has_seal:
        return None
    name = plan.school.name
    return ink.round_seal(rng, name, rng.uniform(38, 42), faint=plan.seal == "faint",
                          partial=plan.seal == "partial")


def put_seal(page: Page, rng: random.Random, plan: Plan, cx: float, cy: float) -> None:
    """The school's official seal centred near (cx, cy) — or, for `stamp-only`, a 名章 there instead."""
    image = seal_image(rng, plan)
    if image is not None:
        d = image.width / ink.PX_MM
        page.picture(cx - d / 2 + rng.uniform(-6, 6), cy - d / 2 + rng.uniform(-5, 5), d, image)
    elif plan.seal == "stamp-only":
        side = rng.uniform(14, 18)
        page.picture(cx + rng.uniform(-20, 5), cy - side / 2, side, ink.name_stamp(rng, plan.contact, side))


def spaced(rng: random.Random, label: str) -> str:
    """`部门意见` as forms print it: sometimes with spaces between the characters."""
    if len(label) <= 6 and rng.random() < 0.5:
        return rng.choice((" ", "  ", "\u3000")).join(label)
    if label.endswith("意见") and rng.random() < 0.3:
        return label[:-2] + rng.choice(("意 见", "意  见", " 意见"))
    return label


def colon(rng: random.Random) -> str:
    return rng.choice(("：", ":", "：", " ", "："))


def sign_label(rng: random.Random) -> str:
    return rng.choice(("（签字）", "(签字)", "（签名）", "签字", "签章", "负责人签字", "负责人（签字）", "签 字"))


def wrap(text: str, face: str, size: float, width: float) -> list[str]:
    """Break into lines within `width`, never inside a Latin word (as word processors do)."""
    lines, line = [], ""
    for char in text:
        if line and text_width(line + char, face, size) > width:
            cut = len(line)
            if char.isascii() and char.isalnum():
                j = cut
                while j > 0 and line[j - 1].isascii() and line[j - 1].isalnum():
                    j -= 1
                cut = j or cut
            lines.append(line[:cut])
            line = line[cut:]
        line += char
    return lines + [line]


def grid(page: Page, x: float, y: float, widths: list[float], heights: list[float], cells: list[list[str]],
         size: float = 10.5, face: str | None = None, centre: bool = True, bold_rows: tuple[int, ...] = (),
         line: float = 0.3) -> list[list[tuple[float, float, float, float]]]:
    """Ruled table; returns each cell's (x, y, w, h) so signatures can be placed in cells."""
    face = face or page.song
    step = size * PT_MM * 1.3
    for r in range(len(heights)):  # a row grows to hold its longest cell, as in a word processor
        need = max((len([p for chunk in cells[r][c].split("\n") for p in wrap(chunk, face, size, w - 2.5)])
                    for c, w in enumerate(widths) if c < len(cells[r]) and cells[r][c]), default=1)
        heights[r] = max(heights[r], need * step + 2.5)
    total_w, total_h = sum(widths), sum(heights)
    rects = []
    yy = y
    for r, h in enumerate(heights):
        row = []
        xx = x
        for c, w in enumerate(widths):
            row.append((xx, yy, w, h))
            text = cells[r][c] if c < len(cells[r]) else ""
            if text:
                lines = [part for chunk in text.split("\n") for part in wrap(chunk, face, size, w - 2.5)]
                ty = yy + (h - step * len(lines)) / 2 + step * 0.12
                for item in lines:
                    tw = text_width(item, face, size)
                    tx = xx + (w - tw) / 2 if centre else xx + 1.5
                    page.text(tx, ty, item, size, face, bold=r in bold_rows)
                    ty += step
            xx += w
        rects.append(row)
        yy += h
    page.line(x, y, x + total_w, y, line)
    yy = y
    for h in heights:
        yy += h
        page.line(x, yy, x + total_w, yy, line)
    xx = x
    page.line(x, y, x, y + total_h, line)
    for w in widths:
        xx += w
        page.line(xx, y, xx, y + total_h, line)
    return rects


def watermark(rng: random.Random, text: str, width_mm: float, height_mm: float) -> Image.Image:
    """A big diagonal light-grey watermark over the whole page, repeated."""
    k = 4  # px per mm
    w, h = round(width_mm * k), round(height_mm * k)
    big = Image.new("L", (w * 2, h * 2), 0)
    draw = ImageDraw.Draw(big)
    px = round(k * rng.uniform(9, 16))
    f = font("notosans-bold", px)
    step = f.getlength(text) + px * 3
    for row, yy in enumerate(range(0, h * 2, px * 5)):
        for xx in range(-int(step) * (row % 2) // 2, w * 2, int(step)):
            draw.text((xx, yy), text, font=f, fill=255)
    big = big.rotate(rng.choice((30, 35, 40, 45)), resample=Image.BICUBIC)
    mask = big.crop((w // 2, h // 2, w // 2 + w, h // 2 + h))
    grey = rng.randint(150, 200)
    out = Image.new("RGBA", mask.size, (grey, grey, grey, 0))
    alpha = rng.uniform(0.25, 0.45)
    out.putalpha(mask.point(lambda v: round(v * alpha)))
    return out


def letter_head(page: Page, rng: random.Random, plan: Plan, y: float = 18) -> float:
    """An ordinary school letterhead: the name in red or black, sometimes a red rule under it (not a seal)."""
    style = rng.random()
    name = plan.school.name
    if style < 0.35:
        page.center(y, name, 20, "notoserif-bold", color=(200, 30, 30))
        y += 12
        page.line(18, y, page.width - 18, y, 0.8, (210, 30, 30))
        return y + 8
    if style < 0.55:
        page.text(18, y, name, 11, page.hei, color=(60, 60, 60))
        page.line(18, y + 6, page.width - 18, y + 6, 0.3)
        return y + 16
    return y


def underline_field(page: Page, x: float, y: float, w: float, size: float = 12) -> None:
    page.line(x, y + size * PT_MM * 1.15, x + w, y + size * PT_MM * 1.15, 0.25)


def angle_deg(rng: random.Random) -> float:
    return math.degrees(rng.uniform(-0.01, 0.01))


def bottom(rects: list[list[tuple[float, float, float, float]]]) -> float:
    x, y, w, h = rects[-1][0]
    return y + h
