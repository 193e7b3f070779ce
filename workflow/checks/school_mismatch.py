"""`school_mismatch`: the subject names a registered school but the document's 申请单位 names another."""

import re

from rapidfuzz.distance import LCSseq

from storage.models import School
from storage.states import ProblemCode
from workflow.checks.seal_mismatch import sealed_by
from workflow.facts import RequestFacts
from workflow.registry import NUMERALS, Registry, distinctive
from workflow.subject import normalise_name

code = ProblemCode.SCHOOL_MISMATCH
message = code.label
advice = "邮件主题中的单位须与申请表中的申请单位一致。"  # what to put right before sending again

OWN_GLYPHS = 0.75  # share of a garbled reading's glyphs that must be the name's own, in order
SEALED_OWN_GLYPHS = 0.65  # the same under the school's own seal, where no other registered unit is nearer
PLACE_GLYPHS = 2  # fewest glyphs of a place (泗阳, 滨江) that can name a school


def check(facts: RequestFacts) -> str | None:
    school, unit = facts.subject_school, facts.evidence.applicant_unit
    if school is None or not unit:
        return None
    other = facts.registry.exact(unit)
    if other is not None:
        same = other.id == school.id
    else:
        # Under the seal's ink OCR garbles the 申请单位 line: still the school's own name where the seal
        # names it too, or where the seal's arc is garbled as well and no other registered unit is as near.
        # A reading whose place was lost there (工职院 for 滨江职院) names no unit at all.
        sealed = sealed_by(facts, school)
        nearest = facts.registry.nearest(unit) == {school.id}
        same = (facts.registry.read_as(unit, school)
                or (sealed and len(distinctive(normalise_name(unit))) < PLACE_GLYPHS)
                or (_garbled(unit, school) and (sealed or (bool(facts.evidence.seals) and nearest)))
                # Under the school's own seal, nearest its name of all registered units, a reading with more
                # glyphs misread (扬州邢汕中等专亚学校 for 扬州邗江中等专业学校: changegen seed 9700000009).
                or (sealed and nearest and _garbled(unit, school, SEALED_OWN_GLYPHS)))
    return None if same else f"申请单位为“{unit}”，邮件主题为“{school.name}”"


def _garbled(unit: str, school: School, own: float = OWN_GLYPHS) -> bool:
    """The 申请单位 as OCR reads it under the seal's ink: glyphs of the school's own name, in order,
    with some dropped and at most one in four misread; no numeral added (第二… is another school) and
    nothing after the name (…招生就业处 is a department)."""
    read = normalise_name(unit)
    for name in Registry.names_of(school):
        if read.startswith(name) or _numeral_added(read, name):
            continue
        if LCSseq.similarity(read, name) >= own * len(read):
            return True
    return False


def _numeral_added(read: str, name: str) -> bool:
    """Whether `read` holds a numeral `name` lacks (第二… is another school). A run of figures standing
    where a glyph of the name was lost (203州广陵… for 扬州广陵…: the seal's ink over 扬) is OCR's, no numeral."""
    runs, glyphs = _FIGURES.findall(read), _FIGURES.sub("", read)
    if runs and len(runs) <= len(name) - LCSseq.similarity(glyphs, name):
        read = glyphs
    return bool((set(read) & NUMERALS) - set(name))


_FIGURES = re.compile(r"[0-9]+")
