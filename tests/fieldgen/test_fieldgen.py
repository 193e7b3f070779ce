"""fieldgen's own checks (no product run): deterministic bytes, truth in SPEC terms and registry ids, every
family renders, families in both splits."""

from __future__ import annotations

import csv
import email
from email import policy
from pathlib import Path

import pytest

from tests.corpus_files import PROBLEM_CODES, drawn_twice
from tests.fieldgen import FAMILIES, family_of, generate, message
from tests.fieldgen.plan import DEFECTS, LEVELS, SHANGHAI, make_plan
from tests.fieldgen.registry import CERTS, build_registry


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
    for s in schools:
        assert 2 <= len(s.declarations) <= 4
        assert len({d.certificate for d in s.declarations}) == len(s.declarations)
        for d in s.declarations:
            assert d.certificate in CERTS and d.level in LEVELS and d.major in s.majors
            assert d.headcount <= d.enrolment


def test_families_fall_in_both_splits() -> None:
    assert len(FAMILIES) == 8
    for base in (0, 1, 2, 3, 7001):
        held = [family_of(i) for i in range(32) if (base + i) % 4 == 0]
        tuned = {family_of(i) for i in range(32) if (base + i) % 4 != 0}
        assert sorted(held) == sorted(FAMILIES) and tuned == set(FAMILIES)
        assert all({family_of(i) for i in range(k, k + 8)} == set(FAMILIES) for k in range(0, 32, 8))


def test_plans_follow_the_spec() -> None:
    """Over many seeds: truth codes are SPEC codes, exactly one per defect, changes link to declarations of the
    right certificate, clean headcounts stay within 在校生数, clean majors are enrolled, from != to."""
    schools = build_registry()
    apps = {d.app_id: (s, d) for s in schools for d in s.declarations}
    defects = set()
    for seed in range(320):
        plan = make_plan(seed, FAMILIES[seed % 8], schools)
        truth = plan.truth()
        defects.add(plan.defect)
        assert set(truth["problems"]) <= PROBLEM_CODES
        assert truth["problems"] == ([DEFECTS[plan.defect]] if plan.defect else [])
        assert ("missing_department_approval" in truth["problems"]) != truth["approvals"]["department"]
        assert ("missing_leader_approval" in truth["problems"]) != truth["approvals"]["leader"]
        assert ("no_seal" in truth["problems"]) != truth["seal"]
        assert truth["changes"]
        keys = [(c["certificate"], c["field"]) for c in truth["changes"]]
        assert len(keys) == len(set(keys))
        over = unoffered = False
        for c in truth["changes"]:
            assert c["field"] in ("headcount", "level", "major") and c["from"] != c["to"]
            if c["field"] == "headcount":
                assert isinstance(c["from"], int) and isinstance(c["to"], int)
            if c["application_id"] is None:
                assert plan.defect == "undeclared_certificate"
                assert all(c["certificate"] != d.certificate for d in plan.school.declarations)
                continue
            school, decl = apps[c["application_id"]]
            assert school is plan.school and decl.certificate == c["certificate"]
            if c["field"] == "headcount":
                assert c["from"] == decl.headcount
                over |= c["to"] > decl.enrolment
            if c["field"] == "major":
                assert c["from"] == decl.major
                unoffered |= c["to"] not in school.majors
            if c["field"] == "level":
                assert c["from"] == decl.level and c["to"] in LEVELS
        assert over == (plan.defect == "over_enrolment") and unoffered == (plan.defect == "major_not_offered")
        inside = "2024-03-01" <= plan.arrival.astimezone(SHANGHAI).date().isoformat() <= "2024-03-20"
        assert inside != (plan.defect == "outside_window")
        if plan.family == "two_field_row":
            assert any(sum(c.row == r for c in plan.changes) == 2 for r in range(4))
    assert defects == {None, *DEFECTS}


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
    assert len(raw) < 6_000_000
    assert truth["family"] == family and truth["capture"]
    assert truth["problems"] == sorted(set(truth["problems"])) and set(truth["problems"]) <= PROBLEM_CODES
