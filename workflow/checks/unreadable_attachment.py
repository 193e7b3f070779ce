"""`unreadable_attachment`: at least one document cannot be read (corrupt, encrypted, unknown, too large)."""

from parsers.model import DocumentClass
from workflow.facts import RequestFacts

code = "unreadable_attachment"
message = "有附件无法打开（文件损坏、加密或格式不支持），请重新发送"
advice = "有附件无法打开或已损坏，请重新扫描，以未加密的 PDF 或 JPG/PNG 图片发送。"  # what to put right before sending again


def check(facts: RequestFacts) -> str | None:
    bad = [d for d in facts.evidence.documents if d.kind is DocumentClass.UNREADABLE]
    if not bad:
        return None
    return "；".join(f"{d.filename or '（无文件名）'}：{d.error or '无法读取'}" for d in bad)
