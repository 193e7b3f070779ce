"""The generator's own registry: twelve fictional Jiangsu schools and their declarations.

Fixed (not seeded) so that every corpus drawn from it shares one registry file pair, written in the
column format of `examples/registry/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.registry_csv import write_registry_csv

# Real 1+X certificate names and the collaboration group (协作组) of the notice each belongs to.
CERTIFICATE_GROUPS: dict[str, str] = {
    "物流管理": "电商物流类协作组",
    "电子商务数据分析": "电商物流类协作组",
    "网店运营推广": "电商物流类协作组",
    "智能财税": "金融财税类协作组",
    "大数据财务分析": "金融财税类协作组",
    "财务共享服务": "金融财税类协作组",
    "业财一体信息化应用": "金融财税类协作组",
    "Web前端开发": "计算机与软件类协作组",
    "云计算平台运维与开发": "计算机与软件类协作组",
    "大数据应用开发（Python）": "计算机与软件类协作组",
    "网络系统建设与运维": "电子信息及网络与通信类协作组",
    "建筑信息模型（BIM）": "土木建筑类协作组",
    "工业机器人操作与运维": "机电设备和自动化类协作组",
    "工业机器人应用编程": "机电设备和自动化类协作组",
    "数控车铣加工": "机械设计制造类协作组",
    "汽车运用与维修": "道路运输类协作组",
    "老年照护": "卫生与公共服务类协作组",
    "研学旅行策划与管理": "旅游类协作组",
}

# Majors of the 2021 catalogue with their codes, per school type.
MAJOR_CODES: dict[str, str] = {
    # 高职专科
    "大数据与会计": "530302", "会计信息管理": "530303", "大数据与财务管理": "530301",
    "现代物流管理": "530802", "电子商务": "530701", "跨境电子商务": "530702",
    "商务数据分析与应用": "530706", "软件技术": "510203", "计算机应用技术": "510201",
    "云计算技术应用": "510206", "大数据技术": "510205", "计算机网络技术": "510202",
    "工业机器人技术": "460305", "机电一体化技术": "460301", "建筑工程技术": "440301",
    "工程造价": "440501", "汽车检测与维修技术": "500211", "智慧健康养老服务与管理": "590302",
    "旅游管理": "540101", "数控技术": "460103",
    # 中职
    "会计事务": "730301", "电子商务（中职）": "730701", "物流服务与管理": "730801",
    "计算机应用": "710201", "计算机网络技术（中职）": "710202", "软件与信息服务": "710203",
    "网站建设与管理": "710205", "工业机器人技术应用": "660303", "数控技术应用": "660103",
    "建筑工程施工": "640301", "汽车运用与维修": "700206", "老年人服务与管理": "790301",
    "旅游服务与管理": "740101",
    # 本科
    "会计学": "120203K", "财务管理": "120204", "物流管理": "120601", "电子商务（本科）": "120801",
    "计算机科学与技术": "080901", "软件工程": "080902", "土木工程": "081001", "工程管理": "120103",
    "机器人工程": "080803T", "数据科学与大数据技术": "080910T", "机械设计制造及其自动化": "080202",
}


def major_name(key: str) -> str:
    """The written name of a catalogue key: keys carry a （中职）/（本科） tag only to stay unique."""
    return key.split("（")[0]


@dataclass(frozen=True)
class School:
    name: str
    kind: str  # 中职 | 高职 | 本科
    city: str
    aliases: tuple[str, ...]
    emails: tuple[str, ...]
    majors: tuple[str, ...]  # 招生专业, catalogue keys
    spare_majors: tuple[str, ...]  # majors of the same catalogue the school does NOT enrol

    @property
    def domain(self) -> str:
        return self.emails[0].split("@")[1]


@dataclass(frozen=True)
class Declaration:
    application_id: str
    school: str
    certificate: str
    level: str
    major: str  # catalogue key
    headcount: int
    capacity: int  # 可参与专业在校生数

    @property
    def group(self) -> str:
        return CERTIFICATE_GROUPS[self.certificate]


def _school(name: str, kind: str, city: str, aliases: str, emails: str, majors: str, spare: str) -> School:
    split = lambda text: tuple(part for part in text.split("；") if part)  # noqa: E731
    return School(name, kind, city, split(aliases), split(emails), split(majors), split(spare))


SCHOOLS: tuple[School, ...] = (
    _school("南京润泽职业技术学院", "高职", "南京市", "润泽职院", "jwc@rzvtc.edu.cn；1x@rzvtc.edu.cn",
            "大数据与会计；会计信息管理；现代物流管理；电子商务；软件技术", "跨境电子商务；工程造价；旅游管理"),
    _school("苏州东吴财经职业学院", "高职", "苏州市", "东吴财院；东吴财经", "zsb@dwcj.edu.cn",
            "大数据与财务管理；大数据与会计；电子商务；商务数据分析与应用；现代物流管理",
            "会计信息管理；计算机网络技术；云计算技术应用"),
    _school("无锡太湖科技中等专业学校", "中职", "无锡市", "太湖科技中专", "jwc@thkjzz.cn",
            "数控技术应用；工业机器人技术应用；计算机应用；汽车运用与维修", "会计事务；物流服务与管理"),
    _school("常州龙城商贸中等专业学校", "中职", "常州市", "龙城商贸", "jiaowu@lcsmzz.cn",
            "会计事务；电子商务（中职）；物流服务与管理；网站建设与管理", "计算机应用；旅游服务与管理"),
    _school("南通滨江职业技术学院", "高职", "南通市", "滨江职院", "1x@ntbjvc.edu.cn；zhaoli@ntbjvc.edu.cn",
            "建筑工程技术；工程造价；机电一体化技术；工业机器人技术；计算机网络技术",
            "软件技术；大数据与会计"),
    _school("扬州广陵中等专业学校", "中职", "扬州市", "广陵中专", "glzz_jwc@163.com",
            "计算机应用；软件与信息服务；旅游服务与管理；老年人服务与管理；会计事务",
            "数控技术应用；建筑工程施工"),
    _school("徐州淮海理工学院", "本科", "徐州市", "淮海理工", "jwc@hhlg.edu.cn",
            "会计学；财务管理；物流管理；计算机科学与技术；软件工程；机器人工程",
            "土木工程；数据科学与大数据技术"),
    _school("盐城瀚海职业技术学院", "高职", "盐城市", "瀚海职院", "1xbgs@ychhvc.edu.cn",
            "智慧健康养老服务与管理；旅游管理；大数据技术；云计算技术应用；计算机应用技术",
            "电子商务；现代物流管理"),
    _school("淮安清江中等专业学校", "中职", "淮安市", "清江中专", "qjzz@hazj.net",
            "汽车运用与维修；计算机网络技术（中职）；电子商务（中职）；建筑工程施工", "会计事务；计算机应用"),
    _school("泰州凤城中等专业学校", "中职", "泰州市", "凤城中专；泰州凤城中专", "fczz_jw@126.com",
            "会计事务；计算机应用；物流服务与管理；数控技术应用", "电子商务（中职）；汽车运用与维修"),
    _school("镇江金山应用技术学院", "本科", "镇江市", "金山学院", "jwc@jsyy.edu.cn；1x@jsyy.edu.cn",
            "土木工程；工程管理；机械设计制造及其自动化；数据科学与大数据技术；会计学",
            "软件工程；物流管理"),
    _school("宿迁运河职业技术学院", "高职", "宿迁市", "运河职院", "jwc@sqyhvc.edu.cn",
            "电子商务；跨境电子商务；现代物流管理；汽车检测与维修技术；软件技术",
            "大数据与会计；机电一体化技术"),
)

# (school index, certificate, level, major key, headcount, capacity); ids are numbered in order.
_DECLARATIONS: tuple[tuple[int, str, str, str, int, int], ...] = (
    (0, "智能财税", "初级", "大数据与会计", 80, 160), (0, "智能财税", "中级", "会计信息管理", 45, 90),
    (0, "物流管理", "中级", "现代物流管理", 60, 110), (0, "Web前端开发", "初级", "软件技术", 50, 130),
    (0, "大数据财务分析", "中级", "大数据与会计", 40, 160),
    (1, "大数据财务分析", "初级", "大数据与财务管理", 70, 150), (1, "财务共享服务", "中级", "大数据与会计", 55, 120),
    (1, "电子商务数据分析", "中级", "商务数据分析与应用", 40, 75), (1, "网店运营推广", "初级", "电子商务", 90, 140),
    (1, "物流管理", "初级", "现代物流管理", 35, 60),
    (2, "数控车铣加工", "初级", "数控技术应用", 60, 120), (2, "工业机器人操作与运维", "初级", "工业机器人技术应用", 40, 70),
    (2, "Web前端开发", "初级", "计算机应用", 45, 95), (2, "汽车运用与维修", "初级", "汽车运用与维修", 50, 85),
    (3, "智能财税", "初级", "会计事务", 60, 100), (3, "网店运营推广", "初级", "电子商务（中职）", 75, 130),
    (3, "物流管理", "初级", "物流服务与管理", 40, 65), (3, "Web前端开发", "初级", "网站建设与管理", 30, 55),
    (4, "建筑信息模型（BIM）", "初级", "建筑工程技术", 90, 180), (4, "建筑信息模型（BIM）", "中级", "工程造价", 40, 110),
    (4, "工业机器人操作与运维", "中级", "工业机器人技术", 50, 100),
    (4, "工业机器人应用编程", "中级", "机电一体化技术", 60, 140), (4, "网络系统建设与运维", "初级", "计算机网络技术", 45, 80),
    (5, "Web前端开发", "初级", "计算机应用", 70, 150), (5, "研学旅行策划与管理", "初级", "旅游服务与管理", 30, 60),
    (5, "老年照护", "初级", "老年人服务与管理", 40, 70), (5, "智能财税", "初级", "会计事务", 50, 90),
    (6, "智能财税", "中级", "会计学", 100, 240), (6, "大数据财务分析", "高级", "财务管理", 60, 180),
    (6, "物流管理", "高级", "物流管理", 45, 90), (6, "Web前端开发", "中级", "软件工程", 80, 200),
    (6, "工业机器人应用编程", "高级", "机器人工程", 30, 60),
    (7, "老年照护", "中级", "智慧健康养老服务与管理", 80, 150), (7, "研学旅行策划与管理", "中级", "旅游管理", 40, 85),
    (7, "大数据应用开发（Python）", "中级", "大数据技术", 50, 90), (7, "云计算平台运维与开发", "初级", "云计算技术应用", 60, 100),
    (7, "云计算平台运维与开发", "中级", "计算机应用技术", 30, 120),
    (8, "汽车运用与维修", "初级", "汽车运用与维修", 80, 160), (8, "网络系统建设与运维", "初级", "计算机网络技术（中职）", 40, 70),
    (8, "电子商务数据分析", "初级", "电子商务（中职）", 50, 100), (8, "建筑信息模型（BIM）", "初级", "建筑工程施工", 35, 60),
    (9, "智能财税", "初级", "会计事务", 90, 180), (9, "Web前端开发", "初级", "计算机应用", 60, 110),
    (9, "物流管理", "初级", "物流服务与管理", 45, 80), (9, "数控车铣加工", "初级", "数控技术应用", 40, 75),
    (10, "建筑信息模型（BIM）", "中级", "土木工程", 120, 260), (10, "建筑信息模型（BIM）", "高级", "工程管理", 40, 120),
    (10, "工业机器人操作与运维", "中级", "机械设计制造及其自动化", 60, 150),
    (10, "大数据应用开发（Python）", "中级", "数据科学与大数据技术", 50, 95), (10, "业财一体信息化应用", "中级", "会计学", 70, 140),
    (11, "网店运营推广", "中级", "电子商务", 100, 200), (11, "电子商务数据分析", "初级", "跨境电子商务", 45, 90),
    (11, "物流管理", "中级", "现代物流管理", 80, 130), (11, "汽车运用与维修", "中级", "汽车检测与维修技术", 50, 75),
    (11, "Web前端开发", "中级", "软件技术", 60, 120),
)

DECLARATIONS: tuple[Declaration, ...] = tuple(
    Declaration(f"JS2024-{1200 + 37 * index:05d}", SCHOOLS[school].name, cert, level, major, count, capacity)
    for index, (school, cert, level, major, count, capacity) in enumerate(_DECLARATIONS))


def declarations_of(school: School) -> list[Declaration]:
    return [item for item in DECLARATIONS if item.school == school.name]


def write_registry(directory: Path) -> None:
    """Write `schools.csv` and `applications.csv` (UTF-8 with BOM, as the platform exports)."""
    write_registry_csv(
        directory,
        ([s.name, s.kind, s.city, "；".join(s.aliases), "；".join(s.emails), "；".join(major_name(m) for m in s.majors)]
         for s in SCHOOLS),
        ([d.application_id, d.school, d.certificate, d.level, major_name(d.major), MAJOR_CODES[d.major], d.headcount,
          d.capacity, d.group] for d in DECLARATIONS),
    )
