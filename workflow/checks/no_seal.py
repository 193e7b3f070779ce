"""`no_seal`: no official seal (red stamp, or grey ring in a greyscale scan) on any readable page."""

from storage.states import ProblemCode
from workflow.facts import RequestFacts

code = ProblemCode.NO_SEAL
message = code.label
advice = "申请须加盖单位公章，请重新发送加盖公章的扫描件。"  # what to put right before sending again


def check(facts: RequestFacts) -> str | None:
    if facts.evidence.seals:
        return None
    return f"已检查可读页面 {facts.readable_pages} 页，均未发现圆形或椭圆形公章"
