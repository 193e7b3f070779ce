"""Server-side sessions and log-in throttling: ended sessions are refused, nothing is ever locked out."""

from __future__ import annotations

import base64
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import select

from intake.cli import main
from storage.db import session_scope
from storage.models import User, WebSession
from tests.web.fixtures import PASSWORD
from workflow.web.accounts import LOGIN_FAILED
from workflow.web.app import create_app
from workflow.web.throttle import LoginThrottle

NEW_PASSWORD = "a new long password"


def _client_with(app, cookie: str) -> TestClient:  # type: ignore[no-untyped-def]
    client = TestClient(app, follow_redirects=False)
    client.cookies.set("intake_session", cookie)
    return client


def test_a_logged_out_cookie_is_refused(app, login) -> None:
    client, token = login("sheng")
    cookie = client.cookies.get("intake_session")
    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    with _client_with(app, cookie) as replay:
        assert replay.get("/api/me").status_code == 401
        assert replay.get("/").status_code == 303


def test_the_cookie_carries_no_password_hash(app, login, sqlite_service) -> None:
    client, _ = login("sheng")
    cookie = client.cookies.get("intake_session")
    decoded = base64.urlsafe_b64decode(cookie.split(".")[0] + "==").decode("latin-1")
    with session_scope(sqlite_service.db) as session:
        hashed = session.exec(select(User).where(User.name == "sheng")).one().password_hash
    for tail in (hashed[-16:], hashed[-8:]):
        assert tail not in cookie and tail not in decoded


def test_a_password_change_ends_the_other_sessions(login) -> None:
    mine, token = login("sheng")
    other, _ = login("sheng")
    form = {"current": PASSWORD, "password": NEW_PASSWORD, "again": NEW_PASSWORD, "csrf_token": token}
    assert mine.post("/account/password", data=form).status_code == 303
    assert other.get("/api/me").status_code == 401
    assert mine.get("/api/me").json()["name"] == "sheng"


def test_a_wrong_current_password_changes_nothing(login) -> None:
    mine, token = login("sheng")
    form = {"current": "wrong", "password": NEW_PASSWORD, "again": NEW_PASSWORD, "csrf_token": token}
    response = mine.post("/account/password", data=form)
    assert response.status_code == 422 and "当前密码不正确" in response.text


def test_disabling_an_account_ends_its_sessions_and_log_ins(login, anonymous) -> None:
    victim, _ = login("sheng")
    admin, token = login("admin")
    accounts = admin.get("/accounts").text
    assert "省试点办" in accounts and "sheng" in accounts
    with session_scope(admin.app.state.service.db) as session:  # type: ignore[attr-defined]
        user_id = session.exec(select(User).where(User.name == "sheng")).one().id
    assert admin.post(f"/accounts/{user_id}/disable", data={"csrf_token": token}).status_code == 303
    assert victim.get("/api/me").status_code == 401
    refused = anonymous.post("/login", data={"username": "sheng", "password": PASSWORD})
    assert refused.status_code == 401 and LOGIN_FAILED in refused.text
    assert "已停用" in admin.get("/accounts").text


def test_only_an_admin_manages_accounts(login) -> None:
    province, token = login("sheng")
    assert province.get("/accounts").status_code == 403
    assert province.post("/accounts/1/disable", data={"csrf_token": token}).status_code == 403


def test_throttled_tries_answer_like_a_wrong_password_and_wait_grows(app, anonymous) -> None:
    now = [1000.0]
    throttle: LoginThrottle = app.state.throttle
    throttle.clock = lambda: now[0]
    for _ in range(throttle.free_tries):
        wrong = anonymous.post("/login", data={"username": "sheng", "password": "wrong"})
        assert wrong.status_code == 401
    waiting = anonymous.post("/login", data={"username": "sheng", "password": PASSWORD})
    unknown = anonymous.post("/login", data={"username": "nobody", "password": "x"})
    assert waiting.status_code == unknown.status_code == 401
    assert waiting.text.replace("sheng", "") == unknown.text.replace("nobody", "")
    now[0] += 1.0  # the first wait is one second: then the right password is weighed again
    assert anonymous.post("/login", data={"username": "sheng", "password": PASSWORD}).status_code == 303


def test_throttle_delays_double_up_to_the_cap() -> None:
    throttle = LoginThrottle(free_tries=2, max_delay=8, clock=lambda: 0.0)
    assert [throttle.delay(n) for n in range(8)] == [0, 0, 1, 2, 4, 8, 8, 8]
    keys = throttle.keys("Sheng", "10.0.0.1")
    for _ in range(4):
        throttle.failed(keys)
    assert throttle.wait(keys) == 4 and throttle.wait(throttle.keys("admin", "10.0.0.1")) == 4
    throttle.unlock("sheng")
    assert throttle.wait(throttle.keys("sheng", "10.0.0.2")) == 0


def test_an_admin_unlocks_a_throttled_account(app, login) -> None:
    throttle: LoginThrottle = app.state.throttle
    with TestClient(app, follow_redirects=False, client=("203.0.113.7", 4000)) as guesser:
        for _ in range(throttle.free_tries):
            guesser.post("/login", data={"username": "nanjing", "password": "wrong"})
    admin, token = login("admin")
    assert "登录受限" in admin.get("/accounts").text
    with session_scope(app.state.service.db) as session:
        user_id = session.exec(select(User).where(User.name == "nanjing")).one().id
    admin.post(f"/accounts/{user_id}/unlock", data={"csrf_token": token})
    assert not throttle.waiting("nanjing")


def test_users_list_passwd_disable_from_the_cli(sqlite_service, seeded, monkeypatch, capsys) -> None:
    config = ["--config", str(sqlite_service.config.path)]
    assert main(["users", "list", *config]) == 0
    listing = capsys.readouterr().out
    assert "sheng\t省试点办" in listing and "nanjing\t设区市教育局（南京市）" in listing
    with TestClient(create_app(sqlite_service), follow_redirects=False) as client:
        client.post("/login", data={"username": "sheng", "password": PASSWORD})
        monkeypatch.setenv("INTAKE_NEW_PASSWORD", NEW_PASSWORD)
        assert main(["users", "passwd", "sheng", *config]) == 0
        assert client.get("/api/me").status_code == 401
        assert client.post("/login", data={"username": "sheng", "password": NEW_PASSWORD}).status_code == 303
        assert main(["users", "disable", "sheng", *config]) == 0
        assert client.get("/api/me").status_code == 401
    assert "已停用" in capsys.readouterr().err
    assert main(["users", "disable", "nobody", *config]) == 1
    assert capsys.readouterr().err.strip() == "没有账号 nobody"


def test_data_files_are_private(sqlite_service, seeded) -> None:
    data_dir = sqlite_service.config.storage.data_dir
    database = Path(sqlite_service.config.storage.url.split("///", 1)[1])
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    blobs = sqlite_service.settings.blob_dir
    folders = [blobs, *[p for p in blobs.rglob("*") if p.is_dir()]]
    assert {stat.S_IMODE(p.stat().st_mode) for p in folders} == {0o700}
    files = [p for p in blobs.rglob("*") if p.is_file()]
    assert files and {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o600}
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


def test_an_admin_adds_an_account_and_a_mistake_reads_in_chinese(login, anonymous) -> None:
    admin, token = login("admin")
    form = {"name": "suzhou", "role": "city", "scope": "连云港市", "password": NEW_PASSWORD, "csrf_token": token}
    assert admin.post("/accounts", data=form).status_code == 303
    assert anonymous.post("/login", data={"username": "suzhou", "password": NEW_PASSWORD}).status_code == 303
    again = admin.post("/accounts", data=form)
    assert again.status_code == 422 and "账号 suzhou 已存在" in again.text
    no_scope = admin.post("/accounts", data={**form, "name": "x", "scope": ""})
    assert "设区市教育局账号必须" in no_scope.text


def test_an_expired_session_is_refused_and_cleared_at_the_next_log_in(app, login, sqlite_service) -> None:
    client, _ = login("sheng")
    with session_scope(sqlite_service.db) as session:
        for row in session.exec(select(WebSession)):
            row.expires_at = datetime.now(UTC) - timedelta(seconds=1)
            session.add(row)
    assert client.get("/api/me").status_code == 401
    login("admin")
    with session_scope(sqlite_service.db) as session:
        assert [row.user_id for row in session.exec(select(WebSession))] == [
            session.exec(select(User.id).where(User.name == "admin")).one()]
