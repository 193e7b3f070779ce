"""Fast checks of plaingen: the truth follows from what is drawn, every family draws, the split pattern holds,
and a seed always gives the same bytes."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np

from tests.corpus_files import drawn_twice
from tests.plaingen import FAMILIES, family_of, generate, make_case
from tests.plaingen.families import LAYOUTS, approval_page, merged_text_pages
from tests.plaingen.pdfout import merged_pdf
from tests.plaingen.registry import APPLICATIONS, SCHOOLS

EXPECTED = {None: [], "dept_unsigned": ["missing_department_approval"],
            "dept_typed": ["missing_department_approval"], "dept_refused": ["missing_department_approval"],
            "dept_read_only": ["missing_department_approval"], "dept_blank": ["missing_department_approval"],
            "leader_unsigned": ["missing_leader_approval"], "leader_typed": ["missing_leader_approval"],
            "leader_refused": ["missing_leader_approval"], "leader_blank": ["missing_leader_approval"],
            "no_seal": ["no_seal"], "dept_seal_only": ["seal_mismatch"],
            "undeclared_certificate": ["no_matching_application"], "undeclared_level": ["no_matching_application"],
            "exceeds_enrollment": ["exceeds_enrollment"], "major_not_offered": ["major_not_offered"],
            "subject_format": ["subject_format"], "outside_window": ["outside_window"]}


def test_truth_follows_the_one_defect() -> None:
    by_id = {a.id: a for a in APPLICATIONS}
    defects = set()
    for seed in range(1, 400):
        case = make_case(seed)
        truth = case.truth()
        defects.add(case.defect)
        assert truth["problems"] == EXPECTED[case.defect], (seed, case.defect, truth)
        assert truth["seal"] == (case.seal != "none")
        for change in truth["changes"]:
            assert change["from"] != change["to"]
            if change["field"] == "headcount":
                assert isinstance(change["from"], int) and isinstance(change["to"], int)
            if change["application_id"] is None:
                continue
            app = by_id[change["application_id"]]
            assert app.school == case.school.name and app.certificate == change["certificate"]
            if change["field"] == "level":
                assert app.level == change["from"]
            else:
                assert app.major == change["from"] or app.headcount == change["from"]
    assert defects == set(EXPECTED)
    clean = sum(make_case(s).defect is None for s in range(1, 400)) / 399
    assert 0.6 < clean < 0.8


def test_every_family_in_both_splits_of_any_32() -> None:
    for start in range(0, 70):
        seeds = range(start, start + 32)
        assert {family_of(s) for s in seeds if s % 4 == 0} == set(FAMILIES)
        assert {family_of(s) for s in seeds if s % 4} == set(FAMILIES)


def test_registry_has_a_two_level_declaration() -> None:
    pairs = [(a.school, a.certificate) for a in APPLICATIONS]
    assert any(pairs.count(p) > 1 for p in pairs)
    for school in SCHOOLS:
        declared = [a for a in APPLICATIONS if a.school == school.name]
        assert 5 <= len(declared) <= 10
        assert {a.major for a in declared} <= {m for m, _ in school.majors}


def test_every_family_draws() -> None:
    for family in FAMILIES:
        seed = next(s for s in range(1, 64) if family_of(s) == family)
        case = make_case(seed)
        case.extras["dpi"] = 72
        rng = random.Random(seed)
        if family == "two_requests_merged_pdf":
            page = approval_page(case, rng)
            pdf = merged_pdf(merged_text_pages(case, rng), page, 72, rng)
            assert pdf.startswith(b"%PDF") and b"/FontFile2" in pdf  # an embedded face: a real text layer
        else:
            (page,) = LAYOUTS[family](case, rng)
        arr = np.asarray(page.convert("RGB")).astype(int)
        assert (arr.sum(axis=2) < 300).mean() > 0.005, family  # there is print on the page
        reddish = ((arr[..., 0] - arr[..., 1]) > 80).mean()
        if case.seal != "none":
            assert reddish > 0.001, family
        elif "stamp" not in (case.dept.mark, case.leader.mark, case.college.mark):
            assert reddish < 0.0005, family


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    seed = next(s for s in range(1, 200) if make_case(s).extras["dpi"] == 150
                and family_of(s) == "underline_blanks")
    (truth,) = drawn_twice(generate, tmp_path, 1, seed)
    assert {"file", "message_id", "seed", "family", "seal", "approvals", "changes", "problems"} <= set(truth)
    assert (tmp_path / "a/registry/schools.csv").exists() and (tmp_path / "a/registry/applications.csv").exists()
