"""Drawing a paper page: printed text in 宋体/黑体, wrapped paragraphs, ruled tables, and the marks people put
on paper — handwritten opinions and signatures (楷体 strokes jittered per glyph, or cursive scribbles), 名章
and the school's round red seal pressed over what is already printed (multiplied, so text shows through)."""

from __future__ import annotations

import math
import random
import re
from functools import cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
SERIF_BOLD = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
KAI = "/usr/share/fonts/truetype/arphic/ukai.ttc"
_INDEX = {SERIF: 2, SERIF_BOLD: 2, SANS: 2, KAI: 0}

INK = (20, 20, 20)
RED = (205, 30, 38)


@cache
def font(path: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, max(6, int(px)), index=_INDEX[path])


class Page:
    """An A4 (or landscape A4) sheet at `dpi`, addressed in millimetres."""

    def __init__(self, dpi: int = 200, landscape: bool = False, paper=(255, 255, 255)):
        self.dpi = dpi
        w, h = (297, 210) if landscape else (210, 297)
        self.width_mm, self.height_mm = w, h
        self.image = Image.new("RGB", (self.px(w), self.px(h)), paper)
        self.draw = ImageDraw.Draw(self.image)
        self.y = 25.0  # flow cursor, mm

    def px(self, mm: float) -> int:
        return int(round(mm * self.dpi / 25.4))

    def pt(self, points: float) -> int:
        return int(round(points * self.dpi / 72))

    # printed text -----------------------------------------------------------------------------------
    def text(self, x: float, y: float, s: str, size: float = 12, face: str = SERIF, fill=INK,
             anchor: str = "la") -> float:
        """Draw at (x, y) mm; returns the width in mm."""
        f = font(face, self.pt(size))
        self.draw.text((self.px(x), self.px(y)), s, font=f, fill=fill, anchor=anchor)
        return self.width(s, size, face)

    def width(self, s: str, size: float = 12, face: str = SERIF) -> float:
        return font(face, self.pt(size)).getlength(s) * 25.4 / self.dpi

    def wrap(self, s: str, width_mm: float, size: float = 12, face: str = SERIF, indent: float = 0,
             hang: bool = True) -> list[str]:
        lines, line, limit = [], "", width_mm - indent
        for ch in re.findall(r"[A-Za-z0-9.+]+|.", s):  # Word keeps a run of Latin letters and digits whole
            if self.width(line + ch, size, face) > limit and line:
                if hang and ch in "，。、；：）”》":  # 避头: punctuation hangs on the line before
                    line += ch
                    lines.append(line)
                    line, limit = "", width_mm
                    continue
                lines.append(line)
                line, limit = ch, width_mm
            else:
                line += ch
        if line:
            lines.append(line)
        return lines

    def para(self, s: str, size: float = 12, left: float = 25, right: float = 25, indent: bool = True,
             leading: float = 1.75, face: str = SERIF) -> None:
        em = self.width("国", size, face)
        width = self.width_mm - left - right
        lines = self.wrap(s, width, size, face, indent=2 * em if indent else 0)
        for i, line in enumerate(lines):
            self.text(left + (2 * em if indent and i == 0 else 0), self.y, line, size, face)
            self.y += size * 0.3528 * leading
        self.y += size * 0.3528 * 0.3

    def centre(self, s: str, size: float = 16, face: str = SERIF_BOLD, fill=INK) -> None:
        self.text(self.width_mm / 2, self.y, s, size, face, fill, anchor="ma")
        self.y += size * 0.3528 * 2.0

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.3, fill=INK) -> None:
        self.draw.line([(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))], fill=fill,
                       width=max(1, self.px(width)))

    def table(self, x: float, cols: list[float], rows: list[list[str]], size: float = 10.5,
              header_rows: int = 1, min_h: float = 9.0, pad: float = 1.6, align: str = "centre",
              bold_header: bool = True) -> list[tuple[float, float]]:
        """Ruled table at the cursor; cells wrap. Returns each row's (top, bottom) in mm."""
        spans, top = [], self.y
        line_h = size * 0.3528 * 1.45
        for r, row in enumerate(rows):
            face = SANS if (r < header_rows and bold_header) else SERIF
            wrapped = [self.wrap(cell, w - 2 * pad, size, face, hang=False) if cell else [] for cell, w in zip(row, cols, strict=False)]
            h = max(min_h, max((len(c) for c in wrapped), default=1) * line_h + 2 * pad)
            cx = x
            for lines, w in zip(wrapped, cols, strict=False):
                block = len(lines) * line_h
                ty = top + (h - block) / 2 + line_h * 0.12
                for line in lines:
                    if align == "centre" or r < header_rows:
                        self.text(cx + w / 2, ty, line, size, face, anchor="ma")
                    else:
                        self.text(cx + pad, ty, line, size, face)
                    ty += line_h
                cx += w
            spans.append((top, top + h))
            top += h
        right = x + sum(cols)
        self.line(x, self.y, right, self.y, 0.35)
        for _, bottom in spans:
            self.line(x, bottom, right, bottom, 0.3)
        cx = x
        for w in [0, *cols]:
            cx += w
            self.line(cx, self.y, cx, top, 0.3)
        self.y = top + 4
        return spans


# ink ------------------------------------------------------------------------------------------------

def _paste_ink(page: Page, layer: Image.Image, x_px: int, y_px: int, color, opacity: float = 1.0) -> None:
    """Composite an L mask of ink onto the page in `color`, multiplied: red over black print stays black,
    over paper becomes red."""
    mask = np.asarray(layer, dtype=np.float32) / 255.0 * opacity
    h, w = mask.shape
    x0, y0 = max(0, x_px), max(0, y_px)
    x1, y1 = min(page.image.width, x_px + w), min(page.image.height, y_px + h)
    if x1 <= x0 or y1 <= y0:
        return
    region = np.asarray(page.image.crop((x0, y0, x1, y1)), dtype=np.float32)
    m = mask[y0 - y_px:y1 - y_px, x0 - x_px:x1 - x_px, None]
    ink = np.array(color, dtype=np.float32)
    blended = region * (1 - m + m * ink / 255.0)
    page.image.paste(Image.fromarray(blended.clip(0, 255).astype(np.uint8)), (x0, y0))


def handwriting(page: Page, x: float, y: float, s: str, size_mm: float, color, rng: random.Random,
                slant: float | None = None) -> float:
    """楷体 glyphs, each jittered in size, angle and baseline, slanted, slightly thickened; returns width mm."""
    px = page.px(size_mm)
    slant = rng.uniform(-0.05, 0.28) if slant is None else slant
    layer_w = int(px * (len(s) * 1.1 + 2))
    layer = Image.new("L", (layer_w, int(px * 2.2)), 0)
    cx = int(px * 0.3)
    for ch in s:
        scale = rng.uniform(0.85, 1.2)
        f = font(KAI, int(px * scale))
        glyph = Image.new("L", (int(px * 1.8), int(px * 1.8)), 0)
        ImageDraw.Draw(glyph).text((int(px * 0.3), int(px * 0.2)), ch, font=f, fill=255,
                                   stroke_width=rng.choice([0, 1, 1, 2]) if px > 30 else rng.choice([0, 1]),
                                   stroke_fill=255)
        glyph = glyph.rotate(rng.uniform(-9, 9), resample=Image.BICUBIC)
        layer.paste(glyph, (cx - int(px * 0.3), int(px * 0.2 + rng.uniform(-0.12, 0.12) * px)), glyph)
        step = f.getlength(ch) if ch.strip() else px * 0.5
        cx += int(step * rng.uniform(0.8, 1.0))
    layer = layer.crop((0, 0, min(layer_w, cx + int(px * 0.5)), layer.height))
    layer = layer.transform(layer.size, Image.AFFINE, (1, slant, -slant * layer.height / 2, 0, 1, 0),
                            resample=Image.BICUBIC)
    layer = layer.filter(ImageFilter.GaussianBlur(0.6))
    _paste_ink(page, layer, page.px(x), page.px(y) - int(px * 0.35), color, rng.uniform(0.85, 1.0))
    return cx * 25.4 / page.dpi


def _catmull(points: list[tuple[float, float]], steps: int = 12) -> list[tuple[float, float]]:
    out = []
    pts = [points[0], *points, points[-1]]
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        for k in range(steps):
            t = k / steps
            out.append(tuple(0.5 * ((2 * p1[j]) + (-p0[j] + p2[j]) * t + (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j])
                                    * t * t + (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t ** 3) for j in (0, 1)))
    out.append(points[-1])
    return out


def cursive(page: Page, x: float, y: float, name: str, size_mm: float, color, rng: random.Random) -> float:
    """A fast signature: the surname in 楷体, then one running stroke of uneven peaks, loops and a
    descender, ending in a flourish back under the name."""
    w_mm = handwriting(page, x, y, name[0], size_mm * 1.15, color, rng, slant=0.3)
    px = page.px(size_mm)
    points, cx = [(px * 0.2, px * 1.3)], px * 0.2
    for i in range(rng.randint(5, 9) * max(1, len(name) - 1) // 2 + 2):
        cx += px * rng.uniform(0.12, 0.42)
        if i % 2 == 0:
            yy = px * rng.uniform(0.15, 0.8)
        else:
            yy = px * rng.uniform(1.15, 1.45) if rng.random() < 0.85 else px * rng.uniform(1.7, 2.0)
            if rng.random() < 0.3:  # a loop: the pen runs back before going on
                points.append((cx, yy))
                cx -= px * rng.uniform(0.1, 0.25)
                yy = px * rng.uniform(0.8, 1.1)
        points.append((cx, yy))
    end = cx + px * rng.uniform(0.3, 0.6)
    points += [(end, px * rng.uniform(0.6, 1.0)), (end - px * 0.2, px * 1.6),
               (cx * rng.uniform(0.3, 0.6), px * rng.uniform(1.55, 1.8))]
    layer = Image.new("L", (int(end + px * 1.5), int(px * 2.5)), 0)
    d = ImageDraw.Draw(layer)
    curve = _catmull(points)
    width = max(2, int(px * rng.uniform(0.05, 0.08)))
    for i in range(len(curve) - 1):  # pressure: thinner on the way up
        up = curve[i + 1][1] < curve[i][1]
        d.line([curve[i], curve[i + 1]], fill=255, width=max(1, width - 1) if up else width)
    layer = layer.transform(layer.size, Image.AFFINE, (1, 0.25, -0.25 * layer.height / 2, 0, 1, 0),
                            resample=Image.BICUBIC).filter(ImageFilter.GaussianBlur(0.7))
    _paste_ink(page, layer, page.px(x + w_mm * 0.75), page.px(y) - int(px * 0.7), color, 0.95)
    return w_mm * 0.75 + layer.width * 25.4 / page.dpi


def _ring_text(layer: Image.Image, cx: float, cy: float, r: float, text: str, size: int, start: float,
               end: float) -> None:
    n = len(text)
    f = font(SERIF_BOLD, size)
    for i, ch in enumerate(text):
        a = start + (end - start) * (i + 0.5) / n  # degrees, 0 = top, clockwise
        glyph = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(glyph).text((size, size), ch, font=f, fill=255, anchor="mm", stroke_width=max(1, size // 40),
                                   stroke_fill=255)
        glyph = glyph.rotate(-a, resample=Image.BICUBIC)
        rad = math.radians(a)
        gx, gy = cx + r * math.sin(rad), cy - r * math.cos(rad)
        layer.paste(255, (int(gx - size), int(gy - size)), glyph)


def _star(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    pts = []
    for i in range(10):
        rr = r if i % 2 == 0 else r * 0.38
        a = math.radians(-90 + i * 36)
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(pts, fill=255)


def _wear(layer: Image.Image, rng: random.Random, amount: float) -> Image.Image:
    """Uneven stamp ink: blotches lighter, a side fainter."""
    arr = np.asarray(layer, dtype=np.float32)
    h, w = arr.shape
    nrng = np.random.default_rng(rng.randrange(2 ** 32))
    small = Image.fromarray((nrng.random((h // 6 + 1, w // 6 + 1)) * 255).astype(np.uint8))
    noise = np.asarray(small.resize((w, h), Image.BILINEAR), dtype=np.float32) / 255.0
    side = np.linspace(1 - amount * rng.random(), 1, w)[None, :]
    if rng.random() < 0.5:
        side = side[:, ::-1]
    arr = arr * np.clip(0.55 + noise * 0.6, 0, 1) * side
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.8))


def seal(page: Page, cx_mm: float, cy_mm: float, unit: str, rng: random.Random, diameter_mm: float = 42,
         color=RED, bottom: str = "") -> None:
    """A round official seal: ring, the unit's name along the upper arc, a star, optional bottom line."""
    d_px = page.px(diameter_mm)
    size = d_px + 20
    layer = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(layer)
    c = size / 2
    r = d_px / 2
    ring = max(3, int(d_px * 0.035))
    draw.ellipse([c - r, c - r, c + r, c + r], outline=255, width=ring)
    span = min(280, 16 * len(unit) + 40)
    radius = r * (0.74 if len(unit) < 14 else 0.77)
    glyph = int(min(d_px * 0.17, (2 * math.pi * radius * span / 360) / max(1, len(unit)) * 0.95))
    _ring_text(layer, c, c, radius, unit, glyph, -span / 2, span / 2)
    _star(draw, c, c, d_px * 0.16)
    if bottom:
        f = font(SERIF_BOLD, int(d_px * 0.11))
        draw.text((c, c + r * 0.52), bottom, font=f, fill=255, anchor="mm")
    layer = layer.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC)
    layer = _wear(layer, rng, 0.5)
    _paste_ink(page, layer, page.px(cx_mm) - size // 2, page.px(cy_mm) - size // 2, color,
               rng.uniform(0.75, 0.95))


def name_stamp(page: Page, x_mm: float, y_mm: float, name: str, rng: random.Random, side_mm: float = 12,
               color=RED) -> float:
    """名章: a small square red stamp, the name in two columns read right to left, 印 completing four."""
    chars = list(name + "印") if len(name) == 3 else list(name + "之印") if len(name) == 2 else list(name[:4])
    s = page.px(side_mm)
    layer = Image.new("L", (s + 8, s + 8), 0)
    d = ImageDraw.Draw(layer)
    inverse = rng.random() < 0.4  # 白文: the characters cut out of a red square
    d.rectangle([4, 4, 4 + s, 4 + s], outline=255, fill=255 if inverse else 0, width=max(2, s // 14))
    f = font(SERIF_BOLD, int(s * 0.4))
    slots = [(0.73, 0.28), (0.73, 0.72), (0.27, 0.28), (0.27, 0.72)]  # right column first, top to bottom
    for ch, (fx, fy) in zip(chars, slots, strict=False):
        d.text((4 + s * fx, 4 + s * fy), ch, font=f, fill=0 if inverse else 255, anchor="mm")
    layer = layer.rotate(rng.uniform(-8, 8), resample=Image.BICUBIC, expand=True)
    layer = _wear(layer, rng, 0.3)
    _paste_ink(page, layer, page.px(x_mm), page.px(y_mm) - s // 2, color, rng.uniform(0.8, 0.95))
    return side_mm + 2
