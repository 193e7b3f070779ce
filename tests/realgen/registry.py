"""The registry realgen draws its schools and declarations from, and the plan of one request.

The registry is fixed (the same for every corpus) so a message's truth depends only on its seed.
Each school declares a certificate at most once, so every change links to exactly one declaration.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from pathlib import Path

# certificate → (协作组, 中职 majors, 高职 majors); majors are (name, catalogue code)
CERTS: dict[str, tuple[str, list[tuple[str, str]], list[tuple[str, str]]]] = {
    "Web前端开发": ("计算机与软件类协作组",
                  [("计算机应用", "710201"), ("计算机平面设计", "710204"), ("软件与信息服务", "710205")],
                  [("软件技术", "510203"), ("计算机应用技术", "510201"), ("计算机网络技术", "510202")]),
    "电子商务数据分析": ("电商物流类协作组",
                 [("电子商务", "730701"), ("网络营销", "730702"), ("直播电商服务", "730703")],
                 [("电子商务", "530701"), ("跨境电子商务", "530702"), ("网络营销与直播电商", "530703")]),
    "智能财税": ("金融财税类协作组",
             [("会计事务", "730301"), ("财经事务", "730302"), ("统计事务", "730303")],
             [("大数据与会计", "530302"), ("大数据与财务管理", "530301"), ("财税大数据应用", "530201")]),
    "物流管理": ("电商物流类协作组",
             [("物流服务与管理", "730901"), ("冷链物流服务与管理", "730902"), ("电子商务", "730701")],
             [("现代物流管理", "530802"), ("供应链运营", "530801"), ("冷链物流技术与管理", "530804")]),
    "工业机器人操作与运维": ("机电设备和自动化类协作组",
                   [("工业机器人技术应用", "660303"), ("机电技术应用", "660301"), ("电气设备运行与控制", "660302")],
                   [("工业机器人技术", "460305"), ("机电一体化技术", "460301"), ("电气自动化技术", "460306")]),
    "数控车铣加工": ("机械设计制造类协作组",
               [("数控技术应用", "660103"), ("机械加工技术", "660101"), ("模具制造技术", "660104")],
               [("数控技术", "460103"), ("机械制造及自动化", "460104"), ("模具设计与制造", "460113")]),
    "建筑信息模型（BIM）": ("土木建筑类协作组",
                    [("建筑工程施工", "640301"), ("建筑装饰技术", "640102"), ("工程造价", "640501")],
                    [("建筑工程技术", "440301"), ("工程造价", "440501"), ("建设工程管理", "440502")]),
    "老年照护": ("卫生与公共服务类协作组",
             [("护理", "720201"), ("康复技术", "720401"), ("智慧健康养老服务", "790301")],
             [("护理", "520201"), ("智慧健康养老服务与管理", "590302"), ("康复治疗技术", "520601")]),
    "云计算平台运维与开发": ("计算机与软件类协作组",
                   [("计算机网络技术", "710202"), ("计算机应用", "710201"), ("网络信息安全", "710207")],
                   [("云计算技术应用", "510206"), ("计算机网络技术", "510202"), ("大数据技术", "510205")]),
    "网店运营推广": ("电商物流类协作组",
               [("电子商务", "730701"), ("网络营销", "730702"), ("直播电商服务", "730703")],
               [("电子商务", "530701"), ("网络营销与直播电商", "530703"), ("跨境电子商务", "530702")]),
    "汽车运用与维修（含智能新能源汽车）": ("道路运输类协作组",
                          [("汽车运用与维修", "700206"), ("新能源汽车运用与维修", "700209"), ("汽车车身修复", "700207")],
                          [("汽车检测与维修技术", "500211"), ("新能源汽车技术", "460702"), ("汽车技术服务与营销", "500212")]),
    "母婴护理": ("卫生与公共服务类协作组",
             [("护理", "720201"), ("幼儿保育", "770101"), ("母婴照护", "720203")],
             [("护理", "520201"), ("助产", "520202"), ("婴幼儿托育服务与管理", "590303")]),
}

# (单位名称, 单位类型, 设区市, 别名, 联系邮箱 list, declared certificates)
SCHOOLS: list[tuple[str, str, str, str, list[str], list[str]]] = [
    ("江苏省惠山中等专业学校", "中职", "无锡市", "惠山中专", ["jwc@hszz.wx.edu.cn"],
     ["Web前端开发", "工业机器人操作与运维", "数控车铣加工"]),
    ("江苏省如东中等专业学校", "中职", "南通市", "如东中专", ["1x@rdzz.nt.edu.cn", "jwk@rdzz.nt.edu.cn"],
     ["电子商务数据分析", "智能财税", "老年照护"]),
    ("江苏省句容中等专业学校", "中职", "镇江市", "", ["jiaowu@jrzz.cn"],
     ["建筑信息模型（BIM）", "汽车运用与维修（含智能新能源汽车）", "网店运营推广"]),
    ("江苏省靖江中等专业学校", "中职", "泰州市", "靖江中专", ["jwc@jjzz.tz.edu.cn"],
     ["数控车铣加工", "物流管理", "母婴护理", "Web前端开发"]),
    ("徐州市张集中等专业学校", "中职", "徐州市", "张集中专", ["zjzz1x@126.com"],
     ["智能财税", "云计算平台运维与开发"]),
    ("盐城市大丰中等专业学校", "中职", "盐城市", "", ["jwc@dfzz.yc.edu.cn"],
     ["电子商务数据分析", "工业机器人操作与运维", "物流管理"]),
    ("南京信息职业技术学院", "高职", "南京市", "南信院", ["jwc@njcit.cn", "1xban@njcit.cn"],
     ["Web前端开发", "云计算平台运维与开发", "电子商务数据分析"]),
    ("无锡商业职业技术学院", "高职", "无锡市", "无锡商院", ["jwc@wxic.edu.cn"],
     ["物流管理", "智能财税", "网店运营推广", "电子商务数据分析"]),
    ("江苏建筑职业技术学院", "高职", "徐州市", "江苏建院", ["jwc@jsjzi.edu.cn"],
     ["建筑信息模型（BIM）", "工业机器人操作与运维"]),
    ("苏州卫生职业技术学院", "高职", "苏州市", "苏卫院", ["jwc@szhct.edu.cn"],
     ["老年照护", "母婴护理"]),
    ("常州工程职业技术学院", "高职", "常州市", "常州工程", ["jwc@czie.edu.cn"],
     ["数控车铣加工", "建筑信息模型（BIM）", "汽车运用与维修（含智能新能源汽车）"]),
    ("江苏农牧科技职业学院", "高职", "泰州市", "江苏农牧", ["jwc@jsahvc.edu.cn"],
     ["智能财税", "电子商务数据分析", "Web前端开发"]),
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
    alias: str
    emails: list[str]
    majors: list[str]
    declarations: list[Declaration] = field(default_factory=list)

    @property
    def gaozhi(self) -> bool:
        return self.kind != "中职"

    def options(self, certificate: str) -> list[tuple[str, str]]:
        group, zz, gz = CERTS[certificate]
        return gz if self.gaozhi else zz


def build_registry() -> list[School]:
    """The fixed registry: 12 schools, 2–4 declarations each, two offered majors per certificate."""
    rng = random.Random(20240301)
    schools = []
    number = 400
    for name, kind, city, alias, emails, certs in SCHOOLS:
        school = School(name, kind, city, alias, emails, [])
        majors: list[str] = []
        for cert in certs:
            number += rng.randint(1, 9)
            options = school.options(cert)
            offered = options[:2]
            for major, _ in offered:
                if major not in majors:
                    majors.append(major)
            major, code = offered[0]
            headcount = rng.choice([30, 40, 45, 50, 60, 80, 100, 120])
            enrolment = headcount + rng.choice([20, 30, 40, 60, 80, 100])
            level = rng.choice(["初级", "中级", "中级", "高级"])
            school.declarations.append(Declaration(f"JS2024-{number:05d}", name, cert, level, major, code,
                                                   headcount, enrolment, CERTS[cert][0]))
        extra = {"中职": ["旅游服务与管理", "学前教育"], "高职": ["市场营销", "应用英语"]}[kind if kind == "中职" else "高职"]
        school.majors = majors + extra
        schools.append(school)
    return schools


def write_registry(directory: Path, schools: list[School]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / "schools.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["单位名称", "单位类型", "设区市", "别名", "联系邮箱", "招生专业"])
        for s in schools:
            writer.writerow([s.name, s.kind, s.city, s.alias, "；".join(s.emails), "；".join(s.majors)])
    with open(directory / "applications.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["申报编号", "单位名称", "证书名称", "等级", "专业名称", "专业代码", "申报人数",
                         "可参与专业在校生数", "协作组"])
        for s in schools:
            for d in s.declarations:
                writer.writerow([d.app_id, d.school, d.certificate, d.level, d.major, d.code, d.headcount,
                                 d.enrolment, d.group])
