"""Drawing on a paper page: typed text, ruled cells, handwriting, signatures, name stamps, seals, red letterheads.

A `Sheet` is one page at a chosen resolution, addressed in millimetres. Ink, stamps and seals are
composited by multiplication, so a seal over text darkens it as it does on paper.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONTS: dict[str, tuple[str, int]] = {
    "song": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    "song_bold": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2),
    "hei": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    "hei_bold": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    "ming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "wqy": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    "latin": ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 0),
}
BODY_FONTS = ["song", "song", "ming", "hei", "wqy", "kai"]

INKS = {"black": (25, 25, 30), "blue_black": (25, 35, 80), "blue": (25, 55, 165)}
SEAL_RED = [(214, 36, 42), (200, 28, 48), (225, 60, 60), (190, 30, 35)]


@lru_cache(maxsize=256)
def font(name: str, px: int) -> ImageFont.FreeTypeFont:
    path, index = FONTS[name]
    return ImageFont.truetype(path, max(6, px), index=index)


@dataclass
class Cell:
    """A ruled cell; text is wrapped inside it (align: center | left | top)."""

    x: float
    y: float
    w: float
    h: float
    text: str = ""
    align: str = "center"
    pt: float = 0.0
    bold: bool = False


class Sheet:
    """One page of paper at `dpi`, drawn in millimetre coordinates."""

    def __init__(self, dpi: int, rng: random.Random, landscape: bool = False, body_font: str | None = None,
                 pt: float | None = None) -> None:
        self.rng = rng
        self.dpi = dpi
        self.w_mm, self.h_mm = (297.0, 210.0) if landscape else (210.0, 297.0)
        self.k = dpi / 25.4
        tone = rng.randrange(246, 256)
        self.img = Image.new("RGB", (round(self.w_mm * self.k), round(self.h_mm * self.k)), (tone, tone, tone - rng.randrange(0, 4)))
        self.draw = ImageDraw.Draw(self.img)
        self.font_name = body_font or rng.choice(BODY_FONTS)
        self.pt = pt or rng.choice([10.5, 12, 12, 14])
        self.sealed = False
        self.crowded = False
        self.extra_sealed = False
        self.bottom = 0.0  # lowest y (mm) drawn so far, to catch content running off the page

    # --- geometry -------------------------------------------------------------------------
    def px(self, mm: float) -> int:
        return round(mm * self.k)

    def pt_px(self, pt: float) -> int:
        return round(pt * self.dpi / 72)

    def text_w(self, s: str, pt: float, name: str | None = None) -> float:
        return font(name or self.font_name, self.pt_px(pt)).getlength(s) / self.k

    # --- typed text -----------------------------------------------------------------------
    def text(self, x: float, y: float, s: str, pt: float | None = None, name: str | None = None,
             fill: tuple[int, int, int] = (20, 20, 20), anchor: str = "la") -> float:
        """Draw one line with its top-left (or `anchor`) at (x, y) mm; returns its width in mm."""
        pt = pt or self.pt
        f = font(name or self.font_name, self.pt_px(pt))
        self.draw.text((self.px(x), self.px(y)), s, font=f, fill=fill, anchor=anchor)
        self.bottom = max(self.bottom, y + pt * 0.3528 * 1.2)
        return f.getlength(s) / self.k

    def wrap(self, s: str, width: float, pt: float, name: str | None = None, indent: int = 0) -> list[str]:
        f = font(name or self.font_name, self.pt_px(pt))
        limit = width * self.k
        lines: list[str] = []
        line = "\u3000" * indent
        for ch in s:
            if ch == "\n":
                lines.append(line)
                line = ""
                continue
            if f.getlength(line + ch) > limit and line:
                if ch in "，。、；：）”" and len(line) > 1:
                    lines.append(line + ch)
                    line = ""
                    continue
                lines.append(line)
                line = ""
            line += ch
        if line:
            lines.append(line)
        return lines

    def paragraph(self, x: float, y: float, width: float, s: str, pt: float | None = None, indent: int = 2,
                  spacing: float = 1.7, name: str | None = None) -> float:
        """Wrapped paragraph; returns the y below it."""
        pt = pt or self.pt
        step = pt * 0.3528 * spacing
        for line in self.wrap(s, width, pt, name, indent):
            self.text(x, y, line, pt, name)
            y += step
        return y

    # --- rules and cells ------------------------------------------------------------------
    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.3,
             fill: tuple[int, int, int] = (30, 30, 30)) -> None:
        self.draw.line([(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))], fill=fill, width=max(1, self.px(width)))

    def cells(self, cells: list[Cell], rule: float = 0.3) -> None:
        for c in cells:
            self.bottom = max(self.bottom, c.y + c.h)
            self.draw.rectangle([self.px(c.x), self.px(c.y), self.px(c.x + c.w), self.px(c.y + c.h)],
                                outline=(30, 30, 30), width=max(1, self.px(rule)))
            if c.text:
                self.cell_text(c)

    def cell_text(self, c: Cell) -> None:
        pt = c.pt or self.pt
        name = "hei_bold" if c.bold else None
        pad = 1.5
        lines = self.wrap(c.text, c.w - 2 * pad, pt, name)
        step = pt * 0.3528 * 1.45
        while len(lines) * step > c.h - 1 and pt > 7:
            pt -= 0.5
            step = pt * 0.3528 * 1.45
            lines = self.wrap(c.text, c.w - 2 * pad, pt, name)
        y = c.y + pad + 0.5 if c.align == "top" else c.y + (c.h - len(lines) * step) / 2 + step * 0.12
        for line in lines:
            if c.align == "center":
                self.text(c.x + c.w / 2, y, line, pt, name, anchor="ma")
            else:
                self.text(c.x + pad, y, line, pt, name)
            y += step

    # --- compositing ----------------------------------------------------------------------
    def multiply(self, layer: Image.Image, x_px: int, y_px: int, colour: tuple[int, int, int], alpha: float = 1.0) -> None:
        """Lay a coverage mask (mode L, 255 = full ink) of `colour` onto the page at pixel (x, y)."""
        W, H = self.img.size
        x0, y0 = max(0, x_px), max(0, y_px)
        x1, y1 = min(W, x_px + layer.width), min(H, y_px + layer.height)
        if x1 <= x0 or y1 <= y0:
            return
        mask = np.asarray(layer, dtype=np.float32)[y0 - y_px:y1 - y_px, x0 - x_px:x1 - x_px, None] / 255.0 * alpha
        base = np.asarray(self.img.crop((x0, y0, x1, y1)), dtype=np.float32)
        tint = np.array(colour, dtype=np.float32) / 255.0
        out = base * (1.0 - mask + mask * tint)
        self.img.paste(Image.fromarray(out.clip(0, 255).astype(np.uint8)), (x0, y0))

    # --- handwriting ----------------------------------------------------------------------
    def handwriting(self, x: float, y: float, s: str, height: float, ink: str = "black", pressure: float = 1.0,
                    connected: bool = False, slant: float | None = None) -> float:
        """Handwritten text (Kai glyphs, jittered, slanted) with its left middle at (x, y) mm; returns width mm."""
        rng = self.rng
        size = self.px(height)
        glyphs: list[Image.Image] = []
        for ch in s:
            f = font("kai", round(size * rng.uniform(0.85, 1.15)))
            box = f.getbbox(ch) if ch.strip() else (0, 0, size // 3, size)
            g = Image.new("L", (max(1, box[2] - box[0] + 8), max(1, box[3] - box[1] + 8)), 0)
            ImageDraw.Draw(g).text((4 - box[0], 4 - box[1]), ch, font=f, fill=255)
            glyphs.append(g.rotate(rng.uniform(-9, 9), resample=Image.BICUBIC, expand=True))
        total = sum(int(g.width * (0.8 if connected else 0.95)) for g in glyphs) + size
        canvas = Image.new("L", (total + size, size * 2), 0)
        cx = size // 4
        anchors: list[tuple[int, int]] = []
        for g in glyphs:
            top = size - g.height // 2 + rng.randint(-size // 10, size // 10)
            canvas.paste(255, (cx, top), g)
            anchors.append((cx + g.width, top + int(g.height * 0.7)))
            cx += int(g.width * (rng.uniform(0.72, 0.88) if connected else rng.uniform(0.9, 1.05)))
        if connected:
            d = ImageDraw.Draw(canvas)
            for (ax, ay), g in zip(anchors[:-1], glyphs[1:], strict=False):
                d.line([(ax - 4, ay), (ax + g.width // 6, ay - size // 4)], fill=255, width=max(1, size // 22))
        shear = rng.uniform(-0.1, 0.3) if slant is None else slant
        canvas = canvas.transform(canvas.size, Image.AFFINE, (1, shear, -shear * canvas.height / 2, 0, 1, 0),
                                  resample=Image.BICUBIC)
        weight = rng.random()
        if weight < 0.2 and self.dpi >= 200:
            canvas = canvas.filter(ImageFilter.MinFilter(3))
        elif weight > 0.75:
            canvas = canvas.filter(ImageFilter.MaxFilter(3))
        canvas = canvas.filter(ImageFilter.GaussianBlur(0.5))
        self.multiply(canvas, self.px(x) - size // 4, self.px(y) - size, INKS[ink], min(1.0, 0.6 * pressure + 0.38))
        return cx / self.k

    def scribble(self, x: float, y: float, width: float, height: float, ink: str = "black", lead: str = "") -> float:
        """A cursive signature: optionally one legible character, then flowing bezier loops."""
        rng = self.rng
        used = 0.0
        if lead:
            used = self.handwriting(x, y, lead, height * 1.1, ink, connected=True)
        W, H = self.px(width), self.px(height) * 2
        layer = Image.new("L", (W + 20, H + 20), 0)
        d = ImageDraw.Draw(layer)
        pts: list[tuple[float, float]] = []
        px_, py_ = 10.0, H / 2 + 10
        for _ in range(rng.randint(3, 6)):
            c1 = (px_ + rng.uniform(0, W / 4), py_ + rng.uniform(-H / 2, H / 2))
            c2 = (px_ + rng.uniform(-W / 10, W / 4), py_ + rng.uniform(-H / 2, H / 2))
            end = (min(W + 5, px_ + rng.uniform(W / 8, W / 3)), H / 2 + 10 + rng.uniform(-H / 4, H / 4))
            for t in np.linspace(0, 1, 24):
                a = (1 - t) ** 3
                b = 3 * (1 - t) ** 2 * t
                c = 3 * (1 - t) * t ** 2
                e = t ** 3
                pts.append((a * px_ + b * c1[0] + c * c2[0] + e * end[0], a * py_ + b * c1[1] + c * c2[1] + e * end[1]))
            px_, py_ = end
        d.line(pts, fill=255, width=max(2, self.px(0.45)), joint="curve")
        if rng.random() < 0.6:
            y_tail = H / 2 + 10 + rng.uniform(0, H / 4)
            d.line([(10, y_tail), (W, y_tail - rng.uniform(0, H / 3))], fill=255, width=max(1, self.px(0.3)))
        layer = layer.filter(ImageFilter.GaussianBlur(0.6))
        self.multiply(layer, self.px(x + used) - 10, self.px(y) - H // 2 - 10, INKS[ink], 0.9)
        return used + width

    # --- stamps ---------------------------------------------------------------------------
    def name_stamp(self, x: float, y: float, name: str, size: float = 11.0) -> None:
        """A personal square name stamp (名章), top-left at (x, y) mm."""
        rng = self.rng
        chars = list(name) + (["印"] if len(name) in (2, 3) and rng.random() < 0.5 else [])
        if len(chars) == 2:
            grid = [[chars[0]], [chars[1]]]
        elif len(chars) == 3:
            grid = [[chars[1], chars[0]], [chars[2], ""]] if rng.random() < 0.5 else [[chars[0]], [chars[1]], [chars[2]]]
        else:
            grid = [[chars[1], chars[0]], [chars[3], chars[2]]] if len(chars) == 4 else [[c] for c in chars]
        s = self.px(size)
        layer = Image.new("L", (s, s), 0)
        d = ImageDraw.Draw(layer)
        d.rectangle([1, 1, s - 2, s - 2], outline=255, width=max(2, s // 14))
        rows = len(grid)
        cols = max(len(r) for r in grid)
        cw, ch = (s - s // 6) / cols, (s - s // 6) / rows
        f = font("song_bold", int(min(cw, ch) * 0.95))
        for r, row in enumerate(grid):
            for c, char in enumerate(row):
                col = c if cols == 1 else (cols - 1 - c if rng.random() < 0 else c)
                d.text((s // 12 + col * cw + cw / 2, s // 12 + r * ch + ch / 2), char, font=f, fill=255, anchor="mm")
        layer = self._wear(layer, rng.uniform(0.05, 0.25)).rotate(rng.uniform(-6, 6), expand=True)
        self.multiply(layer, self.px(x), self.px(y), rng.choice(SEAL_RED), 0.9)

    def seal(self, cx: float, cy: float, text: str, shape: str = "round", bottom: str = "", serial: str = "",
             english: str = "", faint: float = 0.0, grey: bool = False) -> None:
        """An official seal centred at (cx, cy) mm: the unit along the arc, a star, optional serial/English."""
        rng = self.rng
        if shape == "oval":
            layer = self._oval_seal(text, english, serial)
        else:
            layer = self._round_seal(text, bottom, serial)
        layer = self._wear(layer, faint).rotate(rng.uniform(-25, 25), resample=Image.BICUBIC, expand=True)
        colour = (70, 70, 70) if grey else rng.choice(SEAL_RED)
        self.multiply(layer, self.px(cx) - layer.width // 2, self.px(cy) - layer.height // 2, colour,
                      rng.uniform(0.75, 0.95))

    def _round_seal(self, text: str, bottom: str, serial: str) -> Image.Image:
        rng = self.rng
        diameter = rng.uniform(38, 44)
        s = self.px(diameter)
        layer = Image.new("L", (s, s), 0)
        d = ImageDraw.Draw(layer)
        ring = max(2, self.px(rng.uniform(0.9, 1.4)))
        d.ellipse([1, 1, s - 2, s - 2], outline=255, width=ring)
        c = s / 2
        _star(d, c, c, s * 0.17)
        span = min(260.0, 140 + 9.5 * len(text))
        size = self.px(min(7.0, 0.82 * math.pi * diameter * 0.38 * span / 360 / max(1, len(text)) * 2.2))
        self._arc_text(layer, text, c, c, s / 2 - ring - size * 0.72, span, size, "song_bold", top=True)
        if serial:
            self._arc_text(layer, serial, c, c, s / 2 - ring - self.px(1.6), 70, self.px(2.0), "latin", top=False)
        if bottom:
            f = font("song_bold", self.px(4.2))
            d.text((c, c + s * 0.27), bottom, font=f, fill=255, anchor="mm")
        return layer

    def _oval_seal(self, text: str, english: str, serial: str) -> Image.Image:
        w, h = self.px(self.rng.uniform(44, 50)), self.px(self.rng.uniform(30, 34))
        layer = Image.new("L", (w, h), 0)
        d = ImageDraw.Draw(layer)
        ring = max(2, self.px(1.0))
        d.ellipse([1, 1, w - 2, h - 2], outline=255, width=ring)
        d.ellipse([self.px(2.2), self.px(2.2), w - self.px(2.2), h - self.px(2.2)], outline=255, width=max(1, ring // 3))
        n = len(text)
        size = self.px(min(4.6, 95 / max(1, n) * 0.5))
        for i, ch in enumerate(text):
            t = math.radians(-150 + 120 * (i + 0.5) / n)
            x = w / 2 + (w / 2 - self.px(6)) * math.cos(t)
            y = h / 2 + (h / 2 - self.px(6)) * math.sin(t)
            g = _glyph(ch, size, "song_bold").rotate(-math.degrees(t) - 90, resample=Image.BICUBIC, expand=True)
            layer.paste(255, (int(x - g.width / 2), int(y - g.height / 2)), g)
        f = font("latin", self.px(2.3))
        d.text((w / 2, h * 0.56), serial, font=f, fill=255, anchor="mm")
        d.text((w / 2, h * 0.78), english, font=font("latin", self.px(1.9)), fill=255, anchor="mm")
        return layer

    def _arc_text(self, layer: Image.Image, text: str, cx: float, cy: float, r: float, span: float, size: int,
                  face: str, top: bool) -> None:
        n = len(text)
        for i, ch in enumerate(text):
            frac = (i + 0.5) / n
            theta = -span / 2 + span * frac if top else 180 + span / 2 - span * frac
            rad = math.radians(theta)
            x, y = cx + r * math.sin(rad), cy - r * math.cos(rad)
            g = _glyph(ch, size, face).rotate(-theta if top else 180 - theta, resample=Image.BICUBIC, expand=True)
            layer.paste(255, (int(x - g.width / 2), int(y - g.height / 2)), g)

    def _wear(self, layer: Image.Image, faint: float) -> Image.Image:
        """Uneven ink: blotchy coverage; `faint` up to 0.6 removes whole patches (a partial, faint stamp)."""
        rng = np.random.default_rng(self.rng.randrange(1 << 30))
        small = rng.random((8, 8)).astype(np.float32)
        field = np.asarray(Image.fromarray((small * 255).astype(np.uint8)).resize(layer.size, Image.BICUBIC),
                           dtype=np.float32) / 255.0
        grain = rng.random((layer.height, layer.width)).astype(np.float32)
        keep = np.clip((field - faint * 0.9) * 2.2 + 0.35, 0.15, 1.0) * (0.75 + 0.25 * grain)
        return Image.fromarray((np.asarray(layer, dtype=np.float32) * keep).clip(0, 255).astype(np.uint8))

    def red_header(self, y: float, school: str, doc_no: str | None) -> float:
        """A 红头: the unit's name (+文件) large in red, an optional document number, and a red rule."""
        rng = self.rng
        red = rng.choice([(210, 30, 35), (230, 40, 40)])
        title = school + rng.choice(["", "文件", ""])
        pt = min(30.0, (self.w_mm - 40) / max(1, len(title)) / 0.3528 * 0.95)
        self.text(self.w_mm / 2, y, title, pt, rng.choice(["song_bold", "hei_bold"]), fill=red, anchor="ma")
        y += pt * 0.3528 + 6
        if doc_no:
            self.text(self.w_mm / 2, y, doc_no, self.pt, anchor="ma")
            y += 7
        self.line(20, y, self.w_mm - 20, y, 0.9, fill=red)
        if rng.random() < 0.4:
            self.line(20, y + 1.3, self.w_mm - 20, y + 1.3, 0.3, fill=red)
        return y + 8


def _glyph(ch: str, size: int, face: str) -> Image.Image:
    f = font(face, size)
    box = f.getbbox(ch)
    g = Image.new("L", (max(1, box[2] - box[0] + 4), max(1, size + 4)), 0)
    ImageDraw.Draw(g).text((2 - box[0], 2), ch, font=f, fill=255)
    return g


def _star(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    pts = []
    for i in range(10):
        rad = math.radians(-90 + 36 * i)
        rr = r if i % 2 == 0 else r * 0.38
        pts.append((cx + rr * math.cos(rad), cy + rr * math.sin(rad)))
    d.polygon(pts, fill=255)
