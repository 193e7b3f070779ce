"""Reviewer accounts: argon2 hashes, log-in, passwords, disabling, and the `users` commands."""

from __future__ import annotations

import getpass
import os
import sys

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, col, select

from storage.db import session_scope
from storage.groups import group_names
from storage.models import School, User
from storage.states import Role
from workflow.ports import Services
from workflow.web.sessions import end_sessions

ROLES = tuple(Role)
PASSWORD_ENV = "INTAKE_NEW_PASSWORD"
MIN_PASSWORD = 8
LOGIN_FAILED = "账号或密码错误；连续失败后每次尝试须稍候片刻"  # one answer for every refusal

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
        raise AccountError(f"未知角色 {role}，只能是 {'、'.join(f'{r}（{r.label}）' for r in ROLES)}")
    if role == Role.CITY:
        cities = {c for c in session.exec(select(School.city)).all() if c}
        if not scope:
            raise AccountError(f"{Role.CITY.label}账号必须用 --scope 指定设区市，例如 --scope 连云港市")
        if scope not in cities:
            raise AccountError(f"名册中没有设区市 {scope}")
        return scope
    if role == Role.GROUP:
        if not scope:
            raise AccountError(f"{Role.GROUP.label}账号必须用 --scope 指定协作组名称")
        if scope not in group_names():
            raise AccountError(f"没有名为 {scope} 的协作组（须与通知附件中的名称完全一致）")
        return scope
    if scope:
        raise AccountError(f"{Role.label_of(role)}账号不需要 --scope")
    return ""


def add_user(session: Session, *, name: str, role: str, scope: str, password: str) -> User:
    name = name.strip()
    if not name:
        raise AccountError("账号名不能为空")
    scope = check_scope(session, role, scope)
    if session.exec(select(User).where(User.name == name)).first() is not None:
        raise AccountError(f"账号 {name} 已存在")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"密码至少 {MIN_PASSWORD} 个字符")
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


def users_from_cli(service: Services, command: str, name: str = "") -> int:
    """`intake users list | passwd NAME | disable NAME`: 0, or 1 with one Chinese line on stderr."""
    try:
        if command == "list":
            with session_scope(service.db) as session:
                users = session.exec(select(User).order_by(col(User.name))).all()
                for user in users:
                    print(describe(user))
            if not users:
                print("尚无审核账号（用 intake users add 新增）")
            return 0
        with session_scope(service.db) as session:
            find_user(session, name)
        password = (os.environ.get(PASSWORD_ENV) or _prompt_password()) if command == "passwd" else ""
        with session_scope(service.db) as session:
            user = find_user(session, name)
            if command == "passwd":
                set_password(session, user, password)
                done = f"已重设账号 {user.name} 的密码，其登录会话均已结束"
            else:
                set_disabled(session, user)
                done = f"已停用账号 {user.name}，其登录会话均已结束"
    except AccountError as e:
        print(str(e), file=sys.stderr)
        return 1
    print(done, file=sys.stderr)
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


def authenticate(session: Session, *, name: str, password: str, refuse: bool = False) -> User | None:
    """The account if the password is right and it is enabled; None otherwise, after the same argon2 work
    whether the name is unknown, the account disabled or the try `refuse`d (throttled)."""
    user = session.exec(select(User).where(User.name == name.strip())).first()
    if user is None or user.disabled or refuse:
        _verify(_DUMMY_HASH, password)
        return None
    if not _verify(user.password_hash, password):
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        session.add(user)
    return user


def set_password(session: Session, user: User, password: str, *, keep_session: str | None = None) -> None:
    """A new password ends every other session of the account (all of them when `keep_session` is None)."""
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"密码至少 {MIN_PASSWORD} 个字符")
    user.password_hash = hash_password(password)
    session.add(user)
    assert user.id is not None
    end_sessions(session, user.id, keep=keep_session)


def set_disabled(session: Session, user: User, disabled: bool = True) -> None:
    """A disabled account cannot log in, and its sessions end now."""
    user.disabled = disabled
    session.add(user)
    assert user.id is not None
    if disabled:
        end_sessions(session, user.id)


def find_user(session: Session, name: str) -> User:
    user = session.exec(select(User).where(User.name == name.strip())).first()
    if user is None:
        raise AccountError(f"没有账号 {name.strip()}")
    return user


def describe(user: User) -> str:
    """One line for an account: 姓名 角色（范围）[已停用]."""
    scope = f"（{user.scope}）" if user.scope else ""
    state = "\t已停用" if user.disabled else ""
    return f"{user.name}\t{Role.label_of(user.role)}{scope}{state}"


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False
