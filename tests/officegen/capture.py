"""How pages become files: scanners, fax, phone photos, scanner apps; PDF, JPEG, TIFF, ZIP."""

from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass
from datetime import datetime

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from tests.officegen.draw import font


@dataclass
class Attachment:
    """One file to attach: its name, bytes and MIME type."""

    filename: str
    data: bytes
    mime: str


def _arr(img: Image.Image) -> np.ndarray:
    return np.asarray(img.convert("RGB"), dtype=np.float32)


def _img(a: np.ndarray) -> Image.Image:
    return Image.fromarray(a.clip(0, 255).astype(np.uint8))


def skew(rng: random.Random, img: Image.Image, degrees: float = 1.2) -> Image.Image:
    return img.rotate(rng.uniform(-degrees, degrees), resample=Image.BICUBIC, expand=False, fillcolor="white")


def greyscale_scan(rng: random.Random, img: Image.Image, dpi: int = 150) -> Image.Image:
    """A flatbed greyscale scan: slight skew, grey paper, noise."""
    img = skew(rng, img, 0.8)
    a = np.asarray(img.convert("L"), dtype=np.float32)
    a = a * rng.uniform(0.88, 0.95) + rng.uniform(5, 14)
    a += np.random.default_rng(rng.randrange(1 << 30)).normal(0, 4, a.shape)
    return _img(a).convert("L") if dpi == 150 else _img(a).convert("L").resize(
        (img.width * dpi // 150, img.height * dpi // 150))


def fax(rng: random.Random, img: Image.Image, day: int = 8) -> Image.Image:
    """A fax-like 200 dpi pure black/white image with a transmission header line."""
    big = skew(rng, img, 0.6).resize((img.width * 4 // 3, img.height * 4 // 3), Image.BILINEAR)
    d = ImageDraw.Draw(big)
    d.text((40, 12), f"2024-03-{day:02d} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}  "
           f"FAX 0{rng.randint(510, 527)}{rng.randint(1000000, 9999999)}   P.001/001", font=font("hei_light", 26),
           fill="black")
    grey = np.asarray(big.convert("L"), dtype=np.float32)
    grey += np.random.default_rng(rng.randrange(1 << 30)).normal(0, 10, grey.shape)
    threshold = rng.uniform(150, 185)  # red ink (~luma 90–120) falls to black: the seal is a black ring
    return _img(np.where(grey < threshold, 0, 255)).convert("1")


def camscanner(rng: random.Random, img: Image.Image) -> Image.Image:
    """A scanner app's output: boosted contrast, bleached paper, a slight residual warp."""
    a = _arr(img)
    h, w = a.shape[:2]
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    j = [rng.uniform(-14, 14) for _ in range(8)]
    dst = np.float32([[j[0], j[1]], [w + j[2], j[3]], [w + j[4], h + j[5]], [j[6], h + j[7]]])
    a = cv2.warpPerspective(a, cv2.getPerspectiveTransform(src, dst), (w, h), borderValue=(255, 255, 255))
    a = (a - 60) * 1.35
    return _img(a)


def photo(rng: random.Random, img: Image.Image, table: tuple[int, int, int] | None = None) -> Image.Image:
    """A phone photo of the page on a desk: perspective, shading, glare, moiré, blur, JPEG."""
    a = _arr(img)
    h, w = a.shape[:2]
    pad = int(w * 0.08)
    canvas = np.empty((h + 2 * pad, w + 2 * pad, 3), np.float32)
    canvas[:] = table or (rng.randint(90, 150), rng.randint(70, 120), rng.randint(50, 90))
    canvas[pad:pad + h, pad:pad + w] = a
    H, W = canvas.shape[:2]
    src = np.float32([[0, 0], [W, 0], [W, H], [0, H]])
    j = [rng.uniform(0, pad * 0.8) for _ in range(8)]
    dst = np.float32([[j[0], j[1]], [W - j[2], j[3]], [W - j[4], H - j[5]], [j[6], H - j[7]]])
    canvas = cv2.warpPerspective(canvas, cv2.getPerspectiveTransform(src, dst), (W, H), borderValue=(80, 70, 60))
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    shade = 0.78 + 0.22 * (xx / W) * rng.uniform(0.6, 1.0)
    gx, gy = rng.uniform(0.2, 0.8) * W, rng.uniform(0.1, 0.5) * H
    glare = 70 * np.exp(-(((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * (0.15 * W) ** 2)))
    moire = 6 * np.sin((xx * 0.9 + yy * 0.35) * rng.uniform(0.5, 0.8)) if rng.random() < 0.5 else 0
    canvas = canvas * shade[..., None] + (glare + moire)[..., None]
    out = _img(canvas)
    if rng.random() < 0.5:
        out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.3)))
    return out


def punch_and_staple(rng: random.Random, img: Image.Image) -> Image.Image:
    """Two punch holes on the left margin and a staple with its shadow at the top-left."""
    img = img.convert("RGB")
    d = ImageDraw.Draw(img)
    cy = img.height / 2
    for dy in (-180, 180):
        d.ellipse([28, cy + dy - 24, 76, cy + dy + 24], fill=(40, 40, 40))
    if rng.random() < 0.7:
        d.line([(60, 70), (140, 40)], fill=(90, 90, 90), width=6)
        d.line([(64, 78), (144, 48)], fill=(190, 190, 190), width=4)
    return img


def two_up(rng: random.Random, pages: list[Image.Image]) -> Image.Image:
    """Two pages lying side by side, photographed in one image."""
    gap = rng.randint(20, 60)
    w, h = pages[0].width, pages[0].height
    sheet = Image.new("RGB", (2 * w + gap + 80, h + 80), (70, 60, 50))
    for i, p in enumerate(pages[:2]):
        sheet.paste(p.rotate(rng.uniform(-1.5, 1.5), expand=False, fillcolor=(70, 60, 50)),
                    (40 + i * (w + gap), 40 + rng.randint(-10, 10)))
    return photo(rng, sheet.resize((sheet.width * 3 // 4, sheet.height * 3 // 4)), table=(70, 60, 50))


def jpeg(img: Image.Image, quality: int = 85) -> bytes:
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def pdf_of(images: list[Image.Image], dpi: int = 150, when: datetime | None = None) -> bytes:
    """An image-only PDF (one JPEG per page), as a scanner writes it."""
    buf = io.BytesIO()
    first, *rest = [im.convert("RGB") if im.mode not in ("L", "RGB") else im for im in images]
    stamp = when or datetime(2024, 3, 8, 9, 30)
    first.save(buf, "PDF", save_all=True, append_images=rest, resolution=dpi,
               creationDate=stamp.strftime("D:%Y%m%d%H%M%S+08'00'"), modDate=stamp.strftime("D:%Y%m%d%H%M%S+08'00'"))
    return buf.getvalue()


def tiff_of(images: list[Image.Image], compression: str = "tiff_lzw", dpi: int = 150) -> bytes:
    """A (multi-page) TIFF."""
    buf = io.BytesIO()
    first, *rest = images
    first.save(buf, "TIFF", save_all=True, append_images=rest, compression=compression, dpi=(dpi, dpi))
    return buf.getvalue()


def zip_of(members: list[Attachment]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for m in members:
            zf.writestr(m.filename, m.data)
    return buf.getvalue()
