"""Real-world messages that were decoded wrong, each through `intake ingest` and `requests list --json`.

The files in cases/ and the fields they must give (cases/expected.json) come from the mail-parsing
projects and bug reports listed with issue 12; every file is ingested alone into a fresh instance
with the example registry and the 2024 round.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.intake.conftest import run_cli

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).with_name("cases")
EXPECTED = {case["file"]: case["expect"] for case in json.loads((CASES / "expected.json").read_text("utf-8"))}
OCR_CASES = {"c07_base64_padding_mid_stream.eml", "c21_cte_trailing_spaces.eml"}  # a page is OCRed


def ingest_alone(write_config: Callable[..., Path], message: Path) -> dict:
    """The one record `requests list --json` shows after ingesting `message` into a fresh instance."""
    env = dict(os.environ)
    config = str(write_config())
    registry = sorted(str(path) for path in (ROOT / "examples" / "registry").glob("*.csv"))
    for args in (["registry", "import", *registry], ["ingest", str(message)]):
        result = run_cli(env, "--config", config, *args, timeout=600)
        assert result.returncode == 0, result.stderr
    listed = run_cli(env, "--config", config, "requests", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    (record,) = json.loads(listed.stdout)
    return record


@pytest.mark.parametrize("name", [
    pytest.param(name, marks=[pytest.mark.slow] if name in OCR_CASES else []) for name in sorted(EXPECTED)
])
def test_case_gives_the_expected_fields(name: str, write_config: Callable[..., Path]) -> None:
    record = ingest_alone(write_config, CASES / name)
    expect = dict(EXPECTED[name])
    problems = set(record["problems"])
    assert set(expect.pop("problems_include", [])) <= problems, record["problems"]
    assert not set(expect.pop("problems_exclude", [])) & problems, record["problems"]
    if "documents" in expect:
        assert [document["filename"] for document in record["documents"]] == expect.pop("documents")
    assert {field: record[field] for field in expect} == expect


def test_mail_loop_keeps_the_message_id_after_ten_thousand_received(write_config: Callable[..., Path],
                                                                    tmp_path: Path) -> None:
    """Header 10,009 is the Message-ID: a re-delivery of this loop must be recognised, not recorded twice."""
    loop = b"".join(
        b"Received: from relay%d.loop.example.net (relay%d.loop.example.net [192.0.2.%d]) by "
        b"relay%d.loop.example.net with ESMTP id L%08d; Tue, 05 Mar 2024 10:15:%02d +0800\r\n"
        % (n, n, n % 250, n + 1, n, n % 60)
        for n in range(10_000)
    )
    raw = (
        b"Received: from mx.school.example.cn by mx.163.com; Tue, 05 Mar 2024 10:16:00 +0800\r\n" + loop
        + b"From: Zhang San <zhang.san@school.example.cn>\r\nTo: jsxzsbg@163.com\r\n"
        b"Subject: =?UTF-8?B?56S65L6L6IGM5Lia5oqA5pyv5a2m6ZmiKzIwMjTlubTor4HkuabnlLPmiqXosIPmlbTnlLPor7c=?=\r\n"
        b"Date: Tue, 05 Mar 2024 10:15:00 +0800\r\nMessage-ID: <mail-loop@school.example.cn>\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\nbody\r\n"
    )
    assert len(loop) > 1_000_000  # more than any fixed prefix of the message that was read before
    message = tmp_path / "loop.eml"
    message.write_bytes(raw)
    record = ingest_alone(write_config, message)
    assert record["message_id"] == "<mail-loop@school.example.cn>"
    assert (record["arrival"], record["arrival_source"]) == ("2024-03-05T10:16:00+08:00", "received")
    assert (record["sender"], record["subject"]) == ("zhang.san@school.example.cn", "示例职业技术学院+2024年证书申报调整申请")
