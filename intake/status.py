"""`intake status`: last poll per folder, whether a fetcher is running, backlog and errors — in Chinese."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import TextIO

from sqlalchemy import func
from sqlmodel import Session, col, select

from intake.lock import MailboxLock
from intake.service import Service
from storage.models import FolderState, Message, Request
from storage.states import Status
from storage.times import from_db
from workflow.pipeline import MAX_ATTEMPTS


def print_status(service: Service, out: TextIO | None = None) -> int:
    out = out or sys.stdout  # looked up now: a default bound at import would outlive a replaced sys.stdout
    tz = service.config.round.tz
    mailbox = service.config.mailbox

    def when(value: datetime | None) -> str:
        return from_db(value, tz).strftime("%Y-%m-%d %H:%M:%S%z") if value else "从未"

    with Session(service.db) as session:
        states = session.exec(select(FolderState).order_by(col(FolderState.account))).all()
        pending = session.exec(select(func.count()).select_from(Request)
                               .where(Request.status == Status.PENDING)).one()
        total = session.exec(select(func.count()).select_from(Message)).one()
        failing = session.exec(
            select(Message).join(Request, col(Request.id) == Message.id)
            .where(Request.status == Status.PENDING, Message.last_error != "").order_by(col(Message.id))).all()
    print(f"邮箱：{mailbox.account}（{mailbox.folder}）", file=out)
    print(f"收信进程：{'运行中' if _fetcher_running(service) else '未运行'}", file=out)
    if not states:
        print("上次收信：从未", file=out)
    for state in states:
        print(f"上次收信：{when(state.last_poll_at)}  {state.account} / {state.folder}{_validity(state)}", file=out)
        if state.last_error:
            print(f"  最近错误（{when(state.last_error_at)}）：{state.last_error}", file=out)
    print(f"已记录邮件：{total} 封；待处理（积压）：{pending} 封", file=out)
    if failing:
        print(f"处理出错的邮件：{len(failing)} 封", file=out)
        for message in failing[:20]:
            note = "，已停止自动重试，请人工检查" if message.attempts >= MAX_ATTEMPTS else "，将自动重试"
            print(f"  #{message.id} {message.message_id}：第 {message.attempts} 次失败{note}："
                  f"{message.last_error}", file=out)
    return 0


def _validity(state: FolderState) -> str:
    """The folder's UIDVALIDITY as an administrator compares it with the server's; "" for a Maildir (none)."""
    if state.uidvalidity is None:
        return "  尚未连接成功"  # an error noted before any folder was opened
    return f"  文件夹标识（UIDVALIDITY）{state.uidvalidity}" if state.uidvalidity else ""


def _fetcher_running(service: Service) -> bool:
    """Try the fetcher's lock: if we can take it, nobody holds it (we let it go at once)."""
    mailbox = service.config.mailbox
    lock = MailboxLock(service.db, service.config.storage.data_dir, mailbox.account, mailbox.folder)
    if lock.try_acquire():
        lock.release()
        return False
    return True
