"""Normalise values read from documents: certificate names, levels, majors, headcounts (spec §2 Changes)."""

from __future__ import annotations

import re
import unicodedata

# Dates in figures (2024年3月9日, 2024.3.9) or in Chinese numerals, as letters date themselves (二〇二四年三月九日).
_YEAR_SEP, _MONTH_SEP = r"\s*[.年/\-·・]\s*", r"\s*[.月/\-·・]\s*"  # 2024.3.9, 2024·3·9, 2024年3月9日
# A month and a day in figures name a real one (1–12, 1–31): a scribble OCR read as 0.5 is no date.
_YEAR = r"(?:\d{2,4}|[〇零一二三四五六七八九]{4})"
_MONTH = r"(?:1[0-2]|0?[1-9]|[一二三四五六七八九十]{1,3})"
_DAY = r"(?:3[01]|[12]\d|0?[1-9]|[一二三四五六七八九十]{1,3})"
DATE = re.compile(rf"{_YEAR}\s*年|日期|年\s*{_MONTH}\s*月|{_MONTH}\s*月\s*{_DAY}\s*日?$")
# Also a lone 年, 月 or 日 of a date written in pieces (3 | 月4 | 日), and a date written in figures before
# the form's printed 年 月 日 blanks, some or all of which OCR reads on after it (2024.3.17年月日, 2024.3.16年).
# And a hand's 2024.3.8 whose dots OCR lost (202438): a year of this century run into a month and a day.
WHOLE_DATE = re.compile(
    rf"^(?:日期[:：]?)?(?:{_YEAR}{_YEAR_SEP})?{_MONTH}{_MONTH_SEP}{_DAY}[年月日]{{0,3}}$|^(?:日期[:：]?)?{_YEAR}年$|^[年月日]$"
    r"|^20\d{2}(?:1[0-2]|0?[1-9])(?:3[01]|[12]\d|0?[1-9])$"
)

LEVELS = ("初级", "中级", "高级")

# Quote-like marks schools and OCR put around names; 《》 are title marks used the same way.
_QUOTES = "“”\"「」『』‘’'《》〈〉"
_QUOTE_RE = re.compile("[" + re.escape(_QUOTES) + "]")
_ONE_PLUS_X = re.compile(r"^[" + re.escape(_QUOTES) + r"]?1\+X", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")
# NFKC already turns full-width brackets into ASCII ones; 【】 and 〔〕 survive it.
# OCR drops one bracket of the pair now and then: 电子商务数据分析高级), 物流管理(初级.
_TRAILING_LEVEL_RE = re.compile(
    r"(?:[(\[【〔]\s*([初中高])\s*[级圾]\s*[)\]】〕]?|([初中高])\s*[级圾]\s*[)\]】〕])$"
)
_LEVEL_RE = re.compile(r"([初中高])\s*[级圾]")

# OCR confuses these with digits inside numbers ("8O人", "l20").
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "S": "5"})
_NUMBER_RE = re.compile(r"(?:[OoDlI|S](?=\d))?\d[\dOoDlI|S,，]*")
_CN_DIGITS = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUMBER_RE = re.compile("[零〇一二两三四五六七八九十百千]+")

# Catalogue codes: 6 digits for 中职/高职 majors, 6 digits and a letter (K, T, TK) for 本科 majors.
_MAJOR_CODE_RE = re.compile(r"^(?:\d{4,}[A-Z]{0,2}(?![A-Za-z])|[\d\s.\-—_:：、]{4,})[\s.\-—_:：、]*")
_MAJOR_BRACKET_CODE_RE = re.compile(r"[(\[【]\s*\d{4,}[A-Z]{0,2}\s*[)\]】]")
_MAJOR_NOISE_RE = re.compile(r"^(专业(名称)?|考核专业)[:：]?")


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def compact(text: str) -> str:
    """NFKC without any whitespace: OCR inserts stray spaces between CJK characters."""
    return _SPACE_RE.sub("", nfkc(text))


def glyph_widths(text: str) -> list[float]:
    """Printed width of each character of `text`, in glyphs (em): Chinese one, and punctuation one too,
    since Chinese text prints it full-width even where NFKC made it ASCII; Latin letters, figures and
    spaces half (0.55, as in Song and Hei fonts)."""
    return [0.55 if ch.isascii() and (ch.isalnum() or ch.isspace()) else 1.0 for ch in text]


def glyph_edges(text: str, x0: float, x1: float) -> list[float]:
    """Where each character of `text` begins, and the last ends, when it fills x0..x1 at `glyph_widths`:
    len(text) + 1 ascending x positions, x0 first and x1 last. How a box OCR read over several cells
    is cut into the cells' pieces."""
    widths = glyph_widths(text)
    scale = (x1 - x0) / max(sum(widths), 1e-6)
    edges = [x0]
    for width in widths:
        edges.append(edges[-1] + width * scale)
    return edges


def split_level(name: str) -> tuple[str, str | None]:
    """Split a trailing （初级|中级|高级） off a certificate name; return (normalised name, level or None)."""
    text = _strip_quotes(compact(name))
    level: str | None = None
    while True:
        before = text
        match = _TRAILING_LEVEL_RE.search(text)
        if match:
            level = level or (match.group(1) or match.group(2)) + "级"
            text = text[: match.start()]
        # Quotes may sit inside the stripped parts: “Web前端开发”证书（中级）.
        # 职业技能等级证书 is the generic title of every 1+X certificate, so it goes with 证书.
        text = _strip_quotes(text.removesuffix("证书").removesuffix("职业技能等级"))
        # “1+X” names the pilot every certificate belongs to, not a certificate (1+X物流管理).
        text = _strip_quotes(_ONE_PLUS_X.sub("", text))
        if text == before:
            return _close_bracket(text), level


def _close_bracket(text: str) -> str:
    """OCR often drops a closing bracket at a line end: 建筑信息模型(BIM → 建筑信息模型(BIM)."""
    if text.count("(") == text.count(")") + 1 and text.rfind("(") > text.rfind(")"):
        return text + ")"
    return text


def normalise_certificate(name: str) -> str:
    """The certificate name as read, NFKC, without spaces, quotes, trailing 证书 or trailing level."""
    return split_level(name)[0]


def _strip_quotes(text: str) -> str:
    return _QUOTE_RE.sub("", text)


def parse_level(text: str | None) -> str | None:
    """初级/中级/高级 from a cell or phrase; None when no level is readable."""
    if not text:
        return None
    value = compact(text)
    found = {m.group(1) + "级" for m in _LEVEL_RE.finditer(value)}
    if len(found) == 1:
        return found.pop()
    if not found and value.strip("()（）") in ("初", "中", "高"):
        return value.strip("()（）") + "级"
    return None


def parse_headcount(text: str | None) -> int | None:
    """An integer headcount from '80人', '８０ 人', '8O人' or '八十人'; None when unreadable or ambiguous."""
    if not text:
        return None
    value = compact(text)
    numbers = [m.group(0) for m in _NUMBER_RE.finditer(value)]
    if len(numbers) == 1:
        digits = numbers[0].translate(_DIGIT_LOOKALIKES).replace(",", "").replace("，", "")
        return int(digits) if digits.isdigit() else None
    if numbers:
        return None
    chinese = _CN_NUMBER_RE.findall(value)
    return chinese_number(chinese[0]) if len(chinese) == 1 else None


def chinese_number(text: str) -> int | None:
    """Chinese numerals up to the thousands: 八十 → 80, 一百二十 → 120, 一二〇 → 120."""
    if not text:
        return None
    if all(ch in _CN_DIGITS for ch in text):
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def parse_major(text: str | None) -> str | None:
    """A major's name without its code: '510201 计算机应用技术' → '计算机应用技术'."""
    if not text:
        return None
    value = _strip_quotes(compact(text))
    value = _MAJOR_NOISE_RE.sub("", value)
    value = _MAJOR_BRACKET_CODE_RE.sub("", value)
    value = _MAJOR_CODE_RE.sub("", value).rstrip("。，,;；")
    value = re.sub(r"\d{5,}[A-Z]{0,2}$", "", value)  # code written after the name
    value = value.removesuffix("专业")
    # Every major of the catalogue has two glyphs at least (护理, 会计): one glyph is what OCR kept
    # of a longer cell (整 of 不调整), no major. Nor is a labelled field (负责人签字：朱军 of an approval
    # row run on under a change table): no major's name holds a colon.
    return value if len(value) >= 2 and not _LABELLED.search(value) else None


_LABELLED = re.compile(r"[:：]|签字|签名")


_FIELD_WORDS = (("等级", "level"), ("专业", "major"), ("人数", "headcount"), ("规模", "headcount"))


def parse_field(text: str | None) -> str | None:
    """level/major/headcount from 考核等级, 考核专业, 人数规模, 试点人数 …; None when absent or several."""
    if not text:
        return None
    value = compact(text)
    found = {name for word, name in _FIELD_WORDS if word in value}
    if not found and (len(value) <= 2 or (len(value) <= 6 and _FIELD_PREFIX.match(value))):
        # One misread character of a field label (考核等圾, 试点人教, 等圾), not any short value that holds
        # one of its glyphs (数据与会计, 人工智能: majors).
        found = {name for word, name in _FIELD_WORDS if word[0] in value or word[1] in value}
    return found.pop() if len(found) == 1 else None


_FIELD_PREFIX = re.compile(r"考核|试点|申报|考试")


# Marks for "as before"; OCR reads a lone dash or slash in a cell as 一, 1, l, I or |, and may keep
# only 同原 of 同原申报 in a narrow cell.
_UNCHANGED = re.compile(r"^(?:[—–\-_/／\\~～·.。]*|[一1lI|丨]|不变|保持不变|无变化|无|同上|同原(?:申报)?|未调整|不调整)$")


def states_value(text: str | None) -> bool:
    """A cell that states a new value: not blank, not —, /, 不变 or the like."""
    return text is not None and not _UNCHANGED.match(compact(text))


def parse_value(field: str, text: str | None) -> str | int | None:
    """A from/to value in the spec's form: level name, major name without code, or integer headcount."""
    if field == "level":
        return parse_level(text)
    if field == "major":
        return parse_major(text)
    return parse_headcount(text)


def states_change(field: str, before: str | None, after: str | None) -> bool:
    """Whether an old and a new value of `field` state a change: the new one states a value (see
    `states_value`) that reads, and differs from the old one as read."""
    value = parse_value(field, after) if states_value(after) else None
    return value is not None and value != parse_value(field, before)
