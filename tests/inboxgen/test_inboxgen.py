"""inboxgen: deterministic per seed, every family renders real attachments in a real message, the truth
agrees with the registry and the SPEC's rules, and the held-out part shows every family."""

from __future__ import annotations

import csv
import email
import io
import json
from email import policy
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image

from tests.inboxgen import FAMILIES, family_of, generate, generate_one
from tests.inboxgen.plan import FAULTS, draw_plan
from tests.inboxgen.registry import DECLARATIONS, SCHOOLS

BY_ID = {d.application_id: d for d in DECLARATIONS}
SCHOOL = {s.name: s for s in SCHOOLS}


def _pages(data: bytes) -> list[tuple[int, int]]:
    if data.startswith(b"%PDF"):
        pdf = pypdfium2.PdfDocument(data)
        return [tuple(int(v) for v in pdf[i].get_size()) for i in range(len(pdf))]
    image = Image.open(io.BytesIO(data))
    sizes = []
    for frame in range(getattr(image, "n_frames", 1)):
        image.seek(frame)
        image.load()
        sizes.append(image.size)
    return sizes


def _check_truth(truth: dict) -> None:
    school = SCHOOL[truth["school"]]
    problems = set(truth["problems"])
    assert len(problems) <= 1 and problems <= set(FAULTS)
    assert truth["seal"] == ("no_seal" not in problems)
    assert truth["approvals"]["department"] == ("missing_department_approval" not in problems)
    assert truth["approvals"]["leader"] == ("missing_leader_approval" not in problems)
    assert truth["changes"]
    exceeds = offered = unlinked = False
    for change in truth["changes"]:
        assert change["field"] in ("level", "major", "headcount")
        assert change["from"] != change["to"]
        decl = BY_ID.get(change["application_id"])
        if decl is None:
            unlinked = True
            assert not any(d.certificate == change["certificate"] for d in DECLARATIONS if d.school == school.name)
            continue
        assert decl.school == school.name and decl.certificate == change["certificate"]
        if change["field"] == "level":
            assert change["from"] == decl.level and change["to"] in ("初级", "中级", "高级")
        elif change["field"] == "major":
            assert change["from"] == decl.major and " " not in change["to"]
            offered |= change["to"] not in school.major_names
        else:
            assert change["from"] == decl.headcount and isinstance(change["to"], int)
            exceeds |= change["to"] > decl.enrolled
    assert exceeds == ("exceeds_enrollment" in problems)
    assert offered == ("major_not_offered" in problems)
    assert unlinked == ("no_matching_application" in problems)


def test_same_seed_same_message_and_truth():
    first = generate_one(5, 3, "red_header_list")
    assert first == generate_one(5, 3, "red_header_list")
    assert first[1]["seed"] == 50003
    assert draw_plan(50004, 4, "paged_pdf").truth() != draw_plan(50005, 5, "paged_pdf").truth()


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_renders_a_real_message(family):
    message, truth = generate_one(9, 1, family)
    assert truth["family"] == family
    _check_truth(truth)
    parsed = email.message_from_bytes(message, policy=policy.default)
    assert parsed["Message-ID"] == truth["message_id"]
    assert "证书申报调整申请" in str(parsed["Subject"])
    assert parsed.get_all("Received")
    attachments = list(parsed.iter_attachments())
    assert [part.get_filename() for part in attachments] == truth["attachments"]
    for part in attachments:
        sizes = _pages(part.get_content())
        assert sizes and all(min(size) >= 500 or part.get_content_type() == "application/pdf" for size in sizes)


def test_truths_follow_the_registry_and_the_rules():
    # plans only (no drawing): fast enough to check many seeds
    for index in range(300):
        plan = draw_plan(70000 + index, index, "paged_pdf")
        _check_truth(plan.truth())


def test_held_out_and_tuned_parts_each_show_every_family():
    for base in (1, 2, 17):
        held = {family_of(i, base) for i in range(4 * len(FAMILIES)) if i % 4 == 0}
        tuned = {family_of(i, base) for i in range(4 * len(FAMILIES)) if i % 4}
        assert held == tuned == set(FAMILIES)


def test_about_six_in_ten_messages_are_valid():
    valid = sum(not draw_plan(80000 + i, i, "low_quality").truth()["problems"] for i in range(400))
    assert 0.5 < valid / 400 < 0.7


def test_generate_writes_registry_mail_and_truth(tmp_path: Path):
    generate(tmp_path, 1, 4)
    lines = (tmp_path / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    truths = [json.loads(line) for line in lines]
    assert [t["file"] for t in truths] == ["0000.eml"] and truths[0]["family"] == family_of(0, 4)
    assert all((tmp_path / "mail" / t["file"]).stat().st_size > 10_000 for t in truths)
    with (tmp_path / "registry" / "applications.csv").open(encoding="utf-8-sig") as handle:
        ids = {row["申报编号"] for row in csv.DictReader(handle)}
    assert {c["application_id"] for t in truths for c in t["changes"]} - {None} <= ids
    with (tmp_path / "registry" / "schools.csv").open(encoding="utf-8-sig") as handle:
        assert {t["school"] for t in truths} <= {row["单位名称"] for row in csv.DictReader(handle)}
