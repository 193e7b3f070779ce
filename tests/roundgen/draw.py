"""Pages as a school office prints and signs them: type, ruled tables, handwriting, signatures, 名章, seals."""

from __future__ import annotations

import math
import random
import re
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

_FONTS = {
    "song": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    "songbold": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2),
    "hei": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    "heibold": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    "ming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 1),
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "wqy": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
}
INK_BLACK = (25, 25, 30)
INK_BLUE = (28, 48, 150)
INK_BLUEBLACK = (30, 35, 80)
SEAL_RED = (215, 30, 40)


@lru_cache(maxsize=256)
def font(face: str, size: int) -> ImageFont.FreeTypeFont:
    path, index = _FONTS[face]
    return ImageFont.truetype(path, max(6, int(size)), index=index)


class Page:
    """A white sheet at `dpi`; lengths in millimetres, drawn in pixels."""

    def __init__(self, dpi: int, landscape: bool = False, paper: tuple[int, int, int] = (255, 255, 255)) -> None:
        self.dpi = dpi
        w, h = (297, 210) if landscape else (210, 297)
        self.img = Image.new("RGB", (self.px(w), self.px(h)), paper)
        self.draw = ImageDraw.Draw(self.img)
        self.width_mm, self.height_mm = w, h

    def px(self, mm: float) -> int:
        return int(round(mm * self.dpi / 25.4))

    def pt(self, points: float) -> int:
        return int(round(points * self.dpi / 72))

    def text(self, x: float, y: float, s: str, size: float = 12, face: str = "song", fill=INK_BLACK,
             anchor: str = "la") -> float:
        """Type `s` at (x, y) mm, size in points; returns the width in mm."""
        f = font(face, self.pt(size))
        self.draw.text((self.px(x), self.px(y)), s, font=f, fill=fill, anchor=anchor)
        return f.getlength(s) * 25.4 / self.dpi

    def width(self, s: str, size: float, face: str = "song") -> float:
        return font(face, self.pt(size)).getlength(s) * 25.4 / self.dpi

    def para(self, x: float, y: float, w: float, s: str, size: float = 12, face: str = "song",
             indent: bool = True, leading: float = 1.75) -> float:
        """A wrapped paragraph (Chinese wraps anywhere); returns the y below it in mm."""
        f = font(face, self.pt(size))
        line_mm = size * 25.4 / 72 * leading
        lines, cur = [], "\u3000\u3000" if indent else ""
        for ch in re.findall(r"[A-Za-z0-9.+%]+|.", s):
            if f.getlength(cur + ch) * 25.4 / self.dpi > w and cur.strip():
                if ch in "，。、；：）》”":  # no punctuation at a line's head
                    cur += ch
                    continue
                lines.append(cur)
                cur = ""
            cur += ch
        if cur:
            lines.append(cur)
        for line in lines:
            self.text(x, y, line, size, face)
            y += line_mm
        return y

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.25, fill=INK_BLACK) -> None:
        self.draw.line([(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))], fill=fill,
                       width=max(1, self.px(width)))

    def rect(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.25) -> None:
        for a in ((x0, y0, x1, y0), (x1, y0, x1, y1), (x0, y1, x1, y1), (x0, y0, x0, y1)):
            self.line(*a, width=width)

    def cell_text(self, x0: float, y0: float, x1: float, y1: float, s: str, size: float = 10.5,
                  face: str = "song", align: str = "center") -> None:
        """Text wrapped inside a cell, centred vertically (and horizontally unless align='left')."""
        f = font(face, self.pt(size))
        maxw = self.px(x1 - x0 - 2.0)
        lines, cur = [], ""
        for ch in s:
            if f.getlength(cur + ch) > maxw and cur:
                lines.append(cur)
                cur = ""
            cur += ch
        if cur:
            lines.append(cur)
        lh = size * 25.4 / 72 * 1.3
        y = (y0 + y1) / 2 - lh * len(lines) / 2 + lh * 0.1
        for line in lines:
            if align == "center":
                self.text((x0 + x1) / 2, y, line, size, face, anchor="ma")
            else:
                self.text(x0 + 1.5, y, line, size, face)
            y += lh

    def table(self, x: float, y: float, widths: list[float], rows: list[list[str]], heights: float | list[float] = 9,
              size: float = 10.5, header_face: str = "heibold", face: str = "song", header_rows: int = 1,
              width: float = 0.3) -> float:
        """A ruled grid; returns the y of its bottom."""
        hs = heights if isinstance(heights, list) else [heights] * len(rows)
        xs = [x]
        for w in widths:
            xs.append(xs[-1] + w)
        top = y
        for r, row in enumerate(rows):
            for c, s in enumerate(row):
                if s:
                    self.cell_text(xs[c], y, xs[c + 1], y + hs[r], s, size, header_face if r < header_rows else face)
            y += hs[r]
        yy = top
        for h in [0, *hs]:
            yy += h
            self.line(x, yy, xs[-1], yy, width)
        for xx in xs:
            self.line(xx, top, xx, y, width)
        return y

    def paste_ink(self, ink: Image.Image, x_px: int, y_px: int) -> None:
        """Multiply an RGBA ink image onto the page (ink over type, like a stamp or pen)."""
        paste_multiply(self.img, ink, x_px, y_px)


def paste_multiply(base: Image.Image, ink: Image.Image, x: int, y: int) -> None:
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(base.width, x + ink.width), min(base.height, y + ink.height)
    if x1 <= x0 or y1 <= y0:
        return
    region = np.asarray(base.crop((x0, y0, x1, y1)), dtype=np.float32)
    part = np.asarray(ink.crop((x0 - x, y0 - y, x1 - x, y1 - y)), dtype=np.float32)
    alpha = part[..., 3:4] / 255.0
    mixed = region * (1 - alpha) + region * part[..., :3] / 255.0 * alpha
    base.paste(Image.fromarray(mixed.clip(0, 255).astype(np.uint8)), (x0, y0))


def handwriting(text: str, size_px: int, color, rng: random.Random, face: str = "kai", slant: float = 0.18,
                spacing: float = 0.92, bold: int = 1) -> Image.Image:
    """Text written by hand: each character turned, scaled and lifted a little, strokes thickened, one ink
    colour with uneven pressure. RGBA, transparent background."""
    f = font(face, size_px)
    w = int(size_px * (len(text) + 2) * 1.05)
    h = int(size_px * 1.9)
    canvas = Image.new("L", (w, h), 0)
    x = size_px * 0.3
    for ch in text:
        scale = rng.uniform(0.86, 1.12)
        tf = font(face, int(size_px * scale))
        tile = Image.new("L", (int(size_px * 1.6), int(size_px * 1.6)), 0)
        ImageDraw.Draw(tile).text((size_px * 0.3, size_px * 0.2), ch, font=tf, fill=255)
        tile = tile.rotate(rng.uniform(-9, 9), resample=Image.BICUBIC)
        dy = int(size_px * rng.uniform(-0.08, 0.12))
        canvas.paste(tile, (int(x - size_px * 0.3), int(size_px * 0.15) + dy), tile)
        adv = f.getlength(ch) if ch.isascii() else size_px
        x += adv * spacing * rng.uniform(0.9, 1.05)
    canvas = canvas.crop((0, 0, min(w, int(x + size_px * 0.4)), h))
    if slant:
        canvas = canvas.transform(canvas.size, Image.AFFINE, (1, slant, -slant * h * 0.5, 0, 1, 0), Image.BICUBIC)
    if bold:
        canvas = canvas.filter(ImageFilter.MaxFilter(2 * bold + 1))
    canvas = canvas.filter(ImageFilter.GaussianBlur(0.6))
    return _ink(canvas, color, rng, pressure=0.25)


def signature(name: str, size_px: int, color, rng: random.Random) -> Image.Image:
    """A signed name: cursive-ish, characters crowded and slanted, a tail stroke after the last one."""
    img = handwriting(name, size_px, color, rng, face="kai", slant=rng.uniform(0.25, 0.45), spacing=0.72,
                      bold=1)
    alpha = img.getchannel("A")
    d = ImageDraw.Draw(alpha)
    w, h = alpha.size
    # a connecting flourish under/after the name
    pts = []
    x0, y0 = w * 0.55, h * rng.uniform(0.55, 0.7)
    for t in range(12):
        u = t / 11
        pts.append((x0 + u * w * 0.45, y0 + math.sin(u * math.pi * rng.uniform(1.2, 2.2)) * h * 0.12))
    d.line(pts, fill=230, width=max(2, size_px // 14))
    img.putalpha(alpha)
    return img.rotate(rng.uniform(-6, 6), expand=True, resample=Image.BICUBIC)


def _ink(alpha: Image.Image, color, rng: random.Random, pressure: float = 0.3) -> Image.Image:
    a = np.asarray(alpha, dtype=np.float32)
    h, w = a.shape
    gen = np.random.default_rng(rng.randrange(1 << 30))
    field = gen.random((max(2, h // 8), max(2, w // 8))).astype(np.float32)
    field = np.asarray(Image.fromarray((field * 255).astype(np.uint8)).resize((w, h), Image.BILINEAR),
                       dtype=np.float32) / 255
    a = a * (1 - pressure + pressure * field)
    rgba = np.zeros((h, w, 4), dtype=np.uint8)
    rgba[..., 0], rgba[..., 1], rgba[..., 2] = color
    rgba[..., 3] = a.clip(0, 255).astype(np.uint8)
    return Image.fromarray(rgba, "RGBA")


def seal(unit: str, diameter_px: int, rng: random.Random, bottom: str = "", face: str = "heibold") -> Image.Image:
    """A red round official seal: border ring, the unit's name on the upper arc, a star, optional bottom
    text (a department's name for a department seal); uneven ink, a little turned."""
    s = diameter_px * 2
    a = Image.new("L", (s, s), 0)
    d = ImageDraw.Draw(a)
    c = s / 2
    ring = s * 0.036
    d.ellipse((ring / 2, ring / 2, s - ring / 2, s - ring / 2), outline=255, width=int(ring))
    # star
    r_out, r_in = s * 0.17, s * 0.17 * 0.382
    pts = []
    for k in range(10):
        ang = -math.pi / 2 + k * math.pi / 5
        r = r_out if k % 2 == 0 else r_in
        pts.append((c + r * math.cos(ang), c + r * math.sin(ang)))
    d.polygon(pts, fill=255)
    # the name along the arc, from lower-left over the top to lower-right
    n = len(unit)
    span = min(250.0, 20.0 * n + 40)
    fsize = int(min(s * 0.15, s * 2.6 / max(n, 6)))
    f = font(face, fsize)
    radius = c - ring - fsize * 0.72
    for k, ch in enumerate(unit):
        ang = -90 - span / 2 + span * (k + 0.5) / n
        tile = Image.new("L", (fsize * 2, fsize * 2), 0)
        ImageDraw.Draw(tile).text((fsize, fsize), ch, font=f, fill=255, anchor="mm")
        tile = tile.transform(tile.size, Image.AFFINE, (1.25, 0, -fsize * 0.25, 0, 1, 0), Image.BICUBIC)
        tile = tile.rotate(-(ang + 90), resample=Image.BICUBIC)
        px = c + radius * math.cos(math.radians(ang))
        py = c + radius * math.sin(math.radians(ang))
        a.paste(255, (int(px - fsize), int(py - fsize)), tile)
    if bottom:
        bf = font(face, int(s * 0.085))
        d.text((c, c + s * 0.26), bottom, font=bf, fill=255, anchor="mm")
    a = a.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC).resize((diameter_px, diameter_px), Image.LANCZOS)
    out = _ink(a, SEAL_RED, rng, pressure=0.45)
    arr = np.asarray(out).copy()
    arr[..., 3] = (arr[..., 3].astype(np.float32) * rng.uniform(0.75, 0.95)).astype(np.uint8)
    return Image.fromarray(arr, "RGBA")


def name_stamp(name: str, side_px: int, rng: random.Random) -> Image.Image:
    """A small square red 名章: the name (+印 / 之印 to fill 2×2), red on white or white on red."""
    chars = name + ("之印" if len(name) == 2 else "印")
    chars = chars[:4]
    s = side_px * 2
    a = Image.new("L", (s, s), 0)
    d = ImageDraw.Draw(a)
    negative = rng.random() < 0.5
    if negative:
        d.rectangle((0, 0, s, s), fill=255)
    else:
        d.rectangle((s * 0.04, s * 0.04, s * 0.96, s * 0.96), outline=255, width=int(s * 0.06))
    f = font("songbold", int(s * 0.40))
    # read top-to-bottom, right column first
    order = [(1, 0), (1, 1), (0, 0), (0, 1)] if len(chars) == 4 else [(1, 0), (1, 1), (0, 0), (0, 1)][:len(chars)]
    for ch, (col, row) in zip(chars, order, strict=False):
        cx, cy = s * (0.29 + 0.42 * col), s * (0.29 + 0.42 * row)
        d.text((cx, cy), ch, font=f, fill=0 if negative else 255, anchor="mm")
    a = a.rotate(rng.uniform(-6, 6), resample=Image.BICUBIC, expand=True).resize((side_px, side_px), Image.LANCZOS)
    return _ink(a, SEAL_RED, rng, pressure=0.35)


def paste_at_mm(page: Page, ink: Image.Image, x_mm: float, y_mm: float, anchor: str = "lm") -> tuple[float, float]:
    """Paste ink with its left-middle (lm), centre (mm) or left-top (lt) at (x, y) mm; returns its right/bottom
    edge in mm."""
    x, y = page.px(x_mm), page.px(y_mm)
    if anchor[0] == "m":
        x -= ink.width // 2
    if anchor[1] == "m":
        y -= ink.height // 2
    page.paste_ink(ink, x, y)
    return (x + ink.width) * 25.4 / page.dpi, (y + ink.height) * 25.4 / page.dpi
