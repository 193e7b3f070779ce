"""load_documents: classification by content, strict reading, limits; it never raises."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from parsers import pdf
from parsers.attachments import load_documents
from parsers.limits import Limits
from parsers.model import Attachment, Document, DocumentClass

READABLE, OFFICE, UNREADABLE = DocumentClass.READABLE, DocumentClass.OFFICE, DocumentClass.UNREADABLE


def load(name: str, data: bytes, limits: Limits | None = None) -> list[Document]:
    attachment = Attachment(filename=name, content_type="application/octet-stream", data=data)
    return load_documents([attachment], limits)


def only(name: str, data: bytes, limits: Limits | None = None) -> Document:
    (document,) = load(name, data, limits)
    return document


# --- PDF ---------------------------------------------------------------------------------------


def test_pdf_with_text_layer_gives_lines_in_pixel_coordinates(text_pdf_bytes: bytes) -> None:
    document = only("申请.pdf", text_pdf_bytes)
    assert (document.kind, document.mime, document.error) == (READABLE, "application/pdf", None)
    assert document.sha256 == hashlib.sha256(text_pdf_bytes).hexdigest()
    (page,) = document.pages
    assert page.text_source == "text" and document.text_source == "text"
    assert page.image is None  # rendered on demand
    image = page.load_image()
    assert image is not None and image.mode == "RGB"
    assert (page.width, page.height) == image.size == (1654, 2339)  # A4 at 200 dpi
    assert "申请单位：南京工业职业技术大学" in page.text
    first = page.lines[0]
    assert 150 < first.box[0] < 250 and 120 < first.box[1] < 220  # 1 inch margins at 200 dpi
    assert all(0 <= x0 < x1 <= page.width and 0 <= y0 < y1 <= page.height for x0, y0, x1, y1 in
               (line.box for line in page.lines))  # fmt: skip


def test_scanned_pdf_pages_are_rendered_without_text(scanned_pdf_bytes: bytes) -> None:
    document = only("scan.pdf", scanned_pdf_bytes)
    assert document.kind == READABLE and len(document.pages) == 2
    assert [page.number for page in document.pages] == [1, 2]
    assert all(page.text_source is None and page.lines == [] and page.load_image() for page in document.pages)
    assert document.text_source is None


def test_sparse_text_layer_counts_as_scan(build) -> None:
    document = only("scan.pdf", build.text_pdf(["第1页"]))
    assert document.kind == READABLE and document.pages[0].text_source is None


def test_truncated_pdf_is_unreadable(text_pdf_bytes: bytes) -> None:
    document = only("a.pdf", text_pdf_bytes[: len(text_pdf_bytes) // 2])
    assert (document.kind, document.error) == (UNREADABLE, pdf.BROKEN_XREF)
    assert document.pages == []


def test_pdf_with_startxref_pointing_nowhere_is_unreadable(text_pdf_bytes: bytes) -> None:
    head, _, tail = text_pdf_bytes.rpartition(b"startxref")
    broken = head + b"startxref\n12\n%%EOF\n"
    assert only("a.pdf", broken).error == pdf.BROKEN_XREF


def test_stream_shorter_than_its_length_is_unreadable(scanned_pdf_bytes: bytes) -> None:
    match = pdf._LENGTH.search(scanned_pdf_bytes, scanned_pdf_bytes.find(b"/Subtype /Image"))
    value = match.group(1)
    longer = str(int(value) + 10).encode()
    assert len(longer) == len(value)  # same width: the xref offsets stay valid
    broken = scanned_pdf_bytes[: match.start(1)] + longer + scanned_pdf_bytes[match.end(1) :]
    document = only("a.pdf", broken)
    assert (document.kind, document.error) == (UNREADABLE, pdf.SHORT_STREAM)


def test_pdf_with_user_password_is_unreadable(build) -> None:
    document = only("a.pdf", build.encrypted_pdf("secret", "owner"))
    assert (document.kind, document.error) == (UNREADABLE, pdf.ENCRYPTED)


def test_pdf_with_owner_password_only_is_readable(build) -> None:
    document = only("a.pdf", build.encrypted_pdf("", "owner"))
    assert document.kind == READABLE
    assert "申请单位" in document.pages[0].text


def test_pdf_with_junk_before_header_is_still_a_pdf(text_pdf_bytes: bytes) -> None:
    assert only("a.pdf", b"\r\n" + text_pdf_bytes).mime == "application/pdf"


def test_huge_page_is_downscaled(text_pdf_bytes: bytes) -> None:
    (page,) = only("a.pdf", text_pdf_bytes, Limits(max_page_pixels=1_000_000)).pages
    image = page.load_image()
    assert image is not None and image.size == (page.width, page.height)
    assert page.width * page.height <= 1_000_000
    assert page.lines and all(line.box[2] <= page.width for line in page.lines)


# --- images ------------------------------------------------------------------------------------


def test_jpeg_exif_orientation_is_applied(build) -> None:
    upright = build.scan_image(1240, 1754)
    stored = upright.rotate(90, expand=True)  # the camera kept the sensor's orientation
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    document = only("photo.jpg", build.image_bytes(stored, "JPEG", exif=exif))
    (page,) = document.pages
    image = page.load_image()
    assert (document.kind, document.mime, image.size) == (READABLE, "image/jpeg", (1240, 1754))
    assert image.getpixel((620, 20))[0] < 60  # the dark bar is back on top
    assert image.getpixel((620, 1700))[0] > 200


def test_png_with_transparency_becomes_rgb_on_white(build) -> None:
    image = Image.new("RGBA", (800, 1000), (0, 0, 0, 0))
    (page,) = only("a.png", build.image_bytes(image, "PNG")).pages
    rgb = page.load_image()
    assert rgb.mode == "RGB" and rgb.getpixel((5, 5)) == (255, 255, 255)


SMALL_PAGES = Limits(max_page_pixels=1_000_000, max_image_pixels=4_000_000)  # a 12 Mpx photo, scaled down


def test_large_jpeg_is_decoded_at_reduced_size_not_refused(build) -> None:
    photo = build.image_bytes(build.scan_image(3000, 4000), "JPEG", quality=80)  # 3× the decodable bound
    (page,) = only("photo.jpg", photo, SMALL_PAGES).pages
    image = page.load_image()
    assert image.size == (page.width, page.height) and page.width * page.height <= 1_000_000
    assert image.getpixel((page.width // 2, 5))[0] < 60  # the dark bar on top


def test_png_still_too_large_without_reduced_decoding_is_a_bomb(build) -> None:
    document = only("a.png", build.image_bytes(build.scan_image(3000, 4000), "PNG"), SMALL_PAGES)
    assert document.kind == UNREADABLE and "过大" in document.error


def test_exif_orientation_is_applied_to_a_reduced_photo(build) -> None:
    stored = build.scan_image(3000, 4000).rotate(90, expand=True)  # the sensor's landscape
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    (page,) = only("photo.jpg", build.image_bytes(stored, "JPEG", exif=exif), SMALL_PAGES).pages
    assert page.height > page.width and page.width * page.height <= 1_000_000
    assert page.load_image().getpixel((page.width // 2, 5))[0] < 60  # the dark bar is back on top


def test_large_transparent_png_is_shrunk_onto_white(build) -> None:
    image = Image.new("RGBA", (1600, 2000), (0, 0, 0, 0))
    (page,) = only("a.png", build.image_bytes(image, "PNG"), Limits(max_page_pixels=500_000)).pages
    rgb = page.load_image()
    assert rgb.mode == "RGB" and rgb.getpixel((5, 5)) == (255, 255, 255)
    assert page.width * page.height <= 500_000


def test_multipage_tiff_gives_one_page_per_frame(build) -> None:
    frames = [build.scan_image(1000, 1400).convert("1") for _ in range(3)]
    data = build.image_bytes(frames[0], "TIFF", save_all=True, append_images=frames[1:], compression="group4")
    document = only("fax.tif", data)
    assert document.mime == "image/tiff" and [page.number for page in document.pages] == [1, 2, 3]
    assert all(page.load_image().mode == "RGB" for page in document.pages)


@pytest.mark.parametrize(("fmt", "size"), [("PNG", (120, 40)), ("JPEG", (1200, 499)), ("GIF", (300, 80))])
def test_small_images_are_not_documents(build, fmt: str, size: tuple[int, int]) -> None:
    assert load("logo", build.image_bytes(build.scan_image(*size), fmt)) == []


def test_large_gif_is_unreadable_not_dropped(build) -> None:
    document = only("scan.gif", build.image_bytes(build.scan_image(800, 1000), "GIF"))
    assert document.kind == UNREADABLE and document.mime == "image/gif" and document.error


def test_truncated_jpeg_is_unreadable(jpeg_scan: bytes) -> None:
    document = only("a.jpg", jpeg_scan[: len(jpeg_scan) // 2])
    assert document.kind == UNREADABLE and "损坏" in document.error


def test_truncated_png_is_unreadable(build) -> None:
    data = build.image_bytes(build.scan_image(), "PNG")
    assert only("a.png", data[: len(data) // 2]).kind == UNREADABLE


def png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = chunk(b"IDAT", zlib.compress(b"\0" * 100))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + pixels + chunk(b"IEND", b"")


def test_decompression_bomb_image_is_unreadable() -> None:
    document = only("bomb.png", png_header_only(60_000, 60_000))
    assert document.kind == UNREADABLE and "过大" in document.error


def test_image_over_own_pixel_limit_is_unreadable(jpeg_scan: bytes) -> None:
    assert only("a.jpg", jpeg_scan, Limits(max_image_pixels=1_000_000)).kind == UNREADABLE


# --- classification by content ----------------------------------------------------------------


def test_wrong_extension_is_ignored(text_pdf_bytes: bytes, jpeg_scan: bytes, build) -> None:
    assert only("scan.jpg", text_pdf_bytes).mime == "application/pdf"
    assert only("scan.pdf", jpeg_scan).mime == "image/jpeg"
    docx = build.zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
    assert only("scan.pdf", docx).kind == OFFICE


def test_docx_and_xlsx_are_office(build) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "调整"
    out = io.BytesIO()
    workbook.save(out)
    xlsx = only("a.xlsx", out.getvalue())
    assert (xlsx.kind, xlsx.pages) == (OFFICE, [])
    assert xlsx.mime.endswith("spreadsheetml.sheet")
    docx = only("a.docx", build.zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}))
    assert docx.mime.endswith("wordprocessingml.document")


def test_ole2_doc_xls_and_wps_are_office() -> None:
    magic = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    assert only("a.doc", magic + "WordDocument".encode("utf-16-le")).mime == "application/msword"
    assert only("a.xls", magic + "Workbook".encode("utf-16-le")).mime == "application/vnd.ms-excel"
    assert only("a.wps", magic).kind == OFFICE


@pytest.mark.parametrize("data", [b"", b"hello \xff", b"<html><script>x</script></html>", b"Rar!\x1a\x07\0"])
def test_other_content_is_unreadable(data: bytes) -> None:
    document = only("a.pdf", data)
    assert document.kind == UNREADABLE and document.error and document.pages == []


def test_unnamed_attachment_gets_a_name(jpeg_scan: bytes) -> None:
    assert only("", jpeg_scan).filename == "未命名附件1"


# --- ZIP ---------------------------------------------------------------------------------------


def test_zip_members_are_documents_named_after_the_archive(scanned_pdf_bytes, jpeg_scan, build) -> None:
    logo = build.image_bytes(build.scan_image(100, 30), "PNG")
    members = {"材料/申请.pdf": scanned_pdf_bytes, "扫描.jpg": jpeg_scan, "logo.png": logo, "d/": b""}
    data = build.zip_bytes(members)
    documents = load("附件.zip", data)
    assert [d.filename for d in documents] == ["附件.zip/材料/申请.pdf", "附件.zip/扫描.jpg"]
    assert all(d.kind == READABLE for d in documents)
    assert documents[1].sha256 == hashlib.sha256(jpeg_scan).hexdigest()


def test_zip_member_names_in_gbk_are_decoded(jpeg_scan: bytes, build) -> None:
    name = "调整申请.jpg".encode("gbk")
    placeholder = b"Q" * (len(name) - 4) + b".jpg"
    data = build.zip_bytes({placeholder.decode(): jpeg_scan}).replace(placeholder, name)
    assert only("a.zip", data).filename == "a.zip/调整申请.jpg"


def test_zip_path_traversal_names_are_only_data(jpeg_scan: bytes, build, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    data = build.zip_bytes({"../../evil.jpg": jpeg_scan, "/etc/cron.d/x.jpg": jpeg_scan})
    names = [d.filename for d in load("a.zip", data)]
    assert names == ["a.zip/../../evil.jpg", "a.zip//etc/cron.d/x.jpg"]
    assert list(tmp_path.iterdir()) == [] and not (tmp_path.parent.parent / "evil.jpg").exists()


def test_zip_bomb_by_ratio_yields_one_unreadable_document(jpeg_scan: bytes, build) -> None:
    data = build.zip_bytes({"scan.jpg": jpeg_scan, "zeros.pdf": b"\0" * (20 * 1024 * 1024)})
    document = only("bomb.zip", data)
    assert (document.filename, document.kind) == ("bomb.zip", UNREADABLE)
    assert "压缩炸弹" in document.error


def test_zip_over_total_size_is_unreadable(jpeg_scan: bytes, build) -> None:
    data = build.zip_bytes({f"{i}.jpg": jpeg_scan for i in range(3)})
    limits = Limits(max_decompressed_bytes=2 * len(jpeg_scan))
    assert only("a.zip", data, limits).kind == UNREADABLE


def test_zip_with_too_many_entries_is_unreadable(build) -> None:
    document = only("a.zip", build.zip_bytes({f"{i}.txt": b"x" for i in range(300)}))
    assert document.kind == UNREADABLE and "过多" in document.error


def test_zip_nesting_is_bounded(jpeg_scan: bytes, build) -> None:
    inner = build.zip_bytes({"scan.jpg": jpeg_scan})
    assert only("a.zip", build.zip_bytes({"b.zip": inner})).filename == "a.zip/b.zip/scan.jpg"
    deeper = build.zip_bytes({"c.zip": build.zip_bytes({"b.zip": inner})})
    document = only("a.zip", deeper)
    assert (document.filename, document.kind) == ("a.zip/c.zip/b.zip", UNREADABLE)


def test_encrypted_zip_member_is_unreadable(jpeg_scan: bytes, build) -> None:
    data = bytearray(build.zip_bytes({"scan.jpg": jpeg_scan}))
    data[6] |= 1  # local header flag: encrypted
    central = data.find(b"PK\x01\x02")
    data[central + 8] |= 1
    document = only("a.zip", bytes(data))
    assert (document.filename, document.kind) == ("a.zip/scan.jpg", UNREADABLE)


def test_broken_and_empty_zips_are_unreadable(build) -> None:
    assert only("a.zip", build.zip_bytes({"a.jpg": b"x" * 100})[:40]).kind == UNREADABLE
    assert only("a.zip", build.zip_bytes({})).kind == UNREADABLE


def test_office_file_inside_zip_is_office(build) -> None:
    docx = build.zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
    document = only("a.zip", build.zip_bytes({"申请.docx": docx}))
    assert (document.filename, document.kind) == ("a.zip/申请.docx", OFFICE)


# --- budgets -----------------------------------------------------------------------------------


def test_page_budget_makes_the_overflowing_document_unreadable(scanned_pdf_bytes: bytes) -> None:
    attachments = [Attachment(f"{i}.pdf", "application/pdf", scanned_pdf_bytes) for i in range(3)]
    documents = load_documents(attachments, Limits(max_pages=5))
    assert [d.kind for d in documents] == [READABLE, READABLE, UNREADABLE]
    assert "页数" in documents[2].error


MEMORY_PROBE = """
import random, resource, sys, io
from PIL import Image
from parsers.attachments import load_documents
from parsers.model import Attachment
rng = random.Random(0)
noise = [Image.frombytes("L", (827, 1169), rng.randbytes(827 * 1169)).resize((1654, 2339)) for _ in range(40)]
out = io.BytesIO()
noise[0].save(out, format="PDF", save_all=True, append_images=noise[1:], resolution=200, quality=60)
data = out.getvalue()
del noise, out
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
(document,) = load_documents([Attachment("big.pdf", "application/pdf", data)])
for page in document.pages:  # as the reader does: one page image at a time
    page.load_image()
    page.image = None
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(len(data), len(document.pages), grown // 1024)
"""


@pytest.mark.slow
def test_forty_page_scan_stays_well_under_the_memory_bound() -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", MEMORY_PROBE], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).parents[2], timeout=300)  # fmt: skip
    size, pages, grown_mb = (int(value) for value in result.stdout.split())
    assert size > 20_000_000 and pages == 40
    assert grown_mb < 300  # pages render one at a time: 40 of them at once would be ~460 MB
