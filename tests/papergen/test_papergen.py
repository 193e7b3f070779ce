"""Fast checks of papergen's output: parseable truth and mail, consistent registry links, family spread."""

from __future__ import annotations

import csv
import email
import json
from collections import Counter
from datetime import datetime, timedelta, timezone
from email import policy
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from tests.corpus_files import PROBLEM_CODES
from tests.papergen.generate import FAMILY_NAMES, family_of, generate
from tests.papergen.plan import make_plan
from tests.papergen.registry import build_schools, write_registry

CST = timezone(timedelta(hours=8))
START, END = datetime(2024, 3, 1, tzinfo=CST), datetime(2024, 3, 20, 23, 59, 59, tzinfo=CST)

@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("papergen")
    generate(out, 3, 7)
    return out


def _truths(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "truth.jsonl").read_text(encoding="utf-8").splitlines() if line]


def test_truth_and_mail_parse(corpus: Path) -> None:
    truths = _truths(corpus)
    assert [t["file"] for t in truths] == ["0000.eml", "0001.eml", "0002.eml"]
    schools = {row["单位名称"]: row for row in csv.DictReader((corpus / "registry/schools.csv").open(encoding="utf-8-sig"))}
    for t in truths:
        assert t["seed"] == 7 * 10000 + int(t["file"][:4])
        assert set(t["problems"]) <= PROBLEM_CODES and t["problems"] == sorted(t["problems"])
        msg = email.message_from_bytes((corpus / "mail" / t["file"]).read_bytes(), policy=policy.default)
        assert msg["Message-ID"] == t["message_id"]
        assert str(msg["Subject"]).strip() == t["school"] + "+2024年证书申报调整申请"
        sender = msg["From"].addresses[0].addr_spec
        assert sender in schools[t["school"]]["联系邮箱"].split("；")
        received = parsedate_to_datetime(str(msg["Received"]).rsplit(";", 1)[1].strip())
        assert START <= received <= END and START <= parsedate_to_datetime(str(msg["Date"])) <= received
        attachments = list(msg.iter_attachments())
        assert attachments
        for part in attachments:
            data = part.get_content()
            assert part.get_filename()
            assert data[:4] in (b"%PDF", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xdb", b"\x89PNG")


def test_changes_link_to_registry(tmp_path: Path) -> None:
    schools = build_schools()
    write_registry(tmp_path, schools)
    rows = {r["申报编号"]: r for r in csv.DictReader((tmp_path / "applications.csv").open(encoding="utf-8-sig"))}
    majors = {r["单位名称"]: r["招生专业"].split("；")
              for r in csv.DictReader((tmp_path / "schools.csv").open(encoding="utf-8-sig"))}
    unlinked = 0
    for i in range(200):
        plan = make_plan(i, 99 * 10000 + i, family_of(i), schools)
        truth = plan.truth("x.eml", "<x>")
        for change in truth["changes"]:
            app = change["application_id"]
            if app is None:
                unlinked += 1
                assert "no_matching_application" in truth["problems"]
                continue
            row = rows[app]
            assert row["单位名称"] == truth["school"] and row["证书名称"] == change["certificate"]
            old = {"headcount": int(row["申报人数"]), "major": row["专业名称"], "level": row["等级"]}[change["field"]]
            assert change["from"] == old and change["to"] != change["from"]
            if change["field"] == "headcount":
                assert (change["to"] > int(row["可参与专业在校生数"])) == ("exceeds_enrollment" in truth["problems"]) or \
                    len(truth["changes"]) > 1
            if change["field"] == "major" and change["to"] not in majors[truth["school"]]:
                assert "major_not_offered" in truth["problems"]
    assert unlinked > 0


def test_families_spread() -> None:
    first20 = {family_of(i) for i in range(20)}
    assert first20 == set(FAMILY_NAMES)
    held_out = Counter(family_of(i) for i in range(40) if i % 4 == 0)
    assert set(held_out) == set(FAMILY_NAMES)
    counts = Counter(family_of(i) for i in range(400))
    assert max(counts.values()) - min(counts.values()) <= 1


def test_deterministic(corpus: Path, tmp_path: Path) -> None:
    generate(tmp_path, 1, 7)
    assert (tmp_path / "mail/0000.eml").read_bytes() == (corpus / "mail/0000.eml").read_bytes()
