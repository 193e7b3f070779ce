"""`intake run` against a real Dovecot: IDLE, outages, SIGKILL, SIGTERM — each message exactly once."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import threading
import time

import pytest
from sqlmodel import Session, select

import intake.fetcher
from intake.daemon import run_forever
from storage.models import Message
from tests.intake.conftest import ROOT, counts, intake_cmd, make_service, message_ids, text_message, wait_for
from tests.intake.dovecot import capabilities_without
from tests.intake.stall import StallingProxy


def _in_background(target) -> threading.Thread:  # type: ignore[no-untyped-def]
    failures: list[BaseException] = []

    def guarded() -> None:
        try:
            target()
        except BaseException as e:  # noqa: BLE001 - re-raised in the test thread
            failures.append(e)
        finally:
            os.kill(os.getpid(), signal.SIGTERM)  # stop the daemon in the main thread

    thread = threading.Thread(target=guarded, daemon=True)
    thread.failures = failures  # type: ignore[attr-defined]
    thread.start()
    return thread


def _check(thread: threading.Thread) -> None:
    thread.join(timeout=30)
    if thread.failures:  # type: ignore[attr-defined]
        raise thread.failures[0]  # type: ignore[attr-defined]


def test_message_appended_during_idle_is_recorded_within_2_seconds(dovecot, imap_config, caplog):
    service = make_service(imap_config())
    timings: dict[str, float] = {}

    def idling() -> bool:
        return any(r.getMessage().startswith("idling") for r in caplog.records)

    def deliver() -> None:
        assert wait_for(idling, timeout=30)
        start = time.monotonic()
        dovecot.append(text_message(1))
        assert wait_for(lambda: counts(service)[0] == 1, timeout=10, step=0.02)
        timings["recorded"] = time.monotonic() - start
        assert wait_for(lambda: counts(service)[1] == 0, timeout=60)  # processed by a worker
        timings["processed"] = time.monotonic() - start

    thread = _in_background(deliver)
    with caplog.at_level(logging.DEBUG, logger="intake.daemon"):
        assert run_forever(service) == 0
    _check(thread)
    assert timings["recorded"] < 2.0, timings


@pytest.mark.dovecot(extra=capabilities_without("IDLE"))
def test_without_idle_the_scheduler_polls_and_records_a_later_message(dovecot, imap_config, caplog):
    service = make_service(imap_config(mailbox_extra="poll_interval_seconds = 1\n"))

    def polling() -> bool:
        return any("不支持 IDLE" in r.getMessage() for r in caplog.records)

    def deliver() -> None:
        assert wait_for(polling, timeout=30)
        dovecot.append(text_message(1))
        assert wait_for(lambda: counts(service) == (1, 0), timeout=60, step=0.1)

    thread = _in_background(deliver)
    with caplog.at_level(logging.DEBUG, logger="intake.daemon"):
        assert run_forever(service) == 0
    _check(thread)
    assert not any(r.getMessage().startswith("idling") for r in caplog.records)


def test_dovecot_killed_and_restarted_mid_batch_records_each_message_once(dovecot, imap_config, monkeypatch):
    dovecot.append(*(text_message(n) for n in range(250)))
    service = make_service(imap_config(mailbox_extra="batch_size = 50\n"))
    real_record = intake.fetcher.record_batch
    batches = {"n": 0}

    def record_then_fail(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = real_record(*args, **kwargs)
        batches["n"] += 1
        if batches["n"] == 3:  # 150 recorded: the server dies under the fetcher before the next FETCH
            dovecot.kill()
            threading.Timer(1.0, dovecot.start).start()
        return result

    monkeypatch.setattr(intake.fetcher, "record_batch", record_then_fail)

    def until_all_recorded() -> None:
        assert wait_for(lambda: counts(service) == (250, 0), timeout=120, step=0.2)

    thread = _in_background(until_all_recorded)
    assert run_forever(service) == 0
    _check(thread)
    ids = message_ids(service)
    assert len(ids) == len(set(ids)) == 250
    assert _uids(service) == set(range(1, 251))


def _uids(service) -> set[int]:  # type: ignore[no-untyped-def]
    with Session(service.db) as session:
        return set(session.exec(select(Message.uid)))


def test_daemon_killed_mid_batch_and_restarted_records_each_message_once(dovecot, imap_config, imap_env):
    dovecot.append(*(text_message(n) for n in range(300)))
    config = imap_config(mailbox_extra="batch_size = 20\n")
    service = make_service(config)
    direct = config.read_text(encoding="utf-8")
    # the third batch's FETCH never reaches Dovecot: the daemon is caught mid-batch on any machine
    with StallingProxy(dovecot.port, marker=b"BODY.PEEK[]", nth=3) as proxy:
        config.write_text(direct.replace(f"port = {dovecot.port}\n", f"port = {proxy.port}\n"), encoding="utf-8")
        daemon = subprocess.Popen(intake_cmd("run", "--config", str(config)), env=imap_env, cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            assert wait_for(lambda: proxy.held.is_set() and counts(service)[0] >= 40, timeout=60)
        finally:
            os.killpg(daemon.pid, signal.SIGKILL)  # the daemon and its workers: a power cut
            daemon.wait()
    assert counts(service)[0] == 40  # two batches recorded, the third in flight
    config.write_text(direct, encoding="utf-8")
    log = open(config.parent / "run2.log", "w+b")  # noqa: SIM115 - read back after exit
    again = subprocess.Popen(intake_cmd("run", "--config", str(config)), env=imap_env, cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=log)
    try:
        assert wait_for(lambda: counts(service) == (300, 0), timeout=150, step=0.2)
    finally:
        started = time.monotonic()
        again.send_signal(signal.SIGTERM)
        code = again.wait(timeout=35)
    assert code == 0  # SIGTERM is a clean stop
    assert time.monotonic() - started < 30
    ids = message_ids(service)
    assert len(ids) == len(set(ids)) == 300
    assert _uids(service) == set(range(1, 301))
    log.seek(0)
    assert "Traceback" not in log.read().decode("utf-8", "replace")
