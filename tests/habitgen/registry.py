"""habitgen's own registry: seven fictional Jiangsu schools (中职/高职/本科) and their declarations, written as
the platform's two CSV exports. Three schools declare one certificate at two levels, as real schools do."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tests.registry_csv import write_registry_csv

# Certificates of the national 1+X list used here, with the collaboration group that reviews them.
CERTS: dict[str, str] = {
    "物流管理": "电商物流类协作组",
    "网店运营推广": "电商物流类协作组",
    "电子商务数据分析": "电商物流类协作组",
    "智能财税": "金融财税类协作组",
    "业财一体信息化应用": "金融财税类协作组",
    "Web前端开发": "计算机与软件类协作组",
    "云计算平台运维与开发": "计算机与软件类协作组",
    "建筑信息模型（BIM）": "土木建筑类协作组",
    "老年照护": "卫生与公共服务类协作组",
    "幼儿照护": "卫生与公共服务类协作组",
    "工业机器人操作与运维": "机电设备和自动化类协作组",
    "汽车运用与维修": "道路运输类协作组",
    "传感网应用开发": "电子信息及网络与通信类协作组",
    "界面设计": "文化艺术类协作组",
}

LEVELS = ("初级", "中级", "高级")


@dataclass(frozen=True)
class Declaration:
    app_id: str
    certificate: str
    level: str
    major: str
    code: str
    headcount: int
    enrolment: int


@dataclass
class School:
    name: str
    kind: str
    city: str
    alias: str
    email: str
    majors: dict[str, str]  # enrolled major -> catalogue code
    declarations: list[Declaration] = field(default_factory=list)
    head: str = ""  # the leader in charge
    dept_head: str = ""  # the head of the certificate pilot department
    phone: str = ""
    address: str = ""

    def code(self, major: str) -> str:
        return self.majors.get(major) or OTHER_MAJORS.get(major, "")


# Majors no school here enrols (for major_not_offered), with plausible catalogue codes.
OTHER_MAJORS: dict[str, str] = {
    "城市轨道交通运营管理": "500606",
    "酒店管理与数字化运营": "540106",
    "药品生产技术": "490203",
    "园林技术": "410202",
    "航海技术": "500301",
    "工艺美术品设计": "550104",
}

# (name, kind, city, alias, email, {major: code}, leader, dept head, phone, address,
#  [(certificate, level, major, headcount, enrolment)])
_SCHOOLS = [
    ("淮州商贸职业学校", "中职", "淮安市", "淮州商校", "jwc@hzsmzx.js.cn",
     {"电子商务": "730701", "物流服务与管理": "730901", "会计事务": "730301", "计算机应用": "710201"},
     "孙立华", "顾志平", "0517-83561270", "淮安市清江浦区健康东路88号",
     [("网店运营推广", "初级", "电子商务", 60, 142), ("物流管理", "初级", "物流服务与管理", 45, 96),
      ("智能财税", "初级", "会计事务", 40, 88)]),
    ("江苏云湖职业技术学院", "高职", "苏州市", "云湖职院", "zsb@yhvc.edu.cn",
     {"物流管理": "530802", "电子商务": "530701", "大数据与会计": "530302", "软件技术": "510203",
      "计算机网络技术": "510202"},
     "陈建国", "王慧敏", "0512-66218035", "苏州市吴中区云湖路16号",
     [("物流管理", "中级", "物流管理", 80, 210), ("物流管理", "高级", "物流管理", 30, 210),
      ("智能财税", "中级", "大数据与会计", 120, 265), ("Web前端开发", "中级", "软件技术", 70, 158)]),
    ("盐城滨江建设职业技术学院", "高职", "盐城市", "滨江建院", "1x@ybjc.edu.cn",
     {"建筑工程技术": "440301", "工程造价": "440501", "建设工程管理": "440502", "建筑装饰工程技术": "440102"},
     "刘永胜", "赵海燕", "0515-88360912", "盐城市亭湖区开放大道201号",
     [("建筑信息模型（BIM）", "初级", "建筑工程技术", 150, 320), ("建筑信息模型（BIM）", "中级", "工程造价", 60, 185),
      ("界面设计", "初级", "建筑装饰工程技术", 35, 74)]),
    ("泰兴市第二中等专业学校", "中职", "泰州市", "泰兴二职", "jyc@txez.js.cn",
     {"幼儿保育": "770101", "护理": "720201", "汽车运用与维修": "700206", "工业机器人技术应用": "660302"},
     "周红梅", "钱文斌", "0523-87651130", "泰兴市济川街道文昌路9号",
     [("幼儿照护", "初级", "幼儿保育", 90, 188), ("汽车运用与维修", "初级", "汽车运用与维修", 50, 112)]),
    ("金陵应用技术学院", "本科", "南京市", "金陵应用学院", "jwc@jlat.edu.cn",
     {"会计学": "120203K", "物流管理": "120601", "计算机科学与技术": "080901", "软件工程": "080902",
      "电子商务": "120801"},
     "黄德明", "吴晓峰", "025-52338760", "南京市江宁区弘景大道1999号",
     [("业财一体信息化应用", "中级", "会计学", 100, 246), ("云计算平台运维与开发", "中级", "计算机科学与技术", 60, 198),
      ("电子商务数据分析", "高级", "电子商务", 40, 91)]),
    ("常州东方信息职业技术学院", "高职", "常州市", "东方信息职院", "sxb@dfxx.edu.cn",
     {"物联网应用技术": "510102", "计算机网络技术": "510202", "数字媒体技术": "510204", "工业机器人技术": "460305"},
     "张国强", "李秋云", "0519-86229451", "常州市武进区鸣新中路28号",
     [("传感网应用开发", "中级", "物联网应用技术", 75, 160), ("界面设计", "中级", "数字媒体技术", 45, 102),
      ("工业机器人操作与运维", "初级", "工业机器人技术", 60, 134), ("工业机器人操作与运维", "中级", "工业机器人技术", 40, 134)]),
    ("宿迁康宁卫生职业技术学院", "高职", "宿迁市", "康宁卫职", "kyc@sqkn.edu.cn",
     {"护理": "520201", "智慧健康养老服务与管理": "590302", "婴幼儿托育服务与管理": "590101", "康复治疗技术": "520601"},
     "马云飞", "徐丽娟", "0527-84396625", "宿迁市宿城区洪泽湖路66号",
     [("老年照护", "中级", "智慧健康养老服务与管理", 80, 172), ("幼儿照护", "中级", "婴幼儿托育服务与管理", 55, 120)]),
]


def build_registry() -> list[School]:
    schools = []
    serial = 301
    for (name, kind, city, alias, mail, majors, head, dept, phone, addr, decls) in _SCHOOLS:
        school = School(name, kind, city, alias, mail, dict(majors), head=head, dept_head=dept, phone=phone,
                        address=addr)
        for cert, level, major, headcount, enrolment in decls:
            school.declarations.append(Declaration(f"JS2024-{serial:05d}", cert, level, major, majors[major],
                                                   headcount, enrolment))
            serial += 7
        schools.append(school)
    return schools


def write_registry(directory: Path, schools: list[School]) -> None:
    school_rows = []
    app_rows = []
    for i, s in enumerate(schools):
        # Half the schools list majors with their catalogue codes, as some platform exports do.
        majors = [f"{code} {m}" if i % 2 else m for m, code in s.majors.items()]
        school_rows.append((s.name, s.kind, s.city, s.alias, s.email, "；".join(majors)))
        for d in s.declarations:
            app_rows.append((d.app_id, s.name, d.certificate, d.level, d.major, d.code, d.headcount, d.enrolment,
                             CERTS[d.certificate]))
    write_registry_csv(directory, school_rows, app_rows)
