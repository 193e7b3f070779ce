"""deskgen is deterministic in its seed, spreads its families over both splits, writes parseable mail, and
its truth is well formed and agrees with its registry and SPEC §2."""

from __future__ import annotations

import email
import json
import re
from email import policy
from pathlib import Path

from tests.corpus_files import PROBLEM_CODES
from tests.deskgen import FAMILIES, family_of, generate, generate_one
from tests.deskgen.families import FIELDS
from tests.deskgen.plan import WINDOW, draw_plan
from tests.deskgen.registry import DECLARATIONS, SCHOOLS

BY_ID = {d.application_id: d for d in DECLARATIONS}
LEVELS = {"初级", "中级", "高级"}
SUBJECT = re.compile(r"(.+?)[+＋]?2024年证书申报调整申请")
PREFIX = re.compile(r"^(?:(?:re|fw|fwd|回复|答复|转发)\s*[:：]\s*)+", re.IGNORECASE)


def test_same_seed_same_bytes() -> None:
    assert generate_one(3, 5, "approval_form") == generate_one(3, 5, "approval_form")
    assert generate_one(3, 6, "word_pdf_signed") == generate_one(3, 6, "word_pdf_signed")


def test_every_family_in_both_splits() -> None:
    for base in (1, 2, 21, 7):
        order = [family_of(i, base) for i in range(32)]
        assert {order[i] for i in range(0, 32, 4)} == set(FAMILIES)
        assert {order[i] for i in range(32) if i % 4} == set(FAMILIES)


def test_plans_truth_is_consistent() -> None:
    for seed in range(300):
        family = sorted(FAMILIES)[seed % len(FAMILIES)]
        plan = draw_plan(seed, seed, family, **({"fields": FIELDS[family]} if family in FIELDS else {}))
        truth = plan.truth()
        school = next(s for s in SCHOOLS if s.name == truth["school"])
        assert truth["changes"], seed
        assert set(truth["problems"]) <= PROBLEM_CODES
        assert truth["problems"] == sorted(set(truth["problems"]))
        for change in truth["changes"]:
            assert change["from"] != change["to"]
            if change["application_id"] is None:
                assert "no_matching_application" in truth["problems"]
                continue
            d = BY_ID[change["application_id"]]
            assert d.school == school.name and d.certificate == change["certificate"]
            if change["field"] == "level":
                assert change["from"] == d.level and change["to"] in LEVELS
            elif change["field"] == "major":
                assert change["from"] == d.major and not re.match(r"\d", change["to"])
                assert (change["to"] not in school.major_names) <= ("major_not_offered" in truth["problems"])
            else:
                assert change["from"] == d.headcount and isinstance(change["to"], int)
                assert (change["to"] > d.enrolled) <= ("exceeds_enrollment" in truth["problems"])
        assert truth["approvals"]["department"] == ("missing_department_approval" not in truth["problems"])
        assert truth["approvals"]["leader"] == ("missing_leader_approval" not in truth["problems"])
        assert truth["seal"] == ("no_seal" not in truth["problems"])
        inside = WINDOW[0] <= plan.arrival <= WINDOW[1]
        assert inside == ("outside_window" not in truth["problems"])
    clean = sum(not draw_plan(s, s, "approval_form").problems() for s in range(300))
    assert 0.5 < clean / 300 < 0.8


def test_corpus_files_and_truth(tmp_path: Path) -> None:
    n = 6
    generate(tmp_path, n, 5)
    assert (tmp_path / "registry" / "schools.csv").exists()
    assert (tmp_path / "registry" / "applications.csv").exists()
    truths = [json.loads(line) for line in (tmp_path / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(truths) == n and len(list((tmp_path / "mail").glob("*.eml"))) == n
    for i, truth in enumerate(truths):
        assert truth["file"] == f"{i:04d}.eml" and truth["seed"] == 5 * 10000 + i
        assert truth["family"] in FAMILIES
        assert set(truth) >= {"file", "message_id", "seed", "family", "school", "seal", "approvals", "changes",
                              "problems"}
        raw = (tmp_path / "mail" / truth["file"]).read_bytes()
        assert len(raw) < 1_600_000
        message = email.message_from_bytes(raw, policy=policy.default)
        assert message["Message-ID"] == truth["message_id"]
        subject = PREFIX.sub("", str(message["Subject"]).strip())
        match = SUBJECT.fullmatch(subject)
        well_formed = bool(match) and match.group(1) == match.group(1).strip()
        assert well_formed == ("subject_format" not in truth["problems"]), subject
        assert "证书申报调整" in subject
        attachments = list(message.iter_attachments())
        assert len(attachments) == len(truth["attachments"]) >= 1
        for part in attachments:
            assert part.get_filename() in truth["attachments"]
            assert len(part.get_content()) > 10_000
        body = message.get_body(("plain",))
        assert body is not None and body.get_content().strip()
