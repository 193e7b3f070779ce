"""Account pages: one's own password, and for admins every account (add, disable, reset, unlock)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session, col, select

from storage.db import session_scope
from storage.models import User
from storage.states import Role
from workflow.web.accounts import ROLES, AccountError, add_user, authenticate, set_disabled, set_password
from workflow.web.common import render, service_of, user_of
from workflow.web.throttle import LoginThrottle

router = APIRouter(include_in_schema=False)


def _throttle(request: Request) -> LoginThrottle:
    return request.app.state.throttle


@router.get("/account")
def own_account(request: Request, done: str = "") -> Response:
    return render(request, "account.html", {"error": "", "done": done == "1"})


@router.post("/account/password")
async def change_own_password(request: Request) -> Response:
    """The current password, then the new one twice; every other session of the account ends."""
    form = await request.form()
    current, new, again = (str(form.get(k, "")) for k in ("current", "password", "again"))
    user = user_of(request)
    try:
        if new != again:
            raise AccountError("两次输入的新密码不一致")
        with session_scope(service_of(request).db) as session:
            if authenticate(session, name=user.name, password=current) is None:
                raise AccountError("当前密码不正确")
            row = session.get(User, user.id)
            assert row is not None
            set_password(session, row, new, keep_session=request.state.token)
    except AccountError as e:
        return render(request, "account.html", {"error": str(e), "done": False}, status=422)
    return RedirectResponse("/account?done=1", status_code=303)


def _admin(request: Request) -> User:
    user = user_of(request)
    if user.role != Role.ADMIN:
        raise HTTPException(403, "只有管理员可以管理账号")
    return user


@router.get("/accounts")
def accounts(request: Request, error: str = "", status: int = 200) -> Response:
    _admin(request)
    with session_scope(service_of(request).db) as session:
        users = session.exec(select(User).order_by(col(User.role), col(User.name))).all()
    throttle = _throttle(request)
    rows = [(u, throttle.waiting(u.name)) for u in users]
    return render(request, "accounts.html", {"rows": rows, "roles": ROLES, "error": error}, status=status)


@router.post("/accounts")
async def add_account(request: Request) -> Response:
    _admin(request)
    form = await request.form()
    values = {k: str(form.get(k, "")) for k in ("name", "role", "scope", "password")}

    def add(session: Session) -> None:
        add_user(session, **values)

    return _change(request, add)


@router.post("/accounts/{user_id}/{operation}")
async def change_account(request: Request, user_id: int, operation: str) -> Response:
    """`password` (reset: every session ends), `disable`, `enable`, `unlock` (log-in waits end)."""
    _admin(request)
    form = await request.form()

    def act(session: Session) -> None:
        user = session.get(User, user_id)
        if user is None:
            raise AccountError(f"没有第 {user_id} 号账号")
        if operation == "password":
            set_password(session, user, str(form.get("password", "")))
        elif operation in ("disable", "enable"):
            if user.id == user_of(request).id:
                raise AccountError("不能停用自己的账号")
            set_disabled(session, user, operation == "disable")
        elif operation == "unlock":
            _throttle(request).unlock(user.name)
        else:
            raise HTTPException(404, "没有该操作")

    return _change(request, act)


def _change(request: Request, act: Callable[[Session], None]) -> Response:
    try:
        with session_scope(service_of(request).db) as session:
            act(session)
    except AccountError as e:
        return accounts(request, error=str(e), status=422)
    return RedirectResponse("/accounts", status_code=303)
