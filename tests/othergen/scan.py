"""How pages become attachments: scanner resolution and colour, skew, a page put in sideways or upside
down, two pages on one sheet, photocopy contrast, background tint patterns, JPEG strength, file types."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageFilter

from tests.othergen.canvas import Page, render


@dataclass
class Capture:
    dpi: int
    grey: bool
    quality: int
    contrast: float  # 1 = clean scan, lower = washed-out photocopy
    pattern: str  # none | dots | lines | tint
    skew: float
    notes: list[str] = field(default_factory=list)

    @classmethod
    def draw(cls, rng: random.Random) -> Capture:
        dpi = rng.choice((100, 150, 150, 200, 200, 200, 300))
        grey = rng.random() < 0.35
        quality = rng.choice((25, 35, 50, 70, 85, 92))
        contrast = rng.choice((1.0, 1.0, 1.0, 1.0, 0.75, 0.6))
        pattern = rng.choice(("none", "none", "none", "none", "none", "dots", "lines", "tint"))
        c = cls(dpi, grey, quality, contrast, pattern, rng.uniform(-1.2, 1.2))
        c.notes = [f"{dpi}dpi", "grey" if grey else "colour", f"q{quality}"]
        if contrast < 1:
            c.notes.append(f"photocopy{contrast}")
        if pattern != "none":
            c.notes.append(f"bg-{pattern}")
        return c

    def describe(self) -> str:
        return " ".join(self.notes)


def _pattern(rng: random.Random, size: tuple[int, int], kind: str) -> np.ndarray:
    """A light security-paper background: fine dots, wavy lines or a flat tint (multiplier ≤ 1)."""
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if kind == "dots":
        period = rng.randint(5, 9)
        dots = ((xx % period) < 1.5) & ((yy % period) < 1.5)
        return np.where(dots, rng.uniform(0.8, 0.9), 1.0).astype(np.float32)
    if kind == "lines":
        wave = np.sin((xx + 12 * np.sin(yy / rng.uniform(20, 40))) / rng.uniform(2.5, 4.0))
        return np.where(wave > 0.92, rng.uniform(0.82, 0.9), 1.0).astype(np.float32)
    return np.full((h, w), rng.uniform(0.88, 0.94), dtype=np.float32)


def scan_page(image: Image.Image, rng: random.Random, cap: Capture, turn: int = 0) -> Image.Image:
    """Scanner look for one rendered sheet; `turn` quarter-turns as it was laid on the glass."""
    arr = np.asarray(image.convert("RGB"), dtype=np.float32) / 255
    if cap.pattern != "none":
        arr = arr * _pattern(rng, image.size, cap.pattern)[..., None]
    if cap.contrast < 1:  # photocopy: grey whites, greyed blacks
        arr = 1 - (1 - arr) * cap.contrast
        arr = arr * rng.uniform(0.9, 0.96)
    np_rng = np.random.default_rng(rng.randrange(2 ** 32))
    arr = arr * rng.uniform(0.94, 1.0) + np_rng.normal(0, 0.015, arr.shape[:2])[..., None]
    out = Image.fromarray((arr.clip(0, 1) * 255).astype(np.uint8))
    fill = tuple(int(v) for v in (np.asarray(out)[4, 4]))
    out = out.rotate(cap.skew, resample=Image.BICUBIC, expand=False, fillcolor=fill)
    if cap.dpi <= 150 or rng.random() < 0.3:
        out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.7)))
    if turn:
        out = out.rotate(90 * turn, expand=True)
    if cap.grey:
        out = out.convert("L")
    return out


def two_up(left: Image.Image, right: Image.Image, gap_px: int) -> Image.Image:
    """Two A4 sheets laid side by side on an A3 glass."""
    h = max(left.height, right.height)
    sheet = Image.new("RGB", (left.width + right.width + gap_px * 3, h + gap_px * 2), (246, 246, 244))
    sheet.paste(left, (gap_px, gap_px))
    sheet.paste(right, (left.width + gap_px * 2, gap_px))
    return sheet


def jpeg(image: Image.Image, quality: int, dpi: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, dpi=(dpi, dpi))
    return out.getvalue()


def png(image: Image.Image, dpi: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()


def pdf_of(images: list[Image.Image], quality: int, dpi: int) -> bytes:
    """An image-only PDF as scanners write them: one JPEG per page."""
    pages = [Image.open(io.BytesIO(jpeg(im, quality, dpi))) for im in images]
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return out.getvalue()


def tiff_of(images: list[Image.Image], dpi: int) -> bytes:
    out = io.BytesIO()
    images[0].save(out, "TIFF", save_all=True, append_images=images[1:], compression="tiff_deflate",
                   dpi=(dpi, dpi))
    return out.getvalue()


def scanned(pages: list[Page], rng: random.Random, cap: Capture, turns: dict[int, int] | None = None
            ) -> list[Image.Image]:
    turns = turns or {}
    return [scan_page(render(page, cap.dpi), rng, cap, turns.get(i, 0)) for i, page in enumerate(pages)]


def as_files(images: list[Image.Image], rng: random.Random, cap: Capture, stem: str,
             kinds: tuple[str, ...] = ("pdf", "pdf", "jpg", "png", "tif")) -> list[tuple[str, str, bytes]]:
    """(filename, mime type, bytes) for a scanned set: one PDF, one TIFF, or one image per page."""
    kind = rng.choice(kinds)
    if kind == "png" and cap.dpi > 200:  # nobody mails a 300 dpi colour PNG; the scanner made a JPEG
        kind = "jpg"
    cap.notes.append(kind)
    if kind == "pdf":
        return [(f"{stem}.pdf", "application/pdf", pdf_of(images, cap.quality, cap.dpi))]
    if kind == "tif":
        return [(f"{stem}.tif", "image/tiff", tiff_of(images, cap.dpi))]
    files = []
    for i, im in enumerate(images):
        name = stem if len(images) == 1 else f"{stem}_{i + 1}"
        if kind == "jpg":
            files.append((f"{name}.jpg", "image/jpeg", jpeg(im, cap.quality, cap.dpi)))
        else:
            files.append((f"{name}.png", "image/png", png(im, cap.dpi)))
    return files
