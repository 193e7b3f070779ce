"""inboxgen's registry: nine fictional Jiangsu schools (中职, 高职, one 本科) with aliases, 招生专业 and their
2024 certificate declarations, written as the national platform's two CSV exports.

Each school declares a (certificate, level) at most once, so a change that states its level links to
exactly one declaration."""

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
    majors: tuple[tuple[str, str], ...]  # (catalogue code, name)
    short: str  # what the school calls itself in a 红头 and on 文号

    @property
    def major_names(self) -> tuple[str, ...]:
        return tuple(name for _, name in self.majors)

    def code_of(self, major: str) -> str:
        return dict((n, c) for c, n in self.majors).get(major) or CATALOGUE[self.kind].get(major, "")


@dataclass(frozen=True)
class Declaration:
    application_id: str
    school: str
    certificate: str
    level: str
    major: str
    major_code: str
    headcount: int
    enrolled: int
    group: str


CATALOGUE: dict[str, dict[str, str]] = {
    "高职": {
        "大数据与会计": "530302", "大数据与财务管理": "530301", "会计信息管理": "530304", "金融服务与管理": "530201",
        "电子商务": "530701", "跨境电子商务": "530702", "现代物流管理": "530802", "市场营销": "530605",
        "计算机网络技术": "510202", "软件技术": "510203", "大数据技术": "510205", "云计算技术应用": "510206",
        "物联网应用技术": "510102", "建筑工程技术": "440301", "工程造价": "440501", "智能建造技术": "440302",
        "新能源汽车技术": "460702", "汽车检测与维修技术": "500211", "工业机器人技术": "460305",
        "电气自动化技术": "460306", "护理": "520201", "智慧健康养老服务与管理": "590302",
        "婴幼儿托育服务与管理": "590303", "酒店管理与数字化运营": "540106", "烹饪工艺与营养": "540202",
    },
    "中职": {
        "会计事务": "730301", "电子商务": "730701", "物流服务与管理": "730801", "计算机应用": "710201",
        "计算机网络技术": "710202", "网站建设与管理": "710203", "汽车运用与维修": "700206",
        "新能源汽车运用与维修": "700209", "机电技术应用": "660301", "工业机器人技术应用": "660303",
        "幼儿保育": "770101", "护理": "720201", "高星级饭店运营与管理": "740104", "中餐烹饪": "740201",
        "市场营销": "730601",
    },
    "本科": {
        "会计学": "120203K", "财务管理": "120204", "电子商务": "120801", "物流管理": "120601",
        "计算机科学与技术": "080901", "软件工程": "080902", "数据科学与大数据技术": "080910T",
        "土木工程": "081001", "工程造价": "120105", "市场营销": "120202", "网络工程": "080903",
        "工程管理": "120103",
    },
}

GROUP = {
    "智能财税": "金融财税类协作组", "业财一体信息化应用": "金融财税类协作组", "财务共享服务": "金融财税类协作组",
    "物流管理": "电商物流类协作组", "网店运营推广": "电商物流类协作组", "电子商务数据分析": "电商物流类协作组",
    "跨境电商B2B数据运营": "电商物流类协作组", "Web前端开发": "计算机与软件类协作组",
    "大数据应用开发（Python）": "计算机与软件类协作组", "云计算平台运维与开发": "计算机与软件类协作组",
    "物联网工程实施与运维": "电子信息及网络与通信类协作组", "建筑信息模型（BIM）": "土木建筑类协作组",
    "建筑工程识图": "土木建筑类协作组", "汽车运用与维修": "道路运输类协作组",
    "智能新能源汽车": "道路运输类协作组", "工业机器人应用编程": "机电设备和自动化类协作组",
    "老年照护": "卫生与公共服务类协作组", "幼儿照护": "卫生与公共服务类协作组",
    "母婴护理": "卫生与公共服务类协作组", "餐饮服务管理": "旅游类协作组", "酒店运营管理": "旅游类协作组",
}

# Real 1+X certificates none of the schools below declares: a change naming one links to nothing.
UNDECLARED = ("数字营销技术应用", "界面设计", "传感网应用开发", "无人机驾驶", "新媒体技术")


def _school(name, kind, city, aliases, email, majors, short) -> School:
    table = CATALOGUE[kind]
    return School(name, kind, city, tuple(aliases.split()), email,
                  tuple((table[m], m) for m in majors.split()), short)


SCHOOLS: tuple[School, ...] = (
    _school("江苏运河经贸职业技术学院", "高职", "淮安市", "运河经贸 运河经贸职院", "zsb@yhjm.edu.cn",
            "大数据与会计 大数据与财务管理 会计信息管理 电子商务 跨境电子商务 现代物流管理 市场营销", "运河经贸"),
    _school("苏州金鸡湖信息职业技术学院", "高职", "苏州市", "金鸡湖信息 金鸡湖职院", "1x@jjhxx.edu.cn",
            "计算机网络技术 软件技术 大数据技术 云计算技术应用 物联网应用技术 电子商务", "金鸡湖信息"),
    _school("徐州彭城建设职业技术学院", "高职", "徐州市", "彭城建设", "pcjs_jwc@126.com",
            "建筑工程技术 工程造价 智能建造技术 计算机网络技术", "彭城建院"),
    _school("镇江北固汽车职业技术学院", "高职", "镇江市", "北固汽车 北固汽院", "bgqc1x@163.com",
            "新能源汽车技术 汽车检测与维修技术 工业机器人技术 电气自动化技术", "北固汽院"),
    _school("泰州凤城健康职业学院", "高职", "泰州市", "凤城健康", "fcjk_1x@163.com",
            "护理 智慧健康养老服务与管理 婴幼儿托育服务与管理 酒店管理与数字化运营 烹饪工艺与营养", "凤城健康"),
    _school("南京秦淮商贸中等专业学校", "中职", "南京市", "秦淮商贸中专 秦淮商贸", "qhsm_jwc@163.com",
            "会计事务 电子商务 物流服务与管理 市场营销 高星级饭店运营与管理 中餐烹饪", "秦淮商贸"),
    _school("无锡梁溪交通中等专业学校", "中职", "无锡市", "梁溪交通 梁溪交通中专", "lxjt1x@126.com",
            "汽车运用与维修 新能源汽车运用与维修 机电技术应用 工业机器人技术应用 计算机应用", "梁溪交通"),
    _school("宿迁骆马湖职业教育中心校", "中职", "宿迁市", "骆马湖职教中心", "lmhzj@sqedu.cn",
            "计算机应用 计算机网络技术 网站建设与管理 幼儿保育 护理 电子商务", "骆马湖职教"),
    _school("江苏滨海应用技术学院", "本科", "盐城市", "滨海应用技术学院 滨海技院", "jwc@bhyy.edu.cn",
            "会计学 财务管理 电子商务 物流管理 计算机科学与技术 软件工程 数据科学与大数据技术 土木工程 工程造价",
            "滨海技院"),
)

# (school index, certificate, level, major, 申报人数, 可参与专业在校生数)
_DECLARED = (
    (0, "智能财税", "初级", "大数据与会计", 150, 380), (0, "智能财税", "中级", "大数据与会计", 90, 380),
    (0, "业财一体信息化应用", "中级", "大数据与财务管理", 60, 140), (0, "物流管理", "初级", "现代物流管理", 80, 165),
    (0, "跨境电商B2B数据运营", "初级", "跨境电子商务", 45, 96),
    (1, "Web前端开发", "初级", "软件技术", 120, 260), (1, "Web前端开发", "中级", "软件技术", 60, 260),
    (1, "大数据应用开发（Python）", "中级", "大数据技术", 50, 118), (1, "云计算平台运维与开发", "初级", "云计算技术应用", 70, 150),
    (1, "物联网工程实施与运维", "中级", "物联网应用技术", 40, 85),
    (2, "建筑信息模型（BIM）", "初级", "建筑工程技术", 160, 340), (2, "建筑信息模型（BIM）", "中级", "工程造价", 70, 220),
    (2, "建筑工程识图", "初级", "智能建造技术", 90, 175),
    (3, "智能新能源汽车", "中级", "新能源汽车技术", 80, 190), (3, "汽车运用与维修", "初级", "汽车检测与维修技术", 100, 210),
    (3, "工业机器人应用编程", "中级", "工业机器人技术", 55, 120),
    (4, "老年照护", "初级", "智慧健康养老服务与管理", 90, 180), (4, "老年照护", "中级", "护理", 60, 520),
    (4, "母婴护理", "初级", "护理", 100, 520), (4, "幼儿照护", "中级", "婴幼儿托育服务与管理", 45, 98),
    (4, "酒店运营管理", "初级", "酒店管理与数字化运营", 40, 88),
    (5, "智能财税", "初级", "会计事务", 70, 150), (5, "网店运营推广", "初级", "电子商务", 60, 132),
    (5, "物流管理", "初级", "物流服务与管理", 40, 82), (5, "餐饮服务管理", "初级", "中餐烹饪", 35, 76),
    (6, "汽车运用与维修", "初级", "汽车运用与维修", 90, 185), (6, "智能新能源汽车", "初级", "新能源汽车运用与维修", 50, 104),
    (6, "工业机器人应用编程", "初级", "工业机器人技术应用", 40, 78),
    (7, "Web前端开发", "初级", "网站建设与管理", 60, 124), (7, "幼儿照护", "初级", "幼儿保育", 80, 160),
    (7, "网店运营推广", "初级", "电子商务", 45, 90), (7, "云计算平台运维与开发", "初级", "计算机网络技术", 30, 66),
    (8, "智能财税", "中级", "会计学", 100, 240), (8, "财务共享服务", "中级", "财务管理", 60, 150),
    (8, "电子商务数据分析", "中级", "电子商务", 50, 110), (8, "大数据应用开发（Python）", "高级", "数据科学与大数据技术", 40, 95),
    (8, "建筑信息模型（BIM）", "中级", "土木工程", 70, 180),
)


def _declarations() -> tuple[Declaration, ...]:
    out = []
    for number, (index, certificate, level, major, headcount, enrolled) in enumerate(_DECLARED, start=1):
        school = SCHOOLS[index]
        out.append(Declaration(f"JS2024-{52000 + number * 13:05d}", school.name, certificate, level, major,
                               school.code_of(major), headcount, enrolled, GROUP[certificate]))
    return tuple(out)


DECLARATIONS: tuple[Declaration, ...] = _declarations()


def declarations_of(school: School) -> list[Declaration]:
    return [d for d in DECLARATIONS if d.school == school.name]


def majors_not_offered(school: School) -> list[str]:
    """Catalogue majors of the school's level that the school does not enrol."""
    return sorted(m for m in CATALOGUE[school.kind] if m not in school.major_names)


def write_registry(directory: Path) -> None:
    schools = [(s.name, s.kind, s.city, "；".join(s.aliases), s.email, "；".join(s.major_names)) for s in SCHOOLS]
    applications = [(d.application_id, d.school, d.certificate, d.level, d.major, d.major_code, d.headcount,
                     d.enrolled, d.group) for d in DECLARATIONS]
    write_registry_csv(directory, schools, applications)
