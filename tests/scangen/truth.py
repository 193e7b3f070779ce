"""Ground truth of a generated request letter, and a seeded random draw of one."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Literal

SignatureKind = Literal["hand", "image", "typed", "blank"]
LayoutKind = Literal["table_a", "table_b", "table_c", "table_wide", "prose", "prose_and_table"]
BlockKind = Literal["lines", "table"]
RulingKind = Literal["grid", "three_line", "none"]
ProseStyle = Literal["jiang", "ni", "zhi", "bare"]
Numbering = Literal["arabic", "chinese", "paren"]
AnnexKind = Literal["none", "page", "attachment"]

SCHOOLS = (
    "南京信息职业技术学院",
    "常州信息职业技术学院",
    "无锡职业技术学院",
    "江苏建筑职业技术学院",
    "南京市莫愁中等专业学校",
    "连云港中等专业学校",
    "江苏省南通中等专业学校",
    "徐州财经高等职业技术学校",
    "扬州高等职业技术学校",
    "苏州工业园区服务外包职业学院",
    "江苏经贸职业技术学院",
    "盐城机电高等职业技术学校",
)

CERTIFICATES = (
    "Web前端开发",
    "建筑信息模型（BIM）",
    "物流管理",
    "智能财税",
    "工业机器人操作与运维",
    "云计算平台运维与开发",
    "网络系统建设与运维",
    "老年照护",
    "电子商务数据分析",
    "数字媒体交互设计",
    "界面设计",
    "大数据应用开发（Python）",
)

MAJORS = (
    "计算机应用",
    "软件技术",
    "电子商务",
    "会计事务",
    "大数据与会计",
    "建筑工程技术",
    "物流服务与管理",
    "护理",
    "数字媒体技术应用",
    "工业机器人技术",
)

LEVELS = ("初级", "中级", "高级")
DEPT_LABELS = ("证书试点管理部门意见", "学校证书管理部门意见", "教务处意见")
LEADER_LABELS = ("校级分管领导意见", "分管校领导意见", "学校领导意见")
AFFIRMATIVE = ("同意", "同意调整", "同意申请", "同意。")
NEGATIVE = ("不同意", "不同意调整")
PERSON_NAMES = (
    "张伟",
    "王芳",
    "李娜",
    "刘洋",
    "陈静",
    "杨帆",
    "赵磊",
    "黄敏",
    "周强",
    "吴婷",
    "徐军",
    "孙丽",
)


@dataclass
class ChangeTruth:
    certificate: str
    field: Literal["level", "major", "headcount"]
    level: str | None  # the level the document states for the certificate
    from_value: str | int | None  # None when the document does not state it (调增至120人)
    to_value: str | int


@dataclass
class ApprovalTruth:
    label: str
    opinion: str  # "" when left blank
    signature: SignatureKind
    signer: str
    sign_label: str = "签字"

    @property
    def affirmative(self) -> bool:
        return "同意" in self.opinion and "不同意" not in self.opinion

    @property
    def signed(self) -> bool:
        return self.signature in ("hand", "image")

    @property
    def approved(self) -> bool:
        return self.affirmative and self.signed


@dataclass
class Distortion:
    rotation: int = 0  # clockwise degrees the page is turned: 0, 90, 180, 270
    greyscale: bool = False
    dpi: int = 150  # final resolution; rendering happens at 150
    noise: float = 0.0  # sigma of Gaussian noise, grey levels
    blur: float = 0.0  # Gaussian blur radius in px
    skew: float = 0.0  # small rotation in degrees (scanner skew)
    jpeg_quality: int | None = None
    photo: bool = False  # phone photo: perspective and uneven light


@dataclass
class Truth:
    school: str
    applicant_unit: str
    changes: list[ChangeTruth]
    seal: bool
    seal_text: str  # the unit named on the seal's arc
    seal_colour: Literal["red", "grey"]  # grey when the page is a greyscale scan
    department: ApprovalTruth | None
    leader: ApprovalTruth | None
    layout: LayoutKind = "table_a"
    block: BlockKind = "lines"
    date: str = "2024年3月12日"
    font: str | None = None  # body font key in render.FONTS; None: one of the classic three
    ruling: RulingKind = "grid"
    prose_style: ProseStyle = "jiang"
    numbering: Numbering = "arabic"
    annex: AnnexKind = "none"  # the table on a second page, or in a second attachment
    digital: bool = False  # a born-digital PDF with a text layer instead of a scan
    distortion: Distortion = field(default_factory=Distortion)
    body_lines: list[str] = field(default_factory=list)  # filled by rendering: prose lines, reading order
    body_box: tuple[float, float, float, float] = (
        0,
        0,
        0,
        0,
    )  # in final page pixels, filled after distortion


def _change(rng: random.Random, cert: str) -> ChangeTruth:
    kind = rng.choice(("headcount", "headcount", "level", "major"))
    if kind == "headcount":
        before = rng.randrange(20, 200, 10)
        after = before + rng.choice((-1, 1)) * rng.randrange(10, 60, 10)
        return ChangeTruth(cert, "headcount", rng.choice(LEVELS), before, max(after, 10))
    if kind == "level":
        before, after = rng.sample(LEVELS, 2)
        return ChangeTruth(cert, "level", before, before, after)
    before, after = rng.sample(MAJORS, 2)
    return ChangeTruth(cert, "major", rng.choice(LEVELS), before, after)


def _approval(rng: random.Random, labels: tuple[str, ...], signature: SignatureKind | None) -> ApprovalTruth:
    opinion = rng.choice(AFFIRMATIVE) if rng.random() < 0.85 else rng.choice(NEGATIVE)
    kind = signature or rng.choices(("hand", "image", "typed", "blank"), (6, 2, 1, 1))[0]
    return ApprovalTruth(
        label=rng.choice(labels),
        opinion=opinion,
        signature=kind,
        signer=rng.choice(PERSON_NAMES),
        sign_label=rng.choice(("签字", "签字", "签名")),
    )


def random_truth(rng: random.Random, variety: random.Random | None = None, **overrides: object) -> Truth:
    """Draw a plausible request; `overrides` set any Truth field (e.g. seal=False).

    With `variety`, a second generator also draws the less common presentations
    (more layouts and fonts, unruled tables, prose styles, annexes, born-digital PDFs);
    drawing them from their own generator keeps every classic seed's page unchanged.
    """
    school = rng.choice(SCHOOLS)
    certs = rng.sample(CERTIFICATES, rng.randint(1, 3))
    truth = Truth(
        school=school,
        applicant_unit=school,
        changes=[_change(rng, c) for c in certs],
        seal=rng.random() < 0.85,
        seal_text=school,
        seal_colour="red",
        department=_approval(rng, DEPT_LABELS, None),
        leader=_approval(rng, LEADER_LABELS, None),
        layout=rng.choice(("table_a", "table_b", "prose", "prose_and_table")),
        block=rng.choice(("lines", "lines", "table")),
        date=f"2024年3月{rng.randint(2, 19)}日",
    )
    if variety is not None:
        _vary(truth, variety)
    for key, value in overrides.items():
        if not hasattr(truth, key):
            raise AttributeError(f"Truth has no field {key!r}")
        setattr(truth, key, value)
    if "changes" not in overrides:
        _fit_changes(truth, variety or rng)
    return truth


FONT_KEYS = ("serif", "sans", "wqy", "microhei", "uming")


def _vary(truth: Truth, rng: random.Random) -> None:
    """Presentation as schools vary it: layout, face, rules, prose style, numbering, annex, medium."""
    truth.layout = rng.choice(("table_a", "table_b", "table_c", "table_wide", "prose", "prose_and_table"))
    truth.font = rng.choice(FONT_KEYS)
    truth.ruling = rng.choices(("grid", "three_line", "none"), (3, 1, 1))[0]
    truth.prose_style = rng.choice(("jiang", "ni", "zhi", "bare"))
    truth.numbering = rng.choice(("arabic", "chinese", "paren"))
    truth.annex = (
        rng.choices(("none", "page", "attachment"), (4, 1, 1))[0] if truth.layout != "prose" else "none"
    )
    truth.digital = rng.random() < 0.15


def _fit_changes(truth: Truth, rng: random.Random) -> None:
    """Only what the layout can state: a headcount table holds headcounts; 调增至 gives no old value."""
    if truth.layout == "table_wide":
        truth.changes = [_headcount_change(rng, c.certificate) for c in truth.changes]
    elif truth.layout == "prose" and truth.prose_style == "zhi":  # a table beside it would state it
        for change in truth.changes:
            if change.field == "headcount":
                change.from_value = None  # 调增至120人 states only the new value


def _headcount_change(rng: random.Random, cert: str) -> ChangeTruth:
    before = rng.randrange(20, 200, 10)
    after = max(10, before + rng.choice((-1, 1)) * rng.randrange(10, 60, 10))
    return ChangeTruth(cert, "headcount", rng.choice(LEVELS), before, after)
