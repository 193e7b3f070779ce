"""The registry's two CSV exports, as the platform writes them and `intake registry import` reads them."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

SCHOOL_COLUMNS = ("单位名称", "单位类型", "设区市", "别名", "联系邮箱", "招生专业")
APPLICATION_COLUMNS = ("申报编号", "单位名称", "证书名称", "等级", "专业名称", "专业代码", "申报人数", "可参与专业在校生数", "协作组")


def write_registry_csv(directory: Path, schools: Iterable[Sequence[object]], applications: Iterable[Sequence[object]]) -> None:
    """`directory/schools.csv` and `directory/applications.csv`, UTF-8 with BOM; rows in the column
    orders above, list fields (别名, 联系邮箱, 招生专业) already joined with "；"."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, columns, rows in (("schools.csv", SCHOOL_COLUMNS, schools), ("applications.csv", APPLICATION_COLUMNS, applications)):
        with (directory / name).open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows(rows)
