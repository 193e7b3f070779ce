"""The corpus: family per index, one plan → one page → one capture → one email, and the truth line."""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.signgen import capture, layouts, mail, registry
from tests.signgen.blocks import Pen
from tests.signgen.ink import PENS, Page
from tests.signgen.plan import Plan, draw_plan

FAMILIES = ("opinion_under_label", "sign_and_date_same_line", "stamp_signature", "blue_ink_photo",
            "table_with_approval_rows", "two_column_signoff", "negative_and_missing", "faint_scan")

_STYLE = {"opinion_under_label": "under_label", "sign_and_date_same_line": "same_line",
          "table_with_approval_rows": "table_rows", "two_column_signoff": "two_columns"}


def family_of(index: int) -> str:
    """Every 8 messages show all families; held-out indexes (≡ 0 mod 4) rotate through them every 32."""
    return FAMILIES[(index + index // 8) % len(FAMILIES)]


def _pen(family: str, dpi: int, rng: random.Random) -> Pen:
    if family == "faint_scan":
        return Pen(PENS[rng.choice(("blue", "blue-black", "black"))], -1, rng.uniform(0.55, 0.75), rng.uniform(1.2, 1.8))
    colour = PENS["blue"] if family == "blue_ink_photo" else PENS[rng.choice(("black", "black", "blue-black", "blue"))]
    weight = rng.choice((0, 0, 1)) if dpi >= 200 else rng.choice((0, 0, 0, 1))
    return Pen(colour, weight, rng.uniform(0.85, 1.0), rng.uniform(1.0, 2.5))


def _page(plan: Plan, rng: random.Random, sign_day: int) -> tuple[Page, layouts.Drawn, Pen]:
    dpi = 150 if plan.family == "faint_scan" else rng.choice((150, 200, 200))
    pen = _pen(plan.family, dpi, rng)
    page = Page(dpi, rng)
    style = _STYLE.get(plan.family) or rng.choice(("under_label", "same_line", "two_columns", "table_rows"))
    drawn = (layouts.form(page, plan, pen, sign_day) if style == "table_rows"
             else layouts.letter(page, plan, style, pen, sign_day))
    return page, drawn, pen


def _file(plan: Plan, page: Page, rng: random.Random) -> tuple[bytes, str, str, str]:
    img = page.render()
    if plan.family == "blue_ink_photo":
        shot, how = capture.photo(img, rng)
        kind, quality = "jpeg", rng.randint(72, 90)
    elif plan.family == "faint_scan":
        shot, how = capture.scan(img, rng, faint=True)
        kind, quality = "jpeg", rng.randint(40, 60)
    else:
        shot, how = capture.scan(img, rng, grey=rng.random() < 0.15)
        kind, quality = rng.choice(("jpeg", "jpeg", "png", "pdf")), rng.randint(70, 92)
        if kind == "png" and shot.mode == "RGB":
            shot = shot.quantize(96).convert("RGB") if rng.random() < 0.5 else shot.convert("L")
            how += f" {shot.mode}"
    data, mime, ext = capture.encode(shot, kind, page.dpi, quality)
    return data, mime, ext, f"{how} {page.dpi}dpi {kind}" + (f" q{quality}" if kind != "png" else "")


def message(index: int, base_seed: int) -> tuple[bytes, dict]:
    """The raw email of message `index` of the corpus seeded `base_seed`, and its truth object."""
    seed = base_seed * 10000 + index
    rng = random.Random(seed)
    family = family_of(index)
    plan = draw_plan(seed, family, rng)
    arrival = mail.arrival_time(rng)
    sign_day = max(2, arrival.day - rng.randint(0, 2))
    page, drawn, pen = _page(plan, rng, sign_day)
    data, mime, ext, how = _file(plan, page, rng)
    message_id = f"<{rng.getrandbits(64):016x}.{seed}@{plan.school.email.split('@')[1]}>"
    raw, encoding = mail.build(plan, rng, arrival, data, mime, ext, message_id)
    blocks = {b.role: {"label": b.label, "present": b.present, "opinion": b.opinion, "opinion_hand": b.opinion_hand,
                       "signature": b.signature, "signer": b.signer} for b in (plan.department, plan.leader)}
    truth = {"file": f"{index:04d}.eml", "message_id": message_id, "seed": seed, "family": family,
             "school": plan.school.name, "seal": plan.seal,
             "approvals": {"department": plan.department.agrees, "leader": plan.leader.agrees},
             "changes": [change.truth() for change in plan.changes], "problems": plan.problems(),
             "defects": plan.defects, "capture": f"{how}; mail {encoding}",
             "pages": [{"layout": drawn.style, "changes_as": drawn.changes_as, "seal": drawn.seal_at,
                        "pen": [round(c, 2) for c in pen.colour], "pen_weight": pen.weight, "blocks": blocks}]}
    return raw, truth


def generate(out_dir: Path, n: int, seed: int) -> None:
    """Write the registry, `n` emails and `truth.jsonl` into `out_dir`."""
    out_dir = Path(out_dir)
    registry.write(out_dir / "registry")
    (out_dir / "mail").mkdir(parents=True, exist_ok=True)
    with (out_dir / "truth.jsonl").open("w", encoding="utf-8") as handle:
        for index in range(n):
            raw, truth = message(index, seed)
            (out_dir / "mail" / truth["file"]).write_bytes(raw)
            handle.write(json.dumps(truth, ensure_ascii=False) + "\n")
