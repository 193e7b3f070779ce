"""Logging for the commands: the project's own lines on stderr, libraries' only from WARNING up.

Daemon events are one line each, `event=NAME key=value …`, built by `event_line`, so a line can be
grepped by event and by message id.
"""

from __future__ import annotations

import logging
import sys

PROJECT = ("intake", "workflow", "parsers", "storage")  # the loggers whose INFO lines users read
FORMAT = "%(asctime)s %(levelname)s %(message)s"


def configure(level: int = logging.INFO) -> None:
    """Root at WARNING (alembic's `setup plugin…`, APScheduler's job notes stay quiet); ours at `level`."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format=FORMAT)
    for name in PROJECT:
        logging.getLogger(name).setLevel(level)


def event_line(event: str, **fields: object) -> str:
    """`event=NAME k=v …` in the order given; None shows as `-`, a value with spaces is quoted."""
    parts = [f"event={event}"]
    for key, value in fields.items():
        text = "-" if value is None else str(value)
        parts.append(f"{key}={_quoted(text)}")
    return " ".join(parts)


def _quoted(text: str) -> str:
    if text and not any(c.isspace() or c in '"=' for c in text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
