"""Read changes stated in sentences: 将“Web前端开发”证书（中级）试点人数由80人调整为120人.

The page text is compacted (NFKC, no whitespace) and joined across lines,
because a sentence wraps at any character. Every change clause (a field word,
an optional 由 X and a verb such as 调整为/变更为/改为/调增至) takes the nearest
certificate mention before it in the same sentence, so one sentence may carry
several changes of one certificate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median, quantiles

from parsers.model import Box, Page, TextLine
from parsers.normalise import (
    compact,
    parse_field,
    parse_headcount,
    parse_level,
    parse_major,
    parse_value,
    split_level,
    states_change,
)
from parsers.skew import straighten
from parsers.table_rows import Fragment, visual_rows
from parsers.vocabulary import Vocabulary

_OPEN = "“\"「『‘'《〈"
_CLOSE = "”\"」』’'》〉"
# The bracket closing a level may be lost (OCR drops a glyph at a line's end: …证书（初级 / 轮机工程技术→…)
# or doubled (（初级））, as OCR reads a bracket's edge as one more).
_LEVEL_TAIL = r"(?:职业技能等级)?(?:证书)?(?:[(\[【]([初中高])[级圾][)\]】]{0,2})?(?:职业技能等级)?(?:证书)?"
# An opening quote that no closing one follows is OCR's (a seal's stroke, a speck after an item whose
# full stop was lost): read as one it would open a quoted value that runs to the end of the text.
_UNCLOSED_QUOTE = re.compile(r"[“「『](?=[^”」』“「『]*\Z)")
_QUOTED = re.compile(rf"[{_OPEN}]([^{_OPEN}{_CLOSE}，。；]{{2,40}}?)[{_CLOSE}]{_LEVEL_TAIL}")
_FIELD_WORD = "|".join(
    ("考核等级", "证书等级", "申报等级", "等级", "考核专业", "试点专业", "申报专业", "专业")
    + ("试点人数", "人数规模", "申报人数", "申报规模", "考核人数", "试点规模", "人数", "规模")
)
# 修改 is no verb in 维修改为 (汽车运用与维修 is the old value) nor in 检修 or 装修.
_VERB_WORD = r"(?:调整|变更|更改|(?<![维检装])修改|调增|调减|增加|减少|提高|提升|降低|扩大|缩小|压缩|上调|下调|增|减|改)"
_VERB = rf"{_VERB_WORD}?(?:为|至|到|成)"
# The field may first give the difference, the values in brackets or after a comma: 试点人数5人（由60人增至65人）,
# 试点人数增加5人，由70人调整为75人. The clause keeps its sign and difference: with 由45人 they tell the new
# value even where OCR lost a glyph of it.
# A difference without its sign is one only before the values it sums up (5人（由60人增至65人）); else
# it is the old value itself (申报人数60人调整为80人).
_NAMED_DELTA = r"(?:(?P<sign>增加|减少|调增|调减|[增减加少])(?P<delta>\d{1,4})人[，,]?|\d{1,4}人(?:[，,]|(?=\()))?\(?"
_DELTA = _NAMED_DELTA.replace("?P<sign>", "?:").replace("?P<delta>", "?:")
# Who and what opens the item before the name: 我校原申报的…, 申请增加…(试点人数…).
_OWNER = r"(?:我校|本校|我单位|本单位)?(?:申请)?(?:增加|减少|调增|调减)?(?:原?申报的)?"
# A form-like item gives the old value after a colon instead of 由: 申报人数：40人改为35人; a letter may
# say what it was first: 试点人数原申报为40人，现申请调整为85人.
_FORMER_WAS = r"原申报为|原申报|原为"
# 由 or 从 before the old value; 申 before figures is OCR's 由, whose stroke's foot it lost (申40人调整为35人).
_FROM = r"(?:由|从|申(?=\d))"
# A level change may name no field: its two values are levels (…证书原申报中级，现申请提升至高级).
_LEVEL_CLAUSE = re.compile(
    rf"(?:{_FORMER_WAS}|{_FROM})(?P<from>[初中高]级)[，,]?(?:现|拟)?(?:申请)?{_VERB}(?P<to>[初中高]级)"
)
# What follows a certificate's name where a change clause opens: a field word, then 由/从, a colon,
# 原申报为 or the verb; or a level change by its levels alone.
_CLAUSE_OPENS = (
    rf"的?(?:{_FIELD_WORD})(?:调整|变更)?[:：]?{_DELTA}(?:拟?(?:调整|变更)?{_FROM}|{_FORMER_WAS}|{_VERB}|(?<=[:：])|\d{{1,4}}人)"
    rf"|{_LEVEL_CLAUSE.pattern.replace('?P<from>', '?:').replace('?P<to>', '?:')}"
)
# An unquoted name runs from 将 to the field word that opens the clause (not the 等级 of 职业技能等级证书).
_AFTER_JIANG = re.compile(
    rf"(?:将|把){_OWNER}([^{_OPEN}{_CLOSE}，。；:：,;]{{2,40}}?){_LEVEL_TAIL}"
    rf"(?={_CLAUSE_OPENS})"
)
# A name with no 将 and no quotes opens an item or a sentence: "2. Web前端开发证书（中级）考核专业由…",
# "（1）物流管理（初级）试点人数…"; it must end in 证书 or a level (a registry name needs neither).
_NUMBERING = r"(?:\d{1,2}[.、]|[一二三四五六七八九十]{1,3}、|\((?:\d{1,2}|[一二三四五六七八九十]{1,3})\)|[◆◇●○■□▪•])"  # or a bullet
_ITEM_START = rf"(?:(?:^|(?<=[。；;:：\n])){_NUMBERING}?|{_NUMBERING})"
# The quote may close before the generic suffix or after it (“Web前端开发职业技能等级证书”（中级）).
_LEVEL_AFTER = re.compile(r"[\"”」』’'》〉]?(?:职业技能等级)?(?:证书)?[\"”」』’'》〉]?[(\[【]([初中高])[级圾][)\]】]{0,2}")
_ARROW = re.compile(r"→|⟶|[-—–一=]{1,2}>")  # 一> is —> as OCR reads its dash, a glyph of 一's shape
# …证书（初级）：试点人数30人→50人: the field, after a colon, and its old value before an arrow.
_ARROW_OPENS = rf"[:：]?(?:{_FIELD_WORD})[:：]?[^，。；,;\n]{{1,30}}?(?:{_ARROW.pattern})"
_BARE = re.compile(
    rf"{_ITEM_START}{_OWNER}([^{_OPEN}{_CLOSE}，。；:：,;\n将把]{{2,40}}?){_LEVEL_TAIL}"
    rf"(?=[:：]?{_CLAUSE_OPENS}|{_ARROW_OPENS})"
)
# The new value ends at punctuation, a closing quote, a bracket (opening or closing: 调减5人（由40人调整为35人）
# then the next line run on), the next numbered item
# ("…调整为“软件技术”2.将…" when OCR lost the full stop at a line end), the closing 特此申请 or
# 以上调整均在申报期内提出, or the reason given after it (…变更为计算机应用原因是根据二级学院论证意见, the
# comma lost at a line's wrap): no major, level or headcount holds these words.
_VALUE_STOP = rf"[，。；,;()（）\n{_CLOSE}]|并|$|{_NUMBERING}|将|把|特此|此致|以上|原因|理由|因为|由于|根据|鉴于"
_TO = (
    rf"(?P<to>[{_OPEN}][^{_OPEN}{_CLOSE}。\n]{{1,30}}[{_CLOSE}]"
    rf"|[{_OPEN}]?[^，。；,;\n{_OPEN}]{{1,30}}?(?={_VALUE_STOP}))"
)
_CLAUSE = re.compile(
    rf"(?P<field>{_FIELD_WORD})(?:调整|变更)?[:：]?(?:(?<![:：]){_NAMED_DELTA})?"
    rf"(?:(?:[，,]?拟?(?:调整|变更)?{_FROM}|(?<=[:：])|{_FORMER_WAS}|(?=\d{{1,4}}人))"
    rf"(?P<from>[^，。；,;\n由从]{{1,30}}?)[，,]?(?:现|拟)?(?:申请)?)?{_VERB}\n?{_TO}"
    rf"(?:\((?:{_FORMER_WAS}|原)(?P<was>[^()，。]{{1,30}})\))?"  # 调整为80人（原申报60人）
)
# Old → new after the certificate: 更换考核专业：“数字媒体交互设计”证书（中级）数字媒体技术→软件工程.
_ARROW_TO = re.compile(rf"[^，。；,;\n→]{{1,30}}?(?=\)|{_VALUE_STOP})")  # (…→计算机应用特此申请: the full stop lost)
# What stands between a certificate's name and its old value: its level, 证书, a field word, a colon.
_NAME_TAIL = re.compile(rf"^[{_CLOSE}]?{_LEVEL_TAIL}[:：,，]?(?P<field>{_FIELD_WORD})?[:：,，]?")
# A sentence OCR cut short after the old value ("…试点人数由140人调" and nothing more on the
# page): still a change, with the new value unreadable.
_CUT_SHORT = re.compile(
    rf"(?P<field>{_FIELD_WORD}){_FROM}(?P<from>[^，。；,;\n由从]{{1,30}}?)(?:调整?|变更?|改|调[增减])?(?P<to>)(?=\n|$)"
)


@dataclass
class ProseChange:
    """One change clause as read, before values are parsed."""

    certificate: str
    level: str | None
    field: str | None  # None: the values tell (an arrow with no field word near it)
    from_text: str | None
    to_text: str | None


PROSE_LINE = 12  # glyphs: a line of running text at least this long is a paragraph's, not a date's


def page_text(page: Page, outside: list[Box] | None = None) -> str:
    """The page's text in reading order, compacted: wrapped lines join, a paragraph ends in a newline.

    The newline stops a value at a line that ends early ("…调整为“电子商务" + "特此申请。")
    when OCR lost the closing quote and full stop, and at a table row (three boxes or
    more side by side), so a sentence never runs on into the header below it. Lines whose
    middle lies in one of the `outside` boxes (page pixels) are left out.
    """
    return "\n".join(_column_text([line for line in side if not any(_inside(line.box, box) for box in outside or ())])
                     for side in sheets(page))


def sheets(page: Page) -> list[list[TextLine]]:
    """The page's lines, straightened, as one sheet, or as two scanned side by side (left, right)."""
    return _sheets_side_by_side(straighten(page.lines), page.width, page.height)


def _sheets_side_by_side(lines: list[TextLine], width: int, height: int) -> list[list[TextLine]]:
    """A landscape page's lines as two sheets, left then right, where a gutter down its middle third
    crosses no line (two A4 pages scanned onto one sheet): else all the lines as one."""
    if width <= LANDSCAPE * height or len(lines) < 2 * MIN_SHEET_LINES:
        return [lines]
    for gutter in range(int(0.35 * width), int(0.65 * width), max(1, width // 200)):
        left = [ln for ln in lines if ln.box[2] <= gutter]
        right = [ln for ln in lines if ln.box[0] >= gutter]
        if len(left) + len(right) == len(lines) and min(len(left), len(right)) >= MIN_SHEET_LINES:
            return [left, right]
    return [lines]


def _inside(line: Box, box: Box) -> bool:
    x, y = (line[0] + line[2]) / 2, (line[1] + line[3]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


LANDSCAPE = 1.2  # width over height of a page that may hold two upright sheets
MIN_SHEET_LINES = 5  # lines each sheet holds at least: a landscape table's last column is no sheet


def _column_text(lines: list[TextLine]) -> str:
    rows = visual_rows(lines)
    rows = [row for above, row, below in zip([[], *rows], rows, [*rows[1:], []], strict=False)
            if not _lone_form_label(row, above, below)]
    if not rows:
        return ""
    right = _right_margin(rows)
    spaced = _paragraph_spacing(rows)
    parts = []
    for row, below in zip(rows, [*rows[1:], []], strict=True):
        parts.append("".join(compact(frag.text) for frag in row if not _form_label(frag, row)))
        ends_early = row[-1].line.box[2] < right - 2 * median(f.height for f in row)
        apart = bool(below) and _gap(row, below) > spaced
        parts.append("\n" if ends_early or apart or len(row) >= 3 or len(below) >= 3 else "")
    return "".join(parts)


PARAGRAPH_GAP = 1.0  # glyph heights of white, beyond the tightest line spacing, that set a paragraph apart


def _paragraph_spacing(rows: list[list[Fragment]]) -> float:
    """The white (pixels) between two rows beyond which the lower starts a new paragraph. A paragraph
    that fills its last line ("…变更为自动化" + a blank line + "妥否，请批示。") ends early nowhere,
    but the white under it is wider than between its own wrapped lines, the tightest on the page
    (their lower quartile, so one tight pair of boxes OCR drew overlapping does not set it)."""
    glyph = median(f.height for row in rows for f in row)
    prose = [_gap(row, below) for row, below in zip(rows, rows[1:], strict=False) if len(row) <= 2 and len(below) <= 2]
    tight = quantiles(prose, n=4)[0] if len(prose) >= 2 else 0.0
    return max(tight, 0.0) + PARAGRAPH_GAP * glyph


def _gap(row: list[Fragment], below: list[Fragment]) -> float:
    return min(f.top for f in below) - max(f.bottom for f in row)


# A form's row title in the cell left of the prose (调整事项 | 1. …由“汽 / 车运用与维修”调整为…, a 呈批件's
# 内容摘要): it falls in among the wrapped lines of the cell beside it, on their row or alone between two
# of them, and is no part of their sentence.
_FORM_LABEL = re.compile(r"^(?:(?:申请)?(?:调整|变更|申请)(?:事项|内容|情况|说明|原因)|内容摘要|主要内容|事由)[:：]?$")


def _form_label(frag: Fragment, row: list[Fragment]) -> bool:
    return frag is row[0] and len(row) > 1 and bool(_FORM_LABEL.match(compact(frag.text)))


def _lone_form_label(row: list[Fragment], above: list[Fragment], below: list[Fragment]) -> bool:
    """A form's row title alone on its visual row, left of the prose beside it, above or below."""
    return (len(row) == 1 and bool(_FORM_LABEL.match(compact(row[0].text)))
            and any(row[0].line.box[2] <= other[0].line.box[0] for other in (above, below) if other))


def _right_margin(rows: list[list[Fragment]]) -> float:
    """Where the page's full lines end: the farthest right edge two lines of prose reach (a
    paragraph wraps there). A lone box further out, a date by the signature, or the dates of two
    signature rows, would make every line end early: only one-box rows a dozen glyphs long count."""
    glyph = median(f.height for row in rows for f in row)
    prose = [row for row in rows if len(row) == 1 and row[0].line.box[2] - row[0].line.box[0] >= PROSE_LINE * glyph]
    edges = sorted((row[-1].line.box[2] for row in prose or rows), reverse=True)
    return next((a for a, b in zip(edges, edges[1:], strict=False) if a - b < glyph), edges[0])


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str  # normalised certificate name
    level: str | None


def read_prose(text: str, vocabulary: Vocabulary | None = None) -> list[ProseChange]:
    """Every change clause in the text with the certificate mentioned before it.

    Certificates of the `vocabulary` are found wherever the text names them; other
    names only where the wording marks them (将…, quotes, an item opening with 证书 or a level).
    """
    text = _UNCLOSED_QUOTE.sub("", _rejoin_names([compact(part) for part in text.split("\n")], vocabulary))
    clauses = [(m, _value_end(m, text, vocabulary)) for m in _iter_clauses(text)]
    spans = [(m.start(), end) for m, end in clauses]
    mentions = [m for m in _iter_mentions(text, vocabulary) if not any(a <= m.start < b for a, b in spans)]
    result = []
    for clause, end in clauses:
        mention = _mention_before(mentions, clause.start(), text)
        field = parse_field(clause.group("field"))
        if mention is None or field is None:
            continue
        from_text = _strip_from(clause.group("from") or clause.group("was"))
        to_text = text[clause.start("to") : end] or None
        if field == "headcount":
            stated = clause.groupdict()  # a clause cut short states no difference
            to_text = _by_difference(from_text, to_text, stated.get("sign"), stated.get("delta"))
        result.append(ProseChange(mention.name, mention.level, field, from_text, to_text))
    return (result + _arrow_changes(text, mentions, spans) + _level_changes(text, mentions, spans)
            + _labelled_changes(text))


def _by_difference(from_text: str | None, to_text: str | None, sign: str | None, delta: str | None) -> str | None:
    """The new headcount, where the item also states the difference (增加45人，由45人调整为90人) and OCR
    read the new value short of a glyph or lost it (调整为0人: a seal's ring over the 9): the old value
    plus or minus the difference, when what was read is that number with glyphs missing. A new value
    that disagrees otherwise is the school's own, and stays as written."""
    old = parse_headcount(from_text)
    if old is None or sign is None or delta is None:
        return to_text
    expected = str(old + int(delta) if sign[-1] in "增加" else old - int(delta))
    read = parse_headcount(to_text)
    if read is None and to_text:
        return to_text
    if read is not None and (str(read) == expected or not _subsequence(str(read), expected)):
        return to_text
    return f"{expected}人"


def _subsequence(part: str, whole: str) -> bool:
    rest = iter(whole)
    return all(char in rest for char in part)


def _value_end(clause: re.Match[str], text: str, vocabulary: Vocabulary | None) -> int:
    """Where the clause's new value ends: where the match ends, or earlier where a certificate the
    registry knows begins inside it (the next item run on where OCR lost a line break:
    改为计算机应用城市轨道交通运营服务（初级）人数规模…), unless the whole value is a major it knows."""
    start, end = clause.span("to")
    value = text[start:end]
    # 现代物流管理 is a major, though 物流管理 is a certificate too; so is 700206汽车运用与维修, code and all
    if vocabulary is None or vocabulary.major_named(parse_major(value) or value):
        return end
    inside = [m.start for m in vocabulary.certificate_mentions(text[start:end]) if m.start >= MIN_VALUE]
    return start + inside[0] if inside else end


MIN_VALUE = 2  # glyphs of the shortest value (初级, 30人)


def _rejoin_names(parts: list[str], vocabulary: Vocabulary | None) -> str:
    """The parts joined by newlines, except where a value or a known name runs from one part into the
    next: a paragraph does not end inside a certificate or a major, nor in a quoted value just opened
    (…调整为“7701 / 01幼儿保育”。, its catalogue code cut at the line's end) or before a clause's value
    (…考核专业由原来的 / 700209…), unless a new item begins."""
    text = parts[0]
    for part in parts[1:]:
        cut_value = ((_QUOTE_OPENED.search(text) is not None or _AWAITS_VALUE.search(text) is not None)
                     and _NEW_ITEM.match(part) is None)
        text += part if cut_value or (vocabulary and vocabulary.runs_across(text, part)) else "\n" + part
    return text


# A quote opened within a value's length of the end and not closed; a clause's 由 or verb with its value
# still to come (…考核专业由原来的 / 700209新能源汽车运用与维修专业调整到…); a numbered item opening a line.
_QUOTE_OPENED = re.compile(rf"[{_OPEN}][^{_OPEN}{_CLOSE}，。；\n]{{0,12}}\Z")
_AWAITS_VALUE = re.compile(rf"(?:(?:{_FIELD_WORD})(?:{_FROM}|{_FORMER_WAS})(?:原来的|原先的|原)?|{_VERB_WORD}(?:为|至|到|成))\Z")
_NEW_ITEM = re.compile(_NUMBERING)


def _arrow_changes(text: str, mentions: list[_Mention], spans: list[tuple[int, int]]) -> list[ProseChange]:
    """Changes written old → new after the certificate's name, outside the clauses already read.
    The field is the field word between the name and the old value, else the one opening the item
    (更换考核专业：…), else left to the values."""
    found = []
    for arrow in _ARROW.finditer(text):
        mention = _mention_before(mentions, arrow.start(), text)
        to = _ARROW_TO.match(text, arrow.end())
        if mention is None or to is None or any(a <= arrow.start() < b for a, b in spans):
            continue
        if mention.end == arrow.start():  # the old value is itself a certificate's name (物流管理 → 大数据与会计)
            mention = _mention_before(mentions, mention.start, text) or mention
        tail = _NAME_TAIL.match(text[mention.end : arrow.start()])
        old = text[mention.end + (tail.end() if tail else 0) : arrow.start()]
        item = re.split(rf"[。；;\n]|{_NUMBERING}", text[: mention.start])[-1]
        words = re.findall(_FIELD_WORD, item)
        field = (tail.group("field") if tail else None) or (words[-1] if words else None)
        # The old value stands in the name's own clause: past a ； it is another label's (证书：…；等级：…).
        if old and not re.search(r"[\n；;]", old):
            found.append(ProseChange(mention.name, mention.level, parse_field(field) if field else None, old, to.group()))
    return found


def _level_changes(text: str, mentions: list[_Mention], spans: list[tuple[int, int]]) -> list[ProseChange]:
    """Level changes said by their levels alone right after the certificate's name (…证书由中级调整为高级,
    …证书原申报中级，现申请提升至高级), outside the clauses already read."""
    found = []
    for clause in _LEVEL_CLAUSE.finditer(text):
        mention = _mention_before(mentions, clause.start(), text)
        if mention is None or any(a <= clause.start() < b for a, b in spans):
            continue
        tail = _NAME_TAIL.match(text[mention.end : clause.start()])
        if tail and tail.end() == clause.start() - mention.end and not tail.group("field"):
            found.append(ProseChange(mention.name, mention.level, "level", clause.group("from"), clause.group("to")))
    return found


def _labelled_changes(text: str) -> list[ProseChange]:
    """Changes set out as a form in words, one certificate per item, each value after its label:
    证书名称：物流管理 等级：初级 / 调整事项：考核专业 原申报：730801物流服务与管理 现申请：730701电子商务, or in
    shorthand: 证书：物流管理；等级：中级；调整内容：试点人数60→80.
    An item runs from its 证书名称 label to the next; a value, to the next label or where a value stops."""
    labels = list(_LABEL.finditer(text))
    found = []
    for start, label in enumerate(labels):
        if _LABEL_KINDS[label.group("label")] != "cert":
            continue
        values: dict[str, str] = {}
        for this, after in zip(labels[start:], [*labels[start + 1 :], None], strict=True):
            if this is not label and _LABEL_KINDS[this.group("label")] == "cert":
                break
            value = text[this.end() : after.start() if after else len(text)]
            kind = _LABEL_KINDS[this.group("label")]
            if kind == "cert":
                value = value.split("\n")[0].rstrip("；;，,。")
            elif kind.endswith("_level"):  # 原等级：□初级 ☑中级 □高级: the box ticked, else the level written
                value = _ticked(value.split("\n")[0]) or re.split(_VALUE_STOP, value)[0]
            else:  # up to where a value stops or the next item's heading (调整二) run on after it
                value = _ITEM_HEADING.split(re.split(_VALUE_STOP, value)[0])[0].lstrip(_TICK_MARKS)
            values.setdefault(kind, value)
        name, level = split_level(values.get("cert", ""))
        if values.get("content") and not values.get("to"):
            values.update(_content_values(values["content"]))
        level = parse_level(values.get("level")) or level or parse_level(values.get("from_level"))
        if name and values.get("to"):
            found.append(ProseChange(name, level, parse_field(values.get("field")), values.get("from") or None,
                                     values["to"]))
        # A form's pairs per field (原申报人数：55 / 调整后人数：50, 原专业 / 调整后专业): each new value stated is a change.
        for field in ("level", "major", "headcount"):
            before, after = values.get(f"from_{field}") or None, values.get(f"to_{field}")
            # A tick OCR lost leaves a level box unread, which says nothing: a level pair needs both ticks.
            if (name and states_change(field, before, after)
                    and (field != "level" or parse_value(field, before) is not None)):
                found.append(ProseChange(name, level, field, before, after))
    return found


def _ticked(value: str) -> str | None:
    """The level whose printed box is ticked (□初级 ☑中级 □高级 → 中级); None when none is."""
    ticked = _TICK.findall(value)
    return ticked[0] + "级" if len(ticked) == 1 else None


_TICK_MARKS = "☑✓√✔☒■□"
_TICK = re.compile(rf"[{_TICK_MARKS[:-1]}]\s*([初中高])级")
_ITEM_HEADING = re.compile(r"调整[一二三四五六七八九十]+")


def _content_values(content: str) -> dict[str, str]:
    """The field and values an 调整内容 label's value states: 考核专业物流管理→计算机网络技术, 试点人数60→80,
    考核专业电子商务调整为物流管理, 考核等级由初级调整为中级; none when it states no change so."""
    stated = _CONTENT_ARROW.match(content) or _CLAUSE.match(content)
    if stated is None:
        return {}
    return {kind: value for kind, value in zip(("field", "from", "to"), stated.group("field", "from", "to"),
                                               strict=True) if value}


# …考核专业物流管理→计算机网络技术, or with the verb and no 由: 考核专业电子商务调整为物流管理.
_CONTENT_ARROW = re.compile(
    rf"(?P<field>{_FIELD_WORD})[:：]?(?P<from>[^→]*?)(?:{_ARROW.pattern}|{_VERB_WORD}(?:为|至|到|成))(?P<to>.+)"
)
_LABEL_KINDS = {"证书名称": "cert", "证书": "cert", "考核等级": "level", "证书等级": "level", "等级": "level",
                "原等级": "from_level", "调整后等级": "to_level", "原专业": "from_major", "原考核专业": "from_major",
                "调整后专业": "to_major", "原申报人数": "from_headcount", "原人数": "from_headcount",
                "调整后人数": "to_headcount",
                "调整事项": "field", "调整内容": "content",
                "调整项目": "field", "调整类型": "field", "原申报内容": "from", "原申报": "from", "调整前": "from",
                "变更前": "from", "现申请": "to", "现申报": "to", "调整后": "to", "变更后": "to", "拟调整为": "to",
                "申请调整为": "to"}
_LABEL = re.compile(rf"(?P<label>{'|'.join(sorted(_LABEL_KINDS, key=len, reverse=True))})[:：]")


def _iter_clauses(text: str) -> list[re.Match[str]]:
    full = [m for m in _CLAUSE.finditer(text) if m.group("to")]
    cut = [m for m in _CUT_SHORT.finditer(text) if not any(f.start() <= m.start() < f.end() for f in full)]
    return sorted(full + cut, key=lambda m: m.start())


def _iter_mentions(text: str, vocabulary: Vocabulary | None) -> list[_Mention]:
    """Known certificates first; a name the wording marks counts where no known one overlaps it."""
    known = [
        _Mention(m.start, m.end, m.name, _level_after(text, m.end))
        for m in (vocabulary.certificate_mentions(text) if vocabulary else [])
    ]
    bare = [m for m in _BARE.finditer(text) if "证书" in m.group(0) or m.group(2)]
    marked = list(_QUOTED.finditer(text)) + list(_AFTER_JIANG.finditer(text)) + bare
    found = list(known)
    for match in marked:
        if not any(match.start() < k.end and k.start < match.end() for k in known):
            name, level = split_level(match.group(1))
            found.append(_Mention(match.start(), match.end(), name, (match.group(2) + "级") if match.group(2) else level))
    return sorted(found, key=lambda m: m.start)


def _level_after(text: str, end: int) -> str | None:
    """The level written right after a certificate's name: 物流管理（中级）, …职业技能等级证书(初级)."""
    match = _LEVEL_AFTER.match(text, end)
    return match.group(1) + "级" if match else None


def _mention_before(mentions: list[_Mention], position: int, text: str) -> _Mention | None:
    """The nearest mention before a clause, never across a full stop."""
    before = [m for m in mentions if m.end <= position and "。" not in text[m.end : position]]
    return before[-1] if before else None


# 由原来的“物流管理”…, 由原530802现代物流管理…: the old value is what follows
_FORMER = re.compile(r"^(?:原来|原先|原有|原定|原申报|原)的?")


def _strip_from(value: str | None) -> str | None:
    return _FORMER.sub("", value or "") or None
