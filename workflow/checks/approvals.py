"""When an approval block holds (spec §2: found, affirmative, signed): the one home of that rule, for the
department and leader checks, the recorded evidence and the request's flags."""

from parsers.model import ApprovalEvidence


def approval_gap(approval: ApprovalEvidence | None, who: str) -> str | None:
    """Why the approval does not hold (Chinese), or None when it does."""
    if approval is None or not approval.found:
        return f"未找到{who}意见栏"
    if not approval.affirmative:
        return f"{who}意见为“{approval.opinion or '（空）'}”，不是同意"
    if not approval.signed:
        return f"{who}签字处未发现手写签名或签名图片"
    return None


def approval_holds(approval: ApprovalEvidence | None) -> bool:
    return approval_gap(approval, "") is None
