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
    own = facts.registry.names_of(facts.school)
    for seal in facts.evidence.seals:
        text = normalise_name(seal.text)
        if seal.text_confidence < CONFIDENT or not text:
            continue
        if any(name in text for name in own):
            continue
        other = facts.registry.named_in(text)
        if other is not None and other.id == facts.school.id:
            continue
        if other is not None or _UNIT_WORD.search(text):
            return f"公章文字为“{seal.text}”，申请学校为“{facts.school.name}”"
    return None
