"""Whole-process speed of reading one-page scans, side by side: `python -m bench.speed`.

    python -m bench.speed [--images N] [--rounds R] [--checkout PATH] [--no-ocrmypdf] [--accuracy [--n K]]

The same N one-page JPEG scans (scangen seeds 1000.., styles scan/grey/rotated/jpeg at 150 dpi) are
read by whole processes, one at a time:
  bare       `RapidOCR()` with its defaults over the N images, one process
  ocrmypdf   `ocrmypdf -l chi_sim --jobs 2` on one N-page image PDF (what paperless-ngx runs);
             installed by `setup_ocrmypdf` into a cached venv, never a product dependency
  intake     `intake ingest` of the N images as N messages on a new instance (made untimed), [ocr] workers 1 and 2;
             `intake --help` and `requests list` (an empty instance) for the commands' start-up
and, with `--checkout PATH`, the same `intake ingest` run from that tree (before/after in one run).
Bare and intake also run on 1 image, which splits their time into start-up and per page:
per page = (t(N) − t(1)) / (N − 1), start-up = t(1) − per page.

Rounds are interleaved (every runner once per round, in the same order) and each runner keeps its
fastest round, the least disturbed by other load; ratios are of those minima. `--accuracy` then runs
`bench.accuracy --n K` (both generators) on this tree and on the checkout.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.reading import CONFIG, ROOT
from tests.scangen import make_scan
from tests.scangen.package import to_eml, to_jpeg, to_pdf

STYLES = ("scan", "grey", "rotated", "jpeg")
OCRMYPDF_VENV = Path(tempfile.gettempdir()) / "bench-ocrmypdf-venv"  # kept between runs: pip is slow
APT_PACKAGES = ("tesseract-ocr-chi-sim", "ghostscript")  # what OCRmyPDF needs for Chinese; unpaper unused

BARE = """
import sys
from rapidocr import RapidOCR
engine = RapidOCR()
for path in sys.argv[1:]:
    engine(path)
"""


def write_scans(directory: Path, count: int) -> tuple[list[Path], list[Path], Path]:
    """`count` one-page scans as JPEG files, as one .eml each, and all as one image PDF: (jpegs, emls, pdf)."""
    directory.mkdir(parents=True, exist_ok=True)
    jpegs, emls, images = [], [], []
    for i in range(count):
        scan = make_scan(1000 + i, style=STYLES[i % len(STYLES)])
        images.append(scan.image)
        data = to_jpeg(scan.image)
        jpeg = directory / f"scan{i}.jpg"
        jpeg.write_bytes(data)
        eml = directory / f"scan{i}.eml"
        eml.write_bytes(to_eml([("申请.jpg", data)], school=scan.truth.school,
                               message_id=f"<speed-{i}@school.example.cn>"))
        jpegs.append(jpeg)
        emls.append(eml)
    pdf = directory / "scans.pdf"
    pdf.write_bytes(to_pdf(images, dpi=scan.truth.distortion.dpi))
    return jpegs, emls, pdf


def _run(command: list[str], *, cwd: Path = ROOT, env: dict[str, str] | None = None) -> float:
    """Seconds of wall time of one whole process; exits the bench if it fails."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])}… exited {done.returncode}: {done.stderr.strip()[-1500:]}")
    return seconds


def bare(images: list[Path]) -> float:
    return _run([sys.executable, "-c", BARE, *map(str, images)])


def ocrmypdf(program: Path, pdf: Path) -> float:
    with tempfile.TemporaryDirectory(prefix="speed-ocrmypdf-") as tmp:
        return _run([str(program), "-l", "chi_sim", "--jobs", "2", str(pdf), f"{tmp}/out.pdf"])


def intake(tree: Path, emls: list[Path], workers: int) -> float:
    """`intake ingest` of `emls` from `tree`'s sources on a new, empty instance (SQLite in a temp dir).

    The instance is made (`intake init`: data_dir, schema) before the clock starts: an office makes it
    once, and every later `ingest` or `run` finds it there.
    """
    with tempfile.TemporaryDirectory(prefix="speed-intake-") as tmp:
        config = _config(Path(tmp), workers)
        _intake(tree, config, "init")
        return _intake(tree, config, "ingest", *map(str, emls))


def _config(directory: Path, workers: int = 1) -> Path:
    config = directory / "config.toml"
    config.write_text(CONFIG.format(tmp=directory, engine="rapidocr") + f"workers = {workers}\n", encoding="utf-8")
    return config


def _intake(tree: Path, config: Path, *args: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return _run([sys.executable, "-m", "intake.cli", "--config", str(config), *args], cwd=tree, env=env)


def setup_ocrmypdf() -> Path | None:
    """The `ocrmypdf` program, installing what is missing (apt packages, a venv with pip); None if impossible."""
    missing = [name for name in APT_PACKAGES if "Installed: (none)" in subprocess.run(
        ["apt-cache", "policy", name], capture_output=True, text=True).stdout]
    if missing:
        print(f"setup: apt-get install -y {' '.join(missing)}", flush=True)
        if subprocess.run(["apt-get", "install", "-y", "-q", *missing], capture_output=True).returncode != 0:
            print("setup: apt-get failed (not root?); OCRmyPDF is left out")
            return None
    found = shutil.which("ocrmypdf")
    if found:
        return Path(found)
    program = OCRMYPDF_VENV / "bin" / "ocrmypdf"
    if not program.exists():
        print(f"setup: python -m venv {OCRMYPDF_VENV} && pip install ocrmypdf", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(OCRMYPDF_VENV)], check=True)
        if subprocess.run([str(OCRMYPDF_VENV / "bin" / "pip"), "install", "-q", "ocrmypdf"]).returncode != 0:
            print("setup: pip install ocrmypdf failed; OCRmyPDF is left out")
            return None
    return program


def measure(runners: dict[str, Callable[[], float]], rounds: int) -> dict[str, float]:
    """Every runner once per round, interleaved; each runner's fastest round in seconds."""
    best = dict.fromkeys(runners, float("inf"))
    for r in range(rounds):
        for name, run in runners.items():
            seconds = run()
            best[name] = min(best[name], seconds)
            print(f"  round {r + 1} {name:<22} {seconds:6.2f} s", flush=True)
    return best


def report(best: dict[str, float], count: int, trees: dict[str, Path], with_ocrmypdf: bool) -> None:
    """Seconds per page and ratios to bare RapidOCR and OCRmyPDF; the start-up split; pages/s per workers."""
    per_page = {name: seconds / count for name, seconds in best.items() if name.endswith(f"×{count}")}
    base, ocr = per_page[f"bare ×{count}"], per_page.get(f"ocrmypdf ×{count}")
    print(f"\n{'whole process, N=' + str(count):<28} {'s/page':>7} {'× bare':>7}" + (f" {'× ocrmypdf':>10}" if ocr else ""))
    for name, seconds in per_page.items():
        print(f"{name:<28} {seconds:7.2f} {seconds / base:7.2f}" + (f" {seconds / ocr:10.2f}" if ocr else ""))
    if count > 1:
        print(f"\n{'split (workers 1)':<28} {'start-up s':>10} {'per page s':>10} {'pages/s w1':>10} {'pages/s w2':>10}")
        for label in ("bare", *(f"intake {t}" for t in trees)):
            one = best[f"{label} w1 ×1" if label != "bare" else "bare ×1"]
            many = best[f"{label} w1 ×{count}" if label != "bare" else f"bare ×{count}"]
            page = (many - one) / (count - 1)
            rates = ("", "") if label == "bare" else tuple(
                f"{count / best[f'{label} w{w} ×{count}']:.2f}" for w in (1, 2))
            print(f"{label:<28} {one - page:10.2f} {page:10.2f} {rates[0]:>10} {rates[1]:>10}")
    print(f"\n{'start-up of a command':<28} {'--help s':>10} {'requests list s':>16}")
    for label in trees:
        print(f"{label:<28} {best[f'help {label}']:10.2f} {best[f'list {label}']:16.2f}")
    if not with_ocrmypdf:
        print("(OCRmyPDF left out)")


def accuracy(trees: dict[str, Path], n: int) -> None:
    """`bench.accuracy --n n` of this tree's bench against each tree's `intake`."""
    for label, tree in trees.items():
        print(f"\n##### accuracy of {label} ({tree}), n={n} per generator", flush=True)
        subprocess.run([sys.executable, "-m", "bench.accuracy", "--n", str(n), "--checkout", str(tree)], cwd=ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.speed", description=__doc__.split("\n")[0])
    parser.add_argument("--images", type=int, default=6, help="one-page scans per run (N)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the fastest of each is kept")
    parser.add_argument("--checkout", type=Path, help="another tree whose `intake` runs beside this one")
    parser.add_argument("--no-ocrmypdf", action="store_true", help="leave OCRmyPDF out (no install)")
    parser.add_argument("--accuracy", action="store_true", help="then run bench.accuracy on each tree")
    parser.add_argument("--n", type=int, default=8, help="messages per generator for --accuracy")
    args = parser.parse_args()
    trees = {"this": ROOT} | ({"checkout": args.checkout.resolve()} if args.checkout else {})
    program = None if args.no_ocrmypdf else setup_ocrmypdf()
    with tempfile.TemporaryDirectory(prefix="speed-") as tmp:
        jpegs, emls, pdf = write_scans(Path(tmp), args.images)
        count = len(jpegs)
        runners: dict[str, Callable[[], float]] = {f"bare ×{count}": lambda: bare(jpegs)}
        if program:
            runners[f"ocrmypdf ×{count}"] = lambda: ocrmypdf(program, pdf)
        for label, tree in trees.items():
            instance = Path(tmp) / f"instance-{label}"  # one with no requests, for `requests list`
            instance.mkdir()
            _intake(tree, _config(instance), "init")
            runners[f"help {label}"] = lambda tree=tree, instance=instance: _intake(tree, _config(instance), "--help")
            runners[f"list {label}"] = (
                lambda tree=tree, instance=instance: _intake(tree, _config(instance), "requests", "list"))
            for workers in (1, 2):
                runners[f"intake {label} w{workers} ×{count}"] = (
                    lambda tree=tree, workers=workers: intake(tree, emls, workers))
        if count > 1:
            runners["bare ×1"] = lambda: bare(jpegs[:1])
            for label, tree in trees.items():
                runners[f"intake {label} w1 ×1"] = lambda tree=tree: intake(tree, emls[:1], 1)
        print(f"{count} one-page scans, {args.rounds} rounds, load {os.getloadavg()[0]:.1f}", flush=True)
        best = measure(runners, args.rounds)
    report(best, count, trees, program is not None)
    if args.accuracy:
        accuracy(trees, args.n)


if __name__ == "__main__":
    main()
