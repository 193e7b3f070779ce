"""`users add`, log-in lock-out and the generated secret key."""

from __future__ import annotations

import stat

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from intake.cli import main
from storage.db import session_scope
from storage.models import User
from tests.web.fixtures import PASSWORD, seed_registry
from workflow.web.accounts import add_user_from_cli
from workflow.web.app import create_app
from workflow.web.auth import SECRET_FILE


@pytest.fixture
def registry(service):  # type: ignore[no-untyped-def]
    with session_scope(service.db) as session:
        seed_registry(session)
    return service


def test_users_add_creates_an_argon2_account_on_both_databases(registry, monkeypatch, capsys) -> None:
    monkeypatch.setenv("INTAKE_NEW_PASSWORD", "a long password")
    assert add_user_from_cli(registry, name="lyg", role="city", scope="连云港市") == 0
    with session_scope(registry.db) as session:
        user = session.exec(select(User).where(User.name == "lyg")).one()
    assert user.password_hash.startswith("$argon2") and user.scope == "连云港市"
    assert "已创建账号 lyg" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("role", "scope", "message"),
    [
        ("city", "", "必须用 --scope"),
        ("city", "苏州市", "名册中没有设区市 苏州市"),
        ("group", "", "必须用 --scope"),
        ("group", "农林牧渔协作组", "没有名为 农林牧渔协作组 的协作组"),
        ("province", "南京市", "不需要 --scope"),
    ],
)
def test_users_add_scope_errors_exit_1_with_one_line(
    sqlite_service, monkeypatch, capsys, role, scope, message
) -> None:
    with session_scope(sqlite_service.db) as session:
        seed_registry(session)
    monkeypatch.setenv("INTAKE_NEW_PASSWORD", "a long password")
    assert add_user_from_cli(sqlite_service, name="x", role=role, scope=scope) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_users_add_existing_name_exits_1_through_the_cli(sqlite_service, monkeypatch, capsys) -> None:
    monkeypatch.setenv("INTAKE_NEW_PASSWORD", "a long password")
    config = ["--config", str(sqlite_service.config.path)]
    assert main(["users", "add", "sheng", "--role", "province", *config]) == 0
    capsys.readouterr()
    assert main(["users", "add", "sheng", "--role", "admin", *config]) == 1
    assert capsys.readouterr().err.strip() == "账号 sheng 已存在"


def test_users_add_prompts_when_no_env(sqlite_service, monkeypatch) -> None:
    monkeypatch.delenv("INTAKE_NEW_PASSWORD", raising=False)
    answers = iter(["prompted secret", "prompted secret"])
    monkeypatch.setattr("workflow.web.accounts.getpass.getpass", lambda prompt: next(answers))
    assert add_user_from_cli(sqlite_service, name="admin2", role="admin", scope="") == 0


def test_unknown_user_and_wrong_password_read_the_same(anonymous) -> None:
    unknown = anonymous.post("/login", data={"username": "nobody", "password": "x"})
    wrong = anonymous.post("/login", data={"username": "sheng", "password": "x"})
    assert unknown.status_code == wrong.status_code == 401
    assert "账号或密码错误" in unknown.text and "账号或密码错误" in wrong.text


def test_secret_key_is_generated_once_with_mode_0600(sqlite_service, monkeypatch) -> None:
    monkeypatch.delenv(sqlite_service.config.web.secret_key_env, raising=False)
    create_app(sqlite_service)
    path = sqlite_service.config.storage.data_dir / SECRET_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    key = path.read_text()
    create_app(sqlite_service)
    assert path.read_text() == key


def test_sessions_survive_a_restart_with_the_same_key(sqlite_service, seeded) -> None:
    with TestClient(create_app(sqlite_service), follow_redirects=False) as first:
        first.post("/login", data={"username": "sheng", "password": PASSWORD})
        cookie = first.cookies.get("intake_session")
    with TestClient(create_app(sqlite_service), follow_redirects=False) as second:
        second.cookies.set("intake_session", cookie)
        assert second.get("/api/me").json()["name"] == "sheng"
