"""Everything the checks may look at for one request, gathered once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from parsers.model import DocumentClass, Evidence
from storage.models import Application, School
from workflow.linking import LinkedChange
from workflow.registry import Registry
from workflow.settings import RoundConfig


@dataclass
class RequestFacts:
    subject: str
    evidence: Evidence
    arrival: datetime
    round: RoundConfig
    registry: Registry
    subject_rest: str  # the subject after prefix removal
    subject_unit: str
    subject_school: School | None  # the school the subject names exactly
    school: School | None  # resolved: subject, else 申请单位, else seal
    school_hint: str = ""  # a registered name close to an unknown subject unit; shown, never used
    declarations: list[Application] = field(default_factory=list)
    linked: list[LinkedChange] = field(default_factory=list)

    @property
    def readable_pages(self) -> int:
        return sum(len(d.pages) for d in self.evidence.documents if d.kind is DocumentClass.READABLE)
