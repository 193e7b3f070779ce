"""Fast checks of officegen's output (no product run)."""

from __future__ import annotations

import csv
import email
import email.policy
import json
from collections import Counter
from pathlib import Path

import pytest

from tests.corpus_files import PROBLEM_CODES, drawn_twice
from tests.officegen import generate
from tests.officegen.generate import NAMES, family_of


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("officegen")
    generate(out, 16, 7)
    return out


def _truths(corpus: Path) -> list[dict]:
    return [json.loads(line) for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines()]


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_every_family_in_16_messages_and_held_out_spread(corpus: Path) -> None:
    truths = _truths(corpus)
    assert len(truths) == 16
    assert Counter(t["family"] for t in truths) == {name: 2 for name in NAMES}
    held = Counter(family_of(i) for i in range(32) if i % 4 == 0)
    assert held == {name: 1 for name in NAMES}


def test_truth_fields(corpus: Path) -> None:
    for i, t in enumerate(_truths(corpus)):
        assert t["seed"] == 7 * 10000 + i and t["file"] == f"{i:04d}.eml"
        assert set(t["approvals"]) == {"department", "leader"}
        assert t["problems"] == sorted(set(t["problems"])) and set(t["problems"]) <= PROBLEM_CODES
        assert t["changes"] and all(c["field"] in ("headcount", "major", "level") for c in t["changes"])
        assert ("no_seal" in t["problems"]) == (not t["seal"])


def test_messages_parse_with_subject_sender_and_attachments(corpus: Path) -> None:
    schools = {row["单位名称"]: row for row in _rows(corpus / "registry" / "schools.csv")}
    for t in _truths(corpus):
        msg = email.message_from_bytes((corpus / "mail" / t["file"]).read_bytes(), policy=email.policy.default)
        assert msg["Message-ID"] == t["message_id"]
        subject = str(msg["Subject"])
        assert subject.endswith(f"{t['school']}+2024年证书申报调整申请")
        sender = msg["From"].addresses[0].addr_spec
        assert sender in schools[t["school"]]["联系邮箱"].split("；")
        assert "2024" in msg["Received"] and " Mar " in msg["Received"]
        parts = list(msg.iter_attachments())
        assert parts
        if t["family"] == "forwarded_form":
            inner = parts[0].get_content()
            assert parts[0].get_content_type() == "message/rfc822"
            parts = list(inner.iter_attachments())
        assert all(len(p.get_content()) > 1000 for p in parts)


def test_linked_changes_exist_in_registry(corpus: Path) -> None:
    apps = {row["申报编号"]: row for row in _rows(corpus / "registry" / "applications.csv")}
    for t in _truths(corpus):
        for c in t["changes"]:
            if c["application_id"] is None:
                assert "no_matching_application" in t["problems"]
                continue
            app = apps[c["application_id"]]
            assert app["单位名称"] == t["school"] and app["证书名称"] == c["certificate"]
            if c["field"] == "headcount":
                assert str(c["from"]) == app["申报人数"]


def test_deterministic(tmp_path: Path) -> None:
    drawn_twice(generate, tmp_path, 3, 11)
