"""The configuration the workflow reads, declared here so the workflow owns it.

`intake.config` parses `config.toml` into these sections and composes one `Settings`; secrets are
read from the environment variables the sections name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from storage.states import Stage

DEFAULT_OFFICE_ADDRESS = "jsxzsbg@163.com"


@dataclass(frozen=True)
class RoundConfig:
    year: int
    window_start: datetime  # aware
    window_end: datetime  # aware
    timezone: str = "Asia/Shanghai"
    # the notice's review periods, shown beside the stage (spec §3: shown, not enforced)
    local_review: str = "3月21日至25日"  # 设区市 and 协作组
    province_review: str = "3月26日至31日"

    def review_period(self, stage: str | None) -> str:
        """The period a stage's reviewers work in, as the notice words it; "" for none."""
        return {Stage.CITY: self.local_review, Stage.GROUP: self.local_review, Stage.PROVINCE: self.province_review}.get(
            stage or "", "")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def in_window(self, instant: datetime) -> bool:
        """Whether an aware instant falls inside the declaration window, both ends included (spec §2)."""
        return self.window_start <= instant <= self.window_end


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    from_addr: str
    port: int = 0  # 0: 465 with ssl, 587 with starttls, else 25
    ssl: bool = False
    starttls: bool = False
    username: str = ""
    password_env: str = "INTAKE_SMTP_PASSWORD"
    timeout_seconds: int = 60

    @property
    def effective_port(self) -> int:
        if self.port:
            return self.port
        return 465 if self.ssl else 587 if self.starttls else 25

    def password(self) -> str:
        return os.environ.get(self.password_env, "")


@dataclass(frozen=True)
class RepliesConfig:
    delivery: str = ""  # smtp | drafts; "" = smtp when [smtp] exists, else drafts
    hold: bool = False
    acknowledge_receipt: bool = False


@dataclass(frozen=True)
class OfficeConfig:
    addresses: tuple[str, ...] = (DEFAULT_OFFICE_ADDRESS,)
    name: str = "江苏省职业院校1+X证书制度试点工作办公室"
    signature: str = "江苏省职业院校1+X证书制度试点工作办公室\n联系电话：025-83758123、025-85842061"


@dataclass(frozen=True)
class WebConfig:
    host: str = "127.0.0.1"
    port: int = 8000
    secret_key_env: str = "INTAKE_WEB_SECRET_KEY"
    session_hours: int = 12
    login_free_tries: int = 5  # failed log-ins per account or address before each try must wait
    login_max_delay_seconds: int = 300  # the wait doubles from 1 s up to this
    secure_cookies: bool = False  # true behind HTTPS


@dataclass(frozen=True)
class Settings:
    """Everything the workflow reads from configuration, in one value."""

    round: RoundConfig
    data_dir: Path  # the blob store lives in data_dir/blobs, the generated web key beside it
    smtp: SmtpConfig | None = None
    replies: RepliesConfig = field(default_factory=RepliesConfig)
    office: OfficeConfig = field(default_factory=OfficeConfig)
    web: WebConfig = field(default_factory=WebConfig)
    login: str = ""  # the mailbox login: also the sending address when it is one
    drafts_folder: str = "Drafts"
    sent_folder: str = ""  # where a sent reply can be looked up; "" for nowhere
    mailbox_timeout_seconds: int = 60

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @property
    def delivery(self) -> str:
        return self.replies.delivery or ("smtp" if self.smtp else "drafts")

    @property
    def office_addresses(self) -> frozenset[str]:
        """Every address that is the office itself: mail from these is never a request."""
        found = {a.lower() for a in self.office.addresses}
        if "@" in self.login:
            found.add(self.login.lower())
        if self.smtp:
            found.add(self.smtp.from_addr.lower())
        return frozenset(found)

    def web_secret_key(self) -> str:
        return os.environ.get(self.web.secret_key_env, "")
