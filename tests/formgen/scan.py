"""From laid-out pages to attachments: scanner and phone-camera imperfections, PDF/JPEG/PNG files.

A `Capture` says how a request was digitised; `attachments` returns [(filename, mime type, bytes)].
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from tests.formgen.canvas import MM_PER_INCH, digital_pdf_page, render
from tests.formgen.layout import Page

Attachment = tuple[str, str, bytes]
# What a page is photographed on: grey and white desks, wood, a dark green cutting mat, black glass.
DESKS = ((128, 128, 124), (205, 200, 190), (140, 100, 70), (170, 130, 90), (40, 70, 55), (35, 35, 38))


@dataclass(frozen=True)
class Capture:
    kind: str  # scan | photo
    dpi: int
    grey: bool
    container: str  # pdf | jpeg | png

    @staticmethod
    def draw(rng: random.Random, pages: int) -> Capture:
        if rng.random() < 0.15 and pages <= 2:
            return Capture("photo", rng.choice((150, 200)), False, "jpeg")
        dpi = rng.choice((100, 150, 150, 200, 200, 200, 300))
        container = "pdf" if rng.random() < (0.8 if pages > 1 else 0.75) else rng.choice(("jpeg", "jpeg", "png"))
        if container == "png":  # lossless files come from document-mode scans: greyscale, modest dpi
            return Capture("scan", min(dpi, 150), True, container)
        return Capture("scan", dpi, rng.random() < 0.25, container)

    def describe(self) -> str:
        return f"{self.kind}-{self.dpi}dpi{'-grey' if self.grey else ''}-{self.container}"


def scanned(image: Image.Image, capture: Capture, rng: random.Random) -> Image.Image:
    """A flatbed scan: slight skew, a little blur and sensor noise, greyscale when asked."""
    image = image.rotate(rng.uniform(-1.0, 1.0), resample=Image.Resampling.BICUBIC, expand=False,
                         fillcolor=(255, 255, 255))
    if rng.random() < 0.5:
        image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.8)))
    image = _noise(image, rng, rng.uniform(0.5, 1.5) if capture.container == "png" else rng.uniform(2, 7))
    return image.convert("L") if capture.grey else image


def photographed(image: Image.Image, rng: random.Random) -> Image.Image:
    """A phone photo: page on a desk, skew up to 6°, uneven light and a hard shadow across the page."""
    margin = image.width // 10
    tone = rng.choice(DESKS)
    desk = Image.new("RGB", (image.width + 2 * margin, image.height + 2 * margin),
                     tuple(max(0, min(255, c + rng.randrange(-12, 12))) for c in tone))
    desk.paste(image, (margin, margin))
    background = desk.getpixel((0, 0))
    desk = desk.rotate(rng.uniform(-6, 6), resample=Image.Resampling.BICUBIC, fillcolor=background)
    desk = _keystone(desk, rng, background)
    pixels = np.asarray(desk, dtype=np.float32)
    height, width = pixels.shape[:2]
    light = np.linspace(rng.uniform(0.75, 0.9), rng.uniform(0.95, 1.05), width)[None, :, None]
    pixels = pixels * light * np.array([1.0, 0.98, 0.93])  # warm indoor light
    shadow = Image.new("L", (width, height), 0)
    x0 = rng.uniform(0.3, 0.8) * width
    ImageDraw.Draw(shadow).polygon([(x0, 0), (width, 0), (width, height), (x0 + rng.uniform(-0.3, 0.3) * width,
                                                                           height)], fill=255)
    shadow_mask = np.asarray(shadow.filter(ImageFilter.GaussianBlur(6)), dtype=np.float32)[..., None] / 255
    pixels = pixels * (1 - shadow_mask * rng.uniform(0.3, 0.45))
    photo = Image.fromarray(pixels.clip(0, 255).astype(np.uint8))
    return _noise(photo.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.0))), rng, rng.uniform(4, 9))


def _keystone(image: Image.Image, rng: random.Random, background: tuple[int, ...]) -> Image.Image:
    """The phone held not quite parallel to the page: each corner pulled by up to 3 % of the side."""
    import cv2

    width, height = image.size
    source = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    pull = np.float32([[rng.uniform(-0.03, 0.03) * width, rng.uniform(-0.03, 0.03) * height] for _ in range(4)])
    matrix = cv2.getPerspectiveTransform(source, source + pull)
    warped = cv2.warpPerspective(np.asarray(image), matrix, (width, height), flags=cv2.INTER_CUBIC,
                                 borderValue=tuple(int(c) for c in background))
    return Image.fromarray(warped)


def _noise(image: Image.Image, rng: random.Random, sigma: float) -> Image.Image:
    pixels = np.asarray(image, dtype=np.float32)
    noise = np.random.default_rng(rng.randrange(2**32)).normal(0, sigma, pixels.shape)
    return Image.fromarray((pixels + noise).clip(0, 255).astype(np.uint8))


def page_image(page: Page, capture: Capture, rng: random.Random) -> Image.Image:
    """Render, turn a sideways landscape page, then apply the capture's imperfections."""
    image = render(page.sheet, capture.dpi)
    if page.sideways:
        image = image.rotate(rng.choice((90, -90)), expand=True)
    return photographed(image, rng) if capture.kind == "photo" else scanned(image, capture, rng)


def attachments(pages: list[Page], capture: Capture, rng: random.Random, stem: str) -> list[Attachment]:
    """The files of one request: per attachment (see `Page.attachment`) one PDF of its pages, or one
    image file per page."""
    files: list[Attachment] = []
    for number in sorted({page.attachment for page in pages}):
        group = [page for page in pages if page.attachment == number]
        name = stem if number == 0 else f"附表{number}"
        if capture.container == "pdf" or any(page.digital for page in group):
            files.append((f"{name}.pdf", "application/pdf", pdf(group, capture, rng)))
            continue
        for index, page in enumerate(group):
            image = page_image(page, capture, rng)
            suffix = f"-{index + 1}" if len(group) > 1 else ""
            if capture.container == "png":
                files.append((f"{name}{suffix}.png", "image/png", _encode(image, "PNG")))
            else:
                files.append((f"{name}{suffix}.jpg", "image/jpeg", _encode(image, "JPEG", rng.randrange(70, 92))))
    return files


def pdf(pages: list[Page], capture: Capture, rng: random.Random) -> bytes:
    """A PDF: digital pages keep a text layer; scanned pages are JPEG images at the scan's dpi."""
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    document = Canvas(buffer, pageCompression=1, invariant=True)  # no timestamp: same seed, same bytes
    for page in pages:
        if page.digital:
            document.setPageSize((page.sheet.width * mm, page.sheet.height * mm))
            digital_pdf_page(document, page.sheet)
        else:
            image = page_image(page, capture, rng)
            # The page takes the image's own size at the capture's dpi (sideways scans, photos).
            width, height = (side / capture.dpi * MM_PER_INCH * mm for side in image.size)
            document.setPageSize((width, height))
            # A file-like JPEG is embedded as it is (DCTDecode), as scanner software does.
            jpeg = io.BytesIO(_encode(image, "JPEG", rng.randrange(70, 90)))
            document.drawImage(ImageReader(jpeg), 0, 0, width, height)
        document.showPage()
    document.save()
    return buffer.getvalue()


def _encode(image: Image.Image, fmt: str, quality: int = 85) -> bytes:
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.save(buffer, format="JPEG", quality=quality)
    else:
        image.save(buffer, format=fmt, optimize=False)
    return buffer.getvalue()
