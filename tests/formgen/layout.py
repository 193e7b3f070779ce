"""Flowing text and ruled grids on a `Sheet`: wrapped paragraphs and tables with spanning cells."""

from __future__ import annotations

from dataclasses import dataclass

from tests.formgen.canvas import PT_TO_MM, Sheet, text_width_mm

NO_LINE_START = set("，。；：、）》”！？")


@dataclass
class Cell:
    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    align: str = "center"  # center | left


@dataclass
class Page:
    """A laid-out page and how it reaches the office."""

    sheet: Sheet
    digital: bool = False  # born digital: a PDF page with a text layer, not a scan
    sideways: bool = False  # a landscape page fed into the scanner upright
    attachment: int = 0  # pages with another number travel as a separate file (an annex)


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float


def wrap(text: str, width_mm: float, size: float, font_name: str = "serif") -> list[str]:
    """Greedy wrap by characters (Chinese has no spaces); explicit newlines are kept."""
    lines: list[str] = []
    for part in text.split("\n"):
        current = ""
        for char in part:
            # Closing punctuation never starts a line (禁则): it may overhang the margin instead.
            if current and char not in NO_LINE_START and text_width_mm(current + char, size, font_name) > width_mm:
                lines.append(current)
                current = ""
            current += char
        lines.append(current)
    return lines


def line_height(size: float) -> float:
    return size * PT_TO_MM * 1.55


def paragraph(sheet: Sheet, x: float, y: float, width: float, text: str, size: float = 12,
              font_name: str = "serif", indent: bool = True) -> float:
    """Write a wrapped paragraph (first line indented two characters); returns the y below it."""
    pad = "\u3000\u3000" if indent else ""
    for line in wrap(pad + text, width, size, font_name):
        sheet.text(x, y, line, size, font_name)
        y += line_height(size)
    return y


def grid(sheet: Sheet, x: float, y: float, widths: list[float], rows: list[list[Cell]], size: float = 10.5,
         font_name: str = "serif", min_height: float = 9.0, rule: float = 0.3) -> dict[tuple[int, int], Box]:
    """Draw a ruled table; cells span like HTML. Returns each cell's box keyed by (row, first column)."""
    placed: list[tuple[int, int, Cell]] = []
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    pad = 1.6
    heights = [min_height] * len(rows)
    for r, c, cell in placed:
        if cell.rowspan == 1:
            lines = wrap(cell.text, sum(widths[c:c + cell.colspan]) - 2 * pad, size, font_name)
            heights[r] = max(heights[r], len(lines) * line_height(size) + 2 * pad)
    lefts = [x + sum(widths[:i]) for i in range(len(widths) + 1)]
    tops = [y + sum(heights[:i]) for i in range(len(heights) + 1)]
    boxes: dict[tuple[int, int], Box] = {}
    for r, c, cell in placed:
        box = Box(lefts[c], tops[r], lefts[c + cell.colspan] - lefts[c], tops[r + cell.rowspan] - tops[r])
        boxes[(r, c)] = box
        sheet.rect(box.x, box.y, box.w, box.h, rule)
        lines = wrap(cell.text, box.w - 2 * pad, size, font_name) if cell.text else []
        block = len(lines) * line_height(size)
        line_y = box.y + (box.h - block) / 2 + (line_height(size) - size * PT_TO_MM) / 2
        for line in lines:
            width = text_width_mm(line, size, font_name)
            left = box.x + pad if cell.align == "left" else box.x + (box.w - width) / 2
            sheet.text(left, line_y, line, size, font_name)
            line_y += line_height(size)
    return boxes


def bottom(boxes: dict[tuple[int, int], Box]) -> float:
    return max(box.y + box.h for box in boxes.values())
