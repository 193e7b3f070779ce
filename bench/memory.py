"""Peak memory on hostile input (spec §2: under 2 GB summed over the daemon and its workers).

    python -m bench.memory [--pages 40] [--images 60] [--workers N] [--engine rapidocr] [--no-daemon]

Three measurements, one after the other (never two at once: the machine has 2 cores):

1. reading: the whole reading stage (documents, orientation, OCR, seals, approvals, changes) of a
   `--pages`-page scanned PDF (300 dpi colour scans; 40 pages make 54.5 MB, a 73.7 MB message) in one
   fresh process; its VmHWM in MB against the 1.5 GB target.
2. ingest: `intake ingest` of one hostile message at a time, each on a fresh instance (SQLite in a temp
   dir, `[ocr] workers` the product default unless `--workers`): that PDF; the 108-megapixel phone photo
   of `/work/shared/cases/mail/c20_108mp_phone_photo.eml` (read at reduced size, if present); a valid
   20000×20000 PNG decompression bomb (a 0.5 MB message, 400 Mpx); a valid 79-megapixel white PNG, just
   under `Limits.max_image_pixels`, so it really is decoded; and `--images` 300 dpi JPEG scans in one
   message (60 by default: `Limits.max_pages`, and past `max_total_pixels`).
3. daemon (unless `--no-daemon`): `intake run` against a throw-away Dovecot (tests/intake/dovecot.py)
   holding all those messages, from start until every message is processed, then SIGTERM.

For 2 and 3 the process tree (the `intake` process and every descendant, e.g. job workers) is sampled
every 50 ms from /proc: "peak MB" is the largest sum of VmRSS over the tree at one sample (shared
copy-on-write pages count once per process, so it errs high); "Σ HWM MB" is the sum of each process's
VmHWM as last seen (kernel-tracked peaks, not simultaneous: an upper bound that no spike between
samples escapes). Both are MiB, set against the bound of 2048: "OVER" if the peak reaches it, "ok?"
if only Σ HWM does, else "ok". "pages" is the pages the product read
(sum of `document.pages`), "unread" its unreadable documents, "status" the request's status;
"wall s" is the command's wall time in seconds. Under each row as it is measured: every process of
the tree with its VmHWM and command line.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from bench.reading import CONFIG, ROOT

BOUND_MB = 2048
SAMPLE_SECONDS = 0.05
PHOTO = Path("/work/shared/cases/mail/c20_108mp_phone_photo.eml")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")

PROBE = r"""
import re, sys, time
from pathlib import Path
from parsers.limits import Limits
from parsers.model import Attachment, ParsedMessage
from parsers.ocr import make_engine
from parsers.read import read_evidence

data = Path(sys.argv[1]).read_bytes()
engine = make_engine(sys.argv[2])
parsed = ParsedMessage(message_id="<m@b>", subject="", sender="", from_display="", reply_to=[], to=[], cc=[],
                       date=None, received=None, references=[], headers={}, body_text="", body_html="",
                       content_type="multipart/mixed", attachments=[Attachment("scan.pdf", "application/pdf", data)])
began = time.perf_counter()
evidence = read_evidence(parsed, engine=engine, limits=Limits(max_seconds=3600))
elapsed = time.perf_counter() - began
(document,) = evidence.documents
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the parent that built the PDF
peak_kb = int(re.search(r"VmHWM:\s+(\d+)", Path("/proc/self/status").read_text()).group(1))
print(document.kind.value, len(document.pages), round(elapsed, 1), peak_kb // 1024)
"""


# --- hostile messages ------------------------------------------------------------------------------


def scans_300dpi(count: int) -> list[Image.Image]:
    """`count` generated A4 scans at 300 dpi colour (2480×3508, 8.7 Mpx): twice the generator's 150 dpi."""
    from tests.scangen import make_scan

    pages = []
    for seed in range(count):
        page = make_scan(seed, style="scan").image
        pages.append(page.resize((page.width * 2, page.height * 2), Image.Resampling.BICUBIC))
    return pages


def build_pdf(images: list[Image.Image]) -> bytes:
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", resolution=300.0, save_all=True, append_images=images[1:], quality=92)
    return buffer.getvalue()


def png_of_constant_rows(width: int, height: int, grey: int) -> bytes:
    """A valid 8-bit greyscale PNG of one value, written row by row: tiny on the wire, huge decoded."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    row = b"\0" + bytes([grey]) * width  # filter type 0, then the pixels
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def write_messages(directory: Path, pages: int, images: int) -> dict[str, Path]:
    """The hostile messages as .eml files, by case name; the PDF alone also as `directory/scan.pdf`."""
    from tests.scangen.package import to_eml, to_jpeg

    school = "江苏省南京工程高等职业学校"
    scans = scans_300dpi(max(pages, images))
    pdf = directory / "scan.pdf"
    pdf.write_bytes(build_pdf(scans[:pages]))
    built = {
        f"pdf {pages} pages": [("申请.pdf", pdf.read_bytes())],
        "png bomb 400 Mpx": [("申请.png", png_of_constant_rows(20_000, 20_000, 0))],
        "png 79 Mpx": [("申请.png", png_of_constant_rows(10_000, 7_900, 255))],
        f"{images} jpeg scans": [(f"第{i + 1}页.jpg", to_jpeg(scan, quality=85)) for i, scan in enumerate(scans[:images])],
    }
    messages = {}
    for n, (name, attachments) in enumerate(built.items()):
        path = directory / f"case{n}.eml"
        path.write_bytes(to_eml(attachments, school=school, message_id=f"<memory-{n}@school.example.cn>"))
        messages[name] = path
    if PHOTO.exists():
        messages["108 Mpx photo (c20)"] = PHOTO
    return messages


# --- the process tree ------------------------------------------------------------------------------


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as stat:
                    ppid = int(stat.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def _rss_and_hwm(pid: int) -> tuple[int, int] | None:
    """(VmRSS, VmHWM) in bytes, or None once the process is gone (or a zombie)."""
    try:
        with open(f"/proc/{pid}/status", "rb") as status:
            fields = dict(line.split(b":", 1) for line in status.read().splitlines() if b":" in line)
        return int(fields[b"VmRSS"].split()[0]) * 1024, int(fields[b"VmHWM"].split()[0]) * 1024
    except (OSError, KeyError, ValueError, IndexError):
        return None


def _command(pid: int) -> str:
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return "?"
    return " ".join(Path(words[0]).name if n == 0 else w for n, w in enumerate(words) if n == 0 or not w.startswith("/"))[:60]


@dataclass
class TreeMemory:
    peak: int = 0  # bytes: the largest sum of VmRSS over the tree at one sample
    processes: int = 0  # the most processes seen in the tree at once
    samples: int = 0

    def __post_init__(self) -> None:
        self.hwm: dict[int, int] = {}  # pid → its VmHWM as last seen
        self.commands: dict[int, str] = {}  # pid → its command line, shortened

    def sample(self, root: int) -> None:
        total = alive = 0
        for pid in _descendants(root):
            found = _rss_and_hwm(pid)
            if found:
                total += found[0]
                alive += 1
                self.hwm[pid] = found[1]
                if pid not in self.commands:
                    self.commands[pid] = _command(pid)
        self.peak, self.processes = max(self.peak, total), max(self.processes, alive)
        self.samples += 1


@dataclass
class Run:
    memory: TreeMemory
    seconds: float
    returncode: int
    stderr: str


def measured(command: list[str], env: dict[str, str], done: Callable[[], bool] | None = None,
             timeout: float = 3600.0) -> Run:
    """Run `command`, sampling its tree; with `done`, SIGTERM it once `done()` holds (checked every 1 s)."""
    memory = TreeMemory()
    with tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)
        stop = threading.Event()

        def sampler() -> None:
            while not stop.wait(SAMPLE_SECONDS):
                memory.sample(process.pid)

        thread = threading.Thread(target=sampler, daemon=True)
        thread.start()
        checked = 0.0
        while process.poll() is None:
            now = time.perf_counter()
            if now - began > timeout:
                process.kill()
            elif done is not None and now - checked >= 1.0:
                checked = now
                if done():
                    process.send_signal(signal.SIGTERM)
                    done = None
            time.sleep(SAMPLE_SECONDS)
        seconds = time.perf_counter() - began
        stop.set()
        thread.join()
        err.seek(0)
        return Run(memory, seconds, process.returncode, err.read().decode(errors="replace"))


# --- the product -----------------------------------------------------------------------------------


def write_config(directory: Path, engine: str, workers: int | None, mailbox: str | None = None) -> Path:
    text = CONFIG.format(tmp=directory, engine=engine) + (f"workers = {workers}\n" if workers is not None else "")
    if mailbox is not None:
        text = mailbox + "\n[storage]" + text.split("[storage]", 1)[1]
    config = directory / "config.toml"
    config.write_text(text, encoding="utf-8")
    return config


def intake_command(config: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "intake.cli", "--config", str(config), *args]


def outcomes(directory: Path) -> list[tuple[str, int, int]]:
    """(status, pages read, unreadable documents) of every recorded message, from the instance's SQLite."""
    with sqlite3.connect(f"file:{directory / 'intake.db'}?mode=ro", uri=True) as db:
        return db.execute(
            "SELECT coalesce(r.status, r.kind), coalesce(sum(d.pages), 0), "
            "coalesce(sum(d.kind = 'unreadable'), 0) FROM request r LEFT JOIN document d ON d.request_id = r.id "
            "GROUP BY r.id ORDER BY r.id").fetchall()


def all_processed(directory: Path, count: int) -> bool:
    try:
        found = outcomes(directory)
    except sqlite3.Error:
        return False
    return len(found) == count and all(status != "pending" for status, _, _ in found)


def row(case: str, run: Run, found: list[tuple[str, int, int]]) -> list[str]:
    peak, hwm = run.memory.peak / 2**20, sum(run.memory.hwm.values()) / 2**20
    status = ",".join(sorted({s for s, _, _ in found})) or "-"
    if run.returncode not in (0, -signal.SIGTERM):
        status += f" EXIT {run.returncode}"
    # the sampled peak decides; "ok?" when only the non-simultaneous upper bound reaches the bound
    verdict = "OVER" if peak >= BOUND_MB else "ok" if hwm < BOUND_MB else "ok?"
    return [case, str(sum(p for _, p, _ in found)), str(sum(u for _, _, u in found)), status,
            str(run.memory.processes), f"{peak:.0f}", f"{hwm:.0f}", f"{run.seconds:.1f}", str(BOUND_MB), verdict]


def progress(result: list[str], run: Run) -> None:
    """The row as it is measured, with each process's peak (VmHWM) and command line."""
    print("  " + " ".join(result), flush=True)
    for pid, hwm in run.memory.hwm.items():
        print(f"      pid {pid} HWM {hwm / 2**20:.0f} MB: {run.memory.commands.get(pid, '?')}", flush=True)


def print_table(rows: list[list[str]]) -> None:
    header = ["case", "pages", "unread", "status", "procs", "peak MB", "Σ HWM MB", "wall s", "bound MB", ""]
    rows = [header, *rows]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for n, r in enumerate(rows):
        print("  ".join(c.ljust(widths[i]) if i in (0, 3) else c.rjust(widths[i]) for i, c in enumerate(r)))
        if n == 0:
            print("-" * (sum(widths) + 2 * (len(widths) - 1)))


def reading(pdf: Path, engine: str) -> None:
    began = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", PROBE, str(pdf), engine], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    kind, pages, elapsed, peak_mb = result.stdout.split()
    print(f"reading, one process: PDF of {pages} pages, {pdf.stat().st_size / 2**20:.1f} MB, read as {kind} in "
          f"{elapsed} s ({float(elapsed) / int(pages):.2f} s/page; wall with start-up "
          f"{time.perf_counter() - began:.1f} s); peak resident memory {peak_mb} MB (target < 1536 MB)", flush=True)


def ingest(case: str, eml: Path, tmp: Path, env: dict[str, str], engine: str, workers: int | None) -> list[str]:
    instance = tmp / f"ingest-{eml.stem}"
    instance.mkdir()
    config = write_config(instance, engine, workers)
    subprocess.run(intake_command(config, "init"), cwd=ROOT, env=env, capture_output=True, check=True)
    run = measured(intake_command(config, "ingest", str(eml)), env)
    if run.returncode != 0:
        print(f"  {case}: intake ingest exited {run.returncode}: {run.stderr.strip()[-1500:]}")
    result = row(case, run, outcomes(instance))
    progress(result, run)
    return result


def daemon(messages: dict[str, Path], tmp: Path, env: dict[str, str], engine: str, workers: int | None) -> list[str]:
    from tests.intake.dovecot import PASSWORD, Dovecot

    server = Dovecot()
    server.start()
    try:
        server.append(*(path.read_bytes() for path in messages.values()))
        instance = tmp / "daemon"
        instance.mkdir()
        config = write_config(instance, engine, workers, mailbox=server.config_section())
        env = {**env, "INTAKE_TEST_IMAP_PASSWORD": PASSWORD}
        subprocess.run(intake_command(config, "init"), cwd=ROOT, env=env, capture_output=True, check=True)
        run = measured(intake_command(config, "run"), env, done=lambda: all_processed(instance, len(messages)))
        if run.returncode != 0:
            print(f"  daemon: intake run exited {run.returncode}: {run.stderr.strip()[-1500:]}")
        result = row(f"daemon: run, all {len(messages)}", run, outcomes(instance))
        progress(result, run)
        return result
    finally:
        server.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.memory", description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=40, help="pages of the scanned PDF")
    parser.add_argument("--images", type=int, default=60, help="JPEG scans in the many-images message")
    parser.add_argument("--workers", type=int, help="[ocr] workers (default: the product's default)")
    parser.add_argument("--engine", default="rapidocr")
    parser.add_argument("--no-daemon", action="store_true", help="leave out `intake run` against Dovecot")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory(prefix="memory-") as name:
        tmp = Path(name)
        messages = write_messages(tmp, args.pages, args.images)
        print(f"load {os.getloadavg()[0]:.1f}; messages: " + ", ".join(
            f"{case} {path.stat().st_size / 2**20:.1f} MB" for case, path in messages.items()), flush=True)
        reading(tmp / "scan.pdf", args.engine)
        rows = [ingest(case, path, tmp, env, args.engine, args.workers) for case, path in messages.items()]
        if not args.no_daemon and shutil.which("dovecot"):
            rows.append(daemon(messages, tmp, env, args.engine, args.workers))
        elif not args.no_daemon:
            print("dovecot not installed: the daemon is left out")
    workers = "default" if args.workers is None else args.workers
    print(f"\nprocess-tree memory, [ocr] workers {workers}, sampled every {SAMPLE_SECONDS * 1000:.0f} ms "
          f"(MiB; bound {BOUND_MB})")
    print_table(rows)


if __name__ == "__main__":
    main()
