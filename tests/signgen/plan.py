"""What one request says (school, changes, approval blocks, seal) and its truth per SPEC §2."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from tests.signgen.registry import SCHOOLS, Declaration, School, of_school

# Opinions as offices write them. Truth comes from which list a text was drawn from, never from a regex.
AFFIRMATIVE = ("同意", "同意。", "同意调整", "同意调整。", "情况属实，同意调整。", "同意按调整后内容申报。", "同意上报",
               "拟同意", "同意，请省办审核。", "原则同意。", "已阅，同意。", "同意申请。")
NEGATIVE = ("不同意", "不同意调整。", "暂缓", "暂缓调整，请核实人数后再报。", "暂不同意。", "已阅", "不予同意。")

DEPT_LABELS = ("证书试点管理部门意见", "教务处意见", "部门负责人意见", "证书试点管理部门意见", "1+X试点管理部门意见")
LEADER_LABELS = ("校级分管领导意见", "分管校领导意见", "学校意见", "校领导审批", "校领导意见")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲建国志文辉斌峰鹏春晓海燕宏亮云飞雪梅新民立荣"

REASONS = ("招生人数增加", "专业调整", "实训条件已满足", "报名人数变化", "学生意愿调整", "按人培方案调整", "生源变化")


def person(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


@dataclass
class Change:
    decl: Declaration
    field: str  # headcount | level | major
    old: str | int
    new: str | int
    show_level: bool  # the document states the level next to the certificate
    official_title: bool  # written 物流管理职业技能等级证书（中级）
    with_code: bool  # majors written with their catalogue code

    def truth(self) -> dict:
        return {"certificate": self.decl.certificate, "field": self.field, "from": self.old, "to": self.new,
                "application_id": self.decl.app_id}


@dataclass
class Block:
    """One approval block as drawn; `signed` says what stands where the signature goes."""

    role: str  # department | leader
    label: str
    signer: str
    opinion: str | None  # None: left blank
    opinion_hand: bool = True
    signature: str = "hand"  # hand | stamp | typed | none
    typed_name_too: bool = False  # a typed name beside a real signature
    present: bool = True
    date_hand: bool = True

    @property
    def agrees(self) -> bool:
        """SPEC §2 Seal and approvals: opinion exists, is affirmative, and a signature or name stamp stands by it."""
        return (self.present and self.opinion in AFFIRMATIVE and self.signature in ("hand", "stamp"))


@dataclass
class Plan:
    seed: int
    family: str
    school: School
    unit_in_subject: str
    changes: list[Change]
    department: Block
    leader: Block
    seal: bool
    defects: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        codes = []
        if not self.seal:
            codes.append("no_seal")
        if not self.department.agrees:
            codes.append("missing_department_approval")
        if not self.leader.agrees:
            codes.append("missing_leader_approval")
        return sorted(codes)


def _other_level(level: str, taken: set[str], rng: random.Random) -> str:
    options = [lv for lv in ("初级", "中级", "高级") if lv != level and lv not in taken]
    return rng.choice(options)


def draw_changes(school: School, rng: random.Random) -> list[Change]:
    """One to three changes, one per declaration, all valid against the registry (no change-side problems)."""
    decls = of_school(school.name)
    chosen = rng.sample(decls, k=min(len(decls), rng.choice((1, 1, 2, 2, 3))))
    changes = []
    for decl in chosen:
        same_cert = [d for d in decls if d.certificate == decl.certificate]
        other_majors = [name for _, name in school.majors if name != decl.major]
        kind = rng.choices(("headcount", "level", "major"), weights=(6, 2, 2))[0]
        if kind == "level":
            old: str | int = decl.level
            new: str | int = _other_level(decl.level, {d.level for d in same_cert}, rng)
        elif kind == "major" and other_majors:
            old, new = decl.major, rng.choice(other_majors)
        else:
            kind = "headcount"
            old = decl.headcount
            new = old
            while new == old:
                new = min(decl.capacity, max(10, old + rng.choice((-20, -15, -10, -5, 10, 15, 20, 30, 40))))
        show_level = kind != "level" and (len(same_cert) > 1 or rng.random() < 0.8)
        changes.append(Change(decl, kind, old, new, show_level, rng.random() < 0.2, rng.random() < 0.35))
    return changes


def draw_block(role: str, rng: random.Random) -> Block:
    label = rng.choice(DEPT_LABELS if role == "department" else LEADER_LABELS)
    return Block(role, label, person(rng), rng.choice(AFFIRMATIVE), opinion_hand=rng.random() < 0.75,
                 typed_name_too=rng.random() < 0.12, date_hand=rng.random() < 0.7)


def spoil(block: Block, rng: random.Random) -> str:
    """One realistic defect on `block`; returns its description (truth follows from the block's fields)."""
    defect = rng.choice(("negative", "blank_signature", "typed_name", "no_opinion", "missing_block"))
    if defect == "negative":
        block.opinion = rng.choice(NEGATIVE)
    elif defect == "blank_signature":
        block.signature = "none"
    elif defect == "typed_name":
        block.signature, block.typed_name_too = "typed", False
    elif defect == "no_opinion":
        block.opinion = None
    else:
        block.present = False
    return f"{block.role}:{defect}" + (f"={block.opinion}" if defect == "negative" else "")


def draw_plan(seed: int, family: str, rng: random.Random) -> Plan:
    school = rng.choice(SCHOOLS)
    unit = school.alias if rng.random() < 0.15 else school.name
    plan = Plan(seed, family, school, unit, draw_changes(school, rng), draw_block("department", rng),
                draw_block("leader", rng), seal=True)
    if family == "negative_and_missing":
        roles = rng.choice((["department"], ["leader"], ["leader"], ["department", "leader"]))
        for role in roles:
            block = plan.department if role == "department" else plan.leader
            plan.defects.append(spoil(block, rng))
        if rng.random() < 0.15:
            plan.seal = False
            plan.defects.append("no official seal")
    elif rng.random() < 0.1:
        block = rng.choice((plan.department, plan.leader))
        plan.defects.append(spoil(block, rng))
    if family == "stamp_signature":
        stamped = rng.choice((["department"], ["leader"], ["department", "leader"]))
        for role in stamped:
            block = plan.department if role == "department" else plan.leader
            if block.signature == "hand":
                block.signature = "stamp"
        if rng.random() < 0.2:
            plan.seal = False
            plan.defects.append("name stamps only, no official seal")
    return plan
