"""A readable table of requests for the terminal (rich), in Chinese."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from workflow.labels import FIELD_NAMES, STAGE_NAMES, STATUS_NAMES, problem_title


def print_table(records: list[dict[str, Any]]) -> None:
    table = Table(title=f"已记录邮件 {len(records)} 封", show_lines=False)
    for column in ("编号", "送达时间", "学校", "状态", "阶段", "问题", "调整事项"):
        table.add_column(column, overflow="fold")
    for r in records:
        changes = "；".join(f"{c['certificate']} {FIELD_NAMES.get(c['field'], c['field'])} {c['from']}→{c['to']}"
                           f"{'' if c['application_id'] else '（未关联）'}" for c in r["changes"])
        table.add_row(str(r["id"]), r["arrival"][:16].replace("T", " "), r["school"] or r["subject"][:24],
                      STATUS_NAMES.get(r["status"], r["status"]), STAGE_NAMES.get(r["stage"], r["stage"]),
                      "、".join(problem_title(code) for code in r["problems"]) or "无", changes or "—")
    Console(width=160).print(table)
