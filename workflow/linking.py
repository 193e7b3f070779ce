"""Link each requested change to the school's declaration (申报编号) it adjusts (spec §2 "Linking")."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from parsers.model import ExtractedChange
from parsers.normalise import normalise_certificate
from storage.models import Application

FUZZY_SCORE = 90


@dataclass
class LinkedChange:
    change: ExtractedChange
    application: Application | None

    @property
    def certificate(self) -> str:
        return self.application.certificate if self.application else self.change.certificate


def link_changes(changes: list[ExtractedChange], declarations: list[Application],
                 offered: Collection[str] = (), registered: Collection[str] = ()) -> list[LinkedChange]:
    """Each change with the declaration it adjusts (None when none or several fit); `offered` are the
    school's 招生专业, which a new major shown only in part is completed to, unless what was read is a
    major of the registry's (`registered`, every school's 招生专业) in its own right."""
    known = {unicodedata.normalize("NFKC", major) for major in registered}
    linked = []
    for change in changes:
        application = find_declaration(change, declarations)
        linked.append(LinkedChange(_as_offered(_as_declared(change, application), offered, known), application))
    return linked


def _as_declared(change: ExtractedChange, application: Application | None) -> ExtractedChange:
    """The change with its old major as declared, where the document's cell showed only part of it:
    a printout clips a long major at its cell's edge (工业机器人技术 of 工业机器人技术应用), OCR loses a
    glyph at a rule (子商务 of 电子商务). The old value is the declaration's by definition."""
    before = change.from_value
    if change.field != "major" or application is None or not isinstance(before, str):
        return change
    declared = unicodedata.normalize("NFKC", application.major)
    return replace(change, from_value=application.major) if _clipped(before, declared) else change


def _as_offered(change: ExtractedChange, offered: Collection[str], known: set[str]) -> ExtractedChange:
    """The change with its new major as the school offers it, where the document's cell showed only part
    of it (a glyph lost at a rule: 子商务 of 电子商务). A new major the school does not offer stays as
    read when it is no clipped copy of just one it does, or when it is a major in its own right (`known`,
    NFKC): a 中职 school asking for 工业机器人技术, the 高职 name of its 工业机器人技术应用, asks for a major
    it does not offer, which is what `major_not_offered` is for."""
    after = change.to_value
    if change.field != "major" or not isinstance(after, str):
        return change
    read = unicodedata.normalize("NFKC", after)
    majors = {unicodedata.normalize("NFKC", major) for major in offered}
    if read in majors or read in known:
        return change
    whole = [major for major in majors if _clipped(read, major)]
    return replace(change, to_value=whole[0]) if len(whole) == 1 else change


def _names_major(read: str, major: str) -> bool:
    declared = unicodedata.normalize("NFKC", major)
    return read == declared or _clipped(read, declared)


CLIPPED_SHARE = 0.6  # the least share of a name's glyphs that a clipped copy of it keeps


def _clipped(read: str, name: str) -> bool:
    """`read` is a run of `name`'s glyphs, shorter than it but most of it."""
    return 2 <= len(read) < len(name) and read in name and len(read) >= CLIPPED_SHARE * len(name)


def find_declaration(change: ExtractedChange, declarations: list[Application]) -> Application | None:
    same_certificate = _same_certificate(change.certificate, declarations)
    if not same_certificate:
        return None
    level = change.from_value if change.field == "level" else change.level
    if level:
        candidates = [a for a in same_certificate if a.level == level]
        return candidates[0] if len(candidates) == 1 else _by_from_value(change, candidates)
    if len(same_certificate) == 1:
        return same_certificate[0]
    return _by_from_value(change, same_certificate)


def _same_certificate(name: str, declarations: list[Application]) -> list[Application]:
    wanted = _key(name)
    exact = [a for a in declarations if _key(a.certificate) == wanted]
    if exact or not wanted:
        return exact
    scored = {a.certificate for a in declarations if fuzz.ratio(_key(a.certificate), wanted) >= FUZZY_SCORE}
    if len(scored) != 1:  # a fuzzy match counts only when unique among the school's certificates
        return []
    (certificate,) = scored
    return [a for a in declarations if a.certificate == certificate]


def _by_from_value(change: ExtractedChange, candidates: list[Application]) -> Application | None:
    """Among several declarations, the one whose 申报人数 or 专业名称 equals the stated `from` (or whose
    专业名称 it is a clipped copy of)."""
    if change.from_value is None:
        return None
    wanted = unicodedata.normalize("NFKC", str(change.from_value)).strip()
    matching = [a for a in candidates if wanted == str(a.headcount) or _names_major(wanted, a.major)]
    return matching[0] if len(matching) == 1 else None


def _key(certificate: str) -> str:
    return normalise_certificate(certificate).casefold()  # OCR and schools vary the case of Latin letters
