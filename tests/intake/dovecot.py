"""A real, throw-away Dovecot on a loopback port with its own config (see shared notes on mail servers)."""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
from datetime import datetime
from pathlib import Path

from imapclient import IMAPClient

from tests.intake.certs import self_signed

USER, PASSWORD = "jsxzsbg@163.com", "auth-code-1234"

CONF = """
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
info_log_path = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
{ssl}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:{d}/mail/%n
first_valid_uid = {uid}
default_internal_user = {internal}
default_login_user = {login}
imap_id_log = *
mailbox_idle_check_interval = 1 secs
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={d}/mail/%n
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {ssl_port}
  }}
}}
service anvil {{
  chroot =
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
{extra}
"""

# ssl = required: a client that skips STARTTLS on the plain port cannot log in, so a passing test proves TLS
TLS = "ssl = required\nssl_cert = <{d}/cert.pem\nssl_key = <{d}/key.pem"

# What Dovecot 2.3 announces after login; tests take some away to play a smaller server
CAPABILITIES = ("IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES MULTIAPPEND "
                "UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH SEARCHRES "
                "WITHIN LIST-STATUS BINARY MOVE LITERAL+")


def capabilities_without(*names: str) -> str:
    """An `imap_capability` setting for a server that lacks `names` (e.g. IDLE, MOVE)."""
    return "imap_capability = " + " ".join(c for c in CAPABILITIES.split() if c not in names)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _alive(pid: int) -> bool:
    """Running and not a zombie (a container's init may be slow to reap the daemonised master)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


class Dovecot:
    """`tls`: STARTTLS on `port` and implicit TLS on `ssl_port`, both required; `extra`: more settings."""

    def __init__(self, tls: bool = False, extra: str = "") -> None:
        # short path: unix sockets under base_dir are limited to 107 bytes
        self.dir = Path(tempfile.mkdtemp(prefix="dv", dir="/tmp"))
        os.chmod(self.dir, 0o755)
        self.port = free_port()
        self.ssl_port = free_port() if tls else 0
        self.ca_file = self.dir / "cert.pem" if tls else None
        if tls:
            self_signed(self.dir / "cert.pem", self.dir / "key.pem")
        mail = pwd.getpwnam("mail") if os.geteuid() == 0 else pwd.getpwuid(os.geteuid())
        root = os.geteuid() == 0
        self.conf = self.dir / "dovecot.conf"
        self.conf.write_text(CONF.format(
            d=self.dir, port=self.port, ssl_port=self.ssl_port, ssl=TLS.format(d=self.dir) if tls else "ssl = no",
            extra=extra, uid=mail.pw_uid, gid=mail.pw_gid,
            internal="dovecot" if root else mail.pw_name, login="dovenull" if root else mail.pw_name),
            encoding="utf-8")
        (self.dir / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n", encoding="utf-8")
        (self.dir / "mail").mkdir()
        if root:
            os.chown(self.dir / "mail", mail.pw_uid, mail.pw_gid)
        self.log = self.dir / "dovecot.log"

    # --- lifecycle -------------------------------------------------------------------------------

    def start(self) -> None:
        env = {**os.environ, "TZ": "Asia/Shanghai"}
        with open(self.dir / "stdout", "ab") as out:
            # captured stdio would hang the caller: files only
            subprocess.run(["dovecot", "-c", str(self.conf)], stdin=subprocess.DEVNULL, stdout=out,
                           stderr=out, env=env, check=True, timeout=20)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"dovecot did not start: {self.read_log()[-2000:]}")

    def master_pid(self) -> int | None:
        try:
            return int((self.dir / "run" / "master.pid").read_text().strip())
        except (OSError, ValueError):
            return None

    def _children(self, pid: int) -> list[int]:
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry.name))
                except (OSError, IndexError, ValueError):
                    pass
        return found

    def kill(self) -> None:
        """An abrupt outage: the master and its children at once (the master alone lets FETCHes finish)."""
        master = self.master_pid()
        if master is None:
            return
        # the daemonised master leads its own process group: killing the group also takes a child
        # forked a moment ago, which a scan of /proc could miss and which would keep the port open
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(master, signal.SIGKILL)
        for pid in [master, *self._children(master)]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and _alive(master):
            time.sleep(0.05)
        (self.dir / "run" / "master.pid").unlink(missing_ok=True)

    def stop(self) -> None:
        self.kill()

    def restart(self) -> None:
        self.kill()
        self.start()

    def cleanup(self) -> None:
        self.kill()
        shutil.rmtree(self.dir, ignore_errors=True)

    def read_log(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    # --- mail ------------------------------------------------------------------------------------

    def client(self) -> IMAPClient:
        if self.ca_file is not None:
            context = ssl.create_default_context(cafile=str(self.ca_file))
            c = IMAPClient("127.0.0.1", port=self.ssl_port, ssl=True, ssl_context=context, timeout=30)
        else:
            c = IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=30)
        c.login(USER, PASSWORD)
        return c

    def append(self, *messages: bytes, folder: str = "INBOX", when: datetime | None = None) -> None:
        c = self.client()
        try:
            for raw in messages:
                c.append(folder, raw, msg_time=when)
        finally:
            c.logout()

    def uidvalidity(self, folder: str = "INBOX") -> int:
        c = self.client()
        try:
            return int(c.select_folder(folder, readonly=True)[b"UIDVALIDITY"])
        finally:
            c.logout()

    def recreate(self, folder: str) -> int:
        """Delete and create the folder so it gets a new UIDVALIDITY; returns it."""
        old = self.uidvalidity(folder)
        for _ in range(5):
            c = self.client()
            try:
                c.delete_folder(folder)
                c.create_folder(folder)
            finally:
                c.logout()
            new = self.uidvalidity(folder)
            if new != old:
                return new
            time.sleep(1.1)  # Dovecot derives UIDVALIDITY from the clock
        raise RuntimeError("UIDVALIDITY did not change")

    def config_section(self, folder: str = "INBOX", extra: str = "", tls: str = "") -> str:
        """The [mailbox] section; `tls` = "ssl" (implicit, on ssl_port) or "starttls", trusting our CA."""
        port = self.ssl_port if tls == "ssl" else self.port
        if tls:
            extra = f'{tls} = true\nca_file = "{self.ca_file}"\n{extra}'
        return (f'[mailbox]\nhost = "127.0.0.1"\nport = {port}\nusername = "{USER}"\n'
                f'password_env = "INTAKE_TEST_IMAP_PASSWORD"\nfolder = "{folder}"\n{extra}')
