"""Failed connections to mail servers are told to officers in Chinese, never by Python's exception names."""

from __future__ import annotations

import socket
import ssl

import pytest
from imapclient.exceptions import IMAPClientError

from workflow.errors import network_words


@pytest.mark.parametrize(("error", "words"), [
    (socket.gaierror(-2, "Name or service not known"), "服务器域名无法解析"),
    (ConnectionRefusedError(111, "Connection refused"), "服务器拒绝连接"),
    (TimeoutError("timed out"), "连接超时"),
    (ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version number"), "加密连接（TLS）失败"),
    (ConnectionResetError(104, "Connection reset by peer"), "连接中断"),
    (OSError(101, "Network is unreachable"), "网络错误"),
    (IMAPClientError("select failed: Mailbox doesn't exist"), "服务器报错"),
])  # fmt: skip
def test_a_failed_connection_is_named_in_chinese_with_the_systems_words(error, words):
    text = network_words(error)
    assert text.startswith(words) and type(error).__name__ not in text
    assert str(error).splitlines()[0][:20] in text
