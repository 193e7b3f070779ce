"""habitgen's own checks (no product run): deterministic bytes, truth in SPEC terms and registry ids, every
family renders, families in both splits."""

from __future__ import annotations

import csv
import email
import re
from email import policy
from pathlib import Path

import pytest

from tests.corpus_files import PROBLEM_CODES, drawn_twice
from tests.habitgen import FAMILIES, family_of, generate, message
from tests.habitgen.plan import DEFECTS, SHANGHAI, make_plan
from tests.habitgen.registry import CERTS, LEVELS, OTHER_MAJORS, build_registry


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    truths = drawn_twice(generate, tmp_path, 2, 4242)
    assert [t["seed"] for t in truths] == [4242, 4243]
    assert [t["file"] for t in truths] == ["0000.eml", "0001.eml"]
    with (tmp_path / "a" / "registry" / "applications.csv").open(encoding="utf-8-sig") as handle:
        ids = {row["申报编号"] for row in csv.DictReader(handle)}
    assert all(c["application_id"] in ids for t in truths for c in t["changes"] if c["application_id"])


def test_registry_is_sound() -> None:
    schools = build_registry()
    assert 6 <= len(schools) <= 8 and {s.kind for s in schools} == {"中职", "高职", "本科"}
    twice = 0
    for s in schools:
        assert 2 <= len(s.declarations) <= 4
        keys = [(d.certificate, d.level) for d in s.declarations]
        assert len(keys) == len(set(keys))
        twice += len({d.certificate for d in s.declarations}) < len(s.declarations)
        assert not set(s.majors) & set(OTHER_MAJORS)
        for d in s.declarations:
            assert d.certificate in CERTS and d.level in LEVELS and d.major in s.majors
            assert d.headcount <= d.enrolment
    assert twice >= 2


def test_families_fall_in_both_splits() -> None:
    assert len(FAMILIES) == 8
    for base in (0, 1, 2, 3, 7001):
        held = [family_of(i) for i in range(32) if (base + i) % 4 == 0]
        tuned = {family_of(i) for i in range(32) if (base + i) % 4 != 0}
        assert sorted(held) == sorted(FAMILIES) and tuned == set(FAMILIES)
        assert all({family_of(i) for i in range(k, k + 8)} == set(FAMILIES) for k in range(0, 32, 8))


def test_plans_follow_the_spec() -> None:
    """Over many seeds: truth codes are SPEC codes, exactly one per defect, changes link to declarations of the
    right certificate and level, clean headcounts stay within 在校生数, clean majors are enrolled, from != to."""
    schools = build_registry()
    apps = {d.app_id: (s, d) for s in schools for d in s.declarations}
    defects = set()
    clean = 0
    for seed in range(320):
        plan = make_plan(seed, FAMILIES[seed % 8], schools)
        truth = plan.truth()
        defects.add(plan.defect)
        clean += plan.defect is None
        assert set(truth["problems"]) <= PROBLEM_CODES
        assert truth["problems"] == ([DEFECTS[plan.defect]] if plan.defect else [])
        assert ("missing_department_approval" in truth["problems"]) != truth["approvals"]["department"]
        assert ("missing_leader_approval" in truth["problems"]) != truth["approvals"]["leader"]
        assert ("no_seal" in truth["problems"]) != truth["seal"]
        assert (plan.seal_unit not in (None, plan.school.name)) == (plan.defect in ("other_seal", "dept_seal"))
        assert truth["changes"]
        keys = [(c.decl.app_id if c.decl else c.certificate, c.field) for c in plan.changes]
        assert len(keys) == len(set(keys))
        over = unoffered = False
        for change, c in zip(plan.changes, truth["changes"], strict=True):
            assert c["field"] in ("headcount", "level", "major") and c["from"] != c["to"]
            if c["field"] == "headcount":
                assert isinstance(c["from"], int) and isinstance(c["to"], int)
            if c["field"] == "level":
                assert c["from"] in LEVELS and c["to"] in LEVELS
            if c["application_id"] is None:
                assert plan.defect == "undeclared_certificate"
                assert all(c["certificate"] != d.certificate for d in plan.school.declarations)
                continue
            school, decl = apps[c["application_id"]]
            assert school is plan.school and decl.certificate == c["certificate"]
            # the level the document states (for a level change, `from`) picks the declaration
            assert decl.level == (c["from"] if c["field"] == "level" else change.level)
            if c["field"] == "headcount":
                assert c["from"] == decl.headcount
                over |= c["to"] > decl.enrolment
            if c["field"] == "major":
                assert c["from"] == decl.major
                unoffered |= c["to"] not in school.majors
            if c["field"] == "level":
                taken = {d.level for d in school.declarations if d.certificate == decl.certificate}
                assert c["from"] == decl.level and c["to"] not in taken
        assert over == (plan.defect == "over_enrolment") and unoffered == (plan.defect == "major_not_offered")
        inside = "2024-03-01" <= plan.arrival.astimezone(SHANGHAI).date().isoformat() <= "2024-03-20"
        assert inside != (plan.defect == "outside_window")
        match = re.fullmatch(r"(.+?)[+＋]?2024年证书申报调整申请", plan.subject)
        assert ("subject_format" in truth["problems"]) != bool(match and match[1] == match[1].strip())
    assert defects == {None, *DEFECTS}
    assert 0.6 < clean / 320 < 0.8


@pytest.mark.parametrize("family", FAMILIES)
def test_every_family_renders_a_request(family: str) -> None:
    schools = build_registry()
    raw, truth = message(9000 + FAMILIES.index(family), family, schools)
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert "证书申报调整申请" in str(msg["subject"])
    assert msg["message-id"] == truth["message_id"]
    assert raw.startswith(b"Received: ")
    docs = [p for p in msg.walk() if p.get_content_maintype() in ("image", "application")]
    assert docs and all(len(p.get_content()) > 20_000 for p in docs)
    assert [p.get_filename() for p in docs] == truth["attachments"]
    assert len(raw) < 8_000_000
    assert truth["family"] == family and truth["capture"]
    assert truth["problems"] == sorted(set(truth["problems"])) and set(truth["problems"]) <= PROBLEM_CODES
