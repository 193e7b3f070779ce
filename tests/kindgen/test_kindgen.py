"""kindgen's own checks (no product run): truth in SPEC terms, defects agree with problems, every family
draws, families in both splits, deterministic messages."""

from __future__ import annotations

import csv
import email
import random
import re

import numpy as np
import pytest

from tests.kindgen import FAMILIES, family_of, generate, message
from tests.kindgen.families import DRAW, Ctx
from tests.kindgen.plan import AFFIRMATIVE, make_plan
from tests.kindgen.registry import LEVELS, build_registry

SCHOOLS = build_registry()
DEFECT_PROBLEM = {"dept_unsigned": "missing_department_approval", "dept_typed": "missing_department_approval",
                  "dept_refuse": "missing_department_approval", "dept_readonly": "missing_department_approval",
                  "leader_unsigned": "missing_leader_approval", "leader_refuse": "missing_leader_approval",
                  "leader_readonly": "missing_leader_approval", "no_seal": "no_seal",
                  "dept_seal_only": "seal_mismatch", "undeclared": "no_matching_application",
                  "major_not_offered": "major_not_offered", "exceeds": "exceeds_enrollment",
                  "subject": "subject_format", "late": "outside_window"}


def test_families_fall_in_both_splits():
    for base in range(4):
        seen = {(family_of(i), (base + i) % 4 == 0) for i in range(32)}
        assert seen == {(f, held) for f in FAMILIES for held in (True, False)}


def test_registry_has_a_certificate_at_two_levels():
    assert any(s.twice(d.certificate) for s in SCHOOLS for d in s.declarations)
    ids = [d.app_id for s in SCHOOLS for d in s.declarations]
    assert len(ids) == len(set(ids))
    for s in SCHOOLS:
        assert 6 <= len(s.declarations) <= 12
        for d in s.declarations:
            assert d.major in s.majors and d.headcount <= d.enrolment and d.level in LEVELS


@pytest.mark.parametrize("family", FAMILIES)
def test_truth_follows_the_plan(family):
    defects = set()
    for seed in range(150):
        plan = make_plan(seed, family, SCHOOLS)
        truth = plan.truth()
        decls = {d.app_id: d for d in plan.school.declarations}
        problems = truth["problems"]
        defects.add(plan.defect)
        if plan.defect is None:
            assert problems == [], (seed, problems)
        else:
            assert problems == [DEFECT_PROBLEM[plan.defect]], (seed, plan.defect, problems)
        assert truth["seal"] == (plan.seal != "none")
        assert truth["approvals"]["department"] == ("missing_department_approval" not in problems)
        assert truth["approvals"]["leader"] == ("missing_leader_approval" not in problems)
        assert truth["changes"], seed
        keys = [(c["application_id"] or c["certificate"], c["field"]) for c in truth["changes"]]
        assert len(keys) == len(set(keys)), seed  # one change per (declaration, field)
        for c in truth["changes"]:
            assert c["from"] != c["to"]
            assert not re.search(r"\d", c["certificate"].replace("Python", "")) and "证书" not in c["certificate"]
            if c["field"] == "level":
                assert c["from"] in LEVELS and c["to"] in LEVELS
                assert not plan.school.twice(c["certificate"])
            if c["field"] == "headcount":
                assert isinstance(c["from"], int) and isinstance(c["to"], int)
            if c["field"] == "major":
                assert not re.search(r"\d", c["from"] + c["to"])
            if c["application_id"]:
                d = decls[c["application_id"]]
                assert d.certificate == c["certificate"]
                assert c["from"] == {"level": d.level, "major": d.major, "headcount": d.headcount}[c["field"]]
            else:
                assert c["certificate"] not in plan.school.declared()
        for block in (plan.dept, plan.leader):
            if block.sign in ("hand", "stroke", "stamp") and block.opinion in AFFIRMATIVE:
                assert block.approved
    assert None in defects and len(defects) > 5


@pytest.mark.parametrize("family", FAMILIES)
def test_every_family_draws(family):
    for seed in (3, 8):
        plan = make_plan(seed, family, SCHOOLS)
        rng = random.Random(seed)
        pages = DRAW[family](Ctx(plan, rng, 60, "serif", 12, "ymd"))
        assert pages
        red = sum(int(((a := np.asarray(p.img, dtype=int))[..., 0] - a[..., 2] > 80).sum()) for p in pages)
        assert (red > 50) == (plan.seal != "none"), (seed, plan.seal, red)


def test_messages_are_deterministic_and_complete(tmp_path):
    raw, truth = message(9, "school_wording_labels", SCHOOLS)
    again, _ = message(9, "school_wording_labels", SCHOOLS)
    assert raw == again
    msg = email.message_from_bytes(raw)
    assert msg["Message-ID"] == truth["message_id"] and msg["Received"]
    parts = [p.get_payload(decode=True) for p in msg.walk() if p.get_filename()]
    assert parts and all(p[:4] in (b"%PDF", b"PK\x03\x04", b"\xff\xd8\xff\xe0", b"\x89PNG", b"II*\x00")
                         or p[:3] == b"\xff\xd8\xff" for p in parts)
    for key in ("seed", "family", "school", "seal", "approvals", "changes", "problems", "defect", "capture"):
        assert key in truth
    generate(tmp_path, 1, 40)
    with (tmp_path / "registry" / "applications.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert {"申报编号", "单位名称", "证书名称", "等级", "可参与专业在校生数"} <= set(rows[0])
    assert (tmp_path / "mail" / "0000.eml").exists() and (tmp_path / "truth.jsonl").read_text(encoding="utf-8")
