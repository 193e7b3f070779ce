"""`intake status` speaks Chinese in every state of a folder: never read, never reached, read."""

from __future__ import annotations

import re
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from intake.cli import main

RAW = re.compile(r"None|null|UIDVALIDITY=")


def closed_port() -> int:
    """A local port nobody listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def status(config: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main(["--config", str(config), "status"]) == 0
    return capsys.readouterr().out.splitlines()


def test_a_mailbox_never_reached_says_so_instead_of_none(write_config: Callable[..., Path],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = write_config()
    text = re.sub(r'maildir = ".*"', f'host = "127.0.0.1"\nport = {closed_port()}\nusername = "jsxzsbg@163.com"\n'
                  'password_env = "INTAKE_TEST_NO_PASSWORD"\ntimeout_seconds = 5', path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    assert main(["--config", str(path), "poll"]) == 1
    lines = status(path, capsys)
    assert lines[2].startswith("上次收信：从未  jsxzsbg@163.com@127.0.0.1 / INBOX  尚未连接成功"), lines
    assert lines[3].startswith("  最近错误（") and "服务器拒绝连接" in lines[3]
    assert not [line for line in lines if RAW.search(line)]


def test_a_maildir_shows_no_uidvalidity(write_config: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    path = write_config()
    assert status(path, capsys)[2] == "上次收信：从未"
    for folder in ("cur", "new", "tmp"):
        (path.parent / "maildir" / folder).mkdir(parents=True, exist_ok=True)
    assert main(["--config", str(path), "poll"]) == 0
    lines = status(path, capsys)
    assert re.fullmatch(r"上次收信：\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+0800  maildir:\S+ / INBOX", lines[2]), lines
    assert lines[3:] == ["已记录邮件：0 封；待处理（积压）：0 封"]
