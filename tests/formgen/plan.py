"""What one request says, before any layout: school, changes, approvals, seal — and its ground truth.

The truth is computed from the plan alone, per SPEC §2, so every layout family that draws the plan
faithfully shares it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from tests.formgen.registry import (
    CERTIFICATE_GROUPS,
    DECLARATIONS,
    SCHOOLS,
    Declaration,
    School,
    declarations_of,
    major_name,
)

LEVELS = ("初级", "中级", "高级")
AFFIRMATIVE = ("同意", "同意。", "同意调整。", "情况属实，同意调整。", "同意按调整后内容申报。", "同意上报。",
               "原则同意。", "已阅，同意。", "同意申请")
NEGATIVE = ("不同意。", "不同意调整，请按原申报执行。", "暂不同意。")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈"
GIVEN = "建国伟明华丽敏静军强磊洋勇艳杰娟涛超秀兰霞平刚桂英玉萍红波志鹏晓燕春雷海燕宁凯文斌俊峰"
REASONS = ("根据我校2024年招生计划及专业设置调整情况", "因部分专业在校生人数发生变化",
           "结合学生实际报名意愿及培训条件", "因试点专业调整", "经对照证书标准与专业教学实际重新研判")


@dataclass
class Change:
    """One requested change as the document states it; values are registry keys (major keys, ints)."""

    certificate: str  # registry 证书名称 (or the undeclared name as written, bare)
    level: str  # the level stated for the certificate (the original one)
    field: str  # level | major | headcount
    old: str | int
    new: str | int
    declaration: Declaration | None


@dataclass
class Edit:
    """The changes of one certificate, in the order the document lists them."""

    certificate: str
    level: str
    declaration: Declaration | None
    changes: list[Change]
    level_written: bool = True  # whether the document writes the level beside the certificate


@dataclass
class Approval:
    role: str  # department | leader
    opinion: str | None  # None: the block has no opinion written
    signature: str  # hand | stamp | typed | none
    signer: str
    ink: str = "black"

    @property
    def agreed(self) -> bool:
        """SPEC §2: an affirmative opinion and a handwritten signature or a name stamp."""
        if self.opinion is None or self.signature not in ("hand", "stamp"):
            return False
        return "不" not in self.opinion and "暂" not in self.opinion and self.opinion != "已阅。"


@dataclass
class Plan:
    seed: int
    index: int
    family: str
    school: School
    edits: list[Edit]
    unchanged: list[Declaration]  # rows a table lists as 不调整 / with equal values
    department: Approval
    leader: Approval
    seal: bool
    seal_shape: str  # round | oval
    unit_written: str  # the 申请单位 as the document writes it (name or alias)
    contact: str
    phone: str
    day: int  # day of March the document is dated
    reason: str
    defects: list[str] = field(default_factory=list)

    @property
    def changes(self) -> list[Change]:
        return [change for edit in self.edits for change in edit.changes]

    def truth(self) -> dict[str, object]:
        """The truth record: seal, approvals, changes and the sorted problem codes (SPEC §2)."""
        changes = [{"certificate": c.certificate, "field": c.field, "from": _value(c.field, c.old),
                    "to": _value(c.field, c.new),
                    "application_id": c.declaration.application_id if c.declaration else None}
                   for c in self.changes]
        problems = set()
        if not self.seal:
            problems.add("no_seal")
        if not self.department.agreed:
            problems.add("missing_department_approval")
        if not self.leader.agreed:
            problems.add("missing_leader_approval")
        if not changes:
            problems.add("no_changes_found")
        for change in self.changes:
            if change.declaration is None:
                problems.add("no_matching_application")
            elif change.field == "headcount" and int(change.new) > change.declaration.capacity:
                problems.add("exceeds_enrollment")
            enrolled = {major_name(key) for key in self.school.majors}  # the registry lists names
            if change.field == "major" and major_name(str(change.new)) not in enrolled:
                problems.add("major_not_offered")
        return {"school": self.school.name, "family": self.family, "seed": self.seed,
                "seal": self.seal, "approvals": {"department": self.department.agreed,
                                                 "leader": self.leader.agreed},
                "changes": changes, "problems": sorted(problems), "defects": list(self.defects)}


def _value(field_name: str, value: str | int) -> str | int:
    if field_name == "headcount":
        return int(value)
    return major_name(str(value)) if field_name == "major" else str(value)


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def draw_plan(seed: int, index: int, family: str) -> Plan:
    """Draw the content of one request; about a third carry a real defect."""
    rng = random.Random(seed)
    school = rng.choice(SCHOOLS)
    defects = [name for name, share in DEFECT_SHARES if rng.random() < share]
    declared = declarations_of(school)
    count = rng.choice((1, 1, 2, 2, 2, 3)) + (2 if family == "multi_page" else 0)
    chosen = rng.sample(declared, min(count, len(declared)))
    to_place = {"over_capacity", "major_not_enrolled"} & set(defects)  # each on one edit only
    edits = [_edit(rng, school, item, to_place) for item in chosen]
    if "undeclared_certificate" in defects:
        edits.append(_undeclared(rng, school))
    rng.shuffle(edits)
    rest = [item for item in declared if item not in chosen]
    unchanged = rng.sample(rest, min(len(rest), rng.choice((0, 0, 1, 2)) + (2 if family == "multi_page" else 0)))
    # Each approval defect lands on one of the two blocks.
    block_of = {defect: rng.choice(("department", "leader")) for defect in APPROVAL_DEFECTS if defect in defects}
    department = _approval(rng, "department", [d for d, block in block_of.items() if block == "department"])
    leader = _approval(rng, "leader", [d for d, block in block_of.items() if block == "leader"])
    return Plan(seed=seed, index=index, family=family, school=school, edits=edits, unchanged=unchanged,
                department=department, leader=leader, seal="no_seal" not in defects,
                seal_shape="oval" if rng.random() < 0.2 else "round",
                unit_written=rng.choice((school.name,) * 4 + school.aliases),
                contact=rng.choice((person(rng), rng.choice(SURNAMES) + "老师")),
                phone=f"{rng.choice(('025', '0512', '0510', '0519', '0513', '0514', '0516'))}-"
                      f"{rng.randrange(50000000, 89999999)}", day=rng.randrange(2, 19),
                reason=rng.choice(REASONS), defects=defects)


APPROVAL_DEFECTS = ("unsigned", "typed_name", "refused", "read_only")
# (defect, share of requests); each is drawn independently.
DEFECT_SHARES: tuple[tuple[str, float], ...] = (
    ("no_seal", 0.05), ("unsigned", 0.05), ("refused", 0.03), ("read_only", 0.03), ("typed_name", 0.05),
    ("over_capacity", 0.04), ("major_not_enrolled", 0.04), ("undeclared_certificate", 0.04),
)


def _edit(rng: random.Random, school: School, item: Declaration, to_place: set[str]) -> Edit:
    """The changes of one declaration; a defect in `to_place` is drawn here and removed from it."""
    fields = rng.choice((["headcount"],) * 5 + (["major"], ["level"], ["level", "headcount"],
                                                ["major", "headcount"]))
    over_capacity = "over_capacity" in to_place
    not_enrolled = "major_not_enrolled" in to_place
    to_place.clear()
    if over_capacity and "headcount" not in fields:
        fields = [*fields, "headcount"]
    if not_enrolled and "major" not in fields:
        fields = ["major", *fields]
    changes = []
    for name in fields:
        if name == "headcount":
            if over_capacity:
                new: str | int = item.capacity + rng.choice((5, 10, 20, 30))
            else:
                new = _new_headcount(rng, item)
            changes.append(Change(item.certificate, item.level, "headcount", item.headcount, new, item))
        elif name == "major":
            pool = list(school.spare_majors) if not_enrolled else [m for m in school.majors if m != item.major]
            changes.append(Change(item.certificate, item.level, "major", item.major, rng.choice(pool), item))
        else:
            taken = {d.level for d in DECLARATIONS if d.school == school.name and d.certificate == item.certificate}
            targets = [level for level in LEVELS if level not in taken]
            changes.append(Change(item.certificate, item.level, "level", item.level, rng.choice(targets), item))
    # A level may go unwritten only where linking still resolves (SPEC §2 Linking); level changes state it.
    level_written = any(c.field == "level" for c in changes) or rng.random() < 0.8
    return Edit(item.certificate, item.level, item, changes, level_written)


def _new_headcount(rng: random.Random, item: Declaration) -> int:
    for _ in range(20):
        new = item.headcount + rng.choice((-1, 1, 1, 1)) * rng.choice((5, 10, 15, 20, 30, 40))
        if max(10, item.headcount // 2) <= new <= item.capacity and new != item.headcount:
            return new
    return item.headcount - 5


def _undeclared(rng: random.Random, school: School) -> Edit:
    """A certificate the school never declared: it must stay unlinked."""
    mine = {d.certificate for d in declarations_of(school)}
    certificate = rng.choice(sorted(set(CERTIFICATE_GROUPS) - mine))
    old = rng.choice((30, 40, 50, 60))
    change = Change(certificate, "初级", "headcount", old, old + 20, None)
    return Edit(certificate, "初级", None, [change], True)


def _approval(rng: random.Random, role: str, defects: list[str]) -> Approval:
    """One approval block; `defects` are the approval defects placed on this block."""
    opinion: str | None = rng.choice(AFFIRMATIVE)
    signature = rng.choice(("hand",) * 4 + ("stamp",))
    if "unsigned" in defects:
        signature = "none"
    if "typed_name" in defects:
        signature = "typed"
    if "refused" in defects:
        opinion = rng.choice(NEGATIVE)
    if "read_only" in defects:
        opinion = "已阅。"
    return Approval(role, opinion, signature, person(rng), rng.choice(("black", "black", "blue_black", "blue")))
