"""The dashboard: the mailbox's status, requests per day, status, group and city, the backlog, and a plot."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import func
from sqlmodel import Session, col, select

from storage.db import session_scope
from storage.models import Application, Change, FolderState, Message, School, User
from storage.models import Request as RequestRow
from storage.states import OPEN, Kind, Status
from storage.times import from_db
from workflow.labels import STAGE_NAMES, STATUS_NAMES
from workflow.web.common import render, service_of, user_of
from workflow.web.scope import scoped_query

router = APIRouter(include_in_schema=False)
FONT_CANDIDATES = (
    "opentype/noto/NotoSansCJK-Regular.ttc",
    "truetype/wqy/wqy-microhei.ttc",
    "truetype/wqy/wqy-zenhei.ttc",
    "truetype/arphic/uming.ttc",
)


def _requests(session: Session, user: User) -> list[tuple[RequestRow, Message]]:
    return list(session.exec(scoped_query(user).where(RequestRow.kind == Kind.REQUEST)).all())


def daily_arrivals(rows: list[tuple[RequestRow, Message]], tz: Any) -> Counter[date]:
    return Counter(from_db(m.arrival, tz).date() for _, m in rows)


def summary(session: Session, user: User, tz: Any) -> dict[str, Any]:
    rows = _requests(session, user)
    ids = [r.id for r, _ in rows]
    cities = {s.id: s.city or "（未填）" for s in session.exec(select(School))}
    groups: Counter[str] = Counter()
    linked = session.exec(
        select(Change.request_id, Application.group)
        .join(Application, col(Application.id) == Change.application_id)
        .where(col(Change.request_id).in_(ids or [-1]))
    ).all()
    for _, group in {(rid, g) for rid, g in linked}:
        groups[group] += 1
    open_rows = [r for r, _ in rows if r.status in OPEN]
    return {
        "total": len(rows),
        "per_day": sorted(daily_arrivals(rows, tz).items()),
        "per_status": Counter(STATUS_NAMES.get(r.status, r.status or "") for r, _ in rows).most_common(),
        "per_group": groups.most_common(),
        "per_city": Counter(
            cities.get(r.school_id, "（未识别学校）") if r.school_id else "（未识别学校）" for r, _ in rows
        ).most_common(),
        "backlog": Counter(STAGE_NAMES.get(r.stage, r.stage or "") for r in open_rows).most_common(),
        "backlog_total": len(open_rows),
    }


def mailbox_status(session: Session, tz: Any) -> dict[str, Any]:
    """What `intake status` says about the mailbox: each folder's last pass and error, and the backlog."""
    folders = [
        {"account": f.account, "folder": f.folder,
         "last_poll": from_db(f.last_poll_at, tz) if f.last_poll_at else None,
         "error": f.last_error, "error_at": from_db(f.last_error_at, tz) if f.last_error_at else None}
        for f in session.exec(select(FolderState).order_by(col(FolderState.account), col(FolderState.folder)))
    ]
    pending = session.exec(select(func.count()).select_from(RequestRow).where(RequestRow.status == Status.PENDING))
    broken = session.exec(select(func.count()).select_from(Message).where(col(Message.last_error) != ""))
    return {"folders": folders, "pending": pending.one(), "broken": broken.one()}


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(request: Request) -> Response:
    service, user = service_of(request), user_of(request)
    with session_scope(service.db) as session:
        context = summary(session, user, service.settings.round.tz)
        context["mailbox"] = mailbox_status(session, service.settings.round.tz)
    window = service.settings.round
    return render(
        request,
        "dashboard.html",
        {
            **context,
            "window_start": window.window_start.astimezone(window.tz),
            "window_end": window.window_end.astimezone(window.tz),
        },
    )


@cache
def cjk_font() -> Path | None:
    for candidate in FONT_CANDIDATES:
        path = Path("/usr/share/fonts") / candidate
        if path.exists():
            return path
    found = sorted(Path("/usr/share/fonts").glob("**/*CJK*")) if Path("/usr/share/fonts").exists() else []
    return found[0] if found else None


def arrivals_png(per_day: dict[date, int], start: date, end: date) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    font = cjk_font()
    props = font_manager.FontProperties(fname=str(font)) if font else None
    first, last = min([start, *per_day]), max([end, *per_day])
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    figure = Figure(figsize=(9, 3.2), dpi=100)
    axes = figure.add_subplot()
    colours = ["#2b6cb0" if start <= d <= end else "#c05621" for d in days]
    axes.bar([d.strftime("%m-%d") for d in days], [per_day.get(d, 0) for d in days], color=colours)
    axes.set_title("每日收到的申请（橙色为申报期外）", fontproperties=props)
    axes.set_ylabel("件数", fontproperties=props)
    axes.tick_params(axis="x", labelrotation=60, labelsize=7)
    axes.yaxis.get_major_locator().set_params(integer=True)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


@router.get("/dashboard/arrivals.png")
def arrivals_plot(request: Request) -> Response:
    service, user = service_of(request), user_of(request)
    window = service.settings.round
    with session_scope(service.db) as session:
        per_day = daily_arrivals(_requests(session, user), window.tz)
    png = arrivals_png(
        dict(per_day),
        window.window_start.astimezone(window.tz).date(),
        window.window_end.astimezone(window.tz).date(),
    )
    return Response(png, media_type="image/png")
