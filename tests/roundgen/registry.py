"""roundgen's own registry: eight fictional Jiangsu schools, their 招生专业 and declarations."""

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
    majors: dict[str, str]  # 招生专业 name → catalogue code
    declarations: list[Declaration] = field(default_factory=list)


_G_IT = "计算机与软件类协作组"
_G_FIN = "金融财税类协作组"
_G_EC = "电商物流类协作组"
_G_MECH = "机电设备和自动化类协作组"
_G_CIV = "土木建筑类协作组"
_G_CARE = "卫生与公共服务类协作组"
_G_TOUR = "旅游类协作组"

# (name, kind, city, alias, mail domain, majors, declarations (cert, level, major, headcount, enrolment, group))
_SCHOOLS = [
    ("江苏省宿迁经贸高等职业技术学校", "中职", "宿迁市", "宿迁经贸", "sqjm.edu.cn",
     {"会计事务": "730301", "电子商务": "730701", "计算机应用": "710201", "物流服务与管理": "730801"},
     [("智能财税", "初级", "会计事务", 60, 138, _G_FIN), ("网店运营推广", "初级", "电子商务", 45, 96, _G_EC),
      ("Web前端开发", "初级", "计算机应用", 40, 112, _G_IT), ("物流管理", "初级", "物流服务与管理", 35, 70, _G_EC)]),
    ("盐城市射阳中等专业学校", "中职", "盐城市", "射阳中专", "syzz.net.cn",
     {"计算机应用": "710201", "数控技术应用": "660103", "汽车运用与维修": "700206", "幼儿保育": "770101"},
     [("数控车铣加工", "初级", "数控技术应用", 50, 88, _G_MECH), ("汽车运用与维修", "初级", "汽车运用与维修", 40, 75,
                                                                   "道路运输类协作组"),
      ("幼儿照护", "初级", "幼儿保育", 80, 160, _G_CARE), ("网络安全运维", "初级", "计算机应用", 30, 64, _G_IT)]),
    ("镇江市高等专科学校", "高职", "镇江市", "镇江高专", "zjc.edu.cn",
     {"大数据与会计": "530302", "软件技术": "510203", "建设工程管理": "440501", "旅游管理": "540101"},
     [("业财一体信息化应用", "中级", "大数据与会计", 90, 210, _G_FIN), ("智能财税", "中级", "大数据与会计", 60, 210, _G_FIN),
      ("大数据应用开发（Python）", "中级", "软件技术", 50, 120, _G_IT),
      ("建筑信息模型（BIM）", "初级", "建设工程管理", 45, 90, _G_CIV), ("餐饮管理运行", "初级", "旅游管理", 30, 58, _G_TOUR)]),
    ("无锡商业职业技术学院", "高职", "无锡市", "无锡商院", "wxic.edu.cn",
     {"电子商务": "530701", "现代物流管理": "530802", "大数据与会计": "530302", "数字媒体技术": "510204"},
     [("电子商务数据分析", "中级", "电子商务", 120, 260, _G_EC), ("物流管理", "中级", "现代物流管理", 70, 150, _G_EC),
      ("财务共享服务", "中级", "大数据与会计", 80, 180, _G_FIN), ("数字媒体交互设计", "中级", "数字媒体技术", 40, 85, _G_IT),
      ("电子商务数据分析", "高级", "电子商务", 30, 260, _G_EC)]),
    ("南通科技职业学院", "高职", "南通市", "南通科院", "ntst.edu.cn",
     {"工业机器人技术": "460305", "机电一体化技术": "460301", "物联网应用技术": "510102", "园林技术": "410202"},
     [("工业机器人操作与运维", "中级", "工业机器人技术", 60, 132, _G_MECH),
      ("传感网应用开发", "中级", "物联网应用技术", 40, 90, _G_IT),
      ("工业机器人应用编程", "中级", "机电一体化技术", 50, 140, _G_MECH)]),
    ("徐州幼儿师范高等专科学校", "高职", "徐州市", "徐州幼专", "xzyz.edu.cn",
     {"学前教育": "570102K", "婴幼儿托育服务与管理": "590301", "音乐教育": "570112K", "智慧健康养老服务与管理": "590302"},
     [("幼儿照护", "中级", "婴幼儿托育服务与管理", 100, 230, _G_CARE), ("母婴护理", "中级", "婴幼儿托育服务与管理", 40, 230, _G_CARE),
      ("老年照护", "中级", "智慧健康养老服务与管理", 35, 66, _G_CARE), ("幼儿照护", "初级", "学前教育", 60, 300, _G_CARE)]),
    ("淮安市高级职业技术学校", "中职", "淮安市", "淮安高职校", "hagz.js.cn",
     {"计算机网络技术": "710202", "电子商务": "730701", "工业机器人技术应用": "660301", "中餐烹饪": "740201"},
     [("云计算平台运维与开发", "初级", "计算机网络技术", 40, 96, _G_IT), ("网店运营推广", "初级", "电子商务", 50, 102, _G_EC),
      ("工业机器人操作与运维", "初级", "工业机器人技术应用", 30, 57, _G_MECH), ("餐饮管理运行", "初级", "中餐烹饪", 40, 88, _G_TOUR)]),
    ("江苏理工学院", "本科", "常州市", "江苏理工", "jsut.edu.cn",
     {"会计学": "120203K", "软件工程": "080902", "机械设计制造及其自动化": "080202", "物流管理": "120601"},
     [("业财一体信息化应用", "高级", "会计学", 60, 240, _G_FIN), ("Web前端开发", "高级", "软件工程", 45, 180, _G_IT),
      ("数控车铣加工", "中级", "机械设计制造及其自动化", 40, 200, _G_MECH), ("物流管理", "高级", "物流管理", 30, 95, _G_EC)]),
]

# certificates nobody in this registry declared (for an undeclared certificate), and majors nobody enrols
UNDECLARED = ["金融智能投顾", "茶艺与茶营销", "界面设计", "智能网联汽车检测与运维", "无人机操作应用", "药品购销"]
NOT_OFFERED = {"530302": "大数据与会计", "510205": "大数据技术", "500211": "城市轨道交通运营管理",
               "540106": "酒店管理与数字化运营", "520801": "药学", "710205": "动漫与游戏制作"}


def build_registry() -> list[School]:
    schools = []
    serial = 52000
    for name, kind, city, alias, domain, majors, decls in _SCHOOLS:
        school = School(name, kind, city, alias, f"jwc@{domain}", dict(majors))
        for cert, level, major, head, enrol, group in decls:
            serial += 7
            school.declarations.append(Declaration(f"JS2024-{serial}", cert, level, major, majors[major], head,
                                                   enrol, group))
        schools.append(school)
    return schools


def write_registry(directory: Path, schools: list[School]) -> None:
    rows_s = [(s.name, s.kind, s.city, s.alias, s.email, "；".join(s.majors)) for s in schools]
    rows_a = [(d.app_id, s.name, d.certificate, d.level, d.major, d.code, d.headcount, d.enrolment, d.group)
              for s in schools for d in s.declarations]
    write_registry_csv(directory, rows_s, rows_a)
