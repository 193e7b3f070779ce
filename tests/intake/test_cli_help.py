"""`intake --help` and every subcommand's help: Chinese throughout, every option explained."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
CHINESE = re.compile(r"[\u4e00-\u9fff]")
ARGPARSE_ENGLISH = ("usage:", "positional arguments", "optional arguments", "options:", "show this help message")


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every parser of the command line with the words that reach it: (), ("registry",), ("registry", "import")…"""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, (*path, name))


ALL = [path for path, _ in commands(build_parser())]


@pytest.mark.parametrize("path", ALL, ids=lambda path: " ".join(path) or "intake")
def test_help_is_chinese_throughout(path: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([*path, "--help"])
    text = capsys.readouterr().out
    assert exited.value.code == 0
    assert text.startswith("用法：intake")
    assert not [phrase for phrase in ARGPARSE_ENGLISH if phrase in text]
    assert "-h, --help" in text and "显示本帮助并退出" in text


def test_every_option_and_subcommand_has_a_chinese_help_line() -> None:
    unexplained = []
    for path, parser in commands(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                explained = [(choice.dest, choice.help) for choice in action._choices_actions]
            else:
                explained = [("/".join(action.option_strings) or action.dest, action.help)]
            unexplained += [f"{' '.join(path)} {name}" for name, text in explained if not CHINESE.search(text or "")]
    assert unexplained == []


def test_help_columns_line_up_after_chinese_metavars() -> None:
    result = subprocess.run([sys.executable, "-m", "intake.cli", "serve", "--help"], capture_output=True,
                            text=True, timeout=60, cwd=ROOT)
    options = [line for line in result.stdout.splitlines() if line.startswith("  -")]
    columns = {columns_before(line, re.search(r"\S  +(\S)", line).start(1)) for line in options}
    assert result.returncode == 0 and len(options) == 4 and len(columns) == 1  # --config 路径, -h, --host 地址, --port 端口


def columns_before(line: str, index: int) -> int:
    """Terminal columns of line[:index]: a Chinese character takes two."""
    return sum(2 if CHINESE.match(char) else 1 for char in line[:index])


def test_a_mistyped_review_action_is_named_as_shown_in_help() -> None:
    result = subprocess.run([sys.executable, "-m", "intake.cli", "review", "apprve", "1", "--reviewer", "a",
                             "--comment", "b"], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 2
    assert result.stderr.strip() == "用法错误：操作 不能是“apprve”，可选：approve, reject, return"
