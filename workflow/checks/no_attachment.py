"""`no_attachment`: the message carries no document at all."""

from workflow.facts import RequestFacts

code = "no_attachment"
message = "邮件没有附件，请附上加盖单位公章的申请扫描件"


def check(facts: RequestFacts) -> str | None:
    return None if facts.evidence.documents else "邮件中未找到任何附件文件"
