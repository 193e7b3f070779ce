"""Evidence to rows and back: the checks always run on what is recorded, so a reviewer's
correction re-runs them without reading the scans again."""

from __future__ import annotations

from sqlmodel import Session, col, select

from parsers.model import (
    ApprovalEvidence,
    Crop,
    Document,
    DocumentClass,
    Evidence,
    ExtractedChange,
    Page,
    SealEvidence,
)
from storage import models
from storage.blobs import BlobStore
from workflow.checks.approvals import approval_holds


def save_evidence(session: Session, blobs: BlobStore, *, request_id: int, evidence: Evidence) -> None:
    for position, document in enumerate(evidence.documents):
        row = models.Document(
            request_id=request_id, position=position, filename=document.filename, sha256=document.sha256,
            kind=document.kind.value, mime=document.mime, pages=len(document.pages),
            text_source=document.text_source, error=document.error or "",
        )
        session.add(row)
        session.flush()
        for page in document.pages:
            session.add(models.PageRecord(
                document_id=row.id, number=page.number, text_source=page.text_source, text=page.text,
                image_sha256=blobs.put(page.preview_jpeg) if page.preview_jpeg else "",
                width=page.width, height=page.height,
            ))
    for seal in evidence.seals:
        session.add(_crop_row(blobs, request_id, "seal", seal.crop, text=seal.text,
                              confidence=float(seal.text_confidence), holds=True, detail={"colour": seal.colour}))
    for approval in (evidence.department, evidence.leader):
        if approval is None:
            continue
        crop = approval.crops[0] if approval.crops else Crop("", 0, (0, 0, 0, 0), b"")
        session.add(_crop_row(blobs, request_id, approval.role, crop, text=approval.opinion, confidence=1.0,
                              holds=approval_holds(approval),
                              detail={"found": bool(approval.found), "affirmative": bool(approval.affirmative),
                                      "signed": bool(approval.signed),
                                      "crops": [_crop_detail(blobs, c) for c in approval.crops]}))
    for position, change in enumerate(evidence.changes):
        session.add(models.Change(
            request_id=request_id, position=position, certificate=change.certificate, field=change.field,
            level=change.level, from_value=change.from_value, to_value=change.to_value,
        ))


def _crop_detail(blobs: BlobStore, crop: Crop) -> dict:
    return {"document": crop.document, "page": crop.page, "box": [float(v) for v in crop.box],
            "sha256": blobs.put(crop.png) if crop.png else ""}


def _crop_row(blobs: BlobStore, request_id: int, kind: str, crop: Crop, **values) -> models.EvidenceItem:  # type: ignore[no-untyped-def]
    return models.EvidenceItem(
        request_id=request_id, kind=kind, document=crop.document, page=crop.page,
        box=[float(v) for v in crop.box],
        crop_sha256=blobs.put(crop.png) if crop.png else "", **values,
    )


def load_evidence(session: Session, *, request: models.Request) -> Evidence:
    """The recorded evidence in the parsers' own shape (without images)."""
    documents = session.exec(select(models.Document).where(models.Document.request_id == request.id)
                             .order_by(col(models.Document.position))).all()
    items = session.exec(select(models.EvidenceItem).where(models.EvidenceItem.request_id == request.id)).all()
    changes = session.exec(select(models.Change).where(models.Change.request_id == request.id)
                           .order_by(col(models.Change.position))).all()
    evidence = Evidence(
        documents=[Document(filename=d.filename, sha256=d.sha256, kind=DocumentClass(d.kind), mime=d.mime,
                            pages=[Page(number=n + 1) for n in range(d.pages)], error=d.error or None)
                   for d in documents],
        applicant_unit=request.applicant_unit or None,
        changes=[ExtractedChange(certificate=c.certificate, field=c.field, level=c.level,  # type: ignore[arg-type]
                                 from_value=c.from_value, to_value=c.to_value) for c in changes],
    )
    for item in items:
        crop = Crop(item.document, item.page, tuple(item.box) or (0, 0, 0, 0), b"")  # type: ignore[arg-type]
        if item.kind == "seal":
            evidence.seals.append(SealEvidence(crop=crop, colour=item.detail.get("colour", "red"),
                                               text=item.text, text_confidence=item.confidence))
        else:
            approval = ApprovalEvidence(role=item.kind, found=item.detail.get("found", False),  # type: ignore[arg-type]
                                        opinion=item.text, affirmative=item.detail.get("affirmative", False),
                                        signed=item.detail.get("signed", False), crops=[crop])
            setattr(evidence, item.kind, approval)
    return evidence
