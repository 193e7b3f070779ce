"""Instants in and out of the database: stored as naive UTC, handed out aware."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo


def to_db(instant: datetime) -> datetime:
    if instant.tzinfo is None:
        raise ValueError("naive datetime given where an instant is needed")
    return instant.astimezone(UTC).replace(tzinfo=None)


def from_db(stored: datetime, tz: ZoneInfo) -> datetime:
    return stored.replace(tzinfo=UTC).astimezone(tz)


def now_db() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
