"""`intake demo`: a fresh embedded database, the example registry and mailbox, a summary, the web UI."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from intake.config import load_config
from intake.errors import UsageError
from intake.files import ingest_files
from intake.registry import import_registry
from intake.service import Service
from intake.summary import print_table
from storage.db import session_scope
from storage.states import Role
from workflow.views import request_rows, requests_json

DEMO_DIR = Path("demo-data")
DEMO_USERS = (("province", Role.PROVINCE, ""), ("lyg", Role.CITY, "连云港市"), ("jsj", Role.GROUP, "计算机与软件类协作组"))
DEMO_PASSWORD = "demo-2024"

CONFIG = """# written by `intake demo`; the demo's own embedded setup
[mailbox]
maildir = "{mailbox}"

[storage]
url = "sqlite:///intake.db"
data_dir = "."

[round]
year = 2024
window_start = "2024-03-01T00:00:00"
window_end = "2024-03-20T23:59:59"
timezone = "Asia/Shanghai"

[replies]
delivery = "drafts"
hold = true
"""


def find_examples() -> Path:
    for base in (Path.cwd(), *Path(__file__).resolve().parents):
        candidate = base / "examples"
        if (candidate / "mailbox").is_dir() and (candidate / "registry").is_dir():
            return candidate
    raise UsageError("找不到 examples/ 目录：请在项目根目录运行 intake demo")


def run_demo(*, serve: bool) -> int:
    examples = find_examples()
    if DEMO_DIR.exists():
        shutil.rmtree(DEMO_DIR)
    DEMO_DIR.mkdir()
    config_file = DEMO_DIR / "config.toml"
    config_file.write_text(CONFIG.format(mailbox=(examples / "mailbox").resolve()), encoding="utf-8")
    service = Service(load_config(config_file))
    service.init()
    with session_scope(service.db) as session:
        import_registry(session, sorted((examples / "registry").glob("*.csv")))
    _add_demo_users(service)
    messages = sorted((examples / "mailbox").glob("*.eml"))
    print(f"正在处理示例邮件 {len(messages)} 封（首次运行需加载 OCR 模型）…", file=sys.stderr)
    ingest_files(service, messages)
    with session_scope(service.db) as session:
        print_table(requests_json(session, request_rows(session), service.config.round.tz))
    if not serve:
        return 0
    from workflow.web.app import serve as serve_web

    serve_web(service, host=service.config.web.host, port=service.config.web.port,
              note=f" （账号 {'、'.join(u[0] for u in DEMO_USERS)}，密码 {DEMO_PASSWORD}）")
    return 0


def _add_demo_users(service: Service) -> None:
    from workflow.web.accounts import add_user_from_cli

    os.environ.setdefault("INTAKE_NEW_PASSWORD", DEMO_PASSWORD)
    for name, role, scope in DEMO_USERS:
        add_user_from_cli(service, name=name, role=role, scope=scope)
