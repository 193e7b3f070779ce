"""A page that cannot be read is that page's problem: the other pages' evidence stays, the document stays listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.limits import Limits
from parsers.mime import parse_message
from parsers.model import DocumentClass
from parsers.ocr import OcrFailed
from parsers.read import read_evidence
from tests.parsers.engines import BreaksEveryNthPage

REQUEST_AND_BACK = Path(__file__).parent / "cases" / "crash-blank-pdf-page-impact.eml"  # the 01 request, 2 pages


@pytest.mark.slow
@pytest.mark.parametrize(("error", "note"), [
    (OcrFailed("RapidOCR 识别失败：超时"), "第 2 页无法识别：RapidOCR 识别失败：超时"),
    (RuntimeError("boom"), "第 2 页读取时程序出错，未能读取"),
])  # fmt: skip
def test_engine_failure_on_one_page_keeps_the_other_pages_and_the_document(error: Exception, note: str) -> None:
    parsed = parse_message(REQUEST_AND_BACK.read_bytes())
    evidence = read_evidence(parsed, engine=BreaksEveryNthPage(error), limits=Limits())
    (document,) = evidence.documents
    assert (document.filename, document.kind, len(document.pages)) == (
        "连云港中等专业学校调整申请.pdf", DocumentClass.READABLE, 2)
    assert document.error == note
    assert evidence.failures == [f"连云港中等专业学校调整申请.pdf 第 2 页：{type(error).__name__}: {error}"]
    assert evidence.seals and "连云港中等专业学校" in evidence.seals[0].text
    for approval in (evidence.department, evidence.leader):
        assert approval is not None and approval.found and approval.affirmative and approval.signed
    assert [(c.certificate, c.field, c.from_value, c.to_value) for c in evidence.changes] == [
        ("Web前端开发", "headcount", 80, 120)]
    assert [page.text_source for page in document.pages] == ["ocr", None]
