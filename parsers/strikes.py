"""Struck-out text: a value crossed through with a pen line, its correction written beside it.

A school that corrects a typed form by hand strikes the old value through (one line or two, 中级 → ̶中̶级̶)
and writes the new one above or beside it. OCR reads both, so the cell says 高级中级 or 100人90人; the
struck words are withdrawn and are no part of what the form states. A strike is a stroke through the
middle of a line's glyphs that runs unbroken across nearly all of its ink, which no glyph's own stroke
does (glyphs stand apart), and that stops where the words stop, which a table's rule does not.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

from parsers.model import Box, TextLine
from parsers.signature import overlaps_any

MIDDLE = (0.25, 0.75)  # of a line box's height where a strike runs (an underline runs lower)
MAX_SLOPE = 0.2  # rise over run of a strike: a hand's line slopes a little, a glyph's diagonals steeply
STRIKE_COVER = 0.8  # of the words' ink width a strike runs across unbroken
MIN_WIDTH = 1.2  # line heights of ink a line needs to be judged: a lone 一 is a glyph, not a strike
UNBROKEN = 0.97  # share of a strike's length inked: a dry pen may skip, the gaps between glyphs are wider
MIN_HEIGHT = 30  # px of a line's box below which its glyphs run together (100 dpi): no stroke tells from them
PREFILTER_ROWS = 0.15  # of the line height: rows taken together for the cheap test
PREFILTER_RUN = 0.4  # of the words' width an unbroken run reaches there before Hough is asked
GAP = 0.08  # of the line height a pen line may skip (a dry pen, a faint scan) and still be one stroke


def struck_lines(image: Image.Image, lines: list[TextLine], keep_clear: list[Box]) -> list[TextLine]:
    """The lines of `lines` (OCR lines in `image`'s pixels) struck through, in their order. Lines
    overlapping a box of `keep_clear` (official seals, whose ring crosses the words under it) are never struck.
    """
    grey = np.asarray(image.convert("L"))
    return [ln for ln in lines if not overlaps_any(ln.box, keep_clear) and _is_struck(grey, ln.box)]


def _is_struck(grey: np.ndarray, box: Box) -> bool:
    x0, y0, x1, y1 = (round(v) for v in box)
    height = y1 - y0
    pad = height // 2
    left, right = max(0, x0 - pad), min(grey.shape[1], x1 + pad)
    crop = grey[max(0, y0):min(grey.shape[0], y1), left:right]
    if crop.size == 0 or height < MIN_HEIGHT:
        return False
    _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    # The words' extent from the box's middle half: a cell's rule may run along its foot, the
    # correction written above may reach into its top.
    inside = ink[height // 4:height - height // 4, x0 - left:x1 - left]
    columns = np.flatnonzero(inside.any(axis=0))
    if columns.size == 0 or columns[-1] - columns[0] < MIN_WIDTH * height:
        return False
    words = columns[-1] - columns[0] + 1
    # A hand's strike slopes: a straight segment, not one row of pixels, runs through the words.
    band = ink[round(MIDDLE[0] * height):round(MIDDLE[1] * height)]
    # First the cheap test most print fails: no long unbroken run across the gaps between its glyphs
    # (rows taken a few together, as a strike slopes).
    rows = cv2.dilate(band, np.ones((max(1, round(PREFILTER_ROWS * height)), 1), np.uint8))
    if not cv2.morphologyEx(rows, cv2.MORPH_OPEN, np.ones((1, max(2, round(PREFILTER_RUN * words))), np.uint8)).any():
        return False
    segments = cv2.HoughLinesP(band, 1, np.pi / 180, threshold=max(8, round(0.5 * words)),
                               minLineLength=STRIKE_COVER * words, maxLineGap=max(1, round(GAP * height)))
    for sx0, sy0, sx1, sy1 in ([] if segments is None else segments.reshape(-1, 4).tolist()):
        flat = abs(sy1 - sy0) <= MAX_SLOPE * abs(sx1 - sx0)
        if (flat and min(sx0, sx1) > 0 and max(sx0, sx1) < band.shape[1] - 1  # a rule runs on past the words
                and _unbroken(band, (sx0, sy0, sx1, sy1))):
            return True
    return False


def _unbroken(ink: np.ndarray, segment: tuple[int, int, int, int]) -> bool:
    """Ink lies along the whole segment, within a pixel of it: a pen's line, where a row through dense
    print (which Hough joins across the gaps between glyphs) keeps breaking."""
    x0, y0, x1, y1 = segment
    xs = np.arange(min(x0, x1), max(x0, x1) + 1)
    ys = np.rint(np.interp(xs, (x0, x1) if x0 <= x1 else (x1, x0), (y0, y1) if x0 <= x1 else (y1, y0))).astype(int)
    rows = [np.clip(ys + dy, 0, ink.shape[0] - 1) for dy in (-1, 0, 1)]
    inked = np.any([ink[r, xs] > 0 for r in rows], axis=0)
    return float(inked.mean()) >= UNBROKEN
