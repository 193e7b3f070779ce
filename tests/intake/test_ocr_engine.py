"""The configured OCR engine: checked once at start-up, loaded only for a page that needs OCR, and the
only engine used (orientation and seal arcs included). Each case runs in a fresh interpreter, since
which modules got imported is the point."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

from tests.intake.conftest import ROOT, intake_cmd

TEXT_ONLY = ROOT / "examples" / "mailbox" / "06-question.eml"

NO_RAPIDOCR = """
import sys

class NoRapidOcr:
    '''A machine without RapidOCR: any import of it fails, and is remembered.'''
    tried = []

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("rapidocr", "onnxruntime"):
            self.tried.append(name)
            raise ImportError(f"{name} is not installed here")
        return None

blocker = NoRapidOcr()
sys.meta_path.insert(0, blocker)
"""


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_tesseract_reads_a_turned_scan_with_a_seal_and_never_imports_rapidocr() -> None:
    result = run_python(NO_RAPIDOCR + """
from parsers.model import Page
from parsers.ocr import select_engine
from parsers.pagework import read_page
from tests.scangen import Distortion, make_scan

scan = make_scan(202, distortion=Distortion(rotation=90))
select_engine("tesseract")  # what the service does with engine = "tesseract"
page = Page(number=1, image=scan.image, width=scan.image.width, height=scan.image.height)
found = read_page(page, engine=select_engine("tesseract"), document="申请.pdf")
text = "".join(line.text for line in page.lines)
print(found.rotation, len(found.seals), "证书申报调整" in text)
print(blocker.tried, "rapidocr" in sys.modules, "parsers.ocr.rapid" in sys.modules)
""")
    assert result.returncode == 0, result.stderr
    read, imports = result.stdout.splitlines()
    rotation, seals, titled = read.split()
    assert (rotation, titled) == ("90", "True") and int(seals) >= 1
    assert imports == "[] False False"


def test_a_text_only_message_is_processed_without_loading_the_engine(
        write_config: Callable[..., Path], tmp_path: Path) -> None:
    (tmp_path / "maildir").mkdir()
    path = write_config()
    result = run_python(f"""
import sys
from intake.cli import main
from parsers.ocr import make_engine

assert main(["--config", {str(path)!r}, "ingest", {str(TEXT_ONLY)!r}]) == 0
print(make_engine("rapidocr").loaded, "rapidocr" in sys.modules)
""")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]


def test_a_missing_engine_stops_poll_run_and_ingest_at_start_with_exit_2_and_one_line(
        write_config: Callable[..., Path], tmp_path: Path) -> None:
    (tmp_path / "maildir").mkdir()
    path = write_config(extra='[ocr]\nengine = "tesseract"\n')
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PATH": ""}  # no tesseract program to be found
    for command in (["poll"], ["run"], ["ingest", str(TEXT_ONLY)]):
        result = subprocess.run(intake_cmd("--config", str(path), *command), cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 2, (command, result.stderr)
        [line] = result.stderr.splitlines()
        assert line.startswith("配置错误 ocr.engine: 未找到可用的 tesseract 程序"), line
    assert not (tmp_path / "data").exists()  # nothing was started, not even the data directory
