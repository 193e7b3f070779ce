"""The Chinese text and HTML of a reply, rendered from `templates/replies/*.j2` and the recorded facts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from sqlmodel import Session, col, select

from storage.models import Application, Change, Message, Problem, Request, ReviewEvent, School
from storage.states import Action, Decision
from storage.times import from_db
from workflow.checks import ADVICE
from workflow.labels import FIELD_NAMES
from workflow.settings import Settings

DECISIONS = tuple(Decision)
DECISION_ACTIONS = {Decision.APPROVED: Action.APPROVE, Decision.REJECTED: Action.REJECT,
                    Decision.RETURNED: Action.RETURN}



@dataclass(frozen=True)
class Bodies:
    text: str
    html: str


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates" / "replies"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )


def render(decision: str, context: dict[str, Any]) -> Bodies:
    if decision not in DECISIONS:
        raise ValueError(f"unknown reply decision {decision!r}")
    env = _environment()
    return Bodies(text=env.get_template(f"{decision}.txt.j2").render(context),
                  html=env.get_template(f"{decision}.html.j2").render(context))


def reply_context(session: Session, *, settings: Settings, request: Request, decision: str) -> dict[str, Any]:
    """Everything a template may say: the school, the original message, changes, problems, the comment."""
    message = session.get(Message, request.id)
    school = session.get(School, request.school_id) if request.school_id else None
    tz = settings.round.tz
    arrival = from_db(message.arrival, tz) if message else None
    window = f"{_date(from_db(settings.round.window_start, tz))}至{_date(from_db(settings.round.window_end, tz))}"
    problems = session.exec(select(Problem).where(Problem.request_id == request.id)
                            .order_by(col(Problem.code), col(Problem.id))).all()
    return {
        "school": school.name if school else (request.subject_unit or "贵单位"),
        "subject": request.subject or "（无主题）",
        "arrival": _datetime(arrival) if arrival else "",
        "year": settings.round.year,
        "window": window,
        "changes": _changes(session, request),
        "problems": [{"code": p.code, "message": p.message, "evidence": p.evidence,
                      "hint": ADVICE.get(p.code, "").format(year=settings.round.year, window=window)}
                     for p in problems],
        "comment": _comment(session, request, decision),
        "office_name": settings.office.name,
        "office_address": settings.office.addresses[0],
        "signature": settings.office.signature.strip().splitlines(),
        "expected_subject": f"{school.name if school else '单位名称'}+{settings.round.year}年证书申报调整申请",
    }


def _changes(session: Session, request: Request) -> list[dict[str, Any]]:
    query = select(Change).where(Change.request_id == request.id).order_by(col(Change.position))
    rows = session.exec(query).all()
    out = []
    for change in rows:
        application = session.get(Application, change.application_id) if change.application_id else None
        unit = "人" if change.field == "headcount" else ""
        out.append({
            "certificate": application.certificate if application else change.certificate,
            "level": change.level or (application.level if application else ""),
            "field": FIELD_NAMES.get(change.field, change.field),
            "from": _value(change.from_value, unit), "to": _value(change.to_value, unit),
            "application_id": change.application_id or "（未匹配到原申报）",
        })
    return out


def _comment(session: Session, request: Request, decision: str) -> str:
    action = DECISION_ACTIONS.get(decision)
    if action is None:
        return ""
    query = (select(ReviewEvent).where(ReviewEvent.request_id == request.id, ReviewEvent.action == action)
             .order_by(col(ReviewEvent.at).desc(), col(ReviewEvent.id).desc()))
    event = session.exec(query).first()
    return event.comment.strip() if event else ""


def _value(value: Any, unit: str) -> str:
    return "（未识别）" if value in (None, "") else f"{value}{unit}"


def _date(instant: Any) -> str:
    return f"{instant.year}年{instant.month}月{instant.day}日"


def _datetime(instant: Any) -> str:
    return f"{_date(instant)} {instant:%H:%M}"
