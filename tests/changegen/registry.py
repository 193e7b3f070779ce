"""Ten fictional Jiangsu schools and their 2024 declarations, in the columns of `examples/registry/`."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

SCHOOL_COLUMNS = ["单位名称", "单位类型", "设区市", "别名", "联系邮箱", "招生专业"]
APPLICATION_COLUMNS = ["申报编号", "单位名称", "证书名称", "等级", "专业名称", "专业代码", "申报人数",
                       "可参与专业在校生数", "协作组"]


@dataclass(frozen=True)
class School:
    name: str
    kind: str  # 中职 / 高职 / 本科
    city: str
    alias: str
    email: str
    majors: tuple[str, ...]
    domain: str


@dataclass(frozen=True)
class Declaration:
    app_id: str
    school: str
    certificate: str
    level: str
    major: str
    headcount: int
    enrolled: int
    group: str


# major name → catalogue code (职业教育专业目录 2021 / 本科目录 style)
MAJOR_CODES = {
    "会计事务": "730301", "电子商务": "730701", "计算机应用": "710201", "物流服务与管理": "730901",
    "数控技术应用": "660103", "机电技术应用": "660301", "汽车运用与维修": "700206",
    "旅游服务与管理": "740101", "中餐烹饪": "740201", "计算机平面设计": "710203",
    "计算机网络技术": "710202", "数字媒体技术应用": "710204", "网络信息安全": "710207",
    "大数据与会计": "530302", "现代物流管理": "530802", "软件技术": "510203",
    "工业机器人技术": "460305", "机电一体化技术": "460301", "数控技术": "460103", "智能控制技术": "460303",
    "建筑工程技术": "440301", "工程造价": "440501", "建设工程管理": "440502", "计算机应用技术": "510201",
    "护理": "520201", "智慧健康养老服务与管理": "590302", "药学": "520301", "老年保健与管理": "520802",
    "会计学": "120203K", "财务管理": "120204", "计算机科学与技术": "080901", "物流管理": "120601",
    "大数据技术": "510205",
}
# the same name has another code in the 高职 catalogue
HIGHER_CODES = {"电子商务": "530701", "计算机网络技术": "510202"}

SCHOOLS: tuple[School, ...] = (
    School("淮安市清江中等专业学校", "中职", "淮安市", "清江中专", "jwc@qjzz.edu.cn",
           ("会计事务", "电子商务", "计算机应用", "物流服务与管理"), "qjzz.edu.cn"),
    School("盐城市滨海中等专业学校", "中职", "盐城市", "滨海中专", "1x@bhzz.edu.cn",
           ("数控技术应用", "机电技术应用", "汽车运用与维修", "计算机应用"), "bhzz.edu.cn"),
    School("镇江润州职业技术学院", "高职", "镇江市", "润州职院", "jwc@rzvtc.edu.cn",
           ("大数据与会计", "电子商务", "现代物流管理", "软件技术", "大数据技术"), "rzvtc.edu.cn"),
    School("泰州凤城职业技术学院", "高职", "泰州市", "", "1x@fcvtc.edu.cn",
           ("工业机器人技术", "机电一体化技术", "数控技术", "智能控制技术"), "fcvtc.edu.cn"),
    School("扬州邗江中等专业学校", "中职", "扬州市", "邗江中专", "jwc@hjzz.edu.cn",
           ("会计事务", "旅游服务与管理", "中餐烹饪", "计算机平面设计"), "hjzz.edu.cn"),
    School("苏州吴淞江职业技术学院", "高职", "苏州市", "吴淞江职院", "jwc@wsjvtc.edu.cn",
           ("建筑工程技术", "工程造价", "建设工程管理", "计算机应用技术"), "wsjvtc.edu.cn"),
    School("南京秦淮应用技术学院", "本科", "南京市", "", "1x@qhit.edu.cn",
           ("会计学", "财务管理", "计算机科学与技术", "物流管理"), "qhit.edu.cn"),
    School("常州武进中等专业学校", "中职", "常州市", "武进中专", "jwc@wjzz.edu.cn",
           ("电子商务", "物流服务与管理", "计算机网络技术", "数字媒体技术应用"), "wjzz.edu.cn"),
    School("徐州云龙职业技术学院", "高职", "徐州市", "云龙职院", "jwc@ylvtc.edu.cn",
           ("护理", "老年保健与管理", "智慧健康养老服务与管理", "药学"), "ylvtc.edu.cn"),
    School("连云港海州中等专业学校", "中职", "连云港市", "海州中专", "1x@hzzz.edu.cn",
           ("电子商务", "会计事务", "汽车运用与维修", "网络信息安全"), "hzzz.edu.cn"),
)

FIN, COMP, ECOM, MECH, ROBO, CIVIL, CARE, ROAD, TOUR = (
    "金融财税类协作组", "计算机与软件类协作组", "电商物流类协作组", "机械设计制造类协作组",
    "机电设备和自动化类协作组", "土木建筑类协作组", "卫生与公共服务类协作组", "道路运输类协作组", "旅游类协作组")

# (school index, certificate, level, major, headcount, enrolled, group); several certificates are declared
# at two levels by one school, so a document must state the level for those.
_DECLARED = (
    (0, "智能财税", "初级", "会计事务", 60, 150, FIN),
    (0, "智能财税", "中级", "会计事务", 40, 150, FIN),
    (0, "电子商务数据分析", "初级", "电子商务", 50, 120, ECOM),
    (0, "物流管理", "初级", "物流服务与管理", 45, 90, ECOM),
    (0, "Web前端开发", "初级", "计算机应用", 40, 110, COMP),
    (1, "数控车铣加工", "初级", "数控技术应用", 70, 160, MECH),
    (1, "汽车运用与维修", "初级", "汽车运用与维修", 50, 100, ROAD),
    (1, "工业机器人操作与运维", "初级", "机电技术应用", 40, 90, ROBO),
    (1, "数控车铣加工", "中级", "数控技术应用", 30, 160, MECH),
    (2, "业财一体信息化应用", "中级", "大数据与会计", 80, 240, FIN),
    (2, "网店运营推广", "中级", "电子商务", 60, 150, ECOM),
    (2, "物流管理", "中级", "现代物流管理", 60, 130, ECOM),
    (2, "Web前端开发", "中级", "软件技术", 100, 200, COMP),
    (2, "大数据应用开发（Python）", "中级", "大数据技术", 40, 90, COMP),
    (3, "工业机器人应用编程", "中级", "工业机器人技术", 80, 150, ROBO),
    (3, "数控车铣加工", "中级", "数控技术", 90, 180, MECH),
    (3, "工业机器人应用编程", "高级", "工业机器人技术", 30, 150, ROBO),
    (3, "可编程控制器系统应用编程", "中级", "机电一体化技术", 60, 140, ROBO),
    (4, "智能财税", "初级", "会计事务", 55, 130, FIN),
    (4, "研学旅行策划与管理", "初级", "旅游服务与管理", 35, 80, TOUR),
    (4, "界面设计", "初级", "计算机平面设计", 40, 95, COMP),
    (5, "建筑信息模型（BIM）", "初级", "建筑工程技术", 90, 220, CIVIL),
    (5, "建筑信息模型（BIM）", "中级", "建筑工程技术", 40, 220, CIVIL),
    (5, "工程造价数字化应用", "中级", "工程造价", 70, 160, CIVIL),
    (5, "Web前端开发", "中级", "计算机应用技术", 50, 120, COMP),
    (6, "财务数字化应用", "中级", "会计学", 60, 260, FIN),
    (6, "大数据财务分析", "高级", "财务管理", 40, 180, FIN),
    (6, "物流管理", "高级", "物流管理", 30, 120, ECOM),
    (6, "云计算平台运维与开发", "中级", "计算机科学与技术", 50, 200, COMP),
    (7, "电子商务数据分析", "初级", "电子商务", 60, 140, ECOM),
    (7, "网络安全运维", "初级", "计算机网络技术", 45, 100, COMP),
    (7, "物流管理", "初级", "物流服务与管理", 50, 110, ECOM),
    (7, "数字媒体交互设计", "初级", "数字媒体技术应用", 40, 90, COMP),
    (8, "老年照护", "中级", "智慧健康养老服务与管理", 60, 140, CARE),
    (8, "母婴护理", "初级", "护理", 80, 300, CARE),
    (8, "失智老年人照护", "中级", "老年保健与管理", 40, 100, CARE),
    (8, "老年照护", "初级", "护理", 100, 300, CARE),
    (9, "网店运营推广", "初级", "电子商务", 50, 120, ECOM),
    (9, "智能财税", "初级", "会计事务", 45, 110, FIN),
    (9, "汽车运用与维修", "初级", "汽车运用与维修", 40, 85, ROAD),
    (9, "网络安全运维", "初级", "网络信息安全", 30, 70, COMP),
)

DECLARATIONS: tuple[Declaration, ...] = tuple(
    Declaration(f"JS2024-{1200 + 37 * i:05d}", SCHOOLS[s].name, cert, level, major, head, enrolled, group)
    for i, (s, cert, level, major, head, enrolled, group) in enumerate(_DECLARED))


def declarations_of(school: School) -> list[Declaration]:
    return [d for d in DECLARATIONS if d.school == school.name]


def levels_of(school: School, certificate: str) -> list[str]:
    return [d.level for d in declarations_of(school) if d.certificate == certificate]


def code_of(major: str, kind: str = "中职") -> str:
    if kind != "中职" and major in HIGHER_CODES:
        return HIGHER_CODES[major]
    return MAJOR_CODES.get(major, "")


def school_named(name: str) -> School:
    return next(s for s in SCHOOLS if s.name == name)


def write_registry(directory: Path) -> None:
    """`directory/schools.csv` and `directory/applications.csv`, UTF-8 with BOM as Excel writes them."""
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / "schools.csv").open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(SCHOOL_COLUMNS)
        for s in SCHOOLS:
            writer.writerow([s.name, s.kind, s.city, s.alias, s.email, "；".join(s.majors)])
    with (directory / "applications.csv").open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(APPLICATION_COLUMNS)
        for d in DECLARATIONS:
            writer.writerow([d.app_id, d.school, d.certificate, d.level, d.major, code_of(d.major, school_named(d.school).kind),
                             d.headcount, d.enrolled, d.group])
