"""Write a corpus: registry CSVs, one .eml per request and truth.jsonl (see the package docstring)."""

from __future__ import annotations

import json
import random
from datetime import datetime
from pathlib import Path

from PIL import Image

from tests.papergen import capture as C
from tests.papergen import families as F
from tests.papergen import wordpdf
from tests.papergen.mail import build as build_mail
from tests.papergen.plan import Plan, make_plan
from tests.papergen.registry import build_schools, write_registry

FAMILY_NAMES: list[str] = list(F.FAMILIES)


def family_of(index: int) -> str:
    """Spread families evenly: each block of 4 messages has one held-out slot (index ≡ 0 mod 4).

    Held-out slots walk the families in order; the other three walk them from the middle, three at a
    time, so 20 messages show every family and 40 give every family one held-out message.
    """
    n = len(FAMILY_NAMES)
    block, slot = divmod(index, 4)
    if slot == 0:
        return FAMILY_NAMES[block % n]
    return FAMILY_NAMES[(n // 2 + 3 * block + slot - 1) % n]


def _filenames(rng: random.Random, plan: Plan, cap: C.Capture, exts: list[str]) -> list[str]:
    school = plan.school.aliases[0] if plan.school.aliases and rng.random() < 0.5 else plan.school.name
    if cap.kind == "photo" and cap.container != "pdf":
        base = rng.choice(["IMG_202403{d:02d}_{t}", "微信图片_202403{d:02d}{t}", "mmexport{t}"])
        return [base.format(d=plan.day, t=rng.randrange(100000, 999999) + k) + "." + ext for k, ext in enumerate(exts)]
    stem = rng.choice([f"{school}2024年证书申报调整申请", f"{school}+2024年证书申报调整申请", "证书申报调整申请（盖章）",
                       "关于1+X证书申报调整的申请", "扫描件", f"{school}调整申请"])
    if len(exts) == 1:
        return [f"{stem}.{exts[0]}"]
    return [f"{stem}_{k + 1}.{ext}" if rng.random() < 0.5 else f"{stem}（{k + 1}）.{ext}" for k, ext in enumerate(exts)]


def message(index: int, base_seed: int, schools: list) -> tuple[Plan, bytes, str]:
    """Draw message `index`: returns (plan with truth details, eml bytes, message_id)."""
    seed = base_seed * 10000 + index
    family = family_of(index)
    rng = random.Random(f"papergen-draw-{seed}")
    plan = make_plan(index, seed, family, schools)
    cap = C.choose(rng, family)
    shoot = C.photo if cap.kind == "photo" else C.scan
    if family == "word_pdf_plus_scan":
        sheet = F.approval_page(plan, rng, cap.dpi)
        scanned = shoot(sheet.img, rng, cap)
        blobs = [("pdf", wordpdf.build(plan, rng, scanned, cap.dpi))]
        plan.pages = ["p1 text-layer letter + change table (reportlab)", "p2 scanned approval page"] + plan.pages
    else:
        pages = F.FAMILIES[family](plan, rng, cap.dpi)
        images: list[Image.Image] = [shoot(p.sheet.img, rng, cap, p.sideways) for p in pages]
        blobs = C.encode(images, cap, datetime(2024, 3, plan.day, rng.randrange(8, 18), rng.randrange(60)))
        plan.pages = [f"p{k + 1} {p.note}" + (" (sideways)" if p.sideways else "") for k, p in enumerate(pages)] + plan.pages
    names = _filenames(rng, plan, cap, [ext for ext, _ in blobs])
    files = [(name, data, ext) for name, (ext, data) in zip(names, blobs, strict=True)]
    raw, message_id, encoding = build_mail(plan, rng, files, index)
    plan.capture = [cap.describe(), encoding, ", ".join(names)]
    return plan, raw, message_id


def generate(out_dir: Path, n: int, base_seed: int) -> None:
    """Write `n` messages (seeds base_seed*10000+i) with registry and truth into `out_dir`."""
    out_dir = Path(out_dir)
    schools = build_schools()
    write_registry(out_dir / "registry", schools)
    (out_dir / "mail").mkdir(parents=True, exist_ok=True)
    with (out_dir / "truth.jsonl").open("w", encoding="utf-8") as truth_file:
        for i in range(n):
            plan, raw, message_id = message(i, base_seed, schools)
            name = f"{i:04d}.eml"
            (out_dir / "mail" / name).write_bytes(raw)
            truth_file.write(json.dumps(plan.truth(name, message_id), ensure_ascii=False) + "\n")
