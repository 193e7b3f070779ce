"""Fast checks of changegen itself (no product run): determinism, truth valid against the registry, families."""

from __future__ import annotations

import csv
import email
import json
from email import policy
from pathlib import Path

import pytest

from tests.changegen.families import FAMILIES
from tests.changegen.generate import family_of, generate, make_message
from tests.changegen.plan import make_plan
from tests.changegen.registry import DECLARATIONS, SCHOOLS


def test_every_32_messages_give_each_family_a_held_out_message():
    assert {family_of(i) for i in range(8)} == set(FAMILIES)
    held_out = {family_of(i) for i in range(32) if (10000 + i) % 4 == 0}
    assert held_out == set(FAMILIES)


def test_plans_are_valid_against_the_registry():
    import random

    by_id = {d.app_id: d for d in DECLARATIONS}
    for seed in range(300):
        plan = make_plan(random.Random(seed), no_change_rows=0.5)
        changes = plan.truth_changes()
        assert 1 <= len(changes) <= 4
        keys = {(c["application_id"], c["field"]) for c in changes}
        assert len(keys) == len(changes)
        for change in changes:
            decl = by_id[change["application_id"]]
            assert decl.school == plan.school.name and decl.certificate == change["certificate"]
            old = {"headcount": decl.headcount, "level": decl.level, "major": decl.major}[change["field"]]
            assert change["from"] == old and change["to"] != old
            if change["field"] == "headcount":
                assert isinstance(change["to"], int) and 0 < change["to"] <= decl.enrolled
            if change["field"] == "major":
                assert change["to"] in plan.school.majors
            if change["field"] == "level":
                assert change["to"] in ("初级", "中级", "高级")
        assert plan.problems() == []


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("changegen")
    generate(out, 8, 7)
    return out


def test_same_seed_same_bytes_and_truth(corpus: Path):
    data, truth = make_message(2, 7)
    assert data == (corpus / "mail" / "0002.eml").read_bytes()
    lines = (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[2]) == truth
    assert data != (corpus / "mail" / "0003.eml").read_bytes()


def test_corpus_layout_and_truth(corpus: Path):
    truths = [json.loads(line) for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [t["family"] for t in truths] and {t["family"] for t in truths} == set(FAMILIES)
    with (corpus / "registry" / "applications.csv").open(encoding="utf-8-sig") as fh:
        apps = {row["申报编号"]: row for row in csv.DictReader(fh)}
    with (corpus / "registry" / "schools.csv").open(encoding="utf-8-sig") as fh:
        assert {row["单位名称"] for row in csv.DictReader(fh)} == {s.name for s in SCHOOLS}
    for truth in truths:
        assert truth["seed"] == 70000 + int(truth["file"][:4])
        assert truth["seal"] is True and truth["approvals"] == {"department": True, "leader": True}
        assert truth["problems"] == []
        for change in truth["changes"]:
            app = apps[change["application_id"]]
            assert app["单位名称"] == truth["school"] and app["证书名称"] == change["certificate"]
        raw = (corpus / "mail" / truth["file"]).read_bytes()
        assert len(raw) <= 2_000_000
        msg = email.message_from_bytes(raw, policy=policy.default)
        assert msg["Message-ID"] == truth["message_id"]
        assert str(msg["Subject"]) == f"{truth['school']}+2024年证书申报调整申请"
        assert "+0800" in msg["Received"] and "Mar 2024" in msg["Date"]
        assert list(msg.iter_attachments())
