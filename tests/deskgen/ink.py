"""Ink on paper: printed text in the office's fonts, ballpoint handwriting (AR PL UKai glyphs with per-stroke
jitter, slant, pressure and a flourish), red round and oval 公章 with the unit's name in an arc and a star,
small square 名章, and red 红头 letterheads. All drawing is onto an RGB numpy page (uint8, H×W×3)."""

from __future__ import annotations

import math
import random
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONTS = {
    "song": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "serif": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    "serif_bold": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2),
    "hei": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    "zenhei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    "microhei": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
}
BODY_FONTS = ("song", "serif", "hei", "zenhei", "microhei", "song", "serif")

INKS = {"black": (28, 28, 34), "blue_black": (30, 38, 80), "blue": (25, 55, 160), "blue2": (40, 70, 150)}
RED = (215, 35, 40)


@lru_cache(maxsize=256)
def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    path, index = FONTS[name]
    return ImageFont.truetype(path, size, index=index)


def new_page(width: int, height: int, tint: tuple[int, int, int] = (255, 255, 255)) -> np.ndarray:
    page = np.empty((height, width, 3), np.uint8)
    page[:] = tint
    return page


def apply_ink(page: np.ndarray, mask: np.ndarray, x: int, y: int, color: tuple[int, int, int]) -> None:
    """Darken `page` under `mask` (float 0..1, h×w) at (x, y) towards `color`, like ink absorbed by paper
    (multiply: red over black text stays black)."""
    h, w = mask.shape
    x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + w, page.shape[1]), min(y + h, page.shape[0])
    if x0 >= x1 or y0 >= y1:
        return
    m = mask[y0 - y:y1 - y, x0 - x:x1 - x, None]
    region = page[y0:y1, x0:x1].astype(np.float32)
    factor = 1.0 - m * (1.0 - np.asarray(color, np.float32) / 255.0)
    page[y0:y1, x0:x1] = np.clip(region * factor, 0, 255).astype(np.uint8)


def text_mask(text: str, fnt: ImageFont.FreeTypeFont, stroke: int = 0) -> tuple[np.ndarray, int]:
    """The glyphs of `text` as a float mask, and the baseline offset from its top."""
    left, top, right, bottom = fnt.getbbox(text, stroke_width=stroke)
    ascent, _ = fnt.getmetrics()
    w, h = max(right - min(left, 0), 1) + 2, max(bottom, ascent) + fnt.size // 3 + 2
    image = Image.new("L", (w, h), 0)
    ImageDraw.Draw(image).text((-min(left, 0) + 1, 1), text, font=fnt, fill=255, stroke_width=stroke,
                                stroke_fill=255)
    return np.asarray(image, np.float32) / 255.0, ascent + 1


def print_text(page: np.ndarray, x: int, y: int, text: str, fnt: ImageFont.FreeTypeFont,
               color: tuple[int, int, int] = (20, 20, 20), stroke: int = 0) -> int:
    """Printed text with its top-left at (x, y); returns its advance width."""
    if not text:
        return 0
    mask, _ = text_mask(text, fnt, stroke)
    apply_ink(page, mask, x, y, color)
    return int(fnt.getlength(text))


def print_spaced(page: np.ndarray, x: int, y: int, text: str, fnt: ImageFont.FreeTypeFont, width: int,
                 color: tuple[int, int, int] = (20, 20, 20)) -> None:
    """Text spread evenly across `width` (分散对齐, as in form labels and titles)."""
    if len(text) < 2:
        print_text(page, x, y, text, fnt, color)
        return
    widths = [fnt.getlength(ch) for ch in text]
    gap = (width - sum(widths)) / (len(text) - 1)
    pos = float(x)
    for ch, cw in zip(text, widths, strict=True):
        print_text(page, int(pos), y, ch, fnt, color)
        pos += cw + gap


def wrap(text: str, fnt: ImageFont.FreeTypeFont, width: float, first_indent: float = 0.0) -> list[str]:
    """Character wrap as word processors do for Chinese, keeping closing punctuation off a line's start."""
    lines: list[str] = []
    line, avail = "", width - first_indent
    for ch in text:
        if ch == "\n":
            lines.append(line)
            line, avail = "", width
            continue
        if fnt.getlength(line + ch) > avail and line and ch not in "，。、；：）”》！？,.;:)":
            lines.append(line)
            line, avail = "", width
        line += ch
    if line:
        lines.append(line)
    return lines


# ---------------------------------------------------------------- handwriting

def _glyph(ch: str, size: int, stroke: int) -> np.ndarray:
    fnt = font("kai", size)
    image = Image.new("L", (size * 2, size * 2), 0)
    ImageDraw.Draw(image).text((size // 2, size // 3), ch, font=fnt, fill=255, stroke_width=stroke,
                               stroke_fill=255)
    return np.asarray(image, np.float32) / 255.0


def hand_mask(text: str, size: int, rng: random.Random, slant: float = 0.25, tight: float = 0.9,
              cursive: bool = False) -> np.ndarray:
    """A ballpoint line of handwriting as a float mask: glyph per glyph with its own size, tilt, baseline
    drift and pressure, a common slant, and (signatures) tighter spacing with a flourish."""
    pad = size
    width = int(len(text) * size * 1.2 + 2 * pad + size)
    height = int(size * 2.6)
    canvas = np.zeros((height, width), np.float32)
    x = float(pad)
    drift = 0.0
    for ch in text:
        s = max(8, int(size * rng.uniform(0.86, 1.12) * (0.75 if ch in "，。、.：:" else 1.0)))
        glyph = _glyph(ch, s, 1 if rng.random() < 0.35 and s > 30 else 0)
        gh, gw = glyph.shape
        angle = rng.uniform(-7, 7)
        shear = slant + rng.uniform(-0.06, 0.06)
        matrix = cv2.getRotationMatrix2D((gw / 2, gh / 2), angle, 1.0)
        matrix[0, 1] -= shear
        matrix[0, 2] += shear * gh / 2
        glyph = cv2.warpAffine(glyph, matrix, (gw, gh), flags=cv2.INTER_LINEAR)
        if cursive:
            glyph = cv2.GaussianBlur(glyph, (3, 3), 0.6)
        drift += rng.uniform(-0.05, 0.05) * size
        drift = max(-0.2 * size, min(0.2 * size, drift))
        gy = int(size * 0.5 + drift + rng.uniform(-0.05, 0.05) * size) - s // 3
        gx = int(x) - s // 2
        y0, x0 = max(gy, 0), max(gx, 0)
        y1, x1 = min(gy + gh, height), min(gx + gw, width)
        canvas[y0:y1, x0:x1] = np.maximum(canvas[y0:y1, x0:x1], glyph[y0 - gy:y1 - gy, x0 - gx:x1 - gx])
        advance = s * (0.55 if ch in "，。、.：:" else tight) * rng.uniform(0.9, 1.08)
        if ch.isascii() and ch.isalnum():
            advance *= 0.55
        x += advance
    if cursive and rng.random() < 0.7:  # a trailing flourish under or through the last glyph
        pts = []
        x_start, y_mid = x - size * 0.6, size * 1.3
        for t in np.linspace(0, 1, 24):
            pts.append((x_start + t * size * rng.uniform(0.9, 1.5), y_mid + math.sin(t * math.pi) * size * 0.25
                        - t * size * 0.5))
        cv2.polylines(canvas, [np.array(pts, np.int32)], False, 1.0, max(1, size // 22), cv2.LINE_AA)
    # ballpoint pressure: slightly uneven darkness
    pressure = cv2.resize(np.random.default_rng(rng.randrange(2**32)).uniform(0.7, 1.0, (4, 12)).astype(np.float32),
                          (width, height), interpolation=cv2.INTER_CUBIC)
    canvas = np.clip(canvas * pressure * 1.1, 0, 1)
    ys, xs = np.nonzero(canvas > 0.05)
    if len(xs) == 0:
        return canvas[:1, :1]
    return canvas[max(ys.min() - 2, 0):ys.max() + 3, max(xs.min() - 2, 0):xs.max() + 3]


def write_hand(page: np.ndarray, x: int, y: int, text: str, size: int, color: tuple[int, int, int],
               rng: random.Random, **kw: float | bool) -> tuple[int, int]:
    """Handwriting with its top-left near (x, y); returns (width, height) drawn."""
    mask = hand_mask(text, size, rng, **kw)  # type: ignore[arg-type]
    apply_ink(page, mask, x, y, color)
    return mask.shape[1], mask.shape[0]


# ---------------------------------------------------------------- seals

def _ink_texture(shape: tuple[int, int], rng: random.Random, strength: float) -> np.ndarray:
    """Uneven stamp ink: blotchy low-frequency density times fine speckle."""
    g = np.random.default_rng(rng.randrange(2**32))
    low = cv2.resize(g.uniform(1 - strength, 1.0, (6, 6)).astype(np.float32), shape[::-1],
                     interpolation=cv2.INTER_CUBIC)
    speck = (g.random(shape) > 0.08 * strength).astype(np.float32)
    speck = cv2.GaussianBlur(speck, (3, 3), 0.7)
    return np.clip(low * speck, 0, 1)


def _arc_text(mask_img: Image.Image, text: str, cx: float, cy: float, rx: float, ry: float, fnt_name: str,
              char_size: int, span: float) -> None:
    """Characters along the top of an ellipse, clockwise from lower left, each upright towards the rim."""
    n = len(text)
    fnt = font(fnt_name, char_size)
    # equal arc-length positions along the ellipse between the span's ends
    start, stop = math.radians(-90 - span / 2), math.radians(-90 + span / 2)
    ts = np.linspace(start, stop, 721)
    xs, ys = cx + rx * np.cos(ts), cy + ry * np.sin(ts)
    arc = np.concatenate([[0.0], np.cumsum(np.hypot(np.diff(xs), np.diff(ys)))])
    for i, ch in enumerate(text):
        k = int(np.searchsorted(arc, arc[-1] * (i + 0.5) / n))
        theta = float(ts[min(k, len(ts) - 1)])
        px, py = cx + rx * math.cos(theta), cy + ry * math.sin(theta)
        tile = Image.new("L", (char_size * 2, char_size * 2), 0)
        ImageDraw.Draw(tile).text((char_size // 2, char_size // 2 - char_size // 8), ch, font=fnt, fill=255)
        tile = tile.resize((int(char_size * 2 * 0.82), char_size * 2))  # seal glyphs are narrow
        # the outward normal of the ellipse decides the tilt
        normal = math.degrees(math.atan2(math.sin(theta) / ry, math.cos(theta) / rx))
        rotated = tile.rotate(-(normal + 90), resample=Image.BICUBIC, expand=True)
        mask_img.paste(255, (int(px - rotated.width / 2), int(py - rotated.height / 2)), rotated)


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    pts = []
    for k in range(10):
        rad = r if k % 2 == 0 else r * 0.38
        a = math.radians(-90 + k * 36)
        pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    draw.polygon(pts, fill=255)


def seal_mask(name: str, diameter: int, rng: random.Random, oval: bool = False, bottom: str = "") -> np.ndarray:
    """A 公章 as a float mask: rim, the unit's name in an arc, a five-pointed star, optional bottom text."""
    w = int(diameter * (1.45 if oval else 1.0))
    h = diameter
    pad = 6
    image = Image.new("L", (w + 2 * pad, h + 2 * pad), 0)
    draw = ImageDraw.Draw(image)
    rim = max(3, int(diameter * rng.uniform(0.028, 0.04)))
    draw.ellipse((pad, pad, pad + w, pad + h), outline=255, width=rim)
    if oval and rng.random() < 0.5:
        draw.ellipse((pad + rim * 3, pad + rim * 3, pad + w - rim * 3, pad + h - rim * 3), outline=255,
                     width=max(1, rim // 3))
    cx, cy = pad + w / 2, pad + h / 2
    n = len(name)
    span = min(250.0, 120 + n * 9.5) if not oval else min(220.0, 110 + n * 8)
    char = int(diameter * (0.16 if n <= 10 else 0.135 if n <= 13 else 0.12))
    _arc_text(image, name, cx, cy, w / 2 - rim - char * 0.62, h / 2 - rim - char * 0.62, "serif_bold", char, span)
    _star(draw, cx, cy - diameter * 0.02, diameter * (0.12 if oval else 0.15))
    if bottom:
        fnt = font("hei", int(diameter * 0.065))
        tw = fnt.getlength(bottom)
        draw.text((cx - tw / 2, cy + diameter * 0.27), bottom, font=fnt, fill=255)
    mask = np.asarray(image, np.float32) / 255.0
    return mask


def place_seal(page: np.ndarray, cx: int, cy: int, name: str, diameter: int, rng: random.Random, style: str,
               bottom: str = "") -> None:
    """Stamp a seal centred at (cx, cy); style round | oval | faint | partial | rotated."""
    mask = seal_mask(name, diameter, rng, oval=style == "oval", bottom=bottom)
    angle = rng.uniform(25, 70) * rng.choice((-1, 1)) if style == "rotated" else rng.uniform(-14, 14)
    h, w = mask.shape
    size = int(math.hypot(h, w)) + 4
    big = np.zeros((size, size), np.float32)
    big[(size - h) // 2:(size - h) // 2 + h, (size - w) // 2:(size - w) // 2 + w] = mask
    big = cv2.warpAffine(big, cv2.getRotationMatrix2D((size / 2, size / 2), angle, 1.0), (size, size))
    density = rng.uniform(0.75, 0.95)
    if style == "faint":
        density = rng.uniform(0.38, 0.5)
    big = big * _ink_texture(big.shape, rng, 0.35 if style != "faint" else 0.5) * density
    if style == "partial":  # pressed unevenly: one side barely inked
        yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) / size
        a = rng.uniform(0, 2 * math.pi)
        ramp = np.clip(0.5 + 1.3 * ((xx - 0.5) * math.cos(a) + (yy - 0.5) * math.sin(a)), 0.2, 1.0)
        big *= ramp
    color = (rng.randrange(200, 235), rng.randrange(20, 60), rng.randrange(30, 70))
    apply_ink(page, big, cx - size // 2, cy - size // 2, color)


def name_stamp_mask(name: str, side: int, rng: random.Random) -> np.ndarray:
    """A square 名章: the name (plus 印 / 之印) in two right-to-left columns, relief or intaglio."""
    chars = list(name + ("印" if len(name) == 3 else "之印" if len(name) == 2 else ""))[:4]
    while len(chars) < 4:
        chars.append("印")
    image = Image.new("L", (side, side), 0)
    draw = ImageDraw.Draw(image)
    intaglio = rng.random() < 0.4
    border = max(2, side // 16)
    if intaglio:
        draw.rectangle((0, 0, side - 1, side - 1), fill=255)
    else:
        draw.rectangle((0, 0, side - 1, side - 1), outline=255, width=border)
    cell = (side - 2 * border) // 2
    fnt = font("serif_bold", int(cell * 0.95))
    order = [(1, 0), (1, 1), (0, 0), (0, 1)]  # right column top-down, then left column
    for ch, (col, row) in zip(chars, order, strict=True):
        tile = Image.new("L", (cell * 2, cell * 2), 0)
        ImageDraw.Draw(tile).text((cell // 4, 0), ch, font=fnt, fill=255)
        box = tile.getbbox() or (0, 0, 1, 1)
        tile = tile.crop(box).resize((int(cell * 0.86), int(cell * 0.9)))
        pos = (border + col * cell + (cell - tile.width) // 2, border + row * cell + (cell - tile.height) // 2)
        image.paste(0 if intaglio else 255, pos, tile)
    mask = np.asarray(image, np.float32) / 255.0
    return mask * _ink_texture(mask.shape, rng, 0.3) * rng.uniform(0.8, 0.95)


def place_name_stamp(page: np.ndarray, x: int, y: int, name: str, side: int, rng: random.Random) -> None:
    mask = name_stamp_mask(name, side, rng)
    mask = cv2.warpAffine(mask, cv2.getRotationMatrix2D((side / 2, side / 2), rng.uniform(-8, 8), 1.0),
                          (side, side))
    apply_ink(page, mask, x, y, (210, 40, 45))
