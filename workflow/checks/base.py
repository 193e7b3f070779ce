"""What a check yields: each check module has `code`, a plain-Chinese `message` and
`check(facts) -> evidence | None`; a problem is the three together."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """A problem one check found, with the evidence it used (in Chinese, for reviewers)."""

    code: str
    message: str
    evidence: str
