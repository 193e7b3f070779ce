"""`missing_department_approval`: no affirmative, signed opinion of the certificate pilot department."""

from storage.states import ProblemCode
from workflow.checks.approvals import approval_gap
from workflow.facts import RequestFacts

code = ProblemCode.MISSING_DEPARTMENT_APPROVAL
message = code.label
advice = "请由证书试点管理部门填写“同意”意见并签字。"  # what to put right before sending again


def check(facts: RequestFacts) -> str | None:
    return approval_gap(facts.evidence.department, "证书试点管理部门")
