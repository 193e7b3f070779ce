"""`intake users add` and `intake review` through the CLI: stages, scopes and the reply it queues."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from intake.cli import main

ROOT = Path(__file__).resolve().parents[2]
WORD_ONLY = ROOT / "examples" / "mailbox" / "08-wuxi2-word-only.eml"  # 中职 in 无锡市, flagged, no OCR needed


@pytest.fixture
def config_file(write_config: Callable[..., Path], database_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = write_config(url=database_url, extra='[replies]\ndelivery = "drafts"\nhold = true\n')
    registry = sorted((ROOT / "examples" / "registry").glob("*.csv"))
    assert main(["--config", str(path), "registry", "import", *map(str, registry)]) == 0
    assert main(["--config", str(path), "ingest", str(WORD_ONLY)]) == 0
    monkeypatch.setenv("INTAKE_NEW_PASSWORD", "s3cret-pass")
    for name, role, scope in (("wx", "city", "无锡市"), ("lyg", "city", "连云港市"), ("sheng", "province", "")):
        assert main(["--config", str(path), "users", "add", name, "--role", role, "--scope", scope]) == 0
    return path


def show(path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()
    assert main(["--config", str(path), "requests", "list", "--json", "--kind", "request"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    return record


def review(path: Path, action: str, request_id: int, reviewer: str, comment: str = "已核") -> int:
    return main(["--config", str(path), "review", action, str(request_id), "--reviewer", reviewer,
                 "--comment", comment])


def test_city_then_province_with_scope_checks(config_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = show(config_file, capsys)
    assert (record["status"], record["stage"]) == ("flagged", "city")
    rid = record["id"]
    assert review(config_file, "approve", rid, "lyg") == 1  # another city's reviewer
    assert review(config_file, "approve", rid, "sheng") == 1  # not the province's turn yet
    assert review(config_file, "reject", rid, "wx") == 1  # a city cannot reject
    assert review(config_file, "approve", rid, "wx", comment="") == 1  # flagged: a comment is required
    assert "无权" in capsys.readouterr().err
    assert review(config_file, "approve", rid, "wx") == 0
    assert (show(config_file, capsys)["stage"]) == "province"
    capsys.readouterr()
    assert main(["--config", str(config_file), "replies", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # intermediate approvals send nothing
    assert review(config_file, "reject", rid, "sheng", comment="请提供扫描件") == 0
    record = show(config_file, capsys)
    assert (record["status"], record["stage"]) == ("rejected", "done")
    assert main(["--config", str(config_file), "replies", "list", "--json"]) == 0
    (reply,) = json.loads(capsys.readouterr().out)
    assert reply["subject"] == "回复：无锡市第二中等专业学校+2024年证书申报调整申请"
    assert review(config_file, "return", rid, "sheng") == 1  # decided: no further review


def test_users_add_refuses_duplicates_and_bad_scopes(config_file: Path) -> None:
    base = ["--config", str(config_file), "users", "add"]
    assert main([*base, "wx", "--role", "city", "--scope", "无锡市"]) == 1
    assert main([*base, "nobody", "--role", "city", "--scope", "火星市"]) == 1
    assert main([*base, "grp", "--role", "group", "--scope", "计算机类协作组"]) == 1
    assert main([*base, "grp", "--role", "group", "--scope", "计算机与软件类协作组"]) == 0
