"""The corpus: registry, one message per index, truth.jsonl."""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.changegen import capture, mail
from tests.changegen.families import BUILDERS, FAMILIES, PLAN_SHAPE, Doc
from tests.changegen.parts import make_style
from tests.changegen.plan import make_plan
from tests.changegen.registry import write_registry

MAX_ATTACHED = 1_400_000  # attachment bytes; base64 makes a message of at most ~2 MB


def family_of(index: int) -> str:
    """Every 8 consecutive indices show all eight families; indices ≡ 0 (mod 4) of each 32 cover all eight."""
    return FAMILIES[(index + index // 8) % len(FAMILIES)]


def seed_of(base_seed: int, index: int) -> int:
    return base_seed * 10000 + index


def _pack(doc: Doc, family: str, rng: random.Random, dpi: int, st_notes: list[str]) -> tuple[list, str]:
    """Capture every page and package the files; (attachments, capture description)."""
    phone = family != "buried_in_long_pdf" and rng.random() < 0.12
    grey = rng.random() < 0.4
    quality = rng.randint(55, 85)
    skew = rng.uniform(-1.2, 1.2) if rng.random() < 0.7 else 0.0
    noise = rng.uniform(1.5, 5)
    images, notes = [], []
    for page, role in zip(doc.pages, doc.roles, strict=True):
        if role == "annex":
            mode = "photo" if phone else rng.choice(["rot90", "rot270", "photo"])
            if mode == "photo":
                img = capture.photo(page.image, rng, max_angle=6.0, long_side=2000)
                img = capture.shadow(img, rng, rng.uniform(0.2, 0.45))
            else:
                img = capture.scan(page.image, rng, grey=grey, skew=skew, noise=noise)
                img = img.rotate(90 if mode == "rot90" else 270, expand=True)
            notes.append(f"annex {mode}")
        elif phone:
            img = capture.photo(page.image, rng, long_side=2000 if dpi >= 200 else 1600)
        else:
            img = capture.scan(page.image, rng, grey=grey, skew=skew, noise=noise)
        images.append(img)
    what = "phone" if phone else f"scan {dpi}dpi{' grey' if grey else ''} q{quality} skew{skew:.1f}"
    stem = rng.choice(["调整申请", "证书申报调整申请", "扫描件", "申请", "scan"])
    kind = rng.choices(["pdf", "jpeg", "png", "tiff"], [45, 30, 10, 15])[0]
    if phone or (kind in ("png", "tiff") and dpi > 200):
        kind = rng.choice(["pdf", "jpeg"])
    if family == "buried_in_long_pdf":
        kind = "pdf"
        if rng.random() < 0.5:
            scanned = {i: im for i, im in enumerate(images) if i not in doc.digital}
            files = [(f"{stem}.pdf", "pdf", capture.mixed_pdf(doc.pages, scanned, dpi, quality))]
            kind = "text-layer+scans pdf"
        else:
            files = [(f"{stem}.pdf", "pdf", capture.image_pdf(images, dpi, quality))]
    elif kind == "pdf":
        files = [(f"{stem}.pdf", "pdf", capture.image_pdf(images, dpi, quality))]
        if family == "landscape_annex" and rng.random() < 0.4:  # the annex as a second attachment
            files = [(f"{stem}.pdf", "pdf", capture.image_pdf(images[:-1], dpi, quality)),
                     ("附件-调整明细表.jpg", "jpeg", capture.jpeg(images[-1], quality))]
    elif kind == "tiff":
        files = [(f"{stem}.tif", "tiff", capture.tiff([im.convert("L") for im in images], dpi))]
    elif kind == "png":
        files = [(f"{stem}{i + 1}.png", "png", capture.png(im.convert("L"), dpi)) for i, im in enumerate(images)]
    else:
        files = [(f"{stem}{'_' + str(i + 1) if len(images) > 1 else ''}.jpg", "jpeg",
                  capture.jpeg(im, quality, None if phone else dpi)) for i, im in enumerate(images)]
    while sum(len(f[2]) for f in files) > MAX_ATTACHED:  # keep a message small: a tighter grey JPEG PDF
        images = [im.convert("L") for im in images]
        files = [(f"{stem}.pdf", "pdf", capture.image_pdf(images, dpi, 50))]
        kind = "pdf grey q50"
        images = [im.resize((im.width * 4 // 5, im.height * 4 // 5)) for im in images]
        dpi = dpi * 4 // 5
    return files, f"{what} {kind}" + (" " + " ".join(notes) if notes else "")


def make_message(index: int, base_seed: int) -> tuple[bytes, dict]:
    seed = seed_of(base_seed, index)
    rng = random.Random(seed)
    family = family_of(index)
    low, high, multi, keep = PLAN_SHAPE[family]
    plan = make_plan(rng, min_changes=low, max_changes=high, multi_field=multi, no_change_rows=keep)
    dpi = rng.choices([100, 150, 200, 300], [10, 35, 35, 20])[0]
    if family == "buried_in_long_pdf":
        dpi = min(dpi, 200)
    sign_day = rng.randint(1, 18)
    st = make_style(rng, dpi, sign_day)
    doc = BUILDERS[family](plan, st)
    files, what = _pack(doc, family, rng, dpi, st.notes)
    day = min(19, sign_day + rng.choice([0, 0, 1]))
    name = f"{index:04d}.eml"
    data, message_id = mail.build(plan.school, files, rng, day=day, index=index, seed=seed)
    truth = {"file": name, "message_id": message_id, "seed": seed, "family": family, "school": plan.school.name,
             "seal": True, "approvals": {"department": True, "leader": True}, "changes": plan.truth_changes(),
             "problems": plan.problems(), "defects": [], "capture": what,
             "pages": {"count": len(doc.pages), "roles": doc.roles, "layout": doc.layout, "notes": st.notes,
                       "approvals": st.approval_layout, "files": [f[0] for f in files]}}
    return data, truth


def generate(out_dir: Path, n: int, base_seed: int) -> None:
    out_dir = Path(out_dir)
    write_registry(out_dir / "registry")
    (out_dir / "mail").mkdir(parents=True, exist_ok=True)
    lines = []
    for index in range(n):
        data, truth = make_message(index, base_seed)
        (out_dir / "mail" / truth["file"]).write_bytes(data)
        lines.append(json.dumps(truth, ensure_ascii=False))
    (out_dir / "truth.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
