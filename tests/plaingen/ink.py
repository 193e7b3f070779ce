"""Paper and ink: a page drawn in millimetres, printed text, handwriting, signatures, seals, name stamps."""

from __future__ import annotations

import math
import random
from functools import lru_cache

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

_NOTO = "/usr/share/fonts/opentype/noto/"
FONTS = {
    "song": (_NOTO + "NotoSerifCJK-Regular.ttc", 2),
    "song_bold": (_NOTO + "NotoSerifCJK-Bold.ttc", 2),
    "hei": (_NOTO + "NotoSansCJK-Regular.ttc", 2),
    "hei_bold": (_NOTO + "NotoSansCJK-Bold.ttc", 2),
    "ming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "wqy": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
}
BODY_FACES = ("song", "song", "ming", "hei", "wqy")
INKS = {"blue": (28, 48, 150), "black": (25, 25, 30), "blue-black": (30, 36, 80)}
RED = (214, 28, 36)


@lru_cache(maxsize=256)
def font(face: str, px: int) -> ImageFont.FreeTypeFont:
    path, index = FONTS[face]
    return ImageFont.truetype(path, max(6, px), index=index)


class Page:
    """A white sheet of `width_mm` × `height_mm` at `dpi`; every coordinate is in millimetres."""

    def __init__(self, width_mm: float, height_mm: float, dpi: int, rng: random.Random) -> None:
        self.dpi, self.rng = dpi, rng
        self.w_mm, self.h_mm = width_mm, height_mm
        self.img = Image.new("RGB", (self.px(width_mm), self.px(height_mm)), "white")
        self.draw = ImageDraw.Draw(self.img)

    def px(self, mm: float) -> int:
        return round(mm * self.dpi / 25.4)

    def pt(self, points: float) -> int:
        return round(points * self.dpi / 72)

    def text_mm(self, text: str, face: str, size_pt: float) -> float:
        return font(face, self.pt(size_pt)).getlength(text) * 25.4 / self.dpi

    def text(self, x: float, y: float, text: str, face: str = "song", size: float = 12, fill=(0, 0, 0),
             align: str = "left") -> float:
        """Draw one line with its top at y; x is the left edge, the centre or the right edge; returns its width."""
        f = font(face, self.pt(size))
        width = self.text_mm(text, face, size)
        left = x - width / 2 if align == "center" else x - width if align == "right" else x
        self.draw.text((self.px(left), self.px(y)), text, font=f, fill=fill)
        return width

    def wrap(self, text: str, face: str, size: float, width: float) -> list[str]:
        lines, line = [], ""
        for ch in text:
            if ch == "\n":
                lines.append(line)
                line = ""
                continue
            if self.text_mm(line + ch, face, size) > width and line:
                if ch in "，。、；：）”》":  # no line may begin with closing punctuation
                    line += ch
                    continue
                if line[-1] in "（“《":  # nor end with opening punctuation
                    lines.append(line[:-1])
                    line = line[-1] + ch
                    continue
                lines.append(line)
                line = ch
            else:
                line += ch
        if line:
            lines.append(line)
        return lines

    def paragraph(self, x: float, y: float, width: float, text: str, face: str = "song", size: float = 12,
                  leading: float = 1.7, indent: bool = True) -> float:
        """Justified-left paragraph with a two-character first-line indent; returns the y below it."""
        line_h = size * 25.4 / 72 * leading
        lines = self.wrap(("\u3000\u3000" if indent else "") + text, face, size, width)
        for line in lines:
            self.text(x, y, line, face, size)
            y += line_h
        return y

    def line(self, x0: float, y0: float, x1: float, y1: float, width_mm: float = 0.25, fill=(0, 0, 0)) -> None:
        self.draw.line((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), fill=fill,
                       width=max(1, self.px(width_mm)))

    def rect(self, x0: float, y0: float, x1: float, y1: float, width_mm: float = 0.25) -> None:
        for a, b, c, d in ((x0, y0, x1, y0), (x1, y0, x1, y1), (x0, y1, x1, y1), (x0, y0, x0, y1)):
            self.line(a, b, c, d, width_mm)

    def cell_text(self, x0: float, y0: float, x1: float, y1: float, text: str, face: str = "song",
                  size: float = 10.5, align: str = "center", valign: str = "middle") -> None:
        """Text wrapped inside a cell, centred (or left) horizontally and vertically."""
        pad = 1.5
        lines = self.wrap(text, face, size, x1 - x0 - 2 * pad)
        line_h = size * 25.4 / 72 * 1.35
        total = line_h * len(lines)
        y = y0 + pad if valign == "top" else y0 + (y1 - y0 - total) / 2
        for line in lines:
            if align == "center":
                self.text((x0 + x1) / 2, y, line, face, size, align="center")
            else:
                self.text(x0 + pad, y, line, face, size)
            y += line_h

    def stamp(self, layer: Image.Image, cx: float, cy: float) -> None:
        """Multiply an RGBA ink layer onto the page centred at (cx, cy) mm, so print shows through."""
        x, y = self.px(cx) - layer.width // 2, self.px(cy) - layer.height // 2
        patch = Image.new("RGB", layer.size, "white")
        patch.paste(layer, (0, 0), layer)
        box = (x, y, x + layer.width, y + layer.height)
        region = self.img.crop(box)
        self.img.paste(ImageChops.multiply(region, patch), box[:2])

    def place(self, layer: Image.Image, x: float, y: float) -> None:
        """Multiply a layer with its left edge at x and vertical middle at y (mm)."""
        self.stamp(layer, x + layer.width * 25.4 / self.dpi / 2, y)


def hand(text: str, size_mm: float, dpi: int, rng: random.Random, ink: str = "blue", messy: float = 1.0
         ) -> Image.Image:
    """Handwriting: a kai face, each glyph jittered in size, angle and baseline, slanted, with uneven pressure."""
    px = max(10, round(size_mm * dpi / 25.4))
    color = INKS.get(ink, INKS["blue"])
    width = int(px * (len(text) + 2) * 1.2)
    layer = Image.new("L", (width, int(px * 2.2)), 0)
    x = px * 0.3
    for ch in text:
        s = int(px * rng.uniform(0.86, 1.14))
        f = font("kai", s)
        glyph = Image.new("L", (int(s * 1.6), int(s * 1.6)), 0)
        ImageDraw.Draw(glyph).text((s * 0.3, s * 0.2), ch, font=f, fill=255)
        glyph = glyph.rotate(rng.uniform(-7, 7) * messy, resample=Image.BICUBIC)
        dy = int(px * 0.55 + rng.uniform(-0.08, 0.08) * px * messy)
        layer.paste(ImageChops.lighter(layer.crop((int(x), dy, int(x) + glyph.width, dy + glyph.height)), glyph),
                    (int(x), dy))
        adv = f.getlength(ch) if ch.isascii() else s
        x += adv * rng.uniform(0.82, 1.0) + px * 0.04
    layer = layer.crop((0, 0, min(width, int(x + px)), layer.height))
    shear = rng.uniform(0.08, 0.25) * messy
    layer = layer.transform(layer.size, Image.AFFINE, (1, shear, -shear * layer.height * 0.5, 0, 1, 0),
                            resample=Image.BICUBIC)
    if dpi >= 240 and rng.random() < 0.5:
        layer = layer.filter(ImageFilter.MaxFilter(3))
    return _inked(layer, color, rng)


def signature(name: str, size_mm: float, dpi: int, rng: random.Random, ink: str = "blue") -> Image.Image:
    """A signed name: compressed, slanted, overlapping glyphs with a flourish stroke under or through it."""
    px = max(12, round(size_mm * dpi / 25.4))
    layer = Image.new("L", (int(px * (len(name) + 2.5)), int(px * 2.4)), 0)
    draw = ImageDraw.Draw(layer)
    x = px * 0.3
    for i, ch in enumerate(name):
        s = int(px * rng.uniform(0.95, 1.3) * (1.15 if i == 0 else 1.0))
        glyph = Image.new("L", (int(s * 1.7), int(s * 1.7)), 0)
        ImageDraw.Draw(glyph).text((s * 0.3, s * 0.2), ch, font=font("kai", s), fill=255)
        glyph = glyph.rotate(rng.uniform(-12, 8), resample=Image.BICUBIC)
        dy = int(px * 0.35 + rng.uniform(-0.15, 0.15) * px + i * px * rng.uniform(-0.05, 0.12))
        dy = max(0, min(dy, layer.height - glyph.height))
        layer.paste(ImageChops.lighter(layer.crop((int(x), dy, int(x) + glyph.width, dy + glyph.height)), glyph),
                    (int(x), dy))
        x += s * rng.uniform(0.62, 0.85)
    stroke = max(2, px // 14)
    y0 = layer.height * rng.uniform(0.62, 0.82)
    points = [(px * 0.2 + t * (x - px * 0.1) / 12, y0 + math.sin(t * rng.uniform(0.5, 1.1)) * px * 0.12 - t * px * 0.02)
              for t in range(13)]
    if rng.random() < 0.7:
        draw.line(points, fill=255, width=stroke, joint="curve")
    layer = layer.crop((0, 0, min(layer.width, int(x + px * 0.8)), layer.height))
    shear = rng.uniform(0.2, 0.4)
    layer = layer.transform(layer.size, Image.AFFINE, (1, shear, -shear * layer.height * 0.5, 0, 1, 0),
                            resample=Image.BICUBIC)
    if dpi >= 200:
        layer = layer.filter(ImageFilter.MaxFilter(3))
    return _inked(layer.rotate(rng.uniform(-6, 6), expand=True, resample=Image.BICUBIC),
                  INKS.get(ink, INKS["blue"]), rng)


def _inked(alpha: Image.Image, color: tuple[int, int, int], rng: random.Random, strength: float = 0.92
           ) -> Image.Image:
    a = np.asarray(alpha, dtype=np.float32) / 255.0
    h, w = a.shape
    pressure = np.linspace(rng.uniform(0.75, 1.0), rng.uniform(0.75, 1.0), w, dtype=np.float32)[None, :]
    noise = np.random.default_rng(rng.randrange(1 << 30)).uniform(0.85, 1.0, a.shape).astype(np.float32)
    a = np.clip(a * pressure * noise * strength, 0, 1)
    out = Image.new("RGBA", (w, h), color + (0,))
    out.putalpha(Image.fromarray((a * 255).astype(np.uint8)))
    return out


def typed(text: str, size_pt: float, dpi: int, face: str = "song") -> Image.Image:
    """A printed name as an RGBA layer (what a typed, unsigned name looks like)."""
    f = font(face, round(size_pt * dpi / 72))
    w = int(f.getlength(text)) + 8
    h = int(size_pt * dpi / 72 * 1.6)
    layer = Image.new("L", (w, h), 0)
    ImageDraw.Draw(layer).text((4, h * 0.15), text, font=f, fill=255)
    out = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    out.putalpha(layer)
    return out


def _star(cx: float, cy: float, r: float, angle: float = 0.0) -> list[tuple[float, float]]:
    pts = []
    for k in range(10):
        rr = r if k % 2 == 0 else r * 0.382
        a = -math.pi / 2 + angle + k * math.pi / 5
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def seal(unit: str, dpi: int, rng: random.Random, diameter_mm: float = 42.0, bottom: str = "",
         oval: bool = False) -> Image.Image:
    """A round (or oval) red seal: the unit along the upper arc, a star, an optional bottom line
    (a department such as 教务处), uneven ink, slightly rotated."""
    d = round(diameter_mm * dpi / 25.4)
    size = int(d * 1.1)
    layer = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(layer)
    c = size / 2
    ring = max(2, round(d * 0.028))
    rx, ry = (d / 2, d / 2 * 0.72) if oval else (d / 2, d / 2)
    draw.ellipse((c - rx, c - ry, c + rx, c + ry), outline=255, width=ring)
    n = len(unit)
    span = min(250.0, 16.0 * n + 40) if not oval else min(200.0, 13.0 * n + 30)
    ch_px = int(min(d * 0.15, (math.radians(span) * rx * 0.78) / max(n, 1) * 0.95))
    f = font("song_bold" if rng.random() < 0.5 else "hei_bold", ch_px)
    for i, ch in enumerate(unit):
        ang = -90 - span / 2 + span * (i + 0.5) / n
        rad = math.radians(ang)
        rr_x, rr_y = rx - ring - ch_px * 0.62, ry - ring - ch_px * 0.62
        gx, gy = c + rr_x * math.cos(rad), c + rr_y * math.sin(rad)
        glyph = Image.new("L", (ch_px * 2, ch_px * 2), 0)
        ImageDraw.Draw(glyph).text((ch_px * 0.5, ch_px * 0.35), ch, font=f, fill=255)
        glyph = glyph.rotate(-(ang + 90), resample=Image.BICUBIC)
        layer.paste(ImageChops.lighter(layer.crop((int(gx - ch_px), int(gy - ch_px), int(gx + ch_px),
                                                   int(gy + ch_px))), glyph), (int(gx - ch_px), int(gy - ch_px)))
    star_r = d * (0.13 if not oval else 0.09)
    draw.polygon(_star(c, c - (d * 0.02 if bottom else 0), star_r), fill=255)
    if bottom:
        bf = font("song_bold", int(d * 0.1))
        draw.text((c - bf.getlength(bottom) / 2, c + d * 0.17), bottom, font=bf, fill=255)
    layer = layer.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC)
    return _stamp_ink(layer, rng)


def name_stamp(name: str, dpi: int, rng: random.Random, side_mm: float = 14.0) -> Image.Image:
    """A small square 名章: the name (and 印 to fill four cells) in two columns, read right to left."""
    chars = list(name if len(name) != 3 else name + "印")
    if len(chars) == 2:
        chars = [chars[0], chars[1]]
    side = round(side_mm * dpi / 25.4)
    layer = Image.new("L", (side, side), 0)
    draw = ImageDraw.Draw(layer)
    border = max(2, side // 14)
    white_on_red = rng.random() < 0.5
    if white_on_red:
        draw.rectangle((0, 0, side - 1, side - 1), fill=255)
    else:
        draw.rectangle((0, 0, side - 1, side - 1), outline=255, width=border)
    cells = [(1, 0), (1, 1), (0, 0), (0, 1)] if len(chars) == 4 else [(0.5, 0), (0.5, 1)]
    cs = int((side - 2 * border) / 2)
    f = font("song_bold", int(cs * 0.95))
    for ch, (col, row) in zip(chars, cells, strict=False):
        x = border + col * cs + (cs - f.getlength(ch)) / 2
        y = border + row * cs - cs * 0.12
        draw.text((x, y), ch, font=f, fill=0 if white_on_red else 255)
    return _stamp_ink(layer.rotate(rng.uniform(-8, 8), expand=True, resample=Image.BICUBIC), rng)


def _stamp_ink(alpha: Image.Image, rng: random.Random) -> Image.Image:
    a = np.asarray(alpha, dtype=np.float32) / 255.0
    g = np.random.default_rng(rng.randrange(1 << 30))
    blotch = np.asarray(Image.fromarray((g.uniform(0, 255, (a.shape[0] // 8 + 1, a.shape[1] // 8 + 1))
                                         ).astype(np.uint8)).resize(a.shape[::-1], Image.BILINEAR),
                        dtype=np.float32) / 255.0
    a = np.clip(a * (0.55 + 0.5 * blotch) * g.uniform(0.8, 1.0, a.shape), 0, 1) * rng.uniform(0.8, 0.95)
    red = (rng.randint(195, 230), rng.randint(20, 50), rng.randint(30, 60))
    out = Image.new("RGBA", alpha.size, red + (0,))
    out.putalpha(Image.fromarray((a * 255).astype(np.uint8)))
    return out
