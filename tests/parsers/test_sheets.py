"""Two sheets side by side in one photo become two pages; one sheet, scanned or photographed, never does."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw

from parsers import read
from parsers.limits import Limits
from parsers.model import Attachment, ParsedMessage
from parsers.pagework import PageFindings
from parsers.sheets import sheet_boxes, split_sheets

WOOD = (120, 82, 50)
GREY_DESK = (95, 95, 95)
A4 = (450, 636)  # px of a portrait sheet in these (small, fast) photos, 1 : 1.414


def sheet(size: tuple[int, int] = A4, *, columns: int = 1, mark: str | None = "black") -> Image.Image:
    """A white sheet with a title, lines of 'text' (bars, in `columns` columns) and a ruled box in `mark` (if any)."""
    width, height = size
    page = Image.new("RGB", size, (245, 245, 240))
    draw = ImageDraw.Draw(page)
    draw.rectangle((width * 0.3, 45, width * 0.7, 60), fill="black")
    column = (width - 80) / columns
    for c in range(columns):
        x0 = 40 + c * column
        for row in range(20):
            y = 90 + row * 22
            draw.rectangle((x0 + 5, y, x0 + column - 15 - (row % 3) * 20, y + 9), fill=(30, 30, 30))
    if mark is not None:
        draw.rectangle((40, height - 150, width - 40, height - 60), outline=mark, width=3)
    return page


def on_desk(sheets: list[tuple[Image.Image, tuple[int, int], float]], size: tuple[int, int],
            desk: tuple[int, int, int] = WOOD) -> Image.Image:
    """A photo: each (sheet, top-left, degrees) pasted turned onto a desk, with a little sensor noise."""
    photo = Image.new("RGB", size, desk)
    for page, (x, y), angle in sheets:
        turned = page.convert("RGBA").rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
        photo.paste(turned, (x, y), turned)
    noise = np.random.default_rng(7).integers(-6, 7, (size[1], size[0], 1), dtype=np.int16)
    return Image.fromarray(np.clip(np.asarray(photo, dtype=np.int16) + noise, 0, 255).astype(np.uint8))


def two_up(desk: tuple[int, int, int] = WOOD) -> Image.Image:
    """A request (text) on the left, its approval page (blue box) on the right, turned -2 and +3 degrees."""
    return on_desk([(sheet(), (90, 90), -2.0), (sheet(mark="blue"), (595, 75), 3.0)], (1150, 850), desk)


def blue_share(image: Image.Image) -> float:
    rgb = np.asarray(image, dtype=np.int16)
    return float(((rgb[..., 2] > 150) & (rgb[..., 0] < 80)).mean())


@pytest.mark.parametrize("desk", [WOOD, GREY_DESK])
def test_two_sheets_side_by_side_become_two_crops_left_first(desk: tuple[int, int, int]) -> None:
    photo = two_up(desk)
    left, right = sheet_boxes(photo)
    # each box holds its whole turned sheet (about 470 x 650 px) and stops short of the other's middle
    assert 60 < left[0] < 100 and 550 < left[2] < 610 and 565 < right[0] < 600 and 1075 < right[2] <= 1150
    for x0, y0, x1, y1 in (left, right):
        assert 450 < x1 - x0 < 525 and 645 < y1 - y0 < 700
    first, second = split_sheets(photo)
    assert blue_share(second) > 0.002 > blue_share(first) == 0.0  # the approval page is the right-hand one


def test_a_greyscale_photo_of_two_sheets_is_split_too() -> None:
    assert len(split_sheets(two_up(GREY_DESK).convert("L"))) == 2


@pytest.mark.parametrize("case", [
    "one sheet on a desk",
    "full-bleed scan",
    "scan with a thick black line down the middle",
    "greyscale scan",
    "landscape scan in two columns",
    "landscape page on a desk in two columns",
    "landscape page on a desk with a black fold shadow",
    "sheet on a desk with a dark photo down the middle",
])  # fmt: skip
def test_one_sheet_is_never_split(case: str) -> None:
    image = single(case)
    (kept,) = split_sheets(image)
    assert kept is image


def single(case: str) -> Image.Image:
    """The single-sheet image named by `case`."""
    if case == "one sheet on a desk":
        return on_desk([(sheet(), (150, 100), 2.5)], (750, 850))
    if case == "full-bleed scan":
        return sheet((620, 877))
    if case == "scan with a thick black line down the middle":
        page = sheet((620, 877))
        ImageDraw.Draw(page).rectangle((300, 0, 320, 877), fill="black")
        return page
    if case == "greyscale scan":
        return sheet((620, 877)).convert("L")
    if case == "landscape scan in two columns":
        return sheet((877, 620), columns=2)
    landscape = sheet((877, 620), columns=2)
    if case == "landscape page on a desk with a black fold shadow":
        # a half-sheet of text either side, clear of the fold: each half alone would pass for a sheet,
        # and only the shadow's colour (no desk's) keeps the page whole
        landscape = Image.new("RGB", (877, 620))
        landscape.paste(sheet((438, 620), mark=None), (0, 0))
        landscape.paste(sheet((439, 620), mark=None), (438, 0))
        landscape = fold_shadow(landscape)
    if case == "sheet on a desk with a dark photo down the middle":
        portrait = sheet()
        ImageDraw.Draw(portrait).rectangle((190, 75, 260, 575), fill=(40, 45, 50))
        return on_desk([(portrait, (150, 100), -1.5)], (750, 850))
    return on_desk([(landscape, (75, 100), 1.5)], (1050, 850))


def fold_shadow(page: Image.Image) -> Image.Image:
    """`page` with a soft black shadow 30 px wide down its middle, as where a folded sheet bends."""
    pixels = np.asarray(page, dtype=np.float32)
    x = np.arange(page.width) - page.width / 2
    darkness = np.clip(1 - np.abs(x) / 15, 0, 1) * 0.8  # down to a fifth of the paper's brightness
    return Image.fromarray((pixels * (1 - darkness)[None, :, None]).astype(np.uint8))


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_reading_gives_the_document_a_page_per_sheet_numbered_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """The two-up photo is pages 1 and 2 of its document, the single sheet after it page 3."""
    seen: list[tuple[int, int]] = []

    def fake_read_page(page, *, engine, document):  # noqa: ANN001, ANN202 - a stand-in for OCR
        seen.append((page.number, page.width))
        return PageFindings()

    monkeypatch.setattr(read, "read_page", fake_read_page)
    parsed = ParsedMessage(
        message_id="<a@b>", subject="", sender="", from_display="", reply_to=[], to=[], cc=[], date=None,
        received=None, references=[], headers={}, body_text="", body_html="", content_type="multipart/mixed",
        attachments=[Attachment("two.png", "image/png", png(two_up())),
                     Attachment("one.png", "image/png", png(single("one sheet on a desk")))],
    )
    evidence = read.read_evidence(parsed, engine=object(), limits=Limits())  # type: ignore[arg-type]
    two, one = evidence.documents
    assert [page.number for page in two.pages] == [1, 2] and [page.number for page in one.pages] == [1]
    assert [number for number, _ in seen] == [1, 2, 1]
    assert all(450 < width < 550 for _, width in seen[:2]) and seen[2][1] == 750
