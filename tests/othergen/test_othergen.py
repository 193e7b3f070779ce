"""othergen is deterministic in its seed, spreads its families as promised, and its truth agrees with
its registry and SPEC §2."""

from __future__ import annotations

import email
import json
from email import policy
from pathlib import Path

from tests.othergen import FAMILIES, family_of, generate, generate_one
from tests.othergen.families import FIELDS
from tests.othergen.plan import draw_plan
from tests.othergen.registry import DECLARATIONS, SCHOOLS

BY_ID = {d.application_id: d for d in DECLARATIONS}
LEVELS = {"初级", "中级", "高级"}


def test_same_seed_same_bytes() -> None:
    assert generate_one(3, 5, "esign_pdf") == generate_one(3, 5, "esign_pdf")


def test_family_spread() -> None:
    k = len(FAMILIES)
    for base in (1, 2, 7):
        order = [family_of(i, base) for i in range(4 * k)]
        for start in range(0, len(order), k):
            assert sorted(order[start:start + k]) == sorted(FAMILIES)
        assert {order[i] for i in range(0, len(order), 4)} == set(FAMILIES)


def test_plans_truth_is_consistent() -> None:
    for seed in range(400):
        for family in ("countersign", "headcount_sheet"):
            plan = draw_plan(seed, seed, family, **({"fields": FIELDS[family]} if family in FIELDS else {}))
            truth = plan.truth()
            school = next(s for s in SCHOOLS if s.name == truth["school"])
            assert truth["changes"], seed
            for change in truth["changes"]:
                if family == "headcount_sheet":
                    assert change["field"] == "headcount"
                if change["application_id"] is None:
                    assert "no_matching_application" in truth["problems"]
                    continue
                d = BY_ID[change["application_id"]]
                assert d.school == school.name and d.certificate == change["certificate"]
                assert change["from"] != change["to"]
                if change["field"] == "level":
                    assert change["from"] == d.level and change["to"] in LEVELS
                elif change["field"] == "major":
                    assert change["from"] == d.major
                    if change["to"] not in school.majors:
                        assert "major_not_offered" in truth["problems"]
                else:
                    assert change["from"] == d.headcount
            assert truth["approvals"]["department"] == ("missing_department_approval" not in truth["problems"])
            assert truth["approvals"]["leader"] == ("missing_leader_approval" not in truth["problems"])
            assert truth["seal"] == ("no_seal" not in truth["problems"])
            assert truth["problems"] == sorted(set(truth["problems"]))


def test_corpus_files_and_truth(tmp_path: Path) -> None:
    generate(tmp_path, 8, 5)
    assert (tmp_path / "registry" / "schools.csv").exists()
    assert (tmp_path / "registry" / "applications.csv").exists()
    truths = [json.loads(line) for line in (tmp_path / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(truths) == 8 and {t["family"] for t in truths} == set(FAMILIES)
    for i, truth in enumerate(truths):
        assert truth["seed"] == 5 * 10000 + i
        message = email.message_from_bytes((tmp_path / "mail" / truth["file"]).read_bytes(), policy=policy.default)
        assert message["Message-ID"] == truth["message_id"]
        assert "证书申报调整申请" in message["Subject"]
        assert len(list(message.iter_attachments())) >= 1
