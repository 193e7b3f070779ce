"""`school_mismatch`: the subject names a registered school but the document's 申请单位 names another."""

from rapidfuzz import fuzz

from workflow.facts import RequestFacts
from workflow.subject import normalise_name

code = "school_mismatch"
message = "申请文件中的申请单位与邮件主题中的学校不一致"

OCR_TOLERANCE = 92  # a misread character is the same unit; 第一 vs 第二 (≈91) is not


def check(facts: RequestFacts) -> str | None:
    school, unit = facts.subject_school, facts.evidence.applicant_unit
    if school is None or not unit:
        return None
    read = normalise_name(unit)
    other = facts.registry.exact(read)
    if other is not None:
        same = other.id == school.id
    else:
        same = any(fuzz.ratio(read, name) >= OCR_TOLERANCE for name in facts.registry.names_of(school))
    return None if same else f"申请单位为“{unit}”，邮件主题为“{school.name}”"
