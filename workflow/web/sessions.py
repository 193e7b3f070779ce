"""Server-side sessions: the cookie holds a signed random token, the `web_session` row says who it is.

Deleting a row ends that browser's session at once: on log-out, on a password change (the other
sessions), when an account is disabled or its password reset (all of them).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlmodel import Session, col, delete, select

from storage.models import User, WebSession
from storage.times import from_db, now_db


class TokenCodec:
    """Signs the session token, so a forged cookie is refused before any database look-up."""

    def __init__(self, key: str, max_age_seconds: int) -> None:
        self._serializer = URLSafeTimedSerializer(key, salt="intake-session")
        self.max_age = max_age_seconds

    def dumps(self, token: str) -> str:
        return self._serializer.dumps(token)

    def loads(self, cookie: str) -> str | None:
        try:
            token = self._serializer.loads(cookie, max_age=self.max_age)
        except BadSignature:
            return None
        return token if isinstance(token, str) else None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(session: Session, user: User, hours: int) -> str:
    """A new session for the user; returns its token (only its sha256 is stored). Sessions expired by now,
    anyone's, go at the same time, so the table holds only live ones."""
    assert user.id is not None
    token, now = secrets.token_urlsafe(32), now_db()
    session.exec(delete(WebSession).where(col(WebSession.expires_at) <= now))  # type: ignore[call-overload]
    session.add(WebSession(token_sha256=_digest(token), user_id=user.id, csrf=secrets.token_urlsafe(24),
                           created_at=now, expires_at=now + timedelta(hours=hours)))
    return token


def session_user(session: Session, token: str) -> tuple[User, str] | None:
    """The live session's user and CSRF token; None when ended, expired or the account is disabled."""
    row = session.get(WebSession, _digest(token))
    if row is None:
        return None
    now = now_db()
    if from_db(row.expires_at, now.tzinfo) <= now:  # type: ignore[arg-type]
        session.delete(row)
        return None
    user = session.get(User, row.user_id)
    if user is None or user.disabled:
        return None
    return user, row.csrf


def end_session(session: Session, token: str) -> None:
    session.exec(delete(WebSession).where(col(WebSession.token_sha256) == _digest(token)))  # type: ignore[call-overload]


def end_sessions(session: Session, user_id: int, *, keep: str | None = None) -> int:
    """End every session of the user but `keep` (a token); returns how many ended."""
    rows = session.exec(select(WebSession).where(WebSession.user_id == user_id)).all()
    ended = [row for row in rows if keep is None or row.token_sha256 != _digest(keep)]
    for row in ended:
        session.delete(row)
    return len(ended)
