"""Sessions in signed cookies, the secret key, CSRF tokens, log-in and log-out."""

from __future__ import annotations

import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from storage.db import session_scope
from storage.models import User
from workflow.ports import Services
from workflow.web.accounts import authenticate

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


@dataclass(frozen=True)
class WebSession:
    user_id: int
    csrf: str
    fingerprint: str  # tail of the password hash: changing the password ends old sessions


class SessionCodec:
    def __init__(self, key: str, max_age_seconds: int) -> None:
        self._serializer = URLSafeTimedSerializer(key, salt="intake-session")
        self.max_age = max_age_seconds

    def dumps(self, session: WebSession) -> str:
        return self._serializer.dumps({"u": session.user_id, "c": session.csrf, "f": session.fingerprint})

    def loads(self, cookie: str) -> WebSession | None:
        try:
            data: Any = self._serializer.loads(cookie, max_age=self.max_age)
            return WebSession(int(data["u"]), str(data["c"]), str(data["f"]))
        except (BadSignature, KeyError, TypeError, ValueError):
            return None


def fingerprint(user: User) -> str:
    return user.password_hash[-16:]


def csrf_matches(expected: str, given: str | None) -> bool:
    return bool(expected) and given is not None and hmac.compare_digest(expected.encode(), given.encode())


def _login_page(request: Request, error: str = "", status: int = 200) -> HTMLResponse:
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "login.html", {"error": error}, status_code=status)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    if getattr(request.state, "user", None) is not None:
        return RedirectResponse("/", status_code=303)
    return _login_page(request)


@router.post("/login")
def login(request: Request, username: str = Form(""), password: str = Form("")) -> Response:
    service: Services = request.app.state.service
    with session_scope(service.db) as session:
        result = authenticate(session, web=service.settings.web, name=username, password=password)
        user = result.user
    if user is None or user.id is None:
        return _login_page(request, result.error, status=401)
    codec: SessionCodec = request.app.state.codec
    response = RedirectResponse("/", status_code=303)
    cookie = codec.dumps(WebSession(user.id, secrets.token_urlsafe(24), fingerprint(user)))
    response.set_cookie(
        COOKIE,
        cookie,
        max_age=codec.max_age,
        httponly=True,
        samesite="lax",
        secure=service.settings.web.secure_cookies,
        path="/",
    )
    return response


@router.api_route("/logout", methods=["GET", "POST"])
def logout(request: Request) -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response
