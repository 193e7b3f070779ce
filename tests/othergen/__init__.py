"""othergen — an independent generator of request emails in ordinary layouts the other generators do
not draw, with truth. Written without reading the product's reader.

`generate(out_dir, n, base_seed)` writes `out_dir/registry/{schools,applications}.csv` (ten fictional
schools of its own), `out_dir/mail/NNNN.eml` and `out_dir/truth.jsonl` (file, message_id, seed, family,
school, seal, approvals, changes, problems, plus defects/capture/pages for reading misses), scored by
`python -m bench.reading out_dir`. Message `index` is drawn from seed `base_seed * 10000 + index`.

Families (`families.py`): `countersign` (会签单: a row per department, only two matter), `oneline_letter`
(label, opinion, 签字 and date all on one line; spaced labels, colon variants), `split_attach` (letter
PDF — born digital or scanned — plus the approval form as a JPG, or the change table as a spreadsheet
screenshot), `transposed` (header in the first column, levels 初/中/高, vertical approval labels),
`headcount_sheet` (headcount only, 增减 and 合计 rows, 3-column approval table), `two_up` (letter and form
scanned onto one landscape sheet), `turned_scan` (multi-page scan with a page turned 90/180/270,
watermarks, heavy JPEG), `esign_pdf` (born-digital PDF with signature images, 名章 and an e-seal).
Across all: negative/typed-only/unsigned/absent approvals, faint or half-inked seals, no seal or only
a 名章, red letterhead rules, handwritten dates like `3.5`, background tints, photocopy contrast.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.othergen.families import FAMILIES, FIELDS
from tests.othergen.mail import build
from tests.othergen.plan import draw_plan
from tests.othergen.registry import write_registry

__all__ = ["FAMILIES", "family_of", "generate", "generate_one"]


def family_of(index: int, base_seed: int) -> str:
    """Each aligned block of len(FAMILIES) (= 8) consecutive messages is a permutation of all families;
    the held-out indices (≡ 0 mod 4, two per block) walk one seeded cycle of the families, so every
    four blocks the held-out part shows each family once."""
    names = sorted(FAMILIES)
    random.Random(f"othergen-order-{base_seed}").shuffle(names)
    k = len(names)
    start = index - index % k
    held = {j: names[(j // 4) % k] for j in range(start, start + k) if j % 4 == 0}
    if index in held:
        return held[index]
    rest = [name for name in names if name not in held.values()]
    random.Random(f"othergen-order-{base_seed}-{start}").shuffle(rest)
    others = [j for j in range(start, start + k) if j % 4]
    return rest[others.index(index)]


def generate_one(base_seed: int, index: int, family: str) -> tuple[bytes, dict[str, object]]:
    seed = base_seed * 10000 + index
    plan = draw_plan(seed, index, family, **({"fields": FIELDS[family]} if family in FIELDS else {}))
    rng = random.Random(f"othergen-{seed}-layout")
    files, capture, pages = FAMILIES[family](plan, rng)
    message, message_id = build(plan, files, rng)
    return message, {"message_id": message_id, **plan.truth(), "capture": capture, "pages": pages,
                     "attachments": [name for name, _, _ in files]}


def generate(out_dir: Path, n: int, base_seed: int) -> None:
    out_dir = Path(out_dir)
    write_registry(out_dir / "registry")
    mail = out_dir / "mail"
    mail.mkdir(parents=True, exist_ok=True)
    with (out_dir / "truth.jsonl").open("w", encoding="utf-8") as handle:
        for index in range(n):
            family = family_of(index, base_seed)
            message, truth = generate_one(base_seed, index, family)
            name = f"{index:04d}.eml"
            (mail / name).write_bytes(message)
            handle.write(json.dumps({"file": name, **truth}, ensure_ascii=False) + "\n")
