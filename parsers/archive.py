"""Open ZIP attachments within limits: entry count, sizes, compression ratio and nesting depth.

Member names are data, never paths: nothing is extracted to disk. A ZIP over
any limit yields nothing at all (spec §2: nothing from it is used).
"""

from __future__ import annotations

import contextlib
import io
import zipfile
import zlib
from collections.abc import Callable

from parsers.charsets import detect_decode, fold_controls
from parsers.limits import Budget, DocumentError, Limits
from parsers.model import Document, DocumentClass

BROKEN = "ZIP 压缩包已损坏，无法打开"
_UTF8_NAMES = 0x800
_ENCRYPTED = 0x1
_CHUNK = 1024 * 1024
_RATIO_FLOOR = 1024 * 1024  # small members may compress as well as they like

Loader = Callable[[str, bytes, Budget, int], list[Document]]


def open_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """A ZipFile whose entry count is within limits; the count is checked before Python builds the index."""
    if data.count(b"PK\x01\x02") > limits.zip_max_entries * 4:  # central directory records, cheaply
        raise DocumentError(f"压缩包内文件过多（超过 {limits.zip_max_entries} 个），未处理")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise DocumentError(BROKEN) from exc
    if len(archive.infolist()) > limits.zip_max_entries:
        raise DocumentError(f"压缩包内文件过多（超过 {limits.zip_max_entries} 个），未处理")
    return archive


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as written: UTF-8 if flagged, else usually GBK (Chinese Windows)."""
    name = info.filename
    if not info.flag_bits & _UTF8_NAMES:
        with contextlib.suppress(UnicodeEncodeError):  # zipfile decoded the bytes as cp437
            name = detect_decode(name.encode("cp437"))
    return fold_controls(name).strip()[:255]


def expand(name: str, data: bytes, budget: Budget, depth: int, load: Loader) -> list[Document]:
    """The documents inside a ZIP, each named "archive.zip/member"; raise DocumentError over any limit."""
    limits = budget.limits
    if depth >= limits.zip_max_depth:
        raise DocumentError("压缩包嵌套层数过多，未处理")
    with open_zip(data, limits) as archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        _check_declared(infos, budget)
        members = [(info, _read(archive, info, budget)) for info in infos]
    documents: list[Document] = []
    for info, content in members:
        path = f"{name}/{member_name(info)}"
        if content is None:
            documents.append(_encrypted(path))
        else:
            documents.extend(load(path, content, budget, depth + 1))
    if not infos:
        raise DocumentError("压缩包为空")
    return documents


def _check_declared(infos: list[zipfile.ZipInfo], budget: Budget) -> None:
    limits = budget.limits
    total = 0
    for info in infos:
        if info.file_size > limits.zip_max_member_bytes:
            raise DocumentError("压缩包内单个文件过大，未处理")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > limits.zip_max_ratio:
            raise DocumentError("压缩包压缩比异常（疑似压缩炸弹），未处理")
        total += info.file_size
    if budget.decompressed + total > limits.max_decompressed_bytes:
        raise DocumentError("压缩包解压后总量过大，未处理")


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> bytes | None:
    """Member bytes, counted against the budget as they arrive; None if the member is encrypted."""
    if info.flag_bits & _ENCRYPTED:
        return None
    limits = budget.limits
    cap = min(limits.zip_max_member_bytes, limits.max_decompressed_bytes - budget.decompressed)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                size += len(chunk)
                if size > cap:  # the declared size lied
                    raise DocumentError("压缩包解压后总量过大，未处理")
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, OSError, ValueError, EOFError) as exc:
        raise DocumentError(BROKEN) from exc
    budget.decompressed += size
    return b"".join(chunks)


def _encrypted(path: str) -> Document:
    """An encrypted member: its plain bytes are unknown, so it has no sha256."""
    return Document(
        filename=path,
        sha256="",
        kind=DocumentClass.UNREADABLE,
        mime="application/octet-stream",
        error="压缩包内文件已加密，需要密码才能打开",
    )
