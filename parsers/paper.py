"""Where the sheet of paper lies in a phone photo: the desk round it is no part of any block.

A desk seen past the paper's edge can be red, blue or dark wood, and so passes for stamp or pen
ink. Paper is bright and unsaturated; on a small copy, the columns and rows mostly made of such
pixels span the sheet. A scan is paper to its edges, and its box is the whole image.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np
from PIL import Image

from parsers.model import Box

WORK_SIDE = 400  # px of the small copy: the sheet's edges need no finer place than a few mm
PAPER_VALUE = 150  # HSV value (0..255) paper reaches even in a dim photo; a wood or dark desk stays below
PAPER_SATURATION = 60  # HSV saturation (0..255) paper stays under; a red, blue or wood desk is above
PAPER_SHARE = 0.5  # a column or row of the sheet is at least this much paper (the rest ink, shadow)


def paper_box(image: Image.Image, print_boxes: Sequence[Box] = ()) -> Box:
    """The sheet's bounding box (x0, y0, x1, y1) in `image`'s pixels; the whole image when no edge shows,
    or when the box found holds under half of `print_boxes` (the page's text lines, by their centres):
    then a pale desk passed for paper and the sheet did not (yellowish paper is too saturated)."""
    whole = (0.0, 0.0, float(image.width), float(image.height))
    small, scale = small_copy(image)
    paper = paper_mask(small)
    # The sheet is the longest run of paper, not the white a turned photo was padded with.
    columns = longest_run(_bridged(paper.mean(axis=0) >= PAPER_SHARE))
    rows = longest_run(_bridged(paper.mean(axis=1) >= PAPER_SHARE))
    if columns is None or rows is None or (columns == (0, paper.shape[1]) and rows == (0, paper.shape[0])):
        return whole
    box = (columns[0] / scale, rows[0] / scale, min(image.width, columns[1] / scale),
           min(image.height, rows[1] / scale))
    inside = sum(box[0] <= (b[0] + b[2]) / 2 <= box[2] and box[1] <= (b[1] + b[3]) / 2 <= box[3] for b in print_boxes)
    return whole if 2 * inside < len(print_boxes) else box


def small_copy(image: Image.Image) -> tuple[np.ndarray, float]:
    """`image` as an RGB array at most WORK_SIDE px on its longer side, and the factor it was scaled by (<= 1)."""
    rgb = np.asarray(image.convert("RGB"))
    scale = min(1.0, WORK_SIDE / max(rgb.shape[:2]))
    small = cv2.resize(rgb, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else rgb
    return np.ascontiguousarray(small), scale


def paper_mask(rgb: np.ndarray) -> np.ndarray:
    """True where an RGB array (H x W x 3, uint8) is paper: bright (V >= 150) and unsaturated (S <= 60)."""
    hsv = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2HSV)
    return (hsv[..., 2] >= PAPER_VALUE) & (hsv[..., 1] <= PAPER_SATURATION)


def _bridged(flags: np.ndarray) -> np.ndarray:
    """Flags with gaps under 5 % of their length filled: a table's rule or a dark title band is paper too."""
    k = max(3, int(0.05 * flags.size)) | 1
    closed = cv2.morphologyEx(flags.astype(np.uint8)[None, :], cv2.MORPH_CLOSE, np.ones((1, k), np.uint8))
    return closed[0].astype(bool)


def longest_run(flags: np.ndarray) -> tuple[int, int] | None:
    """[start, end) of the longest run of True in a 1-D array of flags, or None when none is True."""
    best: tuple[int, int] | None = None
    start = None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            if best is None or i - start > best[1] - best[0]:
                best = (start, i)
            start = None
    return best
