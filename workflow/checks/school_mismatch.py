"""`school_mismatch`: the subject names a registered school but the document's 申请单位 names another."""

from storage.states import ProblemCode
from workflow.facts import RequestFacts
from workflow.subject import normalise_name

code = ProblemCode.SCHOOL_MISMATCH
message = code.label
advice = "邮件主题中的单位须与申请表中的申请单位一致。"  # what to put right before sending again

NUMERALS = set("0123456789一二三四五六七八九十〇零")


def check(facts: RequestFacts) -> str | None:
    school, unit = facts.subject_school, facts.evidence.applicant_unit
    if school is None or not unit:
        return None
    read = normalise_name(unit)
    other = facts.registry.exact(read)
    if other is not None:
        same = other.id == school.id
    else:
        same = any(_one_misread(read, name) for name in facts.registry.names_of(school))
    return None if same else f"申请单位为“{unit}”，邮件主题为“{school.name}”"


def _one_misread(read: str, name: str) -> bool:
    """Equal but for one character that OCR may have misread; a differing numeral (第一/第二) counts."""
    if len(read) != len(name):
        return read == name
    differing = [(a, b) for a, b in zip(read, name, strict=True) if a != b]
    return len(differing) <= 1 and not any(a in NUMERALS or b in NUMERALS for a, b in differing)
