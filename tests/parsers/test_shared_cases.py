"""Messages that broke the reader (`../shared/cases/`), each ingested alone through the CLI into a fresh instance.

Each case stands for a kind of input: a blank page (an image, the back of a duplex PDF, the second frame of
a fax TIFF) and a 108-megapixel phone photo. The expectations are those of the cases' `expected.json`; the
requests on 连云港中等专业学校's clean page must come out ready with no problems.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import warnings
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from parsers.mime import parse_message
from tests.intake.conftest import ROOT, run_cli

CASES = Path(__file__).parent / "cases"
REGISTRY = sorted((ROOT / "examples" / "registry").glob("*.csv"))
READY = {"kind": "request", "status": "ready", "problems": [], "parse_error": None}
EXPECTED = {  # from ../shared/cases/mail/expected.json
    "crash-blank-page.eml": {"kind": "request", "documents": ["scan-page2.png"], "parse_error": None,
                             "problems_exclude": ["no_attachment"]},
    "crash-blank-pdf-page-impact.eml": {**READY, "documents": ["连云港中等专业学校调整申请.pdf"]},
    "c17_ccitt_g4_multipage_tiff.eml": READY,
    "c17c_pdf_with_blank_back_page.eml": READY,
    "c20_108mp_phone_photo.eml": READY,
}
PHOTO_SIZE = (9000, 12000)  # 108 megapixels, portrait, as the phone wrote it


def ingest_alone(message: Path, write_config: Callable[..., Path]) -> dict:
    """`intake ingest FILE` then `intake requests list --json` on a fresh instance with the example registry."""
    config = str(write_config())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for args in (["registry", "import", *map(str, REGISTRY)], ["ingest", str(message)]):
        done = run_cli(env, "--config", config, *args, timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]
    listed = run_cli(env, "--config", config, "requests", "list", "--json")
    assert listed.returncode == 0, listed.stderr[-2000:]
    (record,) = json.loads(listed.stdout)
    return record


def assert_expected(record: dict, expect: dict) -> None:
    for key, value in expect.items():
        if key == "problems_include":
            assert set(value) <= set(record["problems"]), record["problems"]
        elif key == "problems_exclude":
            assert not set(value) & set(record["problems"]), record["problems"]
        elif key == "documents":
            assert [d["filename"] for d in record["documents"]] == value
        else:
            assert record[key] == value, (key, record)
    assert record["documents"] and all(d["pages"] >= 1 for d in record["documents"]), record["documents"]


def phone_photo_message(path: Path) -> Path:
    """The c20 case built here (the original is 5 MB): the clean request page as a 108 Mpx phone JPEG.

    The page is c17c's scan, rendered at 200 dpi, set on a 3:4 sheet and enlarged to 9000×12000, with the
    EXIF make and model of the phone; deterministic.
    """
    scan = parse_message((CASES / "c17c_pdf_with_blank_back_page.eml").read_bytes()).attachments[0].data
    document = pdfium.PdfDocument(scan)
    page = document[0].render(scale=200 / 72).to_pil().convert("RGB")
    document.close()
    sheet = Image.new("RGB", (page.height * 3 // 4, page.height), "white")
    sheet.paste(page, ((sheet.width - page.width) // 2, 0))
    photo = sheet.resize(PHOTO_SIZE, Image.Resampling.BICUBIC)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Xiaomi", "Redmi Note 10 Pro"  # Make, Model
    jpeg = io.BytesIO()
    photo.save(jpeg, format="JPEG", quality=85, exif=exif)
    del photo
    message = EmailMessage()
    message["From"] = "连云港中专 <jwc@lygzz.example.cn>"
    message["To"] = "jsxzsbg@163.com"
    message["Date"] = "Tue, 12 Mar 2024 10:30:00 +0800"
    message["Message-ID"] = "<c20@lygzz.example.cn>"
    message["Subject"] = "连云港中等专业学校+2024年证书申报调整申请"
    message.set_content("附件为调整申请扫描件，请审核。")
    message.add_attachment(jpeg.getvalue(), maintype="image", subtype="jpeg", filename="IMG_20240312_102233.jpg")
    path.write_bytes(message.as_bytes())
    return path


PEAK_PROBE = """
import sys
from parsers.attachments import load_documents
from parsers.mime import parse_message
(document,) = load_documents(parse_message(open(sys.argv[1], "rb").read()).attachments)
assert document.kind == "readable", document.error
print(next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")) // 1024)
"""


def decoding_peak_mb(message: Path) -> int:
    """Peak resident memory (MB) of a fresh process that loads the message's documents."""
    done = subprocess.run([sys.executable, "-c", PEAK_PROBE, str(message)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return int(done.stdout)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["crash-blank-page.eml", "crash-blank-pdf-page-impact.eml",
                                  "c17_ccitt_g4_multipage_tiff.eml", "c17c_pdf_with_blank_back_page.eml"])
def test_message_with_a_blank_page_keeps_its_documents_and_evidence(name: str, write_config: Callable[..., Path]) -> None:
    assert_expected(ingest_alone(CASES / name, write_config), EXPECTED[name])


@pytest.mark.slow
def test_108_megapixel_phone_photo_is_read_at_reduced_size(
        tmp_path: Path, write_config: Callable[..., Path]) -> None:
    message = phone_photo_message(tmp_path / "c20_108mp_phone_photo.eml")
    jpeg = parse_message(message.read_bytes()).attachments[0].data
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # Pillow's alarm on the header alone
        with Image.open(io.BytesIO(jpeg)) as photo:
            assert (photo.format, photo.size) == ("JPEG", PHOTO_SIZE)  # a genuine 108 Mpx JPEG goes in
    assert decoding_peak_mb(message) < 300  # decoded in full it would be 432 MB before any copy
    record = ingest_alone(message, write_config)
    assert_expected(record, EXPECTED["c20_108mp_phone_photo.eml"])
    assert record["documents"] == [{"filename": "IMG_20240312_102233.jpg", "pages": 1, "text_source": "ocr"}]
    assert [(c["certificate"], c["from"], c["to"]) for c in record["changes"]] == [("Web前端开发", 80, 120)]
