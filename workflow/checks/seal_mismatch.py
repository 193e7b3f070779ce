"""`seal_mismatch`: a seal read with confidence names a unit other than the request's school."""

import re

from storage.states import ProblemCode
from workflow.facts import RequestFacts
from workflow.subject import normalise_name

code = ProblemCode.SEAL_MISMATCH
message = code.label
advice = "公章须为本单位公章，请重新发送加盖本单位公章的扫描件。"  # what to put right before sending again

CONFIDENT = 0.8
_UNIT_WORD = re.compile(r"(学校|学院|大学|中学|中心|公司|局|委员会|研究院)")


def check(facts: RequestFacts) -> str | None:
    if facts.school is None:
        return None
    confident = [s for s in facts.evidence.seals if s.text_confidence >= CONFIDENT and normalise_name(s.text)]
    if any(facts.registry.read_as(seal.text, facts.school) for seal in confident):
        return None  # the school's own seal is there; a department's seal beside it does not matter
    for seal in confident:
        text = normalise_name(seal.text)
        other = facts.registry.named_in(text)
        if other is not None and other.id == facts.school.id and not facts.registry.read_as(text, other):
            return f"公章文字为“{seal.text}”，是下属部门的印章，不是“{facts.school.name}”的公章"
        if (other is not None and other.id != facts.school.id) or _UNIT_WORD.search(text):
            return f"公章文字为“{seal.text}”，申请学校为“{facts.school.name}”"
    return None
