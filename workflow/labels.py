"""The label tables the CLI, the web UI, the export and the replies look values up in.

Every label is defined once, on its value in `storage.states`; these are only views of them,
with the entries a missing value (None) needs.
"""

from storage.states import (
    PROBLEM_TITLES,
    Action,
    ArrivalSource,
    ChangeField,
    Decision,
    EvidenceKind,
    Kind,
    ProblemCode,
    ReplyState,
    Role,
    Stage,
    Status,
)
from workflow.transitions import SYSTEM

FIELD_NAMES = ChangeField.labels()
STAGE_NAMES: dict[str | None, str] = {**Stage.labels(), None: "—"}
# an unrelated message has no status: it shows as its kind
STATUS_NAMES: dict[str | None, str] = {**Status.labels(), None: Kind.UNRELATED.label,
                                       Kind.UNRELATED: Kind.UNRELATED.label}
ACTION_NAMES = Action.labels()
REPLY_STATES = ReplyState.labels()
DECISION_NAMES = Decision.labels()
EVIDENCE_NAMES = EvidenceKind.labels()
ROLE_NAMES = Role.labels()
ARRIVAL_SOURCES = ArrivalSource.labels()
PROBLEM_NAMES = ProblemCode.labels()


def actor_name(actor: str) -> str:
    """An audit row's actor as officers read it: 系统 for the pipeline, else the account name."""
    return "系统" if actor == SYSTEM else actor


def problem_title(code: str) -> str:
    return PROBLEM_TITLES.get(code, ProblemCode.label_of(code))
