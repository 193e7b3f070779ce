"""`not_a_scan`: every document is an office file (Word, Excel, WPS), not a scan."""

from parsers.model import DocumentClass
from storage.states import ProblemCode
from workflow.facts import RequestFacts

code = ProblemCode.NOT_A_SCAN
message = code.label
advice = "请发送加盖公章后的扫描件（PDF 或图片），不要发送 Word、Excel、WPS 等可编辑文档。"  # what to put right before sending again


def check(facts: RequestFacts) -> str | None:
    documents = facts.evidence.documents
    if not documents or any(d.kind is not DocumentClass.OFFICE for d in documents):
        return None
    return "附件：" + "、".join(d.filename or "（无文件名）" for d in documents)
