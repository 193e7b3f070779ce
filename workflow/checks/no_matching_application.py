"""`no_matching_application`: a change links to none of the school's declarations."""

from storage.states import ProblemCode
from workflow.facts import RequestFacts

code = ProblemCode.NO_MATCHING_APPLICATION
message = code.label
advice = "请核对证书名称和等级，须与国家平台上的原申报一致。"  # what to put right before sending again


def check(facts: RequestFacts) -> str | None:
    if facts.school is None:
        return None
    unlinked = [lc.change for lc in facts.linked if lc.application is None]
    if not unlinked:
        return None
    return "；".join(f"“{c.certificate}”{f'（{c.level}）' if c.level else ''}" for c in unlinked) + " 无对应原申报"
