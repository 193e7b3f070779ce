"""`no_changes_found`: no requested change could be read from any readable page."""

from workflow.facts import RequestFacts

code = "no_changes_found"
message = "未能从申请文件中识别出任何调整事项（证书、调整内容、调整前后）"
advice = "请在申请中逐项写明证书名称、调整事项、原申报内容和调整后内容。"  # what to put right before sending again


def check(facts: RequestFacts) -> str | None:
    return None if facts.linked else f"已检查可读页面 {facts.readable_pages} 页"
