"""An opinion given by ticking a printed box: □同意 □不同意, or 审核结果 □通过 □不通过.

A form that offers its choices as boxes is answered by a pen mark (✓, √ or ×) over one box. OCR reads
the row's print but not the choice: the marked box is dropped or read as some glyph, the empty one as □
or 口, so the row's text says both 同意 and 不同意 whatever was chosen. The choice is read from the ink:
the row's boxes are found as small squares closed on four sides (print rules, which pen strokes are not),
and the box with pen ink over it beyond its own sides is the chosen one. A check glyph OCR did read (☑同意,
√同意: a typed form) decides without the image.
"""

from __future__ import annotations

import re

import cv2
import numpy as np
from PIL import Image

from parsers.approval_labels import clean
from parsers.model import Box, TextLine
from parsers.signature import blueness, overlaps_any

# The options a box may stand before, the negative first: 同意 is also the tail of 不同意.
OPTION = re.compile(r"不同意|同意|不通过|通过")
_CHECKED = re.compile(r"[☑✓✔√☒⊠✗✘]\s*(不同意|同意|不通过|通过)")
# A box is a closed square about a glyph high: smaller is a full stop, larger a ruled cell.
BOX_SIDE = (0.3, 1.3)  # of the print height (an OCR line box, taller than its glyphs)
BOX_ASPECT = 0.75  # the shorter side at least this share of the longer
SIDE_COVER = 0.6  # share of its height a box's side rule covers (a glyph like 同 has no bottom)
SIDE_SLACK = 0.2  # of a box's width its rules' ends may stray
RULE_RUN = 0.35  # print heights a straight stroke runs to count as a rule
MARK_INK = 0.05  # pen ink over a box, as a share of the box's area, to count as a mark
MARK_SHARE = 0.5  # of the most-marked box's ink another box needs to count as marked too


def marked_option(image: Image.Image | None, rows: list[list[TextLine]], h: float) -> str | None:
    """The opinion a form's option boxes give: the marked option with the words after the options on
    its row (同意 + 情况属实), "" when no box or more than one is marked, None when the rows offer no
    choice of boxes (not both a yes and a no, or not one box per option found on the image).

    `rows`: the OCR lines of each printed row holding options (one row □同意 □不同意, or one row per
    option stacked), each left to right, in `image`'s pixels; `h`: the page's print height in pixels.
    """
    texts = ["".join(clean(ln.text) for ln in row) for row in rows]
    options = [(o, i) for i, text in enumerate(texts) for o in OPTION.finditer(text)]
    if len(options) < 2 or not any(o.group().startswith("不") for o, _ in options):
        return None
    checked = [(m, i) for i, text in enumerate(texts) for m in _CHECKED.finditer(text)]
    if len(checked) == 1:
        return _with_remark(*checked[0], texts)
    if image is None:
        return None
    marks = []
    for row, text in zip(rows, texts, strict=True):
        row_marks = _row_marks(image, row, h)
        if row_marks is None or len(row_marks) != len(OPTION.findall(text)):
            return None
        marks += row_marks
    strongest = max(marks)
    chosen = [(o, i) for (o, i), mark in zip(options, marks, strict=True)
              if mark >= max(MARK_INK, MARK_SHARE * strongest)]
    return _with_remark(*chosen[0], texts) if len(chosen) == 1 else ""


def _with_remark(option: re.Match[str], row: int, texts: list[str]) -> str:
    """The chosen option (a match in texts[row]) and the words after the row's last option."""
    last = list(OPTION.finditer(texts[row]))[-1]
    return option.group(option.lastindex or 0) + texts[row][last.end():].lstrip("□口☐ ，,。.")


def _row_marks(image: Image.Image, row: list[TextLine], h: float) -> list[float] | None:
    """The pen ink over each printed box of one row, left to right (see `_box_marks`); None when the
    row is too small to hold one."""
    x0 = min(ln.box[0] for ln in row) - h
    top, bottom = min(ln.box[1] for ln in row), max(ln.box[3] for ln in row)
    band = (max(0, int(x0)), max(0, int(top - 0.5 * h)), min(image.width, int(max(ln.box[2] for ln in row))),
            min(image.height, int(bottom + 0.2 * h)))
    if band[2] - band[0] < h or band[3] - band[1] < 0.5 * h:
        return None
    return _box_marks(np.asarray(image.crop(band).convert("RGB"))[:, :, ::-1], h)


BLUE_PEN = 40  # blueness of blue pen ink (see signature.BLUE_BLACK): never a printed rule


def _box_marks(bgr: np.ndarray, h: float) -> list[float]:
    """For each printed box in a BGR strip, left to right, the pen ink over and about it that is
    no rule, as a share of the box's area. A box's sides are found in all the ink (a pen stroke over a
    side hides none of it); rules inside a box only in ink that is not blue: a tick's steep arm in blue
    pen stands inside its box like a glyph's stroke (田 of 果), but no printer prints blue."""
    grey = cv2.cvtColor(np.ascontiguousarray(bgr), cv2.COLOR_BGR2GRAY)
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    across, down = _rules(ink, h)
    rules = across | down
    printed = _rules(np.where(blueness(bgr) >= BLUE_PEN, 0, ink).astype(np.uint8), h)
    marks = []
    for x0, y0, x1, y1 in _boxes(_segments(across), _segments(down.T), h,
                                 (_segments(printed[0]), _segments(printed[1].T))):
        side = max(x1 - x0, y1 - y0)
        # A tick starts left of its box and rises above it; a cross reaches past all its sides.
        area = (max(0, x0 - round(0.25 * side)), max(0, y0 - round(0.6 * side)), x1 + round(0.1 * side),
                y1 + round(0.15 * side))
        pen = (ink[area[1]:area[3], area[0]:area[2]] > 0) & (rules[area[1]:area[3], area[0]:area[2]] == 0)
        marks.append(float(pen.sum()) / ((x1 - x0) * (y1 - y0)))
    return marks


def _rules(ink: np.ndarray, h: float) -> tuple[np.ndarray, np.ndarray]:
    """The straight runs of ink across and down, RULE_RUN print heights long at least."""
    run = max(3, round(RULE_RUN * h))
    return (cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (run, 1))),
            cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, run))))


Segment = tuple[int, int, float]  # a rule's start, end and position across (px)


def _segments(rule_map: np.ndarray) -> list[Segment]:
    """Straight rules of a map of rows (columns, transposed): (start, end, position across)."""
    count, _, stats, centroids = cv2.connectedComponentsWithStats(rule_map, connectivity=8)
    return [(int(x), int(x + w), float(cy)) for (x, _y, w, _h, _a), (_cx, cy) in zip(stats[1:count], centroids[1:count],
                                                                                    strict=True)]


def _boxes(across: list[Segment], down: list[Segment], h: float,
           printed: tuple[list[Segment], list[Segment]] | None = None) -> list[Box]:
    """Squares closed on four sides by the rules, left to right: a top and a bottom rule over one span and a
    rule down each end between them, and no rule of `printed` (the rules across and down in ink that is
    no pen's; default: all) inside. A pen's tick or cross over a box adds strokes, never removes a side;
    joined to a rule, a stroke runs it on past the box (a tick's tail along the top), so the box spans
    what the two rules share, and the two need end together at one end only."""
    printed = printed or (across, down)
    found: list[Box] = []
    for top in across:
        for bottom in across:
            left, right = max(top[0], bottom[0]), min(top[1], bottom[1])
            width, height = right - left, bottom[2] - top[2]
            slack = SIDE_SLACK * width
            if not (BOX_SIDE[0] * h <= width <= BOX_SIDE[1] * h and BOX_ASPECT * width <= height <= width / BOX_ASPECT
                    and (abs(top[0] - bottom[0]) <= slack or abs(top[1] - bottom[1]) <= slack)):
                continue
            sides = [next((pos for start, stop, pos in down if abs(pos - end) <= slack
                           and min(stop, bottom[2]) - max(start, top[2]) >= SIDE_COVER * height), None)
                     for end in (left, right)]
            if None not in sides:
                box = (round(sides[0]), round(top[2]), round(sides[1]), round(bottom[2]))
                # 田 in 果 or 理 is a square of rules too, but ruled inside, in print's ink (a blue tick's steep
                # arm inside its box is no rule), and a glyph's stroke down hangs from its top rule where a
                # black tick's short arm drops from the box's middle.
                ruled_inside = (any(_crosses(seg, box[0], box[2], box[1], box[3]) for seg in printed[0])
                                or any(_crosses(seg, box[1], box[3], box[0], box[2]) and seg[0] <= box[1] + slack
                                       for seg in printed[1]))
                if not ruled_inside and not overlaps_any(box, found):
                    found.append(box)
    return sorted(found)


def _crosses(segment: Segment, start: float, stop: float, low: float, high: float) -> bool:
    """A rule runs across half of start..stop at a position well inside low..high."""
    inset = 0.2 * (high - low)
    return (low + inset < segment[2] < high - inset
            and min(segment[1], stop) - max(segment[0], start) >= 0.5 * (stop - start))
