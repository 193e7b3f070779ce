"""The fictional registry signgen's requests are written against: schools and their declarations."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class School:
    name: str
    kind: str  # 中职 / 高职 / 本科
    city: str
    alias: str
    email: str
    majors: tuple[tuple[str, str], ...]  # (code, name) of 招生专业

    def code_of(self, major: str) -> str:
        return next(code for code, name in self.majors if name == major)


@dataclass(frozen=True)
class Declaration:
    app_id: str
    school: str
    certificate: str
    level: str
    major: str
    code: str
    headcount: int
    capacity: int  # 可参与专业在校生数
    group: str


def _s(name: str, kind: str, city: str, alias: str, email: str, majors: str) -> School:
    pairs = tuple(tuple(item.split(" ", 1)) for item in majors.split("；"))
    return School(name, kind, city, alias, email, pairs)  # type: ignore[arg-type]


SCHOOLS: tuple[School, ...] = (
    _s("盐城市射阳中等专业学校", "中职", "盐城市", "射阳中专", "jwc@syzz.edu.cn",
       "710201 计算机应用；730701 电子商务；730301 会计事务；700206 数控技术应用"),
    _s("宿迁经贸高等职业技术学校", "中职", "宿迁市", "宿迁经贸", "1x@sqjm.edu.cn",
       "730301 会计事务；730701 电子商务；730801 物流服务与管理；710201 计算机应用"),
    _s("南通市海门中等专业学校", "中职", "南通市", "海门中专", "jiaowu@hmzz.net",
       "700209 工业机器人技术应用；700206 数控技术应用；710201 计算机应用；720201 护理"),
    _s("镇江丹徒职业教育中心", "中职", "镇江市", "丹徒职教中心", "dtzj@163.com",
       "710202 网络技术应用；710201 计算机应用；730701 电子商务"),
    _s("江苏云岭职业技术学院", "高职", "无锡市", "云岭职院", "jwc@yunling.edu.cn",
       "510203 软件技术；510201 计算机应用技术；510205 大数据技术；530701 电子商务；530802 现代物流管理"),
    _s("苏州吴江财经职业学院", "高职", "苏州市", "吴江财院", "1x@wjcj.edu.cn",
       "530302 大数据与会计；530303 会计信息管理；530701 电子商务；530802 现代物流管理"),
    _s("淮安运河建设职业技术学院", "高职", "淮安市", "运河建院", "jwc@hayh.edu.cn",
       "440301 建筑工程技术；440501 工程造价；440102 建筑设计；440401 建设工程管理"),
    _s("常州武进智能制造职业学院", "高职", "常州市", "武进智造", "zs@wjzz.edu.cn",
       "460305 工业机器人技术；460301 机电一体化技术；460103 数控技术；460104 机械制造及自动化"),
    _s("扬州广陵健康职业学院", "高职", "扬州市", "广陵健院", "jwc@glhealth.edu.cn",
       "520201 护理；590302 智慧健康养老服务与管理；520801 康复治疗技术"),
    _s("江苏金陵应用技术学院", "本科", "南京市", "金陵应用", "jwc@jlyy.edu.cn",
       "120203K 会计学；120601 物流管理；080901 计算机科学与技术；080902 软件工程；120801 电子商务"),
)

_GROUP = {"Web前端开发": "计算机与软件类协作组", "网络安全运维": "计算机与软件类协作组",
          "大数据应用开发（Python）": "计算机与软件类协作组", "云计算平台运维与开发": "计算机与软件类协作组",
          "电子商务数据分析": "电商物流类协作组", "物流管理": "电商物流类协作组", "网店运营推广": "电商物流类协作组",
          "智能财税": "金融财税类协作组", "业财一体信息化应用": "金融财税类协作组", "财务共享服务": "金融财税类协作组",
          "建筑信息模型（BIM）": "土木建筑类协作组", "建筑工程识图": "土木建筑类协作组",
          "工业机器人操作与运维": "机电设备和自动化类协作组", "数控车铣加工": "机械设计制造类协作组",
          "老年照护": "卫生与公共服务类协作组", "母婴护理": "卫生与公共服务类协作组"}

# (school index, certificate, level, major, headcount, capacity)
_DECLARED = (
    (0, "Web前端开发", "中级", "计算机应用", 80, 150), (0, "电子商务数据分析", "初级", "电子商务", 60, 90),
    (0, "智能财税", "初级", "会计事务", 50, 120), (0, "数控车铣加工", "初级", "数控技术应用", 40, 70),
    (1, "智能财税", "初级", "会计事务", 60, 140), (1, "智能财税", "中级", "会计事务", 30, 140),
    (1, "物流管理", "初级", "物流服务与管理", 45, 80), (1, "网店运营推广", "初级", "电子商务", 50, 100),
    (2, "工业机器人操作与运维", "初级", "工业机器人技术应用", 40, 75), (2, "老年照护", "初级", "护理", 60, 110),
    (2, "Web前端开发", "初级", "计算机应用", 50, 95),
    (3, "网络安全运维", "初级", "网络技术应用", 35, 60), (3, "Web前端开发", "初级", "计算机应用", 40, 85),
    (3, "电子商务数据分析", "初级", "电子商务", 30, 55),
    (4, "Web前端开发", "中级", "软件技术", 120, 260), (4, "大数据应用开发（Python）", "中级", "大数据技术", 60, 130),
    (4, "云计算平台运维与开发", "中级", "计算机应用技术", 50, 110), (4, "物流管理", "中级", "现代物流管理", 70, 120),
    (5, "智能财税", "中级", "大数据与会计", 150, 320), (5, "业财一体信息化应用", "中级", "会计信息管理", 80, 160),
    (5, "财务共享服务", "中级", "大数据与会计", 60, 320), (5, "电子商务数据分析", "中级", "电子商务", 70, 140),
    (6, "建筑信息模型（BIM）", "初级", "建筑工程技术", 90, 180), (6, "建筑信息模型（BIM）", "中级", "建筑工程技术", 40, 180),
    (6, "建筑工程识图", "中级", "工程造价", 100, 150),
    (7, "工业机器人操作与运维", "中级", "工业机器人技术", 80, 160), (7, "数控车铣加工", "中级", "数控技术", 60, 140),
    (7, "工业机器人操作与运维", "初级", "机电一体化技术", 50, 200),
    (8, "老年照护", "中级", "智慧健康养老服务与管理", 60, 100), (8, "母婴护理", "初级", "护理", 80, 260),
    (9, "智能财税", "中级", "会计学", 100, 240), (9, "物流管理", "中级", "物流管理", 60, 110),
    (9, "Web前端开发", "中级", "软件工程", 80, 190),
)


def declarations() -> list[Declaration]:
    out = []
    for number, (index, cert, level, major, headcount, capacity) in enumerate(_DECLARED, start=301):
        school = SCHOOLS[index]
        out.append(Declaration(f"JS2024-{number:05d}", school.name, cert, level, major, school.code_of(major),
                               headcount, capacity, _GROUP[cert]))
    return out


def of_school(name: str) -> list[Declaration]:
    return [decl for decl in declarations() if decl.school == name]


def write(directory: Path) -> None:
    """Write `schools.csv` and `applications.csv` (columns of examples/registry/) into `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / "schools.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["单位名称", "单位类型", "设区市", "别名", "联系邮箱", "招生专业"])
        for school in SCHOOLS:
            writer.writerow([school.name, school.kind, school.city, school.alias, school.email,
                             "；".join(name for _, name in school.majors)])
    with (directory / "applications.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["申报编号", "单位名称", "证书名称", "等级", "专业名称", "专业代码", "申报人数",
                         "可参与专业在校生数", "协作组"])
        for decl in declarations():
            writer.writerow([decl.app_id, decl.school, decl.certificate, decl.level, decl.major, decl.code,
                             decl.headcount, decl.capacity, decl.group])
