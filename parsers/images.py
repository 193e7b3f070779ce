"""Read a scanned image (JPEG, PNG, TIFF): size, bomb and truncation checks, then RGB pages rendered on demand.

Images whose shorter side is under `MIN_SIDE` px are logos or signature
banners, not documents (spec §2): `read_image` returns no pages for them.
"""

from __future__ import annotations

import contextlib
import functools
import io
import math
import struct
import warnings
import zlib
from collections.abc import Iterator

from PIL import ExifTags, Image, ImageFile, ImageOps, ImageSequence, TiffImagePlugin

from parsers.limits import Budget, DocumentError, Limits
from parsers.model import Page

MIN_SIDE = 500
TRUNCATED = "图片文件已损坏或不完整"
TOO_LARGE = "图片尺寸过大（疑似解压炸弹），未处理"
UNSUPPORTED = "不支持的图片格式"
_PNG_METADATA = {b"eXIf", b"tEXt", b"zTXt", b"iTXt"}  # PNG chunks Pillow may read an EXIF orientation from
_QUARTER_TURNS = (5, 6, 7, 8)  # EXIF orientations that `exif_transpose` turns a quarter: width and height swap


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
    """One page per frame whose shorter side is at least MIN_SIDE, rendered on demand; [] if none is.

    Everything the headers tell is checked here, before any pixel is decoded: the format, the frame
    count against the page budget, each frame's size as it will be decoded (a large image is decoded
    at reduced size where the format allows, JPEG 1/2, 1/4 or 1/8 in the decoder, so a 108-megapixel
    phone photo costs a few megapixels), the message's pixel budget, and compressed data that visibly
    ends before the file does. Raises DocumentError: TOO_LARGE for a frame that would still decode to
    more than `max_image_pixels` or a header past Pillow's own bound (twice its MAX_IMAGE_PIXELS,
    ~179 Mpx); TRUNCATED for a cut or broken file; the budget's own for pages, pixels and time.

    Each page keeps `data` (compressed, shared by the pages) and its frame index; `Page.load_image()`
    decodes the frame into the RGB image `_to_page_image` makes, whose width and height in px are
    already the page's. A file broken in a way its headers do not show raises DocumentError(TRUNCATED)
    from there.
    """
    with _pillow_errors():
        return _lazy_pages(data, budget)


@contextlib.contextmanager
def _pillow_errors() -> Iterator[None]:
    """Pillow's ways of saying a file is broken or a bomb, raised as DocumentError (TRUNCATED, TOO_LARGE)."""
    if ImageFile.LOAD_TRUNCATED_IMAGES:
        raise DocumentError(TRUNCATED)  # someone relaxed Pillow globally; we refuse to guess
    try:
        with warnings.catch_warnings():
            # Pillow warns from ~89 Mpx on the header alone; our bound applies to what is decoded
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            yield
    except Image.DecompressionBombError as exc:
        raise DocumentError(TOO_LARGE) from exc
    except (OSError, SyntaxError, ValueError, EOFError, struct.error, zlib.error) as exc:  # Pillow: "broken"
        raise DocumentError(TRUNCATED) from exc


def _lazy_pages(data: bytes, budget: Budget) -> list[Page]:
    pages: list[Page] = []
    pixels = 0
    with Image.open(io.BytesIO(data)) as image:
        if image.format not in ("JPEG", "PNG", "TIFF", "MPO"):
            raise DocumentError(f"{UNSUPPORTED}：{image.format}")
        frames = getattr(image, "n_frames", 1)
        budget.check_pages(frames)
        for index, frame in enumerate(ImageSequence.Iterator(image)):
            budget.check_time()
            if is_small(frame.size):
                continue
            if _cut_short(frame, data):
                raise DocumentError(TRUNCATED)
            width, height = _page_size(frame, data, budget.limits)
            pixels += width * height
            budget.check_pixels(pixels)
            render = functools.partial(_render, data, index, budget.limits)
            pages.append(Page(number=len(pages) + 1, width=width, height=height, render=render))
            if image.format == "MPO":
                break  # the extra frames of a phone photo are previews, not pages
    budget.charge(len(pages), pixels)
    return pages


def _render(data: bytes, index: int, limits: Limits) -> Image.Image:
    """Frame `index` (0-based) of the image file `data` as its page image; DocumentError if it will not decode."""
    with _pillow_errors(), Image.open(io.BytesIO(data)) as image:
        image.seek(index)
        return _to_page_image(image, limits)


def _page_size(frame: Image.Image, data: bytes, limits: Limits) -> tuple[int, int]:
    """Width and height in px of the image `_to_page_image` will make of `frame` (a frame of `data`).

    From the headers alone, but for a PNG with text or EXIF chunks after its pixel data, which Pillow
    only reads by decoding the frame. Like `_to_page_image`, sets `frame` to decode reduced and raises
    DocumentError(TOO_LARGE) for a bomb.
    """
    _draft(frame, limits)
    width, height = _fitted(frame.size, limits.max_page_pixels)
    if frame.format == "PNG" and not _png_text_after_pixels(data):
        exif = Image.Image.getexif(frame)  # the header chunks say it all: skip the decoding PNG's getexif does
    else:
        exif = frame.getexif()
    turned = exif.get(ExifTags.Base.Orientation, 1) in _QUARTER_TURNS
    return (height, width) if turned else (width, height)


def _to_page_image(frame: Image.Image, limits: Limits) -> Image.Image:
    """The frame upright, RGB on white, at most `max_page_pixels`; decoded as small as the format allows.

    Shrinking comes before flattening, so only the decoded frame is ever held at full size.
    """
    _draft(frame, limits)
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


def _draft(frame: Image.Image, limits: Limits) -> None:
    """Set a large JPEG frame to decode reduced (1/2, 1/4 or 1/8, never below its fitted page size); no pixel is decoded.

    Raises DocumentError(TOO_LARGE) if the frame would still decode to more than `max_image_pixels`.
    """
    target = _fitted(frame.size, limits.max_page_pixels)
    if target != frame.size and frame.format in ("JPEG", "MPO"):
        frame.draft("RGB", target)  # the decoder skips detail: the frame's size is now what it will decode
    if frame.width * frame.height > limits.max_image_pixels:
        raise DocumentError(TOO_LARGE)


def _cut_short(frame: Image.Image, data: bytes) -> bool:
    """Whether `data` visibly ends before the frame's compressed data does, by its structure alone.

    TIFF: a strip or tile of this frame ends past the file, as its IFD declares; PNG: a chunk before
    IEND does; JPEG: no end-of-image marker follows the first scan. What the structure does not
    show (garbled data, a format variant not followed here) is left to the decoder.
    """
    if isinstance(frame, TiffImagePlugin.TiffImageFile):
        tags = frame.tag_v2
        offsets = tags.get(TiffImagePlugin.STRIPOFFSETS) or tags.get(TiffImagePlugin.TILEOFFSETS) or ()
        counts = tags.get(TiffImagePlugin.STRIPBYTECOUNTS) or tags.get(TiffImagePlugin.TILEBYTECOUNTS) or ()
        return any(offset + count > len(data) for offset, count in zip(offsets, counts, strict=False))
    if frame.format == "PNG":
        return not _png_ends(data)
    return not _jpeg_ends(data)


def _png_ends(data: bytes) -> bool:
    """Whether every chunk up to IEND lies inside `data`."""
    return _png_chunks(data)[-1:] == [b"IEND"]


def _png_text_after_pixels(data: bytes) -> bool:
    """Whether a chunk Pillow takes an EXIF orientation from (eXIf, or XMP or a raw profile in a text chunk) follows IDAT."""
    kinds = _png_chunks(data)
    return b"IDAT" in kinds and not _PNG_METADATA.isdisjoint(kinds[kinds.index(b"IDAT") :])


def _png_chunks(data: bytes) -> list[bytes]:
    """The type of each chunk that lies whole inside `data`, in order, up to IEND (a chunk: 4-byte length, type, body, CRC)."""
    kinds = []
    pos = 8  # after the signature
    while pos + 8 <= len(data) and kinds[-1:] != [b"IEND"]:
        length, kind = struct.unpack_from(">I4s", data, pos)
        pos += 12 + length
        if pos > len(data):
            break
        kinds.append(kind)
    return kinds


def _jpeg_ends(data: bytes) -> bool:
    """Whether an end-of-image marker (FF D9) follows the first scan; a cut file has none.

    The segments before the scan are walked by their lengths, so an EXIF thumbnail's marker does not
    count; in the entropy-coded scan data an FF byte is never followed by D9. A segment chain that
    cannot be followed counts as ended: Pillow opened the file, its decoder judges.
    """
    pos = 2  # after SOI
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return True
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1  # a fill byte before the marker
            continue
        pos += 2 + struct.unpack_from(">H", data, pos + 2)[0]
        if marker == 0xDA:  # start of scan
            return data.find(b"\xff\xd9", pos) >= 0
    return False


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
