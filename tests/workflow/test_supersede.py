"""Superseding (spec §2): in-window requests supersede the school's latest earlier open request."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from intake.service import Service
from storage.models import Message, Request, School
from storage.times import now_db
from workflow.supersede import reapply

SH = ZoneInfo("Asia/Shanghai")


def add(session: Session, school: School, day: int, status: str, name: str) -> Request:
    message = Message(message_id=f"<{name}@t>", sha256=name.ljust(64, "0"), size=1,
                      arrival=datetime(2024, 3, day, 10, tzinfo=SH), arrival_source="received", stored_at=now_db())
    session.add(message)
    session.flush()
    request = Request(id=message.id, kind="request", status=status, stage="city", school_id=school.id)
    session.add(request)
    session.flush()
    return request


def statuses(session: Session, *requests: Request) -> list[tuple[str | None, int | None, int | None]]:
    for r in requests:
        session.refresh(r)
    return [(r.status, r.supersedes, r.superseded_by) for r in requests]


def test_chain_of_three_in_window(service: Service) -> None:
    with Session(service.db) as session:
        school = School(name="甲校", type="中职", city="南京市")
        session.add(school)
        session.flush()
        first, second, third = (add(session, school, d, "flagged", f"m{d}") for d in (2, 5, 9))
        reapply(session, school_id=school.id, round_=service.settings.round)
        session.commit()
        assert statuses(session, first, second, third) == [
            ("superseded", None, second.id), ("superseded", first.id, third.id), ("flagged", second.id, None)]


def test_late_request_supersedes_nothing_but_can_be_superseded(service: Service) -> None:
    with Session(service.db) as session:
        school = School(name="乙校", type="高职")
        session.add(school)
        session.flush()
        inside = add(session, school, 10, "ready", "a")
        late = add(session, school, 25, "flagged", "b")
        reapply(session, school_id=school.id, round_=service.settings.round)
        assert statuses(session, inside, late) == [("ready", None, None), ("flagged", None, None)]


def test_decided_requests_are_skipped_and_late_processing_is_reapplied(service: Service) -> None:
    with Session(service.db) as session:
        school = School(name="丙校", type="高职")
        session.add(school)
        session.flush()
        approved = add(session, school, 2, "approved", "y")
        old_open = add(session, school, 4, "returned", "x")  # returned is still open
        newest = add(session, school, 8, "ready", "z")
        reapply(session, school_id=school.id, round_=service.settings.round)
        assert statuses(session, approved, old_open, newest) == [
            ("approved", None, None), ("superseded", None, newest.id), ("ready", old_open.id, None)]
        # a message that arrived before all of them is processed late: the chain is recomputed
        earliest = add(session, school, 1, "flagged", "w")
        reapply(session, school_id=school.id, round_=service.settings.round)
        assert statuses(session, earliest, approved, old_open, newest) == [
            ("superseded", None, approved.id), ("approved", earliest.id, None),
            ("superseded", None, newest.id), ("ready", old_open.id, None)]
