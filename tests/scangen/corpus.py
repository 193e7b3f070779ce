"""Export scangen requests as a corpus that `bench.reading` scores black-box, like formgen's.

    python -m tests.scangen.corpus OUT_DIR [--n 24] [--seed 1]

Writes `OUT_DIR/registry/{schools,applications}.csv`, `OUT_DIR/mail/NNNN.eml` and
`OUT_DIR/truth.jsonl` in the format `tests/formgen/__init__.py` describes. Message `index` is the
scan of seed `base_seed * 10000 + index` (as in formgen, so held-out, seed ≡ 0 mod 4, is every fourth
message), in damage style `STYLES[seed % 7]`, with the varied presentations (`variety=True`).

scangen has no registry of its own, so one is derived from the truths: every scangen school, and one
declaration per (school, certificate, level) a change names, whose 申报人数 / 专业名称 are that
change's old value, so every change links and no check but the ones the scan is meant to trip fires.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tests.formgen.registry import CERTIFICATE_GROUPS
from tests.scangen import SCHOOLS, STYLES, Scan, Truth, make_scan, to_eml
from tests.scangen.truth import MAJORS

CITIES = ("南京市", "无锡市", "徐州市", "常州市", "苏州市", "南通市", "连云港市", "淮安市", "盐城市",
          "扬州市", "镇江市", "泰州市", "宿迁市")  # Jiangsu's 设区市
# formgen's certificate → 协作组 table lacks two scangen certificates.
GROUPS = {**CERTIFICATE_GROUPS, "数字媒体交互设计": "文化艺术类协作组", "界面设计": "计算机与软件类协作组"}
DEFAULT_HEADCOUNT = 50  # 申报人数 of a declaration no change states an old headcount for

DeclarationKey = tuple[str, str, str]  # (school, certificate, level)


@dataclass(frozen=True)
class Declaration:
    """One row of `applications.csv`."""

    application_id: str
    school: str
    certificate: str
    level: str
    major: str
    headcount: int
    capacity: int  # 可参与专业在校生数


def draw_scan(seed: int) -> Scan:
    """The scan a corpus holds for `seed`: its damage style cycles with the seed."""
    return make_scan(seed, style=STYLES[seed % len(STYLES)], variety=True)


def city_of(school: str) -> str:
    """The 设区市 the school's name contains, else the capital."""
    return next((city for city in CITIES if city.removesuffix("市") in school), "南京市")


def email_of(school: str) -> str:
    return f"1x{SCHOOLS.index(school) + 1:02d}@school.example.cn"


def declarations(truths: Iterable[Truth]) -> dict[DeclarationKey, Declaration]:
    """One declaration per (school, certificate, level) any change names, numbered in order of first
    mention. 申报人数 / 专业名称 come from the first change stating an old headcount / major; later
    scans stating another old value still link (linking goes by certificate and level, SPEC §2)."""
    mentions: dict[DeclarationKey, list[tuple[str, str | int | None, str | int]]] = {}  # (field, old, new)
    for truth in truths:
        for change in truth.changes:
            key = (truth.school, change.certificate, str(change.level))
            mentions.setdefault(key, []).append((change.field, change.from_value, change.to_value))
    result = {}
    for number, (key, changes) in enumerate(mentions.items(), 1):
        headcount = next((int(old) for field, old, _ in changes if field == "headcount" and old is not None),
                         DEFAULT_HEADCOUNT)
        major = next((str(old) for field, old, _ in changes if field == "major"), MAJORS[0])
        # Twice the largest headcount asked for, so exceeds_enrollment never fires.
        largest = max([headcount] + [int(new) for field, _, new in changes if field == "headcount"])
        result[key] = Declaration(f"SG2024-{number:05d}", *key, major, headcount, 2 * largest)
    return result


def write_registry(directory: Path, truths: list[Truth], table: dict[DeclarationKey, Declaration]) -> None:
    """`schools.csv` (every scangen school, all 中职, each enrolling every major the corpus names) and
    `applications.csv`, in the columns of `examples/registry/`."""
    majors = sorted({str(value) for truth in truths for change in truth.changes if change.field == "major"
                     for value in (change.from_value, change.to_value)} | {item.major for item in table.values()})
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / "schools.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["单位名称", "单位类型", "设区市", "别名", "联系邮箱", "招生专业"])
        for school in SCHOOLS:
            writer.writerow([school, "中职", city_of(school), "", email_of(school), "；".join(majors)])
    with (directory / "applications.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["申报编号", "单位名称", "证书名称", "等级", "专业名称", "专业代码", "申报人数",
                         "可参与专业在校生数", "协作组"])
        for item in table.values():
            writer.writerow([item.application_id, item.school, item.certificate, item.level, item.major, "",
                             item.headcount, item.capacity, GROUPS[item.certificate]])


def family(truth: Truth) -> str:
    """How the request is presented: a born-digital PDF, an annex (page or second file), else the layout."""
    if truth.digital:
        return "digital"
    return {"page": "annex-page", "attachment": "annex-file"}.get(truth.annex, truth.layout)


def capture(truth: Truth) -> str:
    """The presentation details a miss is read with: layout, face, ruling, prose style and damage."""
    d = truth.distortion
    parts = [truth.layout, f"font {truth.font}", f"ruling {truth.ruling}", f"prose {truth.prose_style}"]
    if not truth.digital:
        parts += [f"{d.dpi} dpi", *["grey"] * d.greyscale, *[f"turned {d.rotation}"] * bool(d.rotation),
                  *["photo"] * d.photo, *[f"jpeg {d.jpeg_quality}"] * (d.jpeg_quality is not None)]
    return ", ".join(parts)


def truth_record(seed: int, truth: Truth, table: dict[DeclarationKey, Declaration]) -> dict[str, object]:
    """The truth object of one message (without file and message_id); problems as SPEC §2 gives them.

    The message itself is well-formed (subject, registered school, date inside the round), and the
    derived registry links every change within capacity, so only the letter's own faults remain."""
    approvals = {role: bool(block and block.approved)
                 for role, block in (("department", truth.department), ("leader", truth.leader))}
    problems = {"no_seal"} if not truth.seal else set()
    problems |= {f"missing_{role}_approval" for role, approved in approvals.items() if not approved}
    if not truth.changes:
        problems.add("no_changes_found")
    changes = [{"certificate": c.certificate, "field": c.field, "from": c.from_value, "to": c.to_value,
                "application_id": table[(truth.school, c.certificate, str(c.level))].application_id}
               for c in truth.changes]
    return {"school": truth.school, "family": family(truth), "seed": seed, "seal": truth.seal,
            "approvals": approvals, "changes": changes, "problems": sorted(problems),
            "capture": capture(truth)}


def write_corpus(out: Path, scans: Iterable[tuple[int, Scan]]) -> None:
    """Write the corpus of `(seed, scan)` pairs. Only truths are kept once a message is written, as
    the page images of a few dozen scans would fill memory."""
    mail = out / "mail"
    mail.mkdir(parents=True, exist_ok=True)
    written: list[tuple[str, str, int, Truth]] = []  # (file, message_id, seed, truth)
    for index, (seed, scan) in enumerate(scans):
        name, message_id = f"{index:04d}.eml", f"<scangen-{seed}@school.example.cn>"
        school = scan.truth.school
        (mail / name).write_bytes(to_eml(scan.documents, school=school, sender=email_of(school),
                                         message_id=message_id))
        written.append((name, message_id, seed, scan.truth))
    truths = [truth for *_, truth in written]
    table = declarations(truths)
    write_registry(out / "registry", truths, table)
    with (out / "truth.jsonl").open("w", encoding="utf-8") as handle:
        for name, message_id, seed, truth in written:
            record = {"file": name, "message_id": message_id, **truth_record(seed, truth, table)}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def generate(out: Path, count: int, base_seed: int) -> None:
    """Write a corpus of `count` scans, message `index` drawn from seed `base_seed * 10000 + index`."""
    seeds = (base_seed * 10000 + index for index in range(count))
    write_corpus(out, ((seed, draw_scan(seed)) for seed in seeds))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.scangen.corpus", description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=24)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.n, args.seed)


if __name__ == "__main__":
    main()
