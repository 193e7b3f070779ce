"""Every problem code of spec §2, each with cases where it holds and where it does not."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from parsers.model import (
    ApprovalEvidence,
    Crop,
    Document,
    DocumentClass,
    Evidence,
    ExtractedChange,
    Page,
    SealEvidence,
)
from storage.models import Application, School
from workflow.checks import CHECKS, run_checks
from workflow.facts import RequestFacts, gather_facts
from workflow.registry import Registry
from workflow.settings import RoundConfig
from workflow.subject import normalise_name

SH = ZoneInfo("Asia/Shanghai")
ROUND = RoundConfig(year=2024, window_start=datetime(2024, 3, 1, tzinfo=SH),
                    window_end=datetime(2024, 3, 20, 23, 59, 59, tzinfo=SH))
LYG = School(id=1, name="连云港中等专业学校", type="中职", city="连云港市", aliases=["连云港中专"],
             emails=["jwc@lygzz.edu.cn"], majors=["计算机应用", "电子商务"])
XW = School(id=2, name="南京市玄武中等专业学校", type="中职", city="南京市", aliases=[], emails=[], majors=["计算机"])
DECLARATIONS = [
    Application(id="JS2024-00017", school_id=1, certificate="Web前端开发", level="中级", major="计算机应用",
                headcount=80, enrolled=150, group="计算机与软件类协作组"),
    Application(id="JS2024-00018", school_id=1, certificate="电子商务数据分析", level="初级", major="电子商务",
                headcount=60, enrolled=90, group="电商物流类协作组"),
]
REGISTRY = Registry({normalise_name(n): s for s in (LYG, XW) for n in (s.name, *s.aliases)})
SUBJECT = "连云港中等专业学校+2024年证书申报调整申请"
CROP = Crop("a.pdf", 1, (0, 0, 10, 10), b"")


def approval(role: str, **kw) -> ApprovalEvidence:  # type: ignore[no-untyped-def]
    values = {"found": True, "opinion": "同意调整", "affirmative": True, "signed": True} | kw
    return ApprovalEvidence(role=role, crops=[CROP], **values)  # type: ignore[arg-type]


def good_evidence() -> Evidence:
    return Evidence(
        documents=[Document("申请.pdf", "0" * 64, DocumentClass.READABLE, "application/pdf", [Page(1)])],
        seals=[SealEvidence(CROP, "red", "连云港中等专业学校", 0.95)],
        department=approval("department"), leader=approval("leader"),
        applicant_unit="连云港中等专业学校",
        changes=[ExtractedChange("Web前端开发", "headcount", "中级", 80, 120)],
    )


def facts(subject: str = SUBJECT, arrival: datetime = datetime(2024, 3, 10, 9, tzinfo=SH),
          evidence: Evidence | None = None) -> RequestFacts:
    """The pipeline's own gathering of facts, on this file's registry and declarations."""
    return gather_facts(subject=subject, arrival=arrival, evidence=evidence or good_evidence(), round_=ROUND,
                        registry=REGISTRY,
                        declarations_of=lambda school: [d for d in DECLARATIONS if school and d.school_id == school.id])


def codes(f: RequestFacts) -> list[str]:
    return [finding.code for finding in run_checks(f)]


def with_evidence(**changes) -> RequestFacts:  # type: ignore[no-untyped-def]
    return facts(evidence=replace(good_evidence(), **changes))


def test_a_good_request_has_no_problem() -> None:
    assert codes(facts()) == []


def test_every_code_of_the_spec_has_one_check_with_a_chinese_message() -> None:
    assert [c.code for c in CHECKS] == [
        "subject_format", "unknown_school", "outside_window", "no_attachment", "not_a_scan",
        "unreadable_attachment", "no_seal", "seal_mismatch", "missing_department_approval",
        "missing_leader_approval", "school_mismatch", "no_changes_found", "no_matching_application",
        "exceeds_enrollment", "major_not_offered"]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in c.message + c.advice) for c in CHECKS)
    assert all(c.advice for c in CHECKS)


@pytest.mark.parametrize(("subject", "problem"), [
    (SUBJECT, False),
    ("连云港中等专业学校2024年证书申报调整申请", False),
    ("连云港中等专业学校＋2024年证书申报调整申请", False),
    ("回复：Re: 连云港中等专业学校+2024年证书申报调整申请", False),
    ("FW : 连云港中等专业学校+2024年证书申报调整申请", False),
    ("连云港中等专业学校+2024年1+X证书申报调整申请", True),
    ("连云港中等专业学校 +2024年证书申报调整申请", True),
    ("连云港中等专业学校+2024年证书申报调整申请（补充）", True),
    ("连云港中等专业学校+2023年证书申报调整申请", True),
    ("证书申报调整申请", True),
])
def test_subject_format(subject: str, problem: bool) -> None:
    assert ("subject_format" in codes(facts(subject))) is problem


@pytest.mark.parametrize(("subject", "problem", "school"), [
    (SUBJECT, False, "连云港中等专业学校"),
    ("【连云港中专】+2024年证书申报调整申请", False, "连云港中等专业学校"),  # alias, brackets stripped
    ("连云港中专 +2024年1+X证书申报调整申请", False, "连云港中等专业学校"),  # malformed, still found
    # the unit ends at the first "+", here inside "1+X": unknown, the school comes from the document
    ("连云港中等专业学校 2024年1+X证书申报调整申请", True, "连云港中等专业学校"),
    ("连云港中等专业学效+2024年证书申报调整申请", True, "连云港中等专业学校"),  # close name: hint only
    ("证书申报调整申请", False, "连云港中等专业学校"),  # no unit: school from the document
])
def test_unknown_school_and_school_resolution(subject: str, problem: bool, school: str) -> None:
    f = facts(subject)
    assert ("unknown_school" in codes(f)) is problem
    assert f.school is not None and f.school.name == school
    if problem:
        assert f.subject_school is None
        assert f.subject_unit in next(x.evidence for x in run_checks(f) if x.code == "unknown_school")


@pytest.mark.parametrize(("arrival", "problem"), [
    (datetime.fromisoformat("2024-03-01T00:00:00+08:00"), False),  # first second
    (datetime.fromisoformat("2024-03-20T23:59:59+08:00"), False),  # last second
    (datetime.fromisoformat("2024-02-29T23:59:59+08:00"), True),
    (datetime.fromisoformat("2024-03-21T00:00:00+08:00"), True),
    (datetime.fromisoformat("2024-03-20T15:59:59+00:00"), False),  # UTC, still the 20th in Shanghai
    (datetime.fromisoformat("2024-03-20T16:30:00+00:00"), True),  # UTC, 00:30 on the 21st in Shanghai
])
def test_outside_window(arrival: datetime, problem: bool) -> None:
    assert ("outside_window" in codes(facts(arrival=arrival))) is problem


def doc(kind: DocumentClass, name: str = "a") -> Document:
    pages = [Page(1)] if kind is DocumentClass.READABLE else []
    return Document(name, "0" * 64, kind, "", pages, error="损坏" if kind is DocumentClass.UNREADABLE else None)


READ, OFFICE, BAD = DocumentClass.READABLE, DocumentClass.OFFICE, DocumentClass.UNREADABLE


@pytest.mark.parametrize(("kinds", "expected"), [
    ([READ], set()),
    ([], {"no_attachment"}),
    ([OFFICE], {"not_a_scan"}),
    ([OFFICE, OFFICE], {"not_a_scan"}),
    ([OFFICE, READ], set()),
    ([BAD], {"unreadable_attachment"}),
    ([READ, BAD], {"unreadable_attachment"}),
    ([OFFICE, BAD], {"unreadable_attachment"}),
])
def test_document_codes(kinds: list[DocumentClass], expected: set[str]) -> None:
    found = set(codes(with_evidence(documents=[doc(k, str(i)) for i, k in enumerate(kinds)])))
    assert found & {"no_attachment", "not_a_scan", "unreadable_attachment"} == expected


def test_without_readable_pages_the_evidence_codes_all_hold() -> None:
    empty = Evidence(documents=[doc(OFFICE)])
    assert {"no_seal", "missing_department_approval", "missing_leader_approval", "no_changes_found"} <= set(
        codes(facts(evidence=empty)))


@pytest.mark.parametrize(("seals", "no_seal", "mismatch"), [
    ([SealEvidence(CROP, "red", "连云港中等专业学校", 0.95)], False, False),
    ([SealEvidence(CROP, "grey", "连云港中专", 0.9)], False, False),  # alias
    ([SealEvidence(CROP, "red", "", 0.0)], False, False),  # unreadable text: never a mismatch
    ([SealEvidence(CROP, "red", "南京市玄武中等专业学校", 0.5)], False, False),  # not confident
    ([SealEvidence(CROP, "red", "南京市玄武中等专业学校", 0.95)], False, True),
    ([SealEvidence(CROP, "red", "某某科技有限公司", 0.95)], False, True),
    ([SealEvidence(CROP, "red", "连云港中等专业学", 0.95)], False, False),  # the arc's last glyph lost
    ([SealEvidence(CROP, "red", "南京市玄武中等专", 0.95)], False, True),  # another school's arc, its end lost
    ([SealEvidence(CROP, "red", "连云港中等专", 0.95)], False, False),  # the school's own arc, its end lost
    ([SealEvidence(CROP, "red", "市玄武中", 0.95)], False, False),  # too little of a name to say whose
    ([SealEvidence(CROP, "red", "连云巷中等专亚学校", 0.9)], False, False),  # two glyphs misread
    ([SealEvidence(CROP, "red", "连云港中等专业学校教务处", 0.95)], False, True),  # a department's seal
    ([SealEvidence(CROP, "grey", "云巷中等专亚学校", 0.97)], False, False),  # an arc garbled, surely read
    ([SealEvidence(CROP, "grey", "婚连云港中专亚题", 0.97)], False, False),  # an arc garbled round the alias: no department
    ([SealEvidence(CROP, "red", "中等专业学校", 0.97)], False, False),  # generic words only: the name was lost
    ([SealEvidence(CROP, "red", "等专业学校", 0.97)], False, False),  # pieces of generic words only (othergen 4700000012)
    ([SealEvidence(CROP, "red", "某某职业学院", 0.9)], False, False),  # no registered unit, not sure enough
    ([SealEvidence(CROP, "red", "连云港中等专业学校日", 0.95)], False, False),  # one stray glyph after the name: no department
    ([SealEvidence(CROP, "red", "连云巷中专业学校招生就业处", 0.95)], False, True),  # a department's, its school's name damaged
    ([SealEvidence(CROP, "red", "连云巷中专业学校用生波业处", 0.85)], False, True),  # the department's name garbled too
    ([SealEvidence(CROP, "grey", "港中等专业学校继续教育学", 1.0)], False, True),  # a college of the school's, both ends lost (kindgen 1070031)
    ([SealEvidence(CROP, "red", "南京市玄武中等专学校教务处", 0.95)], False, True),  # another school's department
    ([SealEvidence(CROP, "red", "南京市玄武中寺专骤", 0.9)], False, True),  # another school's place, the rest damaged
    ([SealEvidence(CROP, "red", "连云巷玄武中寺专骤", 0.9)], False, False),  # not the school's, nor whole another's
    ([SealEvidence(CROP, "red", "连云港中等专业学校", 0.95), SealEvidence(CROP, "red", "连云港中等专业学校教务处", 0.95)],
     False, False),  # the school's own seal with a department's beside it
    ([SealEvidence(CROP, "red", "连云港中等专业", 0.95), SealEvidence(CROP, "red", "连云港中等专业学校教务处", 0.95)],
     False, False),  # the same, the school's arc read in part
    ([SealEvidence(CROP, "red", "连云港中等专业学校招生就业外", 0.94), SealEvidence(CROP, "red", "连云I中等专亚学校", 0.71)],
     False, False),  # a department's seal beside one read unsurely as the school's own (papergen 9700000030)
    ([SealEvidence(CROP, "red", "连云港中等专业学校招生就业外", 0.91), SealEvidence(CROP, "red", "连云巷中专亚学挍", 0.82)],
     False, False),  # beside one read surely but garbled, nearest the school's own (papergen 11700000025)
    ([SealEvidence(CROP, "red", "连云港中等专业学校招生就业处", 0.91), SealEvidence(CROP, "red", "连云港中等专业学校教务处", 0.9)],
     False, True),  # two of the school's departments' seals, and not its own
    ([SealEvidence(CROP, "red", "连云港中等专业学校教务处", 0.95), SealEvidence(CROP, "red", "", 0.0)],
     False, False),  # beside a seal whose arc could not be read, which may be the school's own
    ([SealEvidence(CROP, "red", "连云港中等专业学校教务处", 0.95), SealEvidence(CROP, "red", "南京市玄武中等专业学校", 0.6)],
     False, True),  # beside one nearer another school's name than its own
    ([SealEvidence(CROP, "red", "徐州市夏汪宁等专业学", 0.9)], False, True),  # another city's unit, garbled (officegen 9700000023)
    ([SealEvidence(CROP, "red", "连云港市中等专业学校", 0.9)], False, False),  # the school's own city
    ([], True, False),
])
def test_seal_codes(seals: list[SealEvidence], no_seal: bool, mismatch: bool) -> None:
    found = codes(with_evidence(seals=seals))
    assert ("no_seal" in found) is no_seal
    assert ("seal_mismatch" in found) is mismatch


def test_a_seal_of_another_registered_school_with_a_glyph_misread_is_a_mismatch() -> None:
    """连云港中等专亚学校 on the seal of a request from 南京市玄武中等专业学校: OCR damage of another
    registered school's name (a glyph in nine), not an unknown unit."""
    f = facts("南京市玄武中等专业学校+2024年证书申报调整申请", evidence=replace(
        good_evidence(), applicant_unit="南京市玄武中等专业学校", seals=[SealEvidence(CROP, "red", "连云港中等专亚学校", 0.9)]))
    assert "seal_mismatch" in codes(f)


@pytest.mark.parametrize(("arc", "problem"), [
    ("唐江中等专业学校", False),  # changegen seed 7900000009: 扬州 lost, 邗 misread; 江 is the school's own place's
    ("唐山中等专业学校", True),  # nothing of the school's place: another unit's seal
])  # fmt: skip
def test_an_arc_sharing_a_glyph_of_the_schools_place_is_no_unknown_unit(arc: str, problem: bool) -> None:
    hanjiang = School(id=4, name="扬州邗江中等专业学校", type="中职", city="扬州市", aliases=[], emails=[], majors=[])
    assert ("seal_mismatch" in codes(_sealed_by_arc(hanjiang, arc))) is problem


def _sealed_by_arc(school: School, arc: str) -> RequestFacts:
    """A request from `school`, added to this file's registry, whose one seal's arc reads `arc`, surely."""
    registry = Registry({normalise_name(school.name): school, **REGISTRY.by_name})
    evidence = replace(good_evidence(), applicant_unit=school.name, changes=[],
                       seals=[SealEvidence(CROP, "red", arc, 0.97)])
    return gather_facts(subject=f"{school.name}+2024年证书申报调整申请", arrival=datetime(2024, 3, 10, 9, tzinfo=SH),
                        evidence=evidence, round_=ROUND, registry=registry, declarations_of=lambda school: [])


@pytest.mark.parametrize(("arc", "problem"), [
    ("京理王大学紫金学", False),  # the school's own arc, both ends lost and 工 misread: 紫金学院 is its name, no college of it
    ("京理王大学继续教育学", True),  # a college of the university's: not the unit's own seal
])  # fmt: skip
def test_a_unit_named_as_a_college_of_a_university_is_no_department_of_it(arc: str, problem: bool) -> None:
    zijin = School(id=5, name="南京理工大学紫金学院", type="高职", city="南京市", aliases=[], emails=[], majors=[])
    assert ("seal_mismatch" in codes(_sealed_by_arc(zijin, arc))) is problem

@pytest.mark.parametrize(("department", "problem"), [
    (approval("department"), False),
    (None, True),
    (approval("department", found=False), True),
    (approval("department", opinion="不同意", affirmative=False), True),
    (approval("department", signed=False), True),  # a typed name alone
])
def test_department_and_leader_approvals(department: ApprovalEvidence | None, problem: bool) -> None:
    assert ("missing_department_approval" in codes(with_evidence(department=department))) is problem
    leader = replace(department, role="leader") if department else None
    assert ("missing_leader_approval" in codes(with_evidence(leader=leader))) is problem


@pytest.mark.parametrize(("unit", "problem"), [
    ("连云港中等专业学校", False),
    ("连云港中专", False),  # alias is the same unit
    ("连云港中等专业学挍", False),  # one misread character
    ("南京市玄武中等专业学校", True),
    ("连云港第二中等专业学校", True),
    ("连云港二等专业学校", False),  # 中 misread as a numeral: OCR damage, not another school
    ("连云港中等专业学校二", True),  # a numeral added names another school
    ("连云港中等专业校", False),  # one glyph dropped
    ("连云港中等专业学校招生就业处", True),  # a department names another unit
    (None, False),  # not read: nothing to compare
])
def test_school_mismatch(unit: str | None, problem: bool) -> None:
    assert ("school_mismatch" in codes(with_evidence(applicant_unit=unit))) is problem


def test_school_mismatch_needs_a_registered_school_in_the_subject() -> None:
    f = facts("某某学校+2024年证书申报调整申请", evidence=replace(good_evidence(), applicant_unit="南京市玄武中等专业学校"))
    assert "school_mismatch" not in codes(f)


@pytest.mark.parametrize(("change", "expected"), [
    (ExtractedChange("Web前端开发", "headcount", "中级", 80, 120), set()),
    (ExtractedChange("WEB前端开发", "headcount", None, 80, 120), set()),  # only declaration of it
    (ExtractedChange("Web前端开发", "headcount", "中级", 80, 151), {"exceeds_enrollment"}),
    (ExtractedChange("Web前端开发", "headcount", "中级", 80, 150), set()),  # equal is fine
    (ExtractedChange("Web前端开发", "level", "中级", "中级", "高级"), set()),
    (ExtractedChange("Web前端开发", "level", "初级", "初级", "中级"), {"no_matching_application"}),
    (ExtractedChange("云计算平台运维与开发", "headcount", "初级", 10, 20), {"no_matching_application"}),
    (ExtractedChange("Web前端开发", "major", "中级", "计算机应用", "电子商务"), set()),
    (ExtractedChange("Web前端开发", "major", "中级", "计算机应用", "软件技术"), {"major_not_offered"}),
])
def test_change_codes(change: ExtractedChange, expected: set[str]) -> None:
    linking = {"no_matching_application", "exceeds_enrollment", "major_not_offered"}
    assert set(codes(with_evidence(changes=[change]))) & linking == expected


def test_no_changes_found() -> None:
    assert "no_changes_found" in codes(with_evidence(changes=[]))
    assert "no_changes_found" not in codes(facts())


def test_without_subject_unit_or_applicant_unit_the_school_comes_from_the_seal() -> None:
    f = facts("证书申报调整申请", evidence=replace(good_evidence(), applicant_unit=None))
    assert f.school is LYG and f.subject_school is None
    assert [lc.application.id for lc in f.linked if lc.application] == ["JS2024-00017"]


def test_school_dependent_checks_do_not_run_without_a_school() -> None:
    f = facts("咨询+2024年证书申报调整申请", evidence=replace(
        good_evidence(), applicant_unit=None, seals=[SealEvidence(CROP, "red", "某某公司", 0.99)],
        changes=[ExtractedChange("不存在的证书", "headcount", "初级", 1, 999)]))
    assert f.school is None
    found = set(codes(f))
    assert not found & {"seal_mismatch", "school_mismatch", "no_matching_application", "exceeds_enrollment",
                        "major_not_offered"}
    assert f.linked[0].application is None


def test_all_checks_run_none_hides_another() -> None:
    empty = Evidence(documents=[])
    found = codes(facts("hello", arrival=datetime(2024, 4, 1, tzinfo=SH), evidence=empty))
    assert {"subject_format", "outside_window", "no_attachment", "no_seal", "missing_department_approval",
            "missing_leader_approval", "no_changes_found"} <= set(found)


@pytest.mark.parametrize(("unit", "seal", "problem"), [
    ("连云演业学校", "连云港中等专业学校", False),  # glyphs lost under the school's own seal
    ("连云演业学校", "", True),  # no seal vouches for the school: the line is taken as read
    ("连云演业学校", "云四世学", False),  # a seal garbled too, and no other registered unit as near
    ("中等专业学校", "云四世学", True),  # as near to 南京市玄武中等专业学校 as to the school
    ("连云港第二中业学校", "连云港中等专业学校", True),  # a numeral added names another school
    ("20云港中等专业学校", "连云港中等专业学校", False),  # figures where 连 was lost (deskgen seed 290013)
    ("连云港2中等专业学校", "连云港中等专业学校", True),  # figures where no glyph was lost: a numeral added
    ("一连云港中等专止学校", "", False),  # a rule before the line read as 一: no school's name begins so
    ("连云港航运学院", "连云港中等专业学校", True),  # too few of the school's own glyphs
    ("南京市玄武中等专业学校", "连云港中等专业学校", True),  # another registered school
    ("工中专", "连云港中等专业学校", False),  # the place lost under the school's own seal: names no unit
    ("工职院", "连云港中等专业学校", False),  # the same of an alias (滨江职院: formgen seed 7900000000)
    ("之职.院", "连云港中等专业学校", False),  # the same, with a speck read as a stop (othergen seed 10700000013)
    ("工中专", "", True),  # no seal vouches for the school: the line is taken as read
    ("连云巷中等专亚学枝", "连云港中等专业学校", False),  # three glyphs misread under the school's own seal
    ("连云巷中等专亚学枝", "", True),  # the same with no seal to vouch for the school
])
def test_school_mismatch_under_the_schools_own_seal(unit: str, seal: str, problem: bool) -> None:
    seals = [SealEvidence(CROP, "red", seal, 0.95)] if seal else []
    assert ("school_mismatch" in codes(with_evidence(applicant_unit=unit, seals=seals))) is problem


@pytest.mark.parametrize(("read", "stated"), [
    ("子商务", "电子商务"),  # a glyph lost at the cell's rule
    ("电子商", "电子商务"),  # a printout's cell clipped the name
    ("商务", "商务"),  # too little of it to be that name: read as written
    ("电子商务", "电子商务"),
])
def test_an_old_major_the_cell_showed_only_part_of_is_the_declared_one(read: str, stated: str) -> None:
    f = with_evidence(changes=[ExtractedChange("电子商务数据分析", "major", "初级", read, "计算机应用")])
    assert [(lc.application and lc.application.id, lc.change.from_value) for lc in f.linked] == [
        ("JS2024-00018", stated)]


@pytest.mark.parametrize(("read", "stated", "problem"), [
    ("电子商", "电子商务", False),  # a printout's cell clipped the school's own major
    ("计算机应", "计算机应用", False),
    ("商务", "商务", True),  # too little of it to be that name: read as written, and not offered
    ("软件技术", "软件技术", True),  # no part of an offered major: read as written
    ("计算机", "计算机", True),  # a major of another school's in its own right (papergen 4700000025)
])
def test_a_new_major_the_cell_showed_only_part_of_is_the_offered_one(read: str, stated: str,
                                                                      problem: bool) -> None:
    f = with_evidence(changes=[ExtractedChange("Web前端开发", "major", "中级", "计算机应用", read)])
    assert [lc.change.to_value for lc in f.linked] == [stated]
    assert ("major_not_offered" in codes(f)) is problem


@pytest.mark.parametrize(("arc", "own"), [
    ("宜兴高等职业技术学校", True),
    ("宜兴高等职业技木学", True),  # a glyph misread, the last lost
    ("兴高等职业技术学校", True),  # the first lost
    ("宜兴高等职业技", True),  # the arc read in part
    ("高等职业技术学校", False),  # its place lost: any school's
    ("镇江高等职业技术学校", False),  # two glyphs apart, but the place is another: another school's seal
])
def test_a_seal_naming_another_place_is_no_damaged_copy_of_the_schools_name(arc: str, own: bool) -> None:
    yixing = School(id=3, name="宜兴高等职业技术学校", type="中职", city="无锡市", aliases=[], emails=[], majors=[])
    assert Registry({normalise_name(yixing.name): yixing}).read_as(arc, yixing) is own
