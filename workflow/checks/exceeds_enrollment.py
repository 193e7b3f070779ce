"""`exceeds_enrollment`: a requested headcount exceeds the declaration's 可参与专业在校生数."""

from storage.states import ProblemCode
from workflow.facts import RequestFacts

code = ProblemCode.EXCEEDS_ENROLLMENT
message = code.label
advice = "调整后的试点人数不能超过可参与专业的在校生数。"  # what to put right before sending again


def check(facts: RequestFacts) -> str | None:
    if facts.school is None:
        return None
    over = []
    for linked in facts.linked:
        application, change = linked.application, linked.change
        if application and change.field == "headcount" and isinstance(change.to_value, int) \
                and change.to_value > application.enrolled:
            over.append(f"{application.id}“{application.certificate}”调整为 {change.to_value} 人，"
                        f"可参与专业在校生 {application.enrolled} 人")
    return "；".join(over) or None
