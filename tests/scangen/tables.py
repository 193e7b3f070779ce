"""How a letter states its changes: prose sentences in several styles and tables in four layouts."""

from __future__ import annotations

from PIL import ImageDraw, ImageFont

from .truth import CERTIFICATES, ChangeTruth, Numbering, ProseStyle, RulingKind

FIELD_NAMES = {"level": "考核等级", "major": "考核专业", "headcount": "人数规模"}
REASONS = ("招生计划调整", "专业设置变化", "实训条件调整", "学生意愿变化")
_CHINESE_ORDINALS = "一二三四五六七八九十"


def value_text(change: ChangeTruth, value: str | int | None) -> str:
    if value is None:
        return ""
    return f"{value}人" if change.field == "headcount" else str(value)


def item_mark(index: int, numbering: Numbering) -> str:
    """The mark before the index-th item: 1. / 一、 / （1）."""
    if numbering == "chinese":
        return f"{_CHINESE_ORDINALS[index - 1]}、"
    if numbering == "paren":
        return f"（{index}）"
    return f"{index}. "


def prose_sentence(change: ChangeTruth, style: ProseStyle = "jiang") -> str:
    """E.g. 将“Web前端开发”证书（中级）试点人数由80人调整为120人, in one of four styles.

    jiang: 将“X”证书…由…调整为…; ni: 拟将X职业技能等级证书…由…调整为… (unquoted);
    zhi: “X”证书（中级）试点人数调增至…人 (no old value); bare: X证书（中级）考核专业由…变更为….
    """
    c = change
    quoted = f"“{c.certificate}”证书"
    name = {
        "jiang": f"将{quoted}",
        "ni": f"拟将{c.certificate}职业技能等级证书",
        "zhi": quoted,
        "bare": f"{c.certificate}证书",
    }[style]
    verb = "变更为" if style == "bare" else "调整为"
    if c.field == "level":
        return f"{name}考核等级由{c.from_value}{verb}{c.to_value}"
    if c.field == "major":
        return f"{name}（{c.level}）考核专业由“{c.from_value}”{verb}“{c.to_value}”"
    if c.from_value is None:
        direction = "调增至" if style == "zhi" else "调整为"
        return f"{name}（{c.level}）试点人数{direction}{c.to_value}人"
    return f"{name}（{c.level}）试点人数由{c.from_value}人{verb}{c.to_value}人"


def table_rows(changes: list[ChangeTruth], layout: str) -> list[list[str]]:
    """The table's cells, header first, for layout table_a/table_b/table_c/table_wide.

    A: 序号|证书名称（级）|调整事项|原申报内容|调整后内容|调整原因; B: 序号 and a 等级 column;
    C: 证书名称|等级|调整类型|调整前|调整后; wide: 证书名称|等级|原申报人数|调整后人数, which also
    lists a certificate that stays as it is.
    """
    if layout == "table_wide":
        rows = [["证书名称", "等级", "原申报人数", "调整后人数"]]
        rows += [[c.certificate, c.level or "", str(c.from_value), str(c.to_value)] for c in changes]
        unchanged = next(name for name in CERTIFICATES if all(c.certificate != name for c in changes))
        return [*rows, [unchanged, "初级", "50", "50"]]
    if layout in ("table_b", "table_c"):
        header = ["证书名称", "等级", "调整类型", "调整前", "调整后"]
        body = [
            [c.certificate, c.level if c.field != "level" else "", FIELD_NAMES[c.field],
             value_text(c, c.from_value), value_text(c, c.to_value)]
            for c in changes
        ]  # fmt: skip
        if layout == "table_c":
            return [header, *body]
        return [["序号", *header]] + [[str(i), *row] for i, row in enumerate(body, 1)]
    rows = [["序号", "证书名称", "调整事项", "原申报内容", "调整后内容", "调整原因"]]
    for i, c in enumerate(changes, 1):
        name = c.certificate if c.field == "level" else f"{c.certificate}（{c.level}）"
        reason = REASONS[i % len(REASONS)]
        rows.append(
            [
                str(i),
                name,
                FIELD_NAMES[c.field],
                value_text(c, c.from_value),
                value_text(c, c.to_value),
                reason,
            ]
        )
    return rows


_WEIGHTS = {
    "table_a": [0.6, 2.6, 1.3, 1.6, 1.6, 1.6],
    "table_b": [0.6, 2.8, 0.9, 1.3, 1.6, 1.6],
    "table_c": [3.0, 0.9, 1.3, 1.8, 1.8],
    "table_wide": [3.2, 1.0, 1.6, 1.6],
}


def wrap_text(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Break `text` into lines no wider than `width` pixels, character by character as CJK text wraps."""
    lines, line = [], ""
    for ch in text:
        if line and draw.textlength(line + ch, font=font) > width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line]


def draw_changes_table(
    draw: ImageDraw.ImageDraw,
    font: ImageFont.FreeTypeFont,
    size: int,
    changes: list[ChangeTruth],
    top: int,
    left: int,
    right: int,
    layout: str,
    ruling: RulingKind = "grid",
) -> int:
    """Draw the table with a full grid, three rules (top, under the header, bottom) or none;
    returns the y just below it."""
    rows = table_rows(changes, layout)
    weights = _WEIGHTS.get(layout, _WEIGHTS["table_a"])  # prose_and_table carries layout A
    total = sum(weights)
    xs = [left]
    for wgt in weights:
        xs.append(xs[-1] + int((right - left) * wgt / total))
    xs[-1] = right
    # Without rules a clerk leaves more air between rows, or they run together.
    pitch, pad = int(size * 1.35), int(size * (0.8 if ruling == "grid" else 1.2))
    ys = [top]
    for row in rows:
        cells = [wrap_text(draw, text, font, xs[i + 1] - xs[i] - 12) for i, text in enumerate(row)]
        height = max(len(c) for c in cells) * pitch + pad
        for i, cell in enumerate(cells):
            cy = ys[-1] + (height - len(cell) * pitch) // 2
            for line in cell:
                draw.text(((xs[i] + xs[i + 1]) // 2, cy), line, font=font, fill=(15, 15, 15), anchor="ma")
                cy += pitch
        ys.append(ys[-1] + height)
    rules = {"grid": ys, "three_line": [ys[0], ys[1], ys[-1]], "none": []}[ruling]
    for y in rules:
        draw.line((left, y, right, y), fill=(20, 20, 20), width=2)
    if ruling == "grid":
        for x in xs:
            draw.line((x, top, x, ys[-1]), fill=(20, 20, 20), width=2)
    return ys[-1] + int(size * 1.2)
