"""The two approval blocks: the certificate department's and the school leader's opinion and signature.

A block is found by its printed label (…意见, matched fuzzily, however wrapped: see
approval_labels), never by the letter body's "经…同意". On a ruled form the block is
the label's cell, or the rest of its row when the label has a narrow cell of its
own (see rulings); unruled, it runs from the label to the next one. Its opinion is
the text after the label, else the first line of the block; it is affirmative when
it says 同意 (or, misread, begins with 同) and has no 不. It is signed when
handwritten or pasted ink, or a personal name stamp (名章), stands right of or below
its 签字/签名 label (see signature): a typed name, a date or an empty field is not a
signature.
"""

from __future__ import annotations

import math
import re
import statistics

import cv2
import numpy as np
from PIL import Image

from parsers.approval_labels import ASIDE, Label, cells, clean, glyph_span, label_choices, union
from parsers.checkboxes import OPTION, marked_option
from parsers.model import ApprovalEvidence, Box, Crop, Role, TextLine
from parsers.normalise import DATE, WHOLE_DATE, glyph_edges, glyph_widths
from parsers.paper import paper_box
from parsers.rulings import Rulings, find_rulings, straight_runs
from parsers.seal import StripReader, ink_strength, red_mask
from parsers.signature import (
    INK,
    PRINT_LINE,
    Glyphs,
    bgr_crop,
    has_ink,
    has_name_stamp,
    is_hand_on_fax_seal,
    is_handwritten,
    is_other_ink,
    overlaps_any,
    printed_glyphs,
)
from parsers.table_rows import without_watermark

# The field a signature goes in: 签字/签名/签章, or 负责人： opening a line or a sentence after the opinion
# (同意上报。负责人：余; its name is the signature).
# A line ending in 签 lost the rest of its label to OCR (字： under a seal): still the 签字 line.
SIGN = re.compile(r"签\s*[字名章]|签\s*[:：]|签$|(?:^|(?<=[。.；;]))(?:部门|分管)?(?:负责人|领导)\s*[:：]")
NEGATIVE = re.compile(r"不|否|拒")
PUNCT = re.compile(r"^[）)：:|。.，,、\s_\-一]+")  # what may follow a label before its text
PRINTED_HEIGHT = 1.2  # a printed line is at most this many print heights tall; neat writing is taller
MIN_PRINTED_CONF = 0.75


def find_approvals(
    lines: list[TextLine],
    image: Image.Image | None,
    *,
    document: str,
    page: int,
    seals: list[Box] | None = None,
    grey_seals: list[Box] | None = None,
    reader: StripReader | None = None,
    typeset: bool = False,
) -> dict[Role, ApprovalEvidence]:
    """The approval blocks found on one page, by role.

    `seals` are the official seals found on the page (their red ink is no name stamp);
    `grey_seals` the grey seal discs among them, to look under for pen ink. `reader` reads one
    BGR strip (the OCR engine's `read_strip`): an opinion stamped in red (a framed 同意 审批章),
    which the page's OCR never sees, since red ink is removed before it. On a `typeset` page
    (`Page.typeset`) the lines are the page's whole print, and other ink in a signature field was put there.
    """
    parts = cells(lines)
    choices = label_choices(parts)
    if not choices:
        return {}
    labels = {role: ranked[0] for role, ranked in choices.items()}
    h = _print_height(parts)
    rulings = find_rulings(image).uncrossed(parts, h) if image is not None else None
    size = image.size if image is not None else (0, 0)
    sheet = paper_box(image, [ln.box for ln in parts]) if image is not None else None
    found: dict[Role, ApprovalEvidence] = {}
    for role, label in labels.items():
        others = [o for o in labels.values() if o is not label]
        for choice in choices[role][:LABEL_TRIES]:  # the best label first; the next where the best heads no opinion
            area = _block_area(choice, others, h, size, rulings, parts)
            if sheet is not None:  # a photo's desk past the paper's edge is no part of the block
                area = (max(area[0], sheet[0]), max(area[1], sheet[1]), min(area[2], sheet[2] - 0.3 * h),
                        min(area[3], sheet[3]))
            block = [_clipped(ln, area, h) for ln in parts if ln not in choice.lines and _within(ln.box, area)]
            evidence = _read_block(
                role, choice, block, parts, area, h, image, (seals or [], grey_seals or []), rulings, reader,
                document, page, typeset,
            )
            found.setdefault(role, evidence)
            if evidence.opinion and not found[role].opinion:
                found[role] = evidence
            if _OPINION_WORD.search(clean(evidence.opinion)):
                found[role] = evidence
                break
    return found


# Labels of one role read in turn until one heads an opinion in words of agreement or refusal: what a
# 分管校领导（签字）： line heads is its name (阳雷), and the 分管副院长意见 above it heads the opinion.
LABEL_TRIES = 3


def _block_area(label: Label, others: list[Label], h: float, size: tuple[int, int], rulings: Rulings | None,
                lines: list[TextLine]) -> Box:
    """Where an approval block's opinion and signature stand.

    On a ruled form: the rest of the label's row when the label sits in a narrow cell
    of its own (opinion at the top of the cell beside it, 签字 at its bottom), else the
    label's own cell: one that holds an opinion or a 签字 label under the label is the block, however
    wide the cell beside it (单位（盖章）). Unruled: from the label down to the next label, at most six lines.
    """
    x0, y0, x1, y1 = label.box
    below = [o.box[1] for o in others if o.box[1] > y1]
    # The next approver's label on the same row (opinion boxes side by side with no rule between).
    # OCR's padded boxes of two labels set close may overlap a little.
    after = [o.box[0] - 0.5 * h for o in others if o.box[0] >= x1 - h and o.box[1] < y1 and o.box[3] > y0]
    before = [o.box[2] + 0.5 * h for o in others if o.box[2] <= x0 + h and o.box[1] < y1 and o.box[3] > y0]
    cell = rulings.cell_at((x0 + x1) / 2, (y0 + y1) / 2) if rulings else None
    if rulings and cell:
        # Stop short of the cell's right rule: a photo's paper edge passes for one, and past it is the desk.
        inset = 0.5 * h
        right = rulings.row_right(cell)
        # Approval cells side by side in one ruled row (label | opinion | label | opinion): the block
        # beside this label ends where the next label's cell begins.
        nexts = [rulings.cell_at((o.box[0] + o.box[2]) / 2, (o.box[1] + o.box[3]) / 2) for o in others
                 if o.box[0] >= cell[2] and o.box[1] < cell[3] and o.box[3] > cell[1]]
        right = min([c[0] for c in nexts if c is not None and c[0] > cell[2]], default=right)
        # An opinion or a 签字 label, that is: the rest of a label wrapped in its narrow cell (审核意见) is none.
        written_under = any(ln not in label.lines and _inside(ln.box, cell) and ln.box[1] >= y1 - 0.2 * h
                            and (_OPINION_WORD.search(clean(ln.text)) or SIGN.search(clean(ln.text))) for ln in lines)
        if (right is not None and right - cell[2] > cell[2] - cell[0] and not written_under
                and not any(_inside(o.box, (cell[2], cell[1], right, cell[3])) for o in others)):
            return (cell[2], cell[1], right - inset, cell[3])  # beside: not the next approver's box
        if cell[3] - y1 >= 1.5 * h:  # the next block may share the cell (a letter inside a frame)
            return (max([cell[0], *before]), y0 - 0.5 * h, min([cell[2] - inset, *after]), min([cell[3], *below]))
        column = _column_below(rulings, cell, others, h)
        if column is not None:
            return column
    right_edge = float(size[0]) * 0.97 if size[0] else max(x1, x0 + 40 * h)
    # A label in no cell (a sheet's title, 学校审批意见) heads no ruled table under it: the table's top rule
    # ends its block, and the cells below are the labels' inside them.
    table_top = min((rule.at for rule in (rulings.horizontal if rulings and not cell else [])
                     if rule.at > y1 and rule.start <= x0 and rule.end >= x1), default=float("inf"))
    # Down to the next label, which may stand well apart (a sheet of the two approvals alone); the last
    # block ends six lines down, before the letter's 申请单位 and date, unless its 签字 line stands
    # further down (blocks side by side at a letter's foot, spaced out to fill it).
    area = (x0, y0 - 0.5 * h, min([right_edge, *after]),
            min([y1 + (BLOCK_BEFORE_NEXT if below else BLOCK_LINES) * h, *below, table_top]))
    if below:
        return area
    signs = [ln.box for ln in lines if SIGN.search(clean(ln.text)) and not _FORM_FILLER.match(clean(ln.text))
             and area[0] - h <= ln.box[0] < area[2] and y1 < ln.box[1] < y1 + BLOCK_BEFORE_NEXT * h]
    if signs and not any((box[1] + box[3]) / 2 < area[3] for box in signs):  # none read as the block's
        return (*area[:3], min(min(box[3] for box in signs) + h, table_top))
    return area


BLOCK_LINES, BLOCK_BEFORE_NEXT = 6, 10  # print lines an unruled block runs down: the last, one before another
_FORM_FILLER = re.compile(r"(?:经办|填表|填报|制表|联系)")  # who filled the form in signs no approval


def _column_below(rulings: Rulings, cell: Box, others: list[Label], h: float) -> Box | None:
    """The cells under a column header, when the label heads a column of a signature table
    (经办人 | 部门负责人 | 分管校领导 over rows 意见 / 签字 / 日期): a header cell with cells beside it
    in its row and, under it, cells of its own width that hold no other label."""
    cy = (cell[1] + cell[3]) / 2
    beside = rulings.cell_at(cell[0] - h, cy) or rulings.cell_at(cell[2] + h, cy)
    bottom = cell[3]
    while (under := _cell_under(rulings, cell, bottom + 0.5 * h)) is not None:
        if any(_inside(o.box, under) for o in others):
            break
        bottom = under[3]
    if beside is None or bottom <= cell[3]:
        return None
    return (cell[0], cell[3], cell[2], bottom)


def _cell_under(rulings: Rulings, column: Box, y: float) -> Box | None:
    """The column's cell at height y: the cell by one of the column's walls that keeps to the column.
    A 名章's frame in a cell reads as rules of its own, so the cell is looked for beside either wall;
    a cell wider than the column is another table's row."""
    slack = rulings.slack
    for x in ((column[0] + column[2]) / 2, column[0] + 2 * slack, column[2] - 2 * slack):
        cell = rulings.cell_at(x, y)
        if (cell is not None and column[0] - slack <= cell[0] and cell[2] <= column[2] + slack
                and (abs(cell[0] - column[0]) <= slack or abs(cell[2] - column[2]) <= slack)):
            return cell
    return None


def _middle(line: TextLine) -> float:
    return (line.box[0] + line.box[2]) / 2


def _on_row_of(line: TextLine | None, label: Label, h: float) -> bool:
    """Whether `line` stands on the row of the label's last line (within half a print height)."""
    last = label.lines[-1].box
    return line is not None and abs((line.box[1] + line.box[3]) / 2 - (last[1] + last[3]) / 2) < 0.5 * h


def _inside(box: Box, area: Box) -> bool:
    """The box's middle lies in the area."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return area[0] <= cx <= area[2] and area[1] <= cy <= area[3]


def _within(box: Box, area: Box) -> bool:
    """The box's middle row lies in the area and the box reaches into it from either side."""
    cy = (box[1] + box[3]) / 2
    return area[1] <= cy < area[3] and box[2] > area[0] and box[0] < area[2]


def _clipped(line: TextLine, area: Box, h: float) -> TextLine:
    """The part of a line inside the block's columns, where OCR ran it on into the block beside it (the
    two opinions of side-by-side blocks read as one line: 不同意（人数超出）。同意), cut at its glyphs' pitch;
    the line as it is when it overshoots by less than CLIP_PAST print lines `h`, or when it is the block's
    one 签字 line: the name after the label is the block's, however far right it is written (负责人（签字）：
    谢宏伟 under labels that run together, 证书试点管理部门意见校级分管领导意见：), or when it is a date."""
    text = clean(line.text)
    if not text or (line.box[0] >= area[0] - CLIP_PAST * h and line.box[2] <= area[2] + CLIP_PAST * h):
        return line
    if WHOLE_DATE.match(text):
        return line  # a date is written whole, in one block: cut, 2024-03-19 would be 2024-03, no date
    edges = glyph_edges(text, line.box[0], line.box[2])
    signs = list(SIGN.finditer(text))
    if len(signs) == 1 and area[0] <= edges[signs[0].start()] < area[2]:
        return line
    kept = [i for i in range(len(text)) if area[0] <= (edges[i] + edges[i + 1]) / 2 <= area[2]]
    if not kept or len(kept) == len(text):
        return line
    return glyph_span(line, kept[0], kept[-1] + 1)


CLIP_PAST = 1.5


def _print_height(lines: list[TextLine]) -> float:
    """Height of a printed line on this page: the median of the confidently read lines (a watermark's
    words, as tall as several lines, are none)."""
    lines = without_watermark(lines) or lines
    heights = [ln.box[3] - ln.box[1] for ln in lines if ln.confidence >= 0.6 and len(ln.text) >= 4]
    heights = heights or [ln.box[3] - ln.box[1] for ln in lines]
    return float(statistics.median(heights))


def _read_block(
    role: Role,
    label: Label,
    block: list[TextLine],
    lines: list[TextLine],
    area: Box,
    h: float,
    image: Image.Image | None,
    seals: tuple[list[Box], list[Box]],
    rulings: Rulings | None,
    reader: StripReader | None,
    document: str,
    page: int,
    typeset: bool = False,
) -> ApprovalEvidence:
    official, grey = seals
    opinion, opinion_line = _opinion(label, block, area, h, lines)
    choice = marked_option(image, _option_rows(opinion_line or label.lines[-1], lines, block, area, label), h)
    if choice is not None:  # □同意 □不同意: the row's text names both, the pen mark chooses
        opinion = choice
    sign_line = (next((ln for ln in sorted(block, key=lambda ln: ln.box[1]) if SIGN.search(ln.text)), None)
                 or _sign_label_after(label))
    if image is not None and reader is not None and not _OPINION_WORD.search(opinion):
        unread = (stamped_opinion(image, area, official, h, reader)
                  or opinion_under_seal(image, area, label, sign_line, official, h, reader))
        if unread is not None:
            opinion, opinion_line = unread.text, unread
    signed, region = False, None
    if image is not None:
        label_print = _label_glyphs(label, sign_line, h)
        ref = printed_glyphs(image, label_print, h, seals=grey)
        row = _signature_row(lines, area, h, rulings) if sign_line is None else None
        region = row or _signature_region(label, sign_line, lines, area, h, image, ref)
        # A name in the field is left to the ink test, typed or not: OCR reads a neat hand as
        # confidently as print, and only the ink tells them apart.
        # The label is print however large its type: a bold title line whose foot reaches the field
        # is no pen, and its dense glyphs no solid stamp.
        title = [ln.box for ln in label.lines if not SIGN.search(ln.text)]
        # A date's box is written, not print, however it reads: only its print is (see `_date_print`).
        dated = [ln for ln in block if WHOLE_DATE.match(clean(ln.text))]
        erase = title + [ln.box for ln in lines if _printed(ln, h) and not SIGN.search(ln.text)
                         and not _name_in(ln, region) and ln not in dated]
        # A 名章 stands two or three lines tall, centred on the 签字 line: look a line higher for it, up
        # past the block's top when 签字 stands on the label's own row (a letter's one-line block).
        top = area[1] - STAMP_OVER_TOP * h if _on_row_of(sign_line, label, h) else area[1]
        stamp_area = (region[0], max(top, region[1] - h), region[2], region[3])
        # Writing that is no name, however it is written: the opinion (a handwritten 同意, on the label's
        # line or under it) and a date.
        dates = [_date_print(image, ln, h, ref) for ln in dated] + _dates_in(image, sign_line, region[0], h, ref)
        above = title + ([] if opinion_line is None else [opinion_line.box])
        # A name OCR read is told from print by its ink against the print nearest it in kind: the 签字 label's
        # own glyphs before it, where that line has them. A label set bold prints darker than any thin face.
        beside = (_sign_label_print(sign_line, region) if sign_line not in label.lines else None) or label_print
        # A typeset page's print is all in its text layer, a typed name too: ink beside it was pasted on.
        signed = ((typeset and has_ink(image, region, ref, [ln.box for ln in lines], official + grey, h))
                  or is_handwritten(image, region, ref, erase, grey, h, written=dates, hanging=above, stamps=official)
                  or has_name_stamp(image, stamp_area, official, h, written=dates + above,
                                    sign_line=None if sign_line is None else sign_line.box)
                  or any(is_other_ink(image, box, beside, grey) or is_hand_on_fax_seal(image, box, ref, grey, h)
                         for box in _names(block, sign_line, region)))
    signed = signed or _signed_before_print(sign_line) or (sign_line is None and _named_after_opinion(opinion_line, h))
    crops = [] if image is None else [_crop(image, union(label.box, region or label.box), document, page)]
    return ApprovalEvidence(
        role=role, found=True, opinion=opinion, affirmative=affirmative(opinion), signed=signed, crops=crops
    )


STAMP_OVER_TOP = 0.5  # print heights a 名章 may stand above its block's top, centred on a 签字 on the label's row


def _option_rows(anchor: TextLine, lines: list[TextLine], block: list[TextLine], area: Box,
                 label: Label) -> list[list[TextLine]]:
    """The rows of a block that offer its options: the opinion's row (□同意 □不同意 beside the label or
    under it, the page's lines on the anchor's row within the block's columns, left to right), else that
    row and the block's lines under it that open with an option (☑同意 / □不同意, one per line)."""
    top, bottom = anchor.box[1], anchor.box[3]
    left = min(label.box[0], area[0])
    row = sorted((ln for ln in lines if top <= (ln.box[1] + ln.box[3]) / 2 <= bottom and left <= _middle(ln) <= area[2]),
                 key=lambda ln: ln.box[0])
    offered = len(OPTION.findall("".join(clean(ln.text) for ln in row)))
    if offered >= 2:
        return [row]
    stacked = [[ln] for ln in sorted(block, key=lambda ln: ln.box[1])
               if ln.box[1] >= top and ln not in row and _OPENS_WITH_OPTION.match(clean(ln.text))]
    return [row, *stacked] if offered else stacked


_OPENS_WITH_OPTION = re.compile(rf"[□口☐☑✓✔√☒⊠✗✘]?(?:{OPTION.pattern})")


def affirmative(opinion: str) -> bool:
    """同意… and not 不同意; an opinion misread after its first glyph still begins with 同, a
    handwritten 同 OCR reads as a glyph of its shape (回意, 司意) still stands before 意, as does 拟 or
    原则 when OCR lost the 同 after it (原则意), and one lost under a seal leaves 意调整 / 意上报 /
    意按…, which only agreement is followed by (as is 同 with its 意 misread: 同逢调整); a short
    opinion ending in 同 (拟同) lost its 意 under a stamp. A form's 审核结果 is (审核)通过 or 不通过."""
    head = opinion[:6]
    if NEGATIVE.search(head):
        return False
    agreed = _AGREED.search(opinion)
    return ("同意" in opinion or head.startswith(("同", "通过", "审核通过")) or bool(_TONG_YI.match(head)) or bool(_TONG_YI_AFTER.search(opinion))
            or (agreed is not None and not NEGATIVE.search(opinion[: agreed.start()]))
            or (len(opinion) <= 6 and opinion.rstrip("。.，,").endswith("同")))  # 拟同: its 意 under a stamp


_AGREED = re.compile(r"(?:意|同.)(?:调整|上报|申报|按)")  # 意 left of 同意 under a seal, or 同 and 意 misread


_LIKE_TONG = "[回司问向冋间洞]"  # shapes OCR gives a handwritten 同 (洞: the comma before it taken for 氵)
_TONG_YI = re.compile(rf"^(?:(?:拟|原则)?{_LIKE_TONG}|拟|原则)意")  # 拟问意 is 拟同意; 原则意 lost its 同
_TONG_YI_AFTER = re.compile(rf"(?:[，,；;]|属实)(?:拟|原则)?{_LIKE_TONG}意")  # 情况属实洞意: 情况属实，同意


def _opinion(label: Label, block: list[TextLine], area: Box, h: float,
             lines: list[TextLine]) -> tuple[str, TextLine | None]:
    """The opinion and the line it stands on of its own (None when it is the label's own rest): the
    label's rest, else the first line of words beside or below it, one that says 同意 or the like
    first: a seal's lettering read as a tall box of junk (业子) comes earlier in the block. A rest
    that says no such word (党校, the label's 见 and the next label's 级 misread) gives way to a line that does."""
    rest = SIGN.split(PUNCT.sub("", ASIDE.sub("", label.rest)))[0]  # 学校意见（分管校领导）：同意
    if _OPINION_WORD.search(rest):
        return rest, None
    left = min(label.box[0], area[0])
    # A column's title is centred over the opinion under it, which may be the wider of the two.
    beside = sorted((ln for ln in block if ln.box[0] >= left or label.box[0] <= _middle(ln) <= label.box[2]),
                    key=lambda ln: (ln.box[1] > label.box[3], ln.box[1], ln.box[0]))
    # An opinion is written in words: a seal's star or a scribble OCR read as ★ or "ll" is none.
    # An opinion and the 签字 label may share a line (拟同意。签名：戴明翔): the opinion is what precedes the label.
    words = [(PUNCT.sub("", clean(ln.text)), ln) for ln in map(_before_sign_label, beside)]
    words = [(t, ln) for t, ln in words
             if _WORDS.search(t) and not SIGN.search(t) and not DATE.search(t) and not WHOLE_DATE.match(t)]
    # A 签字 label in the block, or heading its row of a signature table left of it.
    sign_rows = [ln.box for ln in lines if SIGN.search(clean(ln.text))]
    words = [_run_on(t, ln, words, sign_rows) for t, ln in words]
    agreed = next(((t, ln) for t, ln in words if _OPINION_WORD.search(t)), None)
    if agreed is not None or rest:
        return agreed or (rest, None)
    # A handwritten 同意 may stand twice as tall as print; other tall boxes are a seal's lettering.
    return next(((t, ln) for t, ln in words if ln.box[3] - ln.box[1] <= 2 * h), ("", None))


def _before_sign_label(line: TextLine) -> TextLine:
    """The part of a line before its 签字 label, when that is an opinion (同意。签名：…), boxed at its own
    glyphs' pitch; else the line."""
    text = clean(line.text)
    sign = SIGN.search(text)
    if sign is None or not _OPINION_WORD.search(text[: sign.start()]):
        return line
    return glyph_span(line, 0, sign.start())


def _run_on(text: str, line: TextLine, words: list[tuple[str, TextLine]],
            sign_rows: list[Box]) -> tuple[str, TextLine]:
    """An opinion line with the lines that carry it on right under it (a large hand writes 已阅， / 同意。
    or 拟同 / 意。 over two lines): while the sentence is unfinished (no 。 ends it), the line as tall
    that starts within half a line's height below the last, about where it starts or left of it, back at
    the margin (a name signed under an opinion stands further right), and not on a 签字 label's row
    past its start (`sign_rows`: that is the signature); at most OPINION_LINES lines. A line that says 同意 and ends
    without a mark carrying it on is a whole opinion: a name written under it is its signature (同意 /
    梁鹏, 同意上报 / 梁鹏), however close to the margin."""
    taken = [line]
    for _ in range(OPINION_LINES - 1):
        if clean(text).endswith(("。", ".")) or _WHOLE_AGREEMENT.search(clean(text)):
            break
        x0, _top, _x1, bottom = line.box
        height = line.box[3] - line.box[1]
        below = [(t, ln) for t, ln in words if all(ln is not other for other in taken)
                 and bottom - 0.3 * height <= ln.box[1] <= bottom + 0.5 * height
                 and -WRAP_BACK * height <= ln.box[0] - x0 <= WRAP_SHIFT * height
                 and ln.box[3] - ln.box[1] >= WRAP_HEIGHT * height
                 and not any(row[1] <= (ln.box[1] + ln.box[3]) / 2 <= row[3] and ln.box[2] > row[0] for row in sign_rows)]
        if not below:
            break
        more, next_line = min(below, key=lambda w: w[1].box[1])
        taken.append(next_line)
        text, line = text + more, TextLine(text + more, union(line.box, next_line.box), line.confidence)
    return text, line


OPINION_LINES = 3  # lines an opinion written large runs over
# 同意 and what follows it up to no mark that carries the sentence on (同意上报, but not 同意调整，).
_WHOLE_AGREEMENT = re.compile(rf"(?:同|{_LIKE_TONG})意[^，,、；;：:]*$")
WRAP_SHIFT = 1.5  # line heights a hand's next line may start right of where its last one started
WRAP_BACK = 3.0  # and left of it: an opinion begun indented wraps back to the margin (已阅， / 同意。)
WRAP_HEIGHT = 0.6  # of its last line's height that a hand's next line is at least
_WORDS = re.compile(r"[\u4e00-\u9fff]")
# 同意 finds 不同意 too: its sign is judged elsewhere.
# A handwritten 同意 whose 意 OCR lost leaves 同 alone or before what agreement goes on to (同申请); one
# whose 同 a seal's ring hid leaves 意 before it (意调整).
_OPINION_WORD = re.compile(rf"同意|已阅|拒|否|{_TONG_YI.pattern}|^同(?:$|申请|上报|调整|按)|{_AGREED.pattern}|^(?:审核)?通过")


def stamped_opinion(image: Image.Image, area: Box, seals: list[Box], h: float, reader: StripReader) -> TextLine | None:
    """An opinion stamped or written in red ink in the block (a framed 同意 审批章, a red pen's 同意), read from
    its ink alone, or None.

    Candidates are red marks outside every official seal, from a glyph's height (a light stamp in a photo,
    whose frame breaks away from its glyphs: 0.6 of a print line) to four print lines tall and at least
    two glyphs wide, read largest first; the first that reads as an opinion (同意, 不同意, 已阅…) is
    returned as a line in page pixels. A name stamp (名章) reads as a name and is passed over."""
    x0, y0 = (max(0, int(v)) for v in area[:2])
    bgr = bgr_crop(image, area)
    if bgr.shape[0] < 4 or bgr.shape[1] < 4:
        return None
    red = red_mask(bgr)
    # Join a stamp's glyphs along its line, and the parts of each glyph, but not two stamps one above the other;
    # a hand in red pen spaces its glyphs wider (同 意。 half a line apart).
    k = max(3, int(0.3 * h))
    n, _labels, stats, _c = cv2.connectedComponentsWithStats(
        cv2.morphologyEx(red, cv2.MORPH_CLOSE, np.ones((max(3, int(0.12 * h)), max(3, int(RED_PEN_GAP * h))), np.uint8)))
    marks = sorted((tuple(int(v) for v in stats[i, :4]) for i in range(1, n)), key=lambda m: -m[2] * m[3])
    for x, y, w, hh in marks:
        box = (x0 + x, y0 + y, x0 + x + w, y0 + y + hh)
        if not (0.6 * h <= hh <= 4 * h and 1.2 * h <= w <= 12 * h) or any(_inside(box, s) for s in seals):
            continue
        pad = k
        # The stamp's red as shades of grey, black print and pen left out: its glyphs keep their edges,
        # which a red-or-not mask breaks up on a photo.
        rgb = np.ascontiguousarray(bgr[max(0, y - pad) : y + hh + pad, max(0, x - pad) : x + w + pad, ::-1])
        ink = _unframed((255 * (1 - ink_strength(rgb, "red"))).astype(np.uint8))
        text, confidence = reader(cv2.cvtColor(ink, cv2.COLOR_GRAY2BGR))
        text = PUNCT.sub("", clean(text))
        if confidence >= MIN_STAMP_CONF and _OPINION_WORD.search(text):
            return TextLine(text=text, box=box, confidence=confidence)
    return None


MIN_STAMP_CONF = 0.8
RED_PEN_GAP = 0.6  # print lines between a hand's glyphs that still join them into one mark
FRAME_SPAN = 0.6  # of a stamp crop's width (height) that a straight run of ink must span to be its frame


def _unframed(grey: np.ndarray) -> np.ndarray:
    """A stamp crop (uint8 grey, ink dark) with its frame's straight sides painted out: the recogniser
    reads a small blurred 同意 inside a frame as 同 or 回, and the glyphs alone as 同意. A glyph's stroke
    never spans most of a stamp of two glyphs or more."""
    ink = (grey < 128).astype(np.uint8)
    height, width = ink.shape
    out = grey.copy()
    out[straight_runs(ink, max(3, int(FRAME_SPAN * width)), max(3, int(FRAME_SPAN * height))) > 0] = 255
    return out


def opinion_under_seal(image: Image.Image, area: Box, label: Label, sign_line: TextLine | None, seals: list[Box],
                       h: float, reader: StripReader) -> TextLine | None:
    """An opinion that OCR lost where a seal's ring crosses it, read as one line, or None.

    The opinion's place is the rest of the label's row, then under the label and above the 签字 line
    (or two and a half lines under the label); only where a seal overlaps it is it read again, by the
    engine's recogniser, which reads through a ring that breaks the detector's lines: the row, then
    bands a line and a half tall, half a line apart, each trimmed to its ink, top first. A band counts
    only if it reads as an opinion (同意, 不同意, 已阅…): a seal's lettering over an empty place is none."""
    top = label.box[3]
    bottom = min(area[3], sign_line.box[1] if sign_line is not None and sign_line.box[1] > top + h else top + 2.5 * h)
    beside = (_label_words_end(label), label.box[1] - 0.25 * h, area[2], top + 0.25 * h)
    bands = [beside] if overlaps_any(beside, seals) else []
    if overlaps_any((area[0], top, area[2], bottom), seals):
        bands += [(area[0], band_top, area[2], min(bottom, band_top + OPINION_BAND * h))
                  for band_top in np.arange(top, max(top + 1, bottom - OPINION_BAND * h + 1), 0.5 * h)]
    for band in bands:
        # The band whole, then what of it lies past the seals, clear of their lettering: a faint hand's
        # line the detector lost there too reads better without the seal's glyphs before it.
        past = max((s[2] for s in seals if overlaps_any(band, [s])), default=band[2])
        parts = [band] + ([(past, band[1], band[2], band[3])] if band[2] - past >= 2 * h else [])
        for strip in filter(None, (_ink_extent(image, part) for part in parts)):
            text, confidence = reader(bgr_crop(image, strip))
            text = PUNCT.sub("", clean(text))
            if confidence >= MIN_STAMP_CONF and _OPINION_WORD.search(text):
                return TextLine(text=text, box=strip, confidence=confidence)
    return None


OPINION_BAND = 1.5  # print lines: the height of a strip read for an opinion under a seal


def _label_words_end(label: Label) -> float:
    """Where the label's own words end on its last line (page x): before the rest OCR read on that line
    (校级分管领导意见：情实,整, an opinion whose 同意 the seal's ring hid), else the line's end."""
    last = label.lines[-1]
    text, rest = clean(last.text), clean(label.rest)
    if not rest or not text.endswith(rest):
        return last.box[2]
    return glyph_span(last, len(text) - len(rest), len(text)).box[0]


def _ink_extent(image: Image.Image, box: Box) -> Box | None:
    """`box` shrunk to the ink in it (grey below INK, any colour), or None when it holds none."""
    x0, y0 = (max(0, int(v)) for v in box[:2])
    bgr = bgr_crop(image, box)
    if bgr.shape[0] < 4 or bgr.shape[1] < 4:
        return None
    ink = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY) < INK
    rows, columns = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if rows.size == 0:
        return None
    return (float(x0 + columns[0]), float(y0 + rows[0]), float(x0 + columns[-1] + 1), float(y0 + rows[-1] + 1))


def _signature_row(lines: list[TextLine], area: Box, h: float, rulings: Rulings | None) -> Box | None:
    """The part of a signature table's column in the row headed 签字 (经办人 | 部门负责人 | 分管校领导
    over rows 意见 / 签字 / 日期): the row's cell across the block, when a ruled row left of the
    block is headed by a 签字 label of its own; None otherwise."""
    if rulings is None:
        return None
    for line in lines:
        cy = (line.box[1] + line.box[3]) / 2
        if line.box[2] > area[0] + 0.5 * h or not area[1] <= cy <= area[3] or not _ROW_SIGN.fullmatch(clean(line.text)):
            continue
        cell = rulings.cell_at((area[0] + area[2]) / 2, cy)
        if cell is not None:
            return (area[0], max(area[1], cell[1]), area[2], min(area[3], cell[3]))
    return None


_ROW_SIGN = re.compile(r"(?:负责人|审批人)?(?:签[字名章]|签字盖章|签名盖章)[:：]?")


def _sign_label_print(sign_line: TextLine | None, region: Box) -> Box | None:
    """The 签字 label's own print on its line, left of the signature field `region`; None without it."""
    if sign_line is None or region[0] - sign_line.box[0] < sign_line.box[3] - sign_line.box[1]:
        return None
    return (sign_line.box[0], sign_line.box[1], min(sign_line.box[2], region[0]), sign_line.box[3])


def _sign_label_after(label: Label) -> TextLine | None:
    """The label's own last line, when the 签字 label follows it there: a one-row block that OCR read as
    one line (校级分管领导审批意见 同意申请 负责人（签字） ……), whose signature follows on that row."""
    return label.lines[-1] if SIGN.search(clean(label.rest)) else None


def _label_glyphs(label: Label, sign_line: TextLine | None, h: float) -> Box:
    """The first glyphs of the label: print of this page, whatever the label line runs on into. Of a
    label set down a form's narrow left cell (证 / 书 / 试 / 点 …, one glyph a line), whose glyphs close
    one under the next would pass for one tall glyph, the 签字 label's instead, or the column's top."""
    x0, y0, x1, y1 = label.lines[0].box
    if y1 - y0 <= 2 * (x1 - x0):
        return (x0, y0, min(x1, x0 + 4 * h), y1)
    if sign_line is not None:
        sx0, sy0, sx1, sy1 = sign_line.box
        return (sx0, sy0, min(sx1, sx0 + 2 * h), sy1)
    return (x0, y0, x1, min(y1, y0 + (x1 - x0)))


def _sign_label_end(text: str) -> int:
    """Where the 签字 label of a sign line ends, with the punctuation after it: past its last part
    (负责人：（签字）), so what follows is the field's content. 0 when the line has no such label."""
    matches = list(SIGN.finditer(text))
    if not matches:
        return 0
    end = matches[-1].end()
    tail = PUNCT.match(text[end:])
    return end + (tail.end() if tail else 0)


def _signature_region(
    label: Label, sign_line: TextLine | None, lines: list[TextLine], area: Box, h: float, image: Image.Image,
    ref: Glyphs | None,
) -> Box:
    """Right of 签字：, to the block's right edge, from just above its row down to the block's end;
    without a 签字 label, the whole block (its printed lines are erased before ink is judged); a name
    run on past the block's edge, that name's row (see `_name_past_edge`); a name written before a
    bracketed （签字）, left of it (see `_field_before_label`)."""
    if sign_line is None:  # the approver signs under or beside the opinion, in the block itself
        return (area[0], max(0.0, area[1]), area[2], area[3])
    span = _field_before_label(sign_line, area, h, ref)
    if span is None:
        text = clean(sign_line.text)
        label_glyphs = sum(glyph_widths(text[: _sign_label_end(text)] + ("字：" if text.endswith("签") else "")))
        # OCR's box may run on over the name, read (签名：黄敏) or not (签名： over a scribble): the label
        # ends where its own glyphs do, at the line's glyph pitch and at most a print glyph each.
        pitch = min(0.85 * h, (sign_line.box[2] - sign_line.box[0]) / (sum(glyph_widths(text)) or 1.0))
        x = sign_line.box[0] + pitch * label_glyphs
        if ref is not None:
            x = _blank_after_label(image, sign_line.box, x, label_glyphs, ref)
        past = _name_past_edge(sign_line, lines, x, area, h)
        if past is not None:
            return (x, past[1], past[2], past[3])
        span = (x, area[2])
    top = max(area[1], sign_line.box[1] - 1.2 * h)  # a name stamp stands taller than the line
    bottom = min(area[3], sign_line.box[3] + 2.5 * h, _next_sign_row(sign_line, lines, span[0], area))
    return (span[0], max(0.0, top), span[1], bottom)


def _field_before_label(sign_line: TextLine, area: Box, h: float, ref: Glyphs | None) -> tuple[float, float] | None:
    """周洋（签字）: a bracketed 签字 label after the name, nothing after it, as a form's ________（签字） asks.
    The field is the label's row left of the label's print: its x-span (page px). Where OCR read （签字）
    alone (a 名章 or a scribble beside it, or 负责人 lost), the name may stand on either side: the block's
    whole width. None for any other sign line (负责人（签字）：, whose field follows it)."""
    text = clean(sign_line.text)
    named = _LABEL_AFTER_NAME.fullmatch(text)
    if named is None or _SIGNER_WORD.search(named["name"]):
        return None
    label = sign_line.box[2] - _printed_width(text[named.end("name") :], _print_line(h, ref))
    return (area[0], label if named["name"] else area[2])


# No colon: no name follows. A flourish's tail after the name reads as ~ or -.
_LABEL_AFTER_NAME = re.compile(r"(?P<name>[\u4e00-\u9fff]{0,4})[~～\-_.·]{0,2}[(（](?:签[字名章]|签字盖章)[)）]")
_SIGNER_WORD = re.compile(r"负责人|领导|审批人|审核人|经办人|签字人|签名人")


def _next_sign_row(sign_line: TextLine, lines: list[TextLine], field: float, area: Box) -> float:
    """Halfway (page y) from the sign line's middle down to the next block's 签字 label below it, in the
    field's columns: a signature belongs to the label it stands nearest, and the next block's
    (a tall signature image, a name stamp centred on its row) reaches up past that block's top.
    No bound (inf) when none follows."""
    below = [ln for ln in lines if SIGN.search(ln.text) and (ln.box[1] + ln.box[3]) / 2 > area[3]
             and ln.box[0] < area[2] and ln.box[2] > field]
    if not below:
        return math.inf
    nearest = min(below, key=lambda ln: ln.box[1])
    return (sign_line.box[1] + sign_line.box[3] + nearest.box[1] + nearest.box[3]) / 4


def _name_past_edge(sign_line: TextLine, lines: list[TextLine], field: float, area: Box, h: float) -> Box | None:
    """Where a name begun in the field runs on past the block's right edge, into the column of the block
    beside it (负责人（签字）：潘卫东, written large after a label set near the edge; a 名章 pressed right
    after such a label): the name's box, and the sign line's, when OCR read it with its label, or on its
    own on the label's row, begun in the field or past the edge but before the other block's 签字 label.
    The field is then that row, not the other block's writing above and below it. None otherwise."""
    text = clean(sign_line.text)
    row = [ln for ln in lines if ln is not sign_line and ln.box[1] < (sign_line.box[1] + sign_line.box[3]) / 2 < ln.box[3]]
    # A signature stands after its own label: what begins before the next 签字 label on the row is this one's.
    others = [ln.box[0] for ln in row if SIGN.search(ln.text) and ln.box[0] > sign_line.box[2]]
    names = [ln.box for ln in row
             if field - h <= ln.box[0] < min(others, default=area[2]) and _NAME_PART.fullmatch(clean(ln.text))]
    if _NAME_PART.fullmatch(text[_sign_label_end(text) :]):
        names.append(sign_line.box)
    past = [box for box in names if box[2] > area[2]]
    return union(sign_line.box, *past) if past else None


LABEL_PRINT_SHARE = 0.75  # the least share of its glyphs × the print's glyph height a label spans


def _blank_after_label(image: Image.Image, box: Box, label_end: float, glyphs: float, ref: Glyphs) -> float:
    """Where the 签字 label's print ends, when blank paper follows it before `label_end`.

    `label_end` counts the label's `glyphs` at a pitch taken from OCR's box, whose padding is
    a large share of a glyph at low resolution (at 100 dpi a box is nearly twice as tall as the
    glyphs), so it may lie inside a signature written right after the colon. The label's print
    spans its glyphs at nearly the print's glyph height each, at least: the first gap of half a
    glyph in the ink past that is where it ends."""
    x0, y0, _x1, y1 = (int(v) for v in box)
    strip = np.asarray(image.crop((x0, y0, max(x0 + 1, int(label_end)), y1)).convert("L")) < INK
    columns = np.flatnonzero(strip.any(axis=0))
    if columns.size == 0:
        return label_end
    earliest = columns[0] + LABEL_PRINT_SHARE * glyphs * ref.height
    for left, right in zip(columns, columns[1:], strict=False):
        if left >= earliest and right - left > 0.5 * ref.height:
            return float(x0 + left + 1)
    return label_end


def _named_after_opinion(line: TextLine | None, h: float) -> bool:
    """同意。周燕 3.14 written in one hand on one line, as a 呈批件 is signed with no 签字 label: a name of
    one to four glyphs (and a date) after the opinion's full stop, on a line too tall for print (a typed
    同意。周燕 is print). What OCR read there must be no opinion (已阅。同意) and no form word (盖章, 日期)."""
    if line is None or _printed(line, h):
        return False
    text = clean(line.text)
    stop = text.rfind("。")
    rest = text[stop + 1 :]
    return (stop > 0 and bool(_OPINION_WORD.search(text[:stop])) and bool(_NAME_THEN_DATE.fullmatch(rest))
            and not _OPINION_WORD.search(rest) and not _FORM_WORD.search(rest))


_NAME_THEN_DATE = re.compile(r"[\u4e00-\u9fff]{1,4}[\d.\-/·]*")
_FORM_WORD = re.compile(r"[签章盖印年月日期见]")


def _signed_before_print(sign_line: TextLine | None) -> bool:
    """签字：陈文（陈文）: a name written in the field before the same name typed in brackets. A form prints
    the signer's name once, in brackets, for the hand beside it; what OCR read before it is the hand."""
    if sign_line is None:
        return False
    text = clean(sign_line.text)
    named = _NAME_BEFORE_PRINT.match(text[_sign_label_end(text) :])
    return named is not None and bool(set(named.group(1)) & set(named.group(2)))


_NAME_BEFORE_PRINT = re.compile(r"([\u4e00-\u9fff]{1,4})[(（]([\u4e00-\u9fff]{2,4})[)）]")


def _names(block: list[TextLine], sign_line: TextLine | None, region: Box) -> list[Box]:
    """Where OCR read a person's name in the signature region: lines that are a name, and the rest of the
    签字 line after its label when that rest is one (负责人签字：陈品文), or one glyph of it (a light or
    small hand that OCR read only in part: 负责人（签字）：集)."""
    boxes = [ln.box for ln in block if _name_in(ln, region)]
    if sign_line is not None:
        text = clean(sign_line.text)
        if _NAME_PART.fullmatch(text[_sign_label_end(text) :]) and region[0] < sign_line.box[2]:
            boxes.append((region[0], sign_line.box[1], sign_line.box[2], sign_line.box[3]))
    return boxes


def _name_in(line: TextLine, region: Box) -> bool:
    """A person's name (two to four Chinese glyphs, nothing else) whose middle lies in the region, or
    fewer glyphs than its box is wide (韩 read of a small hand's 韩明: OCR read the name in part)."""
    text = clean(line.text)
    width, height = line.box[2] - line.box[0], line.box[3] - line.box[1]
    read_in_part = bool(_NAME_PART.fullmatch(text)) and width >= PART_READ * len(text) * height
    return _inside(line.box, region) and (bool(_NAME.fullmatch(text)) or read_in_part)


PART_READ = 1.4  # glyph widths per glyph read: a box this much wider than its text holds more than OCR read


_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_NAME_PART = re.compile(r"[\u4e00-\u9fff]{1,4}")


def _dates_in(image: Image.Image, line: TextLine | None, field: float, h: float, ref: Glyphs | None) -> list[Box]:
    """Where a date at the end of the 签字 line stands, when OCR read it in the same box as the name
    before it: placed by its ink past the name (see `_date_print`) from the field's left edge `field`,
    else at the line's right end as wide as the date's print."""
    if line is None:
        return []
    text = clean(line.text)
    match = re.search(r"\d{2,4}\s*年.*$", text)
    if not match or line.box[3] - line.box[1] > 2.5 * h:
        return []
    x0, y0, x1, y1 = line.box
    printed = _printed_width(match.group(), _print_line(h, ref))
    written = TextLine(match.group(), (max(x0, field), y0, x1, y1), line.confidence)
    found = _date_print(image, written, h, ref)
    # A signature written taller than the date ends where the date begins. Where no such edge tells them
    # apart (`_date_print` gives the whole box back), or the edge found leaves more than a date (one
    # stroke of the name reached higher than the rest), the date is its print's width at the line's end.
    if found != written.box and found[2] - found[0] <= PART_READ * printed:
        return [found]
    return [(x1 - printed, y0, x1, y1)]


def _date_print(image: Image.Image, line: TextLine, h: float, ref: Glyphs | None = None) -> Box:
    """Where a date line's print stands: its box; or, where OCR boxed a signature written before a date
    with it, the date's print alone at the box's right end (dates are set flush right).

    A box taller than PRINTED_HEIGHT print lines holds a scribble taller than print: the date's print is
    the columns from the last one whose ink reaches past a print line's height. A print line is `h` tall,
    or where print's glyphs (`ref`) are known and OCR's boxes are padded past them (a 100-dpi scan's box is
    nearly twice a glyph's height), a line of such glyphs. A box wider than PART_READ times the date's
    print holds more than the date: its print begins after the blank, a glyph wide at least, nearest to
    where the date's print would begin. A date written large by hand has no such run of print as wide as
    its glyphs: all of it stays."""
    x0, y0, x1, y1 = (int(v) for v in line.box)
    print_line = _print_line(h, ref)
    printed = _printed_width(clean(line.text), print_line)
    ink = np.asarray(image.crop((x0, y0, x1, y1)).convert("L")) < INK
    start = 0
    if y1 - y0 > PRINTED_HEIGHT * h:
        rows = np.arange(ink.shape[0])[:, None]
        extent = np.where(ink, rows, -1).max(axis=0) - np.where(ink, rows, ink.shape[0]).min(axis=0)
        tall = np.flatnonzero(extent > PRINTED_HEIGHT * print_line)
        start = int(tall[-1]) + 1 if tall.size else 0
    if x1 - x0 - start > PART_READ * printed:
        start = _blank_before(ink.any(axis=0), start, x1 - x0 - printed, print_line / PRINT_LINE, printed)
    return (x0 + start, y0, x1, y1) if start and x1 - x0 - start >= DATE_PRINT_SHARE * printed else line.box


def _print_line(h: float, ref: Glyphs | None) -> float:
    """A print line's height: `h`, or a line of print's glyphs (`ref`) where OCR's boxes are padded past them."""
    return min(h, PRINT_LINE * ref.height) if ref is not None else h


def _blank_before(columns: np.ndarray, first: int, expected: float, glyph: float, printed: float) -> int:
    """The end of the blank run of `columns` (False: no ink), half a `glyph` wide at least, wider than any
    blank after it and twice their median, that ends nearest to `expected` and within half the date's
    `printed` width before it or a third after; `first` if none. A hand's date spaced wide
    (2 0 2 4 - 0 3 - 1 7) has no blank that stands out from its own spacing: none of it is cut off as a
    signature. A name may be written closer to the date than a glyph's width, after a wider blank behind
    the label: the nearer blank is the date's."""
    runs = _blank_runs(columns)

    def stands_out(end: int, run: int) -> bool:
        later = [length for at, length in runs if at > end]
        return not later or (run > max(later) and run >= 2 * statistics.median(later))

    ends = [end for end, run in runs if end > first and run >= BLANK_BEFORE_DATE * glyph
            and expected - 0.5 * printed <= end <= expected + 0.3 * printed and stands_out(end, run)]
    return min(ends, key=lambda end: abs(end - expected), default=first)


BLANK_BEFORE_DATE = 0.5  # glyphs: the least blank before a date's print; print's own glyphs stand closer


def _blank_runs(columns: np.ndarray) -> list[tuple[int, int]]:
    """(end, length) of each run of False in `columns` followed by ink."""
    runs, length = [], 0
    for i, inked in enumerate(columns):
        if inked and length:
            runs.append((i, length))
        length = 0 if inked else length + 1
    return runs


def _printed_width(text: str, h: float) -> float:
    """Pixels `text` spans in print of line height `h` (a glyph 0.9 of the line wide)."""
    return sum(glyph_widths(text)) * 0.9 * h


DATE_PRINT_SHARE = 0.6  # of a date's glyph width that its print past the signature must span to be told from it


def _printed(line: TextLine, h: float) -> bool:
    """Print-sized, read with confidence, and Chinese or figures: a scribbled signature that OCR
    took for a few Latin letters ("ul", "W") is not print."""
    return (
        line.box[3] - line.box[1] <= PRINTED_HEIGHT * h
        and line.confidence >= MIN_PRINTED_CONF
        and bool(_PRINT_TEXT.search(line.text))
    )


_PRINT_TEXT = re.compile(r"[\u4e00-\u9fff\d]")


def _crop(image: Image.Image, box: Box, document: str, page: int) -> Crop:
    return Crop.of(image, box, document=document, page=page)
