"""Storage and configuration faults: one line and the right exit code; after the fault, no command needed."""

from __future__ import annotations

import socket
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, col, select

from storage.blobs import INLINE_BYTES
from storage.models import ReviewEvent
from storage.states import Action, Status
from tests.intake.conftest import (
    ROOT,
    clean_log,
    counts,
    make_service,
    run_cli,
    start_logged,
    terminate,
    text_message,
    wait_for,
)
from tests.intake.test_exactly_once import return_open_requests

ENV = {"PYTHONPATH": str(ROOT)}


def _stderr_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


@pytest.mark.parametrize(("url", "code", "words"), [
    ("postgres://postgres@127.0.0.1:5432/test", 2, "配置错误 storage.url: 不支持的数据库类型 postgres"),
    ("postgresql://postgres@127.0.0.1:5432/intake_missing_{hex}", 1, "数据库不存在（storage.url = postgresql"),
    ("postgresql://postgres@127.0.0.1:{port}/test", 1, "无法连接数据库（storage.url = postgresql"),
])
def test_a_bad_or_unreachable_database_is_one_line(write_config, url, code, words):
    with socket.socket() as s:  # a port nobody listens on: a server that is down
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = write_config(url=url.format(hex=uuid.uuid4().hex[:8], port=port))
    result = run_cli(ENV, "status", "--config", str(config))
    assert result.returncode == code
    assert _stderr_lines(result) == [result.stderr.strip()]
    assert words in result.stderr


@pytest.fixture
def small_data_dir(tmp_path: Path) -> Iterator[Path]:
    """data_dir on its own 2 MB tmpfs, so a test can fill it or make it read-only (needs root)."""
    data = tmp_path / "data"
    data.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(data)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield data
    subprocess.run(["umount", "-l", str(data)], check=True)


def _fill(directory: Path) -> Path:
    """Write until the file system is full; returns the file to delete to free the space."""
    filler = directory / "filler"
    try:
        with open(filler, "wb") as out:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
    except OSError:
        pass  # full: the last write, or the close that flushes it, was refused
    return filler


def test_full_or_read_only_data_dir_is_one_line_exit_1(write_config, small_data_dir, tmp_path):
    config = write_config()
    make_service(config)
    eml = tmp_path / "m.eml"
    eml.write_bytes(text_message(1))
    filler = _fill(small_data_dir)
    full = run_cli(ENV, "ingest", "--config", str(config), str(eml))
    assert (full.returncode, _stderr_lines(full)) == (1, [f"数据目录无法写入：磁盘已满（storage.data_dir = {small_data_dir}）"])
    filler.unlink()
    subprocess.run(["mount", "-o", "remount,ro", str(small_data_dir)], check=True)
    read_only = run_cli(ENV, "poll", "--config", str(config))
    assert (read_only.returncode, _stderr_lines(read_only)) == (
        1, [f"数据目录无法写入：文件系统为只读（storage.data_dir = {small_data_dir}）"])


def test_disk_full_under_run_is_shown_then_processed_once_space_is_freed(
        dovecot, imap_config, imap_env, small_data_dir, tmp_path):
    config = imap_config()
    service = make_service(config)
    daemon, log_path = start_logged(imap_env, tmp_path, "run", "--config", str(config))
    try:
        assert wait_for(lambda: "IMAP ID sent" in log_path.read_text(encoding="utf-8"), timeout=30)
        filler = _fill(small_data_dir)
        # larger than INLINE_BYTES, so stored as files in data_dir (smaller bytes commit with their rows)
        large = [text_message(n, size=2 * INLINE_BYTES) for n in range(4)]
        assert all(len(raw) > INLINE_BYTES for raw in large)
        dovecot.append(*large)
        status = lambda: run_cli(imap_env, "status", "--config", str(config)).stdout  # noqa: E731
        assert wait_for(lambda: "数据目录无法写入：磁盘已满" in status(), timeout=30, step=1.0)
        assert counts(service)[0] == 0
        filler.unlink()
        assert wait_for(lambda: counts(service) == (4, 0), timeout=60, step=0.5)
        assert wait_for(lambda: "最近错误" not in status(), timeout=30, step=1.0)
    finally:
        code = terminate(daemon)
    assert code == 0
    text = clean_log(log_path)
    assert text.count("event=fault kind=disk") == 1


def test_reprocess_reads_a_returned_request_again_and_audits_it(write_config, tmp_path):
    config = write_config()
    service = make_service(config)
    eml = tmp_path / "m.eml"
    eml.write_bytes(text_message(1))
    assert run_cli(ENV, "ingest", "--config", str(config), str(eml)).returncode == 0
    returned: set[int] = set()
    return_open_requests(service, returned)
    assert returned == {1}
    result = run_cli(ENV, "reprocess", "1", "--reviewer", "省级审核", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert f"第 1 号：{Status.FLAGGED.label}" in result.stderr
    with Session(service.db) as session:
        actions = [(e.action, e.actor, e.to_status) for e in session.exec(
            select(ReviewEvent).where(ReviewEvent.request_id == 1).order_by(col(ReviewEvent.id)))]
    assert actions[-2:] == [(Action.REPROCESS, "省级审核", Status.PENDING), (Action.PROCESSED, "system", Status.FLAGGED)]
    missing = run_cli(ENV, "reprocess", "99", "--config", str(config))
    assert (missing.returncode, _stderr_lines(missing)) == (1, ["没有第 99 号记录"])
