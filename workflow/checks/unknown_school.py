"""`unknown_school`: the unit the subject names is not a registered 单位名称 or 别名."""

from storage.states import ProblemCode
from workflow.facts import RequestFacts

code = ProblemCode.UNKNOWN_SCHOOL
message = code.label
advice = "主题中的单位名称请使用在国家平台申报时的单位全称。"  # what to put right before sending again


def check(facts: RequestFacts) -> str | None:
    if not facts.subject_unit or facts.subject_school is not None:
        return None
    hint = facts.school_hint
    return f"主题中的单位为“{facts.subject_unit}”" + (f"；相近的登记名称：“{hint}”" if hint else "")
