"""The IMAP mailbox as the daemon needs it; the only module that touches imapclient.

163.com refuses SELECT with "Unsafe Login" unless the client identifies itself with the ID command
(RFC 2971) first, so `connect` sends ID after LOGIN and before any SELECT.
"""

from __future__ import annotations

import contextlib
import logging
import re
import ssl
import sys
import time
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError

from intake.config import MailboxConfig
from intake.errors import MailboxError
from intake.source import Fetched

log = logging.getLogger(__name__)

# What a connection fault looks like (see notes/mail-servers-in-tests.md): reconnect on these.
CONNECTION_ERRORS: tuple[type[BaseException], ...] = (IMAPClientAbortError, OSError)



class ConnectionLost(ConnectionError):
    """The server closed the connection while we were idling."""


# The FETCH thread parses the server's answer in Python, holding the GIL; the recording thread releases
# the GIL in every SQLite call (each row of an INSERT) and then waits for the switch interval to have it
# back, 5 ms by default: recording a batch waited most of the time the parse took. With 0.2 ms the
# intake/plain ratio of bench.intake_bench went from 0.38 to 0.50 in the same run (median of 12 rounds).
SWITCH_INTERVAL = 0.0002
FETCH_ITEMS = ["BODY.PEEK[]", "INTERNALDATE"]  # BODY.PEEK leaves the \Seen flag alone


CLIENT_ID = {"name": "jsxzsbg-intake", "version": "0.1.0", "vendor": "jsxzsbg",
             "support-email": "jsxzsbg@163.com"}
LOGIN_HINT = ("邮箱登录失败：163.com、QQ 邮箱须在网页版设置中开启 IMAP 服务，"
              "并使用授权码（授权码不是网页登录密码）作为 password_env 指定的环境变量的值")


class ImapSource:
    """One folder of one IMAP account: connect (with ID), select, list UIDs, fetch, idle, mark."""

    has_uids = True

    def __init__(self, config: MailboxConfig) -> None:
        self.config = config
        self.account = config.account
        self.folder = config.folder
        self._client: IMAPClient | None = None
        self._quick_empty = 0

    @property
    def client(self) -> IMAPClient:
        if self._client is None:
            raise MailboxError("邮箱尚未连接")
        return self._client

    def connect(self) -> None:
        """Connect, log in, identify (ID), then select; raises MailboxError on a refused login."""
        cfg = self.config
        port = cfg.port or (993 if cfg.ssl else 143)
        context = ssl.create_default_context(cafile=cfg.ca_file or None) if (cfg.ssl or cfg.starttls) else None
        client = IMAPClient(cfg.host, port=port, ssl=cfg.ssl, ssl_context=context,
                            timeout=cfg.timeout_seconds)
        # aware datetimes: INTERNALDATE keeps the server's offset instead of becoming naive local time
        client.normalise_times = False
        try:
            if cfg.starttls:
                client.starttls(context)
            if not cfg.password():  # no server takes an empty password: the variable is unset or misnamed
                raise MailboxError(f"邮箱登录失败：环境变量 {cfg.password_env} 未设置或为空，"
                                   "请在其中填写邮箱授权码（配置项 mailbox.password_env 指定变量名）")
            try:
                client.login(cfg.username, cfg.password())
            except LoginError as e:
                raise MailboxError(f"{LOGIN_HINT}（服务器答复：{_text(e)}）") from None
            if client.has_capability("ID"):
                server_id = client.id_(CLIENT_ID)
                log.info("IMAP ID sent to %s; server: %s", cfg.host, _text(server_id))
        except BaseException:
            _quietly_close(client)
            raise
        self._client = client

    def select(self) -> int:
        """Select the folder; returns its UIDVALIDITY."""
        readonly = not (self.config.processed_folder or self.config.processed_keyword)
        try:
            info = self.client.select_folder(self.folder, readonly=readonly)
        except IMAPClientAbortError:
            raise
        except IMAPClientError as e:
            if "unsafe login" in _text(e).lower():
                raise MailboxError(f"服务器拒绝访问（Unsafe Login）：{_text(e)}；"
                                   "请确认已开启 IMAP 并使用授权码") from None
            raise MailboxError(f"无法打开邮件夹 {self.folder}：{_text(e)}") from None
        return int(info[b"UIDVALIDITY"])

    def uids(self) -> list[int]:
        """Every UID in the folder, whatever its flags."""
        return sorted(int(u) for u in self.client.search("ALL"))

    def fetch(self, uids: Iterable[int]) -> Generator[list[Fetched], None, None]:
        """Bodies with INTERNALDATE, one list per FETCH of batch_size UIDs; BODY.PEEK leaves \\Seen alone.

        The next batch is fetched in a thread while the caller records this one: the caller's time
        goes to the disk and the database, the FETCH's to the server and the socket. The connection
        is never used by both: the caller does not touch it while iterating, and closing the iterator
        early (a stop) waits for the FETCH under way before the connection is used again.
        While the thread runs, the interpreter's switch interval is SWITCH_INTERVAL seconds.
        """
        todo = list(uids)
        size = max(1, self.config.batch_size)
        batches = [todo[start:start + size] for start in range(0, len(todo), size)]
        if not batches:
            return
        with _switching(SWITCH_INTERVAL), ThreadPoolExecutor(max_workers=1, thread_name_prefix="imap-fetch") as ahead:
            pending = ahead.submit(self._fetch_batch, batches[0])
            for following in [*batches[1:], None]:
                fetched = pending.result()
                if following is not None:
                    pending = ahead.submit(self._fetch_batch, following)
                yield fetched

    def _fetch_batch(self, batch: list[int]) -> list[Fetched]:
        """One FETCH; a UID missing from the answer was expunged between SEARCH and FETCH.

        No FLAGS: nothing reads them, and parsing them was a tenth of the FETCH's CPU in this process.
        """
        data = self.client.fetch(batch, FETCH_ITEMS)
        return [Fetched(uid=uid, raw=bytes(item[b"BODY[]"]), internaldate=_aware(item.get(b"INTERNALDATE")))
                for uid in batch if b"BODY[]" in (item := data.get(uid, {}))]

    def can_idle(self) -> bool:
        return self.config.idle and self.client.has_capability("IDLE")

    def idle_start(self) -> None:
        self._quick_empty = 0
        self.client.idle()

    def idle_check(self, timeout: float) -> list[tuple]:
        """IDLE responses within `timeout`; raises ConnectionLost on a dead connection.

        imapclient does not raise there: a closed socket yields BYE or an immediate [] again and again.
        """
        started = time.monotonic()
        responses = self.client.idle_check(timeout=timeout)
        if any(r and r[0] == b"BYE" for r in responses):
            raise ConnectionLost(f"服务器在 IDLE 中断开连接：{_text(responses)}")
        if not responses and time.monotonic() - started < timeout / 2:
            self._quick_empty += 1
            if self._quick_empty >= 3:
                raise ConnectionLost("IDLE 连接已断开（服务器不再应答）")
        else:
            self._quick_empty = 0
        return responses

    def idle_done(self) -> None:
        self.client.idle_done()

    def mark_processed(self, uids: list[int]) -> None:
        """Move to the processed folder or set the keyword, as configured; never delete."""
        if not uids:
            return
        cfg = self.config
        if cfg.processed_folder:
            if not self.client.folder_exists(cfg.processed_folder):
                self.client.create_folder(cfg.processed_folder)
            if self.client.has_capability("MOVE"):
                self.client.move(uids, cfg.processed_folder)
                return
            # without MOVE a move is COPY + \Deleted + EXPUNGE: we copy and keep the original
            self.client.copy(uids, cfg.processed_folder)
        if cfg.processed_keyword:
            self.client.add_flags(uids, [cfg.processed_keyword])

    def close(self) -> None:
        if self._client is not None:
            _quietly_close(self._client)
            self._client = None


@contextlib.contextmanager
def _switching(interval: float) -> Iterator[None]:
    """Within the block the interpreter's switch interval is at most `interval` seconds; then as it was."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, interval))
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def _aware(value: object) -> datetime | None:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value
    return None  # recording falls back to Received:/Date: rather than guess a zone


def _text(value: object) -> str:
    """A server's words as text, however imapclient hands them over (bytes, lists, an error whose
    message is the repr of the bytes the server sent: b'[AUTHENTICATIONFAILED] …')."""
    if isinstance(value, Exception) and value.args:
        value = value.args[0]
    if isinstance(value, str) and (quoted := _BYTES_REPR.fullmatch(value)):
        return quoted.group(2)
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, tuple):
        return " ".join(_text(v) for v in value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, dict):
        return ", ".join(f"{_text(k)}={_text(v)}" for k, v in value.items())
    return str(value)


def _quietly_close(client: IMAPClient) -> None:
    try:
        client.logout()
    except Exception:  # noqa: BLE001 - a dead connection cannot say goodbye
        with contextlib.suppress(Exception):
            client.shutdown()


_BYTES_REPR = re.compile(r"b(['\"])(.*)\1", re.DOTALL)
