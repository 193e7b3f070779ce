"""Instants in and out of the database: always aware (SQLModel's UTCDateTime stores them as UTC)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo


def to_db(instant: datetime) -> datetime:
    if instant.tzinfo is None:
        raise ValueError("naive datetime given where an instant is needed")
    return instant.astimezone(UTC)


def from_db(stored: datetime, tz: ZoneInfo) -> datetime:
    return (stored if stored.tzinfo else stored.replace(tzinfo=UTC)).astimezone(tz)


def now_db() -> datetime:
    return datetime.now(UTC)
