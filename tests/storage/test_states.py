"""The one vocabulary of states: every value has a Chinese label, and the JSON contract's values hold."""

from __future__ import annotations

import inspect
import re

from storage import states
from storage.states import ArrivalSource, Kind, Labelled, ProblemCode, ReplyState, Stage, Status
from workflow.checks import CHECKS

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_value_of_every_vocabulary_has_a_chinese_label() -> None:
    defined = {cls for _, cls in inspect.getmembers(states, inspect.isclass)
               if issubclass(cls, Labelled) and cls is not Labelled}
    assert defined == set(states.ALL)  # a new vocabulary is listed, so this test sees it
    unlabelled = [f"{cls.__name__}.{member.name}" for cls in states.ALL for member in cls
                  if not CJK.search(getattr(member, "label", ""))]
    assert unlabelled == []


def test_every_problem_code_has_a_short_chinese_title() -> None:
    assert set(states.PROBLEM_TITLES) == set(ProblemCode)
    assert all(CJK.search(title) and len(title) <= 8 for title in states.PROBLEM_TITLES.values())


def test_labels_within_a_vocabulary_are_distinct() -> None:
    for cls in states.ALL:
        labels = [member.label for member in cls]
        assert len(labels) == len(set(labels)), cls.__name__


def test_the_json_contract_values_are_those_of_spec_section_5() -> None:
    assert list(Status) == ["pending", "ready", "flagged", "approved", "rejected", "returned", "superseded"]
    assert list(Stage) == ["city", "group", "province", "done"]
    assert list(Kind) == ["request", "unrelated"]
    assert list(ArrivalSource) == ["internaldate", "received", "date"]
    assert list(ReplyState) == ["held", "queued", "sending", "sent", "uncertain", "failed"]


def test_each_check_reports_its_own_problem_code_with_the_code_s_label() -> None:
    assert [check.code for check in CHECKS] == list(ProblemCode)
    assert all(check.message == check.code.label for check in CHECKS)


def test_an_unknown_stored_value_shows_as_itself_and_none_as_a_dash() -> None:
    assert Status.label_of("approved") == "已通过"
    assert Status.label_of("archived") == "archived"
    assert Stage.label_of(None) == "—"
