"""Processing exactly once under concurrency: `ingest` beside `run` (SQLite and PostgreSQL), superseding with
2 workers (PostgreSQL)."""

from __future__ import annotations

import signal
import subprocess
import threading
import uuid
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

import psycopg
from sqlalchemy import func
from sqlmodel import Session, col, select

from intake.daemon import poll_once
from intake.processing import SKIPPED, process_one
from storage.db import session_scope
from storage.models import Request, ReviewEvent, School
from storage.states import Action, Stage, Status
from tests.conftest import PG_ADMIN
from tests.intake.conftest import ROOT, counts, intake_cmd, make_service, run_cli, text_message, wait_for
from workflow.transitions import transition

SCHOOL = "江苏省南京工程高等职业学校"


def _processed_events(service) -> dict[int, int]:  # type: ignore[no-untyped-def]
    """request id → how many times the machine processed it (its `processed` audit rows)."""
    with Session(service.db) as session:
        rows = session.exec(select(ReviewEvent.request_id, func.count()).where(
            ReviewEvent.action == Action.PROCESSED).group_by(col(ReviewEvent.request_id))).all()
    return dict(rows)  # type: ignore[arg-type]


def return_open_requests(service, returned: set[int]) -> None:  # type: ignore[no-untyped-def]
    """A reviewer returning every ready or flagged request, each in its own transaction."""
    with session_scope(service.db) as session:
        ids = session.exec(select(Request.id).where(col(Request.status).in_([Status.READY, Status.FLAGGED]))).all()
    for pk in ids:
        with session_scope(service.db) as session:
            request = session.exec(select(Request).where(Request.id == pk).with_for_update()).one()
            if request.status in (Status.READY, Status.FLAGGED):
                transition(session, request, actor="审核员", action=Action.RETURN, status=Status.RETURNED,
                           stage=Stage.DONE, comment="退回补充材料")
                returned.add(pk)


def test_ingest_beside_run_processes_each_message_once_and_keeps_decisions(
        dovecot, imap_config, imap_env, database_url, tmp_path):
    messages = [text_message(n) for n in range(80)]
    dovecot.append(*messages)
    files = []
    for n, raw in enumerate(messages):
        files.append(tmp_path / f"m{n}.eml")
        files[-1].write_bytes(raw)
    config = imap_config(url=database_url, workers=2)
    service = make_service(config)
    daemon = subprocess.Popen(intake_cmd("run", "--config", str(config)), env=imap_env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    returned: set[int] = set()
    stop = threading.Event()

    def reviewer() -> None:
        while not stop.is_set():
            return_open_requests(service, returned)
            stop.wait(0.05)

    thread = threading.Thread(target=reviewer)
    thread.start()
    try:
        ingest = run_cli(imap_env, "ingest", "--config", str(config), *map(str, files))
        assert ingest.returncode == 0, ingest.stderr[-2000:]
        assert wait_for(lambda: counts(service) == (80, 0), timeout=60)
    finally:
        stop.set()
        thread.join()
        daemon.send_signal(signal.SIGTERM)
        _, stderr = daemon.communicate(timeout=35)
    assert daemon.returncode == 0, stderr[-2000:]
    assert "Traceback" not in stderr, stderr[stderr.index("Traceback") - 300:][:3000]
    with Session(service.db) as session:
        ids = session.exec(select(Request.id)).all()
    assert len(ids) == 80
    assert _processed_events(service) == {pk: 1 for pk in ids}
    assert returned  # the reviewer acted while both processes ran
    with Session(service.db) as session:
        after = {r.id: r.status for r in session.exec(select(Request).where(col(Request.id).in_(returned)))}
    assert set(after.values()) == {Status.RETURNED}


def test_a_returned_request_is_never_processed_again(write_config, pg_url, tmp_path):
    config = write_config(url=pg_url)
    service = make_service(config)
    eml = tmp_path / "one.eml"
    eml.write_bytes(text_message(1))
    assert run_cli({"PYTHONPATH": str(ROOT)}, "ingest", "--config", str(config), str(eml)).returncode == 0
    returned: set[int] = set()
    return_open_requests(service, returned)
    assert returned == {1}
    assert process_one(service, 1) == SKIPPED
    with Session(service.db) as session:
        assert session.get(Request, 1).status == Status.RETURNED  # type: ignore[union-attr]
    assert _processed_events(service) == {1: 1}


def _school_request(n: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = "teacher@njgcgz.edu.cn"
    msg["To"] = "jsxzsbg@163.com"
    msg["Subject"] = f"{SCHOOL}+2024年证书申报调整申请"
    msg["Message-ID"] = f"<req-{n}-{uuid.uuid4().hex[:8]}@njgcgz.edu.cn>"
    msg["Date"] = format_datetime(datetime(2024, 3, 2, tzinfo=UTC) + timedelta(minutes=n))
    msg.set_content(f"第 {n} 次调整申请，附件另行补交。")
    return msg.as_bytes()


def _fresh_database() -> str:
    name = f"intake_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{PG_ADMIN.rsplit('/', 1)[0]}/{name}"


def _drop_database(url: str) -> None:
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def test_200_requests_of_one_school_with_2_workers_leave_exactly_one_open(write_config, tmp_path):
    for run in range(5):
        url = _fresh_database()
        try:
            maildir = tmp_path / f"maildir{run}"
            for sub in ("new", "cur", "tmp"):
                (maildir / sub).mkdir(parents=True)
            for n in range(200):
                (maildir / "new" / f"{n:04d}.eml").write_bytes(_school_request(n))
            config = write_config(url=url, extra="[ocr]\nworkers = 2\n", name=f"config{run}.toml")
            config.write_text(config.read_text(encoding="utf-8").replace(str(tmp_path / "maildir"), str(maildir)),
                              encoding="utf-8")
            service = make_service(config)
            with session_scope(service.db) as session:
                session.add(School(name=SCHOOL, type="高职"))
            assert poll_once(service) == 0
            with Session(service.db) as session:
                statuses = session.exec(select(Request.status)).all()
            assert len(statuses) == 200
            assert sum(s in (Status.READY, Status.FLAGGED) for s in statuses) == 1, f"run {run}"
            assert statuses.count(Status.SUPERSEDED) == 199, f"run {run}"
            service.db.dispose()
        finally:
            _drop_database(url)


def test_ingest_tells_the_officer_what_it_recorded_in_chinese(write_config, tmp_path):
    """New, repeated and unreadable files are counted in one Chinese line; only an unreadable file fails."""
    config = write_config()
    eml = tmp_path / "one.eml"
    eml.write_bytes(text_message(1))
    first = run_cli({"PYTHONPATH": str(ROOT)}, "ingest", "--config", str(config), str(eml))
    assert first.returncode == 0 and "新记录邮件 1 封，重复 0 封" in first.stderr
    again = run_cli({"PYTHONPATH": str(ROOT)}, "ingest", "--config", str(config), str(eml), str(tmp_path / "none.eml"))
    assert again.returncode == 1 and "新记录邮件 0 封，重复 1 封，无法读取的文件 1 个" in again.stderr
