"""The files every request generator writes besides the registry (see `registry_csv`): one email per
message as `mail/NNNN.eml` and its truth, with that file name, as one line of `truth.jsonl`, the corpus
format `bench.reading` scores."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path

# The problem codes of SPEC §2: a truth's `problems` are drawn from these.
PROBLEM_CODES = frozenset({
    "subject_format", "unknown_school", "outside_window", "no_attachment", "not_a_scan", "unreadable_attachment",
    "no_seal", "seal_mismatch", "missing_department_approval", "missing_leader_approval", "school_mismatch",
    "no_changes_found", "no_matching_application", "exceeds_enrollment", "major_not_offered",
})


def write_mail_and_truth(out_dir: Path, messages: Iterable[tuple[bytes, dict]]) -> None:
    """Write each (raw email bytes, truth without `file`) in order as out_dir/mail/0000.eml, 0001.eml, …
    and out_dir/truth.jsonl (UTF-8, one JSON object per line, `file` first)."""
    (out_dir / "mail").mkdir(parents=True, exist_ok=True)
    lines = []
    for i, (raw, truth) in enumerate(messages):
        name = f"{i:04d}.eml"
        (out_dir / "mail" / name).write_bytes(raw)
        lines.append(json.dumps({"file": name, **truth}, ensure_ascii=False))
    (out_dir / "truth.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def drawn_twice(generate: Callable[[Path, int, int], None], directory: Path, n: int, seed: int) -> list[dict]:
    """Draw `n` messages from `seed` into directory/a and directory/b with a generator's `generate`, assert the
    two corpora agree file for file, byte for byte, and return directory/a's truths in file order."""
    generate(directory / "a", n, seed)
    generate(directory / "b", n, seed)
    assert _digest(directory / "a") == _digest(directory / "b")
    lines = (directory / "a" / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _digest(directory: Path) -> dict[str, str]:
    """SHA-256 of every file under `directory`, by path relative to it."""
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file()}
