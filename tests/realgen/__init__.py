"""realgen: ordinary real-world request paperwork the other generators do not draw.

    generate(out_dir, n, base_seed)

writes `registry/{schools,applications}.csv`, `mail/NNNN.eml` and `truth.jsonl` (the format of
`bench.reading`). Message i is drawn from seed base_seed + i; seeds ≡ 0 (mod 4) are the held-out part.
Families (each in both splits): gaozhi_chain (高职 wording, 审核人/审批人 chains, 签名 on the opinion's
line), wps_landscape (one landscape page: table on top, two opinion cells below, seal across the
table), prose_list (a letter listing changes in free words, catalogue codes, header-row approval
boxes), two_page_scan (approvals and seal alone on page 2, pages sometimes reversed, one page tilted
1–3°, grey paper, black auto-crop borders), handwriting (opinions written large over two lines,
signatures over labels and seal, Chinese-numeral dates, 名章, typed names in bold or 楷体),
phone_photo (keystone, lamp light, blur, 2–12 MP JPEG/PNG or a 150 dpi grey phone-app PDF).
"""

from __future__ import annotations

import random
from pathlib import Path

from tests.corpus_files import write_mail_and_truth
from tests.realgen.families import FAMILIES, build
from tests.realgen.mail import build_message
from tests.realgen.plan import make_plan
from tests.realgen.registry import build_registry, write_registry

__all__ = ["generate", "FAMILIES", "family_of", "message"]


def family_of(index: int) -> str:
    """Families cycle by blocks of four so every family falls in both splits (one seed in four is held out)."""
    return FAMILIES[(index // 4 + index % 4) % len(FAMILIES)]


def message(seed: int, family: str, schools=None) -> tuple[bytes, dict]:
    """One request email and its truth (without `file`)."""
    schools = schools or build_registry()
    plan = make_plan(seed, family, schools, want_gaozhi=True if family == "gaozhi_chain" else None)
    rng = random.Random(seed * 104729 + 3)
    attachments, capture = build(plan, rng)
    raw, mid = build_message(plan, attachments, rng)
    truth = {"message_id": mid, "seed": seed, "family": family, **plan.truth(), "capture": capture,
             "school": plan.school.name, "defect": plan.defect}
    return raw, truth


def generate(out_dir: Path, n: int, base_seed: int) -> None:
    out_dir = Path(out_dir)
    schools = build_registry()
    write_registry(out_dir / "registry", schools)
    write_mail_and_truth(out_dir, (message(base_seed + i, family_of(i), schools) for i in range(n)))
