"""The reviewers' web app: `create_app(service)` wires routes, templates and the gate; `serve` runs it."""

from __future__ import annotations

import errno
import logging
import socket
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from storage.states import ProblemCode
from workflow.errors import AddressUnavailable
from workflow.labels import ROLE_NAMES
from workflow.ports import Services
from workflow.web import account_pages, actions, api, auth, dashboard, export, files, pages, replies
from workflow.web.auth import secret_key
from workflow.web.middleware import GateMiddleware
from workflow.web.sessions import TokenCodec
from workflow.web.throttle import LoginThrottle

PACKAGE = resources.files("workflow.web")
log = logging.getLogger(__name__)


def create_app(service: Services) -> FastAPI:
    app = FastAPI(
        title="江苏省1+X证书申报调整申请审核",
        version="1.0",
        docs_url=None,
        redoc_url=None,
        description="审核人员的网页与 JSON 接口。除登录外，所有接口都需要登录会话；"
        "POST 需在 X-CSRF-Token 头中带上 /api/me 返回的 csrf_token。",
    )
    app.state.service = service
    web = service.settings.web
    app.state.codec = TokenCodec(secret_key(service), web.session_hours * 3600)
    app.state.throttle = LoginThrottle(web.login_free_tries, web.login_max_delay_seconds)
    app.state.templates = Jinja2Templates(directory=str(PACKAGE / "templates"))
    app.state.templates.env.globals["round"] = service.settings.round
    app.state.templates.env.globals["role_names"] = ROLE_NAMES
    app.state.templates.env.filters["problem_label"] = ProblemCode.label_of
    app.mount("/static", StaticFiles(directory=str(PACKAGE / "static")), name="static")
    for module in (auth, pages, actions, files, dashboard, export, replies, account_pages, api):
        app.include_router(module.router)
    _add_meta_routes(app)
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _bad_address)  # type: ignore[arg-type]
    app.add_middleware(GateMiddleware, engine=service.db, codec=app.state.codec)
    return app


def _add_meta_routes(app: FastAPI) -> None:
    @app.get("/health", include_in_schema=False)
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    @app.get("/redoc", include_in_schema=False, response_class=HTMLResponse)
    def api_docs(request: Request) -> Response:
        """The API described from /openapi.json, rendered here (no scripts from a CDN)."""
        operations = [
            (path, method.upper(), op.get("summary", ""))
            for path, item in app.openapi().get("paths", {}).items()
            for method, op in item.items()
        ]
        return app.state.templates.TemplateResponse(
            request, "apidocs.html", {"operations": operations, "user": None, "csrf": ""}
        )


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
    context: dict[str, Any] = {
        "status": exc.status_code,
        "detail": exc.detail,
        "user": getattr(request.state, "user", None),
        "csrf": getattr(request.state, "csrf", ""),
    }
    return request.app.state.templates.TemplateResponse(
        request, "error.html", context, status_code=exc.status_code
    )


async def _bad_address(request: Request, exc: RequestValidationError) -> Response:
    """A page address that does not parse (`/requests/abc`) is a missing page, said in Chinese; the API
    keeps FastAPI's 422 with the details a program needs."""
    if request.url.path.startswith("/api/"):
        return await request_validation_exception_handler(request, exc)
    return await _http_error(request, StarletteHTTPException(404, "没有这个页面：地址中的编号应为数字"))


def serve(service: Services, *, host: str, port: int, note: str = "") -> None:
    """Run the web app on host:port until stopped; the address (and `note`) is told once it is ours.

    Raises AddressUnavailable, with one Chinese line, when the address cannot be taken (port in use…).
    """
    import uvicorn

    sock = listen(host, port)
    log.info("审核网页：http://%s:%s/%s", f"[{host}]" if ":" in host else host, port, note)
    # uvicorn's own INFO lines (start-up notes, one line per request) are not for the officers' terminal
    # behind the reverse proxy of deploy/ (on 127.0.0.1) the client's address comes from X-Forwarded-For,
    # which uvicorn trusts from 127.0.0.1 only: log-in throttling needs the real address
    config = uvicorn.Config(create_app(service), host=host, port=port, log_level="warning", proxy_headers=True,
                            forwarded_allow_ips="127.0.0.1")
    uvicorn.Server(config).run(sockets=[sock])


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port (as uvicorn binds one), for uvicorn to listen on.

    Bound here rather than by uvicorn, whose failure is an English log line and exit 3.
    """
    if not 0 < port < 65536:
        raise AddressUnavailable(f"端口 {port} 无效：应在 1 到 65535 之间")
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        raise AddressUnavailable(_bind_words(host, port, e)) from None
    sock.set_inheritable(True)
    return sock


def _bind_words(host: str, port: int, error: OSError) -> str:
    if isinstance(error, socket.gaierror):
        return f"无法解析监听地址 {host}：请检查 --host 或配置 [web] host"
    words = {
        errno.EADDRINUSE: f"端口 {port} 已被占用（也许另一个 intake serve 正在运行）：请先停止占用它的程序，或用 --port 换一个端口",
        errno.EACCES: f"无权使用端口 {port}：1024 以下的端口需要管理员权限，请用 --port 换一个端口",
        errno.EADDRNOTAVAIL: f"本机没有地址 {host}：请检查 --host 或配置 [web] host",
    }
    return words.get(error.errno or 0, f"无法在 {host}:{port} 上启动审核网页（{error.strerror or error}）")
