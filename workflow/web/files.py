"""Downloads: page previews, evidence crops, attachments and the raw message — all by id, never by name."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from sqlmodel import Session, select

from parsers.mime import parse_message
from storage.db import session_scope
from storage.models import Document, EvidenceItem, Message, PageRecord
from workflow.web.common import service_of, user_of
from workflow.web.scope import visible_request

router = APIRouter(include_in_schema=False)
MAX_MEMBER_BYTES = 200 * 1024 * 1024
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\"\\;]")


def safe_filename(name: str, fallback: str = "attachment") -> str:
    """The last path segment without control characters, quotes, backslashes or semicolons."""
    base = re.split(r"[/\\]", name or "")[-1]
    base = _UNSAFE.sub("", base).strip().lstrip(".")
    return base[:150] or fallback


def content_disposition(name: str) -> str:
    """`attachment` with an ASCII fallback and the RFC 5987 UTF-8 name; nothing can break out."""
    safe = safe_filename(name)
    ascii_name = re.sub(r"[^A-Za-z0-9._-]", "_", safe) or "attachment"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(safe, safe='')}"


def _image(data: bytes) -> Response:
    media = "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"
    return Response(data, media_type=media, headers={"cache-control": "private, max-age=3600"})


@router.get("/requests/{request_id}/pages/{page_id}")
def page_image(request: Request, request_id: int, page_id: int) -> Response:
    service = service_of(request)
    with session_scope(service.db) as session:
        visible_request(session, user_of(request), request_id)
        page = session.get(PageRecord, page_id)
        document = session.get(Document, page.document_id) if page else None
        if page is None or document is None or document.request_id != request_id or not page.image_sha256:
            raise HTTPException(404, "没有该页图像")
        sha = page.image_sha256
    return _image(service.blobs.get(sha))


@router.get("/requests/{request_id}/crops/{sha256}")
def crop_image(request: Request, request_id: int, sha256: str) -> Response:
    service = service_of(request)
    with session_scope(service.db) as session:
        visible_request(session, user_of(request), request_id)
        if sha256 not in _crop_hashes(session, request_id):
            raise HTTPException(404, "没有该截图")
    return _image(service.blobs.get(sha256))


def _crop_hashes(session: Session, request_id: int) -> set[str]:
    found: set[str] = set()
    for item in session.exec(select(EvidenceItem).where(EvidenceItem.request_id == request_id)):
        found.add(item.crop_sha256)
        found.update(c.get("sha256", "") for c in item.detail.get("crops", []))
    return found - {""}


@router.get("/requests/{request_id}/documents/{document_id}")
def attachment(request: Request, request_id: int, document_id: int) -> Response:
    service = service_of(request)
    with session_scope(service.db) as session:
        _, message = visible_request(session, user_of(request), request_id)
        document = session.get(Document, document_id)
        if document is None or document.request_id != request_id:
            raise HTTPException(404, "没有该附件")
        sha, filename, raw_sha = document.sha256, document.filename, message.sha256
    data = (
        service.blobs.get(sha)
        if service.blobs.exists(sha)
        else _from_message(service.blobs.get(raw_sha), sha)
    )
    if data is None:
        raise HTTPException(404, "附件内容已无法取得，请下载原始邮件")
    return Response(
        data,
        media_type="application/octet-stream",
        headers={"content-disposition": content_disposition(filename)},
    )


def _from_message(raw: bytes, sha: str) -> bytes | None:
    """Find the document's bytes again: an attachment of the message or a member of one of its ZIPs."""
    attachments = [a.data for a in parse_message(raw).attachments]
    for data in attachments:
        if hashlib.sha256(data).hexdigest() == sha:
            return data
    for data in attachments:
        if data.startswith(b"PK"):
            found = _from_zip(data, sha)
            if found is not None:
                return found
    return None


def _from_zip(data: bytes, sha: str) -> bytes | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if info.is_dir() or info.file_size > MAX_MEMBER_BYTES or info.flag_bits & 0x1:
                    continue
                member = archive.read(info)
                if hashlib.sha256(member).hexdigest() == sha:
                    return member
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
        return None
    return None


@router.get("/requests/{request_id}/message.eml")
def raw_message(request: Request, request_id: int) -> Response:
    service = service_of(request)
    with session_scope(service.db) as session:
        visible_request(session, user_of(request), request_id)
        message = session.get(Message, request_id)
        assert message is not None
        sha = message.sha256
    return Response(
        service.blobs.get(sha),
        media_type="application/octet-stream",
        headers={"content-disposition": content_disposition(f"message-{request_id}.eml")},
    )
