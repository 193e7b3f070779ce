"""Score the product's reading, black-box, on a corpus of request emails with known truth.

    python -m bench.reading DIR [--engine rapidocr] [--split tuned|held-out|all]

DIR holds `registry/{schools,applications}.csv`, `mail/*.eml` and `truth.jsonl` (one object per
message: file, message_id, seed, family, seal, approvals, changes, problems). A fresh instance (SQLite
in a temp dir) imports the registry, ingests the split's messages in one `intake ingest`, and its
`requests list --json` is joined to the truth on message_id. Held-out messages are those whose seed
is ≡ 0 (mod 4). Prints per family and overall: approval accuracy (both blocks right), seal
precision/recall, change F1 on (certificate, field, from, to), link accuracy (true changes found with
the right application_id), exact-problems rate; then every miss with file, seed and family.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CONFIG = """
[mailbox]
maildir = "{tmp}/maildir"

[storage]
url = "sqlite:///{tmp}/intake.db"
data_dir = "{tmp}/data"

[round]
year = 2024
window_start = "2024-03-01T00:00:00"
window_end = "2024-03-20T23:59:59"
timezone = "Asia/Shanghai"

[ocr]
engine = "{engine}"
"""

ChangeKey = tuple[str, str, str, str]


def in_split(truth: dict, split: str) -> bool:
    if split == "all":
        return True
    if truth.get("seed") is None:
        raise SystemExit(f"{truth.get('file')}: no seed in truth, so only --split all can be scored")
    held_out = int(truth["seed"]) % 4 == 0
    return (split == "held-out") == held_out


def run_product(directory: Path, truths: list[dict], engine: str, root: Path = ROOT) -> tuple[list[dict], float]:
    """Import the registry, ingest the messages and list the records with `root`'s `intake`; (records, seconds)."""
    with tempfile.TemporaryDirectory(prefix="reading-") as tmp:
        config = Path(tmp) / "config.toml"
        config.write_text(CONFIG.format(tmp=tmp, engine=engine), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(root), os.environ.get("PYTHONPATH"))))}

        def intake(*args: str) -> str:
            done = subprocess.run([sys.executable, "-m", "intake.cli", "--config", str(config), *args],
                                  cwd=root, env=env, capture_output=True, text=True)
            if done.returncode != 0:
                raise SystemExit(f"intake {args[0]} exited {done.returncode}: {done.stderr.strip()[-2000:]}")
            return done.stdout

        registry = directory / "registry"
        intake("registry", "import", str(registry / "schools.csv"), str(registry / "applications.csv"))
        started = time.monotonic()
        intake("ingest", *(str(directory / "mail" / truth["file"]) for truth in truths))
        seconds = time.monotonic() - started
        return json.loads(intake("requests", "list", "--json")), seconds


def _norm(value: object) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip()


def change_key(change: dict) -> ChangeKey:
    """Changes compare on NFKC text so `（BIM）` and `(BIM)` and 80 and "80" agree."""
    return (_norm(change.get("certificate")), _norm(change.get("field")), _norm(change.get("from")),
            _norm(change.get("to")))


@dataclass
class Tally:
    messages: int = 0
    approvals_right: int = 0
    seal_tp: int = 0
    seal_fp: int = 0
    seal_fn: int = 0
    change_tp: int = 0
    change_got: int = 0
    change_want: int = 0
    linked_right: int = 0
    problems_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, truth: dict, record: dict | None) -> None:
        record = record or {}
        self.messages += 1
        notes = []
        got_approvals = record.get("approvals") or {}
        want_approvals = truth["approvals"]
        if all(bool(got_approvals.get(k)) == want_approvals[k] for k in ("department", "leader")):
            self.approvals_right += 1
        else:
            notes.append(f"approvals got {_brief(got_approvals)} want {_brief(want_approvals)}")
        got_seal, want_seal = bool(record.get("seal")), bool(truth["seal"])
        self.seal_tp += got_seal and want_seal
        self.seal_fp += got_seal and not want_seal
        self.seal_fn += want_seal and not got_seal
        if got_seal != want_seal:
            notes.append(f"seal got {got_seal} want {want_seal}")
        notes += self._changes(truth["changes"], record.get("changes") or [])
        got_problems = sorted(record.get("problems") or [])
        if got_problems == truth["problems"]:
            self.problems_right += 1
        else:
            notes.append(f"problems got {got_problems} want {truth['problems']}")
        if not record:
            notes.insert(0, "NOT RECORDED")
        elif record.get("status") == "pending":  # stored, but processing failed (the log says why)
            notes.insert(0, "NOT PROCESSED")
        if notes:
            self.misses.append(f"{truth['file']} seed={truth['seed']} {truth['family']} "
                               f"[{truth.get('capture', '')}]\n      " + "\n      ".join(notes))

    def _changes(self, want: list[dict], got: list[dict]) -> list[str]:
        want_keys, got_keys = Counter(map(change_key, want)), Counter(map(change_key, got))
        matched = want_keys & got_keys
        self.change_tp += sum(matched.values())
        self.change_got += sum(got_keys.values())
        self.change_want += sum(want_keys.values())
        got_links = defaultdict(list)
        for change in got:
            got_links[change_key(change)].append(change.get("application_id"))
        notes = []
        for change in want:
            if change["application_id"] in got_links.get(change_key(change), []):
                self.linked_right += 1
            elif change_key(change) in got_links:
                notes.append(f"link {change_key(change)} got {got_links[change_key(change)]} "
                             f"want {change['application_id']}")
        missing, extra = want_keys - got_keys, got_keys - want_keys
        if missing:
            notes.append(f"changes missing {sorted(missing.elements())}")
        if extra:
            notes.append(f"changes extra {sorted(extra.elements())}")
        return notes

    def row(self, name: str) -> list[str]:
        precision = _ratio(self.change_tp, self.change_got)
        recall = _ratio(self.change_tp, self.change_want)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return [name, str(self.messages), _fmt(_ratio(self.approvals_right, self.messages)),
                _fmt(_ratio(self.seal_tp, self.seal_tp + self.seal_fp)),
                _fmt(_ratio(self.seal_tp, self.seal_tp + self.seal_fn)), _fmt(f1),
                _fmt(_ratio(self.linked_right, self.change_want)),
                _fmt(_ratio(self.problems_right, self.messages))]


def _brief(approvals: dict) -> str:
    return "{" + ", ".join(f"{k[:4]}={bool(approvals.get(k))}" for k in ("department", "leader")) + "}"


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _fmt(value: float) -> str:
    return f"{value:.3f}"


def score(truths: list[dict], records: list[dict]) -> dict[str, Tally]:
    """Tallies per family plus `overall`, joining records to truth on message_id."""
    by_id = {record.get("message_id"): record for record in records}
    tallies: dict[str, Tally] = defaultdict(Tally)
    for truth in truths:
        record = by_id.get(truth["message_id"])
        tallies[truth["family"]].add(truth, record)
        tallies["overall"].add(truth, record)
    return tallies


def table(tallies: dict[str, Tally]) -> str:
    header = ["family", "n", "approvals", "seal P", "seal R", "change F1", "link", "exact problems"]
    names = sorted(name for name in tallies if name != "overall") + ["overall"]
    rows = [header] + [tallies[name].row(name) for name in names]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row))
             for row in rows]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def load_truths(directory: Path, split: str = "all") -> list[dict]:
    """The truth objects of `directory/truth.jsonl` in the split, in file order."""
    lines = (directory / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    return [truth for truth in map(json.loads, filter(None, lines)) if in_split(truth, split)]


def print_misses(tallies: dict[str, Tally]) -> None:
    """Every message with anything wrong, named by file, seed and family, with what was wrong."""
    overall = tallies["overall"]
    print(f"\nmisses ({len(overall.misses)} of {overall.messages} messages):")
    for miss in overall.misses:
        print(f"  {miss}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reading", description=__doc__.split("\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--engine", default="rapidocr", choices=["rapidocr", "tesseract"])
    parser.add_argument("--split", default="all", choices=["tuned", "held-out", "all"])
    parser.add_argument("--records", type=Path, help="score a saved `requests list --json` instead of running")
    parser.add_argument("--save-records", type=Path, help="write the product's records here")
    args = parser.parse_args(argv)
    truths = load_truths(args.directory, args.split)
    if not truths:
        print(f"no messages in split {args.split}", file=sys.stderr)
        return 1
    if args.records:
        records, seconds = json.loads(args.records.read_text(encoding="utf-8")), 0.0
    else:
        records, seconds = run_product(args.directory, truths, args.engine)
    if args.save_records:
        args.save_records.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    tallies = score(truths, records)
    print(f"corpus {args.directory}  split {args.split}  engine {args.engine}  messages {len(truths)}"
          + (f"  ingest {seconds:.0f} s" if seconds else ""))
    print(table(tallies))
    print_misses(tallies)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
