"""The rules of spec §2, one module each, run in this order on every request; none hides another."""

from __future__ import annotations

from types import ModuleType

from workflow.checks import (
    exceeds_enrollment,
    major_not_offered,
    missing_department_approval,
    missing_leader_approval,
    no_attachment,
    no_changes_found,
    no_matching_application,
    no_seal,
    not_a_scan,
    outside_window,
    school_mismatch,
    seal_mismatch,
    subject_format,
    unknown_school,
    unreadable_attachment,
)
from workflow.checks.base import Finding
from workflow.facts import RequestFacts

CHECKS: tuple[ModuleType, ...] = (
    subject_format,
    unknown_school,
    outside_window,
    no_attachment,
    not_a_scan,
    unreadable_attachment,
    no_seal,
    seal_mismatch,
    missing_department_approval,
    missing_leader_approval,
    school_mismatch,
    no_changes_found,
    no_matching_application,
    exceeds_enrollment,
    major_not_offered,
)

ADVICE: dict[str, str] = {check.code: check.advice for check in CHECKS}  # may hold {year} and {window}


def run_checks(facts: RequestFacts) -> list[Finding]:
    findings = []
    for check in CHECKS:
        evidence = check.check(facts)
        if evidence is not None:
            findings.append(Finding(check.code, check.message, evidence))
    return findings
