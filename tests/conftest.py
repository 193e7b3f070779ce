"""Shared fixtures: a config file in a temp dir on SQLite or on a fresh PostgreSQL database."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from intake.config import load_config
from intake.service import Service

PG_ADMIN = os.environ.get("INTAKE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")

CONFIG_TEMPLATE = """
[mailbox]
maildir = "{maildir}"

[storage]
url = "{url}"
data_dir = "{data_dir}"

[round]
year = 2024
window_start = "2024-03-01T00:00:00"
window_end = "2024-03-20T23:59:59"
timezone = "Asia/Shanghai"
{extra}
"""


@pytest.fixture
def write_config(tmp_path: Path) -> Callable[..., Path]:
    """Write a config.toml; `extra` is appended verbatim (more sections)."""

    def write(url: str | None = None, extra: str = "", name: str = "config.toml") -> Path:
        data_dir = tmp_path / "data"
        path = tmp_path / name
        path.write_text(CONFIG_TEMPLATE.format(
            maildir=tmp_path / "maildir", url=url or f"sqlite:///{tmp_path / 'intake.db'}",
            data_dir=data_dir, extra=extra), encoding="utf-8")
        return path

    return write


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    name = f"intake_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Run the test on both databases the product supports."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'intake.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def service(write_config: Callable[..., Path], database_url: str) -> Service:
    svc = Service(load_config(write_config(url=database_url)))
    svc.init()
    return svc
