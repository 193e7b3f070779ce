"""The list commands on an empty database: a Chinese line saying there is nothing, or `[]` with --json."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from intake.cli import main


@pytest.mark.parametrize(("command", "line"), [
    (("replies", "list"), "尚无回复"),
    (("users", "list"), "尚无审核账号（用 intake users add 新增）"),
    (("requests", "list"), "尚无已记录的邮件"),
    (("requests", "list", "--kind", "request"), "没有符合条件的邮件"),
    (("requests", "list", "--school", "连云港中等专业学校"), "没有符合条件的邮件"),
])  # fmt: skip
def test_an_empty_list_says_so_in_chinese(write_config: Callable[..., Path], capsys: pytest.CaptureFixture[str],
                                          command: tuple[str, ...], line: str) -> None:
    assert main(["--config", str(write_config()), *command]) == 0
    assert capsys.readouterr().out.splitlines() == [line]


@pytest.mark.parametrize("command", [("replies", "list"), ("requests", "list")])
def test_an_empty_json_list_is_an_empty_array(write_config: Callable[..., Path], capsys: pytest.CaptureFixture[str],
                                              command: tuple[str, ...]) -> None:
    assert main(["--config", str(write_config()), *command, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
