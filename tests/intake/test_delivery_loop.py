"""The daemon owns sending (spec §4): a decision wakes its delivery loop, which retries with backoff."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from sqlmodel import Session, select

from intake.cli import main
from intake.sending import daemon_running
from storage.models import Reply
from tests.intake.conftest import ROOT, intake_cmd, make_service, wait_for
from tests.workflow.reply_servers import StoringHandler, free_port

WORD_ONLY = ROOT / "examples" / "mailbox" / "08-wuxi2-word-only.eml"  # 中职 in 无锡市, stage city, no OCR


def replies(service) -> list[Reply]:  # type: ignore[no-untyped-def]
    with Session(service.db) as session:
        return list(session.exec(select(Reply)))


def test_a_decision_taken_while_smtp_is_down_is_sent_by_the_running_daemon_within_60_s_of_its_return(
        write_config: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    port = free_port()  # nothing listens here until the server "comes back"
    for sub in ("cur", "new", "tmp"):
        (tmp_path / "maildir" / sub).mkdir(parents=True)
    path = write_config(extra=f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nfrom_addr = "jsxzsbg@163.com"\n'
                              "timeout_seconds = 5\n")
    config = ["--config", str(path)]
    assert main([*config, "registry", "import", *map(str, sorted((ROOT / "examples" / "registry").glob("*.csv")))]) == 0
    assert main([*config, "ingest", str(WORD_ONLY)]) == 0
    monkeypatch.setenv("INTAKE_NEW_PASSWORD", "s3cret-pass")
    assert main([*config, "users", "add", "wx", "--role", "city", "--scope", "无锡市"]) == 0
    service = make_service(path)
    daemon = subprocess.Popen(intake_cmd(*config, "run"), cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                              stderr=subprocess.PIPE, text=True)
    try:
        assert wait_for(lambda: daemon_running(service), timeout=60, step=0.2)
        assert main([*config, "review", "return", "1", "--reviewer", "wx", "--comment", "请补盖公章"]) == 0
        # the command woke the daemon rather than sending: the daemon's attempt is what failed
        assert wait_for(lambda: [r.state for r in replies(service)] == ["failed"], timeout=30, step=0.2)
        [failed] = replies(service)
        assert failed.attempts == 1 and "无法连接邮件服务器" in failed.last_error
        assert "服务器拒绝连接" in failed.last_error and "Error" not in failed.last_error  # no Python names
        handler = StoringHandler()
        server = Controller(handler, hostname="127.0.0.1", port=port)
        server.start()
        back = time.monotonic()
        try:
            assert wait_for(lambda: len(handler.envelopes) == 1, timeout=60, step=0.2)
            took = time.monotonic() - back
            assert wait_for(lambda: [r.state for r in replies(service)] == ["sent"], timeout=10, step=0.2)
        finally:
            server.stop()
        assert took < 60
        [envelope] = handler.envelopes
        assert envelope.message["Subject"] == "回复：无锡市第二中等专业学校+2024年证书申报调整申请"
        assert replies(service)[0].attempts == 2
    finally:
        daemon.send_signal(signal.SIGTERM)
        _, err = daemon.communicate(timeout=30)
    assert daemon.returncode == 0, err
    assert "event=delivery sent=- failed=1 uncertain=-" in err and "event=delivery sent=1 failed=- uncertain=-" in err
