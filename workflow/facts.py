"""Everything the checks may look at for one request, gathered once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from parsers.model import DocumentClass, Evidence
from storage.models import Application, School
from workflow.linking import LinkedChange, link_changes
from workflow.registry import Registry
from workflow.settings import RoundConfig
from workflow.subject import strip_prefixes, subject_unit


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


def gather_facts(*, subject: str, arrival: datetime, evidence: Evidence, round_: RoundConfig, registry: Registry,
                 declarations_of: Callable[[School | None], list[Application]]) -> RequestFacts:
    """The facts of one request: the school from the subject, else the 申请单位, else a seal's arc text;
    its declarations (`declarations_of`, the database in the pipeline) and each change linked to one."""
    rest = strip_prefixes(subject)
    unit = subject_unit(rest)
    subject_school = registry.exact(unit)
    school = subject_school or registry.named_in(evidence.applicant_unit or "", score=95) or next(
        (found for seal in evidence.seals if (found := registry.named_in(seal.text))), None)
    declarations = declarations_of(school)
    return RequestFacts(
        subject=subject, evidence=evidence, arrival=arrival, round=round_, registry=registry, subject_rest=rest,
        subject_unit=unit, subject_school=subject_school, school=school,
        school_hint=registry.close_name(unit) if subject_school is None else "", declarations=declarations,
        linked=link_changes(evidence.changes, declarations, school.majors if school else (), registry.majors()),
    )
