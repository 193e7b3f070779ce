"""kindgen's own registry: ten Jiangsu schools, their 招生专业 and their 2024 declarations."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from tests.registry_csv import write_registry_csv

LEVELS = ("初级", "中级", "高级")

# major name → catalogue code (职业教育专业目录 2021)
MAJORS = {
    "计算机应用技术": "510201", "软件技术": "510203", "大数据技术": "510205", "云计算技术应用": "510206",
    "信息安全技术应用": "510207", "计算机网络技术": "510202", "物联网应用技术": "510102",
    "大数据与会计": "530302", "财税大数据应用": "530301", "会计信息管理": "530304", "电子商务": "530701",
    "跨境电子商务": "530702", "网络营销与直播电商": "530703", "现代物流管理": "530802", "市场营销": "530605",
    "建筑工程技术": "440301", "工程造价": "440501", "建设工程管理": "440502", "工业机器人技术": "460305",
    "机电一体化技术": "460301", "电气自动化技术": "460306", "汽车检测与维修技术": "460702",
    "新能源汽车技术": "460701", "护理": "520201", "智慧健康养老服务与管理": "590302", "婴幼儿托育服务与管理": "590303",
    "数字媒体技术": "510204", "计算机应用": "710201", "会计事务": "730301",
    "物流服务与管理": "730801", "工业机器人技术应用": "660303", "汽车运用与维修": "700206", "幼儿保育": "770101",
    "建筑工程施工": "640301", "数字媒体技术应用": "710204",
}

# certificate → (majors it fits, collaboration group)
CERTS: dict[str, tuple[list[str], str]] = {
    "Web前端开发": (["软件技术", "计算机应用技术", "数字媒体技术", "计算机应用", "大数据技术"], "计算机与软件类协作组"),
    "云计算平台运维与开发": (["云计算技术应用", "计算机网络技术", "计算机应用技术", "大数据技术"], "计算机与软件类协作组"),
    "大数据应用开发（Python）": (["大数据技术", "软件技术", "计算机应用技术"], "计算机与软件类协作组"),
    "网络安全评估": (["信息安全技术应用", "计算机网络技术", "计算机应用技术"], "电子信息及网络与通信类协作组"),
    "传感网应用开发": (["物联网应用技术", "计算机网络技术", "计算机应用"], "电子信息及网络与通信类协作组"),
    "智能财税": (["大数据与会计", "财税大数据应用", "会计信息管理", "会计事务"], "金融财税类协作组"),
    "业财一体化信息化应用": (["大数据与会计", "会计信息管理", "财税大数据应用", "会计事务"], "金融财税类协作组"),
    "财务共享服务": (["大数据与会计", "会计信息管理", "会计事务"], "金融财税类协作组"),
    "物流管理": (["现代物流管理", "物流服务与管理", "电子商务", "跨境电子商务"], "电商物流类协作组"),
    "网店运营推广": (["电子商务", "网络营销与直播电商", "跨境电子商务", "市场营销"], "电商物流类协作组"),
    "电子商务数据分析": (["电子商务", "跨境电子商务", "市场营销", "网络营销与直播电商"], "电商物流类协作组"),
    "建筑信息模型（BIM）": (["建筑工程技术", "工程造价", "建设工程管理", "建筑工程施工"], "土木建筑类协作组"),
    "工业机器人应用编程": (["工业机器人技术", "机电一体化技术", "电气自动化技术", "工业机器人技术应用"], "机电设备和自动化类协作组"),
    "工业机器人操作与运维": (["工业机器人技术", "机电一体化技术", "工业机器人技术应用"], "机电设备和自动化类协作组"),
    "汽车运用与维修": (["汽车检测与维修技术", "新能源汽车技术", "汽车运用与维修"], "道路运输类协作组"),
    "老年照护": (["护理", "智慧健康养老服务与管理"], "卫生与公共服务类协作组"),
    "母婴护理": (["护理", "婴幼儿托育服务与管理"], "卫生与公共服务类协作组"),
    "幼儿照护": (["婴幼儿托育服务与管理", "幼儿保育", "护理"], "卫生与公共服务类协作组"),
    "界面设计": (["数字媒体技术", "软件技术", "数字媒体技术应用"], "计算机与软件类协作组"),
}


@dataclass
class Declaration:
    app_id: str
    certificate: str
    level: str
    major: str
    headcount: int
    enrolment: int

    @property
    def group(self) -> str:
        return CERTS[self.certificate][1]


@dataclass
class School:
    name: str
    kind: str
    city: str
    aliases: list[str]
    email: str
    majors: list[str]
    declarations: list[Declaration] = field(default_factory=list)

    def twice(self, cert: str) -> bool:
        return sum(d.certificate == cert for d in self.declarations) > 1

    def declared(self) -> set[str]:
        return {d.certificate for d in self.declarations}


SCHOOLS = [  # name, kind, city, aliases, email domain, majors
    ("常州机电职业技术学院", "高职", "常州市", ["常州机电"], "czmec.edu.cn",
     ["机电一体化技术", "工业机器人技术", "电气自动化技术", "计算机应用技术", "软件技术", "现代物流管理", "大数据与会计",
      "新能源汽车技术", "电子商务"]),
    ("南通科技职业学院", "高职", "南通市", ["南通科院"], "ntst.edu.cn",
     ["建筑工程技术", "工程造价", "计算机网络技术", "物联网应用技术", "大数据与会计", "电子商务", "跨境电子商务",
      "智慧健康养老服务与管理"]),
    ("扬州市职业大学", "高职", "扬州市", ["扬州职大"], "yzpc.edu.cn",
     ["护理", "婴幼儿托育服务与管理", "软件技术", "大数据技术", "数字媒体技术", "会计信息管理", "市场营销",
      "汽车检测与维修技术"]),
    ("江苏城市职业学院", "高职", "南京市", [], "jscu.edu.cn",
     ["计算机应用技术", "云计算技术应用", "信息安全技术应用", "大数据与会计", "财税大数据应用", "现代物流管理",
      "网络营销与直播电商", "建设工程管理"]),
    ("宿迁泽达职业技术学院", "高职", "宿迁市", ["泽达学院"], "zdxy.cn",
     ["电子商务", "网络营销与直播电商", "大数据与会计", "护理", "计算机应用技术", "工程造价", "机电一体化技术"]),
    ("连云港财经高等职业技术学校", "中职", "连云港市", ["连云港财经高职校"], "lygcj.net",
     ["会计事务", "物流服务与管理", "计算机应用", "大数据与会计", "电子商务"]),
    ("盐城机电高等职业技术学校", "中职", "盐城市", ["盐城机电高职校"], "ycjd.com",
     ["工业机器人技术应用", "汽车运用与维修", "计算机应用", "机电一体化技术", "工业机器人技术", "数字媒体技术应用"]),
    ("无锡市惠山中等专业学校", "中职", "无锡市", ["惠山中专"], "hszz.wx.edu.cn",
     ["计算机应用", "会计事务", "幼儿保育", "建筑工程施工", "汽车运用与维修", "数字媒体技术应用"]),
    ("徐州财经高等职业技术学校", "中职", "徐州市", ["徐州财经高职校"], "xzcj.net",
     ["会计事务", "大数据与会计", "物流服务与管理", "计算机应用", "幼儿保育"]),
    ("泰州机电高等职业技术学校", "中职", "泰州市", ["泰州机电"], "tzjd.net",
     ["工业机器人技术应用", "机电一体化技术", "计算机应用", "汽车运用与维修", "数字媒体技术应用", "工业机器人技术"]),
]


def options(cert: str) -> list[str]:
    return CERTS[cert][0]


def build_registry(seed: int = 20240301) -> list[School]:
    """Deterministic: every school declares 7–11 (certificate, level, major); the first declares one
    certificate at two levels."""
    rng = random.Random(seed)
    schools, serial = [], 17
    for si, (name, kind, city, aliases, domain, majors) in enumerate(SCHOOLS):
        school = School(name, kind, city, aliases, f"1x@{domain}", majors)
        fits = [c for c in CERTS if any(m in majors for m in options(c))]
        rng.shuffle(fits)
        for cert in fits[:rng.randint(7, 11)]:
            major = rng.choice([m for m in options(cert) if m in majors])
            level = rng.choice(["初级", "中级", "中级", "高级"]) if kind == "高职" else rng.choice(["初级", "初级", "中级"])
            enrol = rng.choice([60, 80, 90, 100, 120, 150, 180, 200, 240])
            head = rng.choice([v for v in range(20, enrol + 1, 5) if v <= enrol - 10])
            school.declarations.append(Declaration(f"JS2024-{serial:05d}", cert, level, major, head, enrol))
            serial += rng.randint(1, 9)
        if si == 0:  # one certificate declared at two levels
            first = school.declarations[0]
            other = "高级" if first.level != "高级" else "中级"
            school.declarations.insert(1, Declaration(f"JS2024-{serial:05d}", first.certificate, other, first.major,
                                                      rng.choice([30, 40, 45]), first.enrolment))
            serial += 3
        schools.append(school)
    return schools


def write_registry(directory: Path, schools: list[School]) -> None:
    rows = [(s.name, s.kind, s.city, "；".join(s.aliases), s.email, "；".join(s.majors))
            for s in schools]
    apps = [(d.app_id, s.name, d.certificate, d.level, d.major, MAJORS[d.major], d.headcount,
             d.enrolment, d.group) for s in schools for d in s.declarations]
    write_registry_csv(Path(directory), rows, apps)
