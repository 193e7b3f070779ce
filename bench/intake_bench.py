"""Intake throughput and IDLE latency against a throw-away Dovecot: `python -m bench.intake_bench`.

1. A 1,000-message text-only backlog: messages/s fetched and recorded by intake (raw bytes stored
   and made durable with or before the rows, rows committed and jobs enqueued once per FETCH batch)
   against a plain imapclient fetch loop of the same messages, and the ratio of the two (goal ≥ 0.5).
   Each of `--rounds` rounds runs the two side by side, intake into a fresh database; timings on a
   shared machine are noisy, so every round is printed and the median ratio closes.
2. IDLE: time from an APPEND to the message's row being committed (processing excluded).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

from imapclient import IMAPClient

from intake.config import load_config
from intake.fetcher import Fetcher
from intake.imap import FETCH_ITEMS, ImapSource
from intake.service import Service
from tests.intake.conftest import ROUND, counts, text_message
from tests.intake.dovecot import PASSWORD, USER, Dovecot


def plain_loop(port: int, batch: int) -> float:
    start = time.perf_counter()
    client = IMAPClient("127.0.0.1", port=port, ssl=False)
    client.login(USER, PASSWORD)
    client.select_folder("INBOX", readonly=True)
    uids = client.search("ALL")
    for i in range(0, len(uids), batch):
        client.fetch(uids[i:i + batch], FETCH_ITEMS)  # what intake asks for
    client.logout()
    return time.perf_counter() - start


def service_for(dovecot: Dovecot, work: Path, name: str) -> Service:
    path = work / f"{name}.toml"
    path.write_text(dovecot.config_section() + ROUND.format(
        url=f"sqlite:///{work / name}.db", data_dir=work / f"{name}-data", workers=1), encoding="utf-8")
    service = Service(load_config(path))
    service.init()
    # as `intake poll` and `intake run` do before they connect: a fresh instance makes the queue's tables
    # here (about 30 ms, once per data_dir), which is set-up and not part of fetching and recording
    service.queue  # noqa: B018
    return service


def intake_pass(service: Service) -> float:
    start = time.perf_counter()
    source = ImapSource(service.config.mailbox)
    source.connect()
    fetcher = Fetcher(service, source, service.queue, threading.Event(), follow=False)  # only record
    fetcher.run_pass()
    source.close()
    return time.perf_counter() - start


def idle_latency(dovecot: Dovecot, service: Service, rounds: int) -> list[float]:
    source = ImapSource(service.config.mailbox)
    source.connect()
    fetcher = Fetcher(service, source, service.queue, threading.Event(), follow=False)  # only record
    fetcher.run_pass()
    latencies = []
    for n in range(rounds):
        before = counts(service)[0]
        source.idle_start()
        start = time.perf_counter()
        threading.Timer(0.05, dovecot.append, args=(text_message(100_000 + n),)).start()
        while not any(len(r) > 1 and r[1] == b"EXISTS" for r in source.idle_check(1.0)):
            pass
        source.idle_done()
        fetcher.run_pass()
        assert counts(service)[0] == before + 1
        latencies.append(time.perf_counter() - start - 0.05)
    source.close()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5, help="backlog rounds, side by side")
    parser.add_argument("--idle-rounds", type=int, default=5)
    args = parser.parse_args()
    os.environ["INTAKE_TEST_IMAP_PASSWORD"] = PASSWORD  # the config names this variable
    with tempfile.TemporaryDirectory(prefix="bench") as tmp:
        work = Path(tmp)
        dovecot = Dovecot()
        dovecot.start()
        try:
            client = dovecot.client()
            for n in range(args.messages):
                client.append("INBOX", text_message(n))
            client.logout()
            n, ratios = args.messages, []
            for round_ in range(args.rounds):
                service = service_for(dovecot, work, f"backlog{round_}")
                plain = plain_loop(dovecot.port, service.config.mailbox.batch_size)
                ours = intake_pass(service)
                assert counts(service)[0] == n
                ratios.append(plain / ours)
                print(f"backlog {n} text-only messages, batch {service.config.mailbox.batch_size}, round {round_ + 1}: "
                      f"plain imapclient fetch loop {plain:5.2f} s ({n / plain:5.0f} msg/s), "
                      f"intake fetch + record {ours:5.2f} s ({n / ours:5.0f} msg/s), ratio {plain / ours:.3f}")
            print(f"  ratio intake / plain: median {statistics.median(ratios):.3f}, "
                  f"range {min(ratios):.3f}–{max(ratios):.3f} over {len(ratios)} rounds (goal ≥ 0.5)")
            lat = idle_latency(dovecot, service_for(dovecot, work, "idle"), args.idle_rounds)
            print(f"IDLE delivery-to-record latency over {len(lat)} messages: "
                  f"median {statistics.median(lat):.3f} s, max {max(lat):.3f} s")
        finally:
            dovecot.cleanup()


if __name__ == "__main__":
    main()
