"""inboxgen — an independent generator of the request emails Jiangsu vocational schools send the 1+X pilot
office, in six ordinary families of paperwork and capture, with exact truth per SPEC §2. Written without
reading the product's reader or the other generators' drawing code.

`generate(out_dir, n, base_seed)` writes `out_dir/registry/{schools,applications}.csv` (nine fictional
schools of its own, `registry.py`), `out_dir/mail/NNNN.eml` and `out_dir/truth.jsonl` (file, message_id,
seed, family, school, seal, approvals, changes with application_id, problems, plus capture and attachments),
scored by `python -m bench.reading out_dir`. Message `index` is drawn from seed `base_seed * 10000 + index`.

Families (`families.py`): `paged_pdf` (scanned multi-page PDF: letter, 附表 change table on p2/p3,
sometimes a student list page, approvals and seal on the last page), `sideways_annex` (upright letter with
approvals + a landscape 原/调整后 annex scanned turned 90°), `red_header_list` (红头 and red rule, numbered
prose changes, approval lines under the letter, seal over the date), `boxed_opinions` (申请表 with ruled
opinion boxes, wrapped labels, handwritten opinion + 负责人签字 + date), `vertical_cert_form` (one
调整项目|原申报|拟调整为 form per certificate; TIFF, PDF or several JPEGs), `low_quality` (100–150 dpi greyscale
scan or a phone photo skewed up to 6° with a shadow and heavy JPEG). About 60 % of messages are valid;
the rest carry one fault (`plan.FAULTS`).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.inboxgen.families import FAMILIES
from tests.inboxgen.mail import build
from tests.inboxgen.plan import draw_plan
from tests.inboxgen.registry import write_registry

__all__ = ["FAMILIES", "family_of", "generate", "generate_one"]

ORDER = sorted(FAMILIES)


def family_of(index: int, base_seed: int) -> str:
    """Held-out indices (≡ 0 mod 4) and tuned ones each walk their own seeded permutation of the families,
    so every 4 × len(FAMILIES) consecutive indices show every family in both parts."""
    if index % 4 == 0:
        names = list(ORDER)
        random.Random(f"inboxgen-held-{base_seed}").shuffle(names)
        return names[(index // 4) % len(names)]
    names = list(ORDER)
    random.Random(f"inboxgen-tuned-{base_seed}").shuffle(names)
    return names[(index - index // 4 - 1) % len(names)]


def generate_one(base_seed: int, index: int, family: str | None = None) -> tuple[bytes, dict[str, object]]:
    seed = base_seed * 10000 + index
    family = family or family_of(index, base_seed)
    plan = draw_plan(seed, index, family)
    rng = random.Random(f"inboxgen-{seed}-draw")
    files, capture = FAMILIES[family](plan, rng)
    message, message_id = build(plan, files, rng)
    truth = {"message_id": message_id, **plan.truth(), "capture": "; ".join([capture, *plan.notes]),
             "attachments": [name for name, _, _ in files]}
    return message, truth


def generate(out_dir: Path, n: int, base_seed: int) -> None:
    out_dir = Path(out_dir)
    write_registry(out_dir / "registry")
    mail = out_dir / "mail"
    mail.mkdir(parents=True, exist_ok=True)
    with (out_dir / "truth.jsonl").open("w", encoding="utf-8") as handle:
        for index in range(n):
            message, truth = generate_one(base_seed, index)
            name = f"{index:04d}.eml"
            (mail / name).write_bytes(message)
            handle.write(json.dumps({"file": name, **truth}, ensure_ascii=False) + "\n")
