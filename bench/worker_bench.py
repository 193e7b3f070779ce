"""Processing throughput of `intake worker` with 1, 2 and 4 local workers: `python -m bench.worker_bench`.

Born-digital requests (PDFs with a text layer, made by tests.scangen, so pages are read without
full-page OCR) are recorded unprocessed into a fresh SQLite database; then one `intake worker` with
`[ocr] workers = N` is started and timed until nothing is pending. Reported: pages/s and
messages/s per N. On a 2-core machine 4 workers measure the overhead of the claims and the
process pool, not a speed-up.
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

from intake.config import load_config
from intake.recording import Origin, record_message
from intake.service import Service
from storage.models import PageRecord, Request
from storage.states import Status
from tests.intake.conftest import ROUND
from tests.scangen.digital import digital_documents
from tests.scangen.package import to_eml
from tests.scangen.truth import random_truth

ROOT = Path(__file__).resolve().parents[1]
CONFIG = '[mailbox]\nmaildir = "{home}/maildir"\n' + ROUND  # the tests' round, storage and [ocr] sections


def born_digital_messages(count: int, seed: int = 14) -> list[bytes]:
    """`count` requests, each with the born-digital documents of one random truth."""
    rng = random.Random(seed)
    messages = []
    for _ in range(count):
        truth = random_truth(rng)
        messages.append(to_eml(digital_documents(truth, rng), school=truth.school))
    return messages


def measure(messages: list[bytes], workers: int) -> tuple[float, int]:
    """(seconds until nothing is pending, pages read) for one `intake worker` with `workers` processes."""
    with tempfile.TemporaryDirectory(prefix="worker-bench-") as tmp:
        home = Path(tmp)
        config = home / "config.toml"
        config.write_text(CONFIG.format(home=home, url=f"sqlite:///{home}/intake.db", data_dir=home / "data",
                                        workers=workers), encoding="utf-8")
        service = Service(load_config(config))
        service.init()
        for raw in messages:
            with Session(service.db, expire_on_commit=False) as session:
                record_message(session, service.blobs, raw, Origin(account="file", folder="bench"))
        started = time.monotonic()
        worker = subprocess.Popen([sys.executable, "-m", "intake.cli", "worker", "--config", str(config)],
                                  cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while _pending(service):
                time.sleep(0.2)
            elapsed = time.monotonic() - started
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=35)
        with Session(service.db) as session:
            pages = session.exec(select(func.count()).select_from(PageRecord)).one()
        return elapsed, pages


def _pending(service: Service) -> int:
    with Session(service.db) as session:
        return session.exec(select(func.count()).select_from(Request).where(Request.status == Status.PENDING)).one()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=40)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    messages = born_digital_messages(args.messages)
    print(f"{args.messages} born-digital requests; times include the worker's start-up")
    for workers in args.workers:
        elapsed, pages = measure(messages, workers)
        print(f"workers={workers}: {pages} pages in {elapsed:.1f} s = {pages / elapsed:.2f} pages/s, "
              f"{len(messages) / elapsed:.2f} messages/s")


if __name__ == "__main__":
    main()
