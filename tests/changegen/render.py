"""Pages in millimetres: printed text, ruled tables with merged cells, handwriting, signatures, seals."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

FONT_FILES = {
    "song": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    "hei": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    "ming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "zenhei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    "songbold": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2),
    "heibold": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
}
PRINT_FONTS = ("song", "song", "hei", "ming", "zenhei")
INKS = {"black": (25, 25, 30), "blue": (25, 45, 140), "darkblue": (20, 30, 90)}


@lru_cache(maxsize=256)
def font(name: str, px: int) -> ImageFont.FreeTypeFont:
    path, index = FONT_FILES[name]
    return ImageFont.truetype(path, max(6, px), index=index)


@dataclass
class Cell:
    r: int
    c: int
    text: str = ""
    rs: int = 1
    cs: int = 1
    align: str = "center"  # center | left
    hand: bool = False  # written by hand (ink, Kai)
    bold: bool = False


class Page:
    """A white page; coordinates in mm from the top-left corner, font sizes in pt."""

    def __init__(self, dpi: int, size_mm: tuple[float, float] = (210, 297), paper: tuple[int, int, int] = (255, 255, 255)):
        self.dpi = dpi
        self.w_mm, self.h_mm = size_mm
        self.image = Image.new("RGB", (self.px(self.w_mm), self.px(self.h_mm)), paper)
        self.draw = ImageDraw.Draw(self.image)
        self.ops: list[tuple] = []  # printed text and rules, to lay the page out again as a text-layer PDF
        self.inked = False  # handwriting, signatures or seals on it

    def px(self, mm: float) -> int:
        return int(round(mm * self.dpi / 25.4))

    def pt(self, size: float) -> int:
        return int(round(size * self.dpi / 72))

    def width(self, s: str, size: float, face: str = "song") -> float:
        return font(face, self.pt(size)).getlength(s) * 25.4 / self.dpi

    def text(self, x: float, y: float, s: str, size: float = 12, face: str = "song", fill=(0, 0, 0),
             anchor: str = "la") -> float:
        """Draw `s` with its top-left (or `anchor`) at (x, y) mm; returns its width in mm."""
        f = font(face, self.pt(size))
        self.draw.text((self.px(x), self.px(y)), s, font=f, fill=fill, anchor=anchor)
        self.ops.append(("text", x, y, s, size, face, anchor))
        return f.getlength(s) * 25.4 / self.dpi

    def wrap(self, s: str, width_mm: float, size: float, face: str = "song") -> list[str]:
        lines, line = [], ""
        for ch in s:
            if self.width(line + ch, size, face) > width_mm and line:
                if ch in "，。、；：”）》":  # no line starts with closing punctuation
                    line += ch
                    continue
                lines.append(line)
                line = ch
            else:
                line += ch
        if line:
            lines.append(line)
        return lines

    def paragraph(self, x: float, y: float, s: str, width_mm: float, size: float = 12, face: str = "song",
                  indent: bool = True, leading: float = 1.75) -> float:
        """Wrapped text; returns the y below it."""
        step = size * 25.4 / 72 * leading
        lines = self.wrap(("\u3000\u3000" if indent else "") + s, width_mm, size, face)
        for line in lines:
            self.text(x, y, line, size, face)
            y += step
        return y

    def line(self, x0: float, y0: float, x1: float, y1: float, width_mm: float = 0.25, fill=(0, 0, 0)) -> None:
        self.draw.line((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), fill=fill,
                       width=max(1, self.px(width_mm)))
        self.ops.append(("line", x0, y0, x1, y1, width_mm))

    def rect(self, x0: float, y0: float, x1: float, y1: float, width_mm: float = 0.25) -> None:
        self.draw.rectangle((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), outline=(0, 0, 0),
                            width=max(1, self.px(width_mm)))
        self.ops.append(("rect", x0, y0, x1, y1, width_mm))

    # ----------------------------------------------------------------- tables
    def table(self, x: float, y: float, col_w: list[float], row_h: list[float], cells: list[Cell],
              size: float = 10.5, face: str = "song", rng: random.Random | None = None,
              ink: str = "black", line_w: float = 0.25) -> float:
        """A ruled grid; each cell drawn with its own border, text fitted (shrunk or wrapped). Returns bottom y."""
        xs = [x]
        for w in col_w:
            xs.append(xs[-1] + w)
        ys = [y]
        for h in row_h:
            ys.append(ys[-1] + h)
        for cell in cells:
            x0, x1 = xs[cell.c], xs[cell.c + cell.cs]
            y0, y1 = ys[cell.r], ys[cell.r + cell.rs]
            self.rect(x0, y0, x1, y1, line_w)
            if not cell.text:
                continue
            if cell.hand and rng is not None:
                tw = self.width(cell.text, size * 1.05, "kai")
                hx = x0 + 1.5 if cell.align == "left" else (x0 + x1) / 2 - tw / 2
                self.hand(hx, (y0 + y1) / 2 - size * 0.2, cell.text, size * 1.05, rng, ink)
                continue
            self.fit_text(x0, y0, x1, y1, cell.text, size, "heibold" if cell.bold and face == "hei" else face,
                          cell.align)
        return ys[-1]

    def fit_text(self, x0: float, y0: float, x1: float, y1: float, s: str, size: float, face: str,
                 align: str) -> None:
        pad = 1.2
        avail_w, avail_h = x1 - x0 - 2 * pad, y1 - y0 - 0.8
        cur = size
        lines = [s]
        while cur > 6:
            lines = [s] if self.width(s, cur, face) <= avail_w else self.wrap(s, avail_w, cur, face)
            line_h = cur * 25.4 / 72 * 1.3
            if len(lines) * line_h <= avail_h and all(self.width(t, cur, face) <= avail_w + 0.5 for t in lines):
                break
            cur -= 0.5
        line_h = cur * 25.4 / 72 * 1.3
        top = (y0 + y1) / 2 - len(lines) * line_h / 2 + line_h / 2
        for i, t in enumerate(lines):
            cy = top + i * line_h
            if align == "left":
                self.text(x0 + pad, cy, t, cur, face, anchor="lm")
            else:
                self.text((x0 + x1) / 2, cy, t, cur, face, anchor="mm")

    # ------------------------------------------------------------------- ink
    def _stamp(self, layer: Image.Image, x_px: int, y_px: int) -> None:
        """Multiply an RGB ink layer (white background) onto the page at (x, y) px."""
        self.inked = True
        box = (x_px, y_px, x_px + layer.width, y_px + layer.height)
        region = self.image.crop(box)
        self.image.paste(ImageChops.multiply(region, layer), box[:2])

    def hand(self, x: float, y: float, s: str, size: float, rng: random.Random, ink: str = "black") -> float:
        """Handwriting: Kai glyphs one by one, each a little off in size, angle and baseline."""
        colour = INKS.get(ink, INKS["black"])
        cursor = x
        for ch in s:
            px = self.pt(size * rng.uniform(0.92, 1.12))
            f = font("kai", px)
            glyph = Image.new("L", (px * 2, px * 2), 0)
            ImageDraw.Draw(glyph).text((px // 2, px // 2), ch, font=f, fill=255)
            glyph = glyph.rotate(rng.uniform(-6, 6), resample=Image.BICUBIC)
            if rng.random() < 0.5:
                glyph = glyph.filter(ImageFilter.MaxFilter(3)) if px > 40 else glyph
            layer = Image.new("RGB", glyph.size, (255, 255, 255))
            layer.paste(Image.new("RGB", glyph.size, colour), (0, 0), glyph)
            gx = self.px(cursor) - px // 2
            gy = self.px(y + rng.uniform(-0.6, 0.6)) - px // 2
            self._stamp(layer, gx, gy)
            cursor += f.getlength(ch) * 25.4 / self.dpi * rng.uniform(0.85, 1.0)
        return cursor - x

    def signature(self, x: float, y: float, name: str, rng: random.Random, ink: str = "black",
                  height_mm: float = 9.0) -> float:
        """A signed name: large slanted running Kai with a connecting flourish; returns its width in mm."""
        px = self.pt(height_mm * 72 / 25.4)
        f = font("kai", px)
        w = int(f.getlength(name) * 0.85) + px * 2
        glyph = Image.new("L", (w, px * 2), 0)
        d = ImageDraw.Draw(glyph)
        cx = px // 2
        pts = []
        for ch in name:
            dy = int(rng.uniform(-0.12, 0.12) * px)
            d.text((cx, px // 3 + dy), ch, font=f, fill=255)
            pts.append((cx + px * 0.8, px // 3 + dy + px * 0.75))
            cx += int(f.getlength(ch) * rng.uniform(0.62, 0.8))
        stroke = max(1, px // 14)
        if rng.random() < 0.7:  # a tail stroke leaving the last glyph
            x0, y0 = pts[-1]
            d.line([(x0, y0), (x0 + px * 0.6, y0 - px * 0.25), (x0 + px * 1.0, y0 - px * 0.1)], fill=255,
                   width=stroke)
        shear = rng.uniform(0.15, 0.35)
        glyph = glyph.transform(glyph.size, Image.AFFINE, (1, shear, -shear * px, 0, 1, 0), resample=Image.BICUBIC)
        glyph = glyph.rotate(rng.uniform(-8, 4), resample=Image.BICUBIC, expand=False)
        layer = Image.new("RGB", glyph.size, (255, 255, 255))
        layer.paste(Image.new("RGB", glyph.size, INKS.get(ink, INKS["black"])), (0, 0), glyph)
        self._stamp(layer, self.px(x) - px // 2, self.px(y) - px // 2)
        return (cx - px // 2) * 25.4 / self.dpi

    def seal(self, cx: float, cy: float, unit: str, rng: random.Random, radius_mm: float = 21.0,
             below: str = "") -> None:
        """A round red official seal: ring, the unit's name along the upper arc, a star, maybe a line below."""
        r = self.px(radius_mm)
        size = 2 * r + 8
        mask = Image.new("L", (size, size), 0)
        d = ImageDraw.Draw(mask)
        c = size / 2
        ring = max(2, int(r * 0.055))
        d.ellipse((c - r, c - r, c + r, c + r), outline=255, width=ring)
        star_r = r * 0.25
        star = []
        for k in range(10):
            ang = -math.pi / 2 + k * math.pi / 5
            rad = star_r if k % 2 == 0 else star_r * 0.4
            star.append((c + rad * math.cos(ang), c + rad * math.sin(ang)))
        d.polygon(star, fill=255)
        n = len(unit)
        span = min(250.0, 22.0 * n + 40)
        char_px = int(r * (0.34 if n <= 10 else 0.30 if n <= 13 else 0.26))
        f = font("song" if rng.random() < 0.5 else "hei", char_px)
        for i, ch in enumerate(unit):
            ang = -90 - span / 2 + span * (i + 0.5) / n  # degrees, clockwise from the top
            a = math.radians(ang)
            rr = r - ring - char_px * 0.62
            gx, gy = c + rr * math.cos(a), c + rr * math.sin(a)
            g = Image.new("L", (char_px * 2, char_px * 2), 0)
            ImageDraw.Draw(g).text((char_px, char_px), ch, font=f, fill=255, anchor="mm")
            g = g.rotate(-(ang + 90), resample=Image.BICUBIC)
            mask.paste(255, (int(gx - char_px), int(gy - char_px)), g)
        if below:
            fb = font("song", int(r * 0.2))
            d.text((c, c + r * 0.55), below, font=fb, fill=255, anchor="mm")
        # uneven ink: speckle holes, a lighter side
        holes = np.random.default_rng(rng.randrange(2**32)).random((size, size)) > rng.uniform(0.04, 0.15)
        noise = Image.fromarray((holes * 255).astype(np.uint8)).filter(ImageFilter.MaxFilter(3))
        mask = ImageChops.multiply(mask, noise)
        mask = mask.filter(ImageFilter.GaussianBlur(max(0.6, r / 160)))
        mask = mask.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC)
        colour = (rng.randint(205, 235), rng.randint(20, 60), rng.randint(30, 70))
        alpha = mask.point(lambda v: int(v * rng.uniform(0.82, 0.95)))
        layer = Image.new("RGB", (size, size), (255, 255, 255))
        layer.paste(Image.new("RGB", (size, size), colour), (0, 0), alpha)
        self._stamp(layer, self.px(cx) - size // 2, self.px(cy) - size // 2)
