"""A page that breaks is retried with its message, then the message is flagged with what could be read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlmodel import Session, select

from intake.config import load_config
from intake.processing import process_one
from intake.recording import Origin, record_message
from intake.service import Service
from parsers.ocr import OcrFailed, OcrUnavailable
from storage.models import Message
from tests.parsers.engines import BreaksEveryNthPage
from workflow.pipeline import MAX_ATTEMPTS
from workflow.views import request_rows, requests_json

REQUEST_AND_BACK = Path(__file__).parents[1] / "parsers" / "cases" / "crash-blank-pdf-page-impact.eml"


@pytest.mark.slow
def test_a_broken_page_is_retried_then_flagged_with_the_documents_kept(
        write_config: Callable[..., Path]) -> None:
    service, record = _every_attempt(write_config, BreaksEveryNthPage(OcrFailed("RapidOCR 识别失败：超时")))
    with Session(service.db) as session:
        (stored,) = session.exec(select(Message)).all()
        assert "第 2 页" in stored.last_error  # why the earlier attempts were retried
    assert record["status"] == "flagged"
    assert record["parse_error"] == "连云港中等专业学校调整申请.pdf 第 2 页：OcrFailed: RapidOCR 识别失败：超时"
    assert record["documents"] == [{"filename": "连云港中等专业学校调整申请.pdf", "pages": 2, "text_source": "ocr"}]
    assert "no_attachment" not in record["problems"] and "no_seal" not in record["problems"]
    assert record["seal"] is True and record["approvals"] == {"department": True, "leader": True}
    assert [(c["certificate"], c["from"], c["to"]) for c in record["changes"]] == [("Web前端开发", 80, 120)]


def test_an_engine_that_cannot_run_is_retried_then_flagged_with_the_documents_listed(
        write_config: Callable[..., Path]) -> None:
    unavailable = BreaksEveryNthPage(OcrUnavailable("RapidOCR 无法加载：模型文件缺失"), every=1)
    _service, record = _every_attempt(write_config, unavailable)
    assert record["parse_error"] == "OcrUnavailable: RapidOCR 无法加载：模型文件缺失"
    assert record["documents"] == [{"filename": "连云港中等专业学校调整申请.pdf", "pages": 2, "text_source": None}]
    assert "no_attachment" not in record["problems"] and "no_seal" in record["problems"]


def _every_attempt(write_config: Callable[..., Path], ocr: object) -> tuple[Service, dict]:
    """Record the request and process it MAX_ATTEMPTS times with `ocr`: errors, then flagged; its record."""
    service = Service(load_config(write_config()), _ocr=ocr)
    service.init()
    with Session(service.db, expire_on_commit=False) as session:
        recorded = record_message(session, service.blobs, REQUEST_AND_BACK.read_bytes(), Origin("file", "cases"))
    outcomes = [process_one(service, recorded.id) for _ in range(MAX_ATTEMPTS)]
    assert outcomes == ["error"] * (MAX_ATTEMPTS - 1) + ["flagged"]
    with Session(service.db) as session:
        (record,) = requests_json(session, request_rows(session), service.config.round.tz)
    return service, record
