"""read_image: frames are checked from their headers up front and decoded only when a page's image is loaded."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable

import pytest
from PIL import Image, ImageDraw, ImageSequence

from parsers import images
from parsers.limits import Budget, DocumentError, Limits
from parsers.model import Attachment, DocumentClass, ParsedMessage, TextLine
from parsers.read import read_evidence

REDUCED = Limits(max_page_pixels=1_000_000, max_image_pixels=4_000_000)  # a 12 Mpx photo is decoded at 1/2


def scan(width: int, height: int, mode: str = "RGB") -> Image.Image:
    """A page-like image whose four quarters differ, so any turn, flip or wrong frame shows."""
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width - 1, height // 10), fill="black")
    draw.rectangle((0, height // 2, width // 3, height - 1), fill=(200, 30, 30))
    draw.ellipse((width // 2, height // 3, width - 1, height // 2), fill=(20, 60, 180))
    return image.convert(mode)


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, **options)
    return out.getvalue()


def rotated_jpeg() -> bytes:
    """A 12 Mpx phone photo stored in the sensor's landscape, with EXIF orientation 6 (turn 90° clockwise)."""
    exif = Image.Exif()
    exif[0x0112] = 6
    return encoded(scan(3000, 4000).rotate(90, expand=True), "JPEG", quality=85, exif=exif)


def two_frame_tiff() -> bytes:
    """A bilevel fax page and a differently sized colour page in one TIFF."""
    first, second = scan(1000, 1400, "1"), scan(1300, 900).rotate(180)
    return encoded(first, "TIFF", save_all=True, append_images=[second], compression="tiff_deflate")


def transparent_png() -> bytes:
    """RGBA with fully and partly transparent areas, which become paper (white) and a blend onto it."""
    image = scan(900, 1200).convert("RGBA")
    image.putalpha(Image.linear_gradient("L").resize(image.size))
    return encoded(image, "PNG")


def rotated_png(exif_after_pixels: bool) -> bytes:
    """A PNG stored on its side with EXIF orientation 6, its eXIf chunk before or (as some writers put it) after IDAT."""
    exif = Image.Exif()
    exif[0x0112] = 6
    data = encoded(scan(900, 1200).rotate(90, expand=True), "PNG", exif=exif)
    if not exif_after_pixels:
        return data
    start = data.index(b"eXIf") - 4
    chunk = data[start : start + 12 + struct.unpack_from(">I", data, start)[0]]
    data = data.replace(chunk, b"")
    iend = data.index(b"IEND") - 4
    return data[:iend] + chunk + data[iend:]


def eager_pages(data: bytes, limits: Limits) -> list[Image.Image]:
    """The page images as read_image made them while it decoded every frame up front, in one pass over the file."""
    with Image.open(io.BytesIO(data)) as image:
        return [images._to_page_image(frame, limits) for frame in ImageSequence.Iterator(image)]


CASES: list[tuple[str, Callable[[], bytes], Limits]] = [
    ("jpeg-exif-rotated", rotated_jpeg, Limits()),
    ("jpeg-exif-rotated-reduced", rotated_jpeg, REDUCED),
    ("tiff-two-frames", two_frame_tiff, Limits()),
    ("png-alpha", transparent_png, Limits()),
    ("png-alpha-reduced", transparent_png, Limits(max_page_pixels=500_000)),
    ("png-exif-rotated", lambda: rotated_png(exif_after_pixels=False), Limits()),
    ("png-exif-after-pixels", lambda: rotated_png(exif_after_pixels=True), Limits()),
]


@pytest.mark.parametrize(("make", "limits"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_lazy_pages_are_pixel_identical_to_the_eager_ones(make: Callable[[], bytes], limits: Limits) -> None:
    data = make()
    pages = images.read_image(data, Budget(limits))
    declared = [(page.width, page.height) for page in pages]
    expected = eager_pages(data, limits)
    rendered = [page.load_image() for page in pages]
    assert len(rendered) == len(expected) >= 1
    for image, want, size in zip(rendered, expected, declared, strict=True):
        assert image is not None and image.mode == want.mode == "RGB"
        assert image.size == want.size == size  # the size known before decoding is the render's
        assert image.tobytes() == want.tobytes()


def test_pages_hold_no_image_until_it_is_loaded() -> None:
    budget = Budget(Limits())
    pages = images.read_image(two_frame_tiff(), budget)
    assert [page.number for page in pages] == [1, 2] and all(page.image is None for page in pages)
    assert [(page.width, page.height) for page in pages] == [(1000, 1400), (1300, 900)]
    assert (budget.pages, budget.pixels) == (2, 1000 * 1400 + 1300 * 900)  # charged before any decoding
    image = pages[0].load_image()
    assert pages[0].image is image and pages[0].render is None
    assert pages[1].image is None  # the other frame is still only bytes


def test_quarter_turned_photo_declares_its_upright_size() -> None:
    (page,) = images.read_image(rotated_jpeg(), Budget(REDUCED))
    assert page.image is None and page.height > page.width and page.width * page.height <= 1_000_000
    for exif_after_pixels in (False, True):
        (page,) = images.read_image(rotated_png(exif_after_pixels), Budget(Limits()))
        assert page.image is None and (page.width, page.height) == (900, 1200)


@pytest.mark.parametrize(("make", "cut"), [
    (lambda: encoded(scan(1000, 1400), "TIFF"), lambda data: data[: len(data) // 2]),  # strips after the IFD
    (rotated_jpeg, lambda data: data[: len(data) // 2]),
    (transparent_png, lambda data: data[: len(data) // 2]),
], ids=["tiff", "jpeg", "png"])  # fmt: skip
def test_a_cut_file_is_refused_before_decoding(make: Callable[[], bytes], cut: Callable[[bytes], bytes]) -> None:
    with pytest.raises(DocumentError, match=images.TRUNCATED):
        images.read_image(cut(make()), Budget(Limits()))


def garbled_png() -> bytes:
    """A PNG whose chunks are all there but whose compressed pixels are not zlib data: only decoding tells."""
    data = bytearray(encoded(scan(800, 1000), "PNG"))
    start = data.index(b"IDAT") + 4
    length = struct.unpack_from(">I", data, start - 8)[0]
    data[start : start + length] = b"\xff" * length
    struct.pack_into(">I", data, start + length, zlib.crc32(b"IDAT" + data[start : start + length]))
    return bytes(data)


class NoOcr:
    name = "never"

    def recognize(self, image: Image.Image) -> list[TextLine]:
        raise AssertionError("a page that does not decode reached OCR")


def test_a_file_broken_past_its_headers_is_unreadable_when_read() -> None:
    (page,) = images.read_image(garbled_png(), Budget(Limits()))
    with pytest.raises(DocumentError, match=images.TRUNCATED):
        page.load_image()
    parsed = ParsedMessage(message_id="<a@b>", subject="", sender="", from_display="", reply_to=[], to=[], cc=[],
                           date=None, received=None, references=[], headers={}, body_text="", body_html="",
                           content_type="multipart/mixed",
                           attachments=[Attachment("scan.png", "image/png", garbled_png())])
    evidence = read_evidence(parsed, engine=NoOcr(), limits=Limits())
    (document,) = evidence.documents
    assert (document.kind, document.error, document.pages) == (DocumentClass.UNREADABLE, images.TRUNCATED, [])
    assert evidence.failures == []  # a broken file, not a fault of ours: nothing to retry
