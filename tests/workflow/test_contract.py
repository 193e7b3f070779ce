"""The JSON contract of spec §5, pinned on the example mailbox through the real CLI and pipeline."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlmodel import Session, select

from intake.cli import main
from intake.config import load_config
from intake.service import Service
from storage.models import Message, Request
from workflow.pipeline import MAX_ATTEMPTS, record_failure

ROOT = Path(__file__).resolve().parents[2]
MAILBOX = ROOT / "examples" / "mailbox"
REGISTRY = sorted((ROOT / "examples" / "registry").glob("*.csv"))
FIELDS = {"id", "message_id", "arrival", "arrival_source", "sender", "subject", "kind", "school", "status",
          "stage", "problems", "seal", "approvals", "changes", "documents", "supersedes", "superseded_by"}
PROBLEM_CODES = {"subject_format", "unknown_school", "outside_window", "no_attachment", "not_a_scan",
                 "unreadable_attachment", "no_seal", "seal_mismatch", "missing_department_approval",
                 "missing_leader_approval", "school_mismatch", "no_changes_found", "no_matching_application",
                 "exceeds_enrollment", "major_not_offered"}


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    capsys.readouterr()
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def assert_contract(record: dict) -> None:
    assert set(record) >= FIELDS
    assert isinstance(record["id"], int)
    assert re.fullmatch(r"<[^<>]+>", record["message_id"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+08:00", record["arrival"])
    assert record["arrival_source"] in ("internaldate", "received", "date")
    assert record["sender"] == record["sender"].lower()
    assert record["kind"] in ("request", "unrelated")
    if record["kind"] == "unrelated":
        assert record["status"] is None
    else:
        assert record["status"] in ("pending", "ready", "flagged", "approved", "rejected", "returned", "superseded")
        assert record["stage"] in ("city", "group", "province", "done")
    assert record["problems"] == sorted(record["problems"]) and set(record["problems"]) <= PROBLEM_CODES
    assert isinstance(record["seal"], bool)
    assert set(record["approvals"]) == {"department", "leader"}
    for change in record["changes"]:
        assert set(change) >= {"certificate", "field", "from", "to", "application_id"}
        assert change["field"] in ("level", "major", "headcount")
    for document in record["documents"]:
        assert document["text_source"] in ("text", "ocr", None)
        assert isinstance(document["pages"], int)


@pytest.fixture
def config_file(write_config: Callable[..., Path], database_url: str) -> Path:
    path = write_config(url=database_url)
    assert main(["--config", str(path), "registry", "import", *map(str, REGISTRY)]) == 0
    return path


def test_text_only_messages_on_both_databases(config_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(MAILBOX / n) for n in ("06-question.eml", "07-autoreply.eml", "08-wuxi2-word-only.eml")]
    assert main(["ingest", "--config", str(config_file), *files]) == 0
    assert main(["ingest", "--config", str(config_file), *files]) == 0  # recorded once
    records = run_json(capsys, "requests", "list", "--json", "--config", str(config_file))
    assert isinstance(records, list) and len(records) == 3
    for record in records:
        assert_contract(record)
    by_subject = {r["subject"]: r for r in records}
    question = by_subject["关于1+X证书申报人数的咨询"]
    assert (question["kind"], question["status"], question["sender"]) == ("unrelated", None, "1x@jsut.edu.cn")
    assert by_subject["自动回复：收到"]["kind"] == "unrelated"
    word = by_subject["无锡市第二中等专业学校+2024年证书申报调整申请"]
    assert word["kind"] == "request" and word["school"] == "无锡市第二中等专业学校"
    assert word["status"] == "flagged" and word["stage"] == "city"
    assert {"not_a_scan", "no_seal", "no_changes_found"} <= set(word["problems"])
    assert word["documents"] == [{"filename": "调整申请.docx", "pages": 0, "text_source": None}]
    assert word["arrival"] == "2024-03-15T10:15:00+08:00" and word["arrival_source"] == "received"
    shown = run_json(capsys, "requests", "show", str(word["id"]), "--json", "--config", str(config_file))
    assert shown == word
    only_requests = run_json(capsys, "requests", "list", "--json", "--kind", "request", "--config",
                             str(config_file))
    assert [r["id"] for r in only_requests] == [word["id"]]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_scanned_examples_golden(config_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "--config", str(config_file), *map(str, sorted(MAILBOX.glob("*.eml")))]) == 0
    records = run_json(capsys, "requests", "list", "--json", "--config", str(config_file))
    assert len(records) == 8
    by_school = {r["school"]: r for r in records if r["kind"] == "request"}
    ready = by_school["连云港中等专业学校"]
    assert_contract(ready)
    assert (ready["status"], ready["stage"], ready["problems"]) == ("ready", "city", [])
    assert ready["seal"] is True and ready["approvals"] == {"department": True, "leader": True}
    assert ready["changes"] == [{"certificate": "Web前端开发", "field": "headcount", "from": 80, "to": 120,
                                 "application_id": "JS2024-00017"}]
    assert ready["documents"][0]["text_source"] == "ocr"
    level = by_school["苏州工业园区职业技术学院"]
    assert level["changes"] == [{"certificate": "Web前端开发", "field": "level", "from": "中级", "to": "高级",
                                 "application_id": "JS2024-00101"}]
    assert level["stage"] == "group"
    assert "exceeds_enrollment" in by_school["南京市玄武中等专业学校"]["problems"]
    no_seal = by_school["常州机电职业技术学院"]
    assert set(no_seal["problems"]) == {"no_seal", "missing_leader_approval"}  # typed name is no signature
    assert no_seal["changes"][0]["application_id"] == "JS2024-00151"
    late = by_school["无锡市第一中等专业学校"]
    assert {"subject_format", "outside_window"} <= set(late["problems"])



def test_a_message_that_keeps_breaking_the_pipeline_is_flagged_not_lost(
        config_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "--config", str(config_file), str(MAILBOX / "06-question.eml")]) == 0
    service = Service(load_config(config_file))
    with Session(service.db) as session:
        message = session.exec(select(Message)).one()
        message.attempts = 0
        request = session.get(Request, message.id)
        assert request is not None
        request.status, request.kind = "pending", "request"  # as if processing had never succeeded
        session.add_all([message, request])
        outcomes = [record_failure(session, blobs=service.blobs, message_pk=message.id, error="Boom: broken")
                    for _ in range(MAX_ATTEMPTS)]
        session.commit()
    assert outcomes == ["error"] * (MAX_ATTEMPTS - 1) + ["flagged"]
    (record,) = run_json(capsys, "requests", "list", "--json", "--config", str(config_file))
    assert (record["status"], record["stage"], record["parse_error"]) == ("flagged", "province", "Boom: broken")
    assert record["subject"] == "关于1+X证书申报人数的咨询"
