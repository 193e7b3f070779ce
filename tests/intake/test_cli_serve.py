"""`intake serve`: the address is told once it is taken; a port in use is one Chinese line and exit 1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port another program listens on, for the length of the test."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield other.getsockname()[1]


def serve(config: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "intake.cli", "--config", str(config), "serve", *args]


def test_a_port_in_use_is_one_chinese_line_and_exit_1(write_config: Callable[..., Path], taken_port: int) -> None:
    result = subprocess.run(serve(write_config(), "--port", str(taken_port)), capture_output=True, text=True,
                            timeout=60, cwd=ROOT, env=ENV)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"端口 {taken_port} 已被占用（也许另一个 intake serve 正在运行）：请先停止占用它的程序，或用 --port 换一个端口"]
    assert result.stdout == ""


@pytest.mark.parametrize(("args", "line"), [
    (("--port", "70000"), "端口 70000 无效：应在 1 到 65535 之间"),
    (("--host", "no-such-host.invalid", "--port", "8000"), "无法解析监听地址 no-such-host.invalid：请检查 --host 或配置 [web] host"),
    (("--host", "192.0.2.1", "--port", "8000"), "本机没有地址 192.0.2.1：请检查 --host 或配置 [web] host"),
])  # fmt: skip
def test_an_address_that_cannot_be_taken_is_said_in_chinese(write_config: Callable[..., Path], args: tuple[str, ...],
                                                            line: str) -> None:
    result = subprocess.run(serve(write_config(), *args), capture_output=True, text=True, timeout=60, cwd=ROOT,
                            env=ENV)
    assert (result.returncode, result.stderr.splitlines()) == (1, [line])


def test_a_free_port_is_announced_and_served(write_config: Callable[..., Path], tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "stderr.log"
    with open(log, "wb") as err:
        process = subprocess.Popen(serve(write_config(), "--port", str(port)), stderr=err, cwd=ROOT, env=ENV)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as response:
                    assert response.read() == b'{"status":"ok"}'
                    break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, log.read_text(encoding="utf-8")
                time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert f"审核网页：http://127.0.0.1:{port}/" in log.read_text(encoding="utf-8")
