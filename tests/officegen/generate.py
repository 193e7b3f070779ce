"""The corpus: family per index, one plan per seed, pages → files → message → truth line."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.officegen import capture as cap
from tests.officegen import families as fam
from tests.officegen.capture import Attachment
from tests.officegen.mail import build
from tests.officegen.plan import Plan, make_plan
from tests.officegen.registry import write_registry
from tests.officegen.wordpdf import word_pdf


@dataclass
class Output:
    """What a family hands to the mail: files, how they were captured, how many pages, mail style."""

    files: list[Attachment]
    capture: str
    pages: int
    style: str = "plain"


def _stamp(rng: random.Random, plan: Plan) -> str:
    m, d = plan.date
    return f"2024{m:02d}{d:02d}_{rng.randint(80000, 175959):06d}"


def redhead_greyscale(rng: random.Random, plan: Plan) -> Output:
    pages = [cap.greyscale_scan(rng, p.image) for p in fam.redhead(rng, plan)]
    name = rng.choice((f"{plan.school.name}调整申请.pdf", f"扫描全能王{_stamp(rng, plan)}.pdf", "doc00321.pdf"))
    return Output([Attachment(name, cap.pdf_of(pages), "application/pdf")], "greyscale 150 dpi PDF", len(pages))


def excel_phone_photo(rng: random.Random, plan: Plan) -> Output:
    page = fam.excel_sheet(rng, plan)[0]
    img = cap.photo(rng, page.image)
    return Output([Attachment(f"IMG_{_stamp(rng, plan)}.jpg", cap.jpeg(img, 82), "image/jpeg")],
                  "phone photo JPEG", 1, rng.choice(("plain", "html")))


def fax_tiff(rng: random.Random, plan: Plan) -> Output:
    page = fam.plain_letter(rng, plan, "underscore_lines")[0]
    img = cap.fax(rng, page.image, plan.date[1])
    return Output([Attachment(f"FAX{_stamp(rng, plan)}.tif", cap.tiff_of([img], "group4", 200), "image/tiff")],
                  "fax 200 dpi bilevel TIFF", 1)


def camscanner_zip(rng: random.Random, plan: Plan) -> Output:
    pages = fam.letter_then_annex(rng, plan)
    stamp = _stamp(rng, plan)
    members = [Attachment(f"CamScanner {stamp}_{i}.jpg", cap.jpeg(cap.camscanner(rng, p.image), 80), "image/jpeg")
               for i, p in enumerate(pages, 1)]
    return Output([Attachment(f"调整申请扫描件{stamp[:8]}.zip", cap.zip_of(members), "application/zip")],
                  "scanner-app JPEGs in a ZIP, seal on page 2 only", 2)


def two_up_photo(rng: random.Random, plan: Plan) -> Output:
    pages = fam.letter_and_approval_page(rng, plan)
    img = cap.two_up(rng, [p.image for p in pages])
    return Output([Attachment(f"IMG_{_stamp(rng, plan)}.jpg", cap.jpeg(img, 85), "image/jpeg")],
                  "two pages side by side in one photo", 2)


def word_pdf_eseal(rng: random.Random, plan: Plan) -> Output:
    name = rng.choice((f"{plan.school.name}2024年证书申报调整申请.pdf", "调整申请（盖章版）.pdf"))
    return Output([Attachment(name, word_pdf(rng, plan), "application/pdf")], "born-digital PDF, e-seal image", 1,
                  rng.choice(("plain", "html")))


def forwarded_form(rng: random.Random, plan: Plan) -> Output:
    page = fam.request_form(rng, plan)[0]
    img = cap.greyscale_scan(rng, page.image) if rng.random() < 0.5 else page.image
    files = [Attachment("申请表.pdf", cap.pdf_of([img]), "application/pdf")]
    return Output(files, "forwarded message with the original attached", 1, "forwarded")


def punched_tiff(rng: random.Random, plan: Plan) -> Output:
    pages = fam.plain_letter(rng, plan, rng.choice(("side_by_side", "signature_table")))
    if rng.random() < 0.5:
        pages.append(fam.annex_page(rng, plan, seal=False, title="附件"))
    images = [cap.punch_and_staple(rng, p.image) for p in pages]
    return Output([Attachment(f"scan_{_stamp(rng, plan)}.tif", cap.tiff_of(images), "image/tiff")],
                  "multi-page colour TIFF, punch holes and staple", len(images))


FAMILIES: dict[str, Callable[[random.Random, Plan], Output]] = {
    "redhead_greyscale": redhead_greyscale, "excel_phone_photo": excel_phone_photo, "fax_tiff": fax_tiff,
    "camscanner_zip": camscanner_zip, "two_up_photo": two_up_photo, "word_pdf_eseal": word_pdf_eseal,
    "forwarded_form": forwarded_form, "punched_tiff": punched_tiff,
}
NAMES = list(FAMILIES)


def family_of(index: int) -> str:
    """Every 8 consecutive messages (from a multiple of 8) show every family; every 32 give each
    family exactly one held-out message (index ≡ 0 mod 4)."""
    return NAMES[(index + index // 8) % len(NAMES)]


def message(index: int, seed: int) -> tuple[bytes, dict]:
    """One message's bytes and its truth (without `file`)."""
    rng = random.Random(seed)
    family = family_of(index)
    plan = make_plan(rng)
    out = FAMILIES[family](rng, plan)
    msg = build(rng, plan, out.files, out.style, index)
    truth = {"message_id": msg["Message-ID"], "seed": seed, "family": family, **plan.truth(),
             "capture": out.capture, "pages": out.pages}
    return msg.as_bytes(), truth


def generate(out_dir: Path, n: int, base_seed: int) -> None:
    """Write `registry/`, `mail/NNNN.eml` and `truth.jsonl` for messages 0..n-1."""
    out_dir = Path(out_dir)
    write_registry(out_dir / "registry")
    (out_dir / "mail").mkdir(parents=True, exist_ok=True)
    with (out_dir / "truth.jsonl").open("w", encoding="utf-8") as fh:
        for index in range(n):
            data, truth = message(index, base_seed * 10000 + index)
            name = f"{index:04d}.eml"
            (out_dir / "mail" / name).write_bytes(data)
            fh.write(json.dumps({"file": name, **truth}, ensure_ascii=False) + "\n")
