"""Logical rows of a table body: which boxes belong to which change, with wrapped and merged cells.

Rows are opened by "starter" cells (a number under 序号, else a field name under
调整事项, else the value columns); the border between two rows is the widest empty
vertical gap in the one-per-row columns; a merged certificate cell covers the
rows nearest to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median, quantiles

from parsers.model import Box, TextLine
from parsers.normalise import compact, parse_field

Role = tuple[str, str | None]
"""(kind, qualifier): kind is seq/cert/field/from/to/level/major/count/reason; the qualifier
names the field a from/to column holds in wide tables (原人数 → ("from", "headcount"))."""
Span = tuple[float, float]


@dataclass
class Fragment:
    """One text box, with geometry helpers."""

    line: TextLine
    column: int = -1

    @property
    def text(self) -> str:
        return self.line.text

    @property
    def top(self) -> float:
        return self.line.box[1]

    @property
    def bottom(self) -> float:
        return self.line.box[3]

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def cx(self) -> float:
        return (self.line.box[0] + self.line.box[2]) / 2

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)

    @property
    def width(self) -> float:
        return self.line.box[2] - self.line.box[0]


@dataclass
class Table:
    """A table found on a page: column roles and one dict of cell texts per logical row."""

    roles: list[Role]
    rows: list[dict[Role, str]] = field(default_factory=list)
    certificate: str = ""  # the certificate a table without a 证书名称 column is about, as written above it
    extent: Box = (0.0, 0.0, 0.0, 0.0)  # where it lies on the page: its header's columns, its rows; pixels


def visual_rows(lines: list[TextLine]) -> list[list[Fragment]]:
    """Group boxes whose vertical extents overlap into rows, top to bottom, each sorted left to right.
    A watermark's words (仅供…使用, a school's name set diagonally across the page) are in no row."""
    rows: list[list[Fragment]] = []
    for frag in sorted((Fragment(line) for line in without_watermark(lines)), key=lambda f: f.cy):
        row = rows[-1] if rows else None
        if row and _overlaps_row(frag, row):
            row.append(frag)
        else:
            rows.append([frag])
    return [sorted(row, key=lambda f: f.line.box[0]) for row in rows]


def without_watermark(lines: list[TextLine]) -> list[TextLine]:
    """The lines with text, less a watermark's words set diagonally across the page (仅供…使用)."""
    lines = [line for line in lines if line.text.strip()]
    # Print's height: the lower quartile, since a page may hold as many watermark words as print lines.
    # Inclusive: from a few boxes (a cell's), an exclusive quartile would extrapolate below the smallest.
    height = (quantiles([line.box[3] - line.box[1] for line in lines], n=4, method="inclusive")[0]
              if len(lines) >= 2 else float("inf"))
    return [line for line in lines if not _diagonal(line, height)]


def _diagonal(line: TextLine, height: float) -> bool:
    """A box both taller and wider than WATERMARK print lines: words set diagonally, which no print
    line, handwritten opinion or vertical label (tall but one glyph wide) is."""
    x0, y0, x1, y1 = line.box
    return y1 - y0 > WATERMARK * height and x1 - x0 > WATERMARK * height


WATERMARK = 3.0


def _overlaps_row(frag: Fragment, row: list[Fragment]) -> bool:
    # Compare with the row's median band so a chain of tall boxes cannot swallow the page.
    top = median(f.top for f in row)
    bottom = median(f.bottom for f in row)
    overlap = min(bottom, frag.bottom) - max(top, frag.top)
    return overlap >= 0.4 * min(frag.height, bottom - top)


_MERGEABLE = {"seq", "cert", "level"}  # columns schools merge vertically over several changes
_ONE_PER_ROW = {"seq", "field", "from", "to"}  # never merged: their gaps separate the rows


def assign_rows(roles: list[Role], frags: list[Fragment]) -> Table:
    """Group a table body's fragments into logical rows (one per change)."""
    frags = [f for f in frags if 0 <= f.column < len(roles)]
    table = Table(roles)
    if not frags:
        return table
    starters = _starter_rows(roles, frags)
    if not starters:
        return table
    height = median(f.height for f in frags)
    centers = [(top + bottom) / 2 for top, bottom in starters]
    cuts = _band_cuts(roles, frags, centers)
    cells: list[tuple[int, float, list[Fragment]]] = []  # (band, centre y, fragments)
    for cell in _cells(roles, frags, height, centers, cuts):
        cy = (min(f.top for f in cell) + max(f.bottom for f in cell)) / 2
        cells.append((sum(cy > c for c in cuts), cy, cell))
    table.rows = [{} for _ in starters]
    # A wrapped cell's lines join top to bottom; boxes OCR cut one line into join left to right (a major's
    # code and its name, boxed apart: 440301 建筑工程技 / 术).
    in_cell: dict[tuple[int, Role], list[tuple[float, list[Fragment]]]] = {}
    for band, cy, cell in sorted(cells, key=lambda c: c[1]):
        in_cell.setdefault((band, roles[cell[0].column]), []).append((cy, cell))
    for (band, role), stacked in in_cell.items():
        for line in _one_line_each(stacked, height):
            for cell in sorted(line, key=lambda piece: piece[0].line.box[0]):
                table.rows[band][role] = _join(table.rows[band].get(role, ""), _cell_text(cell))
    _fill_merged(table, roles, cells, centers)
    return table


def _one_line_each(stacked: list[tuple[float, list[Fragment]]], height: float) -> list[list[list[Fragment]]]:
    """Cells of one column and row (centre y, fragments), top to bottom, grouped into the lines they
    stand on: centres within SAME_LINE of a line's height of the line's first, and boxes that meet end
    to start, within SAME_LINE of it (one line OCR boxed in two)."""
    lines: list[tuple[float, list[list[Fragment]]]] = []
    for cy, cell in stacked:
        if lines and abs(cy - lines[-1][0]) < SAME_LINE * height and any(
                _meet(piece, cell, SAME_LINE * height) for piece in lines[-1][1]):
            lines[-1][1].append(cell)
        else:
            lines.append((cy, [cell]))
    return [cells for _, cells in lines]


def _meet(a: list[Fragment], b: list[Fragment], gap: float) -> bool:
    a_box, b_box = a[0].line.box, b[0].line.box
    return min(abs(b_box[0] - a_box[2]), abs(a_box[0] - b_box[2])) < gap


SAME_LINE = 0.3  # a wrapped cell's next line stands a line lower; boxes of one line, a few px apart


def _starter_rows(roles: list[Role], frags: list[Fragment]) -> list[Span]:
    """Vertical extents of the cells that open a row: numbers under 序号 or field names under 调整事项
    (whichever finds more rows), else the value cells. A 序号 OCR dropped (2, 3 read, 1 lost) is
    stood in for by the value cells where its row should be."""

    def in_column(kinds: tuple[str, ...]) -> list[Fragment]:
        return [f for f in frags if roles[f.column][0] in kinds]

    height = median(f.height for f in frags)
    numbers = [f for f in in_column(("seq",)) if re.fullmatch(r"\d{1,3}", compact(f.text))]
    # A 调整内容 cell's words name a field too (考核等级由初级调整为高级), on any of its lines: no row starts there.
    # 不调整 in the field's column opens a row as a field's name does: the row states no change, and its
    # certificate's lines are its own, not the row's above.
    fields = _field_starters([f for f in in_column(("field",)) if (parse_field(f.text) or NOT_ADJUSTED.match(compact(f.text)))
                              and roles[f.column][1] != "content"], height)
    values = _value_starters(in_column(("from", "to", "level")), roles, height)
    # A totals row (合计) is a row of its own however tight under the last change: it restates their sum.
    totals = [f for f in in_column(("seq", "cert")) if TOTAL.match(compact(f.text))]
    best = max([_spans(_with_lost_numbers(numbers, values, frags, height) + totals), _spans(fields + totals)],
               key=len)
    return best if len(best) > len(totals) else _spans(values + totals)


TOTAL = re.compile(r"^(?:合计|总计|小计|共计)")  # a totals row sums the changes: it is none of them
# A row listed with no change asked: its field cell says so whole; any cell of it begins so.
NOT_ADJUSTED_WORDS = r"(?:不调整|不作调整|不做调整|无调整|暂不调整)"
NOT_ADJUSTED = re.compile(rf"^{NOT_ADJUSTED_WORDS}$")


def _with_lost_numbers(numbers: list[Fragment], values: list[Fragment], frags: list[Fragment],
                       height: float) -> list[Fragment]:
    """The 序号 cells, and for each number missing from the run 1, 2, 3… the first value cell that
    opens a row between its neighbours. Past the last number, a value cell opens a row when its line
    is a full row (three cells or more) set apart from everything above it: a wrapped cell's next
    line is one or two cells, and tight under it."""
    found = sorted(numbers, key=lambda f: f.top)
    result = list(found)
    previous, above = 0, float("-inf")
    for frag in found:
        number = int(compact(frag.text))
        between = [v for v in values if above <= v.top and v.bottom <= frag.top]
        result += sorted(between, key=lambda v: v.top)[: max(0, number - previous - 1)]
        previous, above = number, frag.bottom
    if found:
        for value in sorted((v for v in values if v.top > found[-1].bottom), key=lambda v: v.top):
            over = [f.bottom for f in frags if f.bottom <= value.top + 0.3 * height and f.top < value.top]
            beside = [f for f in frags if abs(f.top - value.top) < 0.5 * height]
            if over and value.top - max(over) >= 0.3 * height and len(beside) >= 3:
                result.append(value)
    return result


def _field_starters(fields: list[Fragment], height: float) -> list[Fragment]:
    """The first line of each field name: 人数 / 规模 wrapped in a narrow cell is one name, but two
    names in tight rows (人数规模 above 人数规模, 人数 above 试点人数, 考核等级 above 等级) are two rows."""
    starters: list[Fragment] = []
    for frag in sorted(fields, key=lambda f: f.top):
        last = starters[-1] if starters else None
        wrapped = last is not None and frag.top - last.bottom < 0.5 * height
        if not (
            wrapped
            and len(compact(last.text + frag.text)) <= 6
            and parse_field(last.text) == parse_field(frag.text)
            # A wrap's next line is no wider than its first, which filled the cell: 人数 over 试点人数 are
            # two rows' names.
            and frag.width <= last.width + 0.3 * height
            # and goes on with the name, never repeats its end: 等级 under 考核等级 is the next row's.
            and not compact(last.text).endswith(compact(frag.text))
        ):
            starters.append(frag)
    return starters


def _value_starters(values: list[Fragment], roles: list[Role], height: float) -> list[Fragment]:
    """Value cells that open a row: a line with values side by side (等级 | 原人数 | 调整后人数) is a
    row of its own however tight the rows; a lone line opens one only when well apart from the
    line above (else it is the second line of a wrapped value)."""
    column_of = {id(f.line): f.column for f in values}
    starters: list[Fragment] = []
    bottom = None
    for row in visual_rows([f.line for f in values]):
        changes = [f for f in row if roles[column_of[id(f.line)]][0] in ("from", "to")]
        if changes and (len(row) > 1 or bottom is None or row[0].top - bottom >= 0.5 * height):
            starters.append(changes[0])
        bottom = max(f.bottom for f in row)
    return starters


def _spans(starters: list[Fragment]) -> list[Span]:
    spans: list[Span] = []
    for frag in sorted(starters, key=lambda f: f.top):
        if spans and frag.top < spans[-1][1] - 0.3 * frag.height:
            spans[-1] = (spans[-1][0], max(spans[-1][1], frag.bottom))
        else:
            spans.append((frag.top, frag.bottom))
    return spans


def _band_cuts(roles: list[Role], frags: list[Fragment], centers: list[float]) -> list[float]:
    """Row borders: the widest empty vertical gap in the one-per-row columns between two starters."""
    solid = [(f.top, f.bottom) for f in frags if roles[f.column][0] in _ONE_PER_ROW]
    return [widest_gap_cut(upper, lower, solid) for upper, lower in zip(centers, centers[1:], strict=False)]


def widest_gap_cut(low: float, high: float, spans: list[tuple[float, float]]) -> float:
    """The middle of the widest stretch of [low, high] that no span covers (the midpoint if all is covered)."""
    inside = sorted((max(a, low), min(b, high)) for a, b in spans if b > low and a < high)
    best, best_gap, reach = (low + high) / 2, 0.0, low
    for a, b in inside:
        if a - reach > best_gap:
            best, best_gap = (reach + a) / 2, a - reach
        reach = max(reach, b)
    if high - reach > best_gap:
        best = (reach + high) / 2
    return best


def _cells(
    roles: list[Role], frags: list[Fragment], height: float, centers: list[float], cuts: list[float]
) -> list[list[Fragment]]:
    """Fragments per cell: stacked lines of a merged column stay together, other boxes stand alone."""
    rows = _Rows(centers, cuts, height, _line_gap(frags, cuts, height))
    result: list[list[Fragment]] = []
    for column, role in enumerate(roles):
        mine = [f for f in frags if f.column == column]
        if role[0] not in _MERGEABLE:
            result.extend([f] for f in mine)
            continue
        for cell in _group_by_gap(mine, height):
            result.extend(rows.split(cell))
    return result


def _line_gap(frags: list[Fragment], cuts: list[float], height: float) -> float | None:
    """The usual gap between two lines of one wrapped cell on this page (font and line spacing)."""
    gaps = [
        b.top - a.bottom
        for cell in _group_by_gap(frags, height)
        for a, b in zip(cell, cell[1:], strict=False)
        if not any(a.cy < c < b.cy for c in cuts)
    ]
    return median(gaps) if gaps else None


@dataclass
class _Rows:
    centers: list[float]
    cuts: list[float]
    height: float
    line_gap: float | None

    def split(self, cell: list[Fragment]) -> list[list[Fragment]]:
        """Split a run of close lines at a row border where the lines on either side are cells of their own.

        Tight rows put two certificates almost as close as two lines of one wrapped
        cell; a wrapped merged cell instead straddles the border with even line spacing,
        lined up with neither row.
        """
        parts = [[cell[0]]]
        for above, below in zip(cell, cell[1:], strict=False):
            if any(above.cy < c < below.cy for c in self.cuts) and self._apart(parts[-1], below):
                parts.append([below])
            else:
                parts[-1].append(below)
        return parts

    def _apart(self, upper: list[Fragment], below: Fragment) -> bool:
        above = upper[-1]
        band = self._band(above)
        own = [f for f in upper if self._band(f) == band]
        if self._level((min(f.top for f in own) + max(f.bottom for f in own)) / 2, band):
            return True
        if self._level(below.cy, self._band(below)):
            return True
        gap = below.top - above.bottom
        if self.line_gap is not None:
            return gap - self.line_gap > 0.25 * self.height
        return gap > 0.45 * self.height  # wider than OCR boxes leave between two lines of a cell

    def _band(self, frag: Fragment) -> int:
        return sum(frag.cy > c for c in self.cuts)

    def _level(self, y: float, band: int) -> bool:
        return abs(y - self.centers[band]) < 0.25 * self.height


def _group_by_gap(frags: list[Fragment], height: float) -> list[list[Fragment]]:
    """Runs of boxes in one column separated by less than half a line: the lines of one wrapped cell."""
    cells: list[list[Fragment]] = []
    for frag in sorted(frags, key=lambda f: (f.column, f.top)):
        last = cells[-1][-1] if cells else None
        if last and last.column == frag.column and frag.top - last.bottom < 0.5 * height:
            cells[-1].append(frag)
        else:
            cells.append([frag])
    return cells


def _cell_text(cell: list[Fragment]) -> str:
    text = ""
    for row in visual_rows([f.line for f in cell]):
        for frag in row:
            text = _join(text, frag.text.strip())
    return text


def _join(left: str, right: str) -> str:
    """Wrapped Chinese joins without a space; two ASCII words keep one."""
    if left and right and _ascii_word(left[-1]) and _ascii_word(right[0]):
        return f"{left} {right}"
    return left + right


def _ascii_word(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _fill_merged(
    table: Table, roles: list[Role], cells: list[tuple[int, float, list[Fragment]]], centers: list[float]
) -> None:
    """A row with no certificate takes the nearest one (merged cell); ties go to the one above."""
    cert = next((r for r in roles if r[0] == "cert"), None)
    level = next((r for r in roles if r[0] == "level"), None)
    found = [(band, cy) for band, cy, cell in cells if roles[cell[0].column] == cert]
    if cert is None or not found:
        return
    for index, row in enumerate(table.rows):
        if cert in row:
            continue
        source, _ = min(found, key=lambda item: (abs(item[1] - centers[index]), item[1]))
        row[cert] = table.rows[source][cert]
        if level and level not in row and level in table.rows[source]:
            row[level] = table.rows[source][level]
