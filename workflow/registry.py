"""The registry in memory for one message: schools by name and alias, and their declarations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq, Levenshtein
from sqlmodel import Session

from parsers.vocabulary import Vocabulary
from storage import repo
from storage.models import Application, School
from workflow.subject import normalise_name

HINT_SCORE = 80
# Words every unit name shares (江苏: every unit of the registry is in the province): what is left is
# what tells one unit from another.
_GENERIC = re.compile(r"江苏|中等专业学校|中等职业学校|高等职业技术学校|职业技术学校|职业技术学院|职业技术大学|高等职业学校|"
                      r"职业学院|技师学院|职业学校|技工学校|有限公司|中专|职院|学校|学院|大学|公司|[省市区县]")
PART_SHARE = 0.6  # of a registered name that a run of it must hold to name it


# The glyphs of those words: an arc read in part (等专业学校) is made of them, and names no unit.
GENERIC_GLYPHS = frozenset(re.sub(r"[^\u4e00-\u9fff]", "", _GENERIC.pattern))


def distinctive(name: str) -> str:
    """What is left of a (normalised) unit name without the words every unit shares: 泗阳 of 江苏省泗阳中等专业学校."""
    return _GENERIC.sub("", name)


@dataclass
class Registry:
    by_name: dict[str, School]  # normalised 单位名称 and 别名 → school

    @classmethod
    def load(cls, session: Session) -> Registry:
        by_name: dict[str, School] = {}
        for school in repo.schools(session):
            for name in (school.name, *school.aliases):
                by_name.setdefault(normalise_name(name), school)
        return cls(by_name)

    def exact(self, unit: str | None) -> School | None:
        return self.by_name.get(normalise_name(unit)) if unit else None

    def close_name(self, unit: str) -> str:
        """A registered name close to `unit`, as a hint for reviewers; never used as the school."""
        if not unit or not self.by_name:
            return ""
        found = process.extractOne(unit, list(self.by_name), scorer=fuzz.ratio, score_cutoff=HINT_SCORE)
        return self.by_name[found[0]].name if found else ""

    def named_in(self, text: str, *, score: int = 90) -> School | None:
        """The one school whose name or alias `text` (a seal's or a document's) names, if unambiguous:
        the name in it, the name up to OCR damage, or most of the name read alone (a seal's arc read
        in part: 江苏省泗阳中等专) with some of what sets it apart from other units' names."""
        text = normalise_name(text)
        if not text:
            return None
        if text in self.by_name:
            return self.by_name[text]
        scored = {s.id: s for name, s in self.by_name.items() if len(name) >= 4 and
                  (name in text or fuzz.ratio(name, text) >= score or _damaged_copy(text, name, len(name) // 5)
                   or _run_of(text, name))}
        return next(iter(scored.values())) if len(scored) == 1 else None

    def place_named_in(self, text: str, school: School) -> School | None:
        """The one school other than `school` whose distinctive name (its place: 泗阳 of 江苏省泗阳中等专业
        学校), two glyphs or more, stands whole in `text` (a seal's arc read with damage elsewhere:
        省泗阳中等专骤学校), and is no part of `school`'s own (常州 of 常州工程); None if none or several."""
        read = distinctive(normalise_name(text))
        own = {distinctive(name) for name in self.names_of(school)}
        found = {other.id: other for name, other in self.by_name.items()
                 if other.id != school.id and len(place := distinctive(name)) >= 2 and place in read
                 and not any(place in mine for mine in own)}
        return next(iter(found.values())) if len(found) == 1 else None

    def majors(self) -> set[str]:
        """Every registered school's 招生专业."""
        return {major for school in self.by_name.values() for major in school.majors}

    @staticmethod
    def names_of(school: School) -> set[str]:
        return {normalise_name(n) for n in (school.name, *school.aliases)}

    def read_as(self, text: str, school: School) -> bool:
        """`text` (a seal's arc or a 申请单位 line, as OCR read it) names `school` (spec §2).

        Equal to its name or an alias up to OCR damage — a glyph in five misread, dropped
        or added (a seal's arc often loses its first or last glyph), or a glyph in four
        where no other registered unit is as close — never a numeral (第一 and 第二 are two
        schools); or most of it read alone, its place among it (an arc read in part: 宜兴高等职业技).
        The name followed by more (教务处, 招生就业处…) names a department.
        """
        read = normalise_name(text)
        own = self.names_of(school)
        if any(_damaged_copy(read, name, len(name) // 5) or _run_of(read, name) for name in own):
            return True
        close = {self.by_name[name].id for name in self.by_name if _damaged_copy(read, name, len(name) // 4)}
        return close == {school.id}

    def nearest(self, text: str) -> set[int]:
        """Ids of the schools whose name or alias shares the most glyphs, in order, with `text` (the
        longest common subsequence): more than one when names tie, none in an empty registry."""
        read = normalise_name(text)
        scores = {name: LCSseq.similarity(read, name) for name in self.by_name}
        best = max(scores.values(), default=0)
        return {self.by_name[name].id for name, score in scores.items() if score == best and best > 0}

    @staticmethod
    def vocabulary(session: Session) -> Vocabulary:
        """The certificates and majors of the whole registry: the few values a document can name."""
        certificates, majors = repo.declared_names(session)
        return Vocabulary(tuple(certificates), tuple(majors))

    @staticmethod
    def declarations(session: Session, school: School | None) -> list[Application]:
        return list(repo.applications_of(session, school_id=school.id)) if school and school.id else []


NUMERALS = set("0123456789一二三四五六七八九十〇零")


def _damaged_copy(read: str, name: str, edits: int) -> bool:
    """`read` is `name` with at most `edits` (at least one) glyphs changed, none of them a numeral of
    the name (第一 read as 第二 is another school) and no numeral added within it; OCR may misread
    another glyph as one (扬州广陵 as 扬州二陵). Some of what sets the name apart (its place) is kept."""
    if read == name:
        return True
    if len(name) < 4 or read.startswith(name):
        return False
    ops = Levenshtein.editops(name, read)
    if len(ops) > max(1, edits):
        return False
    if not set(distinctive(read)) & set(distinctive(name)):  # 宜兴 read as 镇江: another school's, no damage
        return False
    changed = {name[op.src_pos] for op in ops if op.tag != "insert"}
    # A glyph added before or after the whole name is OCR's stray mark (a rule read as 一), no other school's.
    changed |= {read[op.dest_pos] for op in ops if op.tag == "insert" and 0 < op.dest_pos < len(read) - 1}
    return not changed & NUMERALS


def _run_of(text: str, name: str) -> bool:
    return len(text) >= PART_SHARE * len(name) and text in name and bool(distinctive(text))
