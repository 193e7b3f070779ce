"""A4 sheets as a word processor lays them out: margins, a flowing cursor, paragraphs with first-line indent,
centred titles, 红头 letterheads and ruled tables with merged cells and labels wrapped inside them."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import numpy as np

from tests.deskgen import ink

DPI = 200
A4 = (int(8.27 * DPI), int(11.69 * DPI))


def mm(value: float) -> int:
    return int(round(value / 25.4 * DPI))


@dataclass
class Cell:
    row: int
    col: int
    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    align: str = "center"  # center | left
    bold: bool = False


@dataclass
class Doc:
    """Pages of one document with a shared style; `y` is the cursor on the last page."""

    rng: random.Random
    body_font: str = "song"
    size: int = 44  # px at 200 dpi ≈ 16 pt
    margin_x: int = mm(28)
    margin_top: int = mm(30)
    margin_bottom: int = mm(25)
    line_gap: float = 1.55
    tint: tuple[int, int, int] = (255, 255, 255)
    pages: list[np.ndarray] = field(default_factory=list)
    y: int = 0

    def __post_init__(self) -> None:
        self.new_page()

    @property
    def page(self) -> np.ndarray:
        return self.pages[-1]

    @property
    def width(self) -> int:
        return A4[0] - 2 * self.margin_x

    def new_page(self) -> None:
        self.pages.append(ink.new_page(*A4, self.tint))
        self.y = self.margin_top

    def ensure(self, height: int) -> None:
        if self.y + height > A4[1] - self.margin_bottom:
            self.new_page()

    def font(self, size: int | None = None, name: str | None = None) -> ink.ImageFont.FreeTypeFont:
        return ink.font(name or self.body_font, size or self.size)

    def skip(self, lines: float = 1.0) -> None:
        self.y += int(self.size * self.line_gap * lines)

    def para(self, text: str, indent: float = 2.0, size: int | None = None, font: str | None = None,
             align: str = "left", color: tuple[int, int, int] = (20, 20, 20), x: int | None = None,
             width: int | None = None) -> None:
        fnt = self.font(size, font)
        step = int(fnt.size * self.line_gap)
        left = self.margin_x if x is None else x
        width = width or (self.width - (left - self.margin_x))
        lines = ink.wrap(text, fnt, width, first_indent=indent * fnt.size)
        for i, line in enumerate(lines):
            self.ensure(step)
            lx = left + (int(indent * fnt.size) if i == 0 and align == "left" else 0)
            if align == "center":
                lx = left + (width - int(fnt.getlength(line))) // 2
            elif align == "right":
                lx = left + width - int(fnt.getlength(line))
            ink.print_text(self.page, lx, self.y, line, fnt, color)
            self.y += step

    def letterhead(self, unit: str, red_title: bool) -> None:
        """A red 红头: the unit's name (+文件) large in red with a red rule, or a smaller letterhead."""
        rng = self.rng
        if red_title:
            fnt = ink.font("serif_bold", rng.randrange(74, 92))
            text = unit + rng.choice(("文件", "", "文件"))
            while fnt.getlength(text) > self.width and fnt.size > 40:
                fnt = ink.font("serif_bold", fnt.size - 4)
            x = self.margin_x + (self.width - int(fnt.getlength(text))) // 2
            ink.print_text(self.page, x, self.y, text, fnt, ink.RED)
            self.y += int(fnt.size * 1.6)
            if rng.random() < 0.5:
                self.para(f"{rng.choice(('校', '院', '教'))}〔2024〕{rng.randrange(3, 40)}号", indent=0, align="center",
                          size=self.size - 6)
        else:
            fnt = ink.font(rng.choice(("serif_bold", "zenhei")), rng.randrange(48, 60))
            ink.print_text(self.page, self.margin_x, self.y, unit, fnt, ink.RED)
            self.y += int(fnt.size * 1.4)
        thick = rng.choice((3, 4, 6))
        self.page[self.y:self.y + thick, self.margin_x - mm(4):A4[0] - self.margin_x + mm(4)] = ink.RED
        if rng.random() < 0.4:
            self.page[self.y + thick + 4:self.y + thick + 5, self.margin_x - mm(4):A4[0] - self.margin_x + mm(4)] = ink.RED
        self.y += mm(9)

    def table(self, col_widths: list[float], row_heights: list[int], cells: list[Cell], size: int | None = None,
              x: int | None = None, line: int = 2) -> list[tuple[int, int, int, int]]:
        """A ruled table at the cursor; widths are fractions of the text width. Returns each cell's box
        (x0, y0, x1, y1) in `cells` order, and moves the cursor under it."""
        left = self.margin_x if x is None else x
        total = sum(col_widths)
        xs = [left]
        for w in col_widths:
            xs.append(xs[-1] + int(w / total * self.width))
        fnt = self.font(size)
        row_heights = list(row_heights)
        for cell in cells:  # rows grow to hold their wrapped text, as a word processor's do
            if cell.rowspan == 1 and cell.text:
                pad = max(6, fnt.size // 4)
                lines = ink.wrap(cell.text, fnt, xs[cell.col + cell.colspan] - xs[cell.col] - 2 * pad)
                row_heights[cell.row] = max(row_heights[cell.row], int(len(lines) * fnt.size * 1.3) + 2 * pad)
        height = sum(row_heights)
        self.ensure(height)
        ys = [self.y]
        for h in row_heights:
            ys.append(ys[-1] + h)
        boxes = []
        page = self.page
        for cell in cells:
            x0, x1 = xs[cell.col], xs[cell.col + cell.colspan]
            y0, y1 = ys[cell.row], ys[cell.row + cell.rowspan]
            boxes.append((x0, y0, x1, y1))
            for a, b, c, d in ((x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)):
                page[min(b, d):max(b, d) + line, min(a, c):max(a, c) + line] = (25, 25, 25)
            if cell.text:
                cf = ink.font("hei" if cell.bold and self.body_font != "hei" else self.body_font, fnt.size) \
                    if cell.bold else fnt
                pad = max(6, fnt.size // 4)
                lines = ink.wrap(cell.text, cf, x1 - x0 - 2 * pad)
                step = int(cf.size * 1.3)
                ty = y0 + (y1 - y0 - step * len(lines)) // 2 + (step - cf.size) // 2
                for ln in lines:
                    tx = x0 + pad if cell.align == "left" else x0 + (x1 - x0 - int(cf.getlength(ln))) // 2
                    ink.print_text(page, tx, ty, ln, cf)
                    ty += step
        self.y = ys[-1]
        return boxes
