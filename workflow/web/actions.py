"""The request page's forms: a decision at the current stage and a correction of a change."""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import RedirectResponse, Response

from storage.db import session_scope
from workflow.errors import NotFound, ReviewRefused, WorkflowError
from workflow.web.api import correction_status
from workflow.web.common import replies_queued, service_of, user_of
from workflow.web.pages import request_page
from workflow.web.scope import CHANGE_KEYS, correct_visible, decide_visible

router = APIRouter(include_in_schema=False)


@router.post("/requests/{request_id}/decision")
async def decision(request: Request, request_id: int, background: BackgroundTasks) -> Response:
    service, user = service_of(request), user_of(request)
    form = await request.form()
    action, comment = str(form.get("action", "")), str(form.get("comment", ""))
    try:
        decide_visible(service, user, request_id, action, comment)
    except (ReviewRefused, NotFound) as e:
        return request_page(request, request_id, error=str(e), status=409,
                            form={"action": action, "comment": comment})
    background.add_task(replies_queued, service)
    return RedirectResponse(f"/requests/{request_id}", status_code=303)


@router.post("/requests/{request_id}/changes/{change_id}")
async def correct(request: Request, request_id: int, change_id: int) -> Response:
    service, user = service_of(request), user_of(request)
    form = await request.form()
    values: dict[str, object] = {k: str(v) for k, v in form.items() if k in CHANGE_KEYS}
    try:
        with session_scope(service.db) as session:
            correct_visible(session, service, user, request_id, change_id, values, str(form.get("comment", "")))
    except WorkflowError as e:
        return request_page(request, request_id, error=str(e), status=correction_status(e))
    return RedirectResponse(f"/requests/{request_id}#changes", status_code=303)
