"""`seal_mismatch`: a seal read with confidence names a unit other than the request's school."""

import re

from parsers.model import SealEvidence
from storage.models import School
from storage.states import ProblemCode
from workflow.facts import RequestFacts
from workflow.registry import GENERIC_GLYPHS, distinctive
from workflow.subject import normalise_name

code = ProblemCode.SEAL_MISMATCH
message = code.label
advice = "公章须为本单位公章，请重新发送加盖本单位公章的扫描件。"  # what to put right before sending again

CONFIDENT = 0.8
_UNIT_WORD = re.compile(r"(学校|学院|大学|中学|中心|公司|局|委员会|研究院)")


def check(facts: RequestFacts) -> str | None:
    if facts.school is None:
        return None
    if sealed_by(facts, facts.school):
        return None  # the school's own seal is there; a department's seal beside it does not matter
    for seal in _confident(facts):
        text = normalise_name(seal.text)
        other = facts.registry.named_in(text) or facts.registry.place_named_in(text, facts.school)
        if other is not None and other.id != facts.school.id:
            return f"公章文字为“{seal.text}”，申请学校为“{facts.school.name}”"
        if _department_of(facts, text) and not _maybe_own_beside(facts, seal):
            return f"公章文字为“{seal.text}”，是下属部门的印章，不是“{facts.school.name}”的公章"
        if other is None and (_another_city(text, facts.school, facts.registry.names_of(facts.school))
                              or _unknown_unit(seal.text, seal.text_confidence, facts.registry.names_of(facts.school))):
            return f"公章文字为“{seal.text}”，申请学校为“{facts.school.name}”"
    return None


def _confident(facts: RequestFacts) -> list[SealEvidence]:
    return [s for s in facts.evidence.seals if s.text_confidence >= CONFIDENT and normalise_name(s.text)]


def sealed_by(facts: RequestFacts, school: School) -> bool:
    """A seal on the request whose arc, read with confidence, names `school` or one of its aliases."""
    return any(facts.registry.read_as(seal.text, school) for seal in _confident(facts))


def _maybe_own_beside(facts: RequestFacts, department: SealEvidence) -> bool:
    """Another seal on the request whose arc reads as nothing, or, however surely read, as no
    department's and nearest the school's name (盐城滨湘牌业学院 for 盐城滨海健康职业学院): it may be the
    school's own seal, beside which a department's is no mismatch (spec §2)."""
    school = facts.school
    return school is not None and any(
        seal is not department
        and (not (text := normalise_name(seal.text))
             or (facts.registry.nearest(text) == {school.id} and not _department_of(facts, text)))
        for seal in facts.evidence.seals)


def _department_of(facts: RequestFacts, text: str) -> bool:
    """The arc is the school's full name followed by two glyphs or more (教务处): a department's seal.
    The longest start of the arc read as the name is taken, so a stray glyph read after the name
    (淮安清江浦中等专业学校日) is no department; nor is an arc merely garbled round a short alias
    (苏婚东吴财经职业题)."""
    if facts.school is None:
        return False
    # A unit's name, then a department's (教务处, 招生就业处, 招生办公室) ending the arc, before which the
    # school's name comes nearer than any other's: the name read with more damage than `read_as` allows
    # (徐州彰城职业技术学院招生就业处, 建设 lost), the department's own name garbled too (用生波业处).
    # The department may be a college of the school (继续教育学院, its last glyph lost), but no part of the
    # school's own name (扬州大学广陵学院 is one unit).
    named = _DEPARTMENT.search(text)
    if (named is not None and facts.registry.nearest(text[: named.start(1)]) == {facts.school.id}
            and not any(named.group(1)[:2] in name for name in facts.registry.names_of(facts.school))):
        return True
    shortest = len(facts.school.name) - len(facts.school.name) // 5  # the name with its damage allowed
    for end in range(len(text), shortest - 1, -1):
        if facts.registry.read_as(text[:end], facts.school):
            return len(text) - end >= 2
    return False


_DEPARTMENT = re.compile(r"(?:学院|学校|大学|中心校|中心)([\u4e00-\u9fff]{1,5}(?:处|办|办公室|部|科)|[\u4e00-\u9fff]{2,5}(?:学院|学|系))$")


# Jiangsu's 设区市: an official seal's arc opens with the unit's full name, and so with its city where
# the name holds one.
CITIES = ("南京", "无锡", "徐州", "常州", "苏州", "南通", "连云港", "淮安", "盐城", "扬州", "镇江", "泰州", "宿迁")


def _another_city(read: str, school: School, own: set[str]) -> bool:
    """The arc (normalised) opens with a city that is not the school's and that none of its names holds
    (徐州市夏汪宁等专业学 on a request from 盐城): another city's unit, however garbled the rest."""
    city = next((c for c in CITIES if read.startswith(c)), None)
    return city is not None and city not in school.city and not any(city in name for name in own)


SURE = 0.95  # an arc naming no registered unit must be read this surely: arcs misread with confidence


def _unknown_unit(text: str, confidence: float, own: set[str]) -> bool:
    """An arc that names a unit outside the registry, and not a garbled reading of the school's own:
    read surely, a unit word in it, and nothing of the school's own distinctive name (泰州凤城)."""
    if confidence < SURE or not _UNIT_WORD.search(text):
        return False
    # An arc of generic words only, or of pieces of them (职业技术学院, 等专业学校: the rest lost), names no
    # unit at all.
    arc_glyphs = set(distinctive(normalise_name(text)))
    # A glyph of the school's own place counts though generic words hold it too (江 of 江苏 and 邗江:
    # 唐江中等专业学校 is 扬州邗江's arc with 扬州 lost and 邗 misread).
    return bool(arc_glyphs - GENERIC_GLYPHS) and not any(arc_glyphs & set(distinctive(name)) for name in own)
