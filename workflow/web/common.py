"""Helpers the route modules share: the service, the user, rendering, delivery after a decision."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from storage.models import User
from workflow.ports import Services

log = logging.getLogger(__name__)


def service_of(request: Request) -> Services:
    return request.app.state.service


def user_of(request: Request) -> User:
    """The session's user; the gate middleware has already refused anonymous callers."""
    user = getattr(request.state, "user", None)
    if user is None:
        raise RuntimeError("route reached without a session")
    return user


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    base = {"user": getattr(request.state, "user", None), "csrf": getattr(request.state, "csrf", "")}
    return request.app.state.templates.TemplateResponse(
        request, template, {**base, **context}, status_code=status
    )


def replies_queued(service: Services) -> None:
    """After a decision or a release: the reply goes out (held ones wait); failures show on the request page."""
    try:
        service.replies_queued()
    except Exception:  # noqa: BLE001 - the decision is recorded; the daemon's loop or `replies send` delivers
        log.exception("handing replies to delivery after a web decision failed")
