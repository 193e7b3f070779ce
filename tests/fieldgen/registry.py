"""fieldgen's own fictional registry: seven schools (中职/高职/本科) with catalogue-coded 招生专业, each declaring
two to four certificates of the real 1+X list at 初级/中级/高级."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tests.registry_csv import write_registry_csv


@dataclass(frozen=True)
class Declaration:
    app_id: str
    certificate: str
    level: str
    major: str
    code: str
    headcount: int
    enrolment: int
    group: str


@dataclass
class School:
    name: str
    kind: str
    city: str
    alias: str
    email: str
    domain: str
    majors: dict[str, str]  # name -> catalogue code
    declarations: list[Declaration] = field(default_factory=list)
    phone: str = ""


# (certificate, 协作组): names as the platform lists them.
CERTS: dict[str, str] = {
    "Web前端开发": "计算机与软件类协作组",
    "智能财税": "金融财税类协作组",
    "物流管理": "电商物流类协作组",
    "建筑信息模型（BIM）": "土木建筑类协作组",
    "工业机器人操作与运维": "机电设备和自动化类协作组",
    "网店运营推广": "电商物流类协作组",
    "老年照护": "卫生与公共服务类协作组",
    "幼儿照护": "卫生与公共服务类协作组",
    "大数据应用开发（Python）": "计算机与软件类协作组",
    "业财一体信息化应用": "金融财税类协作组",
    "数控车铣加工": "机械设计制造类协作组",
    "传感网应用开发": "电子信息及网络与通信类协作组",
    "汽车运用与维修": "道路运输类协作组",
    "界面设计": "文化艺术类协作组",
}

# Certificates no school of this registry declares (for the undeclared-certificate defect).
UNDECLARED = ["云计算平台运维与开发", "电子商务数据分析", "母婴护理", "财务共享服务", "无人机驾驶", "移动应用开发"]

# (name, kind, city, alias, domain, phone, majors, declarations as (certificate, level, major, headcount, enrolment))
_SCHOOLS = [
    ("淮州交通技师学院", "中职", "淮安市", "淮州交院", "hzjtjx.cn", "0517-83621450",
     {"汽车运用与维修": "700206", "计算机应用": "710201", "电子商务": "730701", "物流服务与管理": "730801"},
     [("汽车运用与维修", "初级", "汽车运用与维修", 60, 142), ("网店运营推广", "初级", "电子商务", 45, 96),
      ("物流管理", "初级", "物流服务与管理", 40, 88)]),
    ("江苏省溧城中等专业学校", "中职", "常州市", "溧城中专", "lczz.edu.cn", "0519-87261338",
     {"会计事务": "730302", "幼儿保育": "770101", "计算机应用": "710201", "数控技术应用": "660103"},
     [("幼儿照护", "初级", "幼儿保育", 80, 165), ("智能财税", "初级", "会计事务", 50, 118),
      ("Web前端开发", "初级", "计算机应用", 40, 74), ("数控车铣加工", "初级", "数控技术应用", 30, 61)]),
    ("苏北航运职业技术学院", "高职", "连云港市", "苏北航院", "sbhy.edu.cn", "0518-85903276",
     {"物流管理": "530802", "大数据与会计": "530302", "软件技术": "510203", "港口与航运管理": "500601"},
     [("物流管理", "中级", "物流管理", 70, 156), ("业财一体信息化应用", "中级", "大数据与会计", 55, 121),
      ("Web前端开发", "中级", "软件技术", 60, 133)]),
    ("扬子信息职业学院", "高职", "南京市", "扬子信院", "yzxx.edu.cn", "025-58712093",
     {"软件技术": "510203", "大数据技术": "510205", "物联网应用技术": "510102", "数字媒体技术": "510204"},
     [("大数据应用开发（Python）", "中级", "大数据技术", 50, 104), ("传感网应用开发", "中级", "物联网应用技术", 40, 92),
      ("界面设计", "初级", "数字媒体技术", 45, 87), ("Web前端开发", "高级", "软件技术", 30, 118)]),
    ("吴江健康职业学院", "高职", "苏州市", "吴江健院", "wjjk.edu.cn", "0512-63417726",
     {"护理": "520201", "智慧健康养老服务与管理": "590302", "婴幼儿托育服务与管理": "590301", "康复治疗技术": "520601"},
     [("老年照护", "中级", "智慧健康养老服务与管理", 60, 128), ("幼儿照护", "中级", "婴幼儿托育服务与管理", 45, 97)]),
    ("盐城工程技术学院", "本科", "盐城市", "盐工院", "ycgc.edu.cn", "0515-88297604",
     {"土木工程": "081001", "机械设计制造及其自动化": "080202", "会计学": "120203K", "物流管理": "120601",
      "工程造价": "120105"},
     [("建筑信息模型（BIM）", "中级", "土木工程", 80, 176), ("工业机器人操作与运维", "中级", "机械设计制造及其自动化", 50, 112),
      ("智能财税", "中级", "会计学", 60, 135)]),
    ("锡山机电职业技术学院", "高职", "无锡市", "锡山机电", "xsjd.edu.cn", "0510-88156217",
     {"机电一体化技术": "460301", "工业机器人技术": "460305", "数控技术": "460103", "汽车检测与维修技术": "500211"},
     [("工业机器人操作与运维", "中级", "工业机器人技术", 55, 118), ("数控车铣加工", "中级", "数控技术", 40, 86),
      ("汽车运用与维修", "中级", "汽车检测与维修技术", 45, 99)]),
]


def build_registry() -> list[School]:
    schools = []
    n = 0
    for name, kind, city, alias, domain, phone, majors, decls in _SCHOOLS:
        school = School(name, kind, city, alias, f"1xzs@{domain}", domain, dict(majors), phone=phone)
        for cert, level, major, headcount, enrolment in decls:
            n += 1
            school.declarations.append(Declaration(f"JS2024-3{n:04d}", cert, level, major, majors[major],
                                                   headcount, enrolment, CERTS[cert]))
        schools.append(school)
    return schools


def write_registry(directory: Path, schools: list[School]) -> None:
    write_registry_csv(
        directory,
        [(s.name, s.kind, s.city, s.alias, s.email, "；".join(f"{c} {m}" for m, c in s.majors.items()))
         for s in schools],
        [(d.app_id, s.name, d.certificate, d.level, d.major, d.code, d.headcount, d.enrolment, d.group)
         for s in schools for d in s.declarations])
