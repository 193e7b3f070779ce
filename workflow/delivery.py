"""Delivering replies at most once (spec §4): the state machine of the outbox.

    held ──release──▶ queued ──claim (committed)──▶ sending ──transport──▶ sent
                        ▲                             │ refused: failed, retried with capped backoff
                        └──────── failed ◀────────────┤ link lost during DATA / crash: looked up by
                                                      └ Message-ID in Sent or Drafts → sent, else uncertain

`sending` is committed before the SMTP transaction and `sent` after it, so a crash in between leaves
`sending`. Such a row carries a lease (`next_attempt_at`); once it has run out, the reply is looked up
in the folder where it would be and marked `sent` if found, otherwise `uncertain` (发送状态不确定),
which only `intake replies send --resend ID` sends again.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, or_, select

from storage.db import session_scope
from storage.models import Reply
from storage.states import Decision, Delivery, ReplyState
from storage.times import now_db
from workflow import smtp
from workflow.errors import MailboxUnavailable
from workflow.ports import Mailbox, Services
from workflow.reply_compose import Outgoing, build_email, clean_address, office_from
from workflow.settings import Settings

log = logging.getLogger(__name__)
_rng = random.Random()

BACKOFF_FIRST = timedelta(seconds=15)
BACKOFF_CAP = timedelta(minutes=30)
MAX_ATTEMPTS = 16  # about five hours of a refusing or unreachable server, then a human decides
JITTER = (0.75, 1.0)  # each wait is cut by up to a quarter, so replies failed together do not retry in step
RETRYABLE = (ReplyState.QUEUED, ReplyState.FAILED)


@dataclass
class Report:
    """What one delivery run did, by reply id; `waiting` counts replies left held, uncertain or failed."""

    sent: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    uncertain: list[int] = field(default_factory=list)
    waiting: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Nothing failed and nothing became uncertain in this run."""
        return not self.failed and not self.uncertain


def backoff(attempts: int, rng: random.Random = _rng) -> timedelta:
    """The wait after the `attempts`-th failure: 15 s, 30 s, 1 min … capped at 30 min, less up to 25 % jitter."""
    base = min(BACKOFF_FIRST * 2 ** min(max(attempts - 1, 0), 20), BACKOFF_CAP)
    return base * rng.uniform(*JITTER)


def lease(settings: Settings) -> timedelta:
    """How long a `sending` row belongs to the process that claimed it."""
    timeout = settings.smtp.timeout_seconds if settings.smtp else settings.mailbox_timeout_seconds
    return timedelta(seconds=3 * timeout + 60)


def deliver_pending(service: Services, *, now: datetime | None = None, retry_now: bool = False) -> Report:
    """Resolve stale `sending` rows, then deliver every due reply. `retry_now` ignores backoff times."""
    now = now or now_db()
    report = Report()
    resolve_stale(service, now=now, report=report)
    for reply_id in _due(service, now=now, retry_now=retry_now):
        deliver_one(service, reply_id, allowed=RETRYABLE, now=now, report=report)
    return report


def deliver_one(service: Services, reply_id: int, *, allowed: tuple[str, ...], now: datetime | None = None,
                report: Report | None = None) -> str | None:
    """Claim one reply (committed as `sending`), hand it over once, record the outcome; returns the state."""
    now, report = now or now_db(), report if report is not None else Report()
    outgoing = _claim(service, reply_id, allowed=allowed, until=now + lease(service.settings))
    if outgoing is None:
        return None  # another process took it, or it is no longer deliverable
    outgoing_reply, delivery = outgoing
    try:
        refused = transport(service, outgoing_reply, delivery=delivery, now=now)
    except smtp.SmtpUncertain as e:
        return _resolve(service, reply_id, now=now, report=report, why=str(e))
    except (smtp.SmtpError, MailboxUnavailable) as e:
        return _mark_failed(service, reply_id, now=now, error=e, report=report)
    note = f"部分收件人被拒绝：{'；'.join(f'{a} {w}' for a, w in refused.items())}" if refused else ""
    return _mark_sent(service, reply_id, now=now, note=note, report=report)


def transport(service: Services, reply: Outgoing, *, delivery: str, now: datetime) -> dict[str, str]:
    """One SMTP transaction, or one APPEND to Drafts (skipped when the draft is already there)."""
    settings = service.settings
    message = build_email(reply, settings=settings, date=now)
    if delivery == Delivery.DRAFTS:
        _mailbox(service).append_draft_once(settings.drafts_folder, message.as_bytes(),
                                            message_id=reply.message_id, when=now)
        return {}
    if settings.smtp is None:
        raise smtp.SmtpRefused("未配置 [smtp]，无法通过 SMTP 发送", permanent=True)
    sender = clean_address(office_from(settings)) or settings.smtp.from_addr
    return smtp.send(settings.smtp, message, sender=sender, recipients=[*reply.to, *reply.cc])


def _mailbox(service: Services) -> Mailbox:
    if service.mailbox is None:
        raise MailboxUnavailable("草稿箱投递和发送状态核对需要配置 IMAP 邮箱（[mailbox] host）")
    return service.mailbox


def lookup_folder(service: Services, delivery: str) -> str:
    """Where a reply that may have gone out would be found: Drafts for drafts, else Sent if configured."""
    if service.mailbox is None:
        return ""
    settings = service.settings
    return settings.drafts_folder if delivery == Delivery.DRAFTS else settings.sent_folder


def resolve_stale(service: Services, *, now: datetime, report: Report) -> None:
    """Every `sending` row whose lease ran out: a crash or a broken link left it unknown."""
    with Session(service.db) as session:
        expired = or_(col(Reply.next_attempt_at).is_(None), col(Reply.next_attempt_at) <= now)
        query = select(Reply.id).where(Reply.state == ReplyState.SENDING, expired)
        stale = list(session.exec(query))
    for reply_id in stale:
        _resolve(service, reply_id, now=now, report=report, why="发送过程被中断（程序重启）")


def _resolve(service: Services, reply_id: int, *, now: datetime, report: Report, why: str) -> str:
    with Session(service.db) as session:
        reply = session.get(Reply, reply_id)
        assert reply is not None
        delivery, message_id = reply.delivery, reply.message_id
    folder = lookup_folder(service, delivery)
    if not folder:
        return _mark_uncertain(service, reply_id, report=report, why=f"{why}；未配置可核对的邮件夹")
    try:
        found = _mailbox(service).find_by_message_id(folder, message_id)
    except MailboxUnavailable as e:  # cannot tell yet: stay `sending`, look again later
        with session_scope(service.db) as session:
            reply = session.get(Reply, reply_id)
            assert reply is not None
            reply.last_error, reply.next_attempt_at = f"{why}；核对{folder}失败：{e}"[:500], now + backoff(1)
        return ReplyState.SENDING
    if found:
        return _mark_sent(service, reply_id, now=now, note=f"{why}；已在“{folder}”中找到，确认已发送",
                          report=report)
    return _mark_uncertain(service, reply_id, report=report, why=f"{why}；“{folder}”中未找到")


def _due(service: Services, *, now: datetime, retry_now: bool) -> list[int]:
    with Session(service.db) as session:
        failed_due = col(Reply.next_attempt_at).is_not(None)
        if not retry_now:
            failed_due = failed_due & (col(Reply.next_attempt_at) <= now)
        query = select(Reply.id).where(or_(Reply.state == ReplyState.QUEUED, (Reply.state == ReplyState.FAILED) & failed_due))
        return list(session.exec(query.order_by(col(Reply.id))))


def _claim(service: Services, reply_id: int, *, allowed: tuple[str, ...],
           until: datetime) -> tuple[Outgoing, str] | None:
    """Compare-and-set to `sending`, committed before anything leaves: two senders never both win."""
    with session_scope(service.db) as session:
        claimed = session.exec(  # type: ignore[call-overload]
            update(Reply).where(col(Reply.id) == reply_id, col(Reply.state).in_(allowed))
            .values(state=ReplyState.SENDING, attempts=Reply.attempts + 1, next_attempt_at=until))
        if claimed.rowcount != 1:
            return None
        reply = session.get(Reply, reply_id)
        assert reply is not None
        session.refresh(reply)
        return outgoing_of(reply), reply.delivery


def outgoing_of(reply: Reply) -> Outgoing:
    return Outgoing(message_id=reply.message_id, to=list(reply.to_addrs), cc=list(reply.cc_addrs),
                    subject=reply.subject, in_reply_to=reply.in_reply_to, references=reply.references,
                    body_text=reply.body_text, body_html=reply.body_html,
                    automatic=reply.decision == Decision.ACKNOWLEDGE)


def _mark_sent(service: Services, reply_id: int, *, now: datetime, note: str, report: Report) -> str:
    with session_scope(service.db) as session:
        reply = session.get(Reply, reply_id)
        assert reply is not None
        reply.state, reply.sent_at, reply.next_attempt_at, reply.last_error = ReplyState.SENT, now, None, note[:500]
    report.sent.append(reply_id)
    log.info("reply %s sent", reply_id)
    return ReplyState.SENT


def _mark_uncertain(service: Services, reply_id: int, *, report: Report, why: str) -> str:
    with session_scope(service.db) as session:
        reply = session.get(Reply, reply_id)
        assert reply is not None
        reply.state, reply.next_attempt_at, reply.last_error = ReplyState.UNCERTAIN, None, why[:500]
    report.uncertain.append(reply_id)
    log.warning("reply %s: delivery uncertain (%s)", reply_id, why)
    return ReplyState.UNCERTAIN


def _mark_failed(service: Services, reply_id: int, *, now: datetime, error: Exception, report: Report) -> str:
    """Nothing went out: try again after a capped backoff, unless the answer was final or we tried enough."""
    with session_scope(service.db) as session:
        reply = session.get(Reply, reply_id)
        assert reply is not None
        final = getattr(error, "permanent", False) or reply.attempts >= MAX_ATTEMPTS
        reply.state, reply.last_error = ReplyState.FAILED, str(error)[:500]
        reply.next_attempt_at = None if final else now + backoff(reply.attempts)
    report.failed.append(reply_id)
    log.warning("reply %s failed: %s", reply_id, error)
    return ReplyState.FAILED
