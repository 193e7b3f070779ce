"""The workflow's own exceptions; `str()` is one line in Chinese, `exit_code` what the CLI exits with."""

from __future__ import annotations

import socket
import ssl


class WorkflowError(Exception):
    """Base of every error the workflow raises on purpose."""

    exit_code = 1


class NotFound(WorkflowError):
    pass


class ReviewRefused(WorkflowError):
    """A reviewer tried to act outside their role, scope or the request's stage."""


class InvalidValue(WorkflowError):
    """A reviewer's value (a corrected change) is out of range; the message says what is allowed."""


class AddressUnavailable(WorkflowError):
    """The web app cannot listen where it was asked to (port in use, no such address, no permission)."""


class MailboxUnavailable(WorkflowError):
    """The office's mailbox could not take a draft or be searched for a reply."""


def network_words(error: BaseException) -> str:
    """What a failed connection to a mail server says to an officer, in Chinese: the kind of failure
    (the name does not resolve, the server refuses, no answer, TLS), then the system's own words."""
    other = "网络错误" if isinstance(error, OSError) else "服务器报错"
    kind = next((words for cause, words in _NETWORK_WORDS if isinstance(error, cause)), other)
    detail = str(error).strip().splitlines()
    return f"{kind}（{detail[0][:200]}）" if detail else kind


_NETWORK_WORDS: tuple[tuple[type[BaseException], str], ...] = (
    (socket.gaierror, "服务器域名无法解析"),
    (ConnectionRefusedError, "服务器拒绝连接"),
    (TimeoutError, "连接超时"),
    (ssl.SSLError, "加密连接（TLS）失败"),
    (ConnectionError, "连接中断"),
)
