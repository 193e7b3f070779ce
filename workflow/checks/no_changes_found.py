"""`no_changes_found`: no requested change could be read from any readable page."""

from storage.states import ProblemCode
from workflow.facts import RequestFacts

code = ProblemCode.NO_CHANGES_FOUND
message = code.label
advice = "请在申请中逐项写明证书名称、调整事项、原申报内容和调整后内容。"  # what to put right before sending again


def check(facts: RequestFacts) -> str | None:
    return None if facts.linked else f"已检查可读页面 {facts.readable_pages} 页"
