"""Export as one XLSX workbook: one row per change of the requests the queue shows, and their audit.

The queue's filters apply (the link carries its query); dates are real Excel dates in the round's
time zone; every value is shown with its Chinese label.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlmodel import Session, col, select

from storage.db import session_scope
from storage.models import Application, Change, Problem, ReviewEvent, School, User
from storage.states import Action, ChangeField, Stage, Status
from storage.times import from_db
from workflow.labels import STATUS_NAMES, actor_name, problem_title
from workflow.web import queue
from workflow.web.common import service_of, user_of
from workflow.web.files import content_disposition
from workflow.web.queue import Filters

router = APIRouter(include_in_schema=False)
# (heading, width in characters)
CHANGE_COLUMNS = (("申请编号", 9), ("到达时间", 17), ("学校", 28), ("设区市", 9), ("发件人", 26), ("主题", 40),
                  ("状态", 9), ("阶段", 11), ("问题", 30), ("证书", 24), ("等级", 6), ("调整事项", 9),
                  ("调整前", 14), ("调整后", 14), ("申报编号", 14), ("协作组", 22), ("修改人", 10))
EVENT_COLUMNS = (("申请编号", 9), ("时间", 17), ("操作人", 12), ("操作", 12), ("原状态", 9), ("新状态", 9),
                 ("原阶段", 11), ("新阶段", 11), ("意见", 60))
DATE_FORMAT = "yyyy-mm-dd hh:mm"
_FORMULA_START = ("=", "+", "-", "@")


def cell(value: Any) -> Any:
    """Text from mail never becomes a formula in the reviewer's spreadsheet."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _local(instant: datetime, tz: Any) -> datetime:
    """Excel has no time zones: the wall-clock time in the round's zone."""
    return from_db(instant, tz).replace(tzinfo=None)


def _sheet(sheet: Worksheet, columns: tuple[tuple[str, int], ...], rows: list[list[Any]], dates: set[int]) -> None:
    sheet.append([heading for heading, _ in columns])
    for row in rows:
        sheet.append([cell(v) for v in row])
    for index, (_, width) in enumerate(columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = width
        if index in dates:
            for (date_cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                date_cell.number_format = DATE_FORMAT
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def change_rows(session: Session, user: User, filters: Filters, tz: Any) -> list[list[Any]]:
    """One row per change; a request without changes still has one row."""
    schools = {s.id: s for s in session.exec(select(School))}
    rows = []
    for request, message in queue.rows(session, user, filters):
        school = schools.get(request.school_id) if request.school_id else None
        problems = "、".join(problem_title(p) for p in sorted(set(session.exec(
            select(Problem.code).where(Problem.request_id == request.id)))))
        head = [request.id, _local(message.arrival, tz), school.name if school else "", school.city if school else "",
                request.sender, request.subject, STATUS_NAMES.get(request.status, ""),
                Stage.label_of(request.stage), problems]
        changes = session.exec(select(Change).where(Change.request_id == request.id)
                               .order_by(col(Change.position))).all()
        for change in changes or [None]:
            if change is None:
                rows.append([*head, *[""] * 8])
                continue
            application = session.get(Application, change.application_id) if change.application_id else None
            rows.append([*head, change.certificate, change.level or "", ChangeField.label_of(change.field),
                         change.from_value, change.to_value, change.application_id or "未关联",
                         application.group if application else "", change.corrected_by])
    return rows


def event_rows(session: Session, ids: list[int], tz: Any) -> list[list[Any]]:
    query = (select(ReviewEvent).where(col(ReviewEvent.request_id).in_(ids or [-1]))
             .order_by(col(ReviewEvent.request_id), col(ReviewEvent.at), col(ReviewEvent.id)))
    return [[e.request_id, _local(e.at, tz), actor_name(e.actor), Action.label_of(e.action),
             Status.label_of(e.from_status), Status.label_of(e.to_status), Stage.label_of(e.from_stage),
             Stage.label_of(e.to_stage), e.comment] for e in session.exec(query)]


def build_workbook(session: Session, user: User, filters: Filters, tz: Any) -> bytes:
    book = Workbook()
    changes = change_rows(session, user, filters, tz)
    _sheet(book.active, CHANGE_COLUMNS, changes, dates={2})
    book.active.title = "调整事项"
    ids = sorted({row[0] for row in changes})
    _sheet(book.create_sheet("审核记录"), EVENT_COLUMNS, event_rows(session, ids, tz), dates={2})
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@router.get("/export/requests.xlsx")
def export_xlsx(request: Request) -> Response:
    """The queue's rows as they are filtered now (the queue's query string), one row per change."""
    service, user = service_of(request), user_of(request)
    filters = Filters.from_query(request.query_params)
    with session_scope(service.db) as session:
        data = build_workbook(session, user, filters, service.settings.round.tz)
    media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(
        data, media_type=media, headers={"content-disposition": content_disposition("申请调整事项与审核记录.xlsx")}
    )
