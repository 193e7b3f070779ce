"""Reviewer accounts: argon2 hashes, `users add`, and log-in with lock-out after repeated failures."""

from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, select

from storage.db import session_scope
from storage.groups import group_names
from storage.models import School, User
from storage.states import Role
from storage.times import from_db, now_db
from workflow.ports import Services
from workflow.settings import WebConfig

ROLES = tuple(Role)
PASSWORD_ENV = "INTAKE_NEW_PASSWORD"

_hasher = PasswordHasher()
# Verified against when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not a password")


class AccountError(Exception):
    """A `users add` mistake, one Chinese line."""


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_scope(session: Session, role: str, scope: str) -> str:
    """The scope a role needs: a registry 设区市 for city, one of the 16 group names for group, none else."""
    scope = scope.strip()
    if role not in ROLES:
        raise AccountError(f"未知角色 {role}，只能是 {'、'.join(ROLES)}")
    if role == Role.CITY:
        cities = {c for c in session.exec(select(School.city)).all() if c}
        if not scope:
            raise AccountError("city 角色必须用 --scope 指定设区市，例如 --scope 连云港市")
        if scope not in cities:
            raise AccountError(f"名册中没有设区市 {scope}")
        return scope
    if role == Role.GROUP:
        if not scope:
            raise AccountError("group 角色必须用 --scope 指定协作组名称")
        if scope not in group_names():
            raise AccountError(f"没有名为 {scope} 的协作组（须与通知附件中的名称完全一致）")
        return scope
    if scope:
        raise AccountError(f"{role} 角色不需要 --scope")
    return ""


def add_user(session: Session, *, name: str, role: str, scope: str, password: str) -> User:
    name = name.strip()
    if not name:
        raise AccountError("账号名不能为空")
    scope = check_scope(session, role, scope)
    if session.exec(select(User).where(User.name == name)).first() is not None:
        raise AccountError(f"账号 {name} 已存在")
    if len(password) < 8:
        raise AccountError("密码至少 8 个字符")
    user = User(name=name, role=role, scope=scope, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    return user


def add_user_from_cli(service: Services, *, name: str, role: str, scope: str) -> int:
    """`intake users add`: 0 on success, 1 with one Chinese line on stderr for any mistake."""
    try:
        with session_scope(service.db) as session:
            check_scope(session, role, scope)
            if session.exec(select(User).where(User.name == name.strip())).first() is not None:
                raise AccountError(f"账号 {name.strip()} 已存在")
        password = os.environ.get(PASSWORD_ENV) or _prompt_password()
        with session_scope(service.db) as session:
            user = add_user(session, name=name, role=role, scope=scope, password=password)
            label = f"{Role.label_of(user.role)}{f'（{user.scope}）' if user.scope else ''}"
    except AccountError as e:
        print(str(e), file=sys.stderr)
        return 1
    print(f"已创建账号 {user.name}：{label}", file=sys.stderr)
    return 0


def _prompt_password() -> str:
    try:
        first = getpass.getpass("密码：")
        second = getpass.getpass("再次输入密码：")
    except (EOFError, KeyboardInterrupt):
        raise AccountError("未输入密码") from None
    if first != second:
        raise AccountError("两次输入的密码不一致")
    return first


@dataclass(frozen=True)
class LoginResult:
    user: User | None
    error: str = ""


def authenticate(session: Session, *, web: WebConfig, name: str, password: str) -> LoginResult:
    """Check a password; `lockout_failures` failures in a row lock the account for `lockout_minutes`."""
    user = session.exec(select(User).where(User.name == name.strip())).first()
    failed = LoginResult(None, "账号或密码错误")
    if user is None:
        _verify(_DUMMY_HASH, password)
        return failed
    now = now_db()
    if user.locked_until is not None and from_db(user.locked_until, now.tzinfo) > now:  # type: ignore[arg-type]
        return LoginResult(None, f"账号已锁定，请 {web.lockout_minutes} 分钟后再试")
    if not _verify(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= web.lockout_failures:
            user.failed_logins = 0
            user.locked_until = now + timedelta(minutes=web.lockout_minutes)
            failed = LoginResult(
                None, f"连续 {web.lockout_failures} 次密码错误，账号锁定 {web.lockout_minutes} 分钟"
            )
        session.add(user)
        return failed
    user.failed_logins, user.locked_until = 0, None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    session.add(user)
    return LoginResult(user)


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False
