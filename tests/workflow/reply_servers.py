"""A real SMTP server on loopback for the reply tests: aiosmtpd with a handler that stores envelopes.

(Dovecot comes from `tests.intake.dovecot`.)
"""

from __future__ import annotations

import email
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Envelope:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        return email.message_from_bytes(self.data, policy=policy.default)  # type: ignore[return-value]


@dataclass
class StoringHandler:
    """Stores every accepted envelope; `refuse` answers DATA with a code; `after` runs on acceptance."""

    envelopes: list[Envelope] = field(default_factory=list)
    refuse: list[str] = field(default_factory=list)  # answers for the next DATA commands, in order
    after: Callable[[bytes], None] | None = None

    async def handle_DATA(self, server, session, envelope) -> str:  # type: ignore[no-untyped-def]
        if self.refuse:
            return self.refuse.pop(0)
        data = bytes(envelope.original_content or envelope.content)
        self.envelopes.append(Envelope(envelope.mail_from, list(envelope.rcpt_tos), data))
        if self.after:
            self.after(data)
        return "250 OK"


@dataclass
class SmtpServer:
    host: str
    port: int
    handler: StoringHandler

    def section(self, **extra: object) -> str:
        lines = ["[smtp]", f'host = "{self.host}"', f"port = {self.port}", 'from_addr = "jsxzsbg@163.com"',
                 "timeout_seconds = 5"]
        lines += [f"{k} = {str(v).lower() if isinstance(v, bool) else repr(v)}" for k, v in extra.items()]
        return "\n".join(lines) + "\n"


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    handler = StoringHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield SmtpServer("127.0.0.1", controller.port, handler)
    finally:
        controller.stop()
