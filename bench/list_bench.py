"""How fast `intake requests list --json` answers for 1,000 recorded messages (spec: under 1 s).

    python -m bench.list_bench [--n 1000]

Fills a fresh SQLite database with requests carrying problems, changes and documents, then
times the whole command (interpreter start-up included) and the JSON building alone.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import Session

from intake.config import load_config
from intake.service import Service
from storage.models import Change, Document, Message, Problem, Request
from workflow.views import request_rows, requests_json

CONFIG = """
[mailbox]
maildir = "{root}/maildir"
[storage]
url = "sqlite:///{root}/intake.db"
data_dir = "{root}/data"
[round]
year = 2024
window_start = "2024-03-01T00:00:00"
window_end = "2024-03-20T23:59:59"
"""


def fill(service: Service, count: int) -> None:
    start = datetime(2024, 3, 1, tzinfo=UTC)
    with Session(service.db) as session:
        for n in range(count):
            message = Message(message_id=f"<bench-{n}@example.cn>", sha256=f"{n:064x}", size=1000,
                              arrival=start + timedelta(minutes=n), arrival_source="received",
                              stored_at=start)
            session.add(message)
            session.flush()
            session.add(Request(id=message.id, kind="request", status="flagged", stage="city",
                                sender=f"school{n}@example.cn", subject=f"学校{n}+2024年证书申报调整申请"))
            session.flush()
            session.add(Problem(request_id=message.id, code="no_seal", message="申请扫描件上未发现单位公章"))
            session.add(Change(request_id=message.id, position=0, certificate="Web前端开发", field="headcount",
                               from_value=80, to_value=120))
            session.add(Document(request_id=message.id, position=0, filename="申请.pdf", sha256="0" * 64,
                                 kind="readable", pages=1, text_source="ocr"))
        session.commit()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        config_path = Path(tmp) / "config.toml"
        config_path.write_text(CONFIG.format(root=tmp), encoding="utf-8")
        service = Service(load_config(config_path))
        service.init()
        fill(service, args.n)
        command = [sys.executable, "-m", "intake.cli", "--config", str(config_path), "requests", "list", "--json"]
        walls = []
        for _ in range(5):
            began = time.perf_counter()
            done = subprocess.run(command, capture_output=True, check=True)
            walls.append(time.perf_counter() - began)
        began = time.perf_counter()
        with Session(service.db) as session:
            records = requests_json(session, request_rows(session), service.config.round.tz)
        building = time.perf_counter() - began
    print(f"records: {len(records)} ({len(done.stdout) // 1024} KiB of JSON)")
    print(f"intake requests list --json, whole command: median {statistics.median(walls):.3f} s, "
          f"max {max(walls):.3f} s (5 runs)")
    print(f"JSON building alone: {building:.3f} s")


if __name__ == "__main__":
    main()
