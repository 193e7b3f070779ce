"""`major_not_offered`: a requested major is not among the school's 招生专业."""

import unicodedata

from storage.states import ProblemCode
from workflow.facts import RequestFacts

code = ProblemCode.MAJOR_NOT_OFFERED
message = code.label
advice = "调整后的考核专业须为本校招生专业。"  # what to put right before sending again


def check(facts: RequestFacts) -> str | None:
    if facts.school is None:
        return None
    offered = {unicodedata.normalize("NFKC", m) for m in facts.school.majors}
    missing = [str(lc.change.to_value) for lc in facts.linked
               if lc.change.field == "major" and lc.change.to_value
               and unicodedata.normalize("NFKC", str(lc.change.to_value)) not in offered]
    return ("、".join(f"“{m}”" for m in missing) + " 不在本校招生专业中") if missing else None
