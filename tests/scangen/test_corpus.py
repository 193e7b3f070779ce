"""The scangen corpus export is consistent with its own registry (no OCR: only generation)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.scangen import ChangeTruth, make_scan
from tests.scangen.corpus import draw_scan, write_corpus


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_change_links_to_a_written_declaration_and_a_sealless_scan_is_no_seal(tmp_path: Path) -> None:
    major = ChangeTruth("界面设计", "major", "初级", "数字媒体技术应用", "软件技术")
    sealless = make_scan(4, variety=True, seal=False, changes=[major])
    write_corpus(tmp_path, [(seed, draw_scan(seed)) for seed in (10001, 10002)] + [(4, sealless)])

    truths = [json.loads(line) for line in (tmp_path / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    applications = {row["申报编号"]: row for row in _rows(tmp_path / "registry" / "applications.csv")}
    schools = {row["单位名称"]: row for row in _rows(tmp_path / "registry" / "schools.csv")}
    assert [truth["seed"] for truth in truths] == [10001, 10002, 4]
    for truth in truths:
        assert (tmp_path / "mail" / truth["file"]).exists()
        assert truth["school"] in schools
        for change in truth["changes"]:
            declaration = applications[change["application_id"]]
            assert (declaration["单位名称"], declaration["证书名称"]) == (truth["school"], change["certificate"])
            if change["field"] == "headcount":  # exceeds_enrollment is not meant to fire
                assert change["to"] <= int(declaration["可参与专业在校生数"])
            if change["field"] == "major":  # nor major_not_offered
                assert change["to"] in schools[truth["school"]]["招生专业"].split("；")
                assert declaration["专业名称"] == change["from"]
    assert not truths[2]["seal"] and "no_seal" in truths[2]["problems"]
    assert truths[2]["changes"][0]["to"] == "软件技术"
