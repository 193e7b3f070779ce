"""`missing_leader_approval`: no affirmative, signed opinion of the school leader in charge."""

from storage.states import ProblemCode
from workflow.checks.approvals import approval_gap
from workflow.facts import RequestFacts

code = ProblemCode.MISSING_LEADER_APPROVAL
message = code.label
advice = "请由校级分管领导填写“同意”意见并签字。"  # what to put right before sending again


def check(facts: RequestFacts) -> str | None:
    return approval_gap(facts.evidence.leader, "校级分管领导")
