"""Ink on an A4 page: print, handwriting, ruled lines, 名章 (name stamps) and the round official seal.

All ink multiplies into the paper (ink is subtractive), so order does not matter and a signature under
a seal stays visible through the red, as on paper. Coordinates are millimetres from the top left.
"""

from __future__ import annotations

import math
import random
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

SERIF = ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2)
SERIF_BOLD = ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2)
SANS = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2)
MING = ("/usr/share/fonts/truetype/arphic/uming.ttc", 0)
HEI = ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0)
KAI = ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0)

Font = tuple[str, int]
Colour = tuple[float, float, float]

BLACK: Colour = (0.08, 0.08, 0.08)
RED: Colour = (0.86, 0.12, 0.14)
PENS: dict[str, Colour] = {"black": (0.1, 0.1, 0.12), "blue-black": (0.12, 0.16, 0.35), "blue": (0.15, 0.25, 0.7)}


@lru_cache(maxsize=128)
def font(face: Font, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(face[0], max(6, px), index=face[1])


class Page:
    """One sheet of paper at `dpi`, drawn in millimetres."""

    def __init__(self, dpi: int, rng: random.Random, width_mm: float = 210, height_mm: float = 297) -> None:
        self.dpi, self.rng = dpi, rng
        self.width_mm, self.height_mm = width_mm, height_mm
        self.size = (self.px(width_mm), self.px(height_mm))
        self.paper = np.ones((self.size[1], self.size[0], 3), np.float32)
        self.paper *= np.array([rng.uniform(0.95, 1.0), rng.uniform(0.95, 1.0), rng.uniform(0.93, 0.99)], np.float32)
        self.print_mask = Image.new("L", self.size, 0)
        self.draw = ImageDraw.Draw(self.print_mask)
        self.seal_spot = (150.0, 250.0)  # where the sign-off wants the official seal (mm)

    def px(self, mm: float) -> int:
        return round(mm * self.dpi / 25.4)

    def pt(self, points: float) -> int:
        return round(points * self.dpi / 72)

    # -- print ------------------------------------------------------------------------------------------
    def width(self, text: str, points: float, face: Font = SERIF) -> float:
        return font(face, self.pt(points)).getlength(text) * 25.4 / self.dpi

    def text(self, x: float, y: float, text: str, points: float = 12, face: Font = SERIF,
             anchor: str = "ls") -> float:
        """Print `text` with its baseline at y; returns the x (mm) where it ends."""
        self.draw.text((self.px(x), self.px(y)), text, fill=255, font=font(face, self.pt(points)), anchor=anchor)
        return x + self.width(text, points, face)

    def centred(self, y: float, text: str, points: float, face: Font = SERIF, x0: float = 0,
                x1: float | None = None) -> None:
        x1 = self.width_mm if x1 is None else x1
        self.text((x0 + x1) / 2 - self.width(text, points, face) / 2, y, text, points, face)

    def line(self, x0: float, y0: float, x1: float, y1: float, width_mm: float = 0.3) -> None:
        self.draw.line((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), fill=255,
                       width=max(1, self.px(width_mm)))

    def wrap(self, text: str, points: float, width_mm: float, face: Font = SERIF, indent: int = 0) -> list[str]:
        lines, current = [], "\u3000" * indent
        for char in text:
            if self.width(current + char, points, face) > width_mm and current and char not in "，。；：、）”":
                lines.append(current)
                current = ""
            current += char
        return lines + ([current] if current else [])

    # -- ink that is not print ----------------------------------------------------------------------------
    def stain(self, mask: np.ndarray, left: int, top: int, colour: Colour, opacity: float = 1.0) -> None:
        """Multiply a float mask (0..1) of ink of `colour` into the paper at pixel (left, top)."""
        height, width = mask.shape
        x0, y0 = max(0, left), max(0, top)
        x1, y1 = min(self.size[0], left + width), min(self.size[1], top + height)
        if x1 <= x0 or y1 <= y0:
            return
        part = mask[y0 - top:y1 - top, x0 - left:x1 - left, None] * opacity
        absorb = 1.0 - np.array(colour, np.float32)
        self.paper[y0:y1, x0:x1] *= 1.0 - part * absorb

    def render(self) -> Image.Image:
        """The finished sheet as an RGB image."""
        mask = np.asarray(self.print_mask, np.float32)[..., None] / 255.0
        rgb = self.paper * (1.0 - mask * (1.0 - np.array(BLACK, np.float32)))
        return Image.fromarray(np.clip(rgb * 255, 0, 255).astype(np.uint8), "RGB")


# -- handwriting -------------------------------------------------------------------------------------------
def _glyph(char: str, px: int, face: Font = KAI) -> Image.Image:
    fnt = font(face, px)
    box = fnt.getbbox(char)
    tile = Image.new("L", (px * 2, px * 2), 0)
    ImageDraw.Draw(tile).text((px // 2 - box[0] // 2, px // 2), char, fill=255, font=fnt)
    return tile


def hand(page: Page, x: float, y: float, text: str, points: float, pen: Colour, *, slant: float = 0.0,
         weight: int = 0, tight: float = 0.9, opacity: float = 0.95, jitter: float = 0.12) -> float:
    """Write `text` by hand with its baseline near y (mm); returns the x where the writing ends.

    `weight` thickens (>0) or thins (<0) the strokes; `slant` shears to the right; `tight` < 1 packs
    characters as a hurried hand does (signatures go to ~0.6).
    """
    rng = page.rng
    cursor = page.px(x)
    for char in text:
        size = max(8, round(page.pt(points) * rng.uniform(0.88, 1.12)))
        if char in " \u3000":
            cursor += size // 2
            continue
        tile = _glyph(char, size)
        shear = slant + rng.uniform(-0.08, 0.08)
        tile = tile.transform(tile.size, Image.Transform.AFFINE, (1, shear, -shear * tile.size[1] / 2, 0, 1, 0),
                              resample=Image.Resampling.BILINEAR)
        tile = tile.rotate(rng.uniform(-7, 7), resample=Image.Resampling.BILINEAR)
        if weight > 0:
            tile = tile.filter(ImageFilter.MaxFilter(2 * weight + 1))
        elif weight < 0:
            tile = tile.filter(ImageFilter.GaussianBlur(0.6))
            tile = tile.point(lambda v: max(0, v - 70) * 2)
        box = tile.getbbox()
        if box is None:
            continue
        tile = tile.crop(box)
        mask = np.asarray(tile, np.float32) / 255.0
        baseline = page.px(y) + round(size * rng.uniform(-jitter, jitter))
        top = baseline - tile.size[1] + round(size * 0.12)
        page.stain(mask, cursor, top, pen, opacity * rng.uniform(0.85, 1.0))
        cursor += round(tile.size[0] * tight * rng.uniform(0.9, 1.05)) + round(size * 0.05)
    return cursor * 25.4 / page.dpi


def signature(page: Page, x: float, y: float, name: str, points: float, pen: Colour, weight: int = 0,
              opacity: float = 0.95) -> float:
    """A signed name: large, slanted, packed, with a flourish stroke; returns where it ends (mm)."""
    rng = page.rng
    end = hand(page, x, y, name, points, pen, slant=rng.uniform(0.15, 0.45), weight=weight,
               tight=rng.uniform(0.55, 0.8), opacity=opacity, jitter=0.18)
    if rng.random() < 0.6:  # a tail under or through the name
        height = page.pt(points)
        x0, x1 = page.px(x) - 4, page.px(end) + rng.randint(0, height)
        base = page.px(y) + rng.randint(-height // 3, height // 6)
        tile = Image.new("L", (x1 - x0 + 2 * height, 2 * height), 0)
        points_xy = []
        for step in range(24):
            t = step / 23
            points_xy.append((height // 2 + t * (x1 - x0), height + math.sin(t * rng.uniform(2, 7)) * height * 0.25
                              - t * height * rng.uniform(0.0, 0.6)))
        ImageDraw.Draw(tile).line(points_xy, fill=255, width=max(1, page.px(0.35) + weight), joint="curve")
        page.stain(np.asarray(tile, np.float32) / 255.0, x0 - height // 2, base - height, pen, opacity * 0.9)
    return end


# -- stamps --------------------------------------------------------------------------------------------------
def _texture(shape: tuple[int, int], rng: random.Random, strength: float) -> np.ndarray:
    """Uneven stamp pressure: a smooth random field in [1-strength, 1] with a few speckled gaps."""
    gen = np.random.default_rng(rng.getrandbits(32))
    small = gen.random((max(2, shape[0] // 12), max(2, shape[1] // 12))).astype(np.float32)
    field = np.asarray(Image.fromarray((small * 255).astype(np.uint8)).resize(shape[::-1], Image.Resampling.BICUBIC),
                       np.float32) / 255.0
    speckle = gen.random(shape) > strength * 0.1
    return (1.0 - strength + strength * field) * speckle


def name_stamp(page: Page, cx: float, cy: float, name: str, size_mm: float, *, white: bool,
               angle: float = 0.0) -> None:
    """A 名章: square red stamp of `name`, 2×2 glyphs read right column first (…印 / …之印)."""
    glyphs = list(name + "印") if len(name) == 3 else list(name + "之印") if len(name) == 2 else list(name[:4])
    side = page.px(size_mm)
    border = max(2, side // 14)
    tile = Image.new("L", (side, side), 255 if white else 0)
    draw = ImageDraw.Draw(tile)
    if not white:
        draw.rectangle((0, 0, side - 1, side - 1), outline=255, width=border)
    cell = (side - 2 * border) // 2
    order = [(1, 0), (1, 1), (0, 0), (0, 1)]  # (column, row): right column top-down, then left
    for char, (col, row) in zip(glyphs, order, strict=False):
        glyph = _glyph(char, cell * 2, SERIF_BOLD)
        box = glyph.getbbox()
        if box is None:
            continue
        glyph = glyph.crop(box).resize((cell - border // 2, cell - border // 2), Image.Resampling.BILINEAR)
        offset = (border + col * cell + border // 4, border + row * cell + border // 4)
        if white:
            tile.paste(0, offset, glyph)
        else:
            tile.paste(255, offset, glyph)
    tile = tile.rotate(angle, resample=Image.Resampling.BILINEAR, expand=True)
    mask = np.asarray(tile, np.float32) / 255.0 * _texture((tile.size[1], tile.size[0]), page.rng, 0.35)
    page.stain(mask, page.px(cx) - tile.size[0] // 2, page.px(cy) - tile.size[1] // 2, RED,
               page.rng.uniform(0.75, 0.95))


def official_seal(page: Page, cx: float, cy: float, unit: str, diameter_mm: float = 42.0,
                  angle: float = 0.0) -> None:
    """The unit's round red seal: ring, the name along the upper arc, a five-pointed star."""
    rng = page.rng
    size = page.px(diameter_mm)
    tile = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(tile)
    ring = max(2, round(size * 0.035))
    draw.ellipse((1, 1, size - 2, size - 2), outline=255, width=ring)
    centre = size / 2
    star_r = size * 0.16
    star = [(centre + (star_r if k % 2 == 0 else star_r * 0.38) * math.cos(math.radians(-90 + k * 36)),
             centre + (star_r if k % 2 == 0 else star_r * 0.38) * math.sin(math.radians(-90 + k * 36)))
            for k in range(10)]
    draw.polygon(star, fill=255)
    n = len(unit)
    span = min(250.0, 20.0 * n + 60)
    glyph_px = round(size * min(0.16, 2.6 / max(n, 8) * 0.5 + 0.02))
    radius = size / 2 - ring - glyph_px * 0.75
    for i, char in enumerate(unit):
        theta = -90 - span / 2 + (span * i / (n - 1) if n > 1 else span / 2)
        glyph = _glyph(char, glyph_px, SERIF_BOLD)
        box = glyph.getbbox()
        if box is None:
            continue
        glyph = glyph.crop(box)
        glyph = glyph.resize((max(1, round(glyph.size[0] * 0.8)), max(1, round(glyph.size[1] * 1.15))))
        glyph = glyph.rotate(-(theta + 90), resample=Image.Resampling.BILINEAR, expand=True)
        gx = centre + radius * math.cos(math.radians(theta)) - glyph.size[0] / 2
        gy = centre + radius * math.sin(math.radians(theta)) - glyph.size[1] / 2
        tile.paste(255, (round(gx), round(gy)), glyph)
    tile = tile.rotate(angle, resample=Image.Resampling.BILINEAR)
    mask = np.asarray(tile, np.float32) / 255.0 * _texture((size, size), rng, 0.45)
    page.stain(mask, page.px(cx) - size // 2, page.px(cy) - size // 2, RED, rng.uniform(0.7, 0.92))
