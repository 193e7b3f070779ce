"""What one request says — school, changes, approvals, seal — and the truth a careful officer reads from it."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from tests.papergen.registry import CERTIFICATES, LEVELS, Declaration, School

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈任姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌辉鹏宇浩凯俊峰晨欣怡婷雪琳颖倩慧晶燕梅琴云海波宁健亮成林翔"


def person_name(rng: random.Random) -> str:
    """A plausible Chinese personal name of 2 or 3 characters."""
    given = "".join(rng.choice(GIVEN) for _ in range(1 if rng.random() < 0.3 else 2))
    return rng.choice(SURNAMES) + given


@dataclass
class Change:
    """One requested change as the document states it, and how it links."""

    certificate: str          # registry name (or the bare name as written, when unlinked)
    field: str                # headcount | major | level
    old: str | int
    new: str | int
    level: str | None         # the level the document states for the certificate (None: not stated)
    declaration: Declaration | None

    def truth(self) -> dict:
        return {"certificate": self.certificate, "field": self.field, "from": self.old, "to": self.new,
                "application_id": self.declaration.app_id if self.declaration else None}


@dataclass
class Approval:
    """One approval block (department or leader) as drawn."""

    role: str                 # department | leader
    present: bool = True
    opinion: str = "同意"
    positive: bool = True
    signer: str = "hand"      # hand | scribble | stamp | typed | none
    name: str = ""
    handwritten_opinion: bool = False
    under_seal: bool = False

    @property
    def approved(self) -> bool:
        return self.present and self.positive and self.signer in ("hand", "scribble", "stamp")


@dataclass
class Seal:
    """The red stamp on the request."""

    kind: str                 # school | department | other_school | none
    text: str = ""            # the unit along the arc
    shape: str = "round"      # round | oval
    bottom: str = ""          # horizontal text under the star
    serial: str = ""
    english: str = ""
    faint: float = 0.0        # 0 crisp … 0.6 very faint/partial
    extra: str = ""           # a department's seal stamped beside the school's own (not a mismatch)

    @property
    def present(self) -> bool:
        return self.kind != "none"


@dataclass
class Plan:
    """Everything one message will show; `truth()` is what bench.reading compares against."""

    index: int
    seed: int
    family: str
    school: School
    changes: list[Change]
    department: Approval
    leader: Approval
    seal: Seal
    contact: str
    phone: str
    day: int
    defects: list[str] = field(default_factory=list)
    capture: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    level_stated: bool = True

    def problems(self) -> list[str]:
        found: set[str] = set()
        if not self.seal.present:
            found.add("no_seal")
        elif self.seal.kind != "school":
            found.add("seal_mismatch")
        if not self.department.approved:
            found.add("missing_department_approval")
        if not self.leader.approved:
            found.add("missing_leader_approval")
        for change in self.changes:
            decl = change.declaration
            if decl is None:
                found.add("no_matching_application")
            elif change.field == "headcount" and int(change.new) > decl.enrollment:
                found.add("exceeds_enrollment")
            if change.field == "major" and change.new not in self.school.majors:
                found.add("major_not_offered")
        if not self.changes:
            found.add("no_changes_found")
        return sorted(found)

    def truth(self, file: str, message_id: str) -> dict:
        return {"file": file, "message_id": message_id, "seed": self.seed, "family": self.family,
                "school": self.school.name, "seal": self.seal.present,
                "approvals": {"department": self.department.approved, "leader": self.leader.approved},
                "changes": [c.truth() for c in self.changes], "problems": self.problems(),
                "defects": self.defects, "capture": "; ".join(self.capture), "pages": self.pages}


POSITIVE = ["同意。", "同意", "同意调整。", "情况属实，同意调整。", "同意按调整后内容申报。", "同意上报。", "同意申请。",
            "原则同意。", "经核实，情况属实，同意调整。", "同意该校申报调整。"]
NEGATIVE = ["不同意。", "不同意调整。", "暂不同意调整。", "不予同意。", "已阅。"]

DEFECTS: list[tuple[str, float]] = [
    ("clean", 0.58), ("no_seal", 0.06), ("seal_other_school", 0.03), ("seal_department", 0.03),
    ("dept_unsigned", 0.04), ("dept_typed_name", 0.03), ("dept_negative", 0.03), ("dept_missing", 0.03),
    ("leader_unsigned", 0.04), ("leader_typed_name", 0.03), ("leader_negative", 0.02), ("leader_missing", 0.03),
    ("exceeds_enrollment", 0.04), ("major_not_offered", 0.03), ("no_matching_application", 0.04),
]


def _pick_defects(rng: random.Random) -> list[str]:
    names, weights = zip(*DEFECTS, strict=True)
    first = rng.choices(names, weights)[0]
    if first == "clean":
        return []
    if rng.random() < 0.12:
        second = rng.choices(names, weights)[0]
        if second not in ("clean", first) and second.split("_")[0] != first.split("_")[0]:
            return [first, second]
    return [first]


def _headcount_new(rng: random.Random, decl: Declaration) -> int:
    for _ in range(20):
        new = decl.headcount + rng.choice([-1, 1, 1]) * rng.randrange(5, 45, 5)
        if max(10, decl.headcount // 2) <= new <= decl.enrollment and new != decl.headcount:
            return new
    return max(5, decl.headcount - 5)


def _make_change(rng: random.Random, school: School, decl: Declaration, field_name: str, defect: str | None,
                 level_stated: bool) -> Change:
    level = decl.level if level_stated else None
    if field_name == "level":
        i = LEVELS.index(decl.level)
        new_level = LEVELS[i + 1] if i == 0 or (i == 1 and rng.random() < 0.5) else LEVELS[i - 1]
        return Change(decl.certificate, "level", decl.level, new_level, decl.level, decl)
    if field_name == "major":
        fits = CERTIFICATES[decl.certificate][1]
        if defect == "major_not_offered":
            pool = [m for m in fits if m not in school.majors] or ["智能控制技术"]
        else:
            pool = [m for m in school.majors if m in fits and m != decl.major]
        return Change(decl.certificate, "major", decl.major, rng.choice(pool), level, decl)
    if defect == "exceeds_enrollment":
        new = decl.enrollment + rng.randrange(5, 40, 5)
    else:
        new = _headcount_new(rng, decl)
    return Change(decl.certificate, "headcount", decl.headcount, new, level, decl)


def make_plan(index: int, seed: int, family: str, schools: list[School]) -> Plan:
    """Draw the content of message `index` deterministically from `seed`."""
    rng = random.Random(f"papergen-plan-{seed}")
    school = rng.choice(schools)
    defects = _pick_defects(rng)
    count = rng.choices([1, 2, 3], [0.45, 0.4, 0.15])[0]
    decls = rng.sample(school.declarations, min(count, len(school.declarations)))
    certs = [d.certificate for d in school.declarations]
    changes: list[Change] = []
    for k, decl in enumerate(decls):
        defect = None
        if k == 0 and "exceeds_enrollment" in defects:
            field_name, defect = "headcount", "exceeds_enrollment"
        elif k == 0 and "major_not_offered" in defects:
            field_name, defect = "major", "major_not_offered"
        else:
            field_name = rng.choices(["headcount", "major", "level"], [0.6, 0.22, 0.18])[0]
            fits = CERTIFICATES[decl.certificate][1]
            if field_name == "major" and not [m for m in school.majors if m in fits and m != decl.major]:
                field_name = "headcount"  # no other offered major fits this certificate
        stated = certs.count(decl.certificate) > 1 or field_name == "level" or rng.random() < 0.8
        changes.append(_make_change(rng, school, decl, field_name, defect, stated))
    if "no_matching_application" in defects:
        others = [c for c in CERTIFICATES if c not in certs]
        cert = rng.choice(others)
        old = rng.randrange(30, 90, 5)
        changes.append(Change(cert, "headcount", old, old + rng.randrange(10, 40, 5), rng.choice(LEVELS[:2]), None))
        rng.shuffle(changes)
    department = Approval("department", name=person_name(rng))
    leader = Approval("leader", name=person_name(rng))
    for approval in (department, leader):
        approval.opinion = rng.choice(POSITIVE)
        approval.signer = rng.choices(["hand", "scribble", "stamp"], [0.65, 0.2, 0.15])[0]
        approval.handwritten_opinion = rng.random() < 0.35
        prefix = "dept" if approval.role == "department" else "leader"
        for defect in defects:
            if defect == f"{prefix}_unsigned":
                approval.signer = "none"
            elif defect == f"{prefix}_typed_name":
                approval.signer = "typed"
            elif defect == f"{prefix}_negative":
                approval.opinion, approval.positive = rng.choice(NEGATIVE), False
            elif defect == f"{prefix}_missing":
                approval.present = False
    seal = _make_seal(rng, school, schools, defects)
    leader.under_seal = seal.present and rng.random() < 0.4
    contact = person_name(rng)
    phone = rng.choice(["0511", "0513", "0515", "025", "0519", "0512", "0517"]) + "-" + str(rng.randrange(80000000, 89999999))
    return Plan(index=index, seed=seed, family=family, school=school, changes=changes, department=department,
                leader=leader, seal=seal, contact=contact, phone=phone, day=rng.randrange(1, 20), defects=defects)


def _make_seal(rng: random.Random, school: School, schools: list[School], defects: list[str]) -> Seal:
    if "no_seal" in defects:
        return Seal("none")
    serial = "".join(rng.choice("0123456789") for _ in range(13)) if rng.random() < 0.4 else ""
    shape = "oval" if rng.random() < 0.15 else "round"
    english = ""
    if shape == "oval":
        english = rng.choice(["VOCATIONAL COLLEGE", "VOCATIONAL AND TECHNICAL COLLEGE", "SECONDARY VOCATIONAL SCHOOL"])
        serial = serial or "".join(rng.choice("0123456789") for _ in range(10))
    faint = rng.choice([0.0, 0.0, 0.15, 0.3, 0.45])
    if "seal_other_school" in defects:
        other = rng.choice([s for s in schools if s.name != school.name])
        return Seal("other_school", other.name, shape, serial=serial, english=english, faint=min(faint, 0.15))
    if "seal_department" in defects:
        dept = rng.choice(["教务处", "教务处", "招生就业处", "继续教育学院"])
        return Seal("department", school.name + dept, "round", faint=min(faint, 0.15))
    bottom = rng.choice(["1+X证书试点专用章", "业务专用章", "教学专用章"]) if shape == "round" and rng.random() < 0.1 else ""
    extra = school.name + rng.choice(["教务处", "招生就业处"]) if rng.random() < 0.06 else ""
    return Seal("school", school.name, shape, bottom=bottom, serial=serial, english=english, faint=faint, extra=extra)

