"""The secret key, CSRF tokens, log-in (throttled, back to the page asked for) and log-out."""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from storage.db import session_scope
from workflow.ports import Services
from workflow.web.accounts import LOGIN_FAILED, authenticate
from workflow.web.sessions import TokenCodec, end_session, open_session
from workflow.web.throttle import LoginThrottle

COOKIE = "intake_session"
SECRET_FILE = "web_secret_key"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"

router = APIRouter(include_in_schema=False)


def secret_key(service: Services) -> str:
    """The configured key, else one generated once and kept in data_dir with mode 0600."""
    configured = service.settings.web_secret_key()
    if configured:
        return configured
    path = service.settings.data_dir / SECRET_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_key(path)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(secrets.token_urlsafe(48))
    return _read_key(path)


def _read_key(path: Path) -> str:
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)
    key = path.read_text(encoding="ascii").strip()
    if len(key) < 32:
        raise RuntimeError(f"{path} holds no usable secret key")
    return key


def csrf_matches(expected: str, given: str | None) -> bool:
    return bool(expected) and given is not None and hmac.compare_digest(expected.encode(), given.encode())


def safe_next(target: str) -> str:
    """Where to go after log-in: a path of this site only (never `//host` or a scheme), else the queue."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target and len(target) < 2000:
        return target
    return "/"


def _login_page(request: Request, error: str = "", status: int = 200, next_: str = "/") -> HTMLResponse:
    templates = request.app.state.templates
    context = {"error": error, "next": safe_next(next_)}
    return templates.TemplateResponse(request, "login.html", context, status_code=status)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> Response:  # noqa: A002 - the query parameter's name
    if getattr(request.state, "user", None) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return _login_page(request, next_=next)


@router.post("/login")
def login(request: Request, username: str = Form(""), password: str = Form(""), next: str = Form("/")) -> Response:  # noqa: A002
    service: Services = request.app.state.service
    throttle: LoginThrottle = request.app.state.throttle
    keys = throttle.keys(username, request.client.host if request.client else "")
    waiting = throttle.wait(keys) > 0
    with session_scope(service.db) as session:
        # a throttled try is answered like a wrong password, after the same work
        user = authenticate(session, name=username, password=password, refuse=waiting)
        token = open_session(session, user, service.settings.web.session_hours) if user else None
    if user is None or token is None:
        if not waiting:
            throttle.failed(keys)
        return _login_page(request, LOGIN_FAILED, status=401, next_=next)
    throttle.unlock(username)  # a right password clears the account's failures
    codec: TokenCodec = request.app.state.codec
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(
        COOKIE,
        codec.dumps(token),
        max_age=codec.max_age,
        httponly=True,
        samesite="lax",
        secure=service.settings.web.secure_cookies,
        path="/",
    )
    return response


@router.api_route("/logout", methods=["GET", "POST"])
def logout(request: Request) -> Response:
    """Ends the session on the server too: the old cookie is refused from now on."""
    token = getattr(request.state, "token", None)
    if token:
        with session_scope(request.app.state.service.db) as session:
            end_session(session, token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response
