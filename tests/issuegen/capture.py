"""How the signed paper comes back into a computer: a flatbed/MFP scan (slight skew, paper tone, noise, toner
grey, JPEG-compressed image PDF), or a phone photo (tilt, perspective, desk, a hard shadow, uneven light)."""

from __future__ import annotations

import io
import random
from datetime import datetime

import cv2
import numpy as np
from PIL import Image, ImageFilter


def scan(img: Image.Image, rng: random.Random, grey: bool = False) -> Image.Image:
    a = np.asarray(img).astype(np.float32)
    h, w = a.shape[:2]
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    # paper tone and toner darkness
    tone = np.array([rng.uniform(236, 252), rng.uniform(236, 250), rng.uniform(230, 248)], dtype=np.float32)
    dark = rng.uniform(0.0, 25.0)
    a = a / 255.0 * (tone - dark) + dark
    a += nrng.normal(0, rng.uniform(1.5, 5.0), (h, w, 1)).astype(np.float32)
    if rng.random() < 0.3:  # the lid was not closed: a dark strip along one edge
        edge = int(w * rng.uniform(0.004, 0.015))
        shade = np.linspace(rng.uniform(40, 90), tone.mean(), edge, dtype=np.float32)
        side = rng.choice(("l", "r", "t"))
        if side == "l":
            a[:, :edge] = np.minimum(a[:, :edge], shade[None, :, None])
        elif side == "r":
            a[:, w - edge:] = np.minimum(a[:, w - edge:], shade[::-1][None, :, None])
        else:
            a[:edge] = np.minimum(a[:edge], shade[:, None, None])
    out = Image.fromarray(a.clip(0, 255).astype(np.uint8))
    angle = rng.uniform(-1.0, 1.0)
    out = out.rotate(angle, resample=Image.BILINEAR, expand=False, fillcolor=tuple(int(t) for t in tone))
    if rng.random() < 0.6:
        out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.8)))
    if grey:
        out = out.convert("L")
    return out


def phone_photo(img: Image.Image, rng: random.Random, megapixels: float) -> Image.Image:
    """The page on a desk, shot by hand: ≤6° tilt, perspective, a hard-edged shadow, light falling off."""
    page = np.asarray(img.convert("RGB"))
    ph, pw = page.shape[:2]
    portrait = rng.random() < 0.85
    ratio = 4 / 3
    W = int((megapixels * 1e6 / ratio) ** 0.5)
    H = int(W * ratio)
    if not portrait:
        W, H = H, W
    desk = np.array(rng.choice(((120, 90, 60), (180, 170, 160), (70, 70, 75), (200, 195, 185), (150, 110, 80))),
                    dtype=np.float32)
    canvas_noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 6, (H // 8 + 1, W // 8 + 1, 1))
    bg = (desk + cv2.resize(canvas_noise.astype(np.float32), (W, H))[..., None]).clip(0, 255)
    fill = rng.uniform(0.78, 0.95)
    scale = min(W / pw, H / ph) * fill
    cw, chh = pw * scale, ph * scale
    cx, cy = W / 2 + rng.uniform(-0.04, 0.04) * W, H / 2 + rng.uniform(-0.03, 0.03) * H
    ang = np.radians(rng.uniform(-6, 6))
    corners = np.array([[-cw / 2, -chh / 2], [cw / 2, -chh / 2], [cw / 2, chh / 2], [-cw / 2, chh / 2]])
    rot = np.array([[np.cos(ang), -np.sin(ang)], [np.sin(ang), np.cos(ang)]])
    dst = corners @ rot.T + [cx, cy]
    # perspective: one edge a little shorter than the other
    k = rng.uniform(0.0, 0.06) * cw
    if rng.random() < 0.5:
        dst[0, 0] += k / 2
        dst[1, 0] -= k / 2
    else:
        dst[3, 0] += k / 2
        dst[2, 0] -= k / 2
    dst += np.array([[rng.uniform(-0.01, 0.01) * W, rng.uniform(-0.01, 0.01) * H] for _ in range(4)])
    src = np.float32([[0, 0], [pw, 0], [pw, ph], [0, ph]])
    M = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    warped = cv2.warpPerspective(page, M, (W, H), flags=cv2.INTER_AREA, borderValue=(0, 0, 0))
    mask = cv2.warpPerspective(np.full((ph, pw), 255, np.uint8), M, (W, H), flags=cv2.INTER_LINEAR)
    m = (mask.astype(np.float32) / 255.0)[..., None]
    out = warped.astype(np.float32) * m + bg * (1 - m)
    # light: a smooth falloff from one side, then a hard shadow (a hand, the phone) across the page
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    lx, ly = rng.uniform(0, W), rng.uniform(0, H)
    dist = np.sqrt((xx - lx) ** 2 + (yy - ly) ** 2) / np.hypot(W, H)
    light = 1.08 - rng.uniform(0.15, 0.35) * dist
    out *= light[..., None]
    if rng.random() < 0.85:
        p0 = np.array([rng.uniform(0, W), 0])
        p1 = np.array([rng.uniform(0, W), H])
        side = np.sign((p1[0] - p0[0]) * (yy - p0[1]) - (p1[1] - p0[1]) * (xx - p0[0]))
        sh = (side > 0).astype(np.float32)
        sh = cv2.GaussianBlur(sh, (0, 0), rng.uniform(2, 8))
        out *= (1 - rng.uniform(0.25, 0.45) * sh)[..., None]
    warm = np.array([1.0, rng.uniform(0.96, 1.0), rng.uniform(0.86, 0.97)], dtype=np.float32)
    out = out * warm
    out += np.random.default_rng(rng.randrange(1 << 30)).normal(0, rng.uniform(1.0, 2.5), (H, W, 1))
    img_out = Image.fromarray(out.clip(0, 255).astype(np.uint8))
    if rng.random() < 0.5:
        img_out = img_out.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.0)))
    return img_out


def to_jpeg(img: Image.Image, quality: int, dpi: int | None = None) -> bytes:
    buf = io.BytesIO()
    kw = {"dpi": (dpi, dpi)} if dpi else {}
    img.save(buf, "JPEG", quality=quality, **kw)
    return buf.getvalue()


def to_png(img: Image.Image, dpi: int) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", dpi=(dpi, dpi), optimize=False, compress_level=6)
    return buf.getvalue()


def to_tiff(imgs: list[Image.Image], dpi: int) -> bytes:
    buf = io.BytesIO()
    imgs[0].save(buf, "TIFF", save_all=True, append_images=imgs[1:], compression="tiff_lzw", dpi=(dpi, dpi))
    return buf.getvalue()


def to_image_pdf(imgs: list[Image.Image], dpi: int, quality: int, when: datetime | None = None,
                 producer: str = "") -> bytes:
    """An image-only PDF as a scanner writes it: one JPEG per page, no text layer, fixed dates (deterministic)."""
    buf = io.BytesIO()
    when = when or datetime(2024, 3, 1, 9, 0, 0)
    imgs[0].save(buf, "PDF", save_all=True, append_images=imgs[1:], resolution=float(dpi), quality=quality,
                 creationDate=when.timetuple(), modDate=when.timetuple(), producer=producer or "Scanner")
    return buf.getvalue()
