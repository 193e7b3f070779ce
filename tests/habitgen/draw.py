"""Drawing a page: typed text in Song/Hei, handwriting and signatures in a kaiti hand, ruled tables with
wrapping cells, check boxes, and the unit's red round seal laid on like ink."""

from __future__ import annotations

import math
import random
import re
from datetime import date
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_FILES = {
    "serif": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    "serif_bold": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2),
    "sans": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    "sans_bold": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "ming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "hei": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
}

BLACK = (22, 22, 24)
RED_PRINT = (206, 32, 38)
SEAL_RED = (214, 36, 48)
CLOSING = set("）)》」』”’，。、；：！？】")
INKS = {"blue": (28, 48, 150), "black": (32, 32, 40), "blue_black": (30, 38, 88)}


@lru_cache(maxsize=256)
def font(kind: str, px: int) -> ImageFont.FreeTypeFont:
    path, index = FONT_FILES[kind]
    return ImageFont.truetype(path, max(6, px), index=index)


class Page:
    """A white page of `width_mm` × `height_mm` at `dpi`; coordinates in millimetres."""

    def __init__(self, width_mm: float = 210, height_mm: float = 297, dpi: int = 200,
                 paper: tuple[int, int, int] = (255, 255, 255)) -> None:
        self.dpi = dpi
        self.width_mm, self.height_mm = width_mm, height_mm
        self.img = Image.new("RGB", (self.px(width_mm), self.px(height_mm)), paper)
        self.draw = ImageDraw.Draw(self.img)

    def px(self, mm: float) -> int:
        return round(mm * self.dpi / 25.4)

    def pt(self, size_pt: float) -> int:
        return round(size_pt * self.dpi / 72)

    def width(self, s: str, size_pt: float, kind: str = "serif") -> float:
        """Width of `s` in millimetres."""
        return font(kind, self.pt(size_pt)).getlength(s) * 25.4 / self.dpi

    def text(self, x: float, y: float, s: str, size_pt: float = 12, kind: str = "serif",
             fill: tuple[int, int, int] = BLACK, anchor: str = "ls") -> None:
        """Typed text with its baseline at y (anchor `ls`), centred with `ms`, right-aligned with `rs`."""
        self.draw.text((self.px(x), self.px(y)), s, font=font(kind, self.pt(size_pt)), fill=fill, anchor=anchor)

    def line(self, x0: float, y0: float, x1: float, y1: float, width_mm: float = 0.25,
             fill: tuple[int, int, int] = BLACK) -> None:
        self.draw.line((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), fill=fill,
                       width=max(1, self.px(width_mm)))

    def rect(self, x0: float, y0: float, x1: float, y1: float, width_mm: float = 0.25,
             fill: tuple[int, int, int] = BLACK) -> None:
        self.draw.rectangle((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), outline=fill,
                            width=max(1, self.px(width_mm)))

    def wrap(self, s: str, size_pt: float, width_mm: float, kind: str = "serif") -> list[str]:
        """Break `s` into lines no wider than `width_mm`: Chinese breaks between any two characters, but a
        run of Latin letters or digits stays whole and closing punctuation never starts a line."""
        tokens = re.findall(r"[A-Za-z0-9.+]+|\n|.", s)
        lines, current = [], ""
        for tok in tokens:
            if tok == "\n":
                lines.append(current)
                current = ""
                continue
            if current and tok not in CLOSING and self.width(current + tok, size_pt, kind) > width_mm:
                lines.append(current)
                current = ""
            current += tok
        if current:
            lines.append(current)
        return lines

    def paragraph(self, x: float, y: float, s: str, size_pt: float, width_mm: float, leading: float = 1.7,
                  kind: str = "serif", indent: bool = True) -> float:
        """Typed paragraph starting at baseline y; returns the baseline after its last line."""
        text = ("\u3000\u3000" if indent else "") + s
        step = size_pt * 25.4 / 72 * leading
        for line in self.wrap(text, size_pt, width_mm, kind):
            self.text(x, y, line, size_pt, kind)
            y += step
        return y

    def hand(self, x: float, y: float, s: str, size_pt: float, rng: random.Random, ink: str = "blue",
             anchor: str = "l") -> float:
        """Handwritten text, baseline near y, character by character with a wandering size and line;
        returns the x where it ends. `anchor` `c` centres it on x."""
        fnt_px = self.pt(size_pt)
        colour = INKS[ink]
        advance = [font("kai", fnt_px).getlength(ch) * rng.uniform(0.9, 1.02) for ch in s]
        total = sum(advance) * 25.4 / self.dpi
        if anchor == "c":
            x -= total / 2
        cx = self.px(x)
        base = self.px(y)
        slope = rng.uniform(-0.025, 0.025)
        for ch, adv in zip(s, advance, strict=True):
            size = max(6, round(fnt_px * rng.uniform(0.9, 1.1)))
            dy = rng.uniform(-0.08, 0.08) * fnt_px + slope * (cx - self.px(x))
            shade = tuple(min(255, max(0, c + rng.randint(-14, 14))) for c in colour)
            if ch.strip():
                tile = Image.new("L", (size * 2, size * 2), 0)
                ImageDraw.Draw(tile).text((size // 2, size * 3 // 2), ch, font=font("kai", size), fill=255,
                                          anchor="ls")
                tile = tile.rotate(rng.uniform(-5, 5), resample=Image.Resampling.BILINEAR,
                                   center=(size, size))
                self.img.paste(shade, (round(cx - size // 2), round(base + dy - size * 3 // 2)), tile)
            cx += adv
        return cx * 25.4 / self.dpi

    def signature(self, x: float, y: float, name: str, rng: random.Random, ink: str = "blue",
                  height_mm: float = 9) -> None:
        """A pen signature: the name crowded and slanted in a quick hand, a tail stroke after it; its
        baseline near y, starting at x."""
        px = self.px(height_mm)
        layer = Image.new("L", (int(px * (len(name) * 0.85 + 2.2)), int(px * 1.8)), 0)
        ld = ImageDraw.Draw(layer)
        cx = px * 0.2
        for ch in name:
            size = int(px * rng.uniform(0.95, 1.2))
            ld.text((cx, px * 1.3 + rng.uniform(-0.12, 0.12) * px), ch, font=font("kai", size), fill=255,
                    anchor="ls", stroke_width=max(1, px // 40))
            cx += size * rng.uniform(0.62, 0.78)
        # the tail: a quick stroke leaving the last character
        points = []
        x0, y0 = cx - px * 0.1, px * 1.05
        for t in np.linspace(0, 1, 14):
            points.append((x0 + t * px * rng.uniform(0.9, 1.3), y0 - math.sin(t * math.pi) * px * 0.35 + t * px * 0.2))
        ld.line(points, fill=255, width=max(2, px // 22))
        shear = rng.uniform(0.15, 0.35)
        layer = layer.transform(layer.size, Image.Transform.AFFINE, (1, shear, -shear * px * 1.3, 0, 1, 0),
                                resample=Image.Resampling.BILINEAR)
        layer = layer.rotate(rng.uniform(-6, 8), resample=Image.Resampling.BILINEAR, expand=False)
        ink_img = Image.new("RGB", layer.size, INKS[ink])
        self.img.paste(ink_img, (self.px(x) - int(px * 0.2), self.px(y) - int(px * 1.3)), layer)

    def checkbox(self, x: float, y: float, size_mm: float, ticked: bool, rng: random.Random, ink: str = "blue",
                 printed: str = "□") -> None:
        """A printed box with its bottom at baseline y; ticked by hand with a √ that overruns it."""
        self.rect(x, y - size_mm, x + size_mm, y, 0.22)
        if ticked:
            s = size_mm
            pts = [(x + s * 0.1, y - s * 0.55), (x + s * 0.42, y - s * 0.05 + rng.uniform(-0.3, 0.3)),
                   (x + s * 1.25, y - s * 1.35 + rng.uniform(-0.4, 0.4))]
            self.draw.line([(self.px(a), self.px(b)) for a, b in pts], fill=INKS[ink], width=max(2, self.px(0.45)),
                           joint="curve")

    def seal(self, cx: float, cy: float, unit: str, rng: random.Random, diameter_mm: float = 42) -> None:
        """The unit's round seal (name on the upper arc, star in the middle), inked unevenly and laid on
        by multiplication so the print below shows through."""
        layer = seal_layer(unit, self.px(diameter_mm), rng)
        box = (self.px(cx) - layer.width // 2, self.px(cy) - layer.height // 2)
        stamp_multiply(self.img, layer, box, SEAL_RED)


def seal_layer(unit: str, d: int, rng: random.Random) -> Image.Image:
    """An L mask of a round seal of diameter d px."""
    scale = 2
    big = d * scale
    layer = Image.new("L", (big, big), 0)
    ld = ImageDraw.Draw(layer)
    ring = max(3, int(big * 0.036))
    ld.ellipse((ring // 2, ring // 2, big - ring // 2, big - ring // 2), outline=255, width=ring)
    # star
    r_out, r_in = big * 0.15, big * 0.06
    c = big / 2
    star = []
    for k in range(10):
        r = r_out if k % 2 == 0 else r_in
        a = -math.pi / 2 + k * math.pi / 5
        star.append((c + r * math.cos(a), c + big * 0.02 + r * math.sin(a)))
    ld.polygon(star, fill=255)
    n = len(unit)
    char_px = int(big * (0.145 if n <= 12 else 0.125))
    span = min(250.0, 22.0 * n + 20)
    radius = big / 2 - ring - char_px * 0.62
    fnt = font("sans_bold", char_px)
    for i, ch in enumerate(unit):
        angle = -span / 2 + span * (i + 0.5) / n  # degrees from the top, clockwise
        tile = Image.new("L", (char_px * 2, char_px * 2), 0)
        ImageDraw.Draw(tile).text((char_px, char_px), ch, font=fnt, fill=255, anchor="mm")
        tile = tile.rotate(-angle, resample=Image.Resampling.BILINEAR)
        rad = math.radians(angle - 90)
        px_, py_ = c + radius * math.cos(rad), c + radius * math.sin(rad)
        layer.paste(255, (int(px_ - char_px), int(py_ - char_px)), tile)
    layer = layer.resize((d, d), Image.Resampling.LANCZOS).rotate(rng.uniform(-20, 20),
                                                                  resample=Image.Resampling.BILINEAR)
    mask = np.asarray(layer, dtype=np.float32) / 255
    gen = np.random.default_rng(rng.randrange(2**32))
    low = gen.random((max(2, d // 24), max(2, d // 24))).astype(np.float32)
    low = np.asarray(Image.fromarray((low * 255).astype(np.uint8)).resize((d, d), Image.Resampling.BICUBIC),
                     dtype=np.float32) / 255
    ink = np.clip(0.55 + 0.6 * low, 0, 1) * (gen.random((d, d)) > 0.04)
    return Image.fromarray((mask * ink * rng.uniform(0.82, 0.97) * 255).astype(np.uint8))


def stamp_multiply(img: Image.Image, mask: Image.Image, box: tuple[int, int], colour: tuple[int, int, int]) -> None:
    """Multiply `colour` onto img through `mask` at `box` (top-left), clipping at the edges."""
    x0, y0 = box
    x1, y1 = x0 + mask.width, y0 + mask.height
    cx0, cy0, cx1, cy1 = max(0, x0), max(0, y0), min(img.width, x1), min(img.height, y1)
    if cx0 >= cx1 or cy0 >= cy1:
        return
    region = np.asarray(img.crop((cx0, cy0, cx1, cy1)), dtype=np.float32)
    a = np.asarray(mask, dtype=np.float32)[cy0 - y0:cy1 - y0, cx0 - x0:cx1 - x0, None] / 255
    tint = np.array(colour, dtype=np.float32) / 255
    out = region * (1 - a + a * tint)
    img.paste(Image.fromarray(out.clip(0, 255).astype(np.uint8)), (cx0, cy0))


def date_text(d: date, rng: random.Random) -> str:
    """A date as people write it on a form."""
    return rng.choice((f"{d.year}年{d.month}月{d.day}日", f"{d.year}.{d.month}.{d.day}",
                       f"{d.year}年{d.month}月{d.day}日"))


def cn_date(d: date) -> str:
    """二〇二四年三月八日 as typed under a letter."""
    digits = "〇一二三四五六七八九"
    year = "".join(digits[int(c)] for c in str(d.year))

    def num(v: int) -> str:
        if v < 10:
            return digits[v]
        if v == 10:
            return "十"
        if v < 20:
            return "十" + digits[v - 10]
        return digits[v // 10] + "十" + (digits[v % 10] if v % 10 else "")

    return f"{year}年{num(d.month)}月{num(d.day)}日"
