"""How the pages reach the office: flatbed scans, phone photos, sideways annexes; files of each kind."""

from __future__ import annotations

import io
import random

import cv2
import numpy as np
from PIL import Image, ImageFilter

from tests.changegen.render import Page


def _np_rng(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(2**32))


def scan(img: Image.Image, rng: random.Random, *, grey: bool, skew: float, noise: float) -> Image.Image:
    """A flatbed scan: slight skew, sensor noise, a soft edge, sometimes greyscale."""
    if skew:
        img = img.rotate(skew, resample=Image.BICUBIC, fillcolor=(250, 250, 248))
    arr = np.asarray(img).astype(np.float32)
    arr = arr * rng.uniform(0.94, 1.0) + rng.uniform(0, 8)
    if noise:
        arr += _np_rng(rng).normal(0, noise, arr.shape[:2])[..., None]
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if rng.random() < 0.3:
        out = out.filter(ImageFilter.GaussianBlur(0.5))
    return out.convert("L") if grey else out


def shadow(img: Image.Image, rng: random.Random, strength: float) -> Image.Image:
    """A soft darkening from one side, as a hand or a phone throws on the page."""
    w, h = img.size
    xs = np.linspace(0, 1, w, dtype=np.float32)[None, :]
    ys = np.linspace(0, 1, h, dtype=np.float32)[:, None]
    side = rng.choice(["left", "right", "top", "bottom", "corner"])
    t = {"left": 1 - xs + 0 * ys, "right": xs + 0 * ys, "top": 1 - ys + 0 * xs, "bottom": ys + 0 * xs,
         "corner": (xs + ys) / 2}[side]
    gain = 1 - strength * np.clip((t - 0.45) / 0.55, 0, 1) ** 1.5
    arr = np.asarray(img.convert("RGB")).astype(np.float32) * gain[..., None]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def photo(img: Image.Image, rng: random.Random, *, max_angle: float = 4.0, long_side: int = 2200) -> Image.Image:
    """A phone photo: the page on a desk, in perspective, warm uneven light, a little blur."""
    w, h = img.size
    scale = long_side / max(w, h) * 0.88
    img = img.resize((int(w * scale), int(h * scale)), Image.LANCZOS)
    w, h = img.size
    pad = int(max(w, h) * 0.06)
    cw, ch = w + 2 * pad, h + 2 * pad
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    jitter = max(w, h) * 0.025
    dst = np.float32([[pad + rng.uniform(-jitter, jitter), pad + rng.uniform(-jitter, jitter)],
                      [pad + w + rng.uniform(-jitter, jitter), pad + rng.uniform(-jitter, jitter)],
                      [pad + w + rng.uniform(-jitter, jitter), pad + h + rng.uniform(-jitter, jitter)],
                      [pad + rng.uniform(-jitter, jitter), pad + h + rng.uniform(-jitter, jitter)]])
    m = cv2.getPerspectiveTransform(src, dst)
    desk = tuple(int(v) for v in rng.choice([(120, 100, 80), (90, 90, 95), (160, 150, 135), (60, 55, 50)]))
    arr = cv2.warpPerspective(np.asarray(img.convert("RGB")), m, (cw, ch), flags=cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_CONSTANT, borderValue=desk)
    out = Image.fromarray(arr).rotate(rng.uniform(-max_angle, max_angle), resample=Image.BICUBIC, fillcolor=desk)
    warm = np.asarray(out).astype(np.float32) * np.array([1.0, rng.uniform(0.95, 0.99), rng.uniform(0.85, 0.95)])
    out = Image.fromarray(np.clip(warm, 0, 255).astype(np.uint8))
    out = shadow(out, rng, rng.uniform(0.15, 0.4))
    if rng.random() < 0.6:
        out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.0)))
    arr = np.asarray(out).astype(np.float32) + _np_rng(rng).normal(0, 3, (out.height, out.width))[..., None]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def jpeg(img: Image.Image, quality: int, dpi: int | None = None) -> bytes:
    buf = io.BytesIO()
    kw = {"dpi": (dpi, dpi)} if dpi else {}
    img.save(buf, "JPEG", quality=quality, optimize=True, **kw)
    return buf.getvalue()


def png(img: Image.Image, dpi: int | None = None) -> bytes:
    buf = io.BytesIO()
    kw = {"dpi": (dpi, dpi)} if dpi else {}
    img.save(buf, "PNG", optimize=True, **kw)
    return buf.getvalue()


def tiff(images: list[Image.Image], dpi: int) -> bytes:
    buf = io.BytesIO()
    images[0].save(buf, "TIFF", save_all=True, append_images=images[1:], compression="tiff_deflate",
                   dpi=(dpi, dpi))
    return buf.getvalue()


def image_pdf(images: list[Image.Image], dpi: int, quality: int) -> bytes:
    """An image-only PDF, each page a JPEG (as scanner software writes them)."""
    jpgs = [Image.open(io.BytesIO(jpeg(im, quality))) for im in images]
    buf = io.BytesIO()
    jpgs[0].save(buf, "PDF", save_all=True, append_images=jpgs[1:], resolution=float(dpi))
    return buf.getvalue()


_RL_FONT = "STSong-Light"


def mixed_pdf(pages: list[Page], scanned: dict[int, Image.Image], dpi: int, quality: int) -> bytes:
    """A PDF whose `scanned` pages are images and the rest born digital, laid out again from the pages' ops."""
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if _RL_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_RL_FONT))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(pages[0].w_mm * mm, pages[0].h_mm * mm), invariant=1)
    c.setTitle("扫描件")
    for i, page in enumerate(pages):
        w, h = page.w_mm * mm, page.h_mm * mm
        c.setPageSize((w, h))
        if i in scanned:
            c.drawImage(ImageReader(io.BytesIO(jpeg(scanned[i], quality))), 0, 0, w, h)
        else:
            for op in page.ops:
                if op[0] in ("line", "rect"):
                    _, x0, y0, x1, y1, lw = op
                    c.setLineWidth(lw * mm)
                    if op[0] == "line":
                        c.line(x0 * mm, h - y0 * mm, x1 * mm, h - y1 * mm)
                    else:
                        c.rect(x0 * mm, h - y1 * mm, (x1 - x0) * mm, (y1 - y0) * mm)
                    continue
                _, x, y, s, size, _face, anchor = op
                c.setFont(_RL_FONT, size)
                tw = pdfmetrics.stringWidth(s, _RL_FONT, size) / mm
                if anchor[0] == "m":
                    x -= tw / 2
                pt_mm = size * 25.4 / 72
                base = {"a": y + pt_mm * 0.88, "t": y + pt_mm * 0.88, "m": y + pt_mm * 0.36}[anchor[1]]
                c.drawString(x * mm, h - base * mm, s)
        c.showPage()
    c.save()
    return buf.getvalue()
