"""Faults: counted and swallowed or raised; under `intake run`, PostgreSQL restarted mid-backlog, the daemon killed."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

import intake.faults
from intake.faults import FaultLog, counted_faults
from tests.intake.conftest import (
    ROOT,
    clean_log,
    counts,
    intake_cmd,
    make_service,
    run_cli,
    start_logged,
    terminate,
    text_message,
    wait_for,
)
from tests.intake.pgcluster import PgCluster

ROUTINE = ("event=message", "event=processed", "event=pass", "event=delivery", "idling")


def _fault_lines(text: str) -> list[str]:
    """The log lines that are not one message's or one pass's routine line."""
    return [line for line in text.splitlines() if line.strip() and not any(r in line for r in ROUTINE)]


@pytest.fixture
def cluster():  # type: ignore[no-untyped-def]
    pg = PgCluster()
    pg.init()
    pg.start()
    yield pg
    pg.stop()
    pg.remove()


@pytest.fixture
def faults(monkeypatch):  # type: ignore[no-untyped-def]
    """A FaultLog of the test's own, so no count is left behind for the tests after it."""
    fresh = FaultLog()
    monkeypatch.setattr(intake.faults, "FAULTS", fresh)
    return fresh


def test_counted_faults_counts_a_transient_fault_and_swallows_it(faults):
    with counted_faults() as fault:
        raise OSError(errno.ENOSPC, "No space left on device")
    assert fault.kind == "disk"
    assert faults.count("disk") == 1


def test_counted_faults_raises_any_other_error_and_counts_nothing(faults):
    with pytest.raises(ValueError), counted_faults():
        raise ValueError("a bug, not an outage")
    assert faults.active() == []


def test_postgresql_restart_mid_backlog(dovecot, imap_config, imap_env, cluster, tmp_path):
    dovecot.append(*(text_message(n) for n in range(200)))
    config = imap_config(url=cluster.url, workers=2)
    service = make_service(config)
    daemon, log_path = start_logged(imap_env, tmp_path, "run", "--config", str(config))
    try:
        assert wait_for(lambda: 0 < counts(service)[1] < 190, timeout=60, step=0.01)
        service.db.dispose()
        before = len(log_path.read_text(encoding="utf-8").splitlines())
        cluster.stop()
        time.sleep(2.0)
        cluster.start()
        back = time.monotonic()
        assert wait_for(lambda: counts(service) == (200, 0), timeout=60, step=0.2)
        print(f"backlog done {time.monotonic() - back:.1f} s after PostgreSQL came back")
        assert wait_for(lambda: "收信进程：运行中" in run_cli(imap_env, "status", "--config", str(config)).stdout,
                        timeout=15, step=1.0)  # the one daemon holds the lock again
        second = run_cli(imap_env, "run", "--config", str(config), timeout=30)
        assert second.returncode == 1  # so a second daemon does not start beside it
    finally:
        code = terminate(daemon)
    assert code == 0
    text = clean_log(log_path)
    outage = _fault_lines("\n".join(text.splitlines()[before:]))
    print("\n".join(outage))
    assert len(outage) < 20, outage


def _children(pid: int) -> set[int]:
    """The live processes whose parent is `pid` (from /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone while we looked
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def _workers(pid: int) -> set[int]:
    """The daemon's pool workers: children running multiprocessing's spawn entry point."""
    return {c for c in _children(pid) if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()}


def test_sigkill_of_the_daemon_leaves_no_worker(dovecot, imap_config, imap_env):
    config = imap_config(workers=2)
    make_service(config)
    daemon = subprocess.Popen(intake_cmd("run", "--config", str(config)), env=imap_env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert wait_for(lambda: len(_workers(daemon.pid)) == 2, timeout=30, step=0.1)
    workers = _workers(daemon.pid)
    os.kill(daemon.pid, signal.SIGKILL)
    daemon.wait()
    assert wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in workers), timeout=5)
