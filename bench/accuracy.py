"""Accuracy of the product's reading on all nineteen request generators, black-box, per family and split.

    python -m bench.accuracy [--n 48] [--seed 1] [--engine rapidocr|tesseract] [--keep DIR] [--checkout TREE]

Writes nineteen corpora of `--n` request emails each — formgen's, papergen's, officegen's, signgen's, changegen's, othergen's, deskgen's, inboxgen's, realgen's, wildgen's, kindgen's, plaingen's, stampgen's, copygen's and issuegen's
(`tests/formgen`, `tests/papergen`, `tests/officegen`, `tests/signgen`, `tests/changegen`, `tests/othergen`,
`tests/deskgen`, each written independently of the reader and of the other generators; officegen draws ordinary office habits: 红头 公文, Excel
printouts, signature tables, fax/scanner-app/phone captures, forwarded mail; signgen draws the approval
blocks of ordinary requests: opinion under label, 签字/日期 underlines, 名章, blue ink photos, ruled
approval rows, side-by-side sign-offs, negative and missing approvals, faint scans; changegen draws the
changes part: merged-header and wide tables, vertical forms, numbered prose, catalogue codes and official
certificate titles, tables continued over pages, change tables buried in long PDFs, sideways landscape
annexes; othergen, `tests/othergen`, draws other ordinary layouts: 会签单 rows, one-line approvals, letter
and approval form or spreadsheet screenshot as separate attachments, transposed tables, headcount-only
sheets with 合计 rows, two pages on one scan, turned pages under watermarks, born-digital PDFs with
signature images and e-seals; deskgen, `tests/deskgen`, draws ordinary desk paperwork and its captures: Word
letters with approval blocks at the foot and handwritten opinions, 审批表 grids with wrapped labels, 附表 annexes,
born-digital PDFs with a scanned signed page, two phone photos, photocopies of photocopies; inboxgen,
`tests/inboxgen`, draws ordinary requests as schools mail them: scanned multi-page PDFs with the table on an
annex page and a student list between, upright letters with a landscape annex scanned turned 90°, 红头
letters with numbered prose changes, 申请表 with ruled opinion boxes, per-certificate vertical forms, and
100–150 dpi greyscale scans or skewed phone photos; realgen, `tests/realgen`, draws other ordinary paperwork:
高职 wording with 审核人/审批人 chains and 签名 on the opinion's line, one landscape WPS page with two opinion cells
under the change table and the seal across it, letters listing changes in free words (调减10人（由50人调整为40人）,
等级调整：中级→高级, catalogue codes), two-page cheap scans with the approvals and seal alone on page 2 (pages
reversed, one tilted, grey paper, black borders), large two-line handwritten opinions with signatures over
labels and seal and Chinese-numeral dates, and keystoned phone photos at 2–12 MP; wildgen, `tests/wildgen`, draws 公文 请示 with 红头 and an 附件 审批表, 三线表 with
official titles, Excel screenshots pasted in letters, changes in one 说明 paragraph, 1-bit copier scans, 呈批件 with
opinion, name and date on one handwritten line, sectioned 申请表 in ZIPs with GBK names, and one 调整内容 cell per change; kindgen,
`tests/kindgen`, draws change tables with a certificate cell merged over its 2–3 rows and 不调整 rows, approval blocks in
schools' own words (教务处意见, 分管校长意见, 负责人签章：, 签 字：, 审批人：), forms with signed 经办人/填表人 lines that are not
approvals, 调整类型 check-box forms with 原/新 columns, opinions and Chinese-numeral dates written by hand, long tables
over all of a school's certificates with few real changes and a 续表, shuffled multi-page PDFs with a page turned
180°/90° and a blank separator, and full-width, spaced, quoted names with catalogue-coded majors; plaingen,
`tests/plaingen`, draws approvals side by side at a letter's foot, opinions, names and dates written on printed
blanks, forms with a 二级学院 opinion row above the two that count, tables with 调整原因/增减 columns, one landscape
sheet with 部门意见 | 校领导意见 | 单位盖章 cells, typed letters with a scanned signed page appended, changes in prose
only, and 申请表 captured as phone photos; stampgen, `tests/stampgen`, draws opinions given by ticked
同意/不同意 boxes, approval grids with 审批环节 rows, signatures above or below their 签字 line, forms filled in
by hand, values struck through and corrected by hand, seals over the leader's signature, date stamps and name
stamps, and certificates named in varied real ways; copygen, `tests/copygen`, draws phone scanner-app PDFs,
Word PDFs whose text layer does not read with the signed page appended as a scan, borderless tab-aligned tables,
stacked sign-offs at a letter's right foot, folded and stained photocopies, one 调整内容 cell per change, 红头
letters with oval and 骑缝 seals that are not the official one, and letter and 附表 as separate attachments;
issuegen, `tests/issuegen`, draws the reading issue's own list of kinds afresh: letter-line approvals, boxed
forms with labels wrapped anywhere, 审批表 grids, merged-header tables, per-certificate vertical forms, numbered
prose, six-page PDFs with the table on page 4 and a sideways annex, and phone photos with shadows and 红头;
roundgen, `tests/roundgen`, draws 情况说明 with a mid-letter table and a 经办人 | 部门 | 校领导 签批栏 strip, forms
with side-by-side approval cells behind vertical labels, blue cursive opinions with `（签字）` after the name,
changes grouped per major, landscape 汇总表 over all declarations with 是否调整, WPS text-layer bundles with
封面 and 目录 and a scanned 审批页, 调整前 | 调整后 comparison tables, and duplex sheets with bleed-through; on
tinted paper, folded, with moiré or blocky JPEG, or photographed with a finger in the corner); fieldgen, `tests/fieldgen`,
draws requests seen as overlapping WeChat viewer screenshots, faxes as 1-bit multi-page TIFF at 204×98 or 204×196 dpi,
pages sent as separate phone photos in shuffled order (or inline in HTML, or one copier TIFF), table rows that
change two fields at once, prose with Chinese numerals and distractor numbers (文号, 学号, phones), 审批部门 | 审批意见 |
签字及日期 sign-off tables with an 经办人 row and pencil or faint blue hands, 手签章 signature stamps and pen across
typed names, and Excel tables with one-character-per-line headers and a 备注 column of numbers, sent as a WPS 长图;
habitgen, `tests/habitgen`, draws requests on the school's red 信笺 (typed or written by hand), desktop screenshots of
WPS or Acrobat windows, phone photos pasted into Word and exported as PDF (some turned 90°), 调整前/调整后 row pairs
per certificate, 申请表 with ticked 调整类型 and level boxes and values written in, approvals on a photographed A5
审批单 slip, narrow tables whose official titles and coded majors wrap over lines, and key–value shorthand items
(证书：…；等级：…；调整内容：…); and scangen's (`tests/scangen`, exported by
`tests.scangen.corpus` with a registry derived from its truths) — into a
temp dir, or DIR/NAME with `--keep` (plus the product's records as `records.json`, to re-score with
`python -m bench.reading DIR/NAME --records …`). Message `index` of each is drawn from seed
`--seed * 10000 + index`; held-out messages are those whose seed is ≡ 0 (mod 4), the rest the tuned part.

Each corpus goes through one fresh instance (`bench.reading.run_product`: registry import, one
`intake ingest`, `requests list --json`). Per generator it prints the per-family table of the tuned
part, the same of the held-out part, the overall line of all messages (approval accuracy, seal
precision/recall, change F1, link accuracy, exact-problems rate; see `bench.reading`), then every
miss with file, seed and family. Time per page is another bench's business (`bench.intake_bench`).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.reading import ROOT, in_split, load_truths, print_misses, run_product, score, table
from tests.changegen import generate as changegen_corpus
from tests.copygen import generate as copygen_corpus
from tests.deskgen import generate as deskgen_corpus
from tests.fieldgen import generate as fieldgen_corpus
from tests.formgen.generate import generate as formgen_corpus
from tests.habitgen import generate as habitgen_corpus
from tests.inboxgen import generate as inboxgen_corpus
from tests.issuegen import generate as issuegen_corpus
from tests.kindgen import generate as kindgen_corpus
from tests.officegen import generate as officegen_corpus
from tests.othergen import generate as othergen_corpus
from tests.papergen import generate as papergen_corpus
from tests.plaingen import generate as plaingen_corpus
from tests.realgen import generate as realgen_corpus
from tests.roundgen import generate as roundgen_corpus
from tests.scangen.corpus import generate as scangen_corpus
from tests.signgen import generate as signgen_corpus
from tests.stampgen import generate as stampgen_corpus
from tests.wildgen import generate as wildgen_corpus

# name → writes a corpus of (out_dir, count, base_seed)
GENERATORS: dict[str, Callable[[Path, int, int], None]] = {"formgen": formgen_corpus, "scangen": scangen_corpus,
                                                          "papergen": papergen_corpus, "officegen": officegen_corpus,
                                                          "signgen": signgen_corpus, "changegen": changegen_corpus,
                                                          "othergen": othergen_corpus, "deskgen": deskgen_corpus,
                                                          "inboxgen": inboxgen_corpus, "realgen": realgen_corpus,
                                                          "wildgen": wildgen_corpus, "kindgen": kindgen_corpus,
                                                          "plaingen": plaingen_corpus, "stampgen": stampgen_corpus,
                                                          "copygen": copygen_corpus, "issuegen": issuegen_corpus,
                                                          "roundgen": roundgen_corpus, "fieldgen": fieldgen_corpus,
                                                          "habitgen": habitgen_corpus}


def bench_generator(name: str, directory: Path, n: int, seed: int, engine: str, keep: bool, root: Path) -> None:
    """Generate one corpus into `directory`, run the product on all of it once, print its scores."""
    GENERATORS[name](directory, n, seed)
    truths = load_truths(directory)
    records, seconds = run_product(directory, truths, engine, root)
    if keep:
        (directory / "records.json").write_text(json.dumps(records, ensure_ascii=False, indent=1),
                                                encoding="utf-8")
    print(f"\n=== {name}: {len(truths)} messages, engine {engine}, ingest {seconds:.0f} s, corpus {directory}")
    pending = sum(record.get("status") == "pending" for record in records)
    if pending:  # `ingest` exits 0 once messages are stored, even if processing then failed
        print(f"WARNING: {pending} records still pending: the product failed to process them")
    for split in ("tuned", "held-out"):
        part = [truth for truth in truths if in_split(truth, split)]
        print(f"\n{split} ({len(part)} messages)")
        print(table(score(part, records)))
    tallies = score(truths, records)
    print("\nall")
    print(table({"overall": tallies["overall"]}))
    print_misses(tallies)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.accuracy", description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=48, help="messages per generator")
    parser.add_argument("--seed", type=int, default=1, help="base seed of both corpora")
    parser.add_argument("--engine", default="rapidocr", choices=["rapidocr", "tesseract"])
    parser.add_argument("--keep", type=Path, help="write the corpora and records here instead of a temp dir")
    parser.add_argument("--checkout", type=Path, default=ROOT, help="run this tree's `intake` (default: this one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="accuracy-") as tmp:
        root = args.keep or Path(tmp)
        for name in GENERATORS:
            bench_generator(name, root / name, args.n, args.seed, args.engine, keep=args.keep is not None,
                            root=args.checkout.resolve())


if __name__ == "__main__":
    main()
