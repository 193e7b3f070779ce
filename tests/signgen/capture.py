"""How the signed page becomes a file: flatbed scan, faint greyscale scan or phone photo; JPEG, PNG or PDF."""

from __future__ import annotations

import io
import random

import cv2
import numpy as np
from PIL import Image, ImageFilter


def _noise(img: Image.Image, rng: random.Random, sigma: float) -> Image.Image:
    gen = np.random.default_rng(rng.getrandbits(32))
    arr = np.asarray(img, np.float32)
    arr = arr + gen.normal(0, sigma, arr.shape[:2] + ((1,) if arr.ndim == 3 else ())).astype(np.float32)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), img.mode)


def scan(img: Image.Image, rng: random.Random, *, grey: bool = False, faint: bool = False) -> tuple[Image.Image, str]:
    """A flatbed scan: slight rotation, blur and sensor noise; `faint` lifts the blacks (low contrast)."""
    angle = rng.uniform(-2, 2)
    fill = (246, 246, 244)
    out = img.rotate(angle, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=fill)
    out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.7)))
    notes = [f"rot{angle:+.1f}"]
    if grey or faint:
        out = out.convert("L")
        notes.append("grey")
    if faint:
        low, high = rng.randint(85, 120), rng.randint(225, 240)
        out = out.point(lambda v: round(low + v * (high - low) / 255))
        notes.append(f"faint {low}-{high}")
    return _noise(out, rng, rng.uniform(2, 5)), " ".join(notes)


def photo(img: Image.Image, rng: random.Random) -> tuple[Image.Image, str]:
    """A phone photo of the sheet on a desk: perspective, uneven light, slight blur."""
    w, h = img.size
    margin = int(0.08 * max(w, h))
    canvas_w, canvas_h = w + 2 * margin, h + 2 * margin
    grey = rng.randint(70, 150)
    desk = np.array([grey + rng.randint(0, 20), grey + rng.randint(-5, 5), grey - rng.randint(0, 25)], np.float32)
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])

    def jig(x: float, y: float) -> list[float]:
        return [x + rng.uniform(-0.05, 0.05) * w, y + rng.uniform(-0.04, 0.04) * h]

    dst = np.float32([jig(margin, margin), jig(margin + w, margin), jig(margin + w, margin + h), jig(margin, margin + h)])
    matrix = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(np.asarray(img), matrix, (canvas_w, canvas_h), flags=cv2.INTER_LINEAR,
                                 borderMode=cv2.BORDER_CONSTANT, borderValue=tuple(float(v) for v in desk))
    arr = warped.astype(np.float32)
    yy, xx = np.mgrid[0:canvas_h, 0:canvas_w].astype(np.float32)
    lx, ly = rng.uniform(0, canvas_w), rng.uniform(0, canvas_h)
    dist = np.sqrt((xx - lx) ** 2 + (yy - ly) ** 2) / max(canvas_w, canvas_h)
    light = (1.08 - rng.uniform(0.25, 0.45) * dist)[..., None]
    warm = np.array([1.0, rng.uniform(0.96, 1.0), rng.uniform(0.88, 0.97)], np.float32)
    arr = arr * light * warm
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.3)))
    return _noise(out, rng, rng.uniform(3, 6)), f"photo persp light blur {canvas_w}x{canvas_h}"


def encode(img: Image.Image, kind: str, dpi: int, quality: int) -> tuple[bytes, str, str]:
    """(bytes, MIME subtype, filename extension) of `img` as a JPEG, PNG or single-page image PDF."""
    buffer = io.BytesIO()
    if kind == "png":
        img.save(buffer, "PNG", dpi=(dpi, dpi), optimize=False)
        return buffer.getvalue(), "image/png", "png"
    if kind == "pdf":
        img.convert("RGB" if img.mode != "L" else "L").save(buffer, "PDF", resolution=float(dpi), quality=quality)
        return buffer.getvalue(), "application/pdf", "pdf"
    img.save(buffer, "JPEG", quality=quality, dpi=(dpi, dpi))
    return buffer.getvalue(), "image/jpeg", "jpg"
