"""Scanner and phone-camera damage: resolution, skew, perspective, light, blur, noise, grey, turns, JPEG."""

from __future__ import annotations

import io
import random

import cv2
import numpy as np
from PIL import Image, ImageFilter

from .truth import Distortion

_TURN = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}


def random_distortion(rng: random.Random, style: str | None = None) -> Distortion:
    """One of the styles clean/scan/grey/lowdpi/rotated/photo/jpeg, drawn with its parameters."""
    style = style or rng.choice(("clean", "scan", "grey", "lowdpi", "rotated", "photo", "jpeg"))
    d = Distortion()
    if style == "clean":
        return d
    d.skew = rng.uniform(-1.5, 1.5)
    d.noise = rng.uniform(3, 10)
    d.blur = rng.uniform(0, 0.8)
    if style == "grey":
        d.greyscale = True
    elif style == "lowdpi":
        d.dpi = rng.randint(100, 130)
    elif style == "rotated":
        d.rotation = rng.choice((90, 180, 270))
    elif style == "photo":
        d.photo, d.jpeg_quality = True, rng.randint(60, 85)
    elif style == "jpeg":
        d.jpeg_quality = rng.randint(25, 45)
    return d


def apply(
    image: Image.Image, d: Distortion, rng: random.Random, box: tuple[float, ...]
) -> tuple[Image.Image, tuple]:
    """Damage `image` as `d` says; returns it with `box` (clean-page pixels) mapped onto it."""
    m = np.eye(3)
    if d.dpi != 150:
        f = d.dpi / 150
        image = image.resize((round(image.width * f), round(image.height * f)), Image.LANCZOS)
        m = np.diag([f, f, 1]) @ m
    arr = np.asarray(image)
    h, w = arr.shape[:2]
    if d.skew:
        r = np.vstack([cv2.getRotationMatrix2D((w / 2, h / 2), d.skew, 1.0), [0, 0, 1]])
        arr = cv2.warpAffine(arr, r[:2], (w, h), borderValue=(255, 255, 255), flags=cv2.INTER_LINEAR)
        m = r @ m
    if d.photo:
        arr, p = _photo(arr, rng)
        m = p @ m
    image = Image.fromarray(arr)
    if d.blur:
        image = image.filter(ImageFilter.GaussianBlur(d.blur))
    if d.noise:
        noisy = np.asarray(image, np.float32) + np.random.default_rng(rng.randrange(2**32)).normal(
            0, d.noise, arr.shape
        )
        image = Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))
    if d.greyscale:
        image = image.convert("L").convert("RGB")
    if d.rotation:
        m = _turn_matrix(d.rotation, image.width, image.height) @ m
        image = image.transpose(_TURN[d.rotation])
    if d.jpeg_quality:
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=d.jpeg_quality)
        image = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    return image, _map_box(m, box)


def _photo(arr: np.ndarray, rng: random.Random) -> tuple[np.ndarray, np.ndarray]:
    """Perspective as from a hand-held phone, then light falling off across the sheet."""
    h, w = arr.shape[:2]
    j = lambda s: rng.uniform(0, s)  # noqa: E731
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32(
        [
            [j(w * 0.05), j(h * 0.04)],
            [w - j(w * 0.05), j(h * 0.04)],
            [w - j(w * 0.03), h - j(h * 0.03)],
            [j(w * 0.03), h - j(h * 0.03)],
        ]
    )
    p = cv2.getPerspectiveTransform(src, dst)
    out = cv2.warpPerspective(arr, p, (w, h), borderValue=(120, 110, 100))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0, w), rng.uniform(0, h)
    light = 1.0 - 0.35 * np.hypot(xx - cx, yy - cy) / np.hypot(w, h)
    tint = np.float32([1.0, rng.uniform(0.95, 1.0), rng.uniform(0.86, 0.95)])
    out = np.clip(out.astype(np.float32) * light[..., None] * tint, 0, 255).astype(np.uint8)
    return out, p


def _turn_matrix(rotation: int, w: int, h: int) -> np.ndarray:
    if rotation == 90:  # clockwise: (x, y) -> (h - y, x)
        return np.array([[0, -1, h], [1, 0, 0], [0, 0, 1]], float)
    if rotation == 180:
        return np.array([[-1, 0, w], [0, -1, h], [0, 0, 1]], float)
    return np.array([[0, 1, 0], [-1, 0, w], [0, 0, 1]], float)


def _map_box(m: np.ndarray, box: tuple[float, ...]) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = box
    pts = np.array([[x0, y0, 1], [x1, y0, 1], [x1, y1, 1], [x0, y1, 1]], float).T
    q = m @ pts
    q = q[:2] / q[2]
    return (float(q[0].min()), float(q[1].min()), float(q[0].max()), float(q[1].max()))
