"""How a page becomes a file: a phone scanner app, a copier's photocopy, a flatbed scan, and the file formats."""

from __future__ import annotations

import io
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageOps

from . import draw as D


def _nrng(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(1 << 30))


def _perspective(img: Image.Image, rng: random.Random, amount: float, fill=(255, 255, 255)) -> Image.Image:
    w, h = img.size
    j = lambda: rng.uniform(-amount, amount) * w  # noqa: E731
    quad = (j(), j(), j(), h + j(), w + j(), h + j(), w + j(), j())
    return img.transform((w, h), Image.QUAD, quad, resample=Image.BICUBIC, fillcolor=fill)


def scanner_app(img: Image.Image, rng: random.Random) -> tuple[Image.Image, str]:
    """扫描全能王-style: a photographed page, corrected (a thin residue of the old edge stays), enhanced to white."""
    mode = "bw" if rng.random() < 0.25 else "enhance"
    w, h = img.size
    out = _perspective(img, rng, 0.006)
    arr = np.asarray(out, dtype=np.float32)
    # uneven light that the enhancement does not quite remove
    yy, xx = np.mgrid[0:h, 0:w]
    light = 1 - 0.06 * ((xx / w - rng.random()) ** 2 + (yy / h - rng.random()) ** 2)
    arr = arr * light[..., None]
    # residue of the table edge / the page border after perspective correction
    side = rng.choice(("left", "right", "bottom"))
    band = rng.randint(4, 14)
    tone = rng.uniform(70, 140)
    if side == "left":
        arr[:, :band] = tone
    elif side == "right":
        arr[:, -band:] = tone
    else:
        arr[-band:, :] = tone
    arr += _nrng(rng).normal(0, 4, arr.shape)
    if mode == "enhance":
        # levels: paper to white, ink deepened, colours kept (red seals stay red)
        lo, hi = 55.0, rng.uniform(195, 215)
        arr = (arr - lo) / (hi - lo) * 255
        out = Image.fromarray(arr.clip(0, 255).astype(np.uint8)).filter(ImageFilter.UnsharpMask(2, 120, 3))
    else:
        grey = arr.mean(axis=2) * 0.4 + arr[..., 1] * 0.6
        grey = np.where(grey > rng.uniform(150, 175), 255, np.where(grey < 110, 0, (grey - 110) / 60 * 255))
        out = Image.fromarray(grey.clip(0, 255).astype(np.uint8)).convert("RGB")
    d = ImageDraw.Draw(out)
    mark = rng.choice(("扫描全能王 创建", "由 扫描全能王 扫描创建", "CS 扫描全能王"))
    f = D.hei(22)
    d.text((w - f.getlength(mark) - 40, h - 48), mark, font=f, fill=(150, 150, 150))
    return out, mode


def photocopy(img: Image.Image, rng: random.Random) -> Image.Image:
    """A greyscale copy of a letter that was folded in three or in half, with a coffee ring and toner specks."""
    w, h = img.size
    grey = np.asarray(img.convert("L"), dtype=np.float32)
    grey = 250 - (250 - grey) * rng.uniform(0.85, 1.0)
    nrng = _nrng(rng)
    folds = [h // 2] if rng.random() < 0.5 else [h // 3, 2 * h // 3]
    yy = np.arange(h)[:, None]
    for fy in folds:
        fy += rng.randint(-30, 30)
        tilt = rng.uniform(-0.01, 0.01)
        line = fy + tilt * (np.arange(w)[None, :] - w / 2)
        dist = yy - line
        grey -= 60 * np.exp(-(dist / 2.2) ** 2)  # the crease
        grey -= 18 * np.exp(-((dist - 8) / 10) ** 2)  # its shadow on one side
        grey += 8 * np.exp(-((dist + 8) / 8) ** 2)
    # coffee ring: a dark rim, a lighter fill
    cx, cy = rng.uniform(0.15, 0.85) * w, rng.uniform(0.15, 0.85) * h
    r = rng.uniform(0.06, 0.11) * w
    xx = np.arange(w)[None, :]
    rr = np.sqrt(((xx - cx) / 1.0) ** 2 + ((yy - cy) / rng.uniform(0.85, 1.15)) ** 2)
    wobble = 1 + 0.04 * np.sin(np.arctan2(yy - cy, xx - cx) * rng.randint(3, 7))
    ring = np.exp(-((rr - r * wobble) / 4) ** 2) * 55 + (rr < r * wobble) * 22
    grey -= ring
    # toner speck and a streak
    specks = nrng.random((h, w)) < 0.0012
    grey[specks] = nrng.uniform(20, 120, specks.sum())
    if rng.random() < 0.5:
        sx = rng.randint(0, w - 4)
        grey[:, sx:sx + rng.randint(1, 3)] -= rng.uniform(20, 50)
    grey += nrng.normal(0, 5, grey.shape)
    grey -= np.linspace(0, rng.uniform(5, 20), w)[None, :]  # copier lamp falls off at one side
    out = Image.fromarray(grey.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.6))
    out = out.rotate(rng.uniform(-1.2, 1.2), resample=Image.BICUBIC, fillcolor=235)
    return out


def flatbed(img: Image.Image, rng: random.Random, grey: bool = False) -> Image.Image:
    """An office MFP scan: a little skew, a slightly warm paper, noise and softness."""
    arr = np.asarray(img, dtype=np.float32)
    tint = np.array([rng.uniform(242, 252), rng.uniform(240, 250), rng.uniform(232, 246)], dtype=np.float32)
    arr = arr / 255 * tint
    arr += _nrng(rng).normal(0, 3.5, arr.shape)
    out = Image.fromarray(arr.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.8)))
    out = out.rotate(rng.uniform(-1.0, 1.0), resample=Image.BICUBIC, fillcolor=(250, 250, 250))
    return ImageOps.grayscale(out) if grey else out


def resample(img: Image.Image, dpi: int) -> Image.Image:
    if dpi == D.DPI:
        return img
    s = dpi / D.DPI
    return img.resize((int(img.width * s), int(img.height * s)), Image.LANCZOS)


def campus_photo(rng: random.Random) -> Image.Image:
    """A phone photo of the campus: sky, a teaching building with windows, a lawn and trees. No text, no red."""
    w, h = 1600, 1200
    img = Image.new("RGB", (w, h))
    d = ImageDraw.Draw(img)
    for y in range(h // 2):
        t = y / (h / 2)
        d.line((0, y, w, y), fill=(int(120 + 90 * t), int(170 + 60 * t), int(230 + 20 * t)))
    d.rectangle((0, h // 2, w, h), fill=(80, 140, 70))
    bx = rng.randint(100, 500)
    d.rectangle((bx, 220, bx + 900, h // 2 + 40), fill=(225, 220, 205))
    for row in range(5):
        for col in range(12):
            x = bx + 40 + col * 72
            y = 260 + row * 70
            d.rectangle((x, y, x + 40, y + 40), fill=(90, 120, 150))
    for _ in range(9):
        tx, ty = rng.randint(0, w), rng.randint(h // 2, h - 100)
        d.rectangle((tx - 8, ty, tx + 8, ty + 90), fill=(90, 60, 40))
        d.ellipse((tx - 70, ty - 120, tx + 70, ty + 20), fill=(40, 110, 50))
    arr = np.asarray(img, dtype=np.float32) + _nrng(rng).normal(0, 6, (h, w, 3))
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.0))


def jpeg(img: Image.Image, quality: int, dpi: int | None = None) -> bytes:
    buf = io.BytesIO()
    kw = {"dpi": (dpi, dpi)} if dpi else {}
    img.save(buf, "JPEG", quality=quality, **kw)
    return buf.getvalue()


def png(img: Image.Image, dpi: int | None = None) -> bytes:
    buf = io.BytesIO()
    kw = {"dpi": (dpi, dpi)} if dpi else {}
    img.save(buf, "PNG", optimize=False, **kw)
    return buf.getvalue()
