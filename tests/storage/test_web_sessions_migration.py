"""Migration 0003 (server-side web sessions) goes down and up again on both databases."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import inspect

from storage.db import current_revision, make_engine


def _alembic(connection) -> AlembicConfig:  # type: ignore[no-untyped-def]
    config = AlembicConfig()
    config.set_main_option("script_location", str(resources.files("storage") / "migrations"))
    config.attributes["connection"] = connection
    return config


def test_web_sessions_migration_downgrades_and_upgrades(database_url: str) -> None:
    engine = make_engine(database_url)
    with engine.begin() as connection:
        command.upgrade(_alembic(connection), "0003")
    columns = {c["name"] for c in inspect(engine).get_columns("user")}
    assert "disabled" in columns and "locked_until" not in columns
    assert "web_session" in inspect(engine).get_table_names()
    with engine.begin() as connection:
        command.downgrade(_alembic(connection), "0002")
    assert "web_session" not in inspect(engine).get_table_names()
    assert {"failed_logins", "locked_until"} <= {c["name"] for c in inspect(engine).get_columns("user")}
    with engine.begin() as connection:
        command.upgrade(_alembic(connection), "0003")
    assert current_revision(engine) == "0003"
    engine.dispose()
