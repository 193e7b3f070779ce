"""How a letter states its changes: prose sentences and tables in two layouts."""

from __future__ import annotations

from PIL import ImageDraw, ImageFont

from .truth import ChangeTruth

FIELD_NAMES = {"level": "考核等级", "major": "考核专业", "headcount": "人数规模"}
REASONS = ("招生计划调整", "专业设置变化", "实训条件调整", "学生意愿变化")


def value_text(change: ChangeTruth, value: str | int) -> str:
    return f"{value}人" if change.field == "headcount" else str(value)


def prose_sentence(change: ChangeTruth) -> str:
    """E.g. 将“Web前端开发”证书（中级）试点人数由80人调整为120人."""
    if change.field == "headcount":
        return (
            f"将“{change.certificate}”证书（{change.level}）试点人数由{change.from_value}人"
            f"调整为{change.to_value}人"
        )
    if change.field == "level":
        return f"将“{change.certificate}”证书考核等级由{change.from_value}调整为{change.to_value}"
    return (
        f"将“{change.certificate}”证书（{change.level}）考核专业由“{change.from_value}”"
        f"调整为“{change.to_value}”"
    )


def table_rows(changes: list[ChangeTruth], layout: str) -> list[list[str]]:
    """Layout A: 序号|证书名称（级）|调整事项|原申报内容|调整后内容|调整原因; B has a level column."""
    if layout == "table_b":
        rows = [["序号", "证书名称", "等级", "调整类型", "调整前", "调整后"]]
        for i, c in enumerate(changes, 1):
            level = c.level if c.field != "level" else ""
            rows.append(
                [
                    str(i),
                    c.certificate,
                    level or "",
                    FIELD_NAMES[c.field],
                    value_text(c, c.from_value),
                    value_text(c, c.to_value),
                ]
            )
        return rows
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


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
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
) -> int:
    """Draw a ruled table; returns the y just below it."""
    rows = table_rows(changes, layout)
    weights = [0.6, 2.6, 1.3, 1.6, 1.6, 1.6] if layout != "table_b" else [0.6, 2.8, 0.9, 1.3, 1.6, 1.6]
    total = sum(weights)
    xs = [left]
    for wgt in weights:
        xs.append(xs[-1] + int((right - left) * wgt / total))
    xs[-1] = right
    y = top
    for row in rows:
        cells = [_wrap(draw, text, font, xs[i + 1] - xs[i] - 12) for i, text in enumerate(row)]
        height = max(len(c) for c in cells) * int(size * 1.35) + int(size * 0.8)
        for i, cell in enumerate(cells):
            cy = y + (height - len(cell) * int(size * 1.35)) // 2
            for line in cell:
                cx = (xs[i] + xs[i + 1]) // 2
                draw.text((cx, cy), line, font=font, fill=(15, 15, 15), anchor="ma")
                cy += int(size * 1.35)
        draw.line((left, y, right, y), fill=(20, 20, 20), width=2)
        y += height
    draw.line((left, y, right, y), fill=(20, 20, 20), width=2)
    for x in xs:
        draw.line((x, top, x, y), fill=(20, 20, 20), width=2)
    return y + int(size * 1.2)
