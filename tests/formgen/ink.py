"""Ink that is not typesetting: official seals, personal name stamps, handwriting and signatures.

Each function returns an RGBA image (ink colour with alpha) drawn at a fixed resolution of
`PX_PER_MM`; `canvas.Sheet.mark` scales it to its size on the page.
"""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from tests.formgen.canvas import font

PX_PER_MM = 12
SEAL_RED = (208, 32, 40)
INKS = {"black": (25, 25, 30), "blue_black": (30, 40, 85), "blue": (30, 60, 170)}


def width_mm(image: Image.Image) -> float:
    """The natural width of an ink image drawn here, for placing it at its own size."""
    return image.width / PX_PER_MM


def _colourise(mask: Image.Image, colour: tuple[int, int, int], rng: random.Random,
               patchy: float) -> Image.Image:
    """Turn an L mask into RGBA ink; `patchy` thins the ink unevenly like a stamp pad does."""
    alpha = np.asarray(mask, dtype=np.float32) / 255
    if patchy:
        height, width = alpha.shape
        coarse = np.asarray(Image.fromarray(
            (np.random.default_rng(rng.randrange(2**32)).random((8, 8)) * 255).astype(np.uint8)
        ).resize((width, height), Image.Resampling.BICUBIC), dtype=np.float32) / 255
        speckle = np.random.default_rng(rng.randrange(2**32)).random(alpha.shape)
        alpha = alpha * (1 - patchy * coarse) * (speckle > patchy * 0.25)
    rgba = np.zeros((*alpha.shape, 4), dtype=np.uint8)
    rgba[..., :3] = colour
    rgba[..., 3] = (alpha.clip(0, 1) * 235).astype(np.uint8)
    return Image.fromarray(rgba, "RGBA").filter(ImageFilter.GaussianBlur(0.8))


def _arc_text(mask: Image.Image, text: str, centre: tuple[float, float], radii: tuple[float, float],
              span_deg: float, char_px: int, font_name: str, bottom: bool = False) -> None:
    """Set `text` along an ellipse arc centred on the top (or, upright, on the bottom) of the seal."""
    cx, cy = centre
    count = len(text)
    glyph_font = font(font_name, char_px)
    for index, char in enumerate(text):
        fraction = 0.5 if count == 1 else index / (count - 1)
        offset = (fraction - 0.5) * span_deg
        # Left to right: down the left of the top arc, or up the right of the bottom arc.
        theta = math.radians(270 + offset if bottom else 90 - offset)
        x = cx + radii[0] * math.cos(theta)
        y = cy - radii[1] * math.sin(theta)
        glyph = Image.new("L", (char_px * 2, char_px * 2), 0)
        ImageDraw.Draw(glyph).text((char_px, char_px), char, fill=255, font=glyph_font, anchor="mm")
        glyph = glyph.rotate(offset if bottom else -offset, resample=Image.Resampling.BICUBIC)
        mask.paste(255, (round(x - char_px), round(y - char_px)), glyph)


def _star(draw: ImageDraw.ImageDraw, centre: tuple[float, float], radius: float) -> None:
    points = []
    for index in range(10):
        r = radius if index % 2 == 0 else radius * 0.38
        angle = math.radians(90 + index * 36)
        points.append((centre[0] + r * math.cos(angle), centre[1] - r * math.sin(angle)))
    draw.polygon(points, fill=255)


def round_seal(unit: str, rng: random.Random, diameter_mm: float = 42, serial: str = "",
               bottom_text: str = "") -> Image.Image:
    """A round official seal (公章): ring, the unit's name on the upper arc, a star, optional lower text."""
    size = round(diameter_mm * PX_PER_MM)
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    ring = round(1.2 * PX_PER_MM)
    draw.ellipse([ring // 2, ring // 2, size - ring // 2, size - ring // 2], outline=255, width=ring)
    centre = (size / 2, size / 2)
    _star(draw, centre, size * 0.17)
    char_px = round(size * (0.16 if len(unit) <= 10 else 0.14))
    text_radius = size / 2 - ring - char_px * 0.62
    span = min(250.0, 24.0 * len(unit))
    _arc_text(mask, unit, centre, (text_radius, text_radius), span, char_px, "serif_bold")
    if bottom_text:
        width_font = font("serif_bold", round(char_px * 0.75))
        draw.text((size / 2, size * 0.73), bottom_text, fill=255, font=width_font, anchor="mm")
    if serial:
        _arc_text(mask, serial, centre, (text_radius * 1.05, text_radius * 1.05), 70, round(char_px * 0.45),
                  "sans", bottom=True)
    return _colourise(mask, SEAL_RED, rng, patchy=rng.uniform(0.15, 0.45))


def oval_seal(unit: str, english: str, serial: str, rng: random.Random) -> Image.Image:
    """An oval seal: the unit's name on the upper arc, English along the lower arc, a serial number."""
    width, height = round(50 * PX_PER_MM), round(34 * PX_PER_MM)
    mask = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(mask)
    ring = round(1.0 * PX_PER_MM)
    draw.ellipse([ring // 2, ring // 2, width - ring // 2, height - ring // 2], outline=255, width=ring)
    centre = (width / 2, height / 2)
    char_px = round(height * 0.14)
    _arc_text(mask, unit, centre, (width / 2 - ring - char_px * 1.05, height / 2 - ring - char_px * 0.72),
              min(200.0, 15.5 * len(unit)), char_px, "serif_bold")
    _arc_text(mask, english, centre, (width / 2 - ring - char_px * 0.5, height / 2 - ring - char_px * 0.45),
              min(130.0, 3.6 * len(english)), round(char_px * 0.48), "sans", bottom=True)
    _star(draw, (width / 2, height * 0.46), height * 0.11)
    draw.text((width / 2, height * 0.66), serial, fill=255, font=font("sans", round(char_px * 0.55)), anchor="mm")
    return _colourise(mask, SEAL_RED, rng, patchy=rng.uniform(0.1, 0.35))


def name_stamp(name: str, rng: random.Random) -> Image.Image:
    """A personal name stamp (名章): a small square, the name (plus 印/之印) in a 2×2 grid."""
    chars = name + ("印" if len(name) == 3 else "之印" if len(name) == 2 else "")
    chars = chars[:4].ljust(4, "印")
    size = round(16 * PX_PER_MM)
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    inverted = rng.random() < 0.4  # 白文: white characters on a red ground
    if inverted:
        draw.rectangle([0, 0, size, size], fill=255)
    else:
        draw.rectangle([6, 6, size - 6, size - 6], outline=255, width=round(0.9 * PX_PER_MM))
    glyph_font = font("serif_bold", round(size * 0.4))
    # Seal script reads right column first, top to bottom.
    spots = [(0.72, 0.28), (0.72, 0.72), (0.28, 0.28), (0.28, 0.72)]
    for char, (fx, fy) in zip(chars, spots, strict=True):
        draw.text((size * fx, size * fy), char, fill=0 if inverted else 255, font=glyph_font, anchor="mm")
    return _colourise(mask, SEAL_RED, rng, patchy=rng.uniform(0.1, 0.3))


def handwriting(text: str, rng: random.Random, ink: str = "black", height_mm: float = 7.0) -> Image.Image:
    """Text in a handwriting-like face, each character jittered, the whole slanted."""
    char_px = round(height_mm * PX_PER_MM)
    glyph_font = font("kai", char_px)
    width = round(char_px * (len(text) * 0.95 + 1))
    mask = Image.new("L", (width, char_px * 2), 0)
    x = char_px * 0.3
    for char in text:
        scale = rng.uniform(0.85, 1.15)
        glyph = Image.new("L", (char_px * 2, char_px * 2), 0)
        ImageDraw.Draw(glyph).text((char_px, char_px), char, fill=255,
                                   font=font("kai", round(char_px * scale)), anchor="mm")
        glyph = glyph.rotate(rng.uniform(-8, 8), resample=Image.Resampling.BICUBIC)
        mask.paste(255, (round(x - char_px * 0.5), round(rng.uniform(-0.12, 0.12) * char_px)), glyph)
        advance = glyph_font.getlength(char) if char.isascii() else char_px
        x += advance * rng.uniform(0.78, 1.0)
    mask = mask.crop((0, 0, min(width, round(x + char_px * 0.6)), char_px * 2))
    shear = rng.uniform(-0.25, 0.05)
    mask = mask.transform(mask.size, Image.Transform.AFFINE, (1, shear, -shear * mask.height / 2, 0, 1, 0),
                          resample=Image.Resampling.BICUBIC)
    mask = mask.filter(ImageFilter.MaxFilter(3)) if rng.random() < 0.5 else mask
    return _colourise(mask, INKS[ink], rng, patchy=0.0)


def signature(name: str, rng: random.Random, ink: str = "black") -> Image.Image:
    """A signature: the name written fast, sometimes underlined with a swoosh, sometimes an illegible
    run of loops (many officials sign so)."""
    style = rng.choice(("name", "name", "swoosh", "loops"))
    written = handwriting(name, rng, ink, height_mm=rng.uniform(7, 10))
    if style == "name":
        return written
    width, height = written.size
    mask = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(mask)
    pen = round(rng.uniform(0.3, 0.45) * PX_PER_MM)
    if style == "swoosh":
        tail = [(width * 0.97, height * 0.5), (width * 0.85, height * 0.8), (width * 0.5, height * 0.86),
                (width * 0.1, height * 0.78)]
        draw.line(tail, fill=255, width=pen, joint="curve")
        base = written
    else:
        turns = rng.randrange(3, 6)
        heights = [rng.uniform(0.12, 0.38) for _ in range(turns + 1)]
        loops = [rng.uniform(0.0, 0.35) for _ in range(turns + 1)]
        slant = rng.uniform(0.05, 0.25)
        points = []
        for step in range(240):
            t = step / 239
            phase = t * turns * 2 * math.pi
            turn = min(int(t * turns), turns)
            rise = heights[turn] * math.cos(phase)
            points.append((width * (0.05 + 0.9 * t - loops[turn] / turns * math.sin(phase) + slant * rise),
                           height * (0.55 - rise - 0.12 * (t - 0.5))))
        draw.line(points, fill=255, width=pen, joint="curve")
        base = Image.new("RGBA", written.size, (0, 0, 0, 0))
    strokes = _colourise(mask.filter(ImageFilter.GaussianBlur(1)), INKS[ink], rng, patchy=0.0)
    return Image.alpha_composite(base, strokes)
