"""Pieces several layouts share: ruled grids with wrapping and merged cells, the approver's mark (pen
signature, typed name or nothing), and the seal over the 申请单位 line."""

from __future__ import annotations

import random
from dataclasses import dataclass

from tests.habitgen.draw import Page
from tests.habitgen.plan import Approval, Plan


@dataclass
class Attachment:
    filename: str
    data: bytes
    mime: str  # maintype/subtype


def grid(page: Page, x: float, y: float, widths: list[float], rows: list[list[str | None]], size: float = 11,
         kind: str = "serif", pad: float = 2.2, extra: list[float] | None = None, leading: float = 1.45,
         line: float = 0.25, bold_first: bool = False) -> float:
    """A ruled table at (x, y) top-left. A cell of None continues the cell above it (merged vertically).
    Text wraps inside its cell and is centred; `extra` adds height per row. Returns the bottom y."""
    step = size * 25.4 / 72 * leading
    wrapped = [[page.wrap(c, size, w - 2 * pad + 0.3, kind) if c else [] for c, w in zip(r, widths, strict=True)]
               for r in rows]
    heights = []
    for i, r in enumerate(wrapped):
        lines = max([len(c) for c, raw in zip(r, rows[i], strict=True) if raw is not None] or [1])
        heights.append(max(1, lines) * step + 2 * pad + (extra[i] if extra else 0))
    # a merged cell's text may need the height of all its rows
    tops = [y]
    for h in heights:
        tops.append(tops[-1] + h)
    for i, r in enumerate(rows):
        cx = x
        for j, cell in enumerate(r):
            w = widths[j]
            if cell is None:
                cx += w
                continue
            span = 1
            while i + span < len(rows) and rows[i + span][j] is None:
                span += 1
            top, bottom = tops[i], tops[i + span]
            page.rect(cx, top, cx + w, bottom, line)
            lines = wrapped[i][j]
            first = top + (bottom - top - len(lines) * step) / 2 + step * 0.78
            for k, text in enumerate(lines):
                page.text(cx + w / 2, first + k * step, text, size,
                          kind + ("_bold" if bold_first and i == 0 and kind in ("serif", "sans") else ""),
                          anchor="ms")
            cx += w
    return tops[-1]


def approver_mark(page: Page, x: float, y: float, approval: Approval, rng: random.Random, ink: str = "blue",
                  height: float = 8.5, typed_size: float = 12) -> None:
    """What stands beside 签字: a pen signature, the typed name only, or nothing."""
    if approval.signed:
        page.signature(x, y, approval.name, rng, ink, height)
    elif approval.state == "typed":
        page.text(x + 1, y, approval.name, typed_size, "serif")


def seal_over(page: Page, plan: Plan, rng: random.Random, cx: float, cy: float, diameter: float = 42) -> None:
    """The plan's seal, if any, centred near (cx, cy) with an office's carelessness."""
    if plan.seal_unit:
        page.seal(cx + rng.uniform(-4, 4), cy + rng.uniform(-3, 3), plan.seal_unit, rng, diameter)
