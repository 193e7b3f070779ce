"""The typed configuration, loaded once from config.toml; secrets come only from the environment."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any, get_type_hints
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from intake.errors import ConfigError, file_words
from parsers.limits import Limits
from workflow.settings import (
    OfficeConfig,
    RepliesConfig,
    RoundConfig,
    Settings,
    SmtpConfig,
    WebConfig,
)


@dataclass(frozen=True)
class MailboxConfig:
    host: str = ""
    port: int = 0  # 0: 993 with ssl, else 143
    username: str = ""
    password_env: str = "INTAKE_IMAP_PASSWORD"
    folder: str = "INBOX"
    ssl: bool = False
    starttls: bool = False
    ca_file: str = ""  # PEM certificates to trust instead of the system's (a private CA); never "no check"
    maildir: str = ""
    processed_folder: str = ""  # move processed mail here (e.g. 已处理); never delete
    processed_keyword: str = ""  # or set this IMAP keyword
    drafts_folder: str = "Drafts"
    sent_folder: str = ""
    idle: bool = True
    idle_timeout_seconds: int = 25 * 60  # servers drop IDLE after ~29 min
    poll_interval_seconds: int = 60
    batch_size: int = 100
    timeout_seconds: int = 60

    @property
    def account(self) -> str:
        return f"{self.username}@{self.host}" if self.host else f"maildir:{self.maildir}"

    def password(self) -> str:
        return os.environ.get(self.password_env, "")


@dataclass(frozen=True)
class StorageConfig:
    url: str
    data_dir: Path
    blobs: str = "directory"  # directory (data_dir/blobs) | database (the blob table: machines share no directory)


@dataclass(frozen=True)
class OcrConfig:
    engine: str = "rapidocr"  # rapidocr | tesseract
    dpi: int = 200
    workers: int = 1  # local job-queue worker processes of run, poll, ingest and worker; 0: run, poll and ingest only record and enqueue (`intake worker` processes)
    max_pages_per_message: int = 60
    message_timeout_seconds: int = 600

    @property
    def limits(self) -> Limits:
        """What reading one message may take: pages, seconds, and the dpi pages are rendered at."""
        return Limits(dpi=self.dpi, max_pages=self.max_pages_per_message, max_seconds=float(self.message_timeout_seconds))


@dataclass(frozen=True)
class Config:
    path: Path
    mailbox: MailboxConfig
    storage: StorageConfig
    round: RoundConfig
    ocr: OcrConfig = field(default_factory=OcrConfig)
    smtp: SmtpConfig | None = None
    replies: RepliesConfig = field(default_factory=RepliesConfig)
    office: OfficeConfig = field(default_factory=OfficeConfig)
    web: WebConfig = field(default_factory=WebConfig)

    @cached_property
    def settings(self) -> Settings:
        """What the workflow reads, composed from the sections it owns and the mailbox and storage."""
        return Settings(round=self.round, data_dir=self.storage.data_dir, smtp=self.smtp, replies=self.replies,
                        office=self.office, web=self.web, login=self.mailbox.username,
                        drafts_folder=self.mailbox.drafts_folder, sent_folder=self.mailbox.sent_folder,
                        mailbox_timeout_seconds=self.mailbox.timeout_seconds)


def config_path(explicit: str | None) -> Path:
    """--config beats INTAKE_CONFIG, which beats ./config.toml."""
    return Path(explicit or os.environ.get("INTAKE_CONFIG") or "config.toml")


def load_config(path: Path) -> Config:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(str(path), "配置文件不存在") from None
    except OSError as e:
        raise ConfigError(str(path), f"配置文件无法读取：{file_words(e)}") from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), "不是 UTF-8 编码的文本") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(str(path), f"不是有效的 TOML：{_where(e)}格式有误") from None
    return parse_config(raw, base=path.resolve().parent, path=path)


_AT = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")


def _where(error: tomllib.TOMLDecodeError) -> str:
    """Where tomllib's message (English, "… (at line 3, column 5)") puts the fault, in Chinese."""
    found = _AT.search(str(error))
    if found is None:
        return ""
    return f"第 {found[1]} 行第 {found[2]} 列" if found[1] else "文件末尾"


_SECTIONS = {"mailbox", "storage", "round", "ocr", "smtp", "replies", "office", "web"}


def parse_config(raw: dict[str, Any], *, base: Path, path: Path) -> Config:
    for key in raw:
        if key not in _SECTIONS:
            raise ConfigError(key, "未知的配置项")
    for required in ("mailbox", "storage", "round"):
        if not isinstance(raw.get(required), dict):
            raise ConfigError(f"[{required}]", "缺少必需的配置节")
    mailbox = _build(MailboxConfig, raw["mailbox"], "mailbox")
    mailbox = replace(mailbox, **{key: str(base / value) for key in ("maildir", "ca_file")  # beside the file
                                  if (value := getattr(mailbox, key))})
    _check_mailbox(mailbox)
    storage_raw = dict(raw["storage"])
    _require(storage_raw, "storage", ("url", "data_dir"))
    data_dir = (base / str(storage_raw["data_dir"])).resolve()
    storage_raw["data_dir"] = data_dir
    storage_raw["url"] = _check_database_url(_resolve_sqlite_url(str(storage_raw["url"]), base))
    storage = _build(StorageConfig, storage_raw, "storage")
    if storage.blobs not in BLOB_HOMES:
        raise ConfigError("storage.blobs", "应为 directory 或 database")
    round_ = _build_round(raw["round"])
    smtp = None
    if "smtp" in raw:
        _require(raw["smtp"], "smtp", ("host", "from_addr"))
        smtp = _build(SmtpConfig, raw["smtp"], "smtp")
        if smtp.ssl and smtp.starttls:
            raise ConfigError("smtp.starttls", "ssl 与 starttls 不能同时为 true")
    replies = _build(RepliesConfig, raw.get("replies", {}), "replies")
    if replies.delivery not in ("", "smtp", "drafts"):
        raise ConfigError("replies.delivery", "只能是 smtp 或 drafts")
    if replies.delivery == "smtp" and smtp is None:
        raise ConfigError("replies.delivery", "选择 smtp 投递时必须配置 [smtp]")
    office_raw = dict(raw.get("office", {}))
    if "addresses" in office_raw:
        office_raw["addresses"] = tuple(_string_list(office_raw["addresses"], "office.addresses"))
    office = _build(OfficeConfig, office_raw, "office")
    ocr = _build(OcrConfig, raw.get("ocr", {}), "ocr")
    if ocr.engine not in ("rapidocr", "tesseract"):
        raise ConfigError("ocr.engine", "只能是 rapidocr 或 tesseract")
    if not 72 <= ocr.dpi <= 600:
        raise ConfigError("ocr.dpi", "应在 72 到 600 之间")
    web = _build(WebConfig, raw.get("web", {}), "web")
    return Config(path=path, mailbox=mailbox, storage=storage, round=round_, ocr=ocr, smtp=smtp,
                  replies=replies, office=office, web=web)


def _check_mailbox(mailbox: MailboxConfig) -> None:
    if not mailbox.maildir and not (mailbox.host and mailbox.username):
        raise ConfigError("mailbox", "需要 host + username + password_env，或 maildir")
    if mailbox.ssl and mailbox.starttls:
        raise ConfigError("mailbox.starttls", "ssl 与 starttls 不能同时为 true")
    if mailbox.ca_file and not Path(mailbox.ca_file).is_file():
        raise ConfigError("mailbox.ca_file", "证书文件不存在")
    if mailbox.batch_size < 1:
        raise ConfigError("mailbox.batch_size", "必须为正整数")


def _build_round(section: dict[str, Any]) -> RoundConfig:
    _require(section, "round", ("year", "window_start", "window_end"))
    unknown = set(section) - {"year", "window_start", "window_end", "timezone", "local_review", "province_review"}
    if unknown:
        raise ConfigError(f"round.{sorted(unknown)[0]}", "未知的配置项")
    tz_name = section.get("timezone", "Asia/Shanghai")
    try:
        tz = ZoneInfo(str(tz_name))
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError("round.timezone", f"未知时区 {tz_name}") from None
    year = section["year"]
    if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
        raise ConfigError("round.year", "应为四位年份整数")
    start = _instant(section["window_start"], tz, "round.window_start")
    end = _instant(section["window_end"], tz, "round.window_end")
    if end < start:
        raise ConfigError("round.window_end", "截止时间早于开始时间")
    periods = {key: str(section[key]) for key in ("local_review", "province_review") if key in section}
    return RoundConfig(year=year, window_start=start, window_end=end, timezone=str(tz_name), **periods)


def _instant(value: Any, tz: ZoneInfo, key: str) -> datetime:
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise ConfigError(key, f"不是 ISO 8601 时间：{value}") from None
    else:
        raise ConfigError(key, "应为 ISO 8601 时间")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)


def _require(section: dict[str, Any], name: str, keys: tuple[str, ...]) -> None:
    for key in keys:
        if key not in section or section[key] in ("", None):
            raise ConfigError(f"{name}.{key}", "缺少必需的配置项")


def _resolve_sqlite_url(url: str, base: Path) -> str:
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/") and ":memory:" not in url:
        return prefix + str((base / url[len(prefix):]).resolve())
    return url


DRIVERS = ("sqlite", "postgresql", "postgresql+psycopg")
BLOB_HOMES = ("directory", "database")


def _check_database_url(url: str) -> str:
    """A URL SQLAlchemy can parse, for a database we support (`postgres://` is not one: say so)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        driver = make_url(url).drivername
    except ArgumentError:
        raise ConfigError("storage.url", "无法识别的数据库地址，应为 sqlite:///路径 或 postgresql://用户@主机/库名") from None
    if driver not in DRIVERS:
        raise ConfigError("storage.url", f"不支持的数据库类型 {driver}，应为 sqlite:/// 或 postgresql://")
    return url


def _string_list(value: Any, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(key, "应为字符串列表")
    return value


def _build(cls: type, section: Any, name: str) -> Any:
    """Build a config dataclass, naming the first unknown or mistyped key."""
    if not isinstance(section, dict):
        raise ConfigError(name, "应为一个配置节")
    hints = get_type_hints(cls)
    known = {f.name for f in fields(cls)}
    for key, value in section.items():
        if key not in known:
            raise ConfigError(f"{name}.{key}", "未知的配置项")
        expected = hints[key]
        if expected is bool and not isinstance(value, bool):
            raise ConfigError(f"{name}.{key}", "应为 true 或 false")
        if expected is int and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            raise ConfigError(f"{name}.{key}", "应为非负整数")
        if expected is str and not isinstance(value, str):
            raise ConfigError(f"{name}.{key}", "应为字符串")
    return cls(**section)
