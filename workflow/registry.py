"""The registry in memory for one message: schools by name and alias, and their declarations."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlmodel import Session

from parsers.vocabulary import Vocabulary
from storage import repo
from storage.models import Application, School
from workflow.subject import normalise_name

HINT_SCORE = 80


@dataclass
class Registry:
    by_name: dict[str, School]  # normalised 单位名称 and 别名 → school

    @classmethod
    def load(cls, session: Session) -> Registry:
        by_name: dict[str, School] = {}
        for school in repo.schools(session):
            for name in (school.name, *school.aliases):
                by_name.setdefault(normalise_name(name), school)
        return cls(by_name)

    def exact(self, unit: str | None) -> School | None:
        return self.by_name.get(normalise_name(unit)) if unit else None

    def close_name(self, unit: str) -> str:
        """A registered name close to `unit`, as a hint for reviewers; never used as the school."""
        if not unit or not self.by_name:
            return ""
        found = process.extractOne(unit, list(self.by_name), scorer=fuzz.ratio, score_cutoff=HINT_SCORE)
        return self.by_name[found[0]].name if found else ""

    def named_in(self, text: str, *, score: int = 90) -> School | None:
        """The one school whose name or alias `text` (a seal's or a document's) names, if unambiguous."""
        text = normalise_name(text)
        if not text:
            return None
        if text in self.by_name:
            return self.by_name[text]
        scored = {s.id: s for name, s in self.by_name.items() if len(name) >= 4 and
                  (name in text or fuzz.ratio(name, text) >= score)}
        return next(iter(scored.values())) if len(scored) == 1 else None

    @staticmethod
    def names_of(school: School) -> set[str]:
        return {normalise_name(n) for n in (school.name, *school.aliases)}

    @staticmethod
    def vocabulary(session: Session) -> Vocabulary:
        """The certificates and majors of the whole registry: the few values a document can name."""
        certificates, majors = repo.declared_names(session)
        return Vocabulary(tuple(certificates), tuple(majors))

    @staticmethod
    def declarations(session: Session, school: School | None) -> list[Application]:
        return list(repo.applications_of(session, school_id=school.id)) if school and school.id else []
