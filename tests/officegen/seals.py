"""Red ink: round official seals (公章), square name stamps (名章), boxed 同意 stamps."""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from tests.officegen.draw import font

RED = (210, 30, 35)


def _to_rgba(mask: Image.Image, colour: tuple[int, int, int], rng: random.Random, faint: float) -> Image.Image:
    """Colour a 0–255 mask; `faint` (0..1) removes ink unevenly like a dry pad."""
    alpha = np.asarray(mask, dtype=np.float32)
    if faint > 0:
        h, w = alpha.shape
        noise = np.asarray(Image.fromarray((np.random.default_rng(rng.randrange(1 << 30))
                                            .random((h // 12 + 1, w // 12 + 1)) * 255).astype(np.uint8))
                           .resize((w, h), Image.BICUBIC), dtype=np.float32) / 255.0
        ramp = np.linspace(1.0, 1.0 - faint, w)[None, :]
        alpha = alpha * np.clip(noise * 0.7 + 0.45, 0, 1) * ramp
    out = Image.new("RGBA", mask.size, colour + (0,))
    out.putalpha(Image.fromarray(alpha.clip(0, 255).astype(np.uint8)))
    return out


def official_seal(rng: random.Random, unit: str, bottom: str = "", diameter: int = 300, faint: float = 0.0,
                  crisp: bool = False) -> Image.Image:
    """A round red seal: ring, the unit's name on the arc, a star, an optional bottom line."""
    size = diameter + 20
    mask = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(mask)
    c = size / 2
    r = diameter / 2
    d.ellipse([c - r, c - r, c + r, c + r], outline=255, width=max(6, diameter // 40))
    _star(d, c, c, r * 0.22)
    n = len(unit)
    span = min(250.0, 20.0 * n + 40)
    fsize = int(min(r * 0.36, (2 * math.pi * r * 0.72 * span / 360) / max(n, 1) * 1.05))
    f = font("song_bold", fsize)
    for i, ch in enumerate(unit):
        angle = -90 - span / 2 + span * (i + 0.5) / n
        rad = math.radians(angle)
        gx, gy = c + r * 0.74 * math.cos(rad), c + r * 0.74 * math.sin(rad)
        glyph = Image.new("L", (fsize * 2, fsize * 2), 0)
        ImageDraw.Draw(glyph).text((fsize, fsize), ch, font=f, fill=255, anchor="mm")
        glyph = glyph.rotate(-(angle + 90), resample=Image.BICUBIC)
        mask.paste(glyph, (int(gx - fsize), int(gy - fsize)), glyph)
    if bottom:
        d.text((c, c + r * 0.5), bottom, font=font("song_bold", int(r * 0.2)), fill=255, anchor="mm")
    if not crisp:
        mask = mask.filter(ImageFilter.GaussianBlur(1.1))
    seal = _to_rgba(mask, RED, rng, faint if not crisp else 0.0)
    return seal.rotate(rng.uniform(-25, 25) if not crisp else 0, resample=Image.BICUBIC, expand=True)


def _star(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    points = []
    for k in range(10):
        rr = r if k % 2 == 0 else r * 0.4
        a = math.radians(-90 + k * 36)
        points.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(points, fill=255)


def double_stamp(rng: random.Random, seal: Image.Image) -> Image.Image:
    """Two impressions of the same seal slightly offset (the first one judged too faint)."""
    dx, dy = rng.randint(8, 22), rng.randint(-14, 14)
    out = Image.new("RGBA", (seal.width + dx, seal.height + abs(dy)), RED + (0,))
    faint = seal.copy()
    faint.putalpha(faint.getchannel("A").point(lambda v: int(v * 0.45)))
    out.alpha_composite(faint, (0, max(0, -dy)))
    out.alpha_composite(seal, (dx, max(0, dy)))
    return out


def name_stamp(rng: random.Random, name: str, side: int = 92) -> Image.Image:
    """A small square 名章: the name (plus 印 to make four characters) in a 2×2 grid, red on white."""
    chars = (name + "印")[:4] if len(name) == 3 else (name + "之印")[:4] if len(name) == 2 else name[:4]
    mask = Image.new("L", (side, side), 0)
    d = ImageDraw.Draw(mask)
    d.rectangle([2, 2, side - 3, side - 3], outline=255, width=5)
    f = font("kai", int(side * 0.4))
    cells = [(0.72, 0.28), (0.72, 0.72), (0.28, 0.28), (0.28, 0.72)]  # read right column first
    for ch, (fx, fy) in zip(chars, cells, strict=False):
        d.text((side * fx, side * fy), ch, font=f, fill=255, anchor="mm", stroke_width=1, stroke_fill=255)
    stamp = _to_rgba(mask.filter(ImageFilter.GaussianBlur(0.7)), RED, rng, 0.2)
    return stamp.rotate(rng.uniform(-6, 6), resample=Image.BICUBIC, expand=True)


def word_stamp(rng: random.Random, word: str = "同意", height: int = 70) -> Image.Image:
    """A rectangular rubber stamp with a word in a box (an opinion stamp)."""
    f = font("hei", int(height * 0.62))
    w = int(f.getlength(word) + height * 0.6)
    mask = Image.new("L", (w, height), 0)
    d = ImageDraw.Draw(mask)
    d.rectangle([2, 2, w - 3, height - 3], outline=255, width=4)
    d.text((w / 2, height / 2), word, font=f, fill=255, anchor="mm")
    stamp = _to_rgba(mask.filter(ImageFilter.GaussianBlur(0.6)), RED, rng, 0.15)
    return stamp.rotate(rng.uniform(-4, 4), resample=Image.BICUBIC, expand=True)
