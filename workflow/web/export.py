"""Export of the requests and the decisions a reviewer may see, as one XLSX workbook."""

from __future__ import annotations

import io
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from openpyxl import Workbook
from sqlmodel import Session, col, select

from storage.db import session_scope
from storage.models import ReviewEvent, User
from storage.times import from_db
from workflow.labels import ACTION_NAMES, STAGE_NAMES, STATUS_NAMES
from workflow.views import requests_json
from workflow.web.common import service_of, user_of
from workflow.web.files import content_disposition
from workflow.web.scope import Filters, visible_ids, visible_rows

router = APIRouter(include_in_schema=False)
REQUEST_COLUMNS = (
    "编号",
    "到达时间",
    "发件人",
    "主题",
    "学校",
    "状态",
    "阶段",
    "问题",
    "公章",
    "部门意见",
    "分管领导意见",
    "调整",
    "被替代",
    "替代",
)
EVENT_COLUMNS = ("申请编号", "时间", "审核人", "操作", "原状态", "新状态", "原阶段", "新阶段", "意见")
_FORMULA_START = ("=", "+", "-", "@")


def cell(value: Any) -> Any:
    """Text from mail never becomes a formula in the reviewer's spreadsheet."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _change_text(changes: list[dict[str, Any]]) -> str:
    return "；".join(
        f"{c['certificate']} {c['field']}: {c['from']} → {c['to']} ({c['application_id'] or '未关联'})"
        for c in changes
    )


def build_workbook(session: Session, user: User, tz: Any) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "申请"
    sheet.append(REQUEST_COLUMNS)
    for r in requests_json(session, visible_rows(session, user, Filters(tab="all")), tz):
        sheet.append(
            [
                cell(v)
                for v in (
                    r["id"],
                    r["arrival"],
                    r["sender"],
                    r["subject"],
                    r["school"] or "",
                    STATUS_NAMES.get(r["status"], r["status"]),
                    STAGE_NAMES.get(r["stage"], r["stage"]),
                    "、".join(r["problems"]),
                    "有" if r["seal"] else "无",
                    "是" if r["approvals"]["department"] else "否",
                    "是" if r["approvals"]["leader"] else "否",
                    _change_text(r["changes"]),
                    r["superseded_by"],
                    r["supersedes"],
                )
            ]
        )
    events = book.create_sheet("审核记录")
    events.append(EVENT_COLUMNS)
    query = (
        select(ReviewEvent)
        .where(col(ReviewEvent.request_id).in_(visible_ids(user)))
        .order_by(col(ReviewEvent.request_id), col(ReviewEvent.at), col(ReviewEvent.id))
    )
    for e in session.exec(query):
        events.append(
            [
                cell(v)
                for v in (
                    e.request_id,
                    from_db(e.at, tz).isoformat(),
                    e.actor,
                    ACTION_NAMES.get(e.action, e.action),
                    e.from_status,
                    e.to_status,
                    e.from_stage,
                    e.to_stage,
                    e.comment,
                )
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@router.get("/export/requests.xlsx")
def export_xlsx(request: Request) -> Response:
    service, user = service_of(request), user_of(request)
    with session_scope(service.db) as session:
        data = build_workbook(session, user, service.settings.round.tz)
    media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(
        data, media_type=media, headers={"content-disposition": content_disposition("申请与审核记录.xlsx")}
    )
