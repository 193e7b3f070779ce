"""deskgen — an independent generator of request emails in the ordinary layouts and capture conditions of a
Jiangsu vocational school office, with exact truth. Written without reading the product's reader or the
other generators.

`generate(out_dir, n, base_seed)` writes `out_dir/registry/{schools,applications}.csv` (ten fictional
schools of its own, `registry.py`), `out_dir/mail/NNNN.eml` and `out_dir/truth.jsonl` (file, message_id,
seed, family, school, seal, approvals, changes, problems, plus capture, defects and attachments), scored by
`python -m bench.reading out_dir`. Message `index` is drawn from seed `base_seed * 10000 + index`.

Families (`families.py`): `letter_bottom` (Word letter, prose changes, two approval blocks at the foot with
handwritten opinions; phone photo or scan), `approval_form` (审批表 grid, wrapped labels, seal over the
单位盖章 cell), `letter_annex` (letter + 附表 page, per-field or per-certificate merged-header table),
`word_pdf_signed` (born-digital PDF with text layer + the signed, sealed sheet appended as a scan),
`two_photos` (letter and approval sheet as two phone photos), `photocopy_form` (per-certificate form
photocopied twice, grey seal, TIFF/PNG). Across all: 红头 and red rules that are not seals; round, oval,
faint, half-inked or turned seals, or none; 名章, typed names, blank 签字 lines, 不同意, 已阅 and absent
blocks; dates as 2024年3月8日, 2024.3.8, 二〇二四年三月八日 or handwritten.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.deskgen.families import FAMILIES, FIELDS
from tests.deskgen.mail import build
from tests.deskgen.plan import draw_plan
from tests.deskgen.registry import write_registry

__all__ = ["FAMILIES", "family_of", "generate", "generate_one"]

ORDER = sorted(FAMILIES)


def family_of(index: int, base_seed: int) -> str:
    """Held-out indices (≡ 0 mod 4) walk the families in a seeded order, the tuned ones walk them in another,
    so any 4·len(FAMILIES) consecutive indices show every family in both parts."""
    names = list(ORDER)
    random.Random(f"deskgen-order-{base_seed}").shuffle(names)
    if index % 4 == 0:
        return names[(index // 4) % len(names)]
    tuned = index - index // 4 - 1  # how many tuned indices come before this one
    return names[(tuned + 3) % len(names)]


def generate_one(base_seed: int, index: int, family: str) -> tuple[bytes, dict[str, object]]:
    seed = base_seed * 10000 + index
    plan = draw_plan(seed, index, family, **({"fields": FIELDS[family]} if family in FIELDS else {}))
    rng = random.Random(f"deskgen-{seed}-layout")
    files, capture = FAMILIES[family](plan, rng)
    message, message_id = build(plan, files, rng)
    return message, {"message_id": message_id, **plan.truth(), "capture": capture,
                     "attachments": [name for name, _, _ in files]}


def generate(out_dir: Path, n: int, base_seed: int) -> None:
    out_dir = Path(out_dir)
    write_registry(out_dir / "registry")
    mail = out_dir / "mail"
    mail.mkdir(parents=True, exist_ok=True)
    with (out_dir / "truth.jsonl").open("w", encoding="utf-8") as handle:
        for index in range(n):
            message, truth = generate_one(base_seed, index, family_of(index, base_seed))
            name = f"{index:04d}.eml"
            (mail / name).write_bytes(message)
            handle.write(json.dumps({"file": name, **truth}, ensure_ascii=False) + "\n")
