"""Accuracy and speed of page reading on generated scans.

    python -m bench.accuracy [--n 60] [--engine rapidocr|tesseract|both] [--seed 1000]

Prints seal precision/recall, approval accuracy, school-from-seal accuracy, CER of
the body prose, change F1, pages/s, and the
ratio of the pipeline's time per page to a bare RapidOCR call on the same image.

The corpus is the generator's varied mix: scans in several damage styles, table
layouts, fonts and prose styles, annexes on a second page or in a second
attachment, and born-digital PDFs (read through their text layer, so they count
for seals, approvals and changes but not for CER or OCR timing). Seals and
approvals are scored on the letter's first page; changes on all its documents,
each as (certificate, field, level, from, to): the level is part of a change's
value (spec §2) because linking depends on it.
"""

from __future__ import annotations

import argparse
import statistics
import time
import unicodedata
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from parsers.attachments import load_documents
from parsers.changes import extract_document_changes
from parsers.model import Attachment, Document, DocumentClass, Page
from parsers.ocr import make_engine
from parsers.ocr.rapid import shared_rapidocr
from parsers.pagework import PageFindings, read_page
from tests.scangen import SCHOOLS, STYLES, Scan, make_scan


@dataclass
class Tally:
    seal_tp: int = 0
    seal_fp: int = 0
    seal_fn: int = 0
    approvals_ok: int = 0
    approvals: int = 0
    school_ok: int = 0
    school_n: int = 0
    cer_edits: int = 0
    cer_chars: int = 0
    change_tp: int = 0
    change_fp: int = 0
    change_fn: int = 0
    pipeline_s: list[float] = field(default_factory=list)
    bare_s: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    change_misses: list[str] = field(default_factory=list)


def bare_rapidocr(image: object) -> float:
    """Seconds for one plain RapidOCR call with its default steps, on the already loaded model."""
    arr = np.ascontiguousarray(np.asarray(image)[:, :, ::-1])
    start = time.perf_counter()
    shared_rapidocr()(arr, use_cls=True)
    return time.perf_counter() - start


def score(scan: Scan, documents: list[Document], found: PageFindings, t: Tally) -> None:
    truth = scan.truth
    has = bool(found.seals)
    t.seal_tp += has and truth.seal
    t.seal_fp += has and not truth.seal
    t.seal_fn += truth.seal and not has
    for role in ("department", "leader"):
        expected, got = getattr(truth, role), getattr(found, role)
        approved = bool(got and got.found and got.affirmative and got.signed)
        t.approvals += 1
        t.approvals_ok += approved == expected.approved
        if approved != expected.approved:
            seen = got and (got.opinion, got.affirmative, got.signed)
            t.misses.append(f"{truth.distortion} {role}: {expected.signature}/{expected.opinion} → {seen}")
    if truth.seal and found.seals:
        t.school_n += 1
        best = process.extractOne(found.seals[0].text, SCHOOLS, score_cutoff=70)
        t.school_ok += bool(best) and best[0] == truth.school
    page = documents[0].pages[0]
    if not truth.digital:  # body_box is in scan pixels; a born-digital page is rendered at another scale
        ref = "".join(truth.body_lines).replace(" ", "")
        hyp = "".join(ln.text for ln in page.lines if _inside(ln.box, _upright(truth))).replace(" ", "")
        t.cer_edits += Levenshtein.distance(ref, hyp)
        t.cer_chars += len(ref)
    _score_changes(scan, documents, t)


def _upright(truth: object) -> tuple[float, float, float, float]:
    """The body box in the frame of the page after orientation correction."""
    x0, y0, x1, y1 = truth.body_box  # type: ignore[attr-defined]
    d = truth.distortion  # type: ignore[attr-defined]
    w = round(1240 * d.dpi / 150)
    h = round(1754 * d.dpi / 150)
    if d.rotation == 90:  # scan is h wide, w tall: upright x = y, y = h - x
        return (y0, h - x1, y1, h - x0)
    if d.rotation == 180:
        return (w - x1, h - y1, w - x0, h - y0)
    if d.rotation == 270:
        return (w - y1, x0, w - y0, x1)
    return (x0, y0, x1, y1)


def _inside(box: tuple[float, ...], area: tuple[float, ...]) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return area[0] <= cx <= area[2] and area[1] <= cy <= area[3]


def _norm(v: object) -> str:
    return unicodedata.normalize("NFKC", str(v)).replace(" ", "").removesuffix("证书")


def _key(c: object) -> tuple[str, ...]:
    return tuple(
        _norm(getattr(c, name)) for name in ("certificate", "field", "level", "from_value", "to_value")
    )


def _score_changes(scan: Scan, documents: list[Document], t: Tally) -> None:
    want = {_key(c) for c in scan.truth.changes}
    got = {_key(c) for c in extract_document_changes(documents)}
    t.change_tp += len(want & got)
    t.change_fp += len(got - want)
    t.change_fn += len(want - got)
    if want != got:
        truth = scan.truth
        lines = "\n".join(
            f"    | {ln.text}  {[round(v) for v in ln.box]}"
            for d in documents
            for p in d.pages
            for ln in p.lines
        )
        t.change_misses.append(
            f"{truth.layout}/{truth.ruling}/{truth.prose_style}/{truth.numbering}/{truth.font}/annex={truth.annex}"
            f"/digital={truth.digital} {truth.distortion}\n  fn {sorted(want - got)}\n  fp {sorted(got - want)}\n{lines}"
        )


def scan_documents(scan: Scan, index: int) -> list[Document]:
    """The scan's documents as the pipeline holds them: page images, or a born-digital PDF read whole."""
    if scan.digital:
        return load_documents([Attachment(name, "application/pdf", data) for name, data in scan.digital])
    groups = [[scan.image, *scan.annex]] if scan.truth.annex != "attachment" else [[scan.image], scan.annex]
    return [
        Document(f"bench-{index}-{k}.pdf", "", DocumentClass.READABLE, "application/pdf", pages=[
            Page(number=n, image=image, width=image.width, height=image.height)
            for n, image in enumerate(images, 1)
        ])
        for k, images in enumerate(groups) if images
    ]  # fmt: skip


def run(engine_name: str, n: int, seed: int) -> Tally:
    engine = make_engine(engine_name)
    shared_rapidocr()
    t = Tally()
    for i in range(n):
        scan = make_scan(seed + i, style=STYLES[i % len(STYLES)], variety=True)
        documents = scan_documents(scan, i)
        first, *others = [(d, p) for d in documents for p in d.pages]
        timed = not scan.digital  # a text-layer page is not OCRed: no fair comparison
        bare_first = i % 2 == 0  # alternate so neither side profits from warm caches
        if timed and bare_first:
            t.bare_s.append(bare_rapidocr(scan.image))
        for _, page in (first, *others):
            page.load_image()  # PDF pages render on demand, as parsers.read does
        start = time.perf_counter()
        found = read_page(first[1], engine=engine, document=first[0].filename)
        if timed:
            t.pipeline_s.append(time.perf_counter() - start)
        if timed and not bare_first:
            t.bare_s.append(bare_rapidocr(scan.image))
        for document, page in others:
            read_page(page, engine=engine, document=document.filename)
        score(scan, documents, found, t)
    return t


def report(name: str, t: Tally) -> None:
    p = t.seal_tp / max(1, t.seal_tp + t.seal_fp)
    r = t.seal_tp / max(1, t.seal_tp + t.seal_fn)
    ratios = [a / b for a, b in zip(t.pipeline_s, t.bare_s, strict=True)]
    print(f"== engine {name}: {t.approvals // 2} letters, {len(t.pipeline_s)} scanned first pages timed")
    print(f"seal precision {p:.3f}  recall {r:.3f}")
    print(f"approval accuracy {t.approvals_ok / max(1, t.approvals):.3f} ({t.approvals_ok}/{t.approvals})")
    print(f"school from seal {t.school_ok / max(1, t.school_n):.3f} ({t.school_ok}/{t.school_n})")
    print(f"body CER {t.cer_edits / max(1, t.cer_chars):.4f}")
    f1 = 2 * t.change_tp / max(1, 2 * t.change_tp + t.change_fp + t.change_fn)
    print(f"change F1 {f1:.3f} (tp {t.change_tp}, fp {t.change_fp}, fn {t.change_fn})")
    print(f"pages/s {len(t.pipeline_s) / sum(t.pipeline_s):.3f}")
    print(
        f"pipeline/bare RapidOCR time: total {sum(t.pipeline_s) / sum(t.bare_s):.3f}, "
        f"median per page {statistics.median(ratios):.3f}"
    )
    for miss in t.misses[:10]:
        print("  miss:", miss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--engine", choices=("rapidocr", "tesseract", "both"), default="rapidocr")
    parser.add_argument("--seed", type=int, default=1000)
    parser.add_argument("--dump", help="write every change miss with the page's OCR lines to this file")
    args = parser.parse_args()
    names = ("rapidocr", "tesseract") if args.engine == "both" else (args.engine,)
    for name in names:
        tally = run(name, args.n, args.seed)
        report(name, tally)
        if args.dump:
            with open(args.dump, "a", encoding="utf-8") as out:
                out.write("\n\n".join(tally.change_misses) + "\n")


if __name__ == "__main__":
    main()
