"""A thin SMTP wrapper: one connection and one transaction per reply; failures become our exceptions.

`SmtpRefused` means the server said no (or could not be reached): nothing was delivered, so the reply
may be retried. `SmtpUncertain` means the link broke after the message data may have been accepted:
it might have been delivered, so it must not be sent again automatically.
"""

from __future__ import annotations

import smtplib
import ssl
from email import policy
from email.message import EmailMessage

from workflow.errors import WorkflowError, network_words
from workflow.settings import SmtpConfig


class SmtpError(WorkflowError):
    """Sending a reply over SMTP failed."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent  # a 5xx answer: retrying the same message will not help


class SmtpRefused(SmtpError):
    """Not delivered: refused, or never reached the end of the DATA phase."""


class SmtpUncertain(SmtpError):
    """Possibly delivered: the connection failed while the server was accepting the message."""


def send(config: SmtpConfig, message: EmailMessage, *, sender: str, recipients: list[str]) -> dict[str, str]:
    """Deliver one message in one SMTP transaction; returns the recipients the server refused.

    Raises `SmtpRefused` when nothing was delivered, `SmtpUncertain` when the link broke during DATA.
    """
    try:
        client = _connect(config)
    except smtplib.SMTPResponseException as e:
        raise SmtpRefused(_describe(e), permanent=e.smtp_code >= 500) from e
    except (smtplib.SMTPException, OSError) as e:
        raise SmtpRefused(f"无法连接邮件服务器 {config.host}:{config.effective_port}：{_describe(e)}") from e
    try:
        return _transaction(client, message.as_bytes(policy=policy.SMTP), sender, recipients)
    finally:
        _close(client)


def _connect(config: SmtpConfig) -> smtplib.SMTP:
    port, timeout = config.effective_port, config.timeout_seconds
    context = ssl.create_default_context()
    if config.ssl:
        client: smtplib.SMTP = smtplib.SMTP_SSL(config.host, port, timeout=timeout, context=context)
    else:
        client = smtplib.SMTP(config.host, port, timeout=timeout)
    try:
        client.ehlo()
        if config.starttls:
            client.starttls(context=context)
            client.ehlo()
        if config.username:
            client.login(config.username, config.password())
    except BaseException:
        _close(client)
        raise
    return client


def _transaction(client: smtplib.SMTP, data: bytes, sender: str, recipients: list[str]) -> dict[str, str]:
    """MAIL, RCPT, DATA by hand, so a failure is known to be before DATA (not delivered) or during it."""
    try:
        code, text = client.mail(sender)
        if code != 250:
            raise SmtpRefused(f"发件人被拒绝：{code} {_text(text)}", permanent=code >= 500)
        refused: dict[str, str] = {}
        for recipient in recipients:
            code, text = client.rcpt(recipient)
            if code not in (250, 251):
                refused[recipient] = f"{code} {_text(text)}"
        if len(refused) == len(recipients):
            client.rset()
            permanent = all(v.startswith("5") for v in refused.values())
            raise SmtpRefused(f"收件人均被拒绝：{_join(refused)}", permanent=permanent)
    except (smtplib.SMTPException, OSError) as e:
        raise SmtpRefused(f"邮件服务器中断了会话：{_describe(e)}") from e
    try:
        code, text = client.data(data)
    except (smtplib.SMTPException, OSError) as e:  # the server may have the whole message by now
        raise SmtpUncertain(f"发送邮件内容时连接中断：{_describe(e)}") from e
    if code != 250:
        raise SmtpRefused(f"邮件内容被拒绝：{code} {_text(text)}", permanent=code >= 500)
    return refused


def _close(client: smtplib.SMTP) -> None:
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()


def _describe(error: BaseException) -> str:
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_text(error.smtp_error)}"[:300]
    return network_words(error)[:300]


def _text(value: bytes | str) -> str:
    return (value.decode("utf-8", "replace") if isinstance(value, bytes) else value)[:200]


def _join(refused: dict[str, str]) -> str:
    return "；".join(f"{addr} {why}" for addr, why in refused.items())[:300]
