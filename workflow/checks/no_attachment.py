"""`no_attachment`: the message carries no document at all."""

from storage.states import ProblemCode
from workflow.facts import RequestFacts

code = ProblemCode.NO_ATTACHMENT
message = code.label
advice = "请将申请扫描件作为附件发送（PDF 或 JPG/PNG 图片）。"  # what to put right before sending again


def check(facts: RequestFacts) -> str | None:
    return None if facts.evidence.documents else "邮件中未找到任何附件文件"
