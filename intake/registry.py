"""Import the registry (schools and their declarations) from an XLSX workbook or CSV files (spec §3).

Every row is validated first; any error aborts the whole import, so nothing is half-imported.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from zipfile import BadZipFile

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from sqlmodel import Session, select

from intake.errors import RegistryImportError, file_words
from parsers.normalise import parse_major
from storage.groups import group_names
from storage.models import Application, School

APPLICATION_COLUMNS = ("申报编号", "单位名称", "证书名称", "等级", "专业名称", "申报人数", "可参与专业在校生数", "协作组")
SCHOOL_COLUMNS = ("单位名称", "单位类型", "设区市", "别名", "联系邮箱", "招生专业")
OPTIONAL_COLUMNS = {"专业代码", "别名", "联系邮箱", "招生专业"}
LEVELS = ("初级", "中级", "高级")
SCHOOL_TYPES = ("中职", "高职", "本科")
_LIST_SEPARATORS = re.compile(r"[；;、,，]")


@dataclass
class Sheet:
    name: str  # applications | schools
    source: str  # file (and sheet) name for error messages
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as the user sees it, cells)


@dataclass
class ImportResult:
    schools: int = 0
    applications: int = 0
    errors: list[str] = field(default_factory=list)


def read_sheets(paths: list[Path]) -> list[Sheet]:
    """The sheets of every file; RegistryImportError naming each file that cannot be read, and why."""
    sheets: list[Sheet] = []
    errors: list[str] = []
    for path in paths:
        workbook = path.suffix.lower() in (".xlsx", ".xlsm")
        try:
            sheets.extend(_read_workbook(path) if workbook else [_read_csv(path)])
        except OSError as e:
            errors.append(f"{path}: 无法读取文件：{file_words(e)}")
        except (BadZipFile, InvalidFileException, KeyError, ValueError) as e:
            # openpyxl's words for a file that is no workbook are English; the CSV reader's are ours
            errors.append(f"{path.name}: " + ("不是有效的 Excel 工作簿（.xlsx）" if workbook else str(e)))
    if errors:
        raise RegistryImportError(errors)
    return sheets


def import_registry(session: Session, paths: list[Path]) -> ImportResult:
    """Validate every row of every file, then upsert schools by name and declarations by 申报编号."""
    sheets = read_sheets(paths)
    result = ImportResult()
    school_rows = [row for s in sheets if s.name == "schools" for row in _records(s, SCHOOL_COLUMNS, result)]
    app_rows = [row for s in sheets if s.name == "applications"
                for row in _records(s, APPLICATION_COLUMNS, result)]
    schools = _validate_schools(school_rows, result)
    known = {s.name for s in session.exec(select(School))} | set(schools)
    applications = _validate_applications(app_rows, known, result)
    if result.errors:
        raise RegistryImportError(result.errors)
    by_name = _upsert_schools(session, schools)
    for app_id, (school_name, values) in applications.items():
        school = by_name.get(school_name) or session.exec(select(School).where(School.name == school_name)).one()
        existing = session.get(Application, app_id)
        target = existing or Application(id=app_id, school_id=school.id, **values)
        target.school_id = school.id  # type: ignore[assignment]
        for key, value in values.items():
            setattr(target, key, value)
        session.add(target)
    result.schools, result.applications = len(schools), len(applications)
    return result


Record = tuple[str, int, dict[str, str]]  # (source, row number, cells by column)


def _records(sheet: Sheet, columns: tuple[str, ...], result: ImportResult) -> list[Record]:
    header = [_clean(h) for h in sheet.header]
    missing = [c for c in columns if c not in header and c not in OPTIONAL_COLUMNS]
    if missing:
        result.errors.append(f"{sheet.source} 第 1 行: 缺少列 {'、'.join(missing)}")
        return []
    records = []
    for number, cells in sheet.rows:
        values = {h: str(cells[i]).strip() if i < len(cells) else "" for i, h in enumerate(header) if h}
        if any(values.values()):
            records.append((sheet.source, number, values))
    return records


def _validate_schools(rows: list[Record], result: ImportResult) -> dict[str, dict]:
    schools: dict[str, dict] = {}
    for source, number, v in rows:
        where = f"{source} 第 {number} 行"
        name = v.get("单位名称", "")
        if not name:
            result.errors.append(f"{where} 列 单位名称: 不能为空")
            continue
        if name in schools:
            result.errors.append(f"{where} 列 单位名称: “{name}”重复")
        kind = v.get("单位类型", "")
        if kind not in SCHOOL_TYPES:
            result.errors.append(f"{where} 列 单位类型: 应为 中职/高职/本科，实为“{kind}”")
        if kind == "中职" and not v.get("设区市"):
            result.errors.append(f"{where} 列 设区市: 中职学校必须填写设区市")
        emails = _split(v.get("联系邮箱", ""))
        for email in emails:
            if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
                result.errors.append(f"{where} 列 联系邮箱: “{email}”不是有效的邮箱地址")
        schools[name] = {"type": kind, "city": v.get("设区市", ""), "aliases": _split(v.get("别名", "")),
                         "emails": [e.lower() for e in emails], "majors": [_major_name(m) for m in _split(v.get("招生专业", ""))]}
    return schools


def _validate_applications(rows: list[Record], known_schools: set[str],
                           result: ImportResult) -> dict[str, tuple[str, dict]]:
    applications: dict[str, tuple[str, dict]] = {}
    groups = group_names()
    for source, number, v in rows:
        where = f"{source} 第 {number} 行"
        errors_before = len(result.errors)
        app_id = v.get("申报编号", "")
        if not app_id:
            result.errors.append(f"{where} 列 申报编号: 不能为空")
        elif app_id in applications:
            result.errors.append(f"{where} 列 申报编号: “{app_id}”重复")
        school = v.get("单位名称", "")
        if school not in known_schools:
            result.errors.append(f"{where} 列 单位名称: “{school}”不在学校名单中")
        for column in ("证书名称", "专业名称"):
            if not v.get(column):
                result.errors.append(f"{where} 列 {column}: 不能为空")
        if v.get("等级") not in LEVELS:
            result.errors.append(f"{where} 列 等级: 应为 初级/中级/高级，实为“{v.get('等级', '')}”")
        numbers = {c: _integer(v.get(c, "")) for c in ("申报人数", "可参与专业在校生数")}
        for column, value in numbers.items():
            if value is None:
                result.errors.append(f"{where} 列 {column}: 应为非负整数，实为“{v.get(column, '')}”")
        if v.get("协作组") not in groups:
            result.errors.append(f"{where} 列 协作组: “{v.get('协作组', '')}”不是通知附件中的 16 个协作组之一")
        if len(result.errors) == errors_before:
            applications[app_id] = (school, {
                "certificate": v["证书名称"], "level": v["等级"], "major": _major_name(v["专业名称"]),
                "major_code": v.get("专业代码", ""), "headcount": numbers["申报人数"],
                "enrolled": numbers["可参与专业在校生数"], "group": v["协作组"],
            })
    return applications


def _upsert_schools(session: Session, schools: dict[str, dict]) -> dict[str, School]:
    by_name: dict[str, School] = {}
    for name, values in schools.items():
        school = session.exec(select(School).where(School.name == name)).first() or School(name=name, **values)
        for key, value in values.items():
            setattr(school, key, value)
        session.add(school)
        by_name[name] = school
    session.flush()
    return by_name


def _read_workbook(path: Path) -> list[Sheet]:
    workbook = load_workbook(path, read_only=True, data_only=True)
    sheets = []
    for ws in workbook.worksheets:
        rows = [[_cell(c) for c in row] for row in ws.iter_rows(values_only=True)]
        if not rows:
            continue
        name = _sheet_kind(ws.title, rows[0])
        if name:
            sheets.append(Sheet(name, f"{path.name}[{ws.title}]", rows[0], list(enumerate(rows[1:], start=2))))
    workbook.close()
    return sheets


def _read_csv(path: Path) -> Sheet:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise ValueError("无法识别文字编码，应为 UTF-8 或 GB18030 的 CSV 文件") from None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise ValueError("文件为空")
    name = _sheet_kind(path.stem, rows[0])
    if not name:
        raise ValueError("无法识别是 applications 还是 schools 表")
    return Sheet(name, path.name, rows[0], list(enumerate(rows[1:], start=2)))


def _sheet_kind(title: str, header: list[str]) -> str | None:
    if title.strip().lower() in ("applications", "schools"):
        return title.strip().lower()
    cleaned = {_clean(h) for h in header}
    if "申报编号" in cleaned:
        return "applications"
    if "单位类型" in cleaned:
        return "schools"
    return None


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _clean(text: str) -> str:
    """Headers are matched after NFKC; values keep the registry's own spelling."""
    return unicodedata.normalize("NFKC", str(text)).strip()


def _split(cell: str) -> list[str]:
    return [part.strip() for part in _LIST_SEPARATORS.split(cell) if part.strip()]


def _major_name(cell: str) -> str:
    """A major as the registry keeps it, its name: an export may add the catalogue code (710201 计算机应用,
    电子商务（730701）), and majors are compared by name (spec §2)."""
    return parse_major(cell) or cell


def _integer(text: str) -> int | None:
    return int(text) if re.fullmatch(r"\d+", text.strip()) else None
