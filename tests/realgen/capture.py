"""How paper becomes pixels: cheap flatbed scans and phone photos, saved as JPEG, PNG or image PDFs."""

from __future__ import annotations

import io
import random

import cv2
import numpy as np
from PIL import Image, ImageFilter


def _noise(arr: np.ndarray, rng: random.Random, sigma: float) -> np.ndarray:
    nr = np.random.default_rng(rng.randrange(2 ** 32))
    return np.clip(arr.astype(np.float32) + nr.normal(0, sigma, arr.shape).astype(np.float32), 0, 255)


def scan(img: Image.Image, rng: random.Random, src_dpi: int, dpi: int, grey: bool, tone: int = 255,
         rotate: float = 0.0, border: int = 0) -> Image.Image:
    """A flatbed scan: resample to `dpi`, paper tone, slight rotation, optional black auto-crop borders."""
    if dpi != src_dpi:
        img = img.resize((int(img.width * dpi / src_dpi), int(img.height * dpi / src_dpi)), Image.LANCZOS)
    arr = np.asarray(img, dtype=np.float32)
    if tone < 255:   # grey paper: whites sink to `tone`, ink stays dark
        arr = arr * (tone / 255.0)
    if rotate:
        h, w = arr.shape[:2]
        M = cv2.getRotationMatrix2D((w / 2, h / 2), rotate, 1.0)
        arr = cv2.warpAffine(arr, M, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                             borderValue=(tone, tone, tone))
    if border:
        h, w = arr.shape[:2]
        bw = int(border * dpi / 100)
        sides = rng.sample(["top", "bottom", "left", "right"], rng.randint(1, 3))
        dark = rng.randint(10, 40)
        if "top" in sides:
            arr[:rng.randint(bw // 2, bw), :] = dark
        if "bottom" in sides:
            arr[h - rng.randint(bw // 2, bw):, :] = dark
        if "left" in sides:
            arr[:, :rng.randint(bw // 2, bw)] = dark
        if "right" in sides:
            arr[:, w - rng.randint(bw // 2, bw):] = dark
    arr = _noise(arr, rng, rng.uniform(2, 6))
    out = Image.fromarray(arr.astype(np.uint8))
    if rng.random() < 0.5:
        out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.7)))
    return out.convert("L") if grey else out


BACKGROUNDS = [(120, 88, 60), (150, 150, 145), (60, 62, 70), (190, 180, 165), (95, 110, 120)]


def photo(img: Image.Image, rng: random.Random, megapixels: float) -> Image.Image:
    """A phone photo of the page on a desk: keystone, a lamp's uneven light, slight blur, colour cast."""
    portrait = img.height >= img.width
    total = megapixels * 1e6
    W = int((total * (3 / 4 if portrait else 4 / 3)) ** 0.5)
    H = int(total / W)
    bg = np.array(rng.choice(BACKGROUNDS), dtype=np.float32)
    nr = np.random.default_rng(rng.randrange(2 ** 32))
    desk = np.ones((H, W, 3), np.float32) * bg
    desk += cv2.resize(nr.normal(0, 12, (H // 40 + 2, W // 40 + 2, 1)).astype(np.float32), (W, H))[..., None]
    fill = rng.uniform(0.72, 0.88)
    scale = min(W * fill / img.width, H * fill / img.height)
    pw, ph = img.width * scale, img.height * scale
    cx, cy = W / 2 + rng.uniform(-0.04, 0.04) * W, H / 2 + rng.uniform(-0.04, 0.04) * H
    k = rng.uniform(0.03, 0.09)                # keystone: the far edge is narrower
    j = lambda: rng.uniform(-0.015, 0.015) * W  # noqa: E731
    top_narrow = rng.random() < 0.7
    kt, kb = (k, 0.0) if top_narrow else (0.0, k)
    dst = np.float32([[cx - pw / 2 * (1 - kt) + j(), cy - ph / 2 + j()],
                      [cx + pw / 2 * (1 - kt) + j(), cy - ph / 2 + j()],
                      [cx + pw / 2 * (1 - kb) + j(), cy + ph / 2 + j()],
                      [cx - pw / 2 * (1 - kb) + j(), cy + ph / 2 + j()]])
    src = np.float32([[0, 0], [img.width, 0], [img.width, img.height], [0, img.height]])
    M = cv2.getPerspectiveTransform(src, dst)
    page = np.asarray(img.convert("RGB"), dtype=np.float32)
    warped = cv2.warpPerspective(page, M, (W, H), flags=cv2.INTER_LINEAR)
    cover = cv2.warpPerspective(np.ones(page.shape[:2], np.float32), M, (W, H), flags=cv2.INTER_LINEAR)[..., None]
    shot = warped * cover + desk * (1 - cover)
    # lamp: a bright spot and a darker corner, slightly warm or cool
    gx, gy = np.meshgrid(np.linspace(-1, 1, W, dtype=np.float32), np.linspace(-1, 1, H, dtype=np.float32))
    lx, ly = rng.uniform(-0.8, 0.8), rng.uniform(-0.8, 0.8)
    light = 1.0 - rng.uniform(0.12, 0.3) * np.clip(((gx - lx) ** 2 + (gy - ly) ** 2) / 4.0, 0, 1) ** 0.8
    cast = np.array([rng.uniform(0.95, 1.02), rng.uniform(0.95, 1.0), rng.uniform(0.86, 0.98)], np.float32)
    shot = shot * light[..., None] * cast[None, None, :] * rng.uniform(0.88, 0.98)
    shot = cv2.GaussianBlur(shot, (0, 0), rng.uniform(0.6, 1.4) * max(1.0, W / 2500))
    shot = _noise(shot, rng, rng.uniform(2, 5))
    return Image.fromarray(shot.astype(np.uint8))


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


def pdf(images: list[Image.Image], dpi: int, when, quality: int = 80, producer: str = "Scanner") -> bytes:
    """An image-only PDF (as scanner software and phone apps make them), JPEG-compressed pages."""
    buf = io.BytesIO()
    first, rest = images[0], images[1:]
    stamp = when.timetuple()
    first.save(buf, "PDF", resolution=dpi, save_all=True, append_images=rest, quality=quality,
               creationDate=stamp, modDate=stamp, producer=producer, creator=producer)
    return buf.getvalue()
