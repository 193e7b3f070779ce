"""`unreadable_attachment`: at least one document cannot be read (corrupt, encrypted, unknown, too large)."""

from parsers.model import DocumentClass
from storage.states import ProblemCode
from workflow.facts import RequestFacts

code = ProblemCode.UNREADABLE_ATTACHMENT
message = code.label
advice = "有附件无法打开或已损坏，请重新扫描，以未加密的 PDF 或 JPG/PNG 图片发送。"  # what to put right before sending again


def check(facts: RequestFacts) -> str | None:
    bad = [d for d in facts.evidence.documents if d.kind is DocumentClass.UNREADABLE]
    if not bad:
        return None
    return "；".join(f"{d.filename or '（无文件名）'}：{d.error or '无法读取'}" for d in bad)
