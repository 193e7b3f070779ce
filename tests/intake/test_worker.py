"""`intake worker` on two "machines" (separate working and data directories, blobs in PostgreSQL) beside an
`intake run` with no workers."""

from __future__ import annotations

import signal

from sqlmodel import Session, col, select

from storage.models import Message, Problem, Request
from tests.intake.conftest import counts, make_service, run_cli, start_logged, text_message, wait_for
from tests.intake.test_exactly_once import _drop_database, _fresh_database, _processed_events


def _results(service) -> dict[str, tuple[str | None, str | None, tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    """Message-ID → (kind, status, problem codes): what processing made of each message."""
    with Session(service.db) as session:
        rows = session.exec(select(Message.message_id, Request.kind, Request.status, Request.id)
                            .join(Request, col(Request.id) == Message.id)).all()
        codes = {}
        for problem in session.exec(select(Problem)):
            codes.setdefault(problem.request_id, []).append(problem.code)
    return {mid: (kind, status, tuple(sorted(codes.get(pk, [])))) for mid, kind, status, pk in rows}


def test_two_workers_and_a_fetcher_process_each_message_once(dovecot, imap_config, imap_env, pg_url, tmp_path):
    dovecot.append(*(text_message(n) for n in range(200)))
    config = imap_config(url=pg_url, workers=0)
    data_line = f'data_dir = "{tmp_path / "data"}"'
    config.write_text(config.read_text(encoding="utf-8").replace(data_line, f'{data_line}\nblobs = "database"'),
                      encoding="utf-8")
    service = make_service(config)
    machines = []
    for name in ("a", "b"):  # each with a data_dir of its own: the blobs are in PostgreSQL
        home = tmp_path / f"machine-{name}"
        home.mkdir()
        text = config.read_text(encoding="utf-8").replace("workers = 0", "workers = 1")
        (home / "config.toml").write_text(text.replace(data_line, f'data_dir = "{home / "data"}"'), encoding="utf-8")
        machines.append(home)
    fetcher, fetcher_log = start_logged(imap_env, tmp_path, "run", "--config", str(config))
    workers = [start_logged(imap_env, home, "worker", "--config", str(home / "config.toml")) for home in machines]
    try:
        assert wait_for(lambda: counts(service) == (200, 0), timeout=120, step=0.5)
    finally:
        for process, _ in [(fetcher, fetcher_log), *workers]:
            process.send_signal(signal.SIGTERM)
        codes = [process.wait(timeout=35) for process, _ in [(fetcher, fetcher_log), *workers]]
    assert codes == [0, 0, 0]
    logs = [log.read_text(encoding="utf-8") for log in (fetcher_log, *(log for _, log in workers))]
    assert not any("Traceback" in text for text in logs)
    assert "event=processed" not in logs[0]  # the fetcher has no workers
    assert all(text.count("event=processed") > 0 for text in logs[1:])  # both machines worked
    assert sum(text.count("event=processed") for text in logs[1:]) == 200
    assert set(_processed_events(service).values()) == {1}
    assert len(_processed_events(service)) == 200
    assert not (tmp_path / "data" / "blobs").exists()  # nothing was written beside the fetcher
    assert all(not (home / "data" / "blobs").exists() for home in machines)

    reference_url = _fresh_database()  # the same mailbox, one process
    try:
        reference = make_service(imap_config(url=reference_url, workers=1))
        result = run_cli(imap_env, "poll", "--config", str(tmp_path / "config.toml"))
        assert result.returncode == 0, result.stderr[-2000:]
        assert _results(reference) == _results(service)
        reference.db.dispose()
    finally:
        _drop_database(reference_url)
