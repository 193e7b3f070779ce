"""The generator is deterministic in its seed and its truth agrees with its registry and SPEC §2."""

from __future__ import annotations

import csv
import email
import json
import random
from email import policy
from pathlib import Path

import pytest

from bench.reading import in_split
from tests.formgen.canvas import Line
from tests.formgen.families import FAMILIES
from tests.formgen.generate import family_order, generate, generate_one
from tests.formgen.plan import Plan, draw_plan
from tests.formgen.registry import DECLARATIONS, SCHOOLS, major_name, write_registry

ROOT = Path(__file__).resolve().parents[2]
BY_ID = {item.application_id: item for item in DECLARATIONS}
PLANS = [draw_plan(seed, seed, family) for seed in range(300) for family in ("letter_lines", "multi_page")]


@pytest.mark.parametrize("family", ["boxed_form", "digital_plus_scan"])
def test_same_seed_gives_the_same_message_bytes(family: str) -> None:
    assert generate_one(11, 3, family) == generate_one(11, 3, family)


def test_every_family_keeps_its_pages_on_the_paper() -> None:
    for family, lay_out in FAMILIES.items():
        for seed in range(12):
            pages = lay_out(draw_plan(seed, 0, family), random.Random(f"{seed}-layout"))
            for page in pages:
                sheet = page.sheet
                assert sheet.ops, family
                lowest = max(op.y2 if isinstance(op, Line) else op.y for op in sheet.ops)
                assert lowest < sheet.height - 8, (family, seed)


def test_registry_files_have_the_examples_columns(tmp_path: Path) -> None:
    write_registry(tmp_path)
    for name in ("schools.csv", "applications.csv"):
        with (ROOT / "examples" / "registry" / name).open(encoding="utf-8-sig") as handle:
            expected = next(csv.reader(handle))
        with (tmp_path / name).open(encoding="utf-8-sig") as handle:
            assert next(csv.reader(handle)) == expected


def test_registry_is_valid_and_keeps_linking_decidable() -> None:
    ids = [item.application_id for item in DECLARATIONS]
    assert len(ids) == len(set(ids))
    for item in DECLARATIONS:
        school = next(s for s in SCHOOLS if s.name == item.school)
        assert item.headcount <= item.capacity and item.major in school.majors
    for school in SCHOOLS:  # a spare major must really be one the school does not enrol
        assert not {major_name(m) for m in school.spare_majors} & {major_name(m) for m in school.majors}
    # Two declarations of one certificate differ in headcount and major, so `from` picks one.
    for a in DECLARATIONS:
        for b in DECLARATIONS:
            if a is not b and (a.school, a.certificate) == (b.school, b.certificate):
                assert a.level != b.level and a.headcount != b.headcount and a.major != b.major


def test_every_linked_change_names_its_declaration() -> None:
    for plan in PLANS:
        truth = plan.truth()
        for change in truth["changes"]:
            if change["application_id"] is None:
                continue
            item = BY_ID[change["application_id"]]
            assert item.school == plan.school.name and item.certificate == change["certificate"]
            stated = {"level": item.level, "headcount": item.headcount, "major": major_name(item.major)}
            assert change["from"] == stated[change["field"]]
            assert change["to"] != change["from"]


def _plan_with(defect: str) -> Plan:
    return next(plan for plan in PLANS if defect in plan.defects)


def test_problems_of_defective_requests() -> None:
    assert "no_seal" in _plan_with("no_seal").truth()["problems"]
    assert "exceeds_enrollment" in _plan_with("over_capacity").truth()["problems"]
    assert "major_not_offered" in _plan_with("major_not_enrolled").truth()["problems"]
    assert "no_matching_application" in _plan_with("undeclared_certificate").truth()["problems"]
    for defect in ("unsigned", "typed_name", "refused", "read_only"):
        truth = _plan_with(defect).truth()
        assert not all(truth["approvals"].values())
        assert {"missing_department_approval", "missing_leader_approval"} & set(truth["problems"])


def test_a_request_without_defects_has_no_problems() -> None:
    clean = [plan for plan in PLANS if not plan.defects]
    assert len(clean) > len(PLANS) / 2
    assert all(plan.truth()["problems"] == [] for plan in clean)


def test_families_spread_over_the_held_out_quarter() -> None:
    order = family_order(64, 3, list(FAMILIES))
    held_out = {family for index, family in enumerate(order) if index % 4 == 0}
    assert held_out == set(FAMILIES)
    assert in_split({"seed": 30000}, "held-out") and in_split({"seed": 30001}, "tuned")


def test_corpus_truth_matches_its_mail(tmp_path: Path) -> None:
    generate(tmp_path, 2, 9, ["letter_lines", "vertical_form"])
    truths = [json.loads(line) for line in (tmp_path / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [truth["family"] for truth in truths] in (["letter_lines", "vertical_form"],
                                                     ["vertical_form", "letter_lines"])
    for truth in truths:
        message = email.message_from_bytes((tmp_path / "mail" / truth["file"]).read_bytes(),
                                           policy=policy.default)
        assert message["Message-ID"] == truth["message_id"]
        assert message["Subject"] == f"{truth['school']}+2024年证书申报调整申请"
        assert list(message.iter_attachments())
    assert (tmp_path / "registry" / "applications.csv").exists()
