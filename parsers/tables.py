"""Rebuild tables from positioned text boxes: header roles, columns, and logical rows by geometry.

OCR gives one box per text run, so a table row is several boxes, a wrapped cell
several lines, and a vertically merged cell one box somewhere inside its span.
We have no ruling lines, only boxes: columns come from the header's x-ranges,
rows from "starter" cells (序号, 调整事项 or the value columns) and the empty
vertical gap between them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from statistics import median

from rapidfuzz import fuzz

from parsers.model import Box, TextLine
from parsers.normalise import compact, glyph_edges, glyph_widths, split_level
from parsers.skew import straighten
from parsers.table_rows import Fragment, Role, Table, assign_rows, visual_rows, widest_gap_cut
from parsers.vocabulary import Vocabulary

__all__ = ["Role", "Table", "classify_header", "find_tables", "visual_rows"]

Span = tuple[float, float]

# Whole words first, then one character of each, for a header OCR misread (原申报入数, 调整后等圾).
_QUALIFIERS = (("人数", "headcount"), ("规模", "headcount"), ("等级", "level"), ("专业", "major"))
_QUALIFIERS += (("数", "headcount"), ("级", "level"), ("专", "major"))
_EXACT_RULES: tuple[tuple[str, str], ...] = (
    (r"^序号$|^编号$", "seq"),
    (r"^(?:人数)?增减(?:人数|数)?$|^增[(（]?[+＋]?[)）]?减[(（]?[-－]?[)）]?$|^(?:人数)?变化(?:人数|量)?$", "delta"),
    (r"原因|理由|备注|说明", "reason"),
    # A summary over every declaration: enrolment beside each (可参与专业在校生数), and whether it changes.
    (r"在校生|学生数", "enrolled"),
    (r"^是否(?:调整|变更|调)", "adjusted"),
    # 原申报 | 现申报, 原考核等级 | 新考核等级 (新增 is a change's size, not its new value)
    # (申请调整 is the new value, 申请调整事项 the field's column)
    (r"调整后|变更后|调整为|拟调整|拟变更|调整至|申请调整(?!事项|类型|项目)|^现(?:申报)?|^拟申报|^新(?!增)", "to"),
    (r"^原|调整前|变更前", "from"),
    # 调整前 / 调整后 with both glyphs of 调整 misread at low resolution (调盛前, 黄盛后人数): the 前 or 后
    # tells, before the field word after it would take the column for a plain one.
    (r"^[\u4e00-\u9fff]{2}前(?:内容|人数|规模|等级|专业)?$", "from"),
    (r"^[\u4e00-\u9fff]{2}后(?:内容|人数|规模|等级|专业)?$", "to"),
    (r"事项|类型|项目|调整内容|变更内容", "field"),
    (r"证书|(?<!专业)名称", "cert"),  # 专业名称 is the major's column
    (r"等级|级别", "level"),
    (r"专业", "major"),
    (r"人数|规模", "count"),
)
# Canonical spellings for fuzzy matching when OCR misreads a character of a header.
_FUZZY_VARIANTS: dict[str, tuple[str, ...]] = {
    "seq": ("序号",),
    "cert": ("证书名称", "职业技能等级证书名称", "证书"),
    "field": ("调整事项", "调整类型", "调整项目", "变更事项"),
    "from": ("原申报内容", "原申报", "调整前", "变更前", "原人数", "原等级", "原专业"),
    "to": ("调整后内容", "调整后", "变更后", "拟调整为", "调整后人数", "调整后等级", "调整后专业", "现申报"),
    "level": ("考核等级", "等级", "级别"),
    "major": ("考核专业", "专业"),
    "count": ("试点人数", "人数规模", "人数"),
    "reason": ("调整原因", "原因", "备注"),
    "delta": ("增减人数", "增减"),
}


# Header words, longest first, for cutting a box OCR ran over two header cells.
_HEADER_WORDS = sorted({word for words in _FUZZY_VARIANTS.values() for word in words}, key=len, reverse=True)
_WORD_KIND = {word: kind for kind, words in _FUZZY_VARIANTS.items() for word in words}


def classify_header(text: str) -> Role | None:
    """The role of a header cell, tolerant of a misread character; None if it is no header."""
    value = compact(text)
    if value in _ONE_GLYPH:
        return _ONE_GLYPH[value]
    if not 1 < len(value) <= 14 or _CLAUSE_MARK.search(value):
        return None  # a header names a column; a comma or a full stop ends a clause (密，调整为 of a reason)
    kind = next((k for pattern, k in _EXACT_RULES if re.search(pattern, value)), None)
    if kind is None:
        kind = _fuzzy_kind(value)
    if kind is None:
        return None
    qualifier = None
    if kind in ("from", "to"):
        qualifier = next((q for word, q in _QUALIFIERS if word in value), None)
    return kind, qualifier


_NAMED_AGAIN: Role = ("cert", "again")  # a second 证书名称 column, under 调整后: the first one's name repeated
_CLAUSE_MARK = re.compile(r"[，,。；;]")
_STATEMENT = re.compile(r"调整内容|变更内容")
_ONE_GLYPH: dict[str, Role] = {"原": ("from", None), "现": ("to", None)}  # narrow columns headed 原 | 现


def _fuzzy_kind(value: str) -> str | None:
    """Best variant by partial match; full ratio breaks ties (调整厄内容 is 调整后内容, not 调整前).
    Two glyphs are too few to guess from (调整 is a form's row label, not 调整前)."""
    if len(value) < 3:
        return None
    best, best_score = None, (0.0, 0.0)
    for kind, variants in _FUZZY_VARIANTS.items():
        for variant in variants:
            ratio = fuzz.ratio(value, variant)
            partial = fuzz.partial_ratio(variant, value) if len(value) >= len(variant) - 1 >= 2 else 0.0
            score = (max(ratio, partial), ratio)
            if score > best_score:
                best, best_score = kind, score
    return best if best_score[0] >= 74 else None


Header = tuple[list[Role], list[Span]]


def find_tables(lines: list[TextLine], vocabulary: Vocabulary | None = None) -> list[Table]:
    """Every change table on a page, each read from its header row down to where the grid ends.

    `vocabulary` (the registry's certificates) recognises the title of a form made per
    certificate when it is the bare name (智能财税, with no 证书名称： label, no 证书 and no level).
    """
    rows = visual_rows(straighten(lines))
    tables: list[Table] = []
    index = 0
    while index < len(rows):
        size, header = _header_at(rows, index, vocabulary)
        if header is None:
            size, turned = _sideways_at(rows, index)
            if turned is not None:
                turned.extent = _extent(rows[index : index + size])
                tables.append(turned)
            index += size
            continue
        start = index
        roles, spans = header
        # No 证书名称 column: a form per certificate, titled above, unless each row names its own in words.
        per_certificate = not any(kind == "cert" for kind, _ in roles) and ("field", "content") not in roles
        certificate = _certificate_above(rows[:index], vocabulary) if per_certificate else ""
        index += size
        body: list[Fragment] = []
        while (index < len(rows) and _header_at(rows, index, vocabulary)[1] is None and not _names_certificate(rows[index])
               and not (per_certificate and _ends_block(rows[index], vocabulary))
               and _in_grid(rows[index], header, rows[index - 1])):
            if not _blank_numbered(rows, index):
                body.extend(rows[index])
            index += 1
        table = _read_body(roles, spans, body)
        table.certificate = certificate
        table.extent = _extent(rows[start:index], (spans[0][0], spans[-1][1]))
        tables.append(table)
    return tables


def _extent(rows: list[list[Fragment]], columns: Span | None = None) -> Box:
    """The box of a table's rows; across its header's columns when given (a landscape page may hold
    two sheets side by side, and a row of the table then runs on into the other sheet's lines), to the
    right end of its cells that begin in them (a 调整内容 cell wider than its header's words)."""
    frags = [f for row in rows for f in row]
    if columns is None:
        left, right = min(f.line.box[0] for f in frags), max(f.line.box[2] for f in frags)
    else:
        left, right = columns[0], max([columns[1]] + [f.line.box[2] for f in frags if f.line.box[0] < columns[1]])
    return left, min(f.top for f in frags), right, max(f.bottom for f in frags)


def _sideways_at(rows: list[list[Fragment]], index: int) -> tuple[int, Table | None]:
    """A table laid on its side, starting at a visual row: its header down the first column (证书名称 |
    考核等级 | 调整事项 | 原申报内容 | 调整后内容), one change per column to its right. (rows used, the
    table) or (1, None). A column-title row (项目 | 调整一 | 调整二) is passed over; the lines of a cell
    wrapped in its narrow column (no label of their own, right of the labels) join the label row
    nearest them, above or below."""
    labels: list[tuple[Role, list[Fragment], float]] = []  # role, cells, the label's centre
    pending: list[list[Fragment]] = []
    label_right: float | None = None
    end = index
    while end < len(rows):
        row = rows[end]
        role = classify_header(row[0].text)
        wrapped = label_right is not None and row[0].line.box[0] > label_right
        if role is None or wrapped:
            if len(pending) == MAX_WRAPPED or (label_right is None and end > index) or not (wrapped or label_right is None):
                break  # at most two lines of a wrapped cell, none in the label column
            pending.append(row)  # a wrapped cell's line, if a label row follows or precedes it
            end += 1
            continue
        if len(row) == 1 and labels and not pending and role[0] in ("level", "major", "count"):
            end += 1  # a row the form leaves blank (考核等级 where no change states a level)
            continue
        if len(row) < 2 or _SENTENCE_END.search(compact(row[0].text)) or role in (label for label, _, _ in labels):
            break  # the approval rows under the changes (证书试点管理部门意见 names 证书 too)
        titles = [bool(_COLUMN_TITLE.match(compact(f.text))) for f in row[1:]]
        kinds = [classify_header(f.text) for f, title in zip(row[1:], titles, strict=True) if not title]
        headers = sum(kind is not None and kind[0] != role[0] for kind in kinds)  # 证书名称 | 智能财税证书 is values
        if role[0] != "field" and 2 * headers > len(row) - 1:
            break  # a normal header row, whose cells right of the first are headers too (but 调整事项's hold field words)
        if pending and any(p[0].line.box[0] <= row[0].line.box[2] for p in pending):
            break  # lines reaching into the label column are no wrapped cells
        label_right = max(label_right or 0.0, row[0].line.box[2])
        if all(titles):
            pending = []
        else:
            cells = list(row[1:])
            for line in pending:
                nearer = labels and abs(line[0].cy - labels[-1][2]) < abs(line[0].cy - row[0].cy)
                (labels[-1][1] if nearer else cells).extend(line)
            pending = []
            labels.append((role, cells, row[0].cy))
        end += 1
    if labels:
        for line in pending:
            labels[-1][1].extend(line)
    kinds = [role[0] for role, _, _ in labels]
    if "cert" not in kinds or "to" not in kinds or len(kinds) < 3:
        return 1, None
    # Columns by the cells of the values, one line each, not by the names, which wrap in a narrow cell;
    # a value's wrapped lines, one above the other (080911TK 网络空间 / 安全), are one column.
    values = max((cells for role, cells, _ in labels if role[0] in ("from", "to")), key=len)
    anchors: list[float] = []
    for frag in sorted(values, key=lambda f: f.line.box[0]):
        if anchors and frag.line.box[0] < anchors[-1] < frag.line.box[2]:
            continue
        anchors.append(frag.cx)
    table = Table([role for role, _, _ in labels], [{} for _ in anchors])
    for role, cells, _ in labels:
        for frag in sorted(cells, key=lambda f: (f.top, f.line.box[0])):
            column = min(range(len(anchors)), key=lambda i: abs(anchors[i] - frag.cx))
            table.rows[column][role] = table.rows[column].get(role, "") + frag.text
    return end - index, table


MAX_WRAPPED = 2  # lines of a wrapped cell between two label rows of a table on its side


# The title row over a sideways table's changes: 调整一 | 调整二, 第1项, 变更2.
_COLUMN_TITLE = re.compile(r"^(?:(?:调整|变更|修改|第)[一二三四五六七八九十\d]{1,2}项?|[一二三四五六七八九十]{1,2})$")  # not 75


# The label may name what its value holds besides the name: 证书名称（等级）：智能财税（中级）.
_LABEL_NOTE = r"(?:\((?:等级|级别|及等级|含等级)\))?"
# What may open a certificate's label: an item's number, the generic 职业技能等级 of 职业技能等级证书名称.
_LABEL_START = r"^(?:\d{1,2}[.、]|[一二三四五六七八九十]{1,3}、|\(\d{1,2}\))?(?:职业技能等级)?"
# 证书名称 may stand in a cell of its own, the name in the next; a bare 证书 label needs its colon.
_CERTIFICATE_LINE = re.compile(
    _LABEL_START + r"(?:证书名称" + _LABEL_NOTE + r"[:：]?|证书" + _LABEL_NOTE + r"[:：])(.*)$"
)


def _certificate_above(rows: list[list[Fragment]], vocabulary: Vocabulary | None) -> str:
    """The certificate a table without a 证书名称 column is about: the nearest 证书名称：… line above it,
    the name in the same box or in the cell to its right, or the block's title row (see
    `_certificate_title`)."""
    for row in reversed(rows[-6:]):
        for index, frag in enumerate(row):
            match = _CERTIFICATE_LINE.match(compact(frag.text))
            if not match:
                continue
            value = match.group(1) or "".join(compact(f.text) for f in row[index + 1 : index + 2])
            if value:
                return value
        if _certificate_title(row, vocabulary):
            return compact(row[0].text)
    return ""


def _ends_block(row: list[Fragment], vocabulary: Vocabulary | None) -> bool:
    """Where a form made per certificate ends one certificate's rows: its 调整原因 row, or the next title."""
    return bool(_REASON_LABEL.match(compact(row[0].text))) or _certificate_title(row, vocabulary)


_REASON_LABEL = re.compile(r"^(?:调整|变更|申请)?(?:原因|理由)(?:说明)?[:：]?$")


def _certificate_title(row: list[Fragment], vocabulary: Vocabulary | None) -> bool:
    """A row of one box that names a certificate, as a form made per certificate titles each block:
    a name the registry holds, or one written as a certificate (…职业技能等级证书, 物流管理（中级）)."""
    if len(row) != 1:
        return False
    text = compact(row[0].text)
    name, level = split_level(text)
    if len(name) < 2 or len(text) > 40 or _SENTENCE_END.search(text) or re.search(r"[:：，,。]", text):
        return False
    known = vocabulary is not None and vocabulary.certificate_named(name) is not None
    return known or level is not None or text.endswith("证书")


def _unheaded_certificates(rows: list[list[Fragment]], header_left: float, vocabulary: Vocabulary | None) -> Span | None:
    """The column of certificate names left of the header's first cell, whose own header OCR did not read
    (bold 证书名称 at 100 dpi over 界面设计证书 | 初 | 数字媒体技术应用 | 45 | 55): the span of the first boxes of
    the rows below, while each stands wholly left of the header, names a certificate and has values beside
    it; None when the first row's does not. A form's row title beside its table (调整内容) names none."""
    names = []
    for row in rows:
        if len(row) < 3 or row[0].line.box[2] > header_left or not _certificate_title(row[:1], vocabulary):
            break
        names.append(row[0])
    return (min(f.line.box[0] for f in names), max(f.line.box[2] for f in names)) if names else None


def _names_certificate(row: list[Fragment]) -> bool:
    """A 证书名称：… line, which opens the next certificate's table of a form made per certificate."""
    return bool(row) and bool(_CERTIFICATE_NAME.match(compact(row[0].text)))


_CERTIFICATE_NAME = re.compile(
    _LABEL_START + r"证书(?:名称)?" + _LABEL_NOTE + "[:：]"
)

MAX_HEADER_ROWS = 5  # a narrow header cell wraps its words over up to three lines, beside taller ones


def _header_at(
    rows: list[list[Fragment]], index: int, vocabulary: Vocabulary | None = None
) -> tuple[int, Header | None]:
    """The header starting at a visual row; it may take several rows when header cells wrap. A
    spreadsheet's column letters (A B C …) over its header are no header line."""
    best: tuple[int, Header | None] = (1, None)
    if _column_letters(rows[index]):
        return best
    for size in range(1, MAX_HEADER_ROWS + 1):
        group = rows[index : index + size]
        if len(group) < size or (size > 1 and not _stacked(group[-2], group[-1])):
            break
        if size > 1 and _certificate_title(group[0], vocabulary):
            break  # a block's title (网络安全运维（初级）) tight above its header is not the header's first line
        if any(_value_word(f) for f in _without_row_number(group[-1])):
            break  # a row holding a number or a level (45, 80人, 初级) is a row of values, whatever words stand beside it
        if size > 1 and not all(_header_like(f) for row in group for f in row):
            break  # an intro line ending in "如下：" just above the header is no part of it
        if size > 1 and not all(_header_word(f) for f in group[-1]):
            break  # a tight first row of plain words (智能财税 | 高级 | 考核专业) is no header line
        frags = [f for row in group for f in row]
        header = _header_columns(frags)
        # No 证书名称 read over the first column (bold glyphs at 100 dpi): the names that open
        # the rows below left of the header are the certificate column, whatever else the header reads as.
        if ((header is None or not any(kind == "cert" for kind, _ in header[0]))
                and (unheaded := _unheaded_certificates(rows[index + size :], min(f.line.box[0] for f in frags),
                                                        vocabulary))):
            header = _header_columns(frags, unheaded) or header
        number = group[0][0] if size == 1 and _without_row_number(group[0]) is not group[0] else None
        if header and number is not None:  # a spreadsheet's row numbers stand for 序号: each opens a row
            header = ([("seq", None), *header[0]], [(number.line.box[0], number.line.box[2]), *header[1]])
        if header and (best[1] is None or _better(header, best[1], group[-1])):
            best = (size, header)
    return best


def _column_letters(row: list[Fragment]) -> bool:
    """A screenshot's row of spreadsheet column letters: three boxes or more, each one or two capitals."""
    return len(row) >= 3 and all(_COLUMN_LETTER.fullmatch(compact(f.text)) for f in row)


_COLUMN_LETTER = re.compile(r"[A-Z]{1,2}")


def _blank_numbered(rows: list[list[Fragment]], index: int) -> bool:
    """Whether row `index` is one of a run of rows holding their number only: a spreadsheet's empty
    rows under the table. (A lone number between the wrapped lines of its row is no run.)"""
    def lone(i: int) -> bool:
        return 0 <= i < len(rows) and len(rows[i]) == 1 and _row_number(rows[i][0])
    return lone(index) and (lone(index - 1) or lone(index + 1))


def _without_row_number(row: list[Fragment]) -> list[Fragment]:
    """The row without a spreadsheet's row number before it (1 | 证书名称 | … of an Excel screenshot)."""
    if len(row) >= 4 and _row_number(row[0]) and all(_header_word(f) for f in row[1:]):
        return row[1:]  # (a change table's first row, 1 | 网络安全运维 | 专业 | 710207 网络信息, holds values)
    return row


def _value_word(frag: Fragment) -> bool:
    """A number or a level, which no header cell is: 证书等级 | 初级 | 中级 under 调整事项 | 调整前 | 调整后
    is the first row of values, not the header's second line."""
    text = compact(frag.text)
    return bool(_NUMBER_WORD.fullmatch(text) or _LEVEL_WORD.fullmatch(text))


# A cell's value by its words: a headcount or another figure, a level.
_NUMBER_WORD = re.compile(r"\d+人?")
_LEVEL_WORD = re.compile(r"[初中高]级")


def _better(header: Header, previous: Header, added: list[Fragment]) -> bool:
    """More roles, or as many with only header-like words added (the 内容 under 原申报)."""
    if len(header[0]) != len(previous[0]):
        return len(header[0]) > len(previous[0])
    return all(len(compact(f.text)) <= 4 and not re.search(r"\d", f.text) for f in added)


def _header_word(frag: Fragment) -> bool:
    """A header role, or a short word finishing one (内容 under 原申报)."""
    return classify_header(frag.text) is not None or len(compact(frag.text)) <= 2


def _header_like(frag: Fragment) -> bool:
    text = compact(frag.text)
    # Not a heading such as 三、调整事项, nor the （续表） a continued table's page opens with above its header.
    return len(text) <= 10 and not re.search(r"[:：。，,、\d]", text) and not _CONTINUED.search(text)


_CONTINUED = re.compile(r"续(?:上)?表")


def _stacked(upper: list[Fragment], lower: list[Fragment]) -> bool:
    height = median(f.height for f in upper + lower)
    return min(f.top for f in lower) - max(f.bottom for f in upper) < 0.8 * height


def _header_columns(row: list[Fragment], unheaded: Span | None = None) -> Header | None:
    """Roles and x-spans of a header row, or None when the row is not a change-table header; `unheaded`:
    the span of a column of certificate names left of the row, whose header went unread."""
    boxes = {compact(f.text) for f in row}
    cells = [part for text, span in _merge_stacked(row) for part in _split_run_on(text, span, compact(text) not in boxes)]
    roles = [classify_header(text) for text, _ in cells]
    if unheaded is not None:
        cells, roles = [("", unheaded), *cells], [("cert", None), *roles]
    roles = _old_beside_new(roles)
    # 调整前 and 调整后 each over a 证书名称 column: the row names its certificate in both halves.
    roles = [_NAMED_AGAIN if role == ("cert", None) and ("cert", None) in roles[:i] else role
             for i, role in enumerate(roles)]
    if sum(role == ("field", None) for role in roles) > 1 and not any(role and role[0] in ("from", "to") for role in roles):
        # 调整类型 | 调整内容 with no values' columns: the second says the change in words, the first names its field.
        roles = [("field", "content") if role == ("field", None) and _STATEMENT.search(compact(text)) else role
                 for role, (text, _) in zip(roles, cells, strict=True)]
    kinds = {role[0] for role in roles if role}
    # 序号 | 调整事项 | 备注: with no certificate's nor values' columns, the one field column can only say the
    # whole change in words, certificate and all (可编程控制器系统应用编程（中级）申报人数由45人变更为20人).
    worded = "seq" in kinds and kinds <= {"seq", "field", "reason"} and roles.count(("field", None)) == 1
    if worded:
        roles = [("field", "content") if role == ("field", None) else role for role in roles]
    per_certificate = {"field", "from", "to"} <= kinds  # 调整项目 | 原申报 | 拟调整为 under 证书名称：…
    # 序号 | 证书名称 | 调整内容 | 调整原因, each change said in words in one cell (with its 等级 and its
    # 调整类型 beside it, maybe): one column of each role, and none of values (a form's 考核等级 or 试点人数
    # rows stacked under 证书名称 are a table on its side).
    named = [role for role in roles if role]
    stated = ({"cert", "field"} <= kinds <= {"seq", "cert", "level", "field", "reason"}
              and len(named) == len(set(named)))
    valued = "cert" in kinds and ("to" in kinds or "from" in kinds and len(kinds) >= 3)
    if not (per_certificate or stated or valued or worded):
        return None
    if sum(r is None for r in roles) > len(roles) // 2:
        return None  # a prose line that mentions 证书 and 调整后 is no header
    kept = [(role, span) for role, (_, span) in zip(roles, cells, strict=True) if role]
    return [role for role, _ in kept], [span for _, span in kept]


def _old_beside_new(roles: list[Role | None]) -> list[Role | None]:
    """等级 | 专业名称 | 原申报人数 | 调整后等级 | 调整后专业 | 调整后人数: where a field has an 调整后 column and no
    原 one, its plain column (a summary's 等级, 专业代码 and 专业名称 as declared) holds the old value."""
    for field, plain in (("level", ("level", None)), ("major", ("major", None)), ("headcount", ("count", None))):
        if ("to", field) in roles and ("from", field) not in roles:
            roles = [("from", field) if role == plain else role for role in roles]
    return roles


def _merge_stacked(row: list[Fragment]) -> list[tuple[str, Span]]:
    """Join fragments stacked in one header cell (a two-line header such as 原申报 / 内容); a merged
    group cell over several columns (原申报信息 over 等级 | 专业 | 人数) prefixes each of them, and a
    field's cell over its before and after (考核专业 over 原申报 | 现申报) is added to each."""
    row = _without_captions(_under_fields(row))
    groups = [f for f in row if classify_header(f.text) in _GROUPS]
    while groups:
        cells = _stack([f for f in row if not any(f is g for g in groups)])
        qualified, taken = _qualify_under_groups(cells, groups)
        # A group heads two columns or more; over one cell it is that cell's first line (原考核 / 等级),
        # over none a cell's word that reads like a group (申报人 of 申报人 / 数).
        heads = [g for g in groups if taken.get(id(g), 0) >= 2]
        if len(heads) == len(groups):
            return qualified
        groups = heads
    return _plain_cells(row)


def _under_fields(row: list[Fragment]) -> list[Fragment]:
    """The header's fragments with each field cell merged over a before and an after (考核专业 over
    原申报 | 现申报, 人数规模 over 调整前 | 调整后) read into the cells under it (原申报考核专业), and
    dropped: a before/after pair under it says which field the two columns hold."""
    kept, under = list(row), {}
    for head in row:
        if classify_header(head.text) not in _SUB_HEADERS:
            continue
        below = [f for f in row if f.top > head.bottom - 0.3 * head.height]
        left = max((f for f in below if f.cx < head.cx), key=lambda f: f.cx, default=None)
        right = min((f for f in below if f.cx > head.cx), key=lambda f: f.cx, default=None)
        if left is None or right is None or {classify_header(left.text), classify_header(right.text)} != _GROUPS:
            continue
        if abs((left.cx + right.cx) / 2 - head.cx) < head.width / 2:  # centred over both
            kept.remove(head)
            under.update({id(left): head.text, id(right): head.text})
    return [Fragment(replace(f.line, text=f.text + under[id(f)])) if id(f) in under else f for f in kept]


def _plain_cells(row: list[Fragment]) -> list[tuple[str, Span]]:
    return [(_stacked_text(frags), span) for frags, span in _stack(row)]


def _stack(row: list[Fragment]) -> list[tuple[list[Fragment], Span]]:
    """The fragments of each header cell, left to right: boxes overlapping in x are lines of one cell."""
    cells: list[tuple[list[Fragment], Span]] = []
    for frag in sorted(row, key=lambda f: f.line.box[0]):
        x0, x1 = frag.line.box[0], frag.line.box[2]
        if cells and min(cells[-1][1][1], x1) - max(cells[-1][1][0], x0) > 0.3 * min(
            x1 - x0, cells[-1][1][1] - cells[-1][1][0]
        ):
            frags, (a, b) = cells[-1]
            cells[-1] = (frags + [frag], (min(a, x0), max(b, x1)))
        else:
            cells.append(([frag], (x0, x1)))
    return cells


def _stacked_text(frags: list[Fragment]) -> str:
    return "".join(f.text for f in sorted(frags, key=lambda f: f.cy))


_SUB_HEADERS = {("level", None), ("major", None), ("count", None)}


def _without_captions(row: list[Fragment]) -> list[Fragment]:
    """Drop a caption over the header cells (申请调整内容 over 调整内容 | 原申报, or over the groups
    调整前 | 调整后 of an 审批表): a box above a group, or over header cells side by side that are
    not all the 等级 | 专业 | 人数 of a group. Kept, it would join the cells under it into one column.
    The cells under a box are read whole: a narrow one wraps its word (考核 / 等级)."""

    def below(upper: Fragment, frag: Fragment) -> bool:
        return frag.top > upper.bottom - 0.3 * upper.height

    def overlap(a: Fragment, b: Fragment) -> float:
        return min(a.line.box[2], b.line.box[2]) - max(a.line.box[0], b.line.box[0])

    def cells_under(upper: Fragment) -> list[str]:
        under = [f for f in row if f is not upper and below(upper, f)
                 and overlap(upper, f) > 0.25 * f.width]
        return [_stacked_text(frags) for frags, _ in _stack(under)]

    def group(frag: Fragment) -> bool:
        return classify_header(frag.text) in _GROUPS and any(
            classify_header(text) in _SUB_HEADERS for text in cells_under(frag)
        )

    groups = [g for g in row if group(g)]

    def caption(frag: Fragment) -> bool:
        # Wholly above groups, over one or between two: a cell's first line beside a group starts as
        # high when cells wrap over more lines than it.
        lower = [g for g in groups if g is not frag and g.top > frag.bottom - 0.1 * frag.height]
        if any(overlap(frag, g) > 0 for g in lower) or {g.cx < frag.cx for g in lower} == {True, False}:
            return True
        cells = cells_under(frag)
        return (len(cells) > 1 and not all(classify_header(text) in _SUB_HEADERS for text in cells)) or title(frag)

    def title(frag: Fragment) -> bool:
        # A grid's row of its own over the whole change table (调整内容), its words centred: the header
        # cells under it reach out past both its ends. (A group over its columns is no title.)
        if any(frag is g for g in groups) or classify_header(frag.text) in _SUB_HEADERS or any(
                f is not frag and f.top < frag.cy < f.bottom for f in row):
            return False
        under = [f for f in row if f is not frag and below(frag, f)]
        return (len(under) >= 3 and min(f.line.box[0] for f in under) < frag.line.box[0]
                and max(f.line.box[2] for f in under) > frag.line.box[2])

    return [f for f in row if not caption(f)]


_GROUPS = {("from", None), ("to", None)}


def _qualify_under_groups(
    cells: list[tuple[list[Fragment], Span]], groups: list[Fragment]
) -> tuple[list[tuple[str, Span]], dict[int, int]]:
    """A two-row header: 原申报信息 and 调整后信息 each merged over 等级 | 专业 | 人数. Each cell under
    both groups takes the group nearest above it (a group's text is centred over its columns), read
    whole, since a narrow cell wraps its word (申报人 / 数). Returns the cells and how many each
    group (by id) took."""
    result: list[tuple[str, Span]] = []
    taken: dict[int, int] = {}
    for frags, span in cells:
        text, top = _stacked_text(frags), min(f.top for f in frags)
        above = [g for g in groups if g.bottom - 0.3 * g.height < top]
        if classify_header(text) not in _SUB_HEADERS or len(above) < 2:
            result.append((text, span))
            continue
        group = min(above, key=lambda g: abs(g.cx - (span[0] + span[1]) / 2))
        taken[id(group)] = taken.get(id(group), 0) + 1
        result.append((group.text + text, span))
    return sorted(result, key=lambda cell: cell[1][0]), taken


def _split_run_on(text: str, span: Span, stacked: bool = False) -> list[tuple[str, Span]]:
    """A header box OCR ran over two cells or more (调整事项原申报内容) cut into its headers, by character share.
    `stacked`: the text is lines stacked in one cell, joined."""
    value = compact(text)
    words: list[str] = []
    while len("".join(words)) < len(value):
        word = next((w for w in _HEADER_WORDS if value.startswith(w, len("".join(words)))), None)
        if word is None:
            return [(text, span)]
        words.append(word)
    # 原申报人数 is one header: 原申报 qualified by 人数 (等级原申报人数调整后人数 is three).
    headers: list[list[str]] = []
    for word in words:
        qualifies = (headers and len(headers[-1]) == 1 and _WORD_KIND[headers[-1][0]] in ("from", "to")
                     and _WORD_KIND[word] in ("level", "major", "count"))
        if qualifies:
            headers[-1].append(word)
        else:
            headers.append([word])
    # Two lines stacked in one header cell may read like two headers (调整原因 over a wrapped reason's
    # 原申报专业): such lines with a qualified pair are one cell's.
    if len(headers) < 2 or (stacked and any(len(header) > 1 for header in headers)):
        return [(text, span)]
    edges = glyph_edges(value, *span)
    parts, start = [], 0
    for header in map("".join, headers):
        parts.append((header, (edges[start], edges[start + len(header)])))
        start += len(header)
    return parts


def _boundaries(spans: list[Span]) -> list[float]:
    return [(spans[i][1] + spans[i + 1][0]) / 2 for i in range(len(spans) - 1)]


def _column_of(frag: Fragment, bounds: list[float]) -> int:
    return sum(frag.cx > b for b in bounds)


# A sentence below the table (特此申请。, 具体说明如下：) ends it even inside a wide first column, and so
# does the approval block under it: its label (…部门意见：同意) or its opinion (同意, 已阅) without a full stop.
_SENTENCE_END = re.compile(r"[。:：！!]$|^(?:特此|此致|恳请|妥否)|^(?:原则|拟)?同意|^已阅|^情况属实|意见")
# The form's sign-off under its table: 填表人：高峰, 填表日期：2024年3月9日, 联系人：林红, 联系电话：….
_SIGN_OFF = re.compile(r"^(?:(?:填表|填报|制表|经办|审核)(?:人|日期|时间)|联系人|联系电话|联系方式)[:：]")


_PAGE_NUMBER = re.compile(r"^(?:第\d{1,3}页(?:[,，]?共\d{1,3}页)?|共\d{1,3}页[,，]?第\d{1,3}页|[-—–]\d{1,3}[-—–]|\d{1,3}/\d{1,3})$")


def _row_number(frag: Fragment) -> bool:
    """A bare number of one to three figures: a spreadsheet's row number, or a 序号."""
    return bool(re.fullmatch(r"\d{1,3}", compact(frag.text)))


_SECTION_HEADING = re.compile(r"^[一二三四五六七八九十]{1,2}[、.．]\D")
_SHEET_TAB = re.compile(r"^(?:sheet|工作表)\d{1,2}$", re.IGNORECASE)


def _in_grid(row: list[Fragment], header: Header, above: list[Fragment] | None = None) -> bool:
    """False for a line outside the grid: prose across the table, or a box astride a column border
    that does not carry on a cell of the row `above` it."""
    roles, spans = header
    bounds = _boundaries(spans)
    if all(_PAGE_NUMBER.match(compact(frag.text)) or _SHEET_TAB.match(compact(frag.text)) for frag in row):
        return False  # the page's footer under a table cut by the page break, a spreadsheet's sheet tabs
    if len(row) == 1 and _SECTION_HEADING.match(compact(row[0].text)):
        return False  # the next section's heading (二、考核专业调整) under a sectioned form's table
    for frag in row:  # a wrapped reason may end in 。; the seal's arc text may sit beside 特此申请。
        if _SENTENCE_END.search(compact(frag.text)) and roles[_column_of(frag, bounds)][0] != "reason":
            return False
        if _SIGN_OFF.match(compact(frag.text)):
            return False
    left, right = spans[0][0], spans[-1][1]
    width = right - left
    for frag in row:
        x0, x1 = frag.line.box[0], frag.line.box[2]
        crossed = sum(x0 < b < x1 for b in bounds)
        # Prose runs across the table alone; beside other cells, a box over three borders is two
        # cells a text layer ran together (a long certificate name that reaches into 原专业).
        # A 调整内容 column is wide (its header centred in it): a box from it to short of the next header's
        # middle is its cell.
        column = sum(x0 > b for b in bounds)
        worded = (roles[column] == ("field", "content")
                  and (column + 1 == len(spans) or x1 < sum(spans[column + 1]) / 2))
        if (crossed >= 3 and len(row) == 1) or (x1 - x0 > 0.55 * width and not worded
                                                 and not _run_on_cells(frag, crossed, row)):
            return False
        # A cell's text stays inside its column; a lone box astride a border is a line below the
        # table (the sign-off's unit name). Beside other cells it is two cells OCR ran together.
        # A glyph or two is neither: the end of a wrapped cell (定 of a reason) set left of its header;
        # nor is a level in brackets, the end of a certificate's name wrapped in a narrow column; nor
        # the last line of a wrapped cell, begun where that cell's line above begins (实到位 of a reason).
        astride = any(min(b - x0, x1 - b) > 0.3 * (x1 - x0) for b in bounds if x0 < b < x1)
        text = compact(frag.text)
        if (astride and len(row) == 1 and not re.search(r"\s", frag.text.strip()) and len(text) > 2
                and not _LEVEL_IN_BRACKETS.fullmatch(text) and not _carries_on(frag, above or [])):
            return False
    return any(left - 0.2 * width < f.cx < right + 0.2 * width for f in row)


_LEVEL_IN_BRACKETS = re.compile(r"[(（\[【][初中高][级圾][)）\]】]")


def _carries_on(frag: Fragment, above: list[Fragment]) -> bool:
    """Whether `frag` is the next line of a cell in the row above: left-aligned with one of its boxes,
    within half a glyph, and no wider."""
    return any(abs(f.line.box[0] - frag.line.box[0]) <= 0.5 * f.height and frag.line.box[2] <= f.line.box[2] + f.height
               for f in above)


def _run_on_cells(frag: Fragment, crossed: int, row: list[Fragment]) -> bool:
    """A box over half the table wide that is cells OCR ran together, not prose across the table: beside
    two cells or more of its row, and spaced into more words than the borders it crosses
    (490102 食品营养 540106 酒店管理 根据二级学院…); or beside a cell of its row, no sentence, and ending in
    a cell's value (工业机器人集成应用职业技能等级证书中级60 of a borderless table)."""
    text = compact(frag.text)
    return ((len(row) >= 3 and len(frag.text.split()) > crossed)
            or (len(row) >= 2 and bool(_ENDS_IN_VALUE.search(text)) and not _PROSE_MARK.search(text)))


_ENDS_IN_VALUE = re.compile(rf"(?:{_LEVEL_WORD.pattern}|{_NUMBER_WORD.pattern})$")
_PROSE_MARK = re.compile(r"[，,。；;：:、]")  # what cells run together never hold, and a sentence does


def _read_body(roles: list[Role], spans: list[Span], frags: list[Fragment]) -> Table:
    # A form's row label beside the table (调整内容 in an 审批表) lies wholly outside its columns.
    frags = [f for f in frags if f.line.box[2] > spans[0][0] and f.line.box[0] < spans[-1][1]]
    bounds = _column_bounds(spans, frags, roles)
    for frag in frags:
        frag.column = _column_of(frag, bounds)
    return assign_rows(roles, _split_wide(frags, bounds, roles))


def _column_bounds(spans: list[Span], frags: list[Fragment], roles: list[Role]) -> list[float]:
    """Column borders: the widest x-gap of the body's boxes between two header cells.

    Header text is centred in cells of unequal width, so the midpoint between two
    headers can fall inside a long cell of the wider column. A 调整内容 column's sentences may run on
    to the next column's header, leaving no gap to find: its border is then where that header starts.
    """
    boxes = [(f.line.box[0], f.line.box[2]) for f in frags]
    bounds = []
    for role, (_, left), (right, _) in zip(roles, spans, spans[1:], strict=False):
        cut = widest_gap_cut(left, right, boxes)
        if role == ("field", "content") and any(a < cut < b for a, b in boxes):
            cut = right
        bounds.append(cut)
    return bounds


def _split_wide(frags: list[Fragment], bounds: list[float], roles: list[Role]) -> list[Fragment]:
    """Split a box OCR ran across a column border ('初级  中级', '中级人数规模'): at its whitespace,
    else where the border falls between its characters. A long name centred in its cell may
    reach over the narrow 序号 column: a piece that is no number is no 序号, so such a box stays whole."""
    result: list[Fragment] = []
    for frag in frags:
        x0, y0, x1, y1 = frag.line.box
        by_kind = _split_by_kind(frag, bounds, roles)
        if by_kind:
            result.extend(by_kind)
            continue
        inside = [b for b in bounds if x0 + 0.15 * (x1 - x0) < b < x1 - 0.15 * (x1 - x0)]
        if not inside and re.match(r"\d{1,3}\D", compact(frag.text)):  # 1建筑信息模型: a 序号 run on
            inside = [b for b in bounds[:1] if x0 < b < x1 and roles[0][0] == "seq"]
        parts = frag.text.split()
        if inside and len(parts) > len(inside) + 1:
            parts = _words_by_column(parts, x0, x1, bounds, len(inside) + 1)
        if inside and len(parts) != len(inside) + 1:
            parts = _cut_at(compact(frag.text), x0, x1, inside)
        if not inside or len(parts) != len(inside) + 1:
            result.append(frag)
            continue
        edges = [x0, *inside, x1]
        pieces = [
            Fragment(TextLine(part, (edges[i], y0, edges[i + 1], y1), frag.line.confidence))
            for i, part in enumerate(parts)
        ]
        for piece in pieces:
            piece.column = _column_of(piece, bounds)
        if any(roles[p.column][0] == "seq" and not re.fullmatch(r"\d{1,3}", compact(p.text)) for p in pieces):
            result.append(frag)
            continue
        result.extend(pieces)
    return result


def _split_by_kind(frag: Fragment, bounds: list[float], roles: list[Role]) -> list[Fragment]:
    """A box over several columns cut where its words change kind, when that gives one piece per column
    it reaches and each piece fits its column: a long name run on into its level and number
    (工业机器人集成应用职业技能等级证书 | 中级 | 60) overflows its column in a borderless table, so where
    the borders fall says less than what the words are. [] when the words do not fit so."""
    x0, y0, x1, y1 = frag.line.box
    first, last = sum(b <= x0 for b in bounds), sum(b < x1 for b in bounds)
    pieces = [piece for piece in _VALUE_TOKEN.split(compact(frag.text)) if piece]
    if last == first or len(pieces) != last - first + 1:
        return []
    # Figures run on into words are a major's catalogue code (730701电子商务), one cell.
    if any(re.fullmatch(r"\d+", a) and not _VALUE_TOKEN.fullmatch(b) for a, b in zip(pieces, pieces[1:], strict=False)):
        return []
    columns = range(first, last + 1)
    if not all(_fits(piece, roles[column]) for piece, column in zip(pieces, columns, strict=True)):
        return []
    edges = [x0, *bounds[first:last], x1]
    result = []
    for i, (piece, column) in enumerate(zip(pieces, columns, strict=True)):
        part = Fragment(TextLine(piece, (edges[i], y0, edges[i + 1], y1), frag.line.confidence))
        part.column = column
        result.append(part)
    return result


# A level in brackets is the name's own (“网店运营推广”（初级）), as is one before 证书 (NFKC: ASCII brackets).
_VALUE_TOKEN = re.compile(rf"((?<![(\[【]){_LEVEL_WORD.pattern}(?![)\]】]|证书)|{_NUMBER_WORD.pattern})")


def _fits(piece: str, role: Role) -> bool:
    """Whether a piece of a run-on box can be a cell of a column in `role`: a level under a level column,
    a number under a value or 序号 column, words under a column of words."""
    if _LEVEL_WORD.fullmatch(piece):
        return role[0] == "level" or (role[0] in ("from", "to") and role[1] in (None, "level"))
    if _NUMBER_WORD.fullmatch(piece):
        return role[0] == "seq" or (role[0] in ("from", "to") and role[1] in (None, "headcount"))
    return role[0] in ("cert", "field", "reason") or (role[0] in ("from", "to") and role[1] in (None, "major"))


def _words_by_column(words: list[str], x0: float, x1: float, bounds: list[float], cells: int) -> list[str]:
    """A run-on box's space-separated words joined per column their middles fall in (placed at
    `glyph_widths` across the box, a space a glyph wide); [] unless that makes `cells` cells."""
    widths = [sum(glyph_widths(word)) for word in words]
    scale = (x1 - x0) / max(sum(widths) + len(words) - 1, 1e-6)
    joined: dict[int, list[str]] = {}
    left = x0
    for word, width in zip(words, widths, strict=True):
        column = sum(left + width * scale / 2 > b for b in bounds)
        joined.setdefault(column, []).append(word)
        left += (width + 1) * scale
    return ["".join(part) for part in joined.values()] if len(joined) == cells else []


# Where one cell's text ends and the next begins in a run-on box: after a closing bracket, a number
# or a field name, before a field name, a level or a number (“网店运营推广”（初级）|考核等级, 1|建筑信息模型,
# 考核专业|工业机器人技术, …职业技能等级证书|中级|60).
_CELL_START = re.compile(r"(?<=[)\]】])|(?<=\d)(?=\D)|(?<=专业|等级|人数|规模|证书)|(?=考核|试点|申报|人数|等级|专业|\d)"
                         r"|(?<![初中高(\[【])(?=[初中高]级(?![)\]】]|证书))")


def _cut_at(text: str, x0: float, x1: float, cuts: list[float]) -> list[str]:
    """The text cut at the character boundaries nearest to the cuts, at `glyph_widths`.

    A boundary where a cell plausibly ends (see _CELL_START) within four glyphs of a cut wins."""
    ends = glyph_edges(text, x0, x1)
    scale = (x1 - x0) / max(sum(glyph_widths(text)), 1e-6)
    natural = {m.start() for m in _CELL_START.finditer(text)} - {0, len(text)}

    def nearest(cut: float) -> int:
        snapped = [i for i in natural if abs(ends[i] - cut) <= 4 * scale]
        return min(snapped or range(1, len(text)), key=lambda i: abs(ends[i] - cut), default=0)

    indexes = [nearest(cut) for cut in cuts]
    if sorted(set(indexes)) != indexes or not indexes or indexes[0] == 0:
        return []
    bounds = [0, *indexes, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
