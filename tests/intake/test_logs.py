"""The terminal shows the project's own lines: no library's INFO chatter, one structured line per event."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from intake.logs import event_line
from tests.intake.conftest import ROOT, intake_cmd


def test_init_on_a_new_database_prints_one_line_and_nothing_of_alembic(
        write_config: Callable[..., Path], tmp_path: Path) -> None:
    path = write_config()
    result = subprocess.run(intake_cmd("--config", str(path), "init"), cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [f"数据目录 {tmp_path / 'data'} 已就绪"]


def test_an_event_line_is_key_value_pairs_with_quotes_only_where_needed() -> None:
    line = event_line("message", folder="INBOX", uid=None, id=7, message_id="<a b@x>", outcome="ready")
    assert line == 'event=message folder=INBOX uid=- id=7 message_id="<a b@x>" outcome=ready'
