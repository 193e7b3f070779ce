"""realgen's own checks: deterministic bytes, every family renders a real request email, truth follows the
registry and the SPEC's rules."""

from __future__ import annotations

import datetime as dt
import email
import io
import re
from email import policy
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from PIL import Image

from tests.corpus_files import PROBLEM_CODES, drawn_twice
from tests.realgen import FAMILIES, family_of, generate, message
from tests.realgen.plan import AFFIRMATIVE, make_plan
from tests.realgen.registry import CERTS, build_registry

SUBJECT = re.compile(r"^(.+?)[+＋]?2024年证书申报调整申请$")
WINDOW = (dt.datetime(2024, 3, 1, tzinfo=dt.timezone(dt.timedelta(hours=8))),
          dt.datetime(2024, 3, 20, 23, 59, 59, tzinfo=dt.timezone(dt.timedelta(hours=8))))

def test_same_seed_same_bytes(tmp_path: Path) -> None:
    truths = drawn_twice(generate, tmp_path, 3, 7001)
    assert [t["seed"] for t in truths] == [7001, 7002, 7003]
    assert sorted(p.name for p in (tmp_path / "a" / "mail").iterdir()) == ["0000.eml", "0001.eml", "0002.eml"]


def test_families_fall_in_both_splits() -> None:
    for base in (0, 1, 2, 3, 10000):
        held = {family_of(i) for i in range(24) if (base + i) % 4 == 0}
        tuned = {family_of(i) for i in range(24) if (base + i) % 4 != 0}
        assert held == tuned == set(FAMILIES)


def _pages(data: bytes) -> list[tuple[int, int]]:
    if data[:4] == b"%PDF":
        import pypdf
        reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
        sizes = []
        for page in reader.pages:
            for image in page.images:
                sizes.append(Image.open(io.BytesIO(image.data)).size)
        return sizes
    im = Image.open(io.BytesIO(data))
    im.load()
    return [im.size]


@pytest.mark.parametrize("family", FAMILIES)
def test_family_renders_a_request_email(family: str) -> None:
    schools = build_registry()
    by_name = {s.name: s for s in schools}
    raw, truth = message(31 + FAMILIES.index(family), family, schools)
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert msg["Message-ID"] == truth["message_id"]
    subject = str(msg["Subject"])
    m = SUBJECT.match(subject)
    assert m, subject
    school = by_name[truth["school"]]
    assert m.group(1) in (school.name, school.alias)
    assert msg["From"].addresses[0].addr_spec in school.emails
    received = parsedate_to_datetime(msg.get_all("Received")[0].rsplit(";", 1)[1].strip())
    assert WINDOW[0] <= received <= WINDOW[1]
    attachments = list(msg.iter_attachments())
    assert attachments
    for part in attachments:
        assert part.get_filename()
        sizes = _pages(part.get_payload(decode=True))
        assert sizes and all(min(size) >= 500 for size in sizes)
    body = msg.get_body(("plain",)).get_content()
    assert school.name in body


def test_truth_follows_registry_and_rules() -> None:
    schools = build_registry()
    by_name = {s.name: s for s in schools}
    decls = {d.app_id: d for s in schools for d in s.declarations}
    seen_defects = set()
    for seed in range(300):
        plan = make_plan(seed, FAMILIES[seed % len(FAMILIES)], schools)
        truth = plan.truth()
        problems = set(truth["problems"])
        assert problems <= PROBLEM_CODES and truth["problems"] == sorted(problems)
        assert bool(problems) == (plan.defect is not None), (seed, plan.defect, problems)
        seen_defects.add(plan.defect)
        school = by_name[plan.school.name]
        assert truth["seal"] == (plan.seal != "none")
        if plan.seal == "other":
            assert plan.seal_unit in by_name and plan.seal_unit != school.name
        for block, key in ((plan.dept, "department"), (plan.leader, "leader")):
            signed = block.sign in ("hand", "stamp", "stamp_hand")
            assert truth["approvals"][key] == (signed and block.opinion in AFFIRMATIVE)
            if block.opinion:
                assert block.opinion.startswith("同意") or "不" in block.opinion or "已阅" in block.opinion \
                    or block.opinion in AFFIRMATIVE
        ids = [c["application_id"] for c in truth["changes"] if c["application_id"]]
        assert len(ids) == len(set(ids))
        assert truth["changes"]
        for c in truth["changes"]:
            assert c["field"] in ("headcount", "level", "major")
            assert c["from"] != c["to"]
            assert c["certificate"] in CERTS
            if c["application_id"] is None:
                assert c["certificate"] not in {d.certificate for d in school.declarations}
                assert "no_matching_application" in problems
                continue
            d = decls[c["application_id"]]
            assert d.school == school.name and d.certificate == c["certificate"]
            if c["field"] == "headcount":
                assert isinstance(c["to"], int) and c["from"] == d.headcount
                assert ("exceeds_enrollment" in problems) or c["to"] <= d.enrolment
            elif c["field"] == "level":
                assert c["from"] == d.level and c["to"] in ("初级", "中级", "高级")
            else:
                assert c["from"] == d.major and not re.search(r"\d", c["to"])
                assert ("major_not_offered" in problems) or c["to"] in school.majors
    assert {None, "typed_dept", "no_seal", "other_seal", "exceeds", "major_not_offered", "undeclared"} <= seen_defects
