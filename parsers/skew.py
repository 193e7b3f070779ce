"""Take a scan's skew out of its text boxes, so a tilted table row stays one row.

A scan skewed by 1.5° drops 25 px across a table, as much as a line of text. The
slope comes from boxes that stand side by side on one line (the cells of a row);
prose lines are one box each and say nothing about it.
"""

from __future__ import annotations

from statistics import median

from parsers.model import TextLine

MAX_SLOPE = 0.06  # beyond ~3.5° it is no scanner skew: leave the boxes alone


def straighten(lines: list[TextLine]) -> list[TextLine]:
    """Copies of the boxes, each moved up or down by the page's slope times its x."""
    slope = text_slope([line for line in lines if line.text.strip()])
    if slope == 0.0:
        return lines
    return [
        TextLine(line.text, (x0, y0 - slope * (x0 + x1) / 2, x1, y1 - slope * (x0 + x1) / 2), line.confidence)
        for line in lines
        for x0, y0, x1, y1 in [line.box]
    ]


def text_slope(lines: list[TextLine]) -> float:
    """Median dy/dx between each box and its nearest right-hand neighbour on the same line; 0 if unsure."""
    slopes = []
    for left in lines:
        beside = [line for line in lines if line.box[0] >= left.box[2] and _level(line, left)]
        if beside:
            right = min(beside, key=lambda line: line.box[0])
            dx = _cx(right) - _cx(left)
            if dx > 2 * _height(left):
                slopes.append((_cy(right) - _cy(left)) / dx)
    if len(slopes) < 3:
        return 0.0
    slope = median(slopes)
    return slope if abs(slope) < MAX_SLOPE and _lines_as_slanted(lines, slope) else 0.0


def _lines_as_slanted(lines: list[TextLine], slope: float) -> bool:
    """Whether the page's long lines are boxed as tall as `slope` makes them. A box holds its line's
    glyphs, so a line set askew is `slope` × its width taller than they are: full lines of prose cannot
    hide a slant, while boxes side by side may stand at other levels for their layout alone (a label
    wrapped over two lines beside 同意。 and 负责人（签字）：). Without three long lines, unknown: True."""
    long = [ln for ln in lines if ln.box[2] - ln.box[0] >= LONG_LINE * _height(ln)]
    short = [ln for ln in lines if ln.box[2] - ln.box[0] < LONG_LINE * _height(ln)]
    if len(long) < 3 or not short:
        return True
    taller = median(map(_height, long)) - median(map(_height, short))
    wider = median(ln.box[2] - ln.box[0] for ln in long) - median(ln.box[2] - ln.box[0] for ln in short)
    return taller >= SLANT_SHOWN * abs(slope) * wider


LONG_LINE = 10  # heights: a box at least this many times as wide as tall holds a line of prose or a table row
SLANT_SHOWN = 0.5  # share of the height a slope adds to a long line that its box must show


def _level(a: TextLine, b: TextLine) -> bool:
    return abs(_cy(a) - _cy(b)) < 0.6 * min(_height(a), _height(b))


def _cx(line: TextLine) -> float:
    return (line.box[0] + line.box[2]) / 2


def _cy(line: TextLine) -> float:
    return (line.box[1] + line.box[3]) / 2


def _height(line: TextLine) -> float:
    return max(line.box[3] - line.box[1], 1.0)
