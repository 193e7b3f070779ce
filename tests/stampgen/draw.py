"""Drawing primitives for stampgen: typed text, handwriting, ticks, seals, name/signature/date stamps, scans."""

from __future__ import annotations

import io
import math
import random
import re
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

W, H = 1654, 2339  # A4 at 200 dpi

TYPED = (("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
         ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
         ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
         ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0))
BOLD = (("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
        ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2))
HAND = ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0)
SEAL = ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2)
SEAL_SANS = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2)
MONO = ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf", 0)

INKS = {"blue": (28, 48, 150), "black": (22, 22, 28), "blue-black": (32, 38, 86)}
RED = (205, 28, 36)


@lru_cache(maxsize=256)
def font(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, index=index)


class Page:
    """One A4 page at 200 dpi with a typed face chosen per document."""

    def __init__(self, typed: tuple[str, int], bold: tuple[str, int]) -> None:
        self.img = Image.new("RGB", (W, H), "white")
        self.draw = ImageDraw.Draw(self.img)
        self.typed = typed
        self.bold = bold

    def f(self, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
        path, index = self.bold if bold else self.typed
        return font(path, index, size)

    def text(self, x: float, y: float, s: str, size: int = 32, bold: bool = False,
             fill: tuple[int, int, int] = (18, 18, 18)) -> float:
        """Typed text with its top-left at (x, y); returns the x where it ends."""
        fnt = self.f(size, bold)
        self.draw.text((x, y), s, font=fnt, fill=fill)
        return x + self.draw.textlength(s, font=fnt)

    def width(self, s: str, size: int = 32, bold: bool = False) -> float:
        return self.draw.textlength(s, font=self.f(size, bold))

    def center(self, y: float, s: str, size: int, bold: bool = False) -> None:
        self.text((W - self.width(s, size, bold)) / 2, y, s, size, bold)

    def para(self, x: float, y: float, s: str, size: int, right: float, indent: bool = True,
             spacing: float = 1.75) -> float:
        """Wrap typed text between x and right; returns the y below it."""
        line, cx = "", x + (2 * size if indent else 0)
        start = cx
        for ch in s:
            w = self.width(ch, size)
            if cx + w > right and line:
                self.text(start, y, line, size)
                y += size * spacing
                line, cx, start = "", x, x
            line += ch
            cx += w
        if line:
            self.text(start, y, line, size)
            y += size * spacing
        return y

    def hline(self, x0: float, x1: float, y: float, width: int = 2) -> None:
        self.draw.line([(x0, y), (x1, y)], fill=(20, 20, 20), width=width)

    def box(self, x0: float, y0: float, x1: float, y1: float, width: int = 2) -> None:
        self.draw.rectangle([x0, y0, x1, y1], outline=(20, 20, 20), width=width)

    def cell(self, x0: float, y0: float, x1: float, y1: float, s: str, size: int, center: bool = True) -> None:
        """Typed text wrapped inside a cell, vertically centred."""
        lines, line = [], ""
        for ch in s:
            if self.width(line + ch, size) > (x1 - x0 - 14) and line:
                lines.append(line)
                line = ""
            line += ch
        if line:
            lines.append(line)
        total = len(lines) * size * 1.3
        y = (y0 + y1) / 2 - total / 2
        for ln in lines:
            x = (x0 + x1 - self.width(ln, size)) / 2 if center else x0 + 8
            self.text(x, y, ln, size)
            y += size * 1.3


def _paste_ink(img: Image.Image, mask: Image.Image, x: float, y: float, color: tuple[int, int, int]) -> None:
    layer = Image.new("RGB", mask.size, color)
    img.paste(layer, (int(x), int(y)), mask)


def hand(page: Page, rng: random.Random, x: float, y: float, s: str, size: int, ink: str,
         spacing: float = 0.92, tilt: float = 5.0) -> float:
    """Handwriting: ukai glyphs one by one, jittered in size, angle, baseline and pressure; returns end x."""
    color = INKS[ink]
    cx = x
    slope = rng.uniform(-0.04, 0.04)
    for ch in s:
        if ch == " ":
            cx += size * 0.4
            continue
        sz = max(10, int(size * rng.uniform(0.88, 1.1)))
        fnt = font(HAND[0], HAND[1], sz)
        box = int(sz * 1.6)
        mask = Image.new("L", (box, box), 0)
        ImageDraw.Draw(mask).text((sz * 0.3, sz * 0.2), ch, font=fnt, fill=255)
        mask = mask.rotate(rng.uniform(-tilt, tilt), resample=Image.BICUBIC)
        if rng.random() < 0.5:
            mask = mask.filter(ImageFilter.MaxFilter(3))  # a heavier pen
        pressure = rng.uniform(0.62, 1.0)
        mask = mask.point(lambda v, p=pressure: int(v * p))
        dy = rng.uniform(-0.07, 0.07) * size + (cx - x) * slope
        _paste_ink(page.img, mask, cx - sz * 0.3, y - sz * 0.2 + dy, color)
        narrow = ch.isascii() or ch in "．。，、"
        cx += sz * (0.58 if narrow else 1.0) * spacing * rng.uniform(0.9, 1.08)
    return cx


def signature(page: Page, rng: random.Random, x: float, y: float, name: str, ink: str, size: int = 58) -> float:
    """A signed name: large, cramped, tilted, often with a trailing flourish."""
    end = hand(page, rng, x, y, name, size, ink, spacing=rng.uniform(0.68, 0.82), tilt=12)
    if rng.random() < 0.6:
        pts = []
        x0, y0 = end - size * 0.3, y + size * rng.uniform(0.6, 0.9)
        for t in np.linspace(0, 1, 18):
            pts.append((x0 + t * size * rng.uniform(0.9, 1.1), y0 - math.sin(t * math.pi) * size * 0.35 + t * 6))
        page.draw.line(pts, fill=INKS[ink], width=rng.choice((2, 3, 4)))
    return end


def tick(page: Page, rng: random.Random, cx: float, cy: float, size: float, ink: str, cross: bool = False) -> None:
    """A hand tick (✓) or cross (×) centred near (cx, cy), a little off and a little large."""
    cx += rng.uniform(-0.15, 0.25) * size
    cy += rng.uniform(-0.25, 0.1) * size
    w = rng.choice((3, 4, 5))
    col = INKS[ink]
    if cross:
        s = size * rng.uniform(0.5, 0.7)
        page.draw.line([(cx - s, cy - s), (cx + s, cy + s)], fill=col, width=w)
        page.draw.line([(cx + s * 0.9, cy - s * 1.05), (cx - s * 0.85, cy + s * 0.95)], fill=col, width=w)
    else:
        s = size * rng.uniform(0.6, 0.85)
        page.draw.line([(cx - s * 0.7, cy - s * 0.05), (cx - s * 0.15, cy + s * 0.55),
                        (cx + s * 0.95, cy - s * 1.1)], fill=col, width=w, joint="curve")


def checkbox(page: Page, x: float, y: float, size: int) -> None:
    page.draw.rectangle([x, y + size * 0.15, x + size * 0.8, y + size * 0.95], outline=(20, 20, 20), width=2)


def _texture(rng: random.Random, alpha: np.ndarray, keep: float) -> np.ndarray:
    """Uneven stamp ink: low-frequency pressure times speckle."""
    h, w = alpha.shape
    low = cv2.resize(np.array([[rng.uniform(0.45, 1.0) for _ in range(5)] for _ in range(5)], np.float32),
                     (w, h), interpolation=cv2.INTER_CUBIC)
    nprng = np.random.default_rng(rng.randrange(1 << 30))
    speck = (nprng.random((h, w)) < keep).astype(np.float32)
    speck = cv2.GaussianBlur(speck, (3, 3), 0)
    return np.clip(alpha * np.clip(low, 0.3, 1.0) * (0.35 + 0.65 * speck), 0, 1)


def stamp_layer(page: Page, rng: random.Random, layer: Image.Image, cx: float, cy: float,
                color: tuple[int, int, int], keep: float = 0.85) -> None:
    """Multiply a stamp (an L mask) onto the page centred at (cx, cy), with uneven ink."""
    layer = layer.rotate(rng.uniform(-8, 8), resample=Image.BICUBIC)
    alpha = _texture(rng, np.asarray(layer, np.float32) / 255.0, keep)
    h, w = alpha.shape
    x0, y0 = int(cx - w / 2), int(cy - h / 2)
    arr = np.asarray(page.img, np.float32)
    sx0, sy0 = max(0, x0), max(0, y0)
    sx1, sy1 = min(arr.shape[1], x0 + w), min(arr.shape[0], y0 + h)
    a = alpha[sy0 - y0:sy1 - y0, sx0 - x0:sx1 - x0][..., None] * rng.uniform(0.75, 0.95)
    ink = np.array(color, np.float32) / 255.0
    region = arr[sy0:sy1, sx0:sx1]
    arr[sy0:sy1, sx0:sx1] = region * (1 - a * (1 - ink))
    page.img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    page.draw = ImageDraw.Draw(page.img)


def round_seal(rng: random.Random, arc_text: str, radius: int = 165, inner: str = "") -> Image.Image:
    """A round official seal: ring, the unit's name on the upper arc, a star, optional line under it."""
    size = radius * 2 + 20
    img = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(img)
    c = size / 2
    ring = max(7, radius // 20)
    d.ellipse([c - radius, c - radius, c + radius, c + radius], outline=255, width=ring)
    n = len(arc_text)
    span = min(300.0, 19.0 * n + 50)
    r_guess = radius - ring - radius * 0.17
    ch_size = int(min(radius * 0.3, r_guess * math.radians(span) / n * 0.92))
    fnt = font(*SEAL_SANS, ch_size) if rng.random() < 0.5 else font(*SEAL, ch_size)
    r_text = radius - ring - ch_size * 0.68 - 5
    for i, ch in enumerate(arc_text):
        theta = -span / 2 + span * (i + 0.5) / n
        t = math.radians(theta)
        glyph = Image.new("L", (ch_size * 2, ch_size * 2), 0)
        ImageDraw.Draw(glyph).text((ch_size / 2, ch_size / 2 - ch_size * 0.12), ch, font=fnt, fill=255)
        glyph = glyph.rotate(-theta, resample=Image.BICUBIC)
        gx, gy = c + r_text * math.sin(t), c - r_text * math.cos(t)
        img.paste(255, (int(gx - ch_size), int(gy - ch_size)), glyph)
    star_r = radius * 0.3
    pts = []
    for k in range(10):
        ang = math.radians(-90 + 36 * k)
        r = star_r if k % 2 == 0 else star_r * 0.4
        pts.append((c + r * math.cos(ang), c + radius * 0.02 + r * math.sin(ang)))
    d.polygon(pts, fill=255)
    if inner:
        isz = int(radius * 0.2)
        f2 = font(*SEAL_SANS, isz)
        tw = d.textlength(inner, font=f2)
        d.text((c - tw / 2, c + radius * 0.42), inner, font=f2, fill=255)
    return img


def name_stamp(rng: random.Random, name: str, side: int = 92) -> Image.Image:
    """A small square 名章: the name (plus 印 / 之印) in two columns, right column first."""
    chars = list(name + ("印" if len(name) == 3 else "之印" if len(name) == 2 else ""))[:4]
    while len(chars) < 4:
        chars.append("印")
    img = Image.new("L", (side + 8, side + 8), 0)
    d = ImageDraw.Draw(img)
    d.rectangle([4, 4, side + 4, side + 4], outline=255, width=max(4, side // 16))
    cs = int(side * 0.4)
    fnt = font(*SEAL, cs)
    order = [(1, 0), (1, 1), (0, 0), (0, 1)]  # right column top, bottom, then left column
    for ch, (col, row) in zip(chars, order, strict=True):
        x = 4 + side * 0.08 + col * side * 0.44
        y = 4 + side * 0.02 + row * side * 0.46
        d.text((x, y), ch, font=fnt, fill=255)
    return img


def signature_stamp(rng: random.Random, name: str) -> Image.Image:
    """A rectangular signature stamp (签名章): the name in a script face inside a thin frame."""
    sz = rng.randint(52, 64)
    fnt = font(*HAND, sz)
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    tw = probe.textlength(name, font=fnt)
    w, h = int(tw + sz * 0.9), int(sz * 1.55)
    img = Image.new("L", (w + 8, h + 8), 0)
    d = ImageDraw.Draw(img)
    d.rectangle([4, 4, w + 4, h + 4], outline=255, width=3)
    d.text((4 + (w - tw) / 2, 4 + sz * 0.12), name, font=fnt, fill=255)
    return img


def date_stamp(rng: random.Random, text: str, framed: bool) -> Image.Image:
    """A rubber date stamp: monospaced digits, slightly doubled and blurred."""
    sz = rng.randint(34, 44)
    fnt = font(*MONO, sz)
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    tw = probe.textlength(text, font=fnt)
    w, h = int(tw + 30), int(sz * 1.6)
    img = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(img)
    d.text((15, sz * 0.25), text, font=fnt, fill=255)
    dx, dy = rng.choice((1, 2)), rng.choice((0, 1))
    d.text((15 + dx, sz * 0.25 + dy), text, font=fnt, fill=150)
    if framed:
        d.rounded_rectangle([2, 2, w - 3, h - 3], radius=10, outline=255, width=3)
    return img.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.3)))


def strike(page: Page, rng: random.Random, x0: float, x1: float, y: float, ink: str, double: bool) -> None:
    """A hand strike-through: one or two slightly sloping lines."""
    for k in range(2 if double else 1):
        yy = y + k * 9
        page.draw.line([(x0 - 4, yy + rng.uniform(-3, 3)), (x1 + 4, yy + rng.uniform(-4, 4))],
                       fill=INKS[ink], width=rng.choice((3, 4)))


# --- capture -------------------------------------------------------------------------------------------


def scan(rng: random.Random, img: Image.Image, dpi: int, grey: bool, phone: bool) -> Image.Image:
    """A flatbed scan (skew, noise, dpi) or a phone photo (perspective, shading, background)."""
    arr = np.asarray(img, np.float32)
    nprng = np.random.default_rng(rng.randrange(1 << 30))
    if phone:
        h, w = arr.shape[:2]
        pad = 120
        canvas = np.full((h + 2 * pad, w + 2 * pad, 3), rng.choice((90, 120, 150)), np.float32)
        canvas[..., 0] += 20
        canvas[pad:pad + h, pad:pad + w] = arr
        src = np.float32([[pad, pad], [pad + w, pad], [pad + w, pad + h], [pad, pad + h]])
        j = [rng.uniform(-60, 60) for _ in range(8)]
        dst = src + np.float32([[j[0], j[1]], [j[2], j[3]], [j[4], j[5]], [j[6], j[7]]])
        m = cv2.getPerspectiveTransform(src, dst)
        warped = cv2.warpPerspective(canvas, m, (canvas.shape[1], canvas.shape[0]),
                                     borderMode=cv2.BORDER_REPLICATE)
        yy, xx = np.mgrid[0:warped.shape[0], 0:warped.shape[1]].astype(np.float32)
        shade = 0.78 + 0.22 * (xx / warped.shape[1] * rng.uniform(0.3, 1) + yy / warped.shape[0] * rng.uniform(0, 0.6))
        arr = warped * np.clip(shade, 0.6, 1.0)[..., None] * np.float32([1.0, 0.98, 0.93])
        arr = cv2.GaussianBlur(arr, (3, 3), 0.8)
        arr += nprng.normal(0, 5, arr.shape)
    else:
        angle = rng.uniform(-1.3, 1.3)
        h, w = arr.shape[:2]
        m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        arr = cv2.warpAffine(arr, m, (w, h), borderValue=(255, 255, 255))
        arr = arr * rng.uniform(0.93, 1.0) + rng.uniform(0, 10)
        arr += nprng.normal(0, rng.uniform(2.5, 7), arr.shape)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if dpi != 200:
        out = out.resize((int(out.width * dpi / 200), int(out.height * dpi / 200)), Image.LANCZOS)
    if grey:
        out = out.convert("L")
    return out


def encode(pages: list[Image.Image], fmt: str, dpi: int, rng: random.Random) -> list[tuple[bytes, str, str]]:
    """The files a school attaches: (bytes, mime subtype, extension)."""
    if fmt == "pdf":
        buf = io.BytesIO()
        first = pages[0].convert("RGB") if pages[0].mode not in ("RGB", "L") else pages[0]
        first.save(buf, "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:])
        when = f"D:202403{rng.randint(1, 20):02d}{rng.randint(8, 20):02d}{rng.randint(10, 59)}{rng.randint(10, 59)}Z"
        data = re.sub(rb"D:\d{14}Z", when.encode(), buf.getvalue())  # same length: xref offsets hold
        return [(data, "application/pdf", "pdf")]
    if fmt == "tiff":
        buf = io.BytesIO()
        pages[0].save(buf, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_lzw",
                      dpi=(dpi, dpi))
        return [(buf.getvalue(), "image/tiff", "tif")]
    out = []
    for p in pages:
        buf = io.BytesIO()
        if fmt == "jpeg":
            p.save(buf, "JPEG", quality=rng.randint(72, 90), dpi=(dpi, dpi))
            out.append((buf.getvalue(), "image/jpeg", "jpg"))
        else:
            p.save(buf, "PNG", dpi=(dpi, dpi), optimize=False)
            out.append((buf.getvalue(), "image/png", "png"))
    return out
