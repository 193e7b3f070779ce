"""How school offices write certificates, levels, majors and headcounts, and the letter around them."""

from __future__ import annotations

import random

from tests.changegen.plan import Plan, Row
from tests.changegen.registry import Declaration, School, code_of, levels_of, school_named

SUFFIX = "职业技能等级证书"


def single_level(decl: Declaration) -> bool:
    return len(levels_of(school_named(decl.school), decl.certificate)) == 1


def cert_text(decl: Declaration, rng: random.Random, *, level: bool | None = None, suffix: float = 0.3,
              quotes: float = 0.15) -> str:
    """The certificate as written; `level` None: the level is added unless the school has only this one."""
    name = decl.certificate
    if level is None:
        level = not single_level(decl) or rng.random() < 0.6
    roll = rng.random()
    if roll < suffix:
        name = name + SUFFIX
    elif roll < suffix + quotes:
        name = f"“{name}”证书"
    elif roll < suffix + quotes + 0.1:
        name = name + "证书"
    if level:
        name += rng.choice(["（{}）", "（{}）", "({})"]).format(decl.level)
    return name


def headcount_text(n: object, rng: random.Random, unit: float = 0.5) -> str:
    return f"{n}人" if rng.random() < unit else str(n)


def major_text(major: str, school: School, rng: random.Random, codes: float = 0.0) -> str:
    code = code_of(major, school.kind)
    if code and rng.random() < codes:
        return code + rng.choice([" ", " ", "\u3000", ""]) + major
    return major


def value_text(row: Row, name: str, value: object, school: School, rng: random.Random, *, unit: float = 0.5,
               codes: float = 0.0) -> str:
    if name == "headcount":
        return headcount_text(value, rng, unit)
    if name == "major":
        return major_text(str(value), school, rng, codes)
    return str(value)


FIELD_LABELS = {
    "headcount": ["申报人数", "试点人数", "人数规模", "人数", "考核人数"],
    "level": ["考核等级", "等级", "证书等级", "申报等级"],
    "major": ["考核专业", "专业", "试点专业", "申报专业", "对应专业"],
}


def field_label(name: str, rng: random.Random) -> str:
    return rng.choice(FIELD_LABELS[name])


TITLES = ["关于{school}2024年1+X证书申报调整的申请", "{school}关于2024年1+X证书申报信息调整的申请",
          "2024年1+X证书制度试点申报调整申请", "关于调整2024年度1+X证书试点申报信息的请示",
          "{school}2024年证书申报调整申请"]
ADDRESSEES = ["江苏省职业院校1+X证书制度试点工作办公室：", "省1+X证书制度试点工作办公室：", "省1+X办公室：",
              "江苏省1+X证书制度试点工作办公室："]
OPENINGS = [
    "根据《关于做好2024年度第一次1+X证书制度试点申报工作的通知》要求，我校已在信息管理服务平台完成2024年度证书申报。"
    "因专业招生和学生报考意向发生变化，经学校证书试点管理部门和校级分管领导同意，现申请对部分证书申报信息进行调整，具体如下：",
    "我校于3月上旬在职业技能等级证书信息管理服务平台完成了2024年度1+X证书试点申报。近期结合各专业在校生人数及教学实际，"
    "学校对申报情况进行了复核，需对以下证书的申报信息作出调整，特此申请：",
    "按照省1+X办公室工作安排，我校组织各二级学院开展了2024年度证书申报工作。经核查，部分证书申报信息与实际情况不符，"
    "经研究，申请调整如下：",
    "为进一步提高试点质量，结合专业开设和学生实际情况，我校拟对2024年度已申报的部分1+X证书进行调整，现将有关情况报告如下：",
]
CLOSINGS = ["特此申请，恳请批准。", "妥否，请批示。", "以上调整申请，请予审核。", "恳请省1+X办公室予以审核同意。",
            "特此申请。"]
EXTRA_PARAGRAPHS = [
    "我校高度重视1+X证书制度试点工作，成立了由分管校领导任组长的工作领导小组，教务处牵头负责证书试点的组织实施，"
    "各二级学院具体落实培训与考核工作。",
    "调整后，我校将严格按照证书标准组织教学与培训，落实实训条件，确保在2024年底前完成相应数量的考核，并按规定支付考核费用。",
    "本次调整已在校内进行公示，相关专业负责人和学生均已知晓，调整后的试点人数未超过本校可参与专业的在校生总数。",
    "调整涉及的专业均为我校2024年实际招生专业，专业与证书要求一致。",
    "我校将加强证书培训资源建设，组织骨干教师参加师资培训，进一步提升培训质量和考核通过率。",
    "自试点工作开展以来，我校累计组织多个批次的证书培训与考核，积累了一定的组织经验，学生参与积极性较高。",
    "各二级学院已对照证书标准梳理了课程内容，将证书培训内容融入专业教学，实现课证融通。",
    "学校将对调整后的试点工作加强过程管理，定期检查培训进度，确保培训质量和考核组织规范有序。",
]
APPROVERS = ["王建国", "李红梅", "张晓东", "陈立新", "刘慧", "周明远", "吴海燕", "赵志强", "孙丽华", "钱伟", "朱永康",
             "胡晓燕", "高峰", "林雪", "郑国平", "马骏", "许文斌", "何静"]
DEPT_LABELS = ["证书试点管理部门意见", "证书试点管理部门意见", "证书试点管理部门（教务处）意见", "学校证书试点管理部门意见"]
LEADER_LABELS = ["校级分管领导意见", "校级分管领导意见", "学校分管领导意见", "分管校领导意见"]
OPINIONS = ["同意", "同意。", "同意调整", "同意调整。", "同意申请", "原则同意", "同意上报", "同意按以上内容调整"]
SIGN_LABELS = ["负责人签字：", "签字：", "签名：", "负责人（签字）：", "签字："]


def title(plan: Plan, rng: random.Random) -> str:
    return rng.choice(TITLES).format(school=plan.school.name)


def date_text(day: int, rng: random.Random) -> str:
    return rng.choice(["2024年3月{}日", "2024年3月{}日", "2024.3.{}", "2024-03-{:02d}"]).format(day)
