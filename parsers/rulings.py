"""Ruling lines of a form: the printed horizontal and vertical rules that make its cells.

Schools send approval forms (审批表) and boxed opinion tables whose cells, not the
position of one label, say where a block begins and ends. Rules are found with
OpenCV's morphological opening (a long thin kernel keeps only straight runs of
dark pixels), on a reduced copy of the page; red ink (seals, red letterheads)
is not print and is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import cv2
import numpy as np
from PIL import Image

from parsers.model import Box, TextLine
from parsers.seal import red_mask

WORK_WIDTH = 1000  # px: rules stay several pixels long at this width, and it is cheap
MIN_RULE = 0.06  # shortest rule, as a share of the page width (a narrow label cell's border)
DARK = 160  # grey level below which a pixel is print


def straight_runs(ink: np.ndarray, across: int, down: int) -> np.ndarray:
    """Pixels (uint8 0/1, of `ink`'s shape) on straight runs of `ink` (uint8 0/1) at least `across` px
    long flat or `down` px long upright, grown by a pixel all round: rules, a stamp's frame."""
    runs = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, across), np.uint8))
    runs |= cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((down, 1), np.uint8))
    return cv2.dilate(runs, np.ones((3, 3), np.uint8))


@dataclass(frozen=True)
class Rule:
    """One straight rule in page pixels: `at` is its y (horizontal) or x (vertical), `start`..`end` its extent."""

    at: float
    start: float
    end: float

    def covers(self, value: float, slack: float) -> bool:
        return self.start - slack <= value <= self.end + slack


@dataclass
class Rulings:
    horizontal: list[Rule]
    vertical: list[Rule]
    slack: float  # px: how far a rule may fall short of a crossing rule and still close a cell
    width: float = float("inf")  # px, of the page: a table cut off by the page's edge ends there

    def cell_at(self, x: float, y: float) -> Box | None:
        """The ruled cell around the point (x0, y0, x1, y1), or None when rules do not close it on all sides."""
        above = [r.at for r in self.horizontal if r.at < y and r.covers(x, self.slack)]
        below = [r.at for r in self.horizontal if r.at > y and r.covers(x, self.slack)]
        left = [r for r in self.vertical if r.at < x and r.covers(y, self.slack) and self._walls(r, above, below)]
        right = [r for r in self.vertical if r.at > x and r.covers(y, self.slack) and self._walls(r, above, below)]
        if left and not right:  # the scan cut the table's last column: rules that run off the page close it
            right = self._page_edge(above, below)
        if not (left and right):
            return None
        side_l, side_r = max(left, key=lambda r: r.at), min(right, key=lambda r: r.at)
        # A seal stamped over a cell's corner hides a stretch of rule (red ink is not print): where
        # both side rules stop at the same height, that is the cell's top or bottom.
        if not above and abs(side_l.start - side_r.start) <= 2 * self.slack:
            above = [max(side_l.start, side_r.start)]
        if not below and abs(side_l.end - side_r.end) <= 2 * self.slack:
            below = [min(side_l.end, side_r.end)]
        if not (above and below):
            return None
        return (side_l.at, max(above), side_r.at, min(below))

    def _walls(self, rule: Rule, above: list[float], below: list[float]) -> bool:
        """Whether an upright rule runs WALL_SHARE of the way between the nearest rules `above` and `below`
        (heights), where both are known: a photo's fold or a 名章's frame leaves a short upright stretch
        inside a tall cell, which walls nothing."""
        if not (above and below):
            return True
        top, bottom = max(above), min(below)
        return min(rule.end, bottom) - max(rule.start, top) >= WALL_SHARE * (bottom - top) - self.slack

    def _page_edge(self, above: list[float], below: list[float]) -> list[Rule]:
        """The page's right edge as a rule, where the nearest of the rules `above` and `below` a point (their
        heights) run off it (any stretch of them: a stamp over a rule breaks it in pieces)."""
        def runs_off(at: float) -> bool:
            return any(abs(r.at - at) <= self.slack and r.end >= self.width - 2 * self.slack for r in self.horizontal)

        if above and below and runs_off(max(above)) and runs_off(min(below)):
            return [Rule(at=self.width, start=max(above), end=min(below))]
        return []

    def row_right(self, cell: Box) -> float | None:
        """The right edge of the ruled row a cell belongs to: the farthest vertical rule spanning its middle;
        where none does (a seal stamped over the row's right rule hides it: red ink is not print), the
        nearer of the ends of the row's top and bottom rules, when both run on past the cell."""
        y = (cell[1] + cell[3]) / 2
        edges = [r.at for r in self.vertical if r.at > cell[2] and r.covers(y, self.slack)]
        if edges:
            return max(edges)
        ends = [max((r.end for r in self.horizontal if abs(r.at - at) <= self.slack and r.covers(cell[2], self.slack)),
                    default=None) for at in (cell[1], cell[3])]
        if any(end is None or end <= cell[2] + self.slack for end in ends):
            return None
        return min(end for end in ends if end is not None)


    def uncrossed(self, lines: list[TextLine], h: float) -> Rulings:
        """These rulings less the vertical rules that lines of text run across: a photo's fold or crease,
        the edge of a shadow. A form's text stays inside its cells, though a hand may write a little past
        a cell's edge; CROSSING_LINES lines that each run on CROSSING_RUN print heights `h` (px) past
        either side of one rule are neither that nor a chance merging of two cells by OCR. A rule where
        horizontal rules end is a form's border, however far past it dates are written by hand."""
        reach = CROSSING_RUN * h

        def crossed(rule: Rule) -> bool:
            return sum(ln.box[0] < rule.at - reach and ln.box[2] > rule.at + reach
                       and rule.covers((ln.box[1] + ln.box[3]) / 2, 0.0) for ln in lines) >= CROSSING_LINES

        def border(rule: Rule) -> bool:
            return any(rule.covers(other.at, self.slack) and min(abs(other.start - rule.at), abs(other.end - rule.at))
                       <= self.slack for other in self.horizontal)

        return replace(self, vertical=[r for r in self.vertical if border(r) or not crossed(r)])


CROSSING_LINES, CROSSING_RUN = 2, 1.5
WALL_SHARE = 0.5  # of a cell's height that its side rules run at least


def find_rulings(image: Image.Image) -> Rulings:
    """Horizontal and vertical rules of the page, in its own pixels; empty lists on an unruled page."""
    rgb = np.asarray(image.convert("RGB"))
    scale = min(1.0, WORK_WIDTH / rgb.shape[1])
    small = cv2.resize(rgb, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else rgb
    bgr = np.ascontiguousarray(small[:, :, ::-1])
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    # Darker than the paper around it, so a shadow across a photo is not taken for ink.
    local = cv2.adaptiveThreshold(grey, 1, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)
    # A washed-out scan prints its rules lighter than DARK: then the page's own split of ink from paper.
    level = max(DARK, cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[0])
    red = red_mask(bgr) > 0
    ink = ((grey < level) & (local > 0) & ~red).astype(np.uint8)
    length = max(12, int(MIN_RULE * small.shape[1]))
    # A scan is seldom perfectly straight: close one-pixel steps before opening along the rule.
    flat = cv2.morphologyEx(cv2.dilate(ink, np.ones((3, 1), np.uint8)), cv2.MORPH_OPEN, np.ones((1, length), np.uint8))
    tall = cv2.morphologyEx(cv2.dilate(ink, np.ones((1, 3), np.uint8)), cv2.MORPH_OPEN, np.ones((length, 1), np.uint8))
    horizontal, vertical = _rules(flat, horizontal=True), _rules(tall, horizontal=False)
    marked = (ink > 0) | red
    return Rulings(
        horizontal=[_scaled(r, scale) for r in _bridged(horizontal, vertical, marked.T)],
        vertical=[_scaled(r, scale) for r in _bridged(vertical, horizontal, marked)],
        slack=8 / scale,
        width=float(rgb.shape[1]),
    )


RULE_CARRIED = 0.8  # share of a rule's gap to its crossing rule that ink (print or red) must mark


def _bridged(rules: list[Rule], crossing: list[Rule], marked: np.ndarray) -> list[Rule]:
    """The rules carried on to the crossing rule they stop short of, where ink marks the stretch between:
    a seal's ring across a column's wall leaves a piece of it too short to pass for a rule, and red ink
    is no print. A form's rule ends where it meets another, never in the middle of a cell. `marked` is
    the work image's print or red ink, indexed [along the rule, across it] (transposed for horizontal
    rules); rules in work pixels."""
    slack = 8

    def carried(at: float, a: float, b: float) -> bool:
        across = int(round(at))
        strip = marked[int(a):int(b) + 1, max(0, across - 2):across + 3]
        return strip.size > 0 and strip.any(axis=1).mean() >= RULE_CARRIED

    out = []
    for rule in rules:
        meeting = [c.at for c in crossing if c.covers(rule.at, slack)]
        before = [at for at in meeting if at < rule.start - slack]
        after = [at for at in meeting if at > rule.end + slack]
        start, end = rule.start, rule.end
        if before and carried(rule.at, max(before), rule.start):
            start = max(before)
        if after and carried(rule.at, rule.end, min(after)):
            end = min(after)
        out.append(replace(rule, start=start, end=end))
    return out


def _rules(mask: np.ndarray, *, horizontal: bool) -> list[Rule]:
    count, _labels, stats, _centres = cv2.connectedComponentsWithStats(mask, connectivity=8)
    rules = []
    for i in range(1, count):
        x, y, w, h = stats[i, :4]
        if horizontal:
            rules.append(Rule(at=y + h / 2, start=float(x), end=float(x + w)))
        else:
            rules.append(Rule(at=x + w / 2, start=float(y), end=float(y + h)))
    return rules


def _scaled(rule: Rule, scale: float) -> Rule:
    return Rule(at=rule.at / scale, start=rule.start / scale, end=rule.end / scale)
