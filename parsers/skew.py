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
    return slope if abs(slope) < MAX_SLOPE else 0.0


def _level(a: TextLine, b: TextLine) -> bool:
    return abs(_cy(a) - _cy(b)) < 0.6 * min(_height(a), _height(b))


def _cx(line: TextLine) -> float:
    return (line.box[0] + line.box[2]) / 2


def _cy(line: TextLine) -> float:
    return (line.box[1] + line.box[3]) / 2


def _height(line: TextLine) -> float:
    return max(line.box[3] - line.box[1], 1.0)
