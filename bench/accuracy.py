"""Accuracy and speed of page reading on generated scans.

    python -m bench.accuracy [--n 60] [--engine rapidocr|tesseract|both] [--seed 1000]

Prints seal precision/recall, approval accuracy, school-from-seal accuracy, CER of
the body prose, change F1 (when parsers.changes is present), pages/s, and the
ratio of the pipeline's time per page to a bare RapidOCR call on the same image.
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

from parsers.model import Page
from parsers.ocr import make_engine
from parsers.ocr.rapid import shared_rapidocr
from parsers.pagework import PageFindings, read_page
from tests.scangen import SCHOOLS, STYLES, Scan, make_scan

try:
    from parsers.changes import extract_changes
except ImportError:  # written by another engineer; the bench runs without it
    extract_changes = None


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


def bare_rapidocr(image: object) -> float:
    """Seconds for one plain RapidOCR call with its default steps, on the already loaded model."""
    arr = np.ascontiguousarray(np.asarray(image)[:, :, ::-1])
    start = time.perf_counter()
    shared_rapidocr()(arr, use_cls=True)
    return time.perf_counter() - start


def score(scan: Scan, page: Page, found: PageFindings, t: Tally) -> None:
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
    ref = "".join(truth.body_lines).replace(" ", "")
    hyp = "".join(ln.text for ln in page.lines if _inside(ln.box, _upright(truth))).replace(" ", "")
    t.cer_edits += Levenshtein.distance(ref, hyp)
    t.cer_chars += len(ref)
    if extract_changes is not None:
        _score_changes(scan, page, t)


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


def _score_changes(scan: Scan, page: Page, t: Tally) -> None:
    want = {
        (_norm(c.certificate), c.field, _norm(c.from_value), _norm(c.to_value)) for c in scan.truth.changes
    }
    got = {
        (_norm(c.certificate), c.field, _norm(c.from_value), _norm(c.to_value))
        for c in extract_changes([page])
    }
    t.change_tp += len(want & got)
    t.change_fp += len(got - want)
    t.change_fn += len(want - got)


def run(engine_name: str, n: int, seed: int) -> Tally:
    engine = make_engine(engine_name)
    shared_rapidocr()
    t = Tally()
    for i in range(n):
        scan = make_scan(seed + i, style=STYLES[i % len(STYLES)])
        page = Page(number=1, image=scan.image, width=scan.image.width, height=scan.image.height)
        bare_first = i % 2 == 0  # alternate so neither side profits from warm caches
        if bare_first:
            t.bare_s.append(bare_rapidocr(scan.image))
        start = time.perf_counter()
        found = read_page(page, engine=engine, document=f"bench-{i}.pdf")
        t.pipeline_s.append(time.perf_counter() - start)
        if not bare_first:
            t.bare_s.append(bare_rapidocr(scan.image))
        score(scan, page, found, t)
    return t


def report(name: str, t: Tally) -> None:
    p = t.seal_tp / max(1, t.seal_tp + t.seal_fp)
    r = t.seal_tp / max(1, t.seal_tp + t.seal_fn)
    ratios = [a / b for a, b in zip(t.pipeline_s, t.bare_s, strict=True)]
    print(f"== engine {name}: {len(t.pipeline_s)} pages")
    print(f"seal precision {p:.3f}  recall {r:.3f}")
    print(f"approval accuracy {t.approvals_ok / max(1, t.approvals):.3f} ({t.approvals_ok}/{t.approvals})")
    print(f"school from seal {t.school_ok / max(1, t.school_n):.3f} ({t.school_ok}/{t.school_n})")
    print(f"body CER {t.cer_edits / max(1, t.cer_chars):.4f}")
    if extract_changes is not None:
        f1 = 2 * t.change_tp / max(1, 2 * t.change_tp + t.change_fp + t.change_fn)
        print(f"change F1 {f1:.3f} (tp {t.change_tp}, fp {t.change_fp}, fn {t.change_fn})")
    else:
        print("change F1 n/a (parsers.changes not available)")
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
    args = parser.parse_args()
    names = ("rapidocr", "tesseract") if args.engine == "both" else (args.engine,)
    for name in names:
        report(name, run(name, args.n, args.seed))


if __name__ == "__main__":
    main()
