"""Rows for web tests, made directly with SQLModel (no OCR): schools, declarations, users and requests."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from intake.service import Service
from storage.db import session_scope
from storage.models import (
    Application,
    Change,
    Document,
    EvidenceItem,
    FolderState,
    Message,
    PageRecord,
    Problem,
    Request,
    School,
    User,
)
from storage.states import Action, Stage, Status
from tests.web.samples import approval_png, crop_png, page_jpeg, raw_message
from workflow.transitions import SYSTEM, transition
from workflow.web.accounts import hash_password

PASSWORD = "correct horse 1"
GROUP_A = "农林牧渔类协作组"
GROUP_B = "土木建筑类协作组"
NANJING_SCHOOL = "南京市莫愁中等专业学校"
LYG_SCHOOL = "连云港中等专业学校"
EVIL_FILENAME = '../../etc/passwd"\r\nX-Evil: 1;<script>alert(1)</script>.pdf'
EVIL_SUBJECT = "<script>alert('x')</script>咨询：证书申报"
USERS = {
    "nanjing": ("city", "南京市"),
    "lyg": ("city", "连云港市"),
    "nonglin": ("group", GROUP_A),
    "tujian": ("group", GROUP_B),
    "sheng": ("province", ""),
    "admin": ("admin", ""),
}


@dataclass(frozen=True)
class Seeded:
    nanjing: int  # a ready 中职 request of 南京市 whose change links to GROUP_A
    lyg: int  # a flagged 中职 request of 连云港市 linking to GROUP_B
    unrelated: int  # a question with a hostile subject
    evil_document: int  # the nanjing request's document whose filename is hostile
    change: int  # the nanjing request's change
    seal_crop: str  # sha256 of the seal crop


def add_message(session: Session, service: Service, *, raw: bytes, message_id: str, day: int) -> Message:
    sha = service.blobs.put(raw)
    message = Message(
        message_id=message_id,
        sha256=sha,
        size=len(raw),
        arrival=datetime(2024, 3, day, 2, 0, tzinfo=UTC),
        arrival_source="date",
        stored_at=datetime.now(UTC),
    )
    session.add(message)
    session.flush()
    return message


def seed_registry(session: Session) -> tuple[School, School]:
    nanjing = School(
        name=NANJING_SCHOOL,
        type="中职",
        city="南京市",
        emails=["mochou@example.cn"],
        aliases=["莫愁中专"],
        majors=["计算机应用", "会计事务"],
    )
    lyg = School(
        name=LYG_SCHOOL, type="中职", city="连云港市", emails=["lyg@example.cn"], majors=["建筑施工"]
    )
    session.add_all([nanjing, lyg])
    session.flush()
    session.add_all(
        [
            Application(
                id="JS2024-00017",
                school_id=nanjing.id,
                certificate="Web前端开发",
                level="中级",
                major="计算机应用",
                headcount=80,
                enrolled=150,
                group=GROUP_A,
            ),
            Application(
                id="JS2024-00018",
                school_id=lyg.id,
                certificate="建筑信息模型（BIM）",
                level="初级",
                major="建筑施工",
                headcount=40,
                enrolled=60,
                group=GROUP_B,
            ),
        ]
    )
    return nanjing, lyg


def seed_users(session: Session) -> None:
    hashed = hash_password(PASSWORD)
    for name, (role, scope) in USERS.items():
        session.add(User(name=name, role=role, scope=scope, password_hash=hashed))


def _request(
    session: Session,
    message: Message,
    *,
    school: School | None,
    subject: str,
    sender: str,
    status: str | None,
    stage: str | None,
    kind: str = "request",
    **extra: object,
) -> Request:
    request = Request(
        id=message.id,
        kind=kind,
        status=None,
        stage=None,
        sender=sender,
        subject=subject,
        school_id=school.id if school else None,
        **extra,
    )
    session.add(request)
    session.flush()
    transition(session, request, actor=SYSTEM, action=Action.PROCESSED,
               status=Status(status) if status else None, stage=Stage(stage) if stage else None)
    return request


def seed_requests(session: Session, service: Service, nanjing: School, lyg: School) -> Seeded:
    pdf = b"%PDF-1.4 fixture document\n%%EOF\n"
    subject = f"{NANJING_SCHOOL}+2024年证书申报调整申请"
    raw = raw_message(
        subject=subject,
        sender="mochou@example.cn",
        message_id="<n1@example.cn>",
        attachment=("scan.pdf", pdf),
    )  # the stored Document row carries the hostile name
    m1 = add_message(session, service, raw=raw, message_id="<n1@example.cn>", day=5)
    r1 = _request(
        session,
        m1,
        school=nanjing,
        subject=subject,
        sender="mochou@example.cn",
        status="ready",
        stage="city",
        seal=True,
        seal_text=NANJING_SCHOOL,
        department_approval=True,
        leader_approval=True,
    )
    document = Document(
        request_id=r1.id,
        position=0,
        filename=EVIL_FILENAME,
        sha256=hashlib.sha256(pdf).hexdigest(),
        kind="readable",
        mime="application/pdf",
        pages=1,
        text_source="ocr",
    )
    session.add(document)
    session.flush()
    session.add(
        PageRecord(
            document_id=document.id,
            number=1,
            text_source="ocr",
            text="申请单位",
            image_sha256=service.blobs.put(page_jpeg()),
            width=600,
            height=848,
        )
    )
    seal = service.blobs.put(crop_png())
    session.add(
        EvidenceItem(
            request_id=r1.id,
            kind="seal",
            document=EVIL_FILENAME,
            page=1,
            box=[380, 560, 540, 720],
            crop_sha256=seal,
            text=NANJING_SCHOOL,
            confidence=0.93,
            holds=True,
            detail={"colour": "red"},
        )
    )
    for kind, box in (("department", [60, 600, 320, 680]), ("leader", [60, 700, 320, 780])):
        session.add(
            EvidenceItem(
                request_id=r1.id,
                kind=kind,
                document=EVIL_FILENAME,
                page=1,
                box=box,
                crop_sha256=service.blobs.put(approval_png()),
                text="同意调整",
                confidence=1.0,
                holds=True,
                detail={"found": True, "affirmative": True, "signed": True},
            )
        )
    change = Change(
        request_id=r1.id,
        position=0,
        certificate="Web前端开发",
        field="headcount",
        level="中级",
        from_value=80,
        to_value=120,
        application_id="JS2024-00017",
    )
    session.add(change)

    subject2 = f"{LYG_SCHOOL}+2024年证书申报调整申请"
    raw2 = raw_message(
        subject=subject2, sender="lyg@example.cn", message_id="<l1@example.cn>", attachment=None
    )
    m2 = add_message(session, service, raw=raw2, message_id="<l1@example.cn>", day=6)
    r2 = _request(
        session, m2, school=lyg, subject=subject2, sender="lyg@example.cn", status="flagged", stage="city"
    )
    session.add(
        Change(
            request_id=r2.id,
            position=0,
            certificate="建筑信息模型（BIM）",
            field="level",
            level="初级",
            from_value="初级",
            to_value="中级",
            application_id="JS2024-00018",
        )
    )
    session.add(
        Problem(
            request_id=r2.id, code="no_seal", message="未发现加盖单位公章", evidence="第 1 页未检测到公章"
        )
    )

    raw3 = raw_message(
        subject=EVIL_SUBJECT, sender="someone@example.cn", message_id="<q1@example.cn>", attachment=None
    )
    m3 = add_message(session, service, raw=raw3, message_id="<q1@example.cn>", day=7)
    r3 = _request(
        session,
        m3,
        school=None,
        subject=EVIL_SUBJECT,
        sender="someone@example.cn",
        status=None,
        stage=None,
        kind="unrelated",
        unrelated_reason="没有附件且主题不含调整申请",
    )
    session.flush()
    assert change.id is not None and document.id is not None
    return Seeded(
        nanjing=r1.id, lyg=r2.id, unrelated=r3.id, evil_document=document.id, change=change.id, seal_crop=seal
    )


def seed(service: Service) -> Seeded:
    with session_scope(service.db) as session:
        nanjing, lyg = seed_registry(session)
        seed_users(session)
        session.add(FolderState(account="jsxzsbg@163.com", folder="INBOX", uidvalidity=7, uid_seen=3,
                                last_poll_at=datetime(2024, 3, 7, 2, 5, tzinfo=UTC),
                                last_error="IMAP 连接超时", last_error_at=datetime(2024, 3, 7, 1, 0, tzinfo=UTC)))
        return seed_requests(session, service, nanjing, lyg)


def seed_bulk(session: Session, school_id: int, count: int) -> list[int]:
    """`count` ready requests waiting at the province, one a minute from 2024-03-10 (no blobs: queue only)."""
    ids = []
    for n in range(count):
        digest = hashlib.sha256(f"bulk {n}".encode()).hexdigest()
        message = Message(message_id=f"<bulk{n}@example.cn>", sha256=digest, size=1,
                          arrival=datetime(2024, 3, 10, 1, 0, tzinfo=UTC) + timedelta(minutes=n),
                          arrival_source="internaldate", stored_at=datetime.now(UTC))
        session.add(message)
        session.flush()
        session.add(Request(id=message.id, kind="request", status="ready", stage="province",
                            sender=f"teacher{n}@bulk{n}.example.cn", subject=f"第 {n} 件批量申请",
                            school_id=school_id))
        ids.append(message.id)
    session.flush()
    return ids
