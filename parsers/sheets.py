"""Two sheets of paper in one photo: a request and its approval page, laid side by side on a desk.

Schools often photograph both A4 sheets of a request at once. Read as one page, an approval
block runs on into the other sheet and the lines of both sheets are merged in reading order, so
such a page is cut into one page per sheet before it is read.

The test is geometric and deliberately strict, since cutting a single sheet in two is worse than
leaving two sheets together. On a small copy (`parsers.paper.small_copy`, at most 400 px a side)
paper is the bright unsaturated pixels of `parsers.paper.paper_mask`; a split needs:

- exactly two large, solid paper regions, each shaped like an upright sheet, side by side and
  not connected anywhere (desk shows between them from top to bottom);
- desk visible round the image's border (a scan is paper to its edges: a black rule, fold
  shadow or gutter down a scan's middle never splits it);
- the gap between the sheets coloured like that desk (a fold shadow across one photographed
  sheet is darkened paper, not the desk seen round it).

Each sheet becomes the axis-aligned crop of its bounding box (photos are skewed a few degrees;
where a skewed neighbour reaches into the box, its pixels are painted desk colour).
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

from parsers.model import Box, Page
from parsers.paper import paper_mask, small_copy

MIN_AREA = 0.08  # share of the image a sheet's paper covers at least: smaller bright patches are not sheets
MIN_SOLID = 0.75  # share of its bounding box a sheet's outline fills: a sheet skewed 5 degrees fills 85 %
SHEET_ASPECT = (1.05, 2.0)  # height / width of an upright sheet's box (A4 is 1.41; skew and shadow vary it)
MAX_OVERLAP_X = 0.15  # share of the narrower sheet's width their boxes may overlap across (skewed sheets)
MIN_OVERLAP_Y = 0.5  # share of the shorter sheet's height both stand beside each other
BORDER = 0.03  # width of the image's outer ring, as a share of its shorter side
MIN_DESK_BORDER = 0.5  # share of that ring that is not paper when the photo shows a desk round the sheets
DESK_LIGHTNESS = 45.0  # Lab lightness (0..255 scale) the gap may differ from the desk by: sheets cast shadows
DESK_CHROMA = 18.0  # Lab a*/b* distance (0..255 scale) the gap may differ from the desk by
PAD = 0.01  # share of the image's width added round each sheet's box: paper in shadow at its edge is kept


def sheet_boxes(image: Image.Image) -> list[Box]:
    """The boxes (x0, y0, x1, y1, in `image`'s pixels) of two sheets side by side, left first; [] for one sheet."""
    small, scale = small_copy(image)
    regions = _two_sheets(small)
    if regions is None:
        return []
    labels, left, right = regions
    return [_box(labels == label, scale, image.size) for label in (left, right)]


def split_sheets(image: Image.Image) -> list[Image.Image]:
    """`image` cut into one image per sheet when it shows two sheets side by side, else [`image`]."""
    small, scale = small_copy(image)
    regions = _two_sheets(small)
    if regions is None:
        return [image]
    labels, left, right = regions
    desk = _desk_colour(small, labels)
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    crops = []
    for label, other in ((left, right), (right, left)):
        box = _box(labels == label, scale, image.size)
        crop = rgb.crop(tuple(round(v) for v in box))
        crops.append(_paint_out(crop, labels == other, box, scale, desk))
    return crops


def split_page(page: Page) -> list[Page]:
    """`page` as one page per sheet its (loaded) image shows; [`page`] when it shows one.

    Only a page still to be OCRed is looked at: a text layer's boxes belong to the page as it is.
    The new pages carry the number of `page`; the caller renumbers its document.
    """
    if page.image is None or page.text_source is not None:
        return [page]
    sheets = split_sheets(page.image)
    if len(sheets) == 1:
        return [page]
    return [Page(number=page.number, image=sheet, width=sheet.width, height=sheet.height) for sheet in sheets]


def _two_sheets(small: np.ndarray) -> tuple[np.ndarray, int, int] | None:
    """The component labels of `small`'s paper and the labels of the left and right sheet, or None."""
    paper = paper_mask(small)
    height, width = paper.shape
    ring = max(2, round(BORDER * min(height, width)))
    border = np.concatenate([paper[:ring].ravel(), paper[-ring:].ravel(), paper[:, :ring].ravel(),
                             paper[:, -ring:].ravel()])
    if 1.0 - border.mean() < MIN_DESK_BORDER:
        return None  # paper to the edges: a scan, or a sheet filling the frame
    # An opening breaks the one-pixel bridges JPEG noise leaves across a narrow strip of desk.
    opened = cv2.morphologyEx(paper.astype(np.uint8), cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(opened, connectivity=4)
    sheets = [i for i in range(1, count) if _is_sheet(labels == i, stats[i], paper.size)]
    if len(sheets) != 2:
        return None
    left, right = sorted(sheets, key=lambda i: stats[i, cv2.CC_STAT_LEFT])
    if not _side_by_side(stats[left], stats[right]):
        return None
    if not _gap_is_desk(small, labels, left, right, ring):
        return None
    return labels, left, right


def _is_sheet(mask: np.ndarray, stat: np.ndarray, image_area: int) -> bool:
    """A paper component (`mask`, its `stat` row) large, solid and shaped like an upright sheet."""
    w, h = int(stat[cv2.CC_STAT_WIDTH]), int(stat[cv2.CC_STAT_HEIGHT])
    if stat[cv2.CC_STAT_AREA] < MIN_AREA * image_area or not SHEET_ASPECT[0] <= h / w <= SHEET_ASPECT[1]:
        return False
    # Solid within its outline: the cells a table's rules close off, and the text, are the sheet's too.
    contours, _ = cv2.findContours(mask.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    return sum(cv2.contourArea(c) for c in contours) >= MIN_SOLID * w * h


def _side_by_side(left: np.ndarray, right: np.ndarray) -> bool:
    """The two boxes stand beside each other: little overlap across, much overlap down."""
    lx0, ly0, lw, lh = (int(v) for v in left[:4])
    rx0, ry0, rw, rh = (int(v) for v in right[:4])
    across = min(lx0 + lw, rx0 + rw) - max(lx0, rx0)
    down = min(ly0 + lh, ry0 + rh) - max(ly0, ry0)
    return across <= MAX_OVERLAP_X * min(lw, rw) and down >= MIN_OVERLAP_Y * min(lh, rh)


def _gap_is_desk(small: np.ndarray, labels: np.ndarray, left: int, right: int, ring: int) -> bool:
    """The pixels between the sheets, row by row, have the colour of the desk seen at the image's border."""
    rows = np.nonzero((labels == left).any(axis=1) & (labels == right).any(axis=1))[0]
    columns = np.arange(labels.shape[1])
    gap = np.zeros(labels.shape, dtype=bool)
    for y in rows:  # at most 400 rows of the small copy
        left_end = columns[labels[y] == left].max() + 1
        right_start = columns[labels[y] == right].min()
        gap[y, left_end:right_start] = True
    gap &= labels == 0  # text holes and specks inside either sheet are no desk
    if gap.sum() < len(rows):  # under a pixel a row: the sheets touch, or overlap
        return False
    # A sheet's edge pixel is half paper, half desk on the small copy: the desk is what lies past it.
    inner = gap & ~cv2.dilate((labels > 0).astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    if inner.sum() >= 0.5 * len(rows):
        gap = inner
    lab = cv2.cvtColor(small, cv2.COLOR_RGB2LAB).astype(np.float32)
    desk = _border_desk(labels, ring)
    gap_colour, desk_colour = np.median(lab[gap], axis=0), np.median(lab[desk], axis=0)
    lightness = abs(gap_colour[0] - desk_colour[0])
    chroma = float(np.hypot(gap_colour[1] - desk_colour[1], gap_colour[2] - desk_colour[2]))
    return lightness <= DESK_LIGHTNESS and chroma <= DESK_CHROMA


def _border_desk(labels: np.ndarray, ring: int) -> np.ndarray:
    """The non-paper pixels of the image's outer ring: the desk round the sheets."""
    ring_mask = np.zeros(labels.shape, dtype=bool)
    ring_mask[:ring], ring_mask[-ring:], ring_mask[:, :ring], ring_mask[:, -ring:] = True, True, True, True
    return ring_mask & (labels == 0)


def _desk_colour(small: np.ndarray, labels: np.ndarray) -> tuple[int, int, int]:
    """The median RGB of the desk at the image's border, to paint a neighbouring sheet out with."""
    ring = max(2, round(BORDER * min(labels.shape)))
    return tuple(int(v) for v in np.median(small[_border_desk(labels, ring)], axis=0))


def _box(mask: np.ndarray, scale: float, size: tuple[int, int]) -> Box:
    """`mask`'s bounding box, padded by PAD of the width, in the full image's pixels."""
    ys, xs = np.nonzero(mask)
    pad = PAD * mask.shape[1]
    return (max(0.0, (xs.min() - pad) / scale), max(0.0, (ys.min() - pad) / scale),
            min(float(size[0]), (xs.max() + 1 + pad) / scale), min(float(size[1]), (ys.max() + 1 + pad) / scale))


def _paint_out(crop: Image.Image, other: np.ndarray, box: Box, scale: float,
               desk: tuple[int, int, int]) -> Image.Image:
    """`crop` with the other sheet's paper that reaches into it (skew) painted desk colour."""
    # Dilated by two small-copy pixels: the other sheet's shaded edge is not left as a bright sliver.
    grown = cv2.dilate(other.astype(np.uint8), np.ones((5, 5), np.uint8))
    full = cv2.resize(grown, (round(grown.shape[1] / scale), round(grown.shape[0] / scale)),
                      interpolation=cv2.INTER_NEAREST)
    x0, y0 = round(box[0]), round(box[1])
    part = full[y0:y0 + crop.height, x0:x0 + crop.width].astype(bool)
    if not part.any():
        return crop
    pixels = np.array(crop)
    pixels[: part.shape[0], : part.shape[1]][part] = desk
    return Image.fromarray(pixels)
