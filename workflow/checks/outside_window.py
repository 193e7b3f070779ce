"""`outside_window`: the message arrived outside the round's declaration window (inclusive)."""

from storage.states import ProblemCode
from workflow.facts import RequestFacts

code = ProblemCode.OUTSIDE_WINDOW
message = code.label
advice = "申报期为 {window}，期外提交的调整申请不予受理。"  # what to put right before sending again


def check(facts: RequestFacts) -> str | None:
    window = facts.round
    if window.in_window(facts.arrival):
        return None
    tz = window.tz
    return (f"送达时间 {facts.arrival.astimezone(tz):%Y-%m-%d %H:%M:%S}，申报期为 "
            f"{window.window_start.astimezone(tz):%Y-%m-%d %H:%M:%S} 至 {window.window_end.astimezone(tz):%Y-%m-%d %H:%M:%S}")
