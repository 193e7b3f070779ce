"""`intake ingest` of an empty file: recorded like any message, never dropped, and said in the summary line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from intake.cli import main


def test_an_empty_eml_is_recorded_and_named_in_the_summary(write_config: Callable[..., Path], tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    config = str(write_config())
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    assert main(["--config", config, "ingest", str(empty)]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == (
        "新记录邮件 1 封，重复 0 封；其中内容为空的文件 1 个：empty.eml（已记录，但没有可读的内容）；"
        "结果见 intake requests list")
    assert main(["--config", config, "requests", "list", "--json"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert (record["kind"], record["problems"], record["documents"]) == ("unrelated", [], [])


def test_a_file_with_content_is_not_called_empty(write_config: Callable[..., Path], tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    mail = tmp_path / "question.eml"
    mail.write_bytes(b"From: a@example.cn\r\nSubject: hello\r\n\r\nhi\r\n")
    assert main(["--config", str(write_config()), "ingest", str(mail)]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "新记录邮件 1 封，重复 0 封；结果见 intake requests list"
