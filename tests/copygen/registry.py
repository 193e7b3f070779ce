"""copygen's own registry: eight Jiangsu schools and their 2024 declarations, fixed (not seeded).

Independent of the other generators' registries. 南通职业大学 declares 智能财税 at two levels and
连云港中医药高等职业技术学校 declares 老年照护 at two levels for different majors, so a document must state
the level for the change to link.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

GROUPS = {
    "智能财税": "金融财税类协作组", "业财一体信息化应用": "金融财税类协作组", "个税计算": "金融财税类协作组",
    "Web前端开发": "计算机与软件类协作组", "移动应用开发": "计算机与软件类协作组",
    "数据采集": "计算机与软件类协作组", "网络系统建设与运维": "电子信息及网络与通信类协作组",
    "物流管理": "电商物流类协作组", "电子商务数据分析": "电商物流类协作组", "直播电商": "电商物流类协作组",
    "工业机器人集成应用": "机电设备和自动化类协作组", "可编程控制器系统应用编程": "机电设备和自动化类协作组",
    "多工序数控机床操作": "机械设计制造类协作组", "老年照护": "卫生与公共服务类协作组",
    "母婴护理": "卫生与公共服务类协作组", "中医体质评估与应用": "卫生与公共服务类协作组",
    "药物制剂生产": "食品药品与粮食类协作组", "食品检验管理": "食品药品与粮食类协作组",
    "茶艺": "旅游类协作组", "研学旅行策划与管理（EEPO）": "旅游类协作组",
    "界面设计": "文化艺术类协作组", "数字创意建模": "文化艺术类协作组",
    "装配式建筑构件制作与安装": "土木建筑类协作组",
}

# certificates none of the schools below declares
UNDECLARED_POOL = ("邮轮运营服务", "特殊焊接技术", "传感网应用开发", "智能网联汽车检测与运维", "云服务操作管理",
                   "污水处理", "无人机摄影测量", "新媒体技术")

# majors none of the schools enrols, with their catalogue codes
FOREIGN_MAJORS = (("航海技术", "500301"), ("草药栽培技术", "410109"), ("民航运输服务", "500405"),
                  ("石油化工技术", "470203"), ("水利工程", "450201"), ("冶金工程技术", "430102"),
                  ("动物医学", "410301"), ("铁道交通运营管理", "500601"))


@dataclass(frozen=True)
class School:
    name: str
    kind: str
    city: str
    aliases: tuple[str, ...]
    emails: tuple[str, ...]
    majors: tuple[tuple[str, str], ...]


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


SCHOOLS: tuple[School, ...] = (
    School("无锡商业职业技术学院", "高职", "无锡市", ("无锡商院", "无商院"), ("jwc@wxic.edu.cn",),
           (("电子商务", "530701"), ("现代物流管理", "530802"), ("大数据与会计", "530302"), ("直播电商服务", "530704"),
            ("数字媒体技术", "510204"), ("软件技术", "510203"), ("旅游管理", "540101"))),
    School("南通职业大学", "高职", "南通市", ("南通职大",), ("jwc@ntvu.edu.cn", "1xban@ntvu.edu.cn"),
           (("大数据与会计", "530302"), ("大数据与财务管理", "530301"), ("机电一体化技术", "460301"),
            ("电气自动化技术", "460306"), ("数控技术", "460103"), ("计算机网络技术", "510202"),
            ("建筑工程技术", "440301"))),
    School("苏州健雄职业技术学院", "高职", "苏州市", ("健雄学院", "苏州健雄职院"), ("jwc@csit.edu.cn",),
           (("工业机器人技术", "460305"), ("智能制造装备技术", "460104"), ("药品生产技术", "490201"),
            ("食品检验检测技术", "490104"), ("移动应用开发", "510205"), ("视觉传达设计", "550101"))),
    School("连云港中医药高等职业技术学校", "中职", "连云港市", ("连云港中医药高职校",), ("lygzyy_jwc@163.com",),
           (("中医康复技术", "720415"), ("护理", "720201"), ("中药", "720401"), ("老年人服务与管理", "790301"),
            ("药剂", "720301"))),
    School("泰州机电高等职业技术学校", "中职", "泰州市", ("泰州机电高职校", "泰州机电"), ("tzjd_jwc@126.com",),
           (("机电技术应用", "660301"), ("数控技术应用", "660103"), ("工业机器人技术应用", "660303"),
            ("电子商务", "730701"), ("计算机应用", "710201"))),
    School("南京旅游营养中等专业学校", "中职", "南京市", ("南京旅游营养中专",), ("njlyyy@163.com",),
           (("旅游服务与管理", "740101"), ("中餐烹饪", "740201"), ("茶艺与茶营销", "740105"),
            ("会计事务", "730301"), ("电子商务", "730701"))),
    School("南京晓庄学院", "本科", "南京市", ("晓庄学院",), ("jwc@njxzc.edu.cn",),
           (("财务管理", "120204"), ("电子商务", "120801"), ("软件工程", "080902"), ("数字媒体技术", "080906"),
            ("旅游管理", "120901K"), ("学前教育", "040106"))),
    School("淮安生物工程高等职业学校", "中职", "淮安市", ("淮安生物工程高职校",), ("hasw_jwc@163.com",),
           (("食品安全与检测技术", "690104"), ("药品食品检验", "720302"), ("计算机应用", "710201"),
            ("会计事务", "730301"), ("园林技术", "610201"))),
)

# (school index, certificate, level, major, headcount, capacity)
_DECLARED = (
    (0, "电子商务数据分析", "中级", "电子商务", 90, 210), (0, "物流管理", "中级", "现代物流管理", 60, 150),
    (0, "直播电商", "初级", "直播电商服务", 50, 120), (0, "智能财税", "中级", "大数据与会计", 80, 240),
    (0, "界面设计", "中级", "数字媒体技术", 40, 95), (0, "Web前端开发", "中级", "软件技术", 55, 130),
    (1, "智能财税", "初级", "大数据与会计", 100, 280), (1, "智能财税", "中级", "大数据与财务管理", 60, 150),
    (1, "可编程控制器系统应用编程", "中级", "电气自动化技术", 45, 110), (1, "多工序数控机床操作", "中级", "数控技术", 40, 85),
    (1, "网络系统建设与运维", "初级", "计算机网络技术", 50, 120),
    (1, "装配式建筑构件制作与安装", "初级", "建筑工程技术", 30, 70),
    (2, "工业机器人集成应用", "中级", "工业机器人技术", 60, 140), (2, "药物制剂生产", "中级", "药品生产技术", 40, 90),
    (2, "食品检验管理", "初级", "食品检验检测技术", 45, 100), (2, "移动应用开发", "中级", "移动应用开发", 35, 80),
    (2, "数字创意建模", "初级", "视觉传达设计", 30, 75),
    (3, "老年照护", "初级", "护理", 80, 200), (3, "老年照护", "中级", "老年人服务与管理", 40, 90),
    (3, "中医体质评估与应用", "初级", "中医康复技术", 60, 130), (3, "母婴护理", "初级", "护理", 50, 200),
    (3, "药物制剂生产", "初级", "药剂", 30, 65),
    (4, "可编程控制器系统应用编程", "初级", "机电技术应用", 50, 120), (4, "多工序数控机床操作", "初级", "数控技术应用", 45, 100),
    (4, "工业机器人集成应用", "初级", "工业机器人技术应用", 40, 85), (4, "直播电商", "初级", "电子商务", 35, 80),
    (4, "数据采集", "初级", "计算机应用", 30, 70),
    (5, "茶艺", "初级", "茶艺与茶营销", 40, 90), (5, "研学旅行策划与管理（EEPO）", "初级", "旅游服务与管理", 50, 110),
    (5, "个税计算", "初级", "会计事务", 45, 95), (5, "电子商务数据分析", "初级", "电子商务", 30, 75),
    (6, "业财一体信息化应用", "高级", "财务管理", 70, 220), (6, "电子商务数据分析", "高级", "电子商务", 40, 120),
    (6, "Web前端开发", "高级", "软件工程", 60, 180), (6, "界面设计", "高级", "数字媒体技术", 35, 100),
    (6, "研学旅行策划与管理（EEPO）", "中级", "旅游管理", 40, 85),
    (7, "食品检验管理", "初级", "食品安全与检测技术", 60, 140), (7, "药物制剂生产", "初级", "药品食品检验", 30, 70),
    (7, "个税计算", "初级", "会计事务", 40, 90), (7, "数据采集", "初级", "计算机应用", 35, 80),
)


def _applications() -> tuple[Application, ...]:
    out = []
    for number, (index, certificate, level, major, headcount, capacity) in enumerate(_DECLARED):
        school = SCHOOLS[index]
        out.append(Application(f"JS2024-{2207 + number * 11:05d}", school.name, certificate, level, major,
                               dict(school.majors)[major], headcount, capacity))
    return tuple(out)


APPLICATIONS: tuple[Application, ...] = _applications()


def applications_of(school: School) -> list[Application]:
    return [a for a in APPLICATIONS if a.school == school.name]


def write_registry(directory: Path) -> None:
    """`schools.csv` and `applications.csv` with the SPEC §3 headers, UTF-8 with BOM, lists joined by ；."""
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
            writer.writerow([a.id, a.school, a.certificate, a.level, a.major, a.code, a.headcount, a.capacity,
                             a.group])
