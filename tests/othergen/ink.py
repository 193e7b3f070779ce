"""What hands and stamps put on paper: cursive signatures, handwritten words and dates, round
official seals, personal name stamps. Everything is an RGBA image to be placed on a page."""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from tests.othergen.canvas import font

INKS = {"black": (28, 28, 34), "blue": (25, 55, 170), "blue-black": (30, 38, 88)}
PX_MM = 12  # resolution of the drawn images


def _bezier(p0, p1, p2, p3, steps: int = 24) -> list[tuple[float, float]]:
    out = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        out.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                    u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]))
    return out


def _colourise(mask: Image.Image, colour: tuple[int, int, int], opacity: float = 1.0) -> Image.Image:
    alpha = np.asarray(mask, dtype=np.float32) * opacity
    out = np.zeros((mask.height, mask.width, 4), dtype=np.uint8)
    out[..., :3] = colour
    out[..., 3] = alpha.clip(0, 255).astype(np.uint8)
    return Image.fromarray(out, "RGBA")


def signature(rng: random.Random, width_mm: float, ink: str = "black", crisp: bool = False,
              glyphs: int | None = None) -> Image.Image:
    """A cursive scribble: a few looping bezier strokes per character, joined, with a flourish."""
    glyphs = glyphs or rng.choice((2, 3, 3))
    height_mm = width_mm * rng.uniform(0.3, 0.55)
    s = 4  # supersampling
    w, h = round(width_mm * PX_MM * s), round(height_mm * PX_MM * s)
    mask = Image.new("L", (w, h), 0)
    draw = ImageDraw.Draw(mask)
    base = (0.35 if crisp else rng.uniform(0.35, 0.7)) * PX_MM * s  # pen width in px
    slant = rng.uniform(-0.35, 0.05)
    cell = w * 0.82 / glyphs
    pen = (w * 0.06, h * rng.uniform(0.4, 0.7))
    strokes: list[list[tuple[float, float]]] = []
    for g in range(glyphs):
        x0 = w * 0.06 + g * cell
        path = [pen]
        for _ in range(rng.randint(2, 4)):
            end = (x0 + rng.uniform(0.1, 1.0) * cell, h * rng.uniform(0.12, 0.88))
            c1 = (x0 + rng.uniform(-0.3, 1.2) * cell, h * rng.uniform(-0.1, 1.1))
            c2 = (x0 + rng.uniform(-0.3, 1.2) * cell, h * rng.uniform(-0.1, 1.1))
            path += _bezier(path[-1], c1, c2, end)[1:]
        if crisp or rng.random() < 0.6:
            path += _bezier(path[-1], (x0 + cell * 0.9, h * 0.2), (x0 + cell, h * 0.9),
                            (x0 + cell * 1.05, h * rng.uniform(0.3, 0.7)))[1:]
            pen = path[-1]
            strokes.append(path)
        else:  # pen lifted between characters
            strokes.append(path)
            pen = (x0 + cell * 1.05, h * rng.uniform(0.3, 0.7))
        if rng.random() < 0.5:  # a separate dot or short tick
            cx, cy = x0 + rng.uniform(0.2, 0.8) * cell, h * rng.uniform(0.1, 0.4)
            strokes.append([(cx, cy), (cx + cell * 0.12, cy + h * 0.08)])
    if rng.random() < 0.7:  # the underline flourish
        y = h * rng.uniform(0.7, 0.9)
        strokes.append(_bezier(pen, (w * 0.9, y), (w * 0.3, y + h * 0.1), (w * rng.uniform(0.05, 0.3), y)))
    for path in strokes:
        n = len(path)
        for i in range(n - 1):
            (ax, ay), (bx, by) = path[i], path[i + 1]
            pressure = 1.0 if crisp else 0.55 + 0.45 * math.sin(math.pi * (i + 1) / n)
            width = max(1, round(base * pressure))
            shear = lambda x, y: (x + slant * (y - h / 2), y)  # noqa: E731
            draw.line([shear(ax, ay), shear(bx, by)], fill=255, width=width, joint="curve")
    mask = mask.resize((w // s, h // s), Image.LANCZOS)
    if not crisp:
        mask = mask.filter(ImageFilter.GaussianBlur(0.5))
    return _colourise(mask, (0, 0, 0) if crisp else INKS[ink], 1.0 if crisp else rng.uniform(0.8, 1.0))


def handwriting(rng: random.Random, text: str, size_mm: float, ink: str = "blue") -> Image.Image:
    """`text` as a hand writes it: Kai glyphs, each a little turned, moved and scaled, slanted."""
    px = round(size_mm * PX_MM)
    w, h = round(px * (len(text) * 0.85 + 1)), round(px * 1.6)
    mask = Image.new("L", (w, h), 0)
    x = px * 0.3
    for char in text:
        scale = rng.uniform(0.85, 1.15)
        size = round(px * scale)
        glyph = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(glyph).text((size * 0.5, size * 0.4), char, font=font("kai", size), fill=255,
                                   stroke_width=max(1, size // 30))
        glyph = glyph.rotate(rng.uniform(-8, 8), resample=Image.BICUBIC)
        mask.paste(255, (round(x - size * 0.5), round(rng.uniform(-0.1, 0.15) * px)), glyph)
        advance = 0.55 if char.isascii() else 1.0
        x += size * advance * rng.uniform(0.88, 1.05)
    mask = mask.crop((0, 0, min(w, round(x + px * 0.3)), h))
    mask = mask.transform(mask.size, Image.AFFINE, (1, rng.uniform(0.05, 0.25), -px * 0.1, 0, 1, 0),
                          resample=Image.BICUBIC)
    mask = mask.filter(ImageFilter.GaussianBlur(0.6))
    return _colourise(mask, INKS[ink], rng.uniform(0.8, 0.95))


def _texture(rng: random.Random, size: tuple[int, int], low: float) -> np.ndarray:
    """Uneven stamp ink: smooth blotches between `low` and 1."""
    np_rng = np.random.default_rng(rng.randrange(2 ** 32))
    small = np_rng.uniform(0, 1, (max(2, size[1] // 24), max(2, size[0] // 24))).astype(np.float32)
    blotch = np.asarray(Image.fromarray((small * 255).astype(np.uint8)).resize(size, Image.BICUBIC),
                        dtype=np.float32) / 255
    speck = np_rng.uniform(0, 1, (size[1], size[0])) > 0.015
    return (low + (1 - low) * blotch) * speck


def round_seal(rng: random.Random, name: str, diameter_mm: float = 40.0, faint: bool = False,
               partial: bool = False, bottom: str = "") -> Image.Image:
    """A round red official seal: rim, the unit's name along the upper arc, a five-pointed star."""
    size = round(diameter_mm * PX_MM)
    s = 2
    big = size * s
    mask = Image.new("L", (big, big), 0)
    draw = ImageDraw.Draw(mask)
    rim = round(big * rng.uniform(0.025, 0.035))
    draw.ellipse([rim // 2, rim // 2, big - rim // 2, big - rim // 2], outline=255, width=rim)
    c = big / 2
    star_r = big * 0.15
    points = []
    for i in range(10):
        r = star_r if i % 2 == 0 else star_r * 0.382
        a = -math.pi / 2 + i * math.pi / 5
        points.append((c + r * math.cos(a), c + r * math.sin(a)))
    draw.polygon(points, fill=255)
    n = len(name)
    span = min(262.0, max(150.0, n * 21.0))
    arc = big * 0.34 * math.radians(span) / n  # arc length per character
    char_px = round(min(big * 0.16, arc / 0.82))
    radius = c - rim * 1.6 - char_px * 0.62
    for i, char in enumerate(name):
        theta = math.radians(-90 - span / 2 + span * (i + 0.5) / n)
        glyph = Image.new("L", (char_px * 2, char_px * 2), 0)
        ImageDraw.Draw(glyph).text((char_px * 0.5, char_px * 0.45), char, font=font("notosans-bold", char_px),
                                   fill=255)
        glyph = glyph.resize((round(char_px * 1.6), char_px * 2))  # seal script is tall and narrow
        glyph = glyph.rotate(-(math.degrees(theta) + 90), resample=Image.BICUBIC, expand=False)
        gx = c + radius * math.cos(theta) - glyph.width / 2
        gy = c + radius * math.sin(theta) - glyph.height / 2
        mask.paste(255, (round(gx), round(gy)), glyph)
    if bottom:
        px = round(big * 0.07)
        f = font("notosans-bold", px)
        draw.text((c - f.getlength(bottom) / 2, c + big * 0.22), bottom, font=f, fill=255)
    mask = mask.resize((size, size), Image.LANCZOS).rotate(rng.uniform(-25, 25), resample=Image.BICUBIC)
    alpha = np.asarray(mask, dtype=np.float32) / 255 * _texture(rng, (size, size), 0.55 if not faint else 0.2)
    if faint:
        alpha *= rng.uniform(0.35, 0.55)
    if partial:  # only part of the stamp took ink: a fade across it
        a = rng.uniform(0, 2 * math.pi)
        yy, xx = np.mgrid[0:size, 0:size] / size - 0.5
        along = xx * math.cos(a) + yy * math.sin(a)
        alpha *= np.clip(0.5 + along * rng.uniform(2.5, 5), 0.05, 1)
    out = np.zeros((size, size, 4), dtype=np.uint8)
    out[..., :3] = (rng.randint(195, 230), rng.randint(20, 55), rng.randint(30, 60))
    out[..., 3] = (alpha * 255 * rng.uniform(0.8, 0.95)).clip(0, 255).astype(np.uint8)
    return Image.fromarray(out, "RGBA")


def e_seal(rng: random.Random, name: str) -> Image.Image:
    """An electronic seal image as pasted into a born-digital PDF: flat, saturated, crisp."""
    image = round_seal(random.Random(rng.random()), name, 40.0)
    arr = np.asarray(image).copy()
    arr[..., :3] = (230, 0, 18)
    arr[..., 3] = np.where(arr[..., 3] > 40, 255, 0).astype(np.uint8)
    return Image.fromarray(arr, "RGBA")


def name_stamp(rng: random.Random, person: str, side_mm: float = 16.0) -> Image.Image:
    """A small square red personal name stamp (名章): not an official seal."""
    chars = person + "印" if len(person) == 3 else person + "之印" if len(person) == 2 else person[:4]
    chars = chars[:4].ljust(4, "印")
    # read top to bottom, right column first
    cells = [(1, 0, chars[0]), (1, 1, chars[1]), (0, 0, chars[2]), (0, 1, chars[3])]
    size = round(side_mm * PX_MM)
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    negative = rng.random() < 0.4  # 阴文: white characters cut out of a red square
    border = round(size * 0.06)
    if negative:
        draw.rectangle([0, 0, size, size], fill=255)
    else:
        draw.rectangle([border // 2, border // 2, size - border // 2, size - border // 2], outline=255,
                       width=border)
    px = round(size * 0.4)
    for col, row, char in cells:
        x = border + col * (size - 2 * border) / 2 + (size - 2 * border) / 4 - px / 2
        y = border + row * (size - 2 * border) / 2 + (size - 2 * border) / 4 - px * 0.62
        draw.text((x, y), char, font=font("notoserif-bold", px), fill=0 if negative else 255)
    mask = mask.rotate(rng.uniform(-6, 6), resample=Image.BICUBIC, expand=True)
    alpha = np.asarray(mask, dtype=np.float32) / 255 * _texture(rng, mask.size, 0.5)
    out = np.zeros((mask.height, mask.width, 4), dtype=np.uint8)
    out[..., :3] = (rng.randint(190, 225), 30, 45)
    out[..., 3] = (alpha * 235).astype(np.uint8)
    return Image.fromarray(out, "RGBA")
