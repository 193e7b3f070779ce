"""A 1,000-message backlog: every message recorded and processed once, with bounded fetcher memory."""

from __future__ import annotations

import subprocess
import sys

from tests.intake.conftest import ROOT, counts, make_service, message_ids, text_message

MEASURE = """
import resource, sys
from pathlib import Path
from intake.config import load_config
from intake.daemon import poll_once
from intake.service import Service

def rss_kb(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1])

service = Service(load_config(Path(sys.argv[1])))
service.init()
before = rss_kb("VmRSS")
code = poll_once(service)
print(code, before, rss_kb("VmHWM"), flush=True)
"""

MESSAGES = 1000
SIZE = 40_000  # bytes of text per message: 40 MB in all, so holding the backlog would show


def test_backlog_of_1000_is_processed_with_bounded_memory(dovecot, imap_config, imap_env):
    client = dovecot.client()
    for n in range(MESSAGES):  # one connection: appending is the slow part of this test
        client.append("INBOX", text_message(n, size=SIZE))
    client.logout()
    config = imap_config(workers=2)
    result = subprocess.run([sys.executable, "-c", MEASURE, str(config)], env=imap_env, cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    code, before_kb, peak_kb = (int(v) for v in result.stdout.split())
    assert code == 0
    service = make_service(config)
    assert counts(service) == (MESSAGES, 0)
    assert len(set(message_ids(service))) == MESSAGES
    growth_mb = (peak_kb - before_kb) / 1024
    print(f"fetcher peak RSS growth for {MESSAGES} x {SIZE // 1000} kB: {growth_mb:.1f} MB")
    assert growth_mb < 80, growth_mb  # generous: measured ~25 MB; batches of 100 keep it flat
