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

from PIL import ExifTags, Image, ImageFile, ImageOps, ImageSequence

from parsers.limits import Budget, DocumentError, Limits
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
    """One RGB page per frame whose shorter side is at least MIN_SIDE; [] if none is.

    A large image is decoded at reduced size where the format allows (JPEG: 1/2, 1/4 or 1/8 in the
    decoder), so a 108-megapixel phone photo costs a few megapixels; only a frame that would still
    decode to more than `max_image_pixels` is refused as a bomb (DocumentError), as is a header past
    Pillow's own bound (twice its MAX_IMAGE_PIXELS, ~179 Mpx).
    """
    if ImageFile.LOAD_TRUNCATED_IMAGES:
        raise DocumentError(TRUNCATED)  # someone relaxed Pillow globally; we refuse to guess
    try:
        with warnings.catch_warnings():
            # Pillow warns from ~89 Mpx on the header alone; our bound applies to what is decoded
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return _read_frames(data, budget)
    except Image.DecompressionBombError as exc:
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
            if is_small(frame.size):
                continue
            rgb = _to_page_image(frame, budget.limits)
            pixels += rgb.width * rgb.height
            budget.check_pixels(pixels)
            pages.append(Page(number=len(pages) + 1, image=rgb, width=rgb.width, height=rgb.height))
            if image.format == "MPO":
                break  # the extra frames of a phone photo are previews, not pages
    budget.charge(len(pages), pixels)
    return pages


def _to_page_image(frame: Image.Image, limits: Limits) -> Image.Image:
    """The frame upright, RGB on white, at most `max_page_pixels`; decoded as small as the format allows.

    Shrinking comes before flattening, so only the decoded frame is ever held at full size.
    """
    target = _fitted(frame.size, limits.max_page_pixels)
    if target != frame.size and frame.format in ("JPEG", "MPO"):
        frame.draft("RGB", target)  # the decoder skips detail: the frame's size is now what it will decode
    if frame.width * frame.height > limits.max_image_pixels:
        raise DocumentError(TOO_LARGE)
    orientation = frame.getexif().get(ExifTags.Base.Orientation, 1)  # read before the file is left behind
    frame.load()  # a truncated file fails here
    image = _resamplable(frame)
    target = _fitted(image.size, limits.max_page_pixels)
    if target != image.size:
        image = image.resize(target, Image.Resampling.LANCZOS, reducing_gap=2.0)  # whole-factor reduce first
    page = _on_white(image)
    page.getexif()[ExifTags.Base.Orientation] = orientation  # the small copy turns as its source says
    ImageOps.exif_transpose(page, in_place=True)
    return page


def _fitted(size: tuple[int, int], max_pixels: int) -> tuple[int, int]:
    """`size` scaled down to at most `max_pixels`, aspect kept; unchanged if it already fits."""
    width, height = size
    if width * height <= max_pixels:
        return size
    shrink = math.sqrt(max_pixels / (width * height))
    return max(1, int(width * shrink)), max(1, int(height * shrink))


def _resamplable(image: Image.Image) -> Image.Image:
    """The image in a mode Pillow resamples smoothly, at the fewest bytes a pixel: 16-bit scans become 8 bits."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return image.point(lambda value: value / 256).convert("L")
    if image.mode == "1":
        return image.convert("L")  # a bilevel fax scan stays one byte a pixel
    if image.mode == "PA" or (image.mode == "P" and "transparency" in image.info):
        return image.convert("RGBA")
    if image.mode in ("L", "LA", "RGB", "RGBA"):
        return image
    return image.convert("RGB")


def _on_white(image: Image.Image) -> Image.Image:
    """A new RGB image (the frame object moves on to the next frame): transparency is paper."""
    if image.mode not in ("LA", "RGBA"):
        return image.convert("RGB")
    paper = Image.new("RGB", image.size, (255, 255, 255))
    paper.paste(image.convert("RGBA"), mask=image.getchannel("A"))
    return paper
