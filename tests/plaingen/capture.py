"""How a drawn page reaches the mailbox: flatbed scans, phone photos, and the files they are saved as."""

from __future__ import annotations

import io
import random
import time

import cv2
import numpy as np
from PIL import Image, ImageFilter

_FIXED = time.strptime("2024-03-01", "%Y-%m-%d")


def scan(page: Image.Image, rng: random.Random, grey: bool = False, skew_deg: float = 1.2) -> Image.Image:
    """A flatbed scan: slight skew, paper tone, sensor noise, a little blur; greyscale when `grey`."""
    img = page.rotate(rng.uniform(-skew_deg, skew_deg), resample=Image.BICUBIC, expand=False, fillcolor="white")
    arr = np.asarray(img, dtype=np.float32)
    g = np.random.default_rng(rng.randrange(1 << 30))
    base = rng.uniform(238, 250)
    tone = np.array([min(255.0, base + rng.uniform(0, 3)), base + rng.uniform(-1, 2), base - rng.uniform(0, 6)],
                    dtype=np.float32)
    arr = arr / 255.0 * tone + g.normal(0, rng.uniform(2, 6), arr.shape).astype(np.float32)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if rng.random() < 0.5:
        out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.7)))
    return out.convert("L") if grey else out


def phone_photo(page: Image.Image, rng: random.Random, megapixels: float, tilt_deg: float = 6.0) -> Image.Image:
    """A phone photo of the sheet on a desk: perspective, rotation up to `tilt_deg`, uneven light or a shadow band."""
    src = np.asarray(page.convert("RGB"))
    h, w = src.shape[:2]
    aspect = 4 / 3
    out_h = int((megapixels * 1e6 / aspect) ** 0.5)
    out_w = int(out_h * aspect)
    if h > w:
        out_w, out_h = out_h, out_w
    scale = min(out_w / w, out_h / h) * rng.uniform(0.78, 0.9)
    cx, cy = out_w / 2 + rng.uniform(-0.04, 0.04) * out_w, out_h / 2 + rng.uniform(-0.04, 0.04) * out_h
    ang = np.radians(rng.uniform(-tilt_deg, tilt_deg))
    corners = []
    for x, y in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)):
        rx, ry = x * np.cos(ang) - y * np.sin(ang), x * np.sin(ang) + y * np.cos(ang)
        corners.append((cx + rx * scale, cy + ry * scale))
    persp = rng.uniform(0.0, 0.05) * out_w
    corners[0] = (corners[0][0] + persp, corners[0][1] + rng.uniform(-0.01, 0.02) * out_h)
    corners[1] = (corners[1][0] - persp, corners[1][1] + rng.uniform(-0.01, 0.02) * out_h)
    m = cv2.getPerspectiveTransform(np.float32([(0, 0), (w, 0), (w, h), (0, h)]), np.float32(corners))
    desk = np.array([rng.randint(90, 170), rng.randint(80, 150), rng.randint(60, 130)], dtype=np.uint8)
    warped = cv2.warpPerspective(src, m, (out_w, out_h), flags=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR,
                                 borderMode=cv2.BORDER_CONSTANT, borderValue=tuple(int(v) for v in desk))
    arr = warped.astype(np.float32)
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    lx, ly = rng.uniform(0, out_w), rng.uniform(0, out_h)
    light = 1.0 - rng.uniform(0.12, 0.3) * np.hypot(xx - lx, yy - ly) / np.hypot(out_w, out_h)
    if rng.random() < 0.5:
        band_x = rng.uniform(0.2, 0.8) * out_w
        width = rng.uniform(0.08, 0.2) * out_w
        light *= 1.0 - rng.uniform(0.2, 0.35) / (1.0 + np.exp(-(xx + 0.3 * yy - band_x) / (width * 0.15)))
    arr *= light[..., None]
    arr *= np.array([rng.uniform(0.95, 1.0), rng.uniform(0.95, 1.0), rng.uniform(0.88, 0.97)], dtype=np.float32)
    g = np.random.default_rng(rng.randrange(1 << 30))
    arr += g.normal(0, rng.uniform(2, 5), arr.shape).astype(np.float32)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return img.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.9)))


def to_jpeg(img: Image.Image, quality: int = 85, dpi: int | None = None) -> bytes:
    buf = io.BytesIO()
    kwargs = {"dpi": (dpi, dpi)} if dpi else {}
    img.convert("RGB" if img.mode != "L" else "L").save(buf, "JPEG", quality=quality, **kwargs)
    return buf.getvalue()


def to_png(img: Image.Image, dpi: int | None = None) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", **({"dpi": (dpi, dpi)} if dpi else {}))
    return buf.getvalue()


def to_tiff(images: list[Image.Image], dpi: int) -> bytes:
    buf = io.BytesIO()
    first, *rest = [im.convert("L") for im in images]
    first.save(buf, "TIFF", save_all=True, append_images=rest, compression="tiff_deflate", dpi=(dpi, dpi))
    return buf.getvalue()


def to_image_pdf(images: list[Image.Image], dpi: int, quality: int = 80) -> bytes:
    """An image-only PDF (each page one JPEG), as a scanner's 'scan to PDF' makes."""
    buf = io.BytesIO()
    first, *rest = [im.convert("RGB") if im.mode not in ("L", "RGB") else im for im in images]
    first.save(buf, "PDF", save_all=True, append_images=rest, resolution=float(dpi), quality=quality,
               creationDate=_FIXED, modDate=_FIXED)
    return buf.getvalue()
