"""Finding the two approval labels (…部门意见, …领导意见) in OCR lines that may be noisy or broken up.

OCR splits a label across boxes (a table rule read as "|", a label wrapped in a
narrow cell, two boxes on one row) and misreads single glyphs (意见 as 意刚, 领导 as
久导). Lines are first cut at table rules into cells; a label is then matched
fuzzily against known wordings, at the start of a cell, alone or joined with the
cell to its right or below. The letter body's "经…部门和…领导同意" never matches: a
label span must not contain 同意 and must not run on into a sentence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from parsers.model import Box, Role, TextLine
from parsers.normalise import glyph_edges

TEMPLATES: dict[Role, tuple[str, ...]] = {
    "department": (
        "证书试点管理部门意见",
        "学校证书管理部门意见",
        "证书管理部门意见",
        "试点管理部门意见",
        "试点负责部门意见",  # 试点工作负责部门意见
        "试点工作办公室意见",  # 1+X证书试点工作办公室意见: the office that runs the pilot
        "教务处意见",
        "教务部门意见",
        "主管部门意见",
        "部门负责人意见",
    ),
    "leader": ("校级分管领导意见", "分管校领导意见", "学校领导意见", "校领导意见", "分管领导意见", "校长意见",
               "学校意见", "校领导审批", "学校审批意见", "领导意见",
               "院长审批", "院领导审批",  # a 学院's leaders: 主管院长审批, 分管院领导审批
               "校领导签批", "领导签批",  # 签批: the leader's sign-off
               "分管副校长意见", "分管副院长意见", "院领导意见"),
}
MIN_SCORE = 62  # fuzz.ratio of a label as read against its nearest wording
MAX_LEAD = 3  # stray glyphs (a rule, a bullet, 一、) allowed before a label
MAX_LABEL_LINES = 3  # a label wraps over at most three lines of a narrow cell
_RULE = re.compile(r"[|｜丨]")
_JOINER = re.compile(r"[和及与，,。；;]")  # sentence glue never found inside a label


@dataclass
class Label:
    role: Role
    lines: list[TextLine]  # the cells the label was read from
    rest: str  # what follows the label in its last cell
    score: float

    @property
    def box(self) -> Box:
        return union(*(ln.box for ln in self.lines))


def clean(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def union(*boxes: Box) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def glyph_span(line: TextLine, start: int, end: int) -> TextLine:
    """The glyphs start:end of the line's cleaned text, as a line boxed at the line's own glyph pitch."""
    text = clean(line.text)
    edges = glyph_edges(text, line.box[0], line.box[2])
    return TextLine(text[start:end], (edges[start], line.box[1], edges[end], line.box[3]), line.confidence)


def cells(lines: list[TextLine]) -> list[TextLine]:
    """Lines cut at table rules read as "|", and where a second role's label begins after a first's
    (two column headers OCR read as one box), each piece with its share of the line's box."""
    out = []
    for line in lines:
        start = 0
        for part in _RULE.split(clean(line.text)):
            for piece in _two_labels(part):
                out.append(glyph_span(line, start, start + len(piece)))
                start += len(piece)
            start += 1
    return [line for line in out if line.text]


# The head of each wording (its words before 意见/审批/签批): what opens a label.
_HEADS: dict[Role, tuple[str, ...]] = {
    role: tuple(sorted({re.sub("(?:意见|[审签]批)$", "", t) for t in wordings}))
    for role, wordings in TEMPLATES.items()
}


def _two_labels(text: str) -> list[str]:
    """`text` cut where one role's label begins right after the other's ends (证书试点管理部门负责大分管校领导:
    the column headers 证书试点管理部门负责人 and 分管校领导 run together), at the first place it can be,
    else `text` whole. What opens a label of the second role is no label of its own before it: 学校 of
    学校证书试点管理部门意见 is one department's label, not 学校意见's head."""
    for at in range(1, len(text)):
        for role, other in (("leader", "department"), ("department", "leader")):
            if (any(text.startswith(head, at) for head in _HEADS[role])
                    and not any(head.startswith(text[:at]) for head in _HEADS[role])
                    and _match(text[:at], other) and _match(text[at:], role)):
                return [text[:at], text[at:]]
    return [text]


def find_labels(lines: list[TextLine]) -> dict[Role, Label]:
    """The best label of each role; one cell serves one role only, the better-matching one."""
    return {role: choices[0] for role, choices in label_choices(lines).items()}


def label_choices(lines: list[TextLine]) -> dict[Role, list[Label]]:
    """The labels of each role, best first, none sharing a cell with the other role's best: the next
    is read where the best heads no block (a page's title, 学校审批意见, over the blocks themselves)."""
    found = sorted(_candidates(lines), key=lambda lb: -lb.score)
    chosen: dict[Role, list[Label]] = {}
    used: set[int] = set()
    for label in found:
        ids = {id(ln) for ln in label.lines}
        if label.role not in chosen and not ids & used:
            chosen[label.role] = [label]
            used |= ids
    for label in found:
        best = chosen.get(label.role)
        if best and label not in best and not {id(ln) for ln in label.lines} & used:
            best.append(label)
    return chosen


def _candidates(lines: list[TextLine]) -> list[Label]:
    out = []
    for line in lines:
        for group in _chains(line, lines):
            text = "".join(ln.text for ln in group)
            for role in TEMPLATES:
                match = _match(text, role)
                # a joined group must need its last cell and begin in its first one
                if match and match[2] > len("".join(ln.text for ln in group[:-1])) and match[1] < len(line.text):
                    out.append(Label(role, group, _LABEL_TAIL.sub("", text[match[2] :]), match[0]))
    return out


def _chains(line: TextLine, lines: list[TextLine]) -> list[list[TextLine]]:
    """`line` alone and joined with up to two cells that continue it (a label wrapped over three lines)."""
    chains = [[line]]
    for _ in range(MAX_LABEL_LINES - 1):
        chains += [
            [*chain, other]
            for chain in chains
            if len(chain) == len(chains[-1])
            for other in lines
            if other not in chain and _continues(chain[-1], other)
        ]
    return chains


LABEL_LINE_SPREAD = 1.4  # the tallest a label's wrapped line may stand, in the height of its first


def _continues(first: TextLine, other: TextLine) -> bool:
    """`other` holds the rest of a label begun in `first`: just right of it on its row, or below it,
    lined up on the left or centred under it (a label centred in a narrow form cell)."""
    h = first.box[3] - first.box[1]
    oh = other.box[3] - other.box[1]
    if oh > LABEL_LINE_SPREAD * h:
        return False  # a label wraps in its own print; a taller line below is an opinion by hand (同意)
    same_row = abs((first.box[1] + first.box[3]) / 2 - (other.box[1] + other.box[3]) / 2) < 0.5 * min(h, oh)
    if same_row:
        return 0 <= other.box[0] - first.box[2] < 2 * h
    gap = other.box[1] - first.box[3]
    left_aligned = abs(other.box[0] - first.box[0]) < 1.5 * h
    centred = abs((other.box[0] + other.box[2]) / 2 - (first.box[0] + first.box[2]) / 2) < 1.5 * h
    # Wrapping fills a line before it starts the next: a line wider than the one above by more than a
    # glyph is no rest of it (a table cell's last line above a form's label row, centred over it).
    narrower = other.box[2] - other.box[0] <= first.box[2] - first.box[0] + h
    return -0.3 * h < gap < 1.2 * h and (left_aligned or centred) and narrower


# What a fuzzy match left of the label's own last glyphs (部门(教…意 | 见) is no opinion.
_LABEL_TAIL = re.compile(r"^[意见]+")
ASIDE = re.compile(r"\([^()]{1,12}\)")  # 证书试点管理部门（教务处）意见, 教务处（1+X试点管理部门）意见: a unit named in brackets


def _match(text: str, role: Role) -> tuple[float, int, int] | None:
    """(score, start, end of the label in `text`) for the best wording of `role` at the start of `text`;
    a short bracketed aside inside the label is read past."""
    kept = [i for i in range(len(text)) if not any(a.start() <= i < a.end() for a in ASIDE.finditer(text))]
    if len(kept) == len(text):
        return _match_plain(text, role)
    found = _match_plain("".join(text[i] for i in kept), role)
    if found is None:
        return None
    score, start, end = found
    return score, kept[start], kept[end - 1] + 1


def _match_plain(text: str, role: Role) -> tuple[float, int, int] | None:
    best: tuple[float, int, int] | None = None
    for template in TEMPLATES[role]:
        n = len(template)
        for start in range(min(MAX_LEAD, len(text)) + 1):
            for length in range(max(2, n - 3), n + 2):
                span = text[start : start + length]
                if template.endswith("签批") and "批" not in span:
                    continue  # 领导签字 is a sign line, however like 领导签批 it reads
                score = fuzz.ratio(template, span)
                if score >= MIN_SCORE and (best is None or score > best[0]) and _plausible(text, start, span):
                    best = (score, start, start + len(span))
    return best


def _plausible(text: str, start: int, span: str) -> bool:
    """Not the body's "经…部门和…领导同意，": a label ends in 意见, 审批, 签批 or 审核 (or its cell ends, or its opinion
    follows it), holds no 和/同意."""
    after = text[start + len(span) :]
    # Stray glyphs before a label are a rule or a numbering, never a sentence's 和 (部门和校级分管领导研究同意).
    if _JOINER.search(text[: start + len(span)]) or "同意" in text[start : start + len(span) + 1] or "经" in text[: start + 1]:
        return False
    return bool(re.search("[意见]|[审签]批|审核", span[-3:])) or not after or bool(_OPINION_AFTER.match(after))


# A label without 意见 may run straight on into its opinion: 证书试点管理部门 已阅，同意.
_OPINION_AFTER = re.compile(r"^[:：]?[□口☐☑✓✔√]?(?:已阅|同意|不同意|原则同意|情况属实|通过|不通过)")  # or a ticked box's
