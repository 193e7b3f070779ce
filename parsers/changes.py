"""Find the requested changes in a request's pages: tables of any sensible layout and prose (spec §2 Changes).

Values are read faithfully as the document states them; linking to the
registry happens later in `workflow`. The same change read twice (two pages,
a table and its prose summary, two documents) is listed once.
"""

from __future__ import annotations

import re
from collections import Counter

from parsers.model import Box, Document, ExtractedChange, Field, Page
from parsers.normalise import (
    compact,
    parse_field,
    parse_headcount,
    parse_level,
    parse_value,
    split_level,
    states_change,
    states_value,
)
from parsers.prose import page_text, read_prose, sheets
from parsers.table_rows import NOT_ADJUSTED_WORDS, TOTAL
from parsers.tables import Role, Table, classify_header, find_tables
from parsers.vocabulary import Vocabulary

_FIELDS: tuple[Field, ...] = ("level", "major", "headcount")


def extract_changes(pages: list[Page], vocabulary: Vocabulary | None = None) -> list[ExtractedChange]:
    """Every change stated on the pages, tables first, then prose, each listed once.

    `vocabulary` (the registry's certificates) anchors certificates named in prose.
    """
    return deduplicate(_known(_stated_changes(pages, vocabulary), vocabulary))


def _stated_changes(pages: list[Page], vocabulary: Vocabulary | None) -> list[ExtractedChange]:
    """Every statement of a change on the pages, as written: one change stated twice is listed twice."""
    found: list[ExtractedChange] = []
    for page in pages:
        read: list[Box] = []  # what a table states is read from its cells, not again as sentences run across them
        for table in _page_tables(page, vocabulary):
            certificate = _block_certificate(table)
            from_table = [change for row in table.rows
                          for change in changes_from_row(row, certificate) or _worded_row(row, vocabulary)]
            found.extend(_with_page(from_table, page.number))
            if from_table:
                read.append(table.extent)
        text = page_text(page, outside=read)
        typed = [change for row in delimited_rows(text) for change in changes_from_row(row)]
        found.extend(_with_page(typed + changes_from_prose(text, vocabulary), page.number))
    return found


def delimited_rows(text: str) -> list[dict[Role, str]]:
    """The rows of a table typed as lines of text, its cells parted by slashes: a line of column names
    (证书名称/等级/调整项目/原申报/调整后：), then a line per row, numbered or not, with as many cells."""
    rows: list[dict[Role, str]] = []
    roles: list[Role] | None = None
    # Lines as long as the page's widest run on in the page's text as one paragraph (…特此申请：证书名称/…/调整后：
    # 1.物流管理/…/中级2.智能财税/…): the header ends at its colon, a row where the next one's number begins.
    for typed in (row for line in _TYPED_LINE_END.split(text) for row in _NEXT_ROW.split(compact(line)) if row):
        cells = _CELL_DELIMITER.split(_ROW_NUMBER.sub("", typed))
        cells[-1] = _CLOSING_WORDS.sub("", cells[-1])  # …/计算机应用其余申报内容不变。
        header = [role for cell in cells if (role := classify_header(cell))] if len(cells) >= MIN_TYPED_COLUMNS else []
        if header and len(header) == len(cells) and ("to", None) in header:
            roles = header
        elif roles is not None and len(cells) == len(roles):
            rows.append(dict(zip(roles, cells, strict=True)))
        else:
            roles = None  # the table ends at a line that is none of its rows
    return rows


MIN_TYPED_COLUMNS = 3  # certificate, old value, new value at least
_CELL_DELIMITER = re.compile(r"[/／|｜]")
_TYPED_LINE_END = re.compile(r"[\n:：。；;]")
_CLOSING_WORDS = re.compile(r"(?:其余|其他|以上|特此|恳请).*$")
_NEXT_ROW = re.compile(r"(?<=[^\d/／])(?=\d{1,2}[.、．](?!\d))")
_ROW_NUMBER = re.compile(r"^(?:\d{1,2}[.、．]|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、)")


def _worded_row(row: dict[Role, str], vocabulary: Vocabulary | None) -> list[ExtractedChange]:
    """The changes a row's 调整内容 cell says in words, certificate and all, in a table with no certificate
    column (序号 | 调整事项 | 备注): read as the sentence it is."""
    statement = row.get(("field", "content"))
    if not statement or any(kind == "cert" for kind, _ in row):
        return []
    return changes_from_prose(statement, vocabulary)


def _page_tables(page: Page, vocabulary: Vocabulary | None) -> list[Table]:
    """The page's change tables; on a landscape page that may be two sheets side by side, those of
    each sheet when they hold more rows (a table beside a letter shares its visual rows with the
    letter's lines), else the whole page's (a wide table's columns may leave a gutter too)."""
    whole = find_tables(page.lines, vocabulary)
    sides = sheets(page)
    if len(sides) == 1:
        return whole
    apart = [table for side in sides for table in find_tables(side, vocabulary)]
    return apart if sum(len(t.rows) for t in apart) > sum(len(t.rows) for t in whole) else whole


def _block_certificate(table: Table) -> str:
    """The certificate of a table without a 证书名称 column, with its level: as its title states it,
    else the level its 考核等级 row declared (原申报), which links the change when a school holds two."""
    name, level = split_level(table.certificate)
    if level or not name:
        return table.certificate
    levels = (parse_level(row.get(("from", None))) for row in table.rows if parse_field(_field_cell(row)) == "level")
    declared = next((value for value in levels if value), None)
    return f"{name}({declared})" if declared else table.certificate


def _known(changes: list[ExtractedChange], vocabulary: Vocabulary | None) -> list[ExtractedChange]:
    """Certificates and majors as the registry spells them, where a table cell or a sentence names one
    known name up to OCR damage (a name the registry does not hold is kept as written, for
    no_matching_application and major_not_offered)."""
    if vocabulary is None:
        return changes
    # A major read alike, glyph for glyph, in two statements (the letter and its table) is what the page
    # says, not OCR damage: 统计事务 stated twice is not the registry's 会计事务 one glyph away.
    stated = Counter(value for change in changes if change.field == "major"
                     for value in (change.from_value, change.to_value) if isinstance(value, str))
    for change in changes:
        change.certificate = vocabulary.certificate_named(change.certificate) or change.certificate
        if change.field == "major":
            written = change.to_value
            change.from_value, change.to_value = (
                (vocabulary.major_named(value) or value) if isinstance(value, str) and stated[value] < 2 else value
                for value in (change.from_value, change.to_value)
            )
            if change.to_value == change.from_value != written:
                # The new major one glyph from the old (统计事务 for 会计事务) is another major, not a
                # misreading of it: a change names two. The old value names a declaration and snaps.
                change.to_value = written
    return changes


def extract_document_changes(
    documents: list[Document], vocabulary: Vocabulary | None = None
) -> list[ExtractedChange]:
    """Changes across several documents (a letter and its annex), each listed once."""
    found: list[ExtractedChange] = []
    for document in documents:
        for change in _stated_changes(document.pages, vocabulary):
            change.document = document.filename
            found.append(change)
    return deduplicate(_known(found, vocabulary))


def changes_from_row(row: dict[Role, str], certificate: str = "") -> list[ExtractedChange]:
    """The changes one table row states: a 调整事项 row, or a wide row with 原人数 | 调整后人数 pairs.

    `certificate` names the certificate of a table without a 证书名称 column. A row marked
    不调整, a totals row (合计), and a new value that is blank, —, /, 不变 or equal to the old one, state no change.
    """
    cert_text = (row.get(("cert", None)) or next((text for (kind, _), text in row.items() if kind == "cert"), "")
                 or certificate)
    name, level = split_level(cert_text)
    if not name or any(_KEEP.search(compact(text)) or TOTAL.match(compact(text)) for text in row.values()):
        return []
    if _ANSWERED_NO.match(compact(row.get(("adjusted", None), ""))):
        return []
    level = parse_level(row.get(("level", None))) or level or parse_level(row.get(("from", "level")))
    changes = []
    plain_from, plain_to = row.get(("from", None)), row.get(("to", None))
    if states_value(plain_to):
        stated = parse_field(_field_cell(row))
        # A field cell may hold more than the field (初级 调增 under a header OCR ran over 等级 and
        # 调整类型): values it cannot hold tell the field themselves.
        field = stated if stated and parse_value(stated, plain_to) is not None else _infer_field(plain_from, plain_to)
        if field and states_change(field, plain_from, plain_to):
            changes.append(_change(name, field, level, plain_from, plain_to))
    for field in _FIELDS:  # a wide table's column holds one kind of value: anything else states none
        before, after = row.get(("from", field)), row.get(("to", field))
        if states_change(field, before, after):
            changes.append(_change(name, field, level, before, after))
    if not any(kind == "to" for kind, _ in row):
        # A 调整内容 cell beside a 调整类型 one may leave the field to it (由80人调整为100人 beside 试点人数).
        statement = row.get(("field", "content"))
        changes += _stated_in_words(name, level, row.get(("field", None), "") + statement if statement
                                    else row.get(("field", None)))
    difference = _signed_headcount(row.get(("delta", None)))
    for change in changes:
        # An old headcount OCR lost is the new one less the 增减 column's difference.
        if (difference is not None and change.field == "headcount" and change.from_value is None
                and isinstance(change.to_value, int)):
            change.from_value = change.to_value - difference
    return changes


def _field_cell(row: dict[Role, str]) -> str | None:
    """The row's 调整事项 cell, or its 调整内容 one where that column names the field instead."""
    return row.get(("field", None)) or row.get(("field", "content"))


_SIGNED = re.compile(r"^(?P<sign>[+＋\-－—–一]?)(?P<number>\d{1,4})人?$")  # a minus OCR may read as 一


def _signed_headcount(text: str | None) -> int | None:
    """The signed difference of a 增减 cell (+25, -20, 一20); None when it states none."""
    found = _SIGNED.match(compact(text or ""))
    if found is None:
        return None
    number = int(found["number"])
    return -number if found["sign"] and found["sign"] not in "+＋" else number


def _stated_in_words(name: str, level: str | None, statement: str | None) -> list[ExtractedChange]:
    """The changes a 调整内容 cell says in words (试点人数由45人调整为60人, 考核专业：会计→大数据与会计),
    read as the sentence the row makes with its certificate."""
    if not statement:
        return []
    return changes_from_prose(f"“{name}”" + (f"（{level}）" if level else "") + statement)


_KEEP = re.compile(rf"^{NOT_ADJUSTED_WORDS}")  # a row that states it stays as it is
_ANSWERED_NO = re.compile(r"^(?:否|不|无|×|✗|N|No)$", re.IGNORECASE)  # 是否调整: 否
def changes_from_prose(text: str, vocabulary: Vocabulary | None = None) -> list[ExtractedChange]:
    return [
        _change(p.certificate, field, p.level, p.from_text, p.to_text)
        for p in read_prose(text, vocabulary)
        if p.certificate and (field := p.field or _infer_field(p.from_text, p.to_text))
    ]


def _change(
    name: str, field: str, level: str | None, before: str | None, after: str | None
) -> ExtractedChange:
    from_value, to_value = parse_value(field, before), parse_value(field, after)
    if field == "level" and level is None and isinstance(from_value, str):
        level = from_value  # for a level change the certificate's level is the one it had
    return ExtractedChange(name, field, level, from_value, to_value)  # type: ignore[arg-type]


def _infer_field(before: str | None, after: str | None) -> str | None:
    """Without a 调整事项 column, the values say what changes: two levels, two numbers, else majors."""
    values = [v for v in (before, after) if v]
    if values and all(parse_level(v) and len(v.strip()) <= 6 for v in values):
        return "level"
    if values and all(parse_headcount(v) is not None for v in values):
        return "headcount"
    # A count of people (45人, 25人 with the unit's name and the date run on under it) is no major.
    return "major" if values and not any(_COUNT_OF_PEOPLE.search(compact(v)) for v in values) else None


_COUNT_OF_PEOPLE = re.compile(r"\d\s*[人名]")


def _with_page(changes: list[ExtractedChange], number: int) -> list[ExtractedChange]:
    for change in changes:
        change.page = number
    return changes


def deduplicate(changes: list[ExtractedChange]) -> list[ExtractedChange]:
    """Keep the first reading of each change, completed by later readings of the same change."""
    kept: list[ExtractedChange] = []
    for change in changes:
        same = next((k for k in kept if _same_change(k, change)), None)
        if same is None:
            kept.append(change)
            continue
        same.level = same.level or change.level
        same.from_value = same.from_value if same.from_value is not None else change.from_value
        same.to_value = same.to_value if same.to_value is not None else change.to_value
    return kept


def _same_change(a: ExtractedChange, b: ExtractedChange) -> bool:
    """Equal certificate and field; level, from and to equal or missing on one side (an unreadable cell)."""
    if (a.certificate, a.field) != (b.certificate, b.field):
        return False
    pairs = ((a.level, b.level), (a.from_value, b.from_value), (a.to_value, b.to_value))
    compatible = all(x is None or y is None or x == y for x, y in pairs)
    return compatible and (a.to_value == b.to_value or a.from_value == b.from_value)
