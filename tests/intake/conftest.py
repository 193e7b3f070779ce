"""Fixtures for intake against a real Dovecot: the server, a config pointing at it, messages, the CLI."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from intake.config import load_config
from intake.service import Service
from storage.models import Message, Request
from tests.intake.dovecot import PASSWORD, Dovecot

ROOT = Path(__file__).resolve().parents[2]

ROUND = """
[storage]
url = "{url}"
data_dir = "{data_dir}"

[round]
year = 2024
window_start = "2024-03-01T00:00:00"
window_end = "2024-03-20T23:59:59"

[ocr]
workers = {workers}
"""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "dovecot(tls=False, extra=''): options for the test's Dovecot")


@pytest.fixture
def dovecot(request: pytest.FixtureRequest) -> Iterator[Dovecot]:
    marker = request.node.get_closest_marker("dovecot")
    server = Dovecot(**(marker.kwargs if marker else {}))
    server.start()
    yield server
    server.cleanup()


@pytest.fixture
def imap_env(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("INTAKE_TEST_IMAP_PASSWORD", PASSWORD)
    return {**os.environ, "PYTHONPATH": str(ROOT), "INTAKE_TEST_IMAP_PASSWORD": PASSWORD}


@pytest.fixture
def imap_config(tmp_path: Path, dovecot: Dovecot, imap_env: dict[str, str]) -> Callable[..., Path]:
    """Write a config.toml for the test's Dovecot; returns its path."""

    def write(url: str | None = None, folder: str = "INBOX", mailbox_extra: str = "",
              workers: int = 1, tls: str = "") -> Path:
        path = tmp_path / "config.toml"
        path.write_text(dovecot.config_section(folder, mailbox_extra, tls) + ROUND.format(
            url=url or f"sqlite:///{tmp_path / 'intake.db'}", data_dir=tmp_path / "data", workers=workers),
            encoding="utf-8")
        return path

    return write


def make_service(config: Path) -> Service:
    service = Service(load_config(config))
    service.init()
    return service


def text_message(n: int, subject: str | None = None, body: str = "", size: int = 0) -> bytes:
    """A text-only message (no attachment, so no OCR), unique Message-ID per n."""
    msg = EmailMessage()
    msg["From"] = f"school{n}@example.edu.cn"
    msg["To"] = "jsxzsbg@163.com"
    msg["Subject"] = subject or f"测试学校{n}2024年证书申报调整申请"
    msg["Message-ID"] = f"<test-{n}@example.edu.cn>"
    msg["Date"] = "Tue, 05 Mar 2024 10:00:00 +0800"
    text = body or f"第 {n} 封测试邮件。\n"
    if size:
        text = (text * (size // max(1, len(text.encode())) + 1))[: size // 3]
    msg.set_content(text)
    return msg.as_bytes().replace(b"\n", b"\r\n")


def counts(service: Service) -> tuple[int, int]:
    """(messages recorded, of which still pending)."""
    with Session(service.db) as session:
        total = session.exec(select(func.count()).select_from(Message)).one()
        pending = session.exec(select(func.count()).select_from(Request)
                               .where(Request.status == "pending")).one()
    return total, pending


def message_ids(service: Service) -> list[str]:
    with Session(service.db) as session:
        return list(session.exec(select(Message.message_id)))


def intake_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "intake.cli", *args]


def start_logged(env: dict[str, str], cwd: Path, *args: str) -> tuple[subprocess.Popen[bytes], Path]:
    """Start an `intake` command in `cwd` with its stderr in `cwd/stderr.log`; the process and the log's path."""
    log = cwd / "stderr.log"
    with open(log, "wb") as out:
        return subprocess.Popen(intake_cmd(*args), env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=out), log


def terminate(process: subprocess.Popen[bytes]) -> int:
    """SIGTERM, then its exit code (the spec promises an exit within 30 s)."""
    process.send_signal(signal.SIGTERM)
    return process.wait(timeout=35)


def clean_log(path: Path) -> str:
    """The log's text, which must hold no traceback."""
    text = path.read_text(encoding="utf-8")
    assert "Traceback" not in text, text[text.index("Traceback") - 300:][:3000]
    return text


def run_cli(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(intake_cmd(*args), env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


def wait_for(predicate: Callable[[], bool], timeout: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()
