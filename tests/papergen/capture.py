"""How paper becomes files: flatbed scans (dpi, colour/grey, JPEG quality, slight skew) and phone photos
(perspective, skew up to 6°, uneven light, a hard shadow, the desk around the page), packed as PDF/JPEG/PNG."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import datetime

import cv2
import numpy as np
from PIL import Image, ImageFilter

SCAN_TIME = datetime(2024, 3, 1, 9, 0, 0)


@dataclass
class Capture:
    """How one message's pages are captured and packed."""

    kind: str          # scan | photo
    dpi: int
    grey: bool
    quality: int
    container: str     # pdf | jpeg | png

    def describe(self) -> str:
        colour = "grey" if self.grey else "colour"
        return f"{self.kind} {self.dpi}dpi {colour} q{self.quality} {self.container}"


def choose(rng: random.Random, family: str) -> Capture:
    """Pick a capture for a family: photos for phone_photo (and now and then elsewhere), scans otherwise."""
    photo = family == "phone_photo" or (family in ("letter_lines", "numbered_list", "boxed_form") and rng.random() < 0.12)
    if photo:
        return Capture("photo", rng.choice([150, 200]), rng.random() < 0.1, rng.randrange(68, 93),
                       rng.choice(["jpeg", "jpeg", "jpeg", "pdf", "png"]))
    dpi = rng.choices([100, 150, 200, 300], [0.15, 0.35, 0.35, 0.15])[0]
    multi = family in ("long_pdf_student_lists", "word_pdf_plus_scan")
    container = "pdf" if multi else rng.choices(["pdf", "jpeg", "png"], [0.6, 0.3, 0.1])[0]
    return Capture("scan", dpi, rng.random() < 0.35, rng.randrange(50, 95), container)


def scan(img: Image.Image, rng: random.Random, cap: Capture, sideways: bool = False) -> Image.Image:
    """A flatbed scan of a drawn page: sideways feed, slight skew, tone, noise, blur, grey."""
    if sideways:
        img = img.rotate(rng.choice([90, 270]), expand=True)
    angle = rng.uniform(-1.3, 1.3)
    img = img.rotate(angle, resample=Image.BILINEAR, expand=False, fillcolor=(250, 250, 250))
    arr = np.asarray(img, dtype=np.float32)
    gain = rng.uniform(0.9, 1.04)
    arr = (arr - 128) * rng.uniform(0.92, 1.1) + 128 * gain
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, rng.uniform(1.5, 5), arr.shape[:2])
    arr += noise[..., None]
    if rng.random() < 0.3:  # the scanner lid's dark edge
        edge = rng.randrange(4, 18)
        arr[:, :edge] *= 0.35
    out = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    if cap.dpi <= 150 or rng.random() < 0.3:
        out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.8)))
    return out.convert("L") if cap.grey else out


def photo(img: Image.Image, rng: random.Random, cap: Capture, sideways: bool = False) -> Image.Image:
    """A phone photo of the page lying on a desk: perspective, rotation, light falloff and a hard shadow."""
    if sideways and rng.random() < 0.5:
        img = img.rotate(90, expand=True)
    page = np.asarray(img, dtype=np.uint8)
    h, w = page.shape[:2]
    margin = int(0.1 * max(w, h))
    W, H = w + 2 * margin, h + 2 * margin
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    desk_colour = np.array(rng.choice([(120, 90, 60), (150, 120, 85), (90, 90, 95), (180, 175, 165), (60, 55, 50)]), np.float32)
    grain = cv2.resize(nrng.normal(0, 1, (H // 40 + 1, W // 8 + 1)).astype(np.float32), (W, H))
    desk = (desk_colour[None, None, :] * (1 + 0.08 * grain[..., None])).clip(0, 255).astype(np.uint8)
    angle = np.radians(rng.uniform(-6, 6))
    cx, cy = W / 2, H / 2
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    corners = []
    for x, y in [(margin, margin), (margin + w, margin), (margin + w, margin + h), (margin, margin + h)]:
        dx, dy = x - cx, y - cy
        rx = cx + dx * np.cos(angle) - dy * np.sin(angle)
        ry = cy + dx * np.sin(angle) + dy * np.cos(angle)
        corners.append([rx + rng.uniform(-0.04, 0.04) * w, ry + rng.uniform(-0.03, 0.03) * h])
    top_shrink = rng.uniform(0, 0.06) * w
    corners[0][0] += top_shrink
    corners[1][0] -= top_shrink
    matrix = cv2.getPerspectiveTransform(src, np.float32(corners))
    warped = cv2.warpPerspective(page, matrix, (W, H), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), matrix, (W, H))
    m = (mask.astype(np.float32) / 255.0)[..., None]
    out = warped.astype(np.float32) * m + desk.astype(np.float32) * (1 - m)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    lx, ly = rng.uniform(0, W), rng.uniform(0, H)
    light = 1.0 - rng.uniform(0.15, 0.35) * np.sqrt(((xx - lx) / W) ** 2 + ((yy - ly) / H) ** 2)
    out *= light[..., None]
    if rng.random() < 0.75:  # a hard shadow (the phone, a hand) across part of the page
        p0 = (rng.uniform(0, W), 0.0)
        p1 = (rng.uniform(0, W), float(H))
        side = ((xx - p0[0]) * (p1[1] - p0[1]) - (yy - p0[1]) * (p1[0] - p0[0])) > 0
        shade = np.where(side, rng.uniform(0.55, 0.75), 1.0).astype(np.float32)
        shade = cv2.GaussianBlur(shade, (0, 0), rng.uniform(2, 8))
        out *= shade[..., None]
    out *= np.array([1.0, rng.uniform(0.96, 1.0), rng.uniform(0.88, 0.97)], np.float32)  # warm indoor light
    out += nrng.normal(0, 3, out.shape[:2])[..., None]
    result = Image.fromarray(out.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.0)))
    return result.convert("L") if cap.grey else result


def encode(images: list[Image.Image], cap: Capture, when: datetime | None = None) -> list[tuple[str, bytes]]:
    """Pack captured pages: one PDF, or one JPEG/PNG per page; returns (extension, bytes) per file."""
    if cap.container == "pdf":
        buf = io.BytesIO()
        rgb = [im if im.mode in ("RGB", "L") else im.convert("RGB") for im in images]
        rgb[0].save(buf, "PDF", save_all=True, append_images=rgb[1:], resolution=float(cap.dpi), quality=cap.quality,
                    creationDate=(when or SCAN_TIME).timetuple(), modDate=(when or SCAN_TIME).timetuple(), producer="ScanPDF")
        return [("pdf", buf.getvalue())]
    files = []
    for im in images:
        buf = io.BytesIO()
        if cap.container == "png":
            im.save(buf, "PNG", optimize=False, dpi=(cap.dpi, cap.dpi))
            files.append(("png", buf.getvalue()))
        else:
            im.save(buf, "JPEG", quality=cap.quality, dpi=(cap.dpi, cap.dpi))
            files.append(("jpg", buf.getvalue()))
    return files
