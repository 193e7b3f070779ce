"""signgen writes parseable mail, truth within the SPEC's codes, and the same bytes for the same seed."""

from __future__ import annotations

import email
import json
from email import policy
from pathlib import Path

import pytest

from tests.corpus_files import PROBLEM_CODES
from tests.signgen import generate
from tests.signgen.corpus import FAMILIES, family_of, message
from tests.signgen.plan import AFFIRMATIVE, NEGATIVE, Block
from tests.signgen.registry import declarations


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("signgen")
    generate(out, 3, 5)
    return out


def test_writes_registry_mail_and_truth(corpus: Path) -> None:
    assert (corpus / "registry" / "schools.csv").read_text(encoding="utf-8").startswith("单位名称,单位类型")
    assert (corpus / "registry" / "applications.csv").read_text(encoding="utf-8").startswith("申报编号,单位名称")
    truths = [json.loads(line) for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [t["file"] for t in truths] == ["0000.eml", "0001.eml", "0002.eml"]
    assert [t["seed"] for t in truths] == [50000, 50001, 50002]


def test_mail_parses_with_subject_and_one_document(corpus: Path) -> None:
    for truth in map(json.loads, (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines()):
        msg = email.message_from_bytes((corpus / "mail" / truth["file"]).read_bytes(), policy=policy.default)
        assert msg["Message-ID"] == truth["message_id"]
        assert str(msg["Subject"]).endswith("2024年证书申报调整申请")
        assert msg["Received"] and "Mar 2024" in msg["Received"]
        parts = [p for p in msg.walk() if p.get_content_disposition() == "attachment"]
        assert len(parts) == 1 and len(parts[0].get_content()) > 20000


def test_truth_fields_follow_the_spec(corpus: Path) -> None:
    apps = {d.app_id: d for d in declarations()}
    for truth in map(json.loads, (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines()):
        assert set(truth["problems"]) <= PROBLEM_CODES and truth["problems"] == sorted(truth["problems"])
        assert ("no_seal" in truth["problems"]) == (not truth["seal"])
        for role, code in (("department", "missing_department_approval"), ("leader", "missing_leader_approval")):
            assert (code in truth["problems"]) == (not truth["approvals"][role])
        assert truth["changes"]
        for change in truth["changes"]:
            decl = apps[change["application_id"]]
            assert change["certificate"] == decl.certificate and change["field"] in ("headcount", "level", "major")
            if change["field"] == "headcount":
                assert isinstance(change["to"], int) and change["to"] <= decl.capacity


def test_block_truth_needs_affirmative_opinion_and_real_signature() -> None:
    assert Block("leader", "校领导意见", "王伟", AFFIRMATIVE[0]).agrees
    assert Block("leader", "校领导意见", "王伟", AFFIRMATIVE[0], signature="stamp").agrees
    assert not Block("leader", "校领导意见", "王伟", AFFIRMATIVE[0], signature="typed").agrees
    assert not Block("leader", "校领导意见", "王伟", AFFIRMATIVE[0], signature="none").agrees
    assert not Block("leader", "校领导意见", "王伟", None).agrees
    assert not Block("leader", "校领导意见", "王伟", AFFIRMATIVE[0], present=False).agrees
    assert not any(Block("department", "教务处意见", "李强", text).agrees for text in NEGATIVE)


def test_families_rotate_through_held_out_indexes() -> None:
    assert {family_of(i) for i in range(8)} == set(FAMILIES)
    assert {family_of(i) for i in range(0, 32, 4)} == set(FAMILIES)


def test_same_seed_same_bytes() -> None:
    assert message(1, 9) == message(1, 9)
    assert message(1, 9)[0] != message(2, 9)[0]
