"""The generator's own small registry: ten Jiangsu schools and their 2024 declarations.

Written by hand from ordinary knowledge of the 2021 专业目录 and the 1+X certificate list; it is
fixed (not seeded) so every corpus shares it. One school (扬州工业职业技术学院) declares 智能财税 at
two levels and 徐州幼儿师范高等专科学校 declares 幼儿照护 at two levels with different majors.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

GROUPS = {
    "智能财税": "金融财税类协作组", "业财一体信息化应用": "金融财税类协作组", "财务共享服务": "金融财税类协作组",
    "Web前端开发": "计算机与软件类协作组", "云计算平台运维与开发": "计算机与软件类协作组",
    "大数据分析与应用": "计算机与软件类协作组", "物流管理": "电商物流类协作组", "网店运营推广": "电商物流类协作组",
    "数字化工厂产线装调": "机电设备和自动化类协作组", "工业机器人操作与运维": "机电设备和自动化类协作组",
    "工业机器人应用编程": "机电设备和自动化类协作组", "数控车铣加工": "机械设计制造类协作组",
    "母婴护理": "卫生与公共服务类协作组", "老年照护": "卫生与公共服务类协作组", "幼儿照护": "卫生与公共服务类协作组",
    "失智老年人照护": "卫生与公共服务类协作组", "建筑信息模型（BIM）": "土木建筑类协作组",
    "建筑工程识图": "土木建筑类协作组", "汽车运用与维修": "道路运输类协作组",
}

# certificates no school below declares, for requests about a pilot the school never declared
UNDECLARED_POOL = ("电子商务数据分析", "移动应用开发", "网络安全运维", "特殊焊接技术", "传感网应用开发",
                   "邮轮运营服务", "医养个案管理", "金税财务应用")

# majors offered by none of the schools (targets for major_not_offered), with catalogue codes
FOREIGN_MAJORS = (("航空物流管理", "500405"), ("中药学", "520410"), ("园林技术", "410202"),
                  ("酒店管理与数字化运营", "540106"), ("船舶电子电气技术", "500307"), ("茶艺与茶文化", "540111"),
                  ("服装设计与工艺", "480401"), ("畜牧兽医", "410303"))


@dataclass(frozen=True)
class School:
    name: str
    kind: str
    city: str
    aliases: tuple[str, ...]
    emails: tuple[str, ...]
    majors: tuple[tuple[str, str], ...]  # (专业名称, 专业代码) of 招生专业
    short: str  # how staff write the school in passing (an alias or the full name)


@dataclass(frozen=True)
class Application:
    id: str
    school: str
    certificate: str
    level: str
    major: str
    code: str
    headcount: int
    capacity: int

    @property
    def group(self) -> str:
        return GROUPS[self.certificate]


_SCHOOLS = (
    School("扬州工业职业技术学院", "高职", "扬州市", ("扬州工业职院", "扬工院"), ("jwc@ypi.edu.cn",),
           (("大数据与会计", "530302"), ("现代物流管理", "530802"), ("电子商务", "530701"), ("工业机器人技术", "460305"),
            ("机电一体化技术", "460301"), ("建筑工程技术", "440301"), ("工程造价", "440501"), ("软件技术", "510203")),
           "扬工院"),
    School("江苏经贸职业技术学院", "高职", "南京市", ("江苏经贸职院",), ("jwc@jseti.edu.cn", "1x@jseti.edu.cn"),
           (("大数据与会计", "530302"), ("大数据与财务管理", "530301"), ("会计信息管理", "530303"),
            ("跨境电子商务", "530702"), ("网络营销与直播电商", "530703"), ("现代物流管理", "530802"),
            ("智慧健康养老服务与管理", "590302"), ("计算机应用技术", "510201")), "江苏经贸职院"),
    School("常州工程职业技术学院", "高职", "常州市", ("常工院",), ("jwc@czie.edu.cn",),
           (("工业机器人技术", "460305"), ("电气自动化技术", "460306"), ("智能制造装备技术", "460104"),
            ("建设工程管理", "440502"), ("建筑工程技术", "440301"), ("云计算技术应用", "510206"),
            ("大数据技术", "510205"), ("应用化工技术", "470201")), "常工院"),
    School("徐州幼儿师范高等专科学校", "高职", "徐州市", ("徐州幼专",), ("jwc@xzyz.edu.cn",),
           (("学前教育", "570102K"), ("早期教育", "570101K"), ("婴幼儿托育服务与管理", "590301"),
            ("智慧健康养老服务与管理", "590302"), ("音乐教育", "570112K")), "徐州幼专"),
    School("盐城市高级职业学校", "中职", "盐城市", ("盐城高职校",), ("jwc@ycgz.cn",),
           (("会计事务", "730301"), ("电子商务", "730701"), ("计算机应用", "710201"), ("机电技术应用", "660301"),
            ("汽车运用与维修", "700206"), ("幼儿保育", "770101")), "盐城高职校"),
    School("江阴中等专业学校", "中职", "无锡市", ("江阴中专",), ("jyzz_jwc@163.com",),
           (("数控技术应用", "660103"), ("机电技术应用", "660301"), ("工业机器人技术应用", "660303"),
            ("物流服务与管理", "730801"), ("会计事务", "730301"), ("计算机网络技术", "710202")), "江阴中专"),
    School("南京市莫愁中等专业学校", "中职", "南京市", ("莫愁职校", "莫愁中专"), ("mczx_jwc@126.com",),
           (("护理", "720201"), ("幼儿保育", "770101"), ("老年人服务与管理", "790301"), ("会计事务", "730301"),
            ("旅游服务与管理", "740101")), "莫愁中专"),
    School("宿迁市宿城中等专业学校", "中职", "宿迁市", (), ("scz_jwc@163.com",),
           (("电子商务", "730701"), ("汽车运用与维修", "700206"), ("建筑工程施工", "640301"), ("计算机应用", "710201"),
            ("会计事务", "730301")), "宿城中专"),
    School("金陵科技学院", "本科", "南京市", ("金科院",), ("jwc@jit.edu.cn",),
           (("会计学", "120203K"), ("财务管理", "120204"), ("软件工程", "080902"),
            ("数据科学与大数据技术", "080910T"), ("物流管理", "120601"), ("电子商务", "120801")), "金科院"),
    School("常熟理工学院", "本科", "苏州市", (), ("jwc@cslg.edu.cn",),
           (("机械设计制造及其自动化", "080202"), ("自动化", "080801"), ("土木工程", "081001"), ("工程管理", "120103"),
            ("计算机科学与技术", "080901")), "常熟理工"),
)

# (school index, certificate, level, major, headcount, capacity)
_DECLARED = (
    (0, "智能财税", "中级", "大数据与会计", 120, 300), (0, "智能财税", "初级", "大数据与会计", 80, 300),
    (0, "物流管理", "中级", "现代物流管理", 60, 140), (0, "工业机器人操作与运维", "中级", "工业机器人技术", 50, 110),
    (0, "建筑信息模型（BIM）", "初级", "建筑工程技术", 90, 200), (0, "网店运营推广", "中级", "电子商务", 45, 95),
    (0, "Web前端开发", "中级", "软件技术", 70, 160),
    (1, "业财一体信息化应用", "中级", "大数据与财务管理", 100, 260), (1, "财务共享服务", "中级", "会计信息管理", 60, 130),
    (1, "智能财税", "高级", "大数据与会计", 40, 320), (1, "网店运营推广", "初级", "网络营销与直播电商", 80, 150),
    (1, "物流管理", "初级", "现代物流管理", 50, 120), (1, "老年照护", "初级", "智慧健康养老服务与管理", 40, 85),
    (1, "大数据分析与应用", "初级", "计算机应用技术", 30, 100),
    (2, "数字化工厂产线装调", "中级", "智能制造装备技术", 40, 90), (2, "工业机器人操作与运维", "初级", "工业机器人技术", 60, 150),
    (2, "建筑信息模型（BIM）", "中级", "建设工程管理", 50, 110), (2, "云计算平台运维与开发", "中级", "云计算技术应用", 45, 100),
    (2, "大数据分析与应用", "中级", "大数据技术", 35, 80),
    (3, "幼儿照护", "初级", "早期教育", 80, 180), (3, "幼儿照护", "中级", "学前教育", 120, 400),
    (3, "母婴护理", "初级", "婴幼儿托育服务与管理", 40, 90), (3, "老年照护", "初级", "智慧健康养老服务与管理", 30, 60),
    (3, "失智老年人照护", "初级", "智慧健康养老服务与管理", 25, 60),
    (4, "智能财税", "初级", "会计事务", 60, 135), (4, "网店运营推广", "初级", "电子商务", 50, 100),
    (4, "Web前端开发", "初级", "计算机应用", 45, 120), (4, "汽车运用与维修", "初级", "汽车运用与维修", 40, 95),
    (4, "幼儿照护", "初级", "幼儿保育", 50, 110), (4, "工业机器人操作与运维", "初级", "机电技术应用", 30, 70),
    (5, "数字化工厂产线装调", "初级", "机电技术应用", 40, 90), (5, "工业机器人操作与运维", "初级", "工业机器人技术应用", 35, 70),
    (5, "数控车铣加工", "初级", "数控技术应用", 60, 150), (5, "物流管理", "初级", "物流服务与管理", 50, 100),
    (5, "业财一体信息化应用", "初级", "会计事务", 40, 85), (5, "云计算平台运维与开发", "初级", "计算机网络技术", 30, 60),
    (6, "母婴护理", "初级", "护理", 60, 160), (6, "老年照护", "初级", "护理", 40, 160), (6, "幼儿照护", "初级", "幼儿保育", 80, 150),
    (6, "智能财税", "初级", "会计事务", 40, 90), (6, "失智老年人照护", "初级", "老年人服务与管理", 20, 45),
    (7, "网店运营推广", "初级", "电子商务", 70, 130), (7, "汽车运用与维修", "初级", "汽车运用与维修", 50, 120),
    (7, "建筑工程识图", "初级", "建筑工程施工", 40, 80), (7, "Web前端开发", "初级", "计算机应用", 40, 90),
    (7, "智能财税", "初级", "会计事务", 35, 70),
    (8, "业财一体信息化应用", "高级", "会计学", 80, 260), (8, "财务共享服务", "高级", "财务管理", 60, 180),
    (8, "大数据分析与应用", "高级", "数据科学与大数据技术", 40, 120), (8, "Web前端开发", "高级", "软件工程", 50, 200),
    (8, "物流管理", "高级", "物流管理", 40, 95),
    (9, "数字化工厂产线装调", "高级", "自动化", 30, 120), (9, "工业机器人应用编程", "中级", "机械设计制造及其自动化", 40, 200),
    (9, "建筑信息模型（BIM）", "中级", "土木工程", 60, 180), (9, "云计算平台运维与开发", "高级", "计算机科学与技术", 30, 160),
    (9, "建筑工程识图", "中级", "工程管理", 35, 90),
)


def _applications() -> tuple[Application, ...]:
    out = []
    for number, (index, certificate, level, major, headcount, capacity) in enumerate(_DECLARED):
        school = _SCHOOLS[index]
        code = dict(school.majors)[major]
        out.append(Application(f"JS2024-{3101 + number * 7:05d}", school.name, certificate, level, major, code,
                               headcount, capacity))
    return tuple(out)


SCHOOLS: tuple[School, ...] = _SCHOOLS
APPLICATIONS: tuple[Application, ...] = _applications()


def applications_of(school: School) -> list[Application]:
    return [app for app in APPLICATIONS if app.school == school.name]


def code_of(major: str) -> str:
    for school in SCHOOLS:
        for name, code in school.majors:
            if name == major:
                return code
    return dict(FOREIGN_MAJORS).get(major, "")


def write_registry(directory: Path) -> None:
    """`schools.csv` and `applications.csv` in the SPEC §3 columns, UTF-8 with BOM, lists joined by ；."""
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / "schools.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["单位名称", "单位类型", "设区市", "别名", "联系邮箱", "招生专业"])
        for s in SCHOOLS:
            writer.writerow([s.name, s.kind, s.city, "；".join(s.aliases), "；".join(s.emails),
                             "；".join(name for name, _ in s.majors)])
    with (directory / "applications.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["申报编号", "单位名称", "证书名称", "等级", "专业名称", "专业代码", "申报人数",
                         "可参与专业在校生数", "协作组"])
        for a in APPLICATIONS:
            writer.writerow([a.id, a.school, a.certificate, a.level, a.major, a.code, a.headcount, a.capacity, a.group])
