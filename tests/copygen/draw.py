"""Page drawing: printed text, ruled and unruled tables, handwriting, signatures, name stamps and seals.

Everything is drawn on white RGB pages at a fixed working resolution (150 dpi, A4 = 1240 × 1754); ink that
lies on paper (hand ink, stamp ink) is blended by multiplication so the print below shows through.
"""

from __future__ import annotations

import math
import random
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

DPI = 150
A4 = (1240, 1754)
NOTO_SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
NOTO_SERIF_BOLD = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
NOTO_SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
NOTO_SANS_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
UKAI = "/usr/share/fonts/truetype/arphic/ukai.ttc"
UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
WQY = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

INK_BLACK = (22, 22, 26)
RED = (214, 32, 38)
HAND_INKS = ((24, 32, 78), (20, 24, 40), (30, 44, 110), (16, 16, 20))

# when a list, every printed (not handwritten) line is logged here as (x, y, text, size): a Word export's text
RECORD: list | None = None


@lru_cache(maxsize=256)
def font(path: str, size: int) -> ImageFont.FreeTypeFont:
    index = 2 if "Noto" in path else 0  # Noto ttc: SC face; AR PL: CN face
    return ImageFont.truetype(path, size, index=index)


def song(size: int) -> ImageFont.FreeTypeFont:
    return font(NOTO_SERIF, size)


def song_bold(size: int) -> ImageFont.FreeTypeFont:
    return font(NOTO_SERIF_BOLD, size)


def hei(size: int) -> ImageFont.FreeTypeFont:
    return font(NOTO_SANS, size)


def hei_bold(size: int) -> ImageFont.FreeTypeFont:
    return font(NOTO_SANS_BOLD, size)


def ming(size: int) -> ImageFont.FreeTypeFont:
    return font(UMING, size)


def kai(size: int) -> ImageFont.FreeTypeFont:
    return font(UKAI, size)


def page(size: tuple[int, int] = A4) -> Image.Image:
    return Image.new("RGB", size, "white")


def width(text: str, f: ImageFont.FreeTypeFont) -> int:
    return int(f.getlength(text))


def text(img: Image.Image, xy: tuple[float, float], s: str, f: ImageFont.FreeTypeFont,
         fill: tuple[int, int, int] = INK_BLACK) -> int:
    """Print `s` at `xy` (top-left); returns the x where it ends."""
    ImageDraw.Draw(img).text(xy, s, font=f, fill=fill)
    if RECORD is not None:
        RECORD.append((xy[0], xy[1], s, f.size))
    return int(xy[0] + f.getlength(s))


def centered(img: Image.Image, y: float, s: str, f: ImageFont.FreeTypeFont, fill=INK_BLACK, x0: float = 0,
             x1: float | None = None) -> None:
    x1 = img.width if x1 is None else x1
    text(img, ((x0 + x1 - f.getlength(s)) / 2, y), s, f, fill)


def wrap(s: str, f: ImageFont.FreeTypeFont, max_w: float) -> list[str]:
    lines, cur = [], ""
    for ch in s:
        if f.getlength(cur + ch) > max_w and cur:
            lines.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        lines.append(cur)
    return lines or [""]


def paragraph(img: Image.Image, x: float, y: float, s: str, f: ImageFont.FreeTypeFont, max_w: float,
              indent: bool = True, leading: float = 1.75) -> float:
    """A justified-ish paragraph with a two-character first-line indent; returns the y below it."""
    size = f.size
    first = ("\u3000\u3000" if indent else "") + s
    for line in wrap(first, f, max_w):
        text(img, (x, y), line, f)
        y += size * leading
    return y


def blend(img: Image.Image, mask: Image.Image, color: tuple[int, int, int], offset: tuple[int, int] = (0, 0),
          strength: float = 1.0) -> None:
    """Multiply-blend ink of `color` through an L `mask` onto `img` at `offset` (in place)."""
    ox, oy = offset
    x0, y0 = max(ox, 0), max(oy, 0)
    x1, y1 = min(ox + mask.width, img.width), min(oy + mask.height, img.height)
    if x1 <= x0 or y1 <= y0:
        return
    m = np.asarray(mask.crop((x0 - ox, y0 - oy, x1 - ox, y1 - oy)), dtype=np.float32)[..., None] / 255 * strength
    region = np.asarray(img.crop((x0, y0, x1, y1)), dtype=np.float32)
    tint = np.array(color, dtype=np.float32) / 255
    out = region * (1 - m + m * tint)
    img.paste(Image.fromarray(out.clip(0, 255).astype(np.uint8)), (x0, y0))


def hand(img: Image.Image, xy: tuple[float, float], s: str, size: int, rng: random.Random,
         ink: tuple[int, int, int] | None = None, slant: float | None = None, spacing: float = 0.92) -> int:
    """Handwriting: kai glyphs, each jittered, scaled and turned a little, in blue-black ink."""
    ink = ink or rng.choice(HAND_INKS)
    f = kai(size)
    w = int(size * spacing * (len(s) + 1)) + size * 2
    h = size * 3
    layer = Image.new("L", (w, h), 0)
    x = size * 0.5
    for ch in s:
        s_ch = max(8, int(size * rng.uniform(0.86, 1.12)))
        g = Image.new("L", (s_ch * 2, s_ch * 2), 0)
        ImageDraw.Draw(g).text((s_ch * 0.5, s_ch * 0.4), ch, font=kai(s_ch), fill=255)
        g = g.rotate(rng.uniform(-9, 9), resample=Image.BICUBIC)
        layer.paste(255, (int(x - s_ch * 0.5), int(size * 0.6 + rng.uniform(-0.12, 0.12) * size - s_ch * 0.4)), g)
        adv = f.getlength(ch) if ch.isascii() else size
        x += adv * spacing * rng.uniform(0.85, 1.08)
    sl = slant if slant is not None else rng.uniform(-0.18, 0.05)
    layer = layer.transform(layer.size, Image.AFFINE, (1, sl, -sl * h / 2, 0, 1, 0), resample=Image.BICUBIC)
    layer = layer.rotate(rng.uniform(-3.5, 3.5), resample=Image.BICUBIC, center=(size, h / 2))
    layer = layer.filter(ImageFilter.GaussianBlur(0.5))
    blend(img, layer, ink, (int(xy[0] - size * 0.5), int(xy[1] - size * 0.6)), rng.uniform(0.85, 1.0))
    return int(xy[0] + x)


def signature(img: Image.Image, xy: tuple[float, float], name: str, size: int, rng: random.Random,
              ink: tuple[int, int, int] | None = None) -> int:
    """A signed name: larger, tighter and more slanted than writing, with a trailing flourish."""
    ink = ink or rng.choice(HAND_INKS)
    end = hand(img, xy, name, size, rng, ink, slant=rng.uniform(-0.35, -0.12), spacing=rng.uniform(0.7, 0.85))
    if rng.random() < 0.6:
        layer = Image.new("L", (size * 3, size * 2), 0)
        d = ImageDraw.Draw(layer)
        pts = [(0, size * 1.2)]
        for k in range(1, 7):
            pts.append((k * size * 0.45, size * 1.2 - math.sin(k * 1.3 + rng.random()) * size * 0.5))
        d.line(pts, fill=255, width=max(2, size // 14), joint="curve")
        blend(img, layer.filter(ImageFilter.GaussianBlur(0.6)), ink, (end - size, int(xy[1] - size * 0.4)))
        end += size * 2  # the flourish runs on past the name
    return end


def _mottle(mask: Image.Image, rng: random.Random, keep: float = 0.82) -> Image.Image:
    """Stamp ink is uneven: multiply the mask by low-frequency noise and drop some speckles."""
    w, h = mask.size
    small = np.array([[rng.uniform(keep, 1.0) for _ in range(8)] for _ in range(8)], dtype=np.float32)
    field = np.asarray(Image.fromarray((small * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC),
                       dtype=np.float32) / 255
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    speck = (nrng.random((h, w)) > 0.04).astype(np.float32)
    out = np.asarray(mask, dtype=np.float32) * field * (0.55 + 0.45 * speck)
    return Image.fromarray(out.clip(0, 255).astype(np.uint8))


def _arc_text(mask: Image.Image, cx: float, cy: float, r: float, s: str, size: int, span: float,
              f_path: str = NOTO_SANS_BOLD, start: float = -90.0, squeeze: float = 1.0) -> None:
    """Characters of `s` around an arc centred at `start` degrees (−90 = top), upright towards the centre."""
    n = len(s)
    f = font(f_path, size)
    for i, ch in enumerate(s):
        a = start - span / 2 + span * (i + 0.5) / n
        rad = math.radians(a)
        g = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(g).text((size * 0.5, size * 0.35), ch, font=f, fill=255)
        if squeeze != 1.0:
            g = g.resize((int(size * 2 * squeeze), size * 2)).crop((0, 0, size * 2, size * 2)) if squeeze > 1 else \
                g.resize((int(size * 2 * squeeze), size * 2))
        g = g.rotate(-(a + 90), resample=Image.BICUBIC, expand=True)
        px, py = cx + r * math.cos(rad), cy + r * math.sin(rad)
        mask.paste(255, (int(px - g.width / 2), int(py - g.height / 2)), g)


def _star(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    pts = []
    for k in range(10):
        rad = math.radians(-90 + k * 36)
        rr = r if k % 2 == 0 else r * 0.38
        pts.append((cx + rr * math.cos(rad), cy + rr * math.sin(rad)))
    d.polygon(pts, fill=255)


def round_seal(img: Image.Image, center: tuple[float, float], unit: str, rng: random.Random,
               bottom: str = "", radius: int = 150, color: tuple[int, int, int] = RED) -> None:
    """The official round seal: ring, arc of the unit name, five-pointed star, optional line under the star."""
    r = radius
    size = 2 * r + 40
    mask = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(mask)
    c = size / 2
    ring = max(5, r // 22)
    d.ellipse((c - r, c - r, c + r, c + r), outline=255, width=ring)
    n = len(unit)
    span = 200.0 if n <= 6 else 230.0 if n <= 10 else 260.0
    if bottom:
        span = min(span, 235.0)  # leave the lower part for the department's name
    r_text = r - ring - r * 0.2
    ch = max(14, int(min(r * 0.3, 0.82 * r_text * math.radians(span) / n)))
    _arc_text(mask, c, c, r - ring - ch * 0.68, unit, ch, span)
    _star(d, c, c, r * 0.3)
    if bottom:
        f = hei_bold(max(12, int(r * 0.17)))
        d.text((c - f.getlength(bottom) / 2, c + r * 0.34), bottom, font=f, fill=255)
    serial = "".join(str(rng.randint(0, 9)) for _ in range(13))
    _arc_text(mask, c, c, r - ring - 12, serial, max(8, r // 12), 70, NOTO_SANS, start=90)
    mask = mask.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC)
    mask = _mottle(mask.filter(ImageFilter.GaussianBlur(0.7)), rng)
    blend(img, mask, color, (int(center[0] - c), int(center[1] - c)), rng.uniform(0.75, 0.95))


def oval_seal(img: Image.Image, center: tuple[float, float], unit: str, middle: str, rng: random.Random,
              rx: int = 140, ry: int = 95) -> None:
    """A red oval stamp (发票/财务专用 style): double outline, the unit name along the upper arc, a middle line."""
    w, h = 2 * rx + 40, 2 * ry + 40
    mask = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(mask)
    cx, cy = w / 2, h / 2
    d.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), outline=255, width=5)
    d.ellipse((cx - rx + 10, cy - ry + 10, cx + rx - 10, cy + ry - 10), outline=255, width=2)
    n = len(unit)
    span = min(230.0, 12.0 * n + 70)
    arc = math.radians(span) * (rx + ry) / 2 * 0.78
    size = max(12, int(min(ry * 0.27, 0.85 * arc / n)))
    for i, chh in enumerate(unit):
        a = math.radians(-90 - span / 2 + span * (i + 0.5) / n)
        px, py = cx + (rx - 34) * math.cos(a), cy + (ry - 30) * math.sin(a)
        g = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(g).text((size * 0.5, size * 0.35), chh, font=hei_bold(size), fill=255)
        g = g.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC, expand=True)
        mask.paste(255, (int(px - g.width / 2), int(py - g.height / 2)), g)
    f = hei_bold(max(12, int(ry * 0.24)))
    d.text((cx - f.getlength(middle) / 2, cy + ry * 0.05), middle, font=f, fill=255)
    digits = "".join(str(rng.randint(0, 9)) for _ in range(15))
    f2 = hei(max(10, int(ry * 0.17)))
    d.text((cx - f2.getlength(digits) / 2, cy - ry * 0.28), digits, font=f2, fill=255)
    mask = mask.rotate(rng.uniform(-12, 12), resample=Image.BICUBIC)
    mask = _mottle(mask.filter(ImageFilter.GaussianBlur(0.7)), rng)
    blend(img, mask, RED, (int(center[0] - w / 2), int(center[1] - h / 2)), rng.uniform(0.75, 0.92))


def seam_fragment(img: Image.Image, unit: str, rng: random.Random, radius: int = 150) -> None:
    """A 骑缝章 fragment: a slice of a round seal on the right edge (the rest is on the next sheet)."""
    y = rng.randint(img.height // 3, img.height * 2 // 3)
    keep = rng.uniform(0.25, 0.45)
    tmp = Image.new("RGB", (2 * radius + 40, 2 * radius + 40), "white")
    round_seal(tmp, (tmp.width / 2, tmp.height / 2), unit, rng, radius=radius)
    arr = 255 - np.asarray(tmp.convert("L"), dtype=np.int32)
    mask = Image.fromarray((arr * 2.2).clip(0, 255).astype(np.uint8))
    cut = int(tmp.width * (1 - keep))
    mask = mask.crop((cut, 0, tmp.width, tmp.height))
    blend(img, mask, RED, (img.width - mask.width, y - tmp.height // 2), 0.9)


def name_stamp(img: Image.Image, center: tuple[float, float], name: str, rng: random.Random, side: int = 70) -> None:
    """A 名章: small square red stamp, the name in 2×2 (a two-character name gets 之印)."""
    chars = list(name[:4])
    if len(chars) == 2:
        chars += ["之", "印"]
    elif len(chars) == 3:
        chars += ["印"]
    mask = Image.new("L", (side + 10, side + 10), 0)
    d = ImageDraw.Draw(mask)
    d.rectangle((5, 5, side + 5, side + 5), outline=255, width=max(3, side // 18))
    cs = int(side * 0.42)
    f = song_bold(cs)
    order = [(1, 0), (1, 1), (0, 0), (0, 1)]  # read right column first, top to bottom
    for chh, (col, row) in zip(chars, order, strict=False):
        d.text((5 + side * 0.06 + col * side * 0.47, 5 + side * 0.0 + row * side * 0.46), chh, font=f, fill=255)
    mask = mask.rotate(rng.uniform(-8, 8), resample=Image.BICUBIC, expand=True)
    mask = _mottle(mask.filter(ImageFilter.GaussianBlur(0.5)), rng, 0.85)
    blend(img, mask, (200, 28, 36), (int(center[0] - mask.width / 2), int(center[1] - mask.height / 2)), 0.9)


def grid(img: Image.Image, x: float, y: float, widths: list[float], rows: list[list[str]],
         f: ImageFont.FreeTypeFont, header_font: ImageFont.FreeTypeFont | None = None, pad: int = 8,
         rule: bool = True, align: str = "center", min_h: int = 0) -> float:
    """A table: each row's height fits its wrapped cells; returns the y below it."""
    d = ImageDraw.Draw(img)
    size = f.size
    for r, row in enumerate(rows):
        fnt = header_font if (r == 0 and header_font) else f
        wrapped = [wrap(cell, fnt, w - 2 * pad) for cell, w in zip(row, widths, strict=False)]
        h = max(min_h, max(len(lines) for lines in wrapped) * int(size * 1.45) + 2 * pad)
        cx = x
        for lines, w in zip(wrapped, widths, strict=False):
            ty = y + (h - len(lines) * size * 1.45) / 2
            for line in lines:
                lx = cx + (w - fnt.getlength(line)) / 2 if align == "center" else cx + pad
                d.text((lx, ty), line, font=fnt, fill=INK_BLACK)
                if RECORD is not None:
                    RECORD.append((lx, ty, line, fnt.size))
                ty += size * 1.45
            if rule:
                d.rectangle((cx, y, cx + w, y + h), outline=INK_BLACK, width=2)
            cx += w
        y += h
    return y
