"""Reading the subject line: reply/forward prefixes, the strict format and the tolerant unit (spec §2)."""

from __future__ import annotations

import re
import unicodedata

_PREFIX = re.compile(r"(?:re|fwd?|回复|答复|转发)\s*[:：]", re.IGNORECASE)
# Brackets and quotes round a name, and the specks OCR reads as stops between its glyphs (之职.院): no unit's name holds them.
_UNIT_NOISE = re.compile(r"[\s【】\[\]「」“”.·•。,，、]")
_YEAR = re.compile(r"20\d\d")


def strip_prefixes(subject: str) -> str:
    """Remove leading Re/Fw/Fwd/回复/答复/转发 markers, however many, with the spaces around them."""
    rest = subject.strip()
    while match := _PREFIX.match(rest):
        rest = rest[match.end():].strip()
    return rest


def matches_format(rest: str, year: int) -> bool:
    """The strict form `单位名称+{year}年证书申报调整申请`, the unit without outer whitespace."""
    match = re.fullmatch(rf"(.+?)[+＋]?{year}年证书申报调整申请", rest, flags=re.DOTALL)
    return bool(match) and match.group(1) == match.group(1).strip()


def subject_unit(rest: str) -> str:
    """The unit named by a subject, read tolerantly so a malformed subject still finds its school."""
    cut = re.search(r"[+＋]", rest) or _YEAR.search(rest)
    if cut is None:
        return ""
    return normalise_name(rest[: cut.start()])


def normalise_name(name: str) -> str:
    return unicodedata.normalize("NFKC", _UNIT_NOISE.sub("", name))
