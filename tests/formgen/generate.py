"""Write a corpus: the registry, one .eml per request and `truth.jsonl` (one truth object per message).

Message `index` is drawn from seed `base_seed * 10000 + index`, recorded in its truth, so the
held-out split (seed ≡ 0 mod 4) is every fourth message.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.formgen.families import FAMILIES
from tests.formgen.mail import build
from tests.formgen.plan import draw_plan
from tests.formgen.registry import write_registry
from tests.formgen.scan import Capture, attachments


def family_order(count: int, base_seed: int, families: list[str]) -> list[str]:
    """Families for messages 0…count-1. Each residue class mod 4 (held-out is one) runs through a
    shuffled cycle of all families, the four classes a quarter-cycle apart, so every family is about
    equally common overall and in each split."""
    order = []
    for index in range(count):
        residue, turn = index % 4, index // 4
        cycle = list(families)
        random.Random(f"{base_seed}-order-{turn // len(families)}").shuffle(cycle)
        shift = -(-residue * len(families) // 4)  # a quarter-cycle per class, rounded up
        order.append(cycle[(turn + shift) % len(families)])
    return order


def generate_one(base_seed: int, index: int, family: str) -> tuple[bytes, dict[str, object]]:
    """One message's bytes and its truth (without the file name)."""
    seed = base_seed * 10000 + index
    plan = draw_plan(seed, index, family)
    rng = random.Random(f"{seed}-layout")
    pages = FAMILIES[family](plan, rng)
    capture = Capture.draw(rng, len(pages))
    files = attachments(pages, capture, rng, f"{plan.school.name}2024年证书申报调整申请")
    message, message_id = build(plan, files, rng)
    truth = {"message_id": message_id, **plan.truth(), "capture": capture.describe(), "pages": len(pages)}
    return message, truth


def generate(out: Path, count: int, base_seed: int, families: list[str] | None = None) -> None:
    write_registry(out / "registry")
    mail = out / "mail"
    mail.mkdir(parents=True, exist_ok=True)
    order = family_order(count, base_seed, families or list(FAMILIES))
    with (out / "truth.jsonl").open("w", encoding="utf-8") as handle:
        for index, family in enumerate(order):
            message, truth = generate_one(base_seed, index, family)
            name = f"{index:04d}.eml"
            (mail / name).write_bytes(message)
            handle.write(json.dumps({"file": name, **truth}, ensure_ascii=False) + "\n")
