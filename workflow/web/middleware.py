"""The gate in front of every route: session first, then CSRF, plus secure headers on every answer.

A pure ASGI middleware, so nothing behind it — validation, lookups, 404s, 422s — runs for an
anonymous caller.
"""

from __future__ import annotations

import html
import json
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, urlencode

from storage.db import session_scope
from storage.models import User
from workflow.web.auth import COOKIE, CSRF_FIELD, CSRF_HEADER, csrf_matches
from workflow.web.sessions import TokenCodec, session_user

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

PUBLIC = {
    ("GET", "/login"),
    ("POST", "/login"),
    ("HEAD", "/login"),
    ("GET", "/health"),
    ("GET", "/openapi.json"),
    ("GET", "/docs"),
    ("GET", "/docs/oauth2-redirect"),
    ("GET", "/redoc"),
}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
MAX_FORM_BYTES = 1_000_000
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
        b"frame-ancestors 'none'",
    ),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


def is_public(method: str, path: str) -> bool:
    return (method, path) in PUBLIC or path == "/logout" or path.startswith("/static/")


class GateMiddleware:
    def __init__(self, app: ASGIApp, *, engine: Any, codec: TokenCodec) -> None:
        self.app, self.engine, self.codec = app, engine, codec

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send)
        method, path = scope["method"], scope["path"]
        token = self._token(scope)
        user, csrf = self._user(token) if token else (None, "")
        state = scope.setdefault("state", {})
        state["user"], state["csrf"], state["token"] = user, csrf, token if user else None
        if is_public(method, path):
            await self.app(scope, receive, send)
            return
        if user is None:
            await _deny(send, path, scope.get("query_string", b"") if method == "GET" else None)
            return
        if method not in SAFE_METHODS:
            ok, receive, fields = await _check_csrf(scope, receive, csrf)
            if not ok:
                if path.startswith("/api/") or not fields:
                    await _plain(send, 403, path, "缺少或错误的 CSRF 令牌，请刷新页面后重试")
                else:
                    await _stale_form(send, path, fields)
                return
        await self.app(scope, receive, send)

    def _token(self, scope: Scope) -> str | None:
        cookie = _cookie(scope, COOKIE)
        return self.codec.loads(cookie) if cookie else None

    def _user(self, token: str) -> tuple[User | None, str]:
        """The session's user and CSRF token, looked up on the server: an ended session is no session."""
        with session_scope(self.engine) as session:
            found = session_user(session, token)
        return found if found is not None else (None, "")


def _cookie(scope: Scope, name: str) -> str | None:
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # noqa: BLE001 - a malformed cookie header is no session
                return None
            if name in jar:
                return jar[name].value
    return None


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


async def _check_csrf(
    scope: Scope, receive: Receive, expected: str
) -> tuple[bool, Receive, dict[str, list[str]]]:
    """A header for the API, or a `csrf_token` field of an urlencoded form (the body is replayed, and its
    fields returned so a refused form can give back what was typed)."""
    if csrf_matches(expected, _header(scope, CSRF_HEADER.encode())):
        return True, receive, {}
    content_type = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        return False, receive, {}
    body, more = b"", True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            return False, receive, {}
        body += message.get("body", b"")
        more = message.get("more_body", False)
        if len(body) > MAX_FORM_BYTES:
            return False, receive, {}
    fields = parse_qs(body.decode("utf-8", "replace"))
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if replayed:
            return await receive()
        replayed = True
        return {"type": "http.request", "body": body, "more_body": False}

    return csrf_matches(expected, (fields.get(CSRF_FIELD) or [None])[0]), replay, fields


def _with_headers(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            ours = {key for key, _ in SECURITY_HEADERS}
            headers = [h for h in message.get("headers", []) if h[0].lower() not in ours]
            message["headers"] = headers + SECURITY_HEADERS
        await send(message)

    return wrapped


async def _deny(send: Send, path: str, query: bytes | None) -> None:
    """401 for the API; a page goes to the log-in form, which comes back to a page asked for (GET) after."""
    if path.startswith("/api/") or path == "/api":
        await _plain(send, 401, path, "需要登录")
        return
    target = path + ("?" + query.decode("latin-1") if query else "")
    location = "/login" if query is None or target == "/" else "/login?" + urlencode({"next": target})
    await send(
        {
            "type": "http.response.start",
            "status": 303,
            "headers": [(b"location", location.encode("latin-1")), (b"content-length", b"0")],
        }
    )
    await send({"type": "http.response.body", "body": b""})


TYPED_FIELDS = {"comment": "审核意见", "body_text": "回复正文", "subject": "回复主题", "to": "调整后"}


async def _stale_form(send: Send, path: str, fields: dict[str, list[str]]) -> None:
    """A page form sent with an expired token (the page was open across a log-in): nothing is done, and
    the text typed into it is shown to copy back, with a link to the page it came from."""
    back = "/" + "/".join(path.strip("/").split("/")[:2]) if path.startswith("/requests/") else "/"
    typed = "".join(
        f"<label>{label}<textarea readonly rows=\"4\">{html.escape(value)}</textarea></label>"
        for key, label in TYPED_FIELDS.items() for value in fields.get(key, []) if value.strip()
    )
    page = (
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>页面已过期</title>"
        "<link rel=\"stylesheet\" href=\"/static/style.css\"></head><body><main><section class=\"narrow\">"
        "<h1>页面已过期，未提交</h1><p>该页面是在上次登录时打开的，本次操作没有执行。"
        f"请复制下面您填写的内容，<a href=\"{html.escape(back)}\">回到页面</a>后重新提交。</p>"
        f"{typed}</section></main></body></html>"
    )
    body = page.encode()
    await send({"type": "http.response.start", "status": 403,
                "headers": [(b"content-type", b"text/html; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


async def _plain(send: Send, status: int, path: str, text: str) -> None:
    if path.startswith("/api/"):
        body, kind = json.dumps({"detail": text}, ensure_ascii=False).encode(), b"application/json"
    else:
        body, kind = text.encode(), b"text/plain; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
