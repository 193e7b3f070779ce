"""What the registry says a request can name: its certificates and majors, to read a document against.

A school can only mention the few certificates the registry holds; finding those
names in the page text (exactly, or with a glyph or two misread by OCR, across line
breaks) anchors a change where layout alone does not. The vocabulary guides the
reading and never replaces what the document states: a name it does not hold is
still read as written by the generic readers.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz.distance import Levenshtein

from parsers.normalise import compact, normalise_certificate

MIN_FUZZY_LENGTH = 4  # shorter names are matched exactly only: one wrong glyph in 3 is another word


@dataclass(frozen=True)
class Mention:
    """A known certificate named in a text: text[start:end] reads as `name` (the registry's spelling)."""

    start: int
    end: int
    name: str


@dataclass(frozen=True)
class Vocabulary:
    """Certificate names (the registry's 证书名称) and majors (专业名称, 招生专业) a request may mention."""

    certificates: tuple[str, ...] = ()
    majors: tuple[str, ...] = ()

    @cached_property
    def certificate_names(self) -> frozenset[str]:
        """The certificates normalised as a document names them (spec §2), worked out once per vocabulary."""
        return frozenset(normalise_certificate(c) for c in self.certificates if c)

    def certificate_mentions(self, text: str) -> list[Mention]:
        """Every non-overlapping place `text` names a known certificate, longest names first.

        `text` is compacted (no whitespace, NFKC). A name of n ≥ 4 glyphs may differ in
        up to n // 6 + 1 glyphs (OCR misreads, a dropped bracket); shorter names must match exactly.
        """
        taken: list[Mention] = []
        for name in sorted(self.certificate_names, key=len, reverse=True):
            for start, end in _occurrences(name, text):
                if not any(start < m.end and m.start < end for m in taken):
                    taken.append(Mention(start, end, name))
        return sorted(taken, key=lambda m: m.start)


    def certificate_named(self, text: str) -> str | None:
        """The known certificate a table cell names, as the registry spells it: the cell is the name
        up to OCR damage (see `certificate_mentions`), or its first glyphs, most of it, where OCR
        lost the end of a wrapped cell; None when no known certificate, or more than one, fits."""
        names = self.certificate_names
        if text in names:
            return text
        mentions = self.certificate_mentions(text)
        if len(mentions) == 1 and mentions[0].end - mentions[0].start >= CELL_SHARE * len(text):
            return mentions[0].name
        # A name and its level in brackets, or the official title's 职业技能等级证书, close what the cell
        # names: text run on after it (拟同意 of an opinion cell below, OCR's merge) is another cell's.
        if len(mentions) == 1 and mentions[0].start == 0 and _NAME_CLOSE.match(text, mentions[0].end):
            return mentions[0].name
        return _cut_short(text, names)

    def runs_across(self, head: str, tail: str) -> bool:
        """Whether a known name (certificate or major, compacted) starts at the end of `head` and ends
        at the start of `tail`: a line that ends early broke it there (…调整为康复 / 治疗技术；)."""
        names = self.certificate_names | {compact(m) for m in self.majors if m}
        return any(head.endswith(name[:cut]) and tail.startswith(name[cut:])
                   for name in names for cut in range(1, len(name)))

    def major_named(self, text: str) -> str | None:
        """The known major (专业名称, 招生专业) a value names, as the registry spells it: the name with a
        glyph in six misread, or its first glyphs where OCR lost the end of the cell; None when no
        known major, or more than one, fits."""
        names = set(self.majors)
        if text in names or len(text) < MIN_FUZZY_LENGTH:
            return text if text in names else None
        close = [name for name in names if Levenshtein.distance(text, name) <= len(name) // 6 + 1]
        return close[0] if len(close) == 1 else _cut_short(text, names)


def _cut_short(text: str, names: AbstractSet[str]) -> str | None:
    """The one name of `names` that `text` is the beginning of, most of it; None if not just one."""
    cut = [name for name in names if len(text) >= MIN_FUZZY_LENGTH and name.startswith(text)
           and len(text) >= CUT_SHARE * len(name)]
    return cut[0] if len(cut) == 1 else None


CELL_SHARE = 0.8  # of a cell's text that a known name must cover to be what the cell names
_NAME_CLOSE = re.compile(r"[(（\[【][初中高][级圾][)）\]】]|(?:职业技能等级)?证书")
CUT_SHARE = 0.6  # of a known name that a cell cut short must still hold


def _occurrences(name: str, text: str) -> list[tuple[int, int]]:
    """(start, end) of each exact, else close, occurrence of `name` in `text`, left to right."""
    exact, start = [], text.find(name)
    while start >= 0:
        exact.append((start, start + len(name)))
        start = text.find(name, start + len(name))
    if exact or len(name) < MIN_FUZZY_LENGTH:
        return exact
    allowed = len(name) // 6 + 1
    found: list[tuple[int, int]] = []
    position = text.find(name[0])
    while position >= 0:  # a misread first glyph is not looked for: it keeps the search cheap
        best = None
        for length in (len(name), len(name) - 1, len(name) + 1):  # the full length wins a tie
            distance = Levenshtein.distance(name, text[position : position + length], score_cutoff=allowed)
            if distance <= allowed and (best is None or distance < best[0]):
                best = (distance, length)
        if best is not None:
            found.append((position, position + best[1]))
        position = text.find(name[0], position + (best[1] if best else 1))
    return found
