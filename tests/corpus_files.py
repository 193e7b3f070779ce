"""The files every request generator writes besides the registry (see `registry_csv`): one email per
message as `mail/NNNN.eml` and its truth, with that file name, as one line of `truth.jsonl`, the corpus
format `bench.reading` scores."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path


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
