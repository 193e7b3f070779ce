"""A second look at print the page's OCR left out: ink in a row of text that no box covers.

The page detector sees a reduced copy of the page (parsers.ocr.rapid, for speed). A printed line with
a signature written into it (分管校领导意见 … 负责人（签字）：<scribble>) may then come out as one blob whose
score is below the detector's threshold, and the whole line, label and all, is lost. Where the page
has a line's worth of dark ink that no OCR box covers — long and flat as a line of text is, not a
rule, a seal or a speck — that strip alone is read again, more leniently (`OcrEngine.reread`), and
the lines found in it are added.
"""

from __future__ import annotations

from collections.abc import Callable
from statistics import median

import cv2
import numpy as np
from PIL import Image

from parsers.model import TextLine
from parsers.ocr import reading_order
from parsers.rulings import straight_runs
from parsers.seal import INK

Recognize = Callable[[Image.Image], list[TextLine]]

MIN_LINE_GLYPHS = 8  # print heights of ink side by side that make a missed line (a signature is shorter)
TALLEST_LINE = 3.0  # print heights: taller runs of ink are a seal's ring, a drawing or a photo's edge
MIN_DARK_SHARE = 0.04  # of a candidate strip's pixels that are ink: fewer is a smudge or a shadow's edge
MAX_STRIPS = 4  # re-read at most this many strips a page, largest first: a page OCR did not read is no case
PAD = 0.6  # print heights of margin around a strip, so the detector sees the glyphs whole


def missed_lines(image: Image.Image, lines: list[TextLine], recognize: Recognize) -> list[TextLine]:
    """Lines read from strips of `image` where a line's worth of ink lies outside every box of `lines`.

    `image` is the page as OCR read it (seal ink removed), `lines` what OCR found, in its pixels;
    `recognize` reads a strip's lines (the engine's `reread`). The lines returned are in page pixels and
    overlap none of `lines`; [] when nothing was missed or the page has too few lines to tell print by.
    """
    heights = [ln.box[3] - ln.box[1] for ln in lines if ln.text.strip()]
    if len(heights) < 3:
        return []
    h = median(heights)
    found: list[TextLine] = []
    for x0, y0, x1, y1 in _uncovered_strips(image, lines, h):
        strip = image.crop((x0, y0, x1, y1))
        for line in recognize(strip):
            bx0, by0, bx1, by1 = line.box
            box = (bx0 + x0, by0 + y0, bx1 + x0, by1 + y0)
            if not any(_overlap(box, other.box) > 0.3 for other in lines + found):
                found.append(TextLine(line.text, box, line.confidence))
    return reading_order(found)


def _uncovered_strips(image: Image.Image, lines: list[TextLine], h: float) -> list[tuple[int, int, int, int]]:
    """Boxes (page pixels) of runs of dark ink no OCR box covers, as long and flat as a line of text."""
    scale = min(1.0, WORK_LINE / h)
    dark = (np.asarray(image.convert("L")) < INK).astype(np.uint8) * 255
    # A reduced cell holds ink if any of its pixels did: thin print strokes are not averaged away.
    ink = (cv2.resize(dark, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) > 0).astype(np.uint8)
    sh = h * scale
    pad = max(1, round(0.25 * sh))
    for line in lines:
        x0, y0, x1, y1 = (round(v * scale) for v in line.box)
        ink[max(0, y0 - pad) : y1 + pad, max(0, x0 - pad) : x1 + pad] = 0
    long = max(3, round(3 * sh))  # straight runs longer than three print heights are rules, not glyphs
    ink &= 1 - straight_runs(ink, long, long)
    # Glyphs of one line join across their spacing; lines above and below stay apart.
    joined = cv2.dilate(ink, np.ones((max(1, round(0.3 * sh)), max(1, round(1.5 * sh))), np.uint8))
    n, _labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    runs = sorted((x, y, x + w, y + hh) for x, y, w, hh, _ in stats[1:n] if 0.5 * sh <= hh <= TALLEST_LINE * sh)
    strips: list[tuple[int, int, int, int]] = []
    for x0, y0, x1, y1 in runs:  # words of one line a wide space apart are one strip
        last = strips[-1] if strips else None
        if last and x0 - last[2] <= 2 * sh and min(y1, last[3]) - max(y0, last[1]) > 0.5 * sh:
            strips[-1] = (last[0], min(y0, last[1]), max(x1, last[2]), max(y1, last[3]))
        else:
            strips.append((x0, y0, x1, y1))
    wide = [s for s in strips if s[2] - s[0] >= MIN_LINE_GLYPHS * sh
            and ink[s[1] : s[3], s[0] : s[2]].mean() >= MIN_DARK_SHARE]
    width, height = image.size
    return [(max(0, round(x0 / scale - PAD * h)), max(0, round(y0 / scale - PAD * h)),
             min(width, round(x1 / scale + PAD * h)), min(height, round(y1 / scale + PAD * h)))
            for x0, y0, x1, y1 in sorted(wide, key=lambda s: (s[2] - s[0]) * (s[3] - s[1]), reverse=True)[:MAX_STRIPS]]


WORK_LINE = 12  # px a print line is tall on the reduced copy the strips are looked for on


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """The share of the smaller box that the two boxes have in common."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    hh = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or hh <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w * hh / smaller if smaller > 0 else 0.0
