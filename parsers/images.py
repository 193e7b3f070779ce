"""Read a scanned image (JPEG, PNG, TIFF): orientation, RGB pages, size and bomb checks.

Images whose shorter side is under `MIN_SIDE` px are logos or signature
banners, not documents (spec §2): `read_image` returns no pages for them.
"""

from __future__ import annotations

import io
import math
import struct
import warnings
import zlib

from PIL import Image, ImageFile, ImageOps, ImageSequence

from parsers.limits import Budget, DocumentError
from parsers.model import Page

MIN_SIDE = 500
TRUNCATED = "图片文件已损坏或不完整"
TOO_LARGE = "图片尺寸过大（疑似解压炸弹），未处理"
UNSUPPORTED = "不支持的图片格式"


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from the header alone, or None if Pillow cannot identify the image."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.size
    except Exception:
        return None


def is_small(size: tuple[int, int]) -> bool:
    return min(size) < MIN_SIDE


def read_image(data: bytes, budget: Budget) -> list[Page]:
    """One RGB page per frame whose shorter side is at least MIN_SIDE; [] if none is."""
    if ImageFile.LOAD_TRUNCATED_IMAGES:
        raise DocumentError(TRUNCATED)  # someone relaxed Pillow globally; we refuse to guess
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return _read_frames(data, budget)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise DocumentError(TOO_LARGE) from exc
    except (OSError, SyntaxError, ValueError, EOFError, struct.error, zlib.error) as exc:  # Pillow: "broken"
        raise DocumentError(TRUNCATED) from exc


def _read_frames(data: bytes, budget: Budget) -> list[Page]:
    pages: list[Page] = []
    pixels = 0
    with Image.open(io.BytesIO(data)) as image:
        if image.format not in ("JPEG", "PNG", "TIFF", "MPO"):
            raise DocumentError(f"{UNSUPPORTED}：{image.format}")
        frames = getattr(image, "n_frames", 1)
        budget.check_pages(frames)
        for frame in ImageSequence.Iterator(image):
            budget.check_time()
            if frame.width * frame.height > budget.limits.max_image_pixels:
                raise DocumentError(TOO_LARGE)
            if is_small(frame.size):
                continue
            rgb = _to_page_image(frame, budget.limits.max_page_pixels)
            pixels += rgb.width * rgb.height
            budget.check_pixels(pixels)
            pages.append(Page(number=len(pages) + 1, image=rgb, width=rgb.width, height=rgb.height))
            if image.format == "MPO":
                break  # the extra frames of a phone photo are previews, not pages
    budget.charge(len(pages), pixels)
    return pages


def _to_page_image(frame: Image.Image, max_pixels: int) -> Image.Image:
    area = frame.width * frame.height
    if area > max_pixels and frame.format == "JPEG":
        shrink = math.sqrt(max_pixels / area)
        frame.draft("RGB", (int(frame.width * shrink), int(frame.height * shrink)))  # decode smaller
    frame.load()  # a truncated file fails here
    upright = ImageOps.exif_transpose(frame) or frame
    rgb = _rgb(upright)
    if rgb.width * rgb.height > max_pixels:
        shrink = math.sqrt(max_pixels / (rgb.width * rgb.height))
        rgb = rgb.resize((max(1, int(rgb.width * shrink)), max(1, int(rgb.height * shrink))), Image.LANCZOS)
    return rgb


def _rgb(image: Image.Image) -> Image.Image:
    """RGB on white: transparency is paper, 16-bit scans are scaled to 8 bits."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda value: value / 256).convert("L")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, (255, 255, 255))
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    return image.convert("RGB")
