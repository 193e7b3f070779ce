"""Ink that is not typeset: the round official seal and handwritten or pasted signatures."""

from __future__ import annotations

import math
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_SEAL = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
FONT_HAND = "/usr/share/fonts/truetype/arphic/ukai.ttc"
SEAL_RED = (214, 38, 40)


def _star(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.38
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw_seal(
    text: str, diameter: int, rng: random.Random, colour: tuple[int, int, int] = SEAL_RED, foot: str = ""
) -> Image.Image:
    """A round seal as RGBA: ring, five-pointed star, `text` clockwise on the upper arc, and `foot` (a
    department's name, 教务处) set straight under the star.

    Alpha is uneven, as stamp ink is, so the seal looks pressed rather than pasted.
    """
    size = diameter + 8
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    c, r = size / 2, diameter / 2
    ring = max(3, diameter // 36)
    draw.ellipse((c - r, c - r, c + r, c + r), outline=255, width=ring)
    draw.polygon(_star(c, c, r * 0.27), fill=255)
    _arc_text(mask, text, c, r, rng)
    if foot:
        draw.text((c, c + r * 0.55), foot, font=ImageFont.truetype(FONT_SEAL, int(r * 0.2)), fill=255, anchor="mm")
    alpha = np.asarray(mask, dtype=np.float32) / 255
    angle = rng.uniform(-12, 12)
    # Drawn from `rng` (PIL's effect_noise is unseeded): the same seed stamps the same seal.
    noise = np.random.default_rng(rng.getrandbits(32)).normal(128, 60, (size, size)).clip(0, 255)
    texture = np.asarray(Image.fromarray(noise.astype(np.uint8)).filter(ImageFilter.GaussianBlur(2)), dtype=np.float32)
    alpha *= np.clip(0.55 + (texture - 128) / 200 + 0.25, 0.35, 1.0)
    rgba = np.zeros((size, size, 4), np.uint8)
    rgba[..., :3] = colour
    rgba[..., 3] = (alpha * 255).astype(np.uint8)
    return Image.fromarray(rgba).rotate(angle, resample=Image.BICUBIC)


def _arc_text(mask: Image.Image, text: str, c: float, r: float, rng: random.Random) -> None:
    n = len(text)
    char_px = int(r * min(0.32, 4.0 / max(n, 1)))
    font = ImageFont.truetype(FONT_SEAL, char_px)
    span = min(250.0, 22.0 * n + 20)  # degrees of arc the text covers, centred on the top
    radius = r * 0.74
    for i, ch in enumerate(text):
        # angle measured clockwise from the top of the seal
        theta = -span / 2 + span * (i + 0.5) / n
        glyph = Image.new("L", (char_px * 2, char_px * 2), 0)
        ImageDraw.Draw(glyph).text((char_px, char_px), ch, font=font, fill=255, anchor="mm")
        glyph = glyph.rotate(-theta, resample=Image.BICUBIC)
        rad = math.radians(theta)
        x = c + radius * math.sin(rad) - char_px
        y = c - radius * math.cos(rad) - char_px
        mask.paste(255, (int(x), int(y)), glyph)


def draw_hand_signature(
    name: str, height: int, rng: random.Random, colour: tuple[int, int, int]
) -> Image.Image:
    """A name written by hand: Kai glyphs, each jittered, slanted and thickened, as RGBA."""
    font = ImageFont.truetype(FONT_HAND, height)
    pieces = []
    for ch in name:
        glyph = Image.new("L", (int(height * 1.5), int(height * 1.5)), 0)
        ImageDraw.Draw(glyph).text((height * 0.75, height * 0.75), ch, font=font, fill=255, anchor="mm")
        arr = np.asarray(glyph)
        shear = rng.uniform(0.15, 0.4)
        m = np.float32([[1, -shear, shear * arr.shape[0] / 2], [0, 1, 0]])
        m[:, :2] = m[:, :2] @ np.float32(
            [[math.cos(a := rng.uniform(-0.15, 0.15)), -math.sin(a)], [math.sin(a), math.cos(a)]]
        )
        arr = cv2.warpAffine(arr, m, (arr.shape[1], arr.shape[0]))
        arr = cv2.dilate(arr, np.ones((2, 2), np.uint8), iterations=rng.randint(1, 2))
        pieces.append(arr)
    step = int(height * rng.uniform(0.7, 0.85))  # cursive: characters run into each other
    width = step * (len(pieces) - 1) + pieces[0].shape[1]
    canvas = np.zeros((pieces[0].shape[0] + height // 3, width), np.uint8)
    for i, arr in enumerate(pieces):
        dy = rng.randint(0, height // 3)
        region = canvas[dy : dy + arr.shape[0], i * step : i * step + arr.shape[1]]
        np.maximum(region, arr[: region.shape[0], : region.shape[1]], out=region)
    _flourish(canvas, rng)
    return _ink_rgba(canvas, colour)


def _flourish(canvas: np.ndarray, rng: random.Random) -> None:
    h, w = canvas.shape
    pts = [
        (int(w * t), int(h * (0.75 + 0.15 * math.sin(t * 6 + rng.random())))) for t in np.linspace(0.6, 1, 8)
    ]
    cv2.polylines(canvas, [np.int32(pts)], False, 255, thickness=2, lineType=cv2.LINE_AA)


def draw_pasted_signature(height: int, rng: random.Random, colour: tuple[int, int, int]) -> Image.Image:
    """A signature image pasted into the document: free pen strokes on an off-white patch."""
    w, h = int(height * rng.uniform(2.6, 3.4)), int(height * 1.3)
    canvas = np.zeros((h, w), np.uint8)
    x = 4.0
    while x < w - height * 0.4:
        pts = []
        cx, cy = x, h * rng.uniform(0.3, 0.7)
        for t in np.linspace(0, 2 * math.pi * rng.uniform(0.8, 1.6), 24):
            pts.append((cx + t * height * 0.08, cy + math.sin(t * rng.uniform(1, 2)) * h * 0.3))
        cv2.polylines(canvas, [np.int32(pts)], False, 255, thickness=rng.randint(2, 4), lineType=cv2.LINE_AA)
        x += height * rng.uniform(0.5, 0.8)
    rgba = _ink_rgba(canvas, colour)
    patch = Image.new("RGBA", rgba.size, (250, 249, 246, 255))
    patch.alpha_composite(rgba)
    return patch


def _ink_rgba(mask: np.ndarray, colour: tuple[int, int, int]) -> Image.Image:
    rgba = np.zeros((*mask.shape, 4), np.uint8)
    rgba[..., :3] = colour
    rgba[..., 3] = mask
    return Image.fromarray(rgba)


def stamp(page: Image.Image, ink: Image.Image, xy: tuple[int, int]) -> None:
    """Press RGBA ink onto an RGB page by multiplying, so text under the ink stays dark."""
    x, y = xy
    region = page.crop((x, y, x + ink.width, y + ink.height))
    base = np.asarray(region, dtype=np.float32) / 255
    arr = np.asarray(ink, dtype=np.float32) / 255
    alpha = arr[..., 3:4]
    tinted = base * (1 - alpha + alpha * arr[..., :3])
    page.paste(Image.fromarray((tinted * 255).astype(np.uint8)), (x, y))
