"""`no_seal`: no official seal (red stamp, or grey ring in a greyscale scan) on any readable page."""

from workflow.facts import RequestFacts

code = "no_seal"
message = "申请扫描件上未发现单位公章"


def check(facts: RequestFacts) -> str | None:
    if facts.evidence.seals:
        return None
    return f"已检查可读页面 {facts.readable_pages} 页，均未发现圆形或椭圆形公章"
