"""How the signed sheet reaches the office: flatbed scans on tinted paper, folds, moiré, bleed-through from the
back, heavy JPEG, phone photos with perspective and a finger in the corner; and the files they become."""

from __future__ import annotations

import io
import random

import cv2
import numpy as np
from PIL import Image, ImageFilter

PAPERS = {"white": (250, 250, 247), "yellowish": (246, 236, 200), "bluish": (222, 234, 246),
          "pinkish": (248, 228, 230), "recycled": (232, 228, 214)}


def _gen(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(1 << 30))


def tint(img: Image.Image, paper: str, rng: random.Random) -> Image.Image:
    """Printed on coloured paper: white becomes the paper colour, with a soft uneven gradient."""
    a = np.asarray(img, dtype=np.float32) / 255
    col = np.array(PAPERS[paper], dtype=np.float32) / 255
    h, w = a.shape[:2]
    gy = np.linspace(rng.uniform(0.94, 1.0), rng.uniform(0.96, 1.02), h, dtype=np.float32)[:, None, None]
    return Image.fromarray((a * col * gy * 255).clip(0, 255).astype(np.uint8))


def fold(img: Image.Image, rng: random.Random, horizontal: bool = True) -> Image.Image:
    """A crease where the letter was folded in three for the envelope: a dark line with a light shoulder."""
    a = np.asarray(img, dtype=np.float32)
    h, w = a.shape[:2]
    n = h if horizontal else w
    pos = int(n * rng.choice((1 / 3, 2 / 3, 0.5)) + rng.uniform(-0.02, 0.02) * n)
    idx = np.arange(n, dtype=np.float32) - pos
    prof = 1 - 0.28 * np.exp(-(idx / 2.2) ** 2) + 0.05 * np.exp(-((idx - 7) / 6) ** 2) - 0.06 * np.exp(-((idx + 9) / 10) ** 2)
    prof = prof[:, None, None] if horizontal else prof[None, :, None]
    return Image.fromarray((a * prof).clip(0, 255).astype(np.uint8))


def bleed_through(img: Image.Image, back: Image.Image, rng: random.Random) -> Image.Image:
    """Thin paper: the back side's print shows through, mirrored and faint."""
    b = np.asarray(back.convert("L").resize(img.size).transpose(Image.FLIP_LEFT_RIGHT), dtype=np.float32) / 255
    b = cv2.GaussianBlur(b, (0, 0), 1.6)
    strength = rng.uniform(0.05, 0.10)
    a = np.asarray(img, dtype=np.float32)
    return Image.fromarray((a * (1 - strength * (1 - b))[..., None]).clip(0, 255).astype(np.uint8))


def moire(img: Image.Image, rng: random.Random) -> Image.Image:
    """A faint interference pattern, as when a screened print is rescanned."""
    a = np.asarray(img, dtype=np.float32)
    h, w = a.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = rng.uniform(0.2, 1.2)
    period = rng.uniform(5.0, 9.0)
    wave = np.sin((xx * np.cos(ang) + yy * np.sin(ang)) * 2 * np.pi / period)
    wave2 = np.sin((xx * np.cos(ang + 0.06) + yy * np.sin(ang + 0.06)) * 2 * np.pi / (period * 1.03))
    pattern = 1 - rng.uniform(0.03, 0.06) * (wave * wave2 + 1) / 2
    return Image.fromarray((a * pattern[..., None]).clip(0, 255).astype(np.uint8))


def flatbed(img: Image.Image, rng: random.Random, grey: bool = False) -> Image.Image:
    """A flatbed scan: a small skew, a little blur, sensor noise, slightly lifted blacks."""
    angle = rng.uniform(-1.2, 1.2)
    bg = tuple(int(v) for v in np.asarray(img)[2, 2])
    img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=bg)
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.7)))
    a = np.asarray(img, dtype=np.float32)
    a = a * 0.93 + 14 + _gen(rng).normal(0, 3.5, a.shape[:2])[..., None]
    img = Image.fromarray(a.clip(0, 255).astype(np.uint8))
    return img.convert("L").convert("RGB") if grey else img


def phone_photo(img: Image.Image, rng: random.Random, finger: bool = True) -> Image.Image:
    """A phone photo of the sheet on a desk: mild perspective, warm uneven light, a finger holding a corner."""
    a = np.asarray(img)
    h, w = a.shape[:2]
    margin = int(0.07 * max(w, h))
    out_w, out_h = w + 2 * margin, h + 2 * margin
    j = lambda s: rng.uniform(-s, s) * w  # noqa: E731
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32([[margin + j(0.03), margin + j(0.02)], [margin + w + j(0.03), margin + j(0.02)],
                      [margin + w + j(0.015), margin + h + j(0.02)], [margin + j(0.015), margin + h + j(0.02)]])
    m = cv2.getPerspectiveTransform(src, dst)
    desk = np.array(rng.choice([(120, 92, 64), (160, 150, 140), (70, 66, 62), (182, 160, 128)]), dtype=np.uint8)
    out = cv2.warpPerspective(a, m, (out_w, out_h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                              borderValue=tuple(int(v) for v in desk))
    out = out.astype(np.float32)
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    cx, cy = rng.uniform(0.2, 0.8) * out_w, rng.uniform(0.1, 0.5) * out_h
    light = 1.05 - 0.25 * (((xx - cx) / out_w) ** 2 + ((yy - cy) / out_h) ** 2)
    out = out * light[..., None] * np.array([1.03, 1.0, 0.93], dtype=np.float32)
    if finger:
        corner = rng.choice(("bl", "br"))
        fx = margin * 0.6 if corner == "bl" else out_w - margin * 0.6
        fy = out_h - margin * 0.4
        fw, fh = out_w * 0.045, out_w * 0.11
        ang = rng.uniform(-0.5, 0.5) + (0.5 if corner == "bl" else -0.5)
        dx, dy = xx - fx, yy - fy
        u = dx * np.cos(ang) + dy * np.sin(ang)
        v = -dx * np.sin(ang) + dy * np.cos(ang)
        inside = (u / fw) ** 2 + (v / fh) ** 2
        mask = np.clip((1.2 - inside) * 3, 0, 1)
        mask = cv2.GaussianBlur(mask, (0, 0), out_w * 0.004)
        shade = np.clip(1 - 0.35 * (v / fh + 1) / 2, 0.5, 1)
        skin = np.stack([196 * shade, 146 * shade, 120 * shade], axis=-1)
        shadow = cv2.GaussianBlur(mask, (0, 0), out_w * 0.012)
        out = out * (1 - 0.35 * shadow[..., None])
        out = out * (1 - mask[..., None]) + skin * mask[..., None]
    out = cv2.GaussianBlur(out, (0, 0), 0.8)
    out = out + _gen(rng).normal(0, 4, out.shape[:2])[..., None]
    return Image.fromarray(out.clip(0, 255).astype(np.uint8))


def jpeg(img: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, optimize=False)
    return buf.getvalue()


def png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def image_pdf(pages: list[Image.Image], dpi: int, quality: int = 80) -> bytes:
    """An image-only PDF, one JPEG per page at `dpi` (what a scanner's scan-to-PDF writes)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    for page in pages:
        w, h = page.width * 72 / dpi, page.height * 72 / dpi
        c.setPageSize((w, h))
        c.drawImage(ImageReader(io.BytesIO(jpeg(page, quality))), 0, 0, w, h)
        c.showPage()
    c.save()
    return buf.getvalue()


def tiff(pages: list[Image.Image], dpi: int) -> bytes:
    buf = io.BytesIO()
    pages[0].save(buf, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_lzw", dpi=(dpi, dpi))
    return buf.getvalue()
