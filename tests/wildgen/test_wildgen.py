"""wildgen's own checks (no product run): deterministic bytes, truth in SPEC terms, families in both splits."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

from tests.corpus_files import PROBLEM_CODES, drawn_twice
from tests.wildgen import FAMILIES, family_of, generate, message
from tests.wildgen.registry import build_registry


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    truths = drawn_twice(generate, tmp_path, 2, 4242)
    assert [t["seed"] for t in truths] == [4242, 4243]
    assert [t["file"] for t in truths] == ["0000.eml", "0001.eml"]


def test_families_fall_in_both_splits() -> None:
    for base in (0, 1, 2, 3, 7001):
        held = [family_of(i) for i in range(32) if (base + i) % 4 == 0]
        tuned = {family_of(i) for i in range(32) if (base + i) % 4 != 0}
        assert sorted(held) == sorted(FAMILIES) and tuned == set(FAMILIES)
        # 16 messages (4 held out) show every family twice and four different ones held out
        first = [family_of(i) for i in range(16)]
        assert all(first.count(f) == 2 for f in FAMILIES)
        assert len({f for i, f in enumerate(first) if (base + i) % 4 == 0}) == 4


def test_every_family_renders_a_request_with_spec_truth() -> None:
    schools = build_registry()
    apps = {d.app_id: d for s in schools for d in s.declarations}
    for k, family in enumerate(FAMILIES):
        raw, truth = message(900 + k, family, schools)
        msg = email.message_from_bytes(raw, policy=policy.default)
        assert "证书申报调整申请" in str(msg["subject"])
        assert msg["message-id"] == truth["message_id"]
        atts = list(msg.iter_attachments())
        assert atts and all(len(a.get_content()) > 10_000 for a in atts)
        assert truth["problems"] == sorted(set(truth["problems"])) and set(truth["problems"]) <= PROBLEM_CODES
        assert truth["changes"]
        for c in truth["changes"]:
            assert c["field"] in ("headcount", "level", "major")
            if c["application_id"] is not None:
                assert apps[c["application_id"]].certificate == c["certificate"]
                assert c["from"] != c["to"]
        assert ("missing_department_approval" in truth["problems"]) != truth["approvals"]["department"]
        assert ("missing_leader_approval" in truth["problems"]) != truth["approvals"]["leader"]
        assert ("no_seal" in truth["problems"]) != truth["seal"]
