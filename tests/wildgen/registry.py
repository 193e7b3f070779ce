"""wildgen's own fixed registry: eleven fictional-but-plausible Jiangsu schools and their declarations.

One school (江苏省海门中等专业学校) declares 智能财税 at two levels, so its changes must state the level
to link. Every other certificate is declared at most once per school.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from tests.registry_csv import write_registry_csv

# certificate → (协作组, 中职 majors, 高职/本科 majors); majors are (name, catalogue code)
CERTS: dict[str, tuple[str, list[tuple[str, str]], list[tuple[str, str]]]] = {
    "业财一体信息化应用": ("金融财税类协作组",
                  [("会计事务", "730301"), ("财经事务", "730302"), ("商务助理", "730601")],
                  [("大数据与会计", "530302"), ("大数据与审计", "530303"), ("会计信息管理", "530304")]),
    "智能财税": ("金融财税类协作组",
             [("会计事务", "730301"), ("财经事务", "730302"), ("统计事务", "730303")],
             [("大数据与会计", "530302"), ("大数据与财务管理", "530301"), ("财税大数据应用", "530201")]),
    "网络系统建设与运维": ("计算机与软件类协作组",
                  [("计算机网络技术", "710202"), ("网络信息安全", "710207"), ("计算机应用", "710201")],
                  [("计算机网络技术", "510202"), ("信息安全技术应用", "510207"), ("云计算技术应用", "510206")]),
    "传感网应用开发": ("电子信息及网络与通信类协作组",
                [("物联网技术应用", "710103"), ("电子技术应用", "710102"), ("计算机应用", "710201")],
                [("物联网应用技术", "510102"), ("电子信息工程技术", "510101"), ("智能产品开发与应用", "510104")]),
    "智能制造生产管理与控制": ("机电设备和自动化类协作组",
                    [("机电技术应用", "660301"), ("电气设备运行与控制", "660302"), ("工业机器人技术应用", "660303")],
                    [("智能制造装备技术", "460301"), ("电气自动化技术", "460306"), ("机电一体化技术", "460303")]),
    "多工序数控机床操作": ("机械设计制造类协作组",
                  [("数控技术应用", "660103"), ("机械加工技术", "660101"), ("模具制造技术", "660104")],
                  [("数控技术", "460103"), ("机械制造及自动化", "460104"), ("模具设计与制造", "460113")]),
    "界面设计": ("文化艺术类协作组",
             [("计算机平面设计", "710204"), ("数字媒体技术应用", "710203"), ("动漫与游戏制作", "750207")],
             [("数字媒体技术", "510204"), ("视觉传达设计", "550102"), ("数字媒体艺术设计", "550103")]),
    "母婴护理": ("卫生与公共服务类协作组",
             [("护理", "720201"), ("幼儿保育", "770101"), ("母婴照护", "720203")],
             [("护理", "520201"), ("助产", "520202"), ("婴幼儿托育服务与管理", "590303")]),
    "粮农食品安全评价": ("食品药品与粮食类协作组",
                 [("食品安全与检测技术", "690102"), ("农产品营销与储运", "610204"), ("粮油饲料加工技术", "690201")],
                 [("食品检验检测技术", "490104"), ("食品质量与安全", "490105"), ("粮食工程技术与管理", "490303")]),
    "城市轨道交通车站运营管理": ("铁道与城市轨道交通类协作组",
                      [("城市轨道交通运营服务", "700602"), ("铁道运输服务", "700102"), ("城市轨道交通车辆运用与检修", "700601")],
                      [("城市轨道交通运营管理", "500606"), ("城市轨道交通机电技术", "500603"), ("铁道交通运营管理", "500112")]),
    "研学旅行课程设计与实施": ("旅游类协作组",
                    [("旅游服务与管理", "740101"), ("导游服务", "740102"), ("研学旅行服务", "740103")],
                    [("旅游管理", "540101"), ("研学旅行管理与服务", "540106"), ("导游", "540102")]),
    "建筑工程识图": ("土木建筑类协作组",
               [("建筑工程施工", "640301"), ("工程造价", "640501"), ("建筑装饰技术", "640102")],
               [("建筑工程技术", "440301"), ("工程造价", "440501"), ("建筑装饰工程技术", "440102")]),
    "船舶动力装置安装与维护": ("航空航运类协作组",
                    [("船舶机械装置安装与维修", "700403"), ("船舶驾驶", "700401"), ("轮机", "700402")],
                    [("轮机工程技术", "500302"), ("船舶动力工程技术", "460203"), ("航海技术", "500301")]),
}

# (单位名称, 单位类型, 设区市, 别名 (；-separated), 联系邮箱, declared certificates (cert or cert@level))
SCHOOLS: list[tuple[str, str, str, str, list[str], list[str]]] = [
    ("江苏省宜兴中等专业学校", "中职", "无锡市", "宜兴中专", ["jwc@yxzz.wx.edu.cn"],
     ["多工序数控机床操作", "智能制造生产管理与控制", "界面设计"]),
    ("江苏省海门中等专业学校", "中职", "南通市", "海门中专", ["1xsd@hmzz.nt.edu.cn", "jwc@hmzz.nt.edu.cn"],
     ["智能财税@初级", "智能财税@中级", "母婴护理", "网络系统建设与运维"]),
    ("江苏省相城中等专业学校", "中职", "苏州市", "相城中专", ["xczz_jwc@163.com"],
     ["研学旅行课程设计与实施", "业财一体信息化应用", "传感网应用开发"]),
    ("南京市江宁高级职业学校", "中职", "南京市", "江宁高职校；江宁职校", ["jngz1x@126.com"],
     ["城市轨道交通车站运营管理", "网络系统建设与运维", "建筑工程识图"]),
    ("淮安生物工程高等职业学校", "中职", "淮安市", "淮安生物工程", ["jwc@hasw.edu.cn"],
     ["粮农食品安全评价", "母婴护理", "业财一体信息化应用"]),
    ("江苏省连云港工贸高等职业技术学校", "中职", "连云港市", "连云港工贸", ["lyggm_jwc@163.com"],
     ["船舶动力装置安装与维护", "多工序数控机床操作", "智能财税"]),
    ("苏州健雄职业技术学院", "高职", "苏州市", "健雄学院", ["jwc@csit.edu.cn"],
     ["智能制造生产管理与控制", "传感网应用开发", "多工序数控机床操作", "界面设计"]),
    ("泰州职业技术学院", "高职", "泰州市", "泰州职院", ["jwc@tzpc.edu.cn", "1x@tzpc.edu.cn"],
     ["母婴护理", "粮农食品安全评价", "业财一体信息化应用"]),
    ("江苏城市职业学院", "高职", "南京市", "江苏城市职院", ["jwc@jscvc.edu.cn"],
     ["研学旅行课程设计与实施", "网络系统建设与运维", "建筑工程识图", "智能财税"]),
    ("江苏海事职业技术学院", "高职", "南京市", "江苏海院", ["jwc@jmi.edu.cn"],
     ["船舶动力装置安装与维护", "城市轨道交通车站运营管理", "界面设计"]),
    ("宿迁学院", "本科", "宿迁市", "", ["jwc@sqc.edu.cn"],
     ["业财一体信息化应用", "建筑工程识图", "传感网应用开发"]),
]

LEVELS = ["初级", "中级", "高级"]


@dataclass
class Declaration:
    app_id: str
    school: str
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
    aliases: list[str]
    emails: list[str]
    majors: list[str]
    declarations: list[Declaration] = field(default_factory=list)

    @property
    def gaozhi(self) -> bool:
        return self.kind != "中职"

    def options(self, certificate: str) -> list[tuple[str, str]]:
        _, zz, gz = CERTS[certificate]
        return gz if self.gaozhi else zz

    def code_of(self, major: str) -> str:
        for d in self.declarations:
            for name, code in self.options(d.certificate):
                if name == major:
                    return code
        return ""

    def twice(self, certificate: str) -> bool:
        return sum(d.certificate == certificate for d in self.declarations) > 1


def build_registry() -> list[School]:
    """The fixed registry; each declared certificate has its first two catalogue majors offered."""
    rng = random.Random(90210)
    schools = []
    number = 1200
    for name, kind, city, aliases, emails, certs in SCHOOLS:
        school = School(name, kind, city, [a for a in aliases.split("；") if a], emails, [])
        majors: list[str] = []
        for entry in certs:
            cert, _, fixed = entry.partition("@")
            number += rng.randint(2, 13)
            offered = school.options(cert)[:2]
            for major, _ in offered:
                if major not in majors:
                    majors.append(major)
            major, code = offered[1] if fixed == "中级" else offered[0]
            headcount = rng.choice([35, 40, 45, 50, 60, 70, 80, 90, 100, 120, 150])
            enrolment = headcount + rng.choice([15, 25, 40, 60, 90, 110])
            level = fixed or rng.choice(["初级", "中级", "中级", "高级"])
            school.declarations.append(Declaration(f"JS2024-{number:05d}", name, cert, level, major, code,
                                                   headcount, enrolment, CERTS[cert][0]))
        extra = ["旅游服务与管理", "幼儿保育", "汽车运用与维修"] if kind == "中职" else ["市场营销", "商务英语"]
        school.majors = majors + [m for m in extra if m not in majors]
        schools.append(school)
    return schools


def write_registry(directory: Path, schools: list[School]) -> None:
    """`schools.csv` and `applications.csv` in the platform export's columns (UTF-8 with BOM)."""
    write_registry_csv(
        directory,
        ([s.name, s.kind, s.city, "；".join(s.aliases), "；".join(s.emails), "；".join(s.majors)] for s in schools),
        ([d.app_id, d.school, d.certificate, d.level, d.major, d.code, d.headcount, d.enrolment, d.group]
         for s in schools for d in s.declarations),
    )
