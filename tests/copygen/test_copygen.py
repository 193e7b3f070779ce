"""Fast checks of copygen (no OCR): parseable mail, truth consistent with the registry and the one defect,
family split coverage, and byte-for-byte determinism."""

from __future__ import annotations

import csv
import email
import io
import re
import zipfile
from email import policy
from email.utils import parsedate_to_datetime
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from tests.copygen import FAMILIES, family_of, generate, generate_one, make_case
from tests.copygen.content import DEFECT_WEIGHTS, DEFECTS
from tests.copygen.registry import APPLICATIONS, SCHOOLS
from tests.corpus_files import drawn_twice

TRUTH_KEYS = {"file", "message_id", "seed", "family", "capture", "defect", "seal", "approvals", "changes",
              "problems"}
SUBJECT_OK = re.compile(r"(.+?)[+＋]?2024年证书申报调整申请")
PREFIX = re.compile(r"^(?:re|fw|fwd|回复|答复|转发)\s*[:：]", re.I)


def _strip(subject: str) -> str:
    s = subject.strip()
    while (m := PREFIX.match(s)):
        s = s[m.end():].strip()
    return s


def test_truth_follows_the_one_defect() -> None:
    by_id = {a.id: a for a in APPLICATIONS}
    seen = set()
    clean = 0
    for seed in range(400):
        case = make_case(seed)
        truth = case.truth()
        seen.add(case.defect)
        clean += case.defect is None
        assert truth["problems"] == ([DEFECTS[case.defect]] if case.defect else []), (seed, case.defect)
        assert truth["seal"] == (case.seal != "none")
        code = DEFECTS.get(case.defect or "")
        assert truth["approvals"]["department"] == (code != "missing_department_approval")
        assert truth["approvals"]["leader"] == (code != "missing_leader_approval")
        rest = _strip(case.subject)
        well_formed = bool(SUBJECT_OK.fullmatch(rest)) and rest == rest.strip() and " " not in rest
        assert well_formed == (case.defect != "subject_format"), case.subject
        offered = {m for m, _ in case.school.majors}
        keys = set()
        for change in truth["changes"]:
            assert change["from"] != change["to"]
            key = (change["certificate"], change["field"], change["from"])
            assert key not in keys
            keys.add(key)
            if change["field"] == "headcount":
                assert isinstance(change["from"], int) and isinstance(change["to"], int)
            if change["field"] == "level":
                assert change["to"] in ("初级", "中级", "高级")
            if change["application_id"] is None:
                assert case.defect == "undeclared_certificate"
                continue
            app = by_id[change["application_id"]]
            assert app.school == case.school.name and app.certificate == change["certificate"]
            if change["field"] == "headcount":
                assert app.headcount == change["from"]
                assert (change["to"] > app.capacity) == (case.defect == "exceeds_enrollment" and
                                                         change is truth["changes"][0])
            elif change["field"] == "level":
                assert app.level == change["from"]
            else:
                assert app.major == change["from"]
                assert (change["to"] in offered) != (case.defect == "major_not_offered" and
                                                     change is truth["changes"][0])
        if case.defect == "undeclared_certificate":
            assert truth["changes"][0]["application_id"] is None
    assert seen == set(DEFECT_WEIGHTS) | {None}
    assert 0.6 < clean / 400 < 0.8


def test_every_family_in_both_splits_of_any_32() -> None:
    for start in range(0, 100):
        seeds = range(start, start + 32)
        assert {family_of(s) for s in seeds if s % 4 == 0} == set(FAMILIES)
        assert {family_of(s) for s in seeds if s % 4} == set(FAMILIES)


def _documents(msg: email.message.EmailMessage) -> list[tuple[str, str, bytes]]:
    return [(part.get_filename() or "", part.get_content_type(), part.get_content())
            for part in msg.iter_attachments()]


def _check_document(ctype: str, data: bytes) -> str:
    if data.startswith(b"%PDF"):
        reader = PdfReader(io.BytesIO(data), strict=True)
        assert len(reader.pages) >= 1
        for page in reader.pages:
            page.get_contents()
        return "pdf"
    if data[:2] == b"PK":
        assert "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
        return "office"
    img = Image.open(io.BytesIO(data))
    img.load()
    assert min(img.size) >= 500, img.size
    assert ctype.startswith("image/")
    return "image"


def test_one_message_per_family_parses(tmp_path: Path) -> None:
    registry_ids = {a.id: a for a in APPLICATIONS}
    names = {s.name for s in SCHOOLS} | {a for s in SCHOOLS for a in s.aliases}
    for family in FAMILIES:
        seed = next(s for s in range(1000, 1032) if family_of(s) == family)
        raw, truth = generate_one(seed)
        assert generate_one(seed) == (raw, truth)  # every family is deterministic
        msg = email.message_from_bytes(raw, policy=policy.default)
        assert msg["Message-ID"] == truth["message_id"]
        assert msg["To"].addresses[0].addr_spec == "jsxzsbg@163.com"
        subject = str(msg["Subject"])
        assert "证书申报调整申请" in subject
        unit = re.split(r"[+＋]|20\d\d", _strip(subject))[0].strip()
        assert unit in names, subject
        school = next(s for s in SCHOOLS if unit == s.name or unit in s.aliases)
        for change in truth["changes"]:
            if change["application_id"]:
                assert registry_ids[change["application_id"]].school == school.name
        arrival = parsedate_to_datetime(msg.get_all("Received")[0].rsplit(";", 1)[1].strip())
        assert arrival.utcoffset() is not None
        docs = _documents(msg)
        kinds = [_check_document(ctype, data) for _, ctype, data in docs]
        assert "pdf" in kinds or "image" in kinds, family
        body = msg.get_body(("plain",)).get_content()
        assert school.name in body or any(a in body for a in school.aliases)
        assert truth["family"] == family and set(truth) >= TRUTH_KEYS - {"file"}
        if family == "word_pdf_no_unicode":
            reader = PdfReader(io.BytesIO(docs[0][2]))
            text = reader.pages[0].extract_text() or ""
            assert "证书" not in text  # the text layer is no help
            assert reader.pages[-1]["/Resources"]["/XObject"]["/Im0"].get_object()["/Subtype"] == "/Image"
        if family == "multi_attachment_mix":
            assert len(docs) >= 2
        if family == "scanner_app_pdf":
            assert b"CamScanner" in docs[0][2]


def test_same_seed_same_bytes_and_registry(tmp_path: Path) -> None:
    seed = next(s for s in range(200, 232) if family_of(s) == "scanner_app_pdf")
    truths = drawn_twice(generate, tmp_path, 2, seed)
    assert [t["seed"] for t in truths] == [seed, seed + 1]
    assert all(set(t) == TRUTH_KEYS for t in truths)
    with (tmp_path / "a/registry/applications.csv").open(encoding="utf-8-sig") as handle:
        apps = {row["申报编号"]: row for row in csv.DictReader(handle)}
    with (tmp_path / "a/registry/schools.csv").open(encoding="utf-8-sig") as handle:
        schools = {row["单位名称"]: row for row in csv.DictReader(handle)}
    assert len(apps) == len(APPLICATIONS) and len(schools) == len(SCHOOLS)
    for app in apps.values():
        assert app["单位名称"] in schools and app["等级"] in ("初级", "中级", "高级")
        assert app["专业名称"] in schools[app["单位名称"]]["招生专业"].split("；")
        assert int(app["申报人数"]) <= int(app["可参与专业在校生数"])
    for truth in truths:
        for change in truth["changes"]:
            if change["application_id"] is not None:
                row = apps[change["application_id"]]
                assert row["证书名称"] == change["certificate"]


def test_seal_truth_matches_the_red_on_the_pages() -> None:
    """Rendered pages (before capture) carry red stamp ink iff truth says a seal; 红头 and 名章 aside."""
    import random

    import numpy as np

    from tests.copygen import families as F

    layouts = {"scanner_app_pdf": F.scanner_app_pages, "borderless_table": F.borderless_pages,
               "foot_signoff_right": F.foot_right_pages, "folded_stained_copy": F.folded_pages,
               "value_in_one_cell": F.one_cell_pages}
    checked = set()
    for seed in range(0, 600):
        case = make_case(seed)
        if case.family not in layouts or (case.family, case.seal) in checked:
            continue
        if case.seal == "none" and "stamp" in (case.dept.mark, case.leader.mark):
            continue
        checked.add((case.family, case.seal))
        pages = layouts[case.family](case, random.Random(seed))
        red = 0.0
        for page in pages:
            arr = np.asarray(page.convert("RGB")).astype(int)
            red += (((arr[..., 0] - arr[..., 1]) > 80) & ((arr[..., 0] - arr[..., 2]) > 80)).mean()
        if case.seal == "none":
            assert red < 0.0002, (seed, case.family)
        else:
            assert red > 0.002, (seed, case.family, case.seal)
    assert {s for _, s in checked} == {"school", "dept", "none"}
