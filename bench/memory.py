"""Peak memory of reading a 40-page, ~30 MB scanned PDF end to end (spec bound: under 2 GB; target 1.5 GB).

    python -m bench.memory [--pages 40] [--engine rapidocr]

Builds the PDF from generated scans, then runs the whole reading stage (documents, orientation,
OCR, seals, approvals, changes) in a fresh process and prints its peak resident memory.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

PROBE = r"""
import re, sys, time
from pathlib import Path
from parsers.limits import Limits
from parsers.model import Attachment, ParsedMessage
from parsers.ocr import make_engine
from parsers.read import read_evidence

data = Path(sys.argv[1]).read_bytes()
engine = make_engine(sys.argv[2])
parsed = ParsedMessage(message_id="<m@b>", subject="", sender="", from_display="", reply_to=[], to=[], cc=[],
                       date=None, received=None, references=[], headers={}, body_text="", body_html="",
                       content_type="multipart/mixed", attachments=[Attachment("scan.pdf", "application/pdf", data)])
began = time.perf_counter()
evidence = read_evidence(parsed, engine=engine, limits=Limits(max_seconds=3600))
elapsed = time.perf_counter() - began
(document,) = evidence.documents
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the parent that built the PDF
peak_kb = int(re.search(r"VmHWM:\s+(\d+)", Path("/proc/self/status").read_text()).group(1))
print(document.kind.value, len(document.pages), round(elapsed, 1), peak_kb // 1024)
"""


def build_pdf(pages: int) -> bytes:
    from tests.scangen import make_scan

    images = []
    for seed in range(pages):
        page = make_scan(seed, style="scan").image
        # a 300 dpi colour scanner: twice the generator's 150 dpi, the size schools really send
        images.append(page.resize((page.width * 2, page.height * 2), Image.Resampling.BICUBIC))
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", resolution=300.0, save_all=True, append_images=images[1:], quality=92)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--engine", default="rapidocr")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scan.pdf"
        path.write_bytes(build_pdf(args.pages))
        began = time.perf_counter()
        result = subprocess.run([sys.executable, "-c", PROBE, str(path), args.engine], capture_output=True,
                                text=True, check=True)
        kind, pages, elapsed, peak_mb = result.stdout.split()
        size_mb = path.stat().st_size / 1024 / 1024
    print(f"PDF: {pages} pages, {size_mb:.1f} MB, read as {kind} in {elapsed} s "
          f"({float(elapsed) / int(pages):.2f} s/page; wall with start-up {time.perf_counter() - began:.1f} s)")
    print(f"peak resident memory of the reading process: {peak_mb} MB (target < 1536 MB)")


if __name__ == "__main__":
    main()
