"""`school_mismatch`: the subject names a registered school but the document's 申请单位 names another."""

from storage.states import ProblemCode
from workflow.facts import RequestFacts

code = ProblemCode.SCHOOL_MISMATCH
message = code.label
advice = "邮件主题中的单位须与申请表中的申请单位一致。"  # what to put right before sending again

def check(facts: RequestFacts) -> str | None:
    school, unit = facts.subject_school, facts.evidence.applicant_unit
    if school is None or not unit:
        return None
    other = facts.registry.exact(unit)
    same = other.id == school.id if other is not None else facts.registry.read_as(unit, school)
    return None if same else f"申请单位为“{unit}”，邮件主题为“{school.name}”"
