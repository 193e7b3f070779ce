"""SQLModel tables: the registry, the mailbox's messages, requests with their evidence, review and replies.

The named values (status, stage, kind …) are those of `storage.states`, stored as their strings.
Datetimes are aware instants (SQLModel stores them as UTC on SQLite and PostgreSQL).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.states import Delivery, Kind, ReplyState, Status


class School(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True)  # 单位名称
    type: str  # 中职 | 高职 | 本科
    city: str = ""  # 设区市
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    emails: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    majors: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))  # 招生专业


class Application(SQLModel, table=True):
    """One declaration (原申报) of the national platform, identified by its 申报编号."""

    id: str = Field(primary_key=True)  # 申报编号, e.g. JS2024-00017
    school_id: int = Field(foreign_key="school.id", index=True)
    certificate: str  # 证书名称
    level: str  # 初级 | 中级 | 高级
    major: str  # 专业名称
    major_code: str = ""
    headcount: int  # 申报人数
    enrolled: int  # 可参与专业在校生数
    group: str  # 协作组


class Message(SQLModel, table=True):
    """A message as stored: raw bytes in the blob store, committed before any parsing."""

    __table_args__ = (UniqueConstraint("account", "folder", "uidvalidity", "uid", name="uq_message_uid"),)
    id: int | None = Field(default=None, primary_key=True)
    account: str = ""
    folder: str = ""
    uidvalidity: int | None = None
    uid: int | None = None
    message_id: str = Field(unique=True, index=True)
    sha256: str = Field(unique=True, index=True)
    size: int
    arrival: datetime
    arrival_source: str  # an ArrivalSource
    stored_at: datetime
    processed_at: datetime | None = None
    attempts: int = 0
    last_error: str = ""


class Request(SQLModel, table=True):
    """What the pipeline made of one message; its id is the message's id."""

    id: int = Field(foreign_key="message.id", primary_key=True)
    kind: str = Kind.REQUEST
    status: str | None = Status.PENDING  # None: unrelated
    stage: str | None = None  # a Stage
    sender: str = ""
    subject: str = ""
    school_id: int | None = Field(default=None, foreign_key="school.id", index=True)
    subject_unit: str = ""
    school_hint: str = ""  # a close registered name, shown to reviewers only
    applicant_unit: str = ""
    seal: bool = False
    seal_text: str = ""
    department_approval: bool = False
    leader_approval: bool = False
    parse_error: str = ""
    unrelated_reason: str = ""
    supersedes: int | None = None
    superseded_by: int | None = None
    groups_approved: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    updated_at: datetime | None = None


class Document(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="request.id", index=True)
    position: int
    filename: str
    sha256: str
    kind: str  # readable | office | unreadable
    mime: str = ""
    pages: int = 0
    text_source: str | None = None
    error: str = ""


class PageRecord(SQLModel, table=True):
    __tablename__ = "page"
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    number: int
    text_source: str | None = None
    text: str = ""
    image_sha256: str = ""  # a PNG in the blob store for reviewers
    width: int = 0
    height: int = 0


class EvidenceItem(SQLModel, table=True):
    """A seal or approval found on a page, with its crop."""

    __tablename__ = "evidence"
    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="request.id", index=True)
    kind: str  # an EvidenceKind
    document: str = ""
    page: int = 0
    box: list[float] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    crop_sha256: str = ""
    text: str = ""
    confidence: float = 0.0
    holds: bool = False  # the seal is official / the approval is affirmative and signed
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Change(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="request.id", index=True)
    position: int
    certificate: str
    field: str  # a ChangeField
    level: str | None = None
    from_value: Any = Field(default=None, sa_column=Column("from_value", JSON))
    to_value: Any = Field(default=None, sa_column=Column("to_value", JSON))
    application_id: str | None = Field(default=None, foreign_key="application.id")
    corrected_by: str = ""  # reviewer who edited it, "" when as read


class Problem(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="request.id", index=True)
    code: str
    message: str
    evidence: str = ""


class ReviewEvent(SQLModel, table=True):
    """One audited transition or correction: who, when, from, to, why."""

    __tablename__ = "review_event"
    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="request.id", index=True)
    at: datetime
    actor: str
    action: str  # an Action
    from_status: str | None = None
    to_status: str | None = None
    from_stage: str | None = None
    to_stage: str | None = None
    comment: str = ""


class Reply(SQLModel, table=True):
    """An outgoing reply; `idempotency_key` makes one per (request, decision)."""

    __table_args__ = (Index("ix_reply_state", "state"),)
    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="request.id", index=True)
    decision: str  # a Decision
    idempotency_key: str = Field(unique=True)
    message_id: str = Field(unique=True)
    state: str = ReplyState.QUEUED
    delivery: str = Delivery.SMTP
    to_addrs: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    cc_addrs: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    subject: str
    in_reply_to: str = ""
    references: str = ""
    body_text: str
    body_html: str
    attempts: int = 0
    last_error: str = ""
    next_attempt_at: datetime | None = None
    created_at: datetime
    sent_at: datetime | None = None


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True)
    role: str  # a Role
    scope: str = ""  # 设区市 for city, 协作组 for group
    password_hash: str
    disabled: bool = False  # a disabled account cannot log in and has no sessions


class WebSession(SQLModel, table=True):
    """A logged-in browser: the cookie holds a random token, the row its sha256; deleting the row ends it."""

    __tablename__ = "web_session"
    token_sha256: str = Field(primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    csrf: str
    created_at: datetime
    expires_at: datetime


class FolderState(SQLModel, table=True):
    """Where intake stands in one mailbox folder."""

    __tablename__ = "folder_state"
    account: str = Field(primary_key=True)
    folder: str = Field(primary_key=True)
    uidvalidity: int | None = None
    uid_seen: int | None = None  # every UID up to this one (under uidvalidity) is recorded or a copy of one
    last_poll_at: datetime | None = None
    last_error: str = ""
    last_error_at: datetime | None = None
