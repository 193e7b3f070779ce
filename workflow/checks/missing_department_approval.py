"""`missing_department_approval`: no affirmative, signed opinion of the certificate pilot department."""

from workflow.checks.approvals import approval_gap
from workflow.facts import RequestFacts

code = "missing_department_approval"
message = "缺少学校证书试点管理部门的同意意见及签字"
advice = "请由证书试点管理部门填写“同意”意见并签字。"  # what to put right before sending again


def check(facts: RequestFacts) -> str | None:
    return approval_gap(facts.evidence.department, "证书试点管理部门")
