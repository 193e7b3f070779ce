"""Fast checks of stampgen's plans and truth (no rendering except one small byte-equality test)."""

from __future__ import annotations

from tests.stampgen import FAMILIES, build, family_of
from tests.stampgen.data import DECLARATIONS, SCHOOLS
from tests.stampgen.plan import PROBLEM, make_plan, truth


def test_every_family_in_both_splits_in_any_32_consecutive_seeds() -> None:
    for start in range(0, 40):
        seeds = range(start, start + 32)
        held = {family_of(s) for s in seeds if s % 4 == 0}
        tuned = {family_of(s) for s in seeds if s % 4 != 0}
        assert held == set(FAMILIES) and tuned == set(FAMILIES)


def test_truth_consistent_with_defects() -> None:
    by_id = {d.app_id: d for d in DECLARATIONS}
    majors = {s.name: set(s.majors) for s in SCHOOLS}
    for seed in range(300):
        plan = make_plan(seed, family_of(seed))
        t = truth(plan, "x.eml", "<x>", "")
        assert t["problems"] == sorted(set(t["problems"]))
        if plan.defect is None:
            assert t["problems"] == [] and t["seal"] and all(t["approvals"].values())
        else:
            assert len(t["problems"]) == 1
            if plan.defect in PROBLEM:
                assert t["problems"] == [PROBLEM[plan.defect]]
        assert t["seal"] == (plan.defect != "no_seal")
        assert t["approvals"]["department"] == ("missing_department_approval" not in t["problems"])
        assert t["approvals"]["leader"] == ("missing_leader_approval" not in t["problems"])
        for c in plan.changes:
            assert c.frm != c.to
            if c.app_id is None:
                assert plan.defect == "undeclared"
                continue
            d = by_id[c.app_id]
            assert d.school == plan.school.name and d.cert == c.cert and d.level == c.level
            if c.field == "headcount":
                assert (c.to > d.capacity) == (plan.defect == "exceeds" and c is plan.changes[0])
            if c.field == "major":
                assert (c.to not in majors[d.school]) == (plan.defect == "major_not_offered" and c is plan.changes[0])
        assert (None in [c.app_id for c in plan.changes]) == (plan.defect == "undeclared")


def test_every_family_draws() -> None:
    families = {family_of(s) for s in range(32)}
    assert families == set(FAMILIES)
    for seed in range(8):
        plan = make_plan(seed, family_of(seed))
        assert plan.changes


def test_same_seed_same_bytes() -> None:
    a, ta, _ = build(5, 0)
    b, tb, _ = build(5, 0)
    assert a == b and ta == tb
