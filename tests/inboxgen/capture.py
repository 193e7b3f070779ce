"""How a signed page becomes a file: a flatbed scan (tilt, grain, JPEG), a low-dpi greyscale office scan, a
phone photo on a desk (perspective, skew up to 6°, shadow, heavy JPEG); and the containers (JPEG, PNG,
multi-page TIFF, PDF of page images)."""

from __future__ import annotations

import io
import random
from datetime import datetime

import cv2
import numpy as np
from PIL import Image, ImageFilter


def _noise(img: Image.Image, rng: random.Random, sigma: float) -> Image.Image:
    arr = np.asarray(img, dtype=np.float32)
    nrng = np.random.default_rng(rng.randrange(2 ** 32))
    arr = arr + nrng.normal(0, sigma, arr.shape[:2])[..., None] if arr.ndim == 3 else \
        arr + nrng.normal(0, sigma, arr.shape)
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8))


def scan(img: Image.Image, rng: random.Random, gray: bool = False, dpi_from: int = 200, dpi_to: int = 200,
         max_tilt: float = 0.8) -> Image.Image:
    """A flatbed scan: slight tilt, paper tone, grain, a little softness; optionally greyscale / lower dpi."""
    out = img.rotate(rng.uniform(-max_tilt, max_tilt), resample=Image.BICUBIC, fillcolor=(250, 250, 248))
    t = rng.randint(238, 253)
    tone = np.array([t, t - rng.randint(0, 3), t - rng.randint(0, 9)], np.float32) / 255
    arr = np.asarray(out, dtype=np.float32) * tone
    out = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    if dpi_to != dpi_from:
        out = out.resize((int(out.width * dpi_to / dpi_from), int(out.height * dpi_to / dpi_from)),
                         Image.LANCZOS)
    out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.2, 0.6)))
    if gray:
        out = out.convert("L")
    return _noise(out, rng, rng.uniform(2, 6))


def photo(img: Image.Image, rng: random.Random, max_skew: float = 6.0) -> Image.Image:
    """A phone photo of the page lying on a desk: perspective, rotation, a shadow across, soft focus."""
    w, h = img.size
    cw, ch = int(w * rng.uniform(1.2, 1.28)), int(h * rng.uniform(1.12, 1.18))
    desk = np.array(rng.choice([(120, 96, 70), (150, 150, 145), (90, 90, 96), (180, 160, 130)]), np.float32)
    nrng = np.random.default_rng(rng.randrange(2 ** 32))
    background = desk[None, None, :] + nrng.normal(0, 8, (ch, cw, 1))
    angle = np.radians(rng.uniform(-max_skew, max_skew))
    cx, cy = cw / 2, ch / 2
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32) - [w / 2, h / 2]
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]], np.float32)
    dst = corners @ rot.T + [cx, cy]
    dst += np.array([[rng.uniform(-1, 1) * w * 0.025, rng.uniform(-1, 1) * h * 0.02] for _ in range(4)],
                    np.float32)
    matrix = cv2.getPerspectiveTransform(np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32),
                                         dst.astype(np.float32))
    page = cv2.warpPerspective(np.asarray(img.convert("RGB")), matrix, (cw, ch), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), matrix, (cw, ch))[..., None] / 255.0
    arr = page.astype(np.float32) * mask + background * (1 - mask)
    # shadow: a soft darker band from one side (a hand or the phone), and overall falloff
    yy, xx = np.mgrid[0:ch, 0:cw].astype(np.float32)
    direction = rng.uniform(0, 2 * np.pi)
    proj = (xx - cx) * np.cos(direction) + (yy - cy) * np.sin(direction)
    proj /= np.abs(proj).max()
    shade = 1 - rng.uniform(0.18, 0.4) * np.clip((proj - rng.uniform(-0.2, 0.4)) * 2.5, 0, 1)
    vignette = 1 - 0.18 * (((xx - cx) / cw) ** 2 + ((yy - cy) / ch) ** 2) * 2
    warm = np.array([1.0, rng.uniform(0.95, 0.99), rng.uniform(0.86, 0.95)], np.float32)
    arr = arr * (shade * vignette)[..., None] * warm
    out = Image.fromarray(arr.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.1)))
    out = _noise(out, rng, rng.uniform(3, 7))
    scale = rng.uniform(0.75, 0.95)
    return out.resize((int(out.width * scale), int(out.height * scale)), Image.LANCZOS)


def sideways(img: Image.Image, rng: random.Random) -> Image.Image:
    """A landscape sheet fed into the scanner upright: the image stands, the text lies on its side."""
    return img.transpose(rng.choice([Image.ROTATE_90, Image.ROTATE_270]))


def jpeg(img: Image.Image, quality: int, dpi: int = 200) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi))
    return buf.getvalue()


def png(img: Image.Image, dpi: int = 200) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", dpi=(dpi, dpi), optimize=False)
    return buf.getvalue()


def tiff(images: list[Image.Image], dpi: int = 200) -> bytes:
    buf = io.BytesIO()
    images[0].save(buf, "TIFF", save_all=True, append_images=images[1:], compression="jpeg", quality=80,
                   dpi=(dpi, dpi))
    return buf.getvalue()


def pdf(images: list[Image.Image], dpi: int, quality: int = 80, when: datetime | None = None) -> bytes:
    """A scanner's PDF: one JPEG image per page, no text layer, dated when scanned."""
    when = (when or datetime(2024, 3, 10, 9, 30)).replace(tzinfo=None)
    frames = [Image.open(io.BytesIO(jpeg(im.convert("RGB") if im.mode not in ("RGB", "L") else im, quality,
                                         dpi))) for im in images]
    buf = io.BytesIO()
    frames[0].save(buf, "PDF", save_all=True, append_images=frames[1:], resolution=float(dpi),
                   creationDate=when.timetuple(), modDate=when.timetuple(), producer="Scanner")
    return buf.getvalue()
