"""Config loading: every wrong key or value exits 2 with one line naming the key."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from intake.cli import chinese_usage
from intake.config import load_config
from intake.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]

GOOD = """
[mailbox]
host = "imap.163.com"
username = "jsxzsbg@163.com"
password_env = "INTAKE_IMAP_PASSWORD"
ssl = true

[storage]
url = "sqlite:///data/intake.db"
data_dir = "data"

[round]
year = 2024
window_start = "2024-03-01T00:00:00"
window_end = "2024-03-20T23:59:59"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_config_loads_with_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD))
    assert config.round.window_start.isoformat() == "2024-03-01T00:00:00+08:00"
    assert config.mailbox.folder == "INBOX"
    assert config.settings.delivery == "drafts"
    assert config.storage.url == f"sqlite:///{tmp_path / 'data' / 'intake.db'}"
    assert config.settings.office_addresses == {"jsxzsbg@163.com"}
    assert config.ocr.engine == "rapidocr"


def test_smtp_defaults_port_by_tls_and_makes_smtp_the_delivery(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD + '[smtp]\nhost = "smtp.163.com"\nfrom_addr = "JSXZSBG@163.com"\nssl = true\n'))
    assert config.smtp is not None and config.smtp.effective_port == 465
    assert config.settings.delivery == "smtp"
    assert "jsxzsbg@163.com" in config.settings.office_addresses


@pytest.mark.parametrize(("extra", "replace", "key"), [
    ("[nonsense]\na = 1\n", None, "nonsense"),
    ("", ('ssl = true', 'ssl = true\ncolour = "red"'), "mailbox.colour"),
    ("", ('ssl = true', 'ssl = true\nstarttls = true'), "mailbox.starttls"),
    ("", ('ssl = true', 'ssl = "yes"'), "mailbox.ssl"),
    ("", ('window_end = "2024-03-20T23:59:59"', 'window_end = "20 March"'), "round.window_end"),
    ("", ('year = 2024', 'year = "2024"'), "round.year"),
    ("", ('url = "sqlite:///data/intake.db"\n', ''), "storage.url"),
    ('[round2]\n', None, "round2"),
    ('[ocr]\nengine = "paddle"\n', None, "ocr.engine"),
    ('[smtp]\nhost = "smtp.163.com"\n', None, "smtp.from_addr"),
    ('[replies]\ndelivery = "smtp"\n', None, "replies.delivery"),
    ('[office]\naddresses = "a@b.cn"\n', None, "office.addresses"),
])
def test_bad_config_names_the_key(tmp_path: Path, extra: str, replace: tuple[str, str] | None, key: str) -> None:
    text = GOOD if replace is None else GOOD.replace(*replace)
    with pytest.raises(ConfigError) as raised:
        load_config(write(tmp_path, text + extra))
    assert raised.value.key == key


def test_missing_mailbox_source_is_an_error(tmp_path: Path) -> None:
    text = GOOD.replace('host = "imap.163.com"\n', "")
    with pytest.raises(ConfigError, match="mailbox"):
        load_config(write(tmp_path, text))


def test_cli_exits_2_with_one_line_naming_the_key(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("ssl = true", "ssl = true\nbogus = 1"))
    result = subprocess.run([sys.executable, "-m", "intake.cli", "status", "--config", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["配置错误 mailbox.bogus: 未知的配置项"]
    assert result.stdout == ""


def test_config_flag_may_precede_the_command_and_env_var_is_used(tmp_path: Path) -> None:
    path = write(tmp_path, "not toml [")
    before = subprocess.run([sys.executable, "-m", "intake.cli", "--config", str(path), "status"],
                            capture_output=True, text=True, timeout=60)
    env_only = subprocess.run([sys.executable, "-m", "intake.cli", "status"], capture_output=True, text=True,
                              timeout=60, cwd=tmp_path,
                              env={"INTAKE_CONFIG": str(path), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})
    assert before.returncode == 2 and str(path) in before.stderr
    assert env_only.returncode == 2 and str(path) in env_only.stderr


def test_bad_usage_exits_2_without_traceback() -> None:
    result = subprocess.run([sys.executable, "-m", "intake.cli", "requests", "frobnicate"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("message", "chinese"), [
    ("argument command: invalid choice: 'stauts' (choose from 'init', 'status')", "子命令 不能是“stauts”，可选：init, status"),
    ("argument --role: invalid choice: 'City' (choose from 'city', 'group')", "--role 不能是“City”，可选：city, group"),
    ("the following arguments are required: requests_command", "缺少参数：子命令"),
    ("the following arguments are required: --reviewer, --comment", "缺少参数：--reviewer、--comment"),
    ("unrecognized arguments: --bogus", "无法识别的参数：--bogus"),
    ("argument id: invalid int value: 'x'", "id 须为数字，不能是“x”"),
    ("argument --port: expected one argument", "--port 后须跟一个值"),
])  # fmt: skip
def test_usage_errors_are_told_in_chinese_with_the_names_officers_type(message: str, chinese: str) -> None:
    assert chinese_usage(message) == chinese


def test_a_mistyped_role_lists_the_roles_as_typed() -> None:
    result = subprocess.run([sys.executable, "-m", "intake.cli", "users", "add", "li", "--role", "City"],
                            capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 2 and "可选：city, group, province, admin" in result.stderr
    assert "Role." not in result.stderr


def test_relative_paths_are_relative_to_the_config_file(tmp_path: Path) -> None:
    text = GOOD.replace('host = "imap.163.com"\n', 'maildir = "mail"\n')
    config = load_config(write(tmp_path, text))
    assert config.mailbox.maildir == str(tmp_path / "mail")
    assert config.storage.data_dir == tmp_path / "data"


def test_review_periods_are_read_from_the_round_and_shown_by_stage(write_config) -> None:
    path = write_config()
    text = path.read_text(encoding="utf-8").replace(
        "[round]\n", '[round]\nlocal_review = "4月1日至5日"\nprovince_review = "4月6日至9日"\n', 1)
    path.write_text(text, encoding="utf-8")
    round_ = load_config(path).round
    assert (round_.review_period("city"), round_.review_period("group"), round_.review_period("province"),
            round_.review_period("done")) == ("4月1日至5日", "4月1日至5日", "4月6日至9日", "")


@pytest.mark.parametrize(("text", "where"), [("[mailbox]\nhost = \n", "第 2 行第 8 列"), ('[mailbox\n', "第 1 行第 9 列"),
                                             ('x = "abc', "文件末尾")])
def test_a_toml_syntax_error_is_told_in_chinese_with_its_place(tmp_path: Path, text: str, where: str) -> None:
    with pytest.raises(ConfigError) as raised:
        load_config(write(tmp_path, text))
    assert str(raised.value).endswith(f"不是有效的 TOML：{where}格式有误")
