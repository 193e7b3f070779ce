"""`pip install .` (not editable) gives a working `intake`: data files ship inside the packages.

These run the INSTALLED package (from a directory outside the source tree), as an operator would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PACKAGE_DATA = [
    ("storage", "migrations/env.py"),
    ("storage", "migrations/versions/0001_initial_schema.py"),
    ("storage", "data/groups.json"),
    ("workflow", "templates/replies/approved.txt.j2"),
    ("workflow", "web/static/style.css"),
    ("workflow", "web/templates"),
]


def run_installed(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_package_data_is_installed(tmp_path: Path) -> None:
    probe = ("import importlib.resources as r, json, sys; "
             f"print(json.dumps([[p, str(r.files(p)), (r.files(p) / f).is_file() or (r.files(p) / f).is_dir()] "
             f"for p, f in {PACKAGE_DATA!r}]))")
    result = run_installed(["-c", probe], tmp_path)
    assert result.returncode == 0, result.stderr
    for package, location, present in json.loads(result.stdout):
        assert "site-packages" in location, f"{package} not installed: {location}"
        assert present, f"{package} is missing its data"


def test_installed_cli_initialises_and_lists(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f"""
[mailbox]
maildir = "{tmp_path / 'maildir'}"
[storage]
url = "sqlite:///intake.db"
data_dir = "data"
[round]
year = 2024
window_start = "2024-03-01T00:00:00"
window_end = "2024-03-20T23:59:59"
""", encoding="utf-8")
    assert run_installed(["-m", "intake.cli", "init"], tmp_path).returncode == 0
    listed = run_installed(["-m", "intake.cli", "requests", "list", "--json"], tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == []
    assert (tmp_path / "data").is_dir() and (tmp_path / "intake.db").is_file()
