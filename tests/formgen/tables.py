"""Change tables: one row per change (layout A), or one row per certificate with before/after
columns per field (wide, optionally under a two-row merged header)."""

from __future__ import annotations

import random

from tests.formgen import wording
from tests.formgen.canvas import Sheet
from tests.formgen.layout import Cell, bottom, grid
from tests.formgen.parts import LEFT, RIGHT
from tests.formgen.plan import Edit, Plan
from tests.formgen.registry import Declaration
from tests.formgen.wording import Style

SHORT_REASONS = ("招生计划调整", "学生人数变化", "专业调整", "")
LONG_REASONS = ("该专业2024级在校生人数增加，学生报考意愿较强", "原申报专业与证书对应关系不够紧密，调整为更契合的专业",
                "部分学生已转专业，按实际可参与人数调整", "结合实训条件和师资情况，调整考核等级",
                "根据学校人才培养方案调整")


def item_table(sheet: Sheet, plan: Plan, style: Style, rng: random.Random, y: float,
               edits: list[Edit] | None = None, unchanged: list[Declaration] | None = None,
               start: int = 0, header: bool = True, reasons: tuple[str, ...] = SHORT_REASONS) -> float:
    """Layout (A): 序号 | 证书名称 | 调整事项 | 原 | 调整后 | 调整原因, one row per change."""
    edits = plan.edits if edits is None else edits
    unchanged = plan.unchanged if unchanged is None else unchanged
    rows = []
    if header:
        rows.append([Cell(text) for text in ("序号", "证书名称", "调整事项", *style.columns, "调整原因")])
    number = start
    for edit in edits:
        for change in edit.changes:
            number += 1
            rows.append([Cell(str(number)), Cell(wording.certificate(edit, style, edit.level_written)),
                         Cell(style.field_labels[change.field]),
                         Cell(wording.value(change.field, change.old, style)),
                         Cell(wording.value(change.field, change.new, style)),
                         Cell(rng.choice(reasons))])
    for item in unchanged:
        number += 1
        old = wording.value("headcount", item.headcount, style)
        marked = rng.random() < 0.5
        rows.append([Cell(str(number)), Cell(f"{item.certificate}（{item.level}）"),
                     Cell("不调整" if marked else style.field_labels["headcount"]),
                     Cell(old), Cell("" if marked else wording.unchanged_cell(old, style)), Cell("")])
    widths = [12, 46, 22, 28, 28, 24]
    return bottom(grid(sheet, LEFT - 3, y, widths, rows, 10.5)) + 5


def wide_table(sheet: Sheet, plan: Plan, style: Style, rng: random.Random, y: float, x: float = LEFT - 5,
               width: float = RIGHT - LEFT + 10, size: float = 9.5) -> float:
    """One row per certificate, before/after columns per field: either 原等级 | 调整后等级 | … or a
    two-row header with 原申报信息 / 调整后信息 each over 等级 | 专业 | 人数."""
    order = rng.choice((("level", "major", "headcount"), ("major", "level", "headcount")))
    names = {"level": "等级", "major": "专业", "headcount": "人数"}
    merged = rng.random() < 0.5
    if merged:
        rows = [[Cell("序号", rowspan=2), Cell("证书名称", rowspan=2), Cell("原申报信息", colspan=3),
                 Cell(rng.choice(("调整后信息", "拟调整信息")), colspan=3), Cell("备注", rowspan=2)],
                [Cell(names[f]) for f in order] * 2]
    else:
        after = rng.choice(("调整后", "拟调整"))
        rows = [[Cell("序号"), Cell("证书名称")]
                + [Cell(f"{label}{names[f]}") for f in order for label in ("原", after)] + [Cell("备注")]]
    listed = [(edit, {c.field: c for c in edit.changes}) for edit in plan.edits]
    listed += [(Edit(item.certificate, item.level, item, [], True), {}) for item in plan.unchanged]
    for number, (edit, by_field) in enumerate(listed, 1):
        old_values = _old_values(edit)
        before, after_cells = [], []
        for f in order:
            old_text = wording.value(f, old_values[f], style) if old_values[f] is not None else ""
            change = by_field.get(f)
            new_text = wording.value(f, change.new, style) if change else wording.unchanged_cell(old_text, style)
            before.append(old_text)
            after_cells.append(new_text)
        cells = list(zip(before, after_cells, strict=True))
        values = before + after_cells if merged else [text for pair in cells for text in pair]
        note = "" if by_field else rng.choice(("不调整", ""))
        rows.append([Cell(str(number)), Cell(wording.certificate(edit, style, with_level=False))]
                    + [Cell(text) for text in values] + [Cell(note)])
    narrow = max(13.0, width * 0.065)  # level and headcount columns; majors share the rest
    fixed = {"level": narrow, "major": 0.0, "headcount": narrow}
    major_width = (width - 9 - 34 - 14 - 2 * (fixed["level"] + fixed["headcount"])) / 2
    per_field = {f: fixed[f] or major_width for f in order}
    widths = [9.0, 34.0] + ([per_field[f] for f in order] * 2 if merged
                            else [per_field[f] for f in order for _ in range(2)]) + [14.0]
    return bottom(grid(sheet, x, y, widths, rows, size, min_height=8.0)) + 5



def _old_values(edit: Edit) -> dict[str, str | int | None]:
    """The 原申报 values a table states; an undeclared certificate states only level and headcount."""
    if edit.declaration is None:
        return {"level": edit.level, "headcount": edit.changes[0].old, "major": None}
    item = edit.declaration
    return {"level": item.level, "headcount": item.headcount, "major": item.major}
