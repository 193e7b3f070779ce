"""Drawing primitives on an A4 page image: printed text and ruled tables (also with vertical header text),
handwriting and signatures in a kaiti hand, 手签章 signature stamps and the red round official seal."""

from __future__ import annotations

import math
import random
from functools import lru_cache

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

FONTS = {
    "song": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    "songb": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2),
    "hei": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    "heib": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "ming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "wqy": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
}

Ink = tuple[int, int, int]
BLACK: Ink = (25, 25, 28)
BLUE: Ink = (28, 48, 150)
BLUE_BLACK: Ink = (30, 36, 80)
RED: Ink = (214, 34, 44)


@lru_cache(maxsize=256)
def font(face: str, size_px: int) -> ImageFont.FreeTypeFont:
    path, index = FONTS[face]
    return ImageFont.truetype(path, max(6, size_px), index=index)


class Page:
    """An A4 (or custom) page in mm coordinates, drawn at `dpi`."""

    def __init__(self, dpi: int = 200, w_mm: float = 210, h_mm: float = 297, paper: Ink = (255, 255, 255)) -> None:
        self.dpi = dpi
        self.w_mm, self.h_mm = w_mm, h_mm
        self.img = Image.new("RGB", (self.px(w_mm), self.px(h_mm)), paper)
        self.d = ImageDraw.Draw(self.img)

    def px(self, mm: float) -> int:
        return round(mm * self.dpi / 25.4)

    def pt(self, pt: float) -> int:
        return round(pt * self.dpi / 72)

    def width_mm(self, s: str, pt: float, face: str = "song") -> float:
        return font(face, self.pt(pt)).getlength(s) * 25.4 / self.dpi

    def text(self, x: float, y: float, s: str, pt: float = 12, face: str = "song", fill: Ink = BLACK,
             anchor: str = "la") -> None:
        self.d.text((self.px(x), self.px(y)), s, font=font(face, self.pt(pt)), fill=fill, anchor=anchor)

    def center(self, y: float, s: str, pt: float = 16, face: str = "songb", fill: Ink = BLACK) -> None:
        self.text(self.w_mm / 2, y, s, pt, face, fill, anchor="ma")

    def wrap(self, s: str, width_mm: float, pt: float, face: str = "song", indent: int = 0) -> list[str]:
        """Break `s` into lines no wider than width_mm (CJK: any character may break)."""
        lines, cur = [], "\u3000" * indent
        for ch in s:
            if ch == "\n":
                lines.append(cur)
                cur = ""
                continue
            if self.width_mm(cur + ch, pt, face) > width_mm and cur:
                if ch in "，。、；：）”！？" and len(cur) > 1:  # no punctuation at a line start
                    lines.append(cur[:-1])
                    cur = cur[-1]
                else:
                    lines.append(cur)
                    cur = ""
            cur += ch
        if cur:
            lines.append(cur)
        return lines

    def para(self, x: float, y: float, width: float, s: str, pt: float = 12, face: str = "song",
             leading: float = 1.75, indent: int = 2, fill: Ink = BLACK) -> float:
        """A paragraph from (x, y); returns the y under it."""
        step = pt * 25.4 / 72 * leading
        for line in self.wrap(s, width, pt, face, indent):
            self.text(x, y, line, pt, face, fill)
            y += step
        return y

    def line(self, x0: float, y0: float, x1: float, y1: float, fill: Ink = BLACK, w: float = 0.3) -> None:
        self.d.line([(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))], fill=fill,
                    width=max(1, self.px(w)))

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: Ink = BLACK, w: float = 0.3) -> None:
        self.d.rectangle([self.px(x0), self.px(y0), self.px(x1), self.px(y1)], outline=fill,
                         width=max(1, self.px(w)))

    def cell_text(self, x0: float, y0: float, x1: float, y1: float, s: str, pt: float, face: str = "song",
                  align: str = "c", vertical: bool = False, fill: Ink = BLACK) -> None:
        """Text inside a cell: wrapped and centred, or (vertical) one character per line."""
        if not s:
            return
        step = pt * 25.4 / 72 * 1.3
        if vertical:
            chars = list(s)
            y = (y0 + y1) / 2 - step * len(chars) / 2
            for ch in chars:
                self.text((x0 + x1) / 2, y, ch, pt, face, fill, anchor="ma")
                y += step
            return
        lines = self.wrap(s, x1 - x0 - 2.4, pt, face)
        y = (y0 + y1) / 2 - step * len(lines) / 2 + step * 0.1
        for line in lines:
            if align == "c":
                self.text((x0 + x1) / 2, y, line, pt, face, fill, anchor="ma")
            else:
                self.text(x0 + 1.5, y, line, pt, face, fill)
            y += step

    def table(self, x: float, y: float, widths: list[float], rows: list[list[str]], heights: list[float],
              pt: float = 10.5, face: str = "song", grid: Ink = BLACK, w: float = 0.3,
              vertical_header: tuple[int, ...] = (), header_face: str = "heib",
              aligns: str = "") -> list[tuple[float, float]]:
        """A ruled table; returns each row's (top, bottom) in mm."""
        xs = [x]
        for width in widths:
            xs.append(xs[-1] + width)
        spans = []
        top = y
        for r, row in enumerate(rows):
            bottom = top + heights[r]
            for c, s in enumerate(row):
                align = aligns[c] if c < len(aligns) else "c"
                self.cell_text(xs[c], top, xs[c + 1], bottom, s, pt, header_face if r == 0 else face,
                               "c" if r == 0 else align, vertical=(r == 0 and c in vertical_header))
            spans.append((top, bottom))
            top = bottom
        for yy in [y] + [b for _, b in spans]:
            self.line(x, yy, xs[-1], yy, grid, w)
        for xx in xs:
            self.line(xx, y, xx, top, grid, w)
        return spans

    # --- handwriting --------------------------------------------------------------------------------

    def hand(self, x: float, y: float, s: str, pt: float, ink: Ink, rng: random.Random, slant: float = 0.18,
             spacing: float = 0.92, bold: bool = False) -> float:
        """Handwritten `s` from (x, y) (top-left); returns the x after it."""
        size = self.pt(pt)
        cx, cy = self.px(x), self.px(y)
        for ch in s:
            if ch == " ":
                cx += size // 2
                continue
            k = rng.uniform(0.9, 1.08)
            glyph = _glyph(ch, round(size * k), rng.uniform(-5, 5), slant + rng.uniform(-0.05, 0.05), bold)
            ox, oy = rng.randint(-size // 14, size // 14), rng.randint(-size // 10, size // 10)
            _ink(self.img, glyph, (cx + ox, cy + oy), ink, rng.uniform(0.82, 0.97))
            wide = ch.isascii() and ch not in "年月日"
            cx += round(size * k * (0.55 if wide else spacing))
        return cx * 25.4 / self.dpi

    def signature(self, x: float, y: float, name: str, rng: random.Random, ink: Ink = BLUE_BLACK,
                  pt: float = 20) -> float:
        """A fast, crowded signature with a tail stroke; returns the x after it."""
        size = self.pt(pt)
        cx, cy = self.px(x), self.px(y)
        slant = rng.uniform(0.25, 0.45)
        for i, ch in enumerate(name):
            k = rng.uniform(0.85, 1.15) * (1.12 if i == 0 else 1.0)
            glyph = _glyph(ch, round(size * k), rng.uniform(-12, 6), slant, True)
            _ink(self.img, glyph, (cx, cy + rng.randint(-size // 8, size // 6)), ink, 0.95)
            cx += round(size * k * rng.uniform(0.62, 0.78))
        # tail stroke
        pts = []
        x0, y0 = cx - size * 0.2, cy + size * 0.7
        for t in np.linspace(0, 1, 24):
            pts.append((x0 + t * size * rng.uniform(0.9, 1.3), y0 - math.sin(t * math.pi * 0.9) * size * 0.45))
        self.d.line(pts, fill=ink, width=max(2, size // 16), joint="curve")
        return (cx + size) * 25.4 / self.dpi

    def stamp_signature(self, x: float, y: float, name: str, rng: random.Random, ink: Ink,
                        pt: float = 22) -> None:
        """A 手签章: a rubber stamp of a handwritten signature, broad strokes, uneven ink, tilted."""
        size = self.pt(pt)
        layer = Page(self.dpi, (len(name) + 2) * pt * 0.36, pt * 0.36 * 2.2)
        layer.signature(pt * 0.25, pt * 0.12, name, rng, BLACK, pt)
        mask = ImageChops.invert(layer.img.convert("L")).filter(ImageFilter.MaxFilter(3))
        mask = mask.rotate(rng.uniform(-9, 9), expand=True, resample=Image.BICUBIC)
        arr = np.asarray(mask, dtype=np.float32) / 255
        nr = np.random.default_rng(rng.randrange(1 << 30))
        blotch = np.asarray(Image.fromarray((nr.random((arr.shape[0] // 6 + 1, arr.shape[1] // 6 + 1)) * 255)
                                            .astype(np.uint8)).resize(arr.shape[::-1], Image.BILINEAR),
                            dtype=np.float32) / 255
        arr = arr * np.clip(0.45 + blotch * 0.8, 0, 1) * (nr.random(arr.shape) > 0.06)
        _blend(self.img, arr, (self.px(x), self.px(y) - size // 4), ink, 0.92)

    # --- seal -----------------------------------------------------------------------------------------

    def seal(self, cx: float, cy: float, unit: str, rng: random.Random, d_mm: float = 42, ink: Ink = RED,
             bottom: str = "") -> None:
        """A round official seal: ring, the unit's name on the upper arc, a star; uneven red ink."""
        dpx = self.px(d_mm)
        size = dpx + 8
        layer = Image.new("L", (size, size), 0)
        d = ImageDraw.Draw(layer)
        c = size / 2
        r = dpx / 2
        ring = max(3, round(dpx * 0.028))
        d.ellipse([c - r, c - r, c + r, c + r], outline=255, width=ring)
        fs = round(dpx * (0.15 if len(unit) <= 12 else 0.13))
        f = font("songb", fs)
        n = len(unit)
        span = min(250.0, 18.0 * n + 30) if n > 6 else 150.0
        rad = r - ring - fs * 0.62
        for i, ch in enumerate(unit):
            ang = -span / 2 + span * (i + 0.5) / n  # degrees from top, clockwise
            glyph = Image.new("L", (fs * 2, fs * 2), 0)
            ImageDraw.Draw(glyph).text((fs, fs), ch, font=f, fill=255, anchor="mm")
            glyph = glyph.resize((round(fs * 2 * 0.78), fs * 2)).rotate(-ang, resample=Image.BICUBIC)
            a = math.radians(ang)
            gx, gy = c + rad * math.sin(a), c - rad * math.cos(a)
            layer.paste(255, (round(gx - glyph.width / 2), round(gy - glyph.height / 2)), glyph)
        star_r = dpx * 0.15
        pts = []
        for k in range(10):
            rr = star_r if k % 2 == 0 else star_r * 0.4
            a = math.radians(-90 + 36 * k)
            pts.append((c + rr * math.cos(a), c + dpx * 0.02 + rr * math.sin(a)))
        d.polygon(pts, fill=255)
        if bottom:
            d.text((c, c + r * 0.5), bottom, font=font("songb", round(fs * 0.8)), fill=255, anchor="mm")
        layer = layer.rotate(rng.uniform(-15, 15), resample=Image.BICUBIC)
        arr = np.asarray(layer, dtype=np.float32) / 255
        nr = np.random.default_rng(rng.randrange(1 << 30))
        blotch = np.asarray(Image.fromarray((nr.random((size // 12 + 1, size // 12 + 1)) * 255).astype(np.uint8))
                            .resize((size, size), Image.BILINEAR), dtype=np.float32) / 255
        arr = arr * np.clip(0.55 + blotch * 0.6, 0, 1) * (nr.random(arr.shape) > 0.04)
        _blend(self.img, arr, (self.px(cx) - size // 2, self.px(cy) - size // 2), ink, 0.9)


def _glyph(ch: str, size: int, rot: float, slant: float, bold: bool) -> Image.Image:
    g = Image.new("L", (size * 2, size * 2), 0)
    ImageDraw.Draw(g).text((size // 2, size // 2), ch, font=font("kai", size), fill=255,
                           stroke_width=1 if bold else 0, stroke_fill=255)
    g = g.transform(g.size, Image.AFFINE, (1, slant, -slant * size, 0, 1, 0), resample=Image.BICUBIC)
    return g.rotate(rot, resample=Image.BICUBIC)


def _ink(img: Image.Image, glyph: Image.Image, at: tuple[int, int], ink: Ink, strength: float) -> None:
    arr = np.asarray(glyph, dtype=np.float32) / 255
    size = glyph.width // 2
    _blend(img, arr, (at[0] - size // 2, at[1] - size // 2), ink, strength)


def _blend(img: Image.Image, alpha: np.ndarray, at: tuple[int, int], ink: Ink, strength: float) -> None:
    """Multiply-blend ink of colour `ink` through `alpha` (0..1) onto img at `at` (top-left), clipped."""
    x, y = at
    h, w = alpha.shape
    x0, y0, x1, y1 = max(0, x), max(0, y), min(img.width, x + w), min(img.height, y + h)
    if x0 >= x1 or y0 >= y1:
        return
    a = alpha[y0 - y:y1 - y, x0 - x:x1 - x, None] * strength
    box = np.asarray(img.crop((x0, y0, x1, y1)), dtype=np.float32)
    colour = np.array(ink, dtype=np.float32)
    out = box * (1 - a) + np.minimum(box, colour) * a
    img.paste(Image.fromarray(out.clip(0, 255).astype(np.uint8)), (x0, y0))
