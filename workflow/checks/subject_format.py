"""`subject_format`: the subject is not exactly 单位名称+{year}年证书申报调整申请."""

from storage.states import ProblemCode
from workflow.facts import RequestFacts
from workflow.subject import matches_format

code = ProblemCode.SUBJECT_FORMAT
message = code.label
advice = "邮件主题请严格写为“单位名称+{year}年证书申报调整申请”，不加其他文字。"  # what to put right before sending again


def check(facts: RequestFacts) -> str | None:
    if matches_format(facts.subject_rest, facts.round.year):
        return None
    return f"邮件主题为“{facts.subject}”"
