"""The label tables the CLI, the web UI, the export and the replies look values up in.

Every label is defined once, on its value in `storage.states`; these are only views of them,
with the entries a missing value (None) needs.
"""

from storage.states import Action, ChangeField, Decision, EvidenceKind, Kind, ReplyState, Role, Stage, Status

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
