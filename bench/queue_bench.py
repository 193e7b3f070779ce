"""Job queues side by side: `python -m bench.queue_bench [--jobs 400] [--latency 40]`.

For each candidate that imports here, on this machine:

- enqueue: jobs/s, each job committed on its own (as a recorded message is);
- drain: jobs/s for one worker loop taking and running no-op jobs until the queue is empty;
- latency: enqueue → start of the job, median and worst of `--latency` jobs enqueued 50 ms apart
  while one worker thread polls (the product's polling interval).

Candidates: today's claim-and-poll (the pending row is the job; a poll every second takes due rows
and claims each one: an advisory lock on PostgreSQL, an flock on SQLite), Huey's SqliteHuey (the
embedded default), Huey's SqlHuey over peewee on SQLite and on PostgreSQL (psycopg 3), and
procrastinate on PostgreSQL when it imports (it is no dependency of the product: install it
beside the bench to include it). PostgreSQL is `INTAKE_TEST_PG` (the tests' server); each
candidate gets a fresh database, dropped afterwards.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import statistics
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import psycopg
import sqlalchemy as sa

PG_ADMIN = os.environ.get("INTAKE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
POLL = 0.1  # seconds a worker waits when the queue is empty (Huey's default first delay)


@contextmanager
def fresh_pg() -> Iterator[str]:
    """A new PostgreSQL database for one candidate: its libpq URL, dropped afterwards."""
    name = f"queue_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_ADMIN.rsplit('/', 1)[0]}/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Candidate:
    """enqueue(payload) commits one job; work_one() runs one job and says whether there was one."""

    name = ""
    poll = POLL

    def enqueue(self, payload: float) -> None:
        raise NotImplementedError

    def work_one(self) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        pass


class ClaimAndPoll(Candidate):
    """Today's dispatch: a pending row per message; a poll lists due rows and claims each one."""

    poll = 1.0  # intake.worker.TICK

    def __init__(self, url: str, lock_dir: Path) -> None:
        self.name = f"claim-and-poll ({url.split(':')[0]})"
        self.engine = sa.create_engine(url)
        self.pg = self.engine.dialect.name == "postgresql"
        self.lock_dir = lock_dir
        self.due: list[int] = []
        self.started: Callable[[float], None] = lambda _p: None
        with self.engine.begin() as conn:
            conn.execute(sa.text("CREATE TABLE job (id INTEGER PRIMARY KEY, payload FLOAT, pending BOOLEAN)"))

    def enqueue(self, payload: float) -> None:
        with self.engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO job (id, payload, pending) VALUES "
                                 "((SELECT COALESCE(MAX(id), 0) + 1 FROM job), :p, TRUE)"), {"p": payload})

    def work_one(self) -> bool:
        if not self.due:  # one look at the due rows, as `due_messages` does
            with self.engine.connect() as conn:
                self.due = list(conn.execute(sa.text("SELECT id FROM job WHERE pending ORDER BY id")).scalars())
            if not self.due:
                return False
        pk = self.due.pop(0)
        with self._claim(pk) as held, self.engine.begin() as conn:
            if held and self.pg:
                held = conn.execute(sa.text("SELECT pg_try_advisory_xact_lock(1, :k)"), {"k": pk}).scalar()
            if not held:
                return True
            payload = conn.execute(sa.text("SELECT payload FROM job WHERE id = :k AND pending"), {"k": pk}).scalar()
            if payload is not None:
                self.started(payload)
                conn.execute(sa.text("UPDATE job SET pending = FALSE WHERE id = :k"), {"k": pk})
        return True

    @contextmanager
    def _claim(self, pk: int) -> Iterator[bool]:
        if self.pg:
            yield True
            return
        fd = os.open(self.lock_dir / f"message-{pk}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            yield True
        except BlockingIOError:
            yield False
        finally:
            os.close(fd)

    def close(self) -> None:
        self.engine.dispose()


class HueyCandidate(Candidate):
    def __init__(self, name: str, huey) -> None:  # type: ignore[no-untyped-def]
        self.name, self.huey = name, huey
        self.started: Callable[[float], None] = lambda _p: None
        self.task = huey.task(name="job")(lambda payload: self.started(payload))

    def enqueue(self, payload: float) -> None:
        self.task(payload)

    def work_one(self) -> bool:
        task = self.huey.dequeue()
        if task is None:
            return False
        self.huey.execute(task)
        return True

    def close(self) -> None:
        self.huey.storage.close()


class Procrastinate(Candidate):
    """procrastinate's sync API: defer commits a job; a worker run with wait=False drains the queue."""

    def __init__(self, url: str) -> None:
        import procrastinate

        self.name = "procrastinate (postgresql)"
        self.started: Callable[[float], None] = lambda _p: None
        self.app = procrastinate.App(connector=procrastinate.SyncPsycopgConnector(conninfo=url))
        self.app.open()
        self.app.schema_manager.apply_schema()
        self.task = self.app.task(name="job")(lambda payload: self.started(payload))
        self.worker_app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=url))
        self.worker_app.task(name="job")(lambda payload: self.started(payload))

    def enqueue(self, payload: float) -> None:
        self.task.defer(payload=payload)

    def drain(self) -> None:
        with self.worker_app.open():
            self.worker_app.run_worker(wait=False, concurrency=1, install_signal_handlers=False,
                                       listen_notify=False)

    def serve(self, stop: threading.Event) -> None:
        import asyncio

        async def run() -> None:
            async with self.worker_app.open_async():
                worker = asyncio.ensure_future(self.worker_app.run_worker_async(
                    concurrency=1, install_signal_handlers=False, fetch_job_polling_interval=POLL))
                while not stop.is_set():
                    await asyncio.sleep(0.05)
                worker.cancel()
                with suppress(asyncio.CancelledError):
                    await worker

        asyncio.run(run())

    def close(self) -> None:
        self.app.close()


def measure(candidate: Candidate, jobs: int, latency_jobs: int) -> dict[str, float]:
    """enqueue jobs/s, drain jobs/s, and enqueue→start latency (median, max; seconds)."""
    start = time.perf_counter()
    for _ in range(jobs):
        candidate.enqueue(0.0)
    enqueue_rate = jobs / (time.perf_counter() - start)
    ran = 0
    candidate.started = lambda _p: None  # type: ignore[attr-defined]
    start = time.perf_counter()
    if isinstance(candidate, Procrastinate):
        candidate.drain()
        ran = jobs
    else:
        while candidate.work_one():
            ran += 1
    drain_rate = ran / (time.perf_counter() - start)

    delays: list[float] = []
    done = threading.Event()

    def started(payload: float) -> None:
        delays.append(time.time() - payload)
        if len(delays) >= latency_jobs:
            done.set()

    candidate.started = started  # type: ignore[attr-defined]
    stop = threading.Event()
    if isinstance(candidate, Procrastinate):
        worker = threading.Thread(target=candidate.serve, args=(stop,))
    else:
        def loop() -> None:
            while not stop.is_set():
                if not candidate.work_one():
                    stop.wait(candidate.poll)
        worker = threading.Thread(target=loop)
    worker.start()
    time.sleep(0.5)  # the worker is up and idle
    for _ in range(latency_jobs):
        candidate.enqueue(time.time())
        time.sleep(0.05)
    done.wait(30)
    stop.set()
    worker.join()
    return {"enqueue": enqueue_rate, "drain": drain_rate,
            "median": statistics.median(delays) if delays else float("nan"), "max": max(delays, default=float("nan"))}


def candidates(tmp: Path) -> Iterator[Callable[[], Iterator[Candidate]]]:
    """Factories: each yields one ready candidate inside the context it needs (a fresh database)."""

    def claim_sqlite() -> Iterator[Candidate]:
        (tmp / "locks").mkdir(exist_ok=True)
        yield ClaimAndPoll(f"sqlite:///{tmp / 'claim.db'}", tmp / "locks")

    def claim_pg() -> Iterator[Candidate]:
        with fresh_pg() as url:
            yield ClaimAndPoll(url.replace("postgresql://", "postgresql+psycopg://"), tmp)

    def sqlite_huey() -> Iterator[Candidate]:
        from huey import SqliteHuey

        yield HueyCandidate("huey SqliteHuey (sqlite)", SqliteHuey("bench", filename=str(tmp / "huey.db")))

    def sql_huey_sqlite() -> Iterator[Candidate]:
        from huey.contrib.sql_huey import SqlHuey
        from peewee import SqliteDatabase

        database = SqliteDatabase(str(tmp / "peewee.db"), pragmas={"journal_mode": "wal", "busy_timeout": 5000})
        yield HueyCandidate("huey SqlHuey/peewee (sqlite)", SqlHuey("bench", database=database))

    def sql_huey_pg() -> Iterator[Candidate]:
        from huey.contrib.sql_huey import SqlHuey
        from playhouse.db_url import connect

        with fresh_pg() as url:
            yield HueyCandidate("huey SqlHuey/peewee (postgresql, psycopg 3)", SqlHuey("bench", database=connect(url)))

    def procrastinate_pg() -> Iterator[Candidate]:
        with fresh_pg() as url:
            yield Procrastinate(url)

    yield from (claim_sqlite, claim_pg, sqlite_huey, sql_huey_sqlite, sql_huey_pg, procrastinate_pg)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=400)
    parser.add_argument("--latency", type=int, default=40)
    args = parser.parse_args()
    print(f"{'candidate':44} {'enqueue/s':>10} {'drain/s':>10} {'latency median':>15} {'max':>8}")
    with tempfile.TemporaryDirectory(prefix="queue-bench-") as tmp:
        for factory in candidates(Path(tmp)):
            try:
                context = contextmanager(factory)()
                candidate = context.__enter__()
            except ImportError as e:
                print(f"{factory.__name__:44} not installed ({e.name})")
                continue
            try:
                r = measure(candidate, args.jobs, args.latency)
            finally:
                candidate.close()
                context.__exit__(None, None, None)
            print(f"{candidate.name:44} {r['enqueue']:10.0f} {r['drain']:10.0f} "
                  f"{r['median'] * 1000:12.0f} ms {r['max'] * 1000:5.0f} ms", flush=True)


if __name__ == "__main__":
    main()
