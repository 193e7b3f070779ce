"""deskgen's registry: ten fictional Jiangsu schools (高职, 中职, one 本科) with short names, 招生专业 lists
and their 2024 certificate declarations, written as the platform's two CSV exports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.registry_csv import write_registry_csv


@dataclass(frozen=True)
class School:
    name: str
    kind: str  # 中职 / 高职 / 本科
    city: str
    aliases: tuple[str, ...]
    email: str
    majors: tuple[tuple[str, str], ...]  # (code, name) the school enrols

    @property
    def major_names(self) -> tuple[str, ...]:
        return tuple(name for _, name in self.majors)


@dataclass(frozen=True)
class Declaration:
    application_id: str
    school: str
    certificate: str
    level: str
    major_code: str
    major: str
    headcount: int
    enrolled: int  # 可参与专业在校生数
    group: str


GROUP = {
    "智能财税": "金融财税类协作组", "业财一体信息化应用": "金融财税类协作组", "财务数字化应用": "金融财税类协作组",
    "物流管理": "电商物流类协作组", "网店运营推广": "电商物流类协作组", "数字营销技术应用": "电商物流类协作组",
    "电子商务数据分析": "电商物流类协作组", "建筑信息模型（BIM）": "土木建筑类协作组",
    "Web前端开发": "计算机与软件类协作组", "云计算平台运维与开发": "计算机与软件类协作组",
    "工业机器人操作与运维": "机电设备和自动化类协作组", "老年照护": "卫生与公共服务类协作组",
    "母婴护理": "卫生与公共服务类协作组", "失智老年人照护": "卫生与公共服务类协作组",
}

# Real 1+X certificates no school below declares: a request naming one links to nothing.
UNDECLARED = ("智能估值数据采集与应用", "社群营销", "数据采集", "餐饮管理运行", "幼儿照护")

_HIGHER = {
    "大数据与会计": "530302", "大数据与财务管理": "530301", "大数据与审计": "530303", "会计信息管理": "530304",
    "电子商务": "530701", "跨境电子商务": "530702", "网络营销与直播电商": "530704", "现代物流管理": "530802",
    "计算机应用技术": "510201", "计算机网络技术": "510202", "软件技术": "510203", "大数据技术": "510205",
    "云计算技术应用": "510206", "建筑工程技术": "440301", "工程造价": "440501", "建设工程管理": "440502",
    "建筑设计": "440101", "工业机器人技术": "460305", "机电一体化技术": "460301", "电气自动化技术": "460306",
    "智慧健康养老服务与管理": "590302", "婴幼儿托育服务与管理": "590303", "护理": "520201", "助产": "520202",
    "市场营销": "530605",
}
_SECONDARY = {
    "会计事务": "730301", "电子商务": "730701", "物流服务与管理": "730801", "计算机应用": "710201",
    "计算机网络技术": "710202", "软件与信息服务": "710204", "机电技术应用": "660301",
    "工业机器人技术应用": "660303", "护理": "720201", "智慧健康养老服务": "790301", "建筑工程施工": "640301",
    "市场营销": "730601", "网站建设与管理": "710203", "电子商务运营": "730703",
}


def _majors(kind: str, names: str) -> tuple[tuple[str, str], ...]:
    table = _SECONDARY if kind == "中职" else _HIGHER
    return tuple((table[name], name) for name in names.split())


def _school(name: str, kind: str, city: str, aliases: str, mail: str, majors: str) -> School:
    return School(name, kind, city, tuple(aliases.split()), mail, _majors(kind, majors))


SCHOOLS: tuple[School, ...] = (
    _school("江苏云港财经职业技术学院", "高职", "连云港市", "云港财经 云港财院", "jwc@ygcj.edu.cn",
            "大数据与会计 大数据与财务管理 大数据与审计 会计信息管理 电子商务 现代物流管理 市场营销"),
    _school("苏州枫桥经贸职业技术学院", "高职", "苏州市", "枫桥经贸 枫桥职院", "1xzs@fqjm.edu.cn",
            "电子商务 跨境电子商务 网络营销与直播电商 现代物流管理 大数据与会计 市场营销"),
    _school("南京江宁城建职业技术学院", "高职", "南京市", "江宁城建", "jwc_jncj@163.com",
            "建筑工程技术 工程造价 建设工程管理 建筑设计 计算机应用技术"),
    _school("常州龙城智能制造职业学院", "高职", "常州市", "龙城智造 龙城智能制造学院", "lczz_jwc@126.com",
            "工业机器人技术 机电一体化技术 电气自动化技术 软件技术 大数据技术 云计算技术应用"),
    _school("无锡太湖健康职业技术学院", "高职", "无锡市", "太湖健康 太湖健康职院", "thjk1x@163.com",
            "护理 助产 智慧健康养老服务与管理 婴幼儿托育服务与管理"),
    _school("南通滨江中等专业学校", "中职", "南通市", "滨江中专", "bjzz_jwc@163.com",
            "会计事务 电子商务 物流服务与管理 计算机应用 机电技术应用 市场营销"),
    _school("扬州广陵商贸中等专业学校", "中职", "扬州市", "广陵商贸 广陵商贸中专", "glsm@yzedu.cn",
            "会计事务 电子商务 电子商务运营 物流服务与管理 市场营销"),
    _school("淮安清河职业教育中心校", "中职", "淮安市", "清河职教中心 清河职教", "qhzj1x@126.com",
            "护理 智慧健康养老服务 计算机应用 网站建设与管理 建筑工程施工 工业机器人技术应用"),
    _school("盐城黄海信息工程学校", "中职", "盐城市", "黄海信息", "hhxx_jwc@163.com",
            "计算机应用 计算机网络技术 软件与信息服务 网站建设与管理 电子商务"),
    _school("宿迁楚苑商贸职业技术学院", "高职", "宿迁市", "楚苑商贸", "cysm_1x@163.com",
            "大数据与会计 会计信息管理 电子商务 现代物流管理 计算机应用技术 软件技术"),
)

# (school index, certificate, level, major, headcount, enrolled)
_DECLARED: tuple[tuple[int, str, str, str, int, int], ...] = (
    (0, "智能财税", "初级", "大数据与会计", 120, 310), (0, "智能财税", "中级", "大数据与会计", 80, 310),
    (0, "业财一体信息化应用", "中级", "大数据与财务管理", 60, 145), (0, "物流管理", "中级", "现代物流管理", 45, 98),
    (0, "网店运营推广", "初级", "电子商务", 50, 132),
    (1, "网店运营推广", "中级", "电子商务", 90, 176), (1, "数字营销技术应用", "中级", "网络营销与直播电商", 55, 120),
    (1, "物流管理", "初级", "现代物流管理", 70, 150), (1, "电子商务数据分析", "中级", "跨境电子商务", 40, 88),
    (1, "智能财税", "初级", "大数据与会计", 60, 140),
    (2, "建筑信息模型（BIM）", "初级", "建筑工程技术", 150, 360),
    (2, "建筑信息模型（BIM）", "中级", "工程造价", 60, 210), (2, "Web前端开发", "初级", "计算机应用技术", 40, 95),
    (3, "工业机器人操作与运维", "中级", "工业机器人技术", 80, 165),
    (3, "工业机器人操作与运维", "初级", "机电一体化技术", 100, 240), (3, "Web前端开发", "中级", "软件技术", 60, 130),
    (3, "云计算平台运维与开发", "中级", "云计算技术应用", 45, 90),
    (4, "老年照护", "中级", "智慧健康养老服务与管理", 70, 150), (4, "母婴护理", "初级", "助产", 50, 110),
    (4, "母婴护理", "中级", "护理", 90, 420), (4, "失智老年人照护", "初级", "护理", 60, 420),
    (5, "智能财税", "初级", "会计事务", 80, 170), (5, "网店运营推广", "初级", "电子商务", 60, 125),
    (5, "物流管理", "初级", "物流服务与管理", 40, 86), (5, "工业机器人操作与运维", "初级", "机电技术应用", 35, 72),
    (6, "业财一体信息化应用", "初级", "会计事务", 50, 118), (6, "网店运营推广", "初级", "电子商务运营", 45, 96),
    (6, "数字营销技术应用", "初级", "市场营销", 40, 80), (6, "物流管理", "初级", "物流服务与管理", 30, 64),
    (7, "老年照护", "初级", "智慧健康养老服务", 60, 130), (7, "Web前端开发", "初级", "网站建设与管理", 45, 92),
    (7, "建筑信息模型（BIM）", "初级", "建筑工程施工", 40, 85),
    (8, "Web前端开发", "初级", "网站建设与管理", 70, 140), (8, "Web前端开发", "中级", "软件与信息服务", 40, 90),
    (8, "网店运营推广", "初级", "电子商务", 50, 105), (8, "云计算平台运维与开发", "初级", "计算机网络技术", 40, 88),
    (9, "智能财税", "中级", "大数据与会计", 100, 260), (9, "业财一体信息化应用", "初级", "会计信息管理", 50, 115),
    (9, "物流管理", "中级", "现代物流管理", 40, 90), (9, "Web前端开发", "初级", "软件技术", 60, 150),
)


def _declarations() -> tuple[Declaration, ...]:
    out = []
    for number, (school_index, certificate, level, major, headcount, enrolled) in enumerate(_DECLARED, start=1):
        school = SCHOOLS[school_index]
        code = dict((name, code) for code, name in school.majors)[major]
        out.append(Declaration(f"JS2024-{31000 + number * 7:05d}", school.name, certificate, level, code, major,
                               headcount, enrolled, GROUP[certificate]))
    return tuple(out)


DECLARATIONS: tuple[Declaration, ...] = _declarations()


def declarations_of(school: School) -> list[Declaration]:
    return [d for d in DECLARATIONS if d.school == school.name]


def major_code(school: School, major: str) -> str:
    return dict((name, code) for code, name in school.majors).get(major) or \
        (_SECONDARY if school.kind == "中职" else _HIGHER).get(major, "")


def other_major(school: School) -> tuple[str, str]:
    """A real major of the school's level of the catalogue that the school does not enrol."""
    table = _SECONDARY if school.kind == "中职" else _HIGHER
    for name, code in sorted(table.items()):
        if name not in school.major_names:
            return code, name
    raise AssertionError(school.name)


def write_registry(directory: Path) -> None:
    schools = [(s.name, s.kind, s.city, "；".join(s.aliases), s.email, "；".join(s.major_names)) for s in SCHOOLS]
    applications = [(d.application_id, d.school, d.certificate, d.level, d.major, d.major_code, d.headcount,
                     d.enrolled, d.group) for d in DECLARATIONS]
    write_registry_csv(directory, schools, applications)
