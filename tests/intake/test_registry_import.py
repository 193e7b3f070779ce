"""Registry import: XLSX and CSV, row-level errors, nothing half-imported, re-import updates in place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlmodel import Session, select

from intake.errors import RegistryImportError
from intake.registry import APPLICATION_COLUMNS, SCHOOL_COLUMNS, import_registry
from intake.service import Service
from storage.models import Application, School

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "registry"


def test_example_csvs_import_on_both_databases(service: Service) -> None:
    with Session(service.db) as session:
        result = import_registry(session, sorted(EXAMPLES.glob("*.csv")))
        session.commit()
        assert (result.schools, result.applications) == (7, 14)
        school = session.exec(select(School).where(School.name == "连云港中等专业学校")).one()
        assert school.aliases == ["连云港中专"]
        assert school.emails == ["jwc@lygzz.edu.cn", "zhangli@lygzz.edu.cn"]
        assert "计算机应用" in school.majors
        app = session.get(Application, "JS2024-00201")
        assert app is not None and app.certificate == "建筑信息模型（BIM）" and app.enrolled == 200


def test_gb18030_csv_with_bom_free_headers_is_recognised_by_headers(service: Service, tmp_path: Path) -> None:
    schools = tmp_path / "学校名单.csv"
    schools.write_bytes((EXAMPLES / "schools.csv").read_text(encoding="utf-8").encode("gb18030"))
    apps = tmp_path / "导出.csv"
    apps.write_bytes(b"\xef\xbb\xbf" + (EXAMPLES / "applications.csv").read_bytes())
    with Session(service.db) as session:
        result = import_registry(session, [schools, apps])
        assert (result.schools, result.applications) == (7, 14)


def write_workbook(path: Path, schools: list[list], applications: list[list]) -> Path:
    workbook = Workbook()
    ws = workbook.active
    ws.title = "schools"
    ws.append(list(SCHOOL_COLUMNS))
    for row in schools:
        ws.append(row)
    apps = workbook.create_sheet("applications")
    apps.append([*APPLICATION_COLUMNS])
    for row in applications:
        apps.append(row)
    workbook.save(path)
    return path


SCHOOL = ["测试中等专业学校", "中职", "南京市", "测试中专", "a@test.cn", "计算机应用、电子商务"]
APP = ["JS2024-09001", "测试中等专业学校", "Web前端开发", "中级", "计算机应用", 80, 150, "计算机与软件类协作组"]


def test_xlsx_errors_name_sheet_row_column_and_nothing_is_imported(service: Service, tmp_path: Path) -> None:
    bad_app = APP.copy()
    bad_app[3], bad_app[5], bad_app[7] = "中等", "八十", "不存在的协作组"
    path = write_workbook(tmp_path / "r.xlsx", [SCHOOL, ["", "大学", "", "", "x", ""]], [APP, bad_app])
    with Session(service.db) as session, pytest.raises(RegistryImportError) as raised:
        import_registry(session, [path])
    errors = raised.value.errors
    assert "r.xlsx[schools] 第 3 行 列 单位名称: 不能为空" in errors
    assert any(e.startswith("r.xlsx[applications] 第 3 行 列 申报编号") for e in errors)  # duplicate id
    assert any("第 3 行 列 等级" in e and "中等" in e for e in errors)
    assert any("第 3 行 列 申报人数" in e for e in errors)
    assert any("第 3 行 列 协作组" in e for e in errors)
    with Session(service.db) as session:
        assert session.exec(select(School)).all() == []
        assert session.exec(select(Application)).all() == []


def test_reimport_updates_in_place_by_application_id(service: Service, tmp_path: Path) -> None:
    first = write_workbook(tmp_path / "a.xlsx", [SCHOOL], [APP])
    changed = APP.copy()
    changed[5] = 95
    second = write_workbook(tmp_path / "b.xlsx", [SCHOOL], [changed])
    for path in (first, second):
        with Session(service.db) as session:
            import_registry(session, [path])
            session.commit()
    with Session(service.db) as session:
        apps = session.exec(select(Application)).all()
        assert [(a.id, a.headcount) for a in apps] == [("JS2024-09001", 95)]
        assert len(session.exec(select(School)).all()) == 1


def test_application_of_unknown_school_is_a_row_error(service: Service, tmp_path: Path) -> None:
    apps = tmp_path / "applications.csv"
    shutil.copy(EXAMPLES / "applications.csv", apps)
    with Session(service.db) as session, pytest.raises(RegistryImportError) as raised:
        import_registry(session, [apps])
    assert any("列 单位名称" in e and "不在学校名单中" in e for e in raised.value.errors)


def test_majors_written_with_catalogue_codes_are_kept_as_names(service: Service, tmp_path: Path) -> None:
    """A platform export may list 招生专业 and 专业名称 with their codes (710201 计算机应用, 电子商务（730701）);
    a major is compared by name (SPEC §2), so the registry keeps the names."""
    school = [*SCHOOL[:5], "710201 计算机应用；电子商务（730701）；120203K 会计学"]
    app = [*APP[:4], "710201 计算机应用", *APP[5:]]
    with Session(service.db) as session:
        import_registry(session, [write_workbook(tmp_path / "codes.xlsx", [school], [app])])
        session.commit()
        stored = session.exec(select(School)).one()
        assert stored.majors == ["计算机应用", "电子商务", "会计学"]
        assert session.get(Application, "JS2024-09001").major == "计算机应用"
