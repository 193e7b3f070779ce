"""Fictional Jiangsu schools and their declarations (原申报), written as the registry CSVs."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class School:
    """One row of `schools.csv`."""

    name: str
    kind: str
    city: str
    alias: str
    emails: tuple[str, ...]
    majors: tuple[str, ...]


@dataclass(frozen=True)
class Declaration:
    """One row of `applications.csv`."""

    app_id: str
    school: str
    certificate: str
    level: str
    major: str
    major_code: str
    headcount: int
    enrolled: int
    group: str


SCHOOLS: tuple[School, ...] = (
    School("盐城市高级职业学校", "中职", "盐城市", "盐城高职校", ("jwc@ycgz.edu.cn",),
           ("计算机应用", "电子商务", "会计事务", "汽车运用与维修")),
    School("江苏省泗阳中等专业学校", "中职", "宿迁市", "泗阳中专", ("1x@syzz.edu.cn", "jwk@syzz.edu.cn"),
           ("数控技术应用", "电子技术应用", "计算机应用")),
    School("南通航运职业技术学院", "高职", "南通市", "南通航院", ("zsb1x@ntsc.edu.cn",),
           ("轮机工程技术", "船舶电子电气技术", "物流管理", "大数据与会计")),
    School("扬州工业职业技术学院", "高职", "扬州市", "扬工院", ("1xoffice@ypi.edu.cn",),
           ("建筑工程技术", "工程造价", "软件技术", "工业机器人技术")),
    School("徐州市贾汪中等专业学校", "中职", "徐州市", "贾汪中专", ("jiaowu@jwzz.edu.cn",),
           ("旅游服务与管理", "会计事务", "电子商务")),
    School("淮安信息职业技术学院", "高职", "淮安市", "淮信院", ("jwc@hcit.edu.cn",),
           ("计算机网络技术", "软件技术", "物联网应用技术", "电子商务")),
    School("镇江高等职业技术学校", "中职", "镇江市", "镇江高职校", ("zjgz1x@zjgz.edu.cn",),
           ("工业机器人技术应用", "数控技术应用", "护理")),
    School("泰州机电高等职业技术学校", "中职", "泰州市", "泰州机电", ("jwc@tzjd.edu.cn",),
           ("机电技术应用", "数控技术应用", "汽车运用与维修")),
    School("金陵科技学院", "本科", "南京市", "", ("1x@jit.edu.cn",),
           ("软件工程", "物流管理", "会计学", "数字媒体技术")),
    School("宜兴高等职业技术学校", "中职", "无锡市", "宜兴高职校", ("yxgz@yxgz.edu.cn",),
           ("会计事务", "计算机应用", "陶瓷工艺")),
)

_D = Declaration
DECLARATIONS: tuple[Declaration, ...] = (
    _D("JS2024-01101", "盐城市高级职业学校", "Web前端开发", "初级", "计算机应用", "710201", 60, 140, "计算机与软件类协作组"),
    _D("JS2024-01102", "盐城市高级职业学校", "Web前端开发", "中级", "计算机应用", "710201", 40, 140, "计算机与软件类协作组"),
    _D("JS2024-01103", "盐城市高级职业学校", "网店运营推广", "初级", "电子商务", "730701", 55, 90, "电商物流类协作组"),
    _D("JS2024-01104", "盐城市高级职业学校", "汽车运用与维修", "初级", "汽车运用与维修", "700206", 45, 70, "道路运输类协作组"),
    _D("JS2024-01201", "江苏省泗阳中等专业学校", "数控车铣加工", "初级", "数控技术应用", "660103", 70, 120, "机械设计制造类协作组"),
    _D("JS2024-01202", "江苏省泗阳中等专业学校", "传感网应用开发", "初级", "电子技术应用", "710103", 35, 60, "电子信息及网络与通信类协作组"),
    _D("JS2024-01203", "江苏省泗阳中等专业学校", "计算机视觉应用开发", "初级", "计算机应用", "710201", 30, 80, "计算机与软件类协作组"),
    _D("JS2024-01301", "南通航运职业技术学院", "物流管理", "中级", "物流管理", "530802", 90, 160, "电商物流类协作组"),
    _D("JS2024-01302", "南通航运职业技术学院", "智能财税", "中级", "大数据与会计", "530302", 80, 150, "金融财税类协作组"),
    _D("JS2024-01303", "南通航运职业技术学院", "船舶动力装置维护", "初级", "轮机工程技术", "500304", 40, 75, "航空航运类协作组"),
    _D("JS2024-01401", "扬州工业职业技术学院", "建筑信息模型（BIM）", "初级", "建筑工程技术", "440301", 100, 220, "土木建筑类协作组"),
    _D("JS2024-01402", "扬州工业职业技术学院", "建筑信息模型（BIM）", "中级", "工程造价", "440501", 50, 130, "土木建筑类协作组"),
    _D("JS2024-01403", "扬州工业职业技术学院", "工业机器人应用编程", "中级", "工业机器人技术", "460305", 60, 100, "机电设备和自动化类协作组"),
    _D("JS2024-01501", "徐州市贾汪中等专业学校", "智能财税", "初级", "会计事务", "730301", 50, 95, "金融财税类协作组"),
    _D("JS2024-01502", "徐州市贾汪中等专业学校", "研学旅行策划与管理", "初级", "旅游服务与管理", "740101", 30, 60, "旅游类协作组"),
    _D("JS2024-01601", "淮安信息职业技术学院", "网络系统建设与运维", "中级", "计算机网络技术", "510202", 120, 260, "计算机与软件类协作组"),
    _D("JS2024-01602", "淮安信息职业技术学院", "物联网工程实施与运维", "中级", "物联网应用技术", "510102", 70, 110, "电子信息及网络与通信类协作组"),
    _D("JS2024-01603", "淮安信息职业技术学院", "Web前端开发", "中级", "软件技术", "510203", 90, 200, "计算机与软件类协作组"),
    _D("JS2024-01604", "淮安信息职业技术学院", "Web前端开发", "高级", "软件技术", "510203", 30, 200, "计算机与软件类协作组"),
    _D("JS2024-01701", "镇江高等职业技术学校", "工业机器人操作与运维", "初级", "工业机器人技术应用", "660303", 45, 80, "机电设备和自动化类协作组"),
    _D("JS2024-01702", "镇江高等职业技术学校", "母婴护理", "初级", "护理", "720201", 60, 150, "卫生与公共服务类协作组"),
    _D("JS2024-01801", "泰州机电高等职业技术学校", "汽车运用与维修", "初级", "汽车运用与维修", "700206", 80, 130, "道路运输类协作组"),
    _D("JS2024-01802", "泰州机电高等职业技术学校", "数控车铣加工", "初级", "数控技术应用", "660103", 65, 100, "机械设计制造类协作组"),
    _D("JS2024-01803", "泰州机电高等职业技术学校", "数控车铣加工", "中级", "机电技术应用", "660301", 25, 90, "机械设计制造类协作组"),
    _D("JS2024-01901", "金陵科技学院", "物流管理", "中级", "物流管理", "120601", 60, 180, "电商物流类协作组"),
    _D("JS2024-01902", "金陵科技学院", "数字媒体交互设计", "中级", "数字媒体技术", "080906", 40, 120, "文化艺术类协作组"),
    _D("JS2024-02001", "宜兴高等职业技术学校", "智能财税", "初级", "会计事务", "730301", 55, 100, "金融财税类协作组"),
    _D("JS2024-02002", "宜兴高等职业技术学校", "Web前端开发", "初级", "计算机应用", "710201", 40, 85, "计算机与软件类协作组"),
)

# Real 1+X certificates no school above declared: a request naming one links to nothing.
UNDECLARED = ("大数据财务分析", "云计算平台运维与开发", "跨境电商B2B数据运营", "老年照护", "界面设计")


def declarations_of(school: str) -> list[Declaration]:
    """The declarations of one school, in registry order."""
    return [d for d in DECLARATIONS if d.school == school]


def school_named(name: str) -> School:
    """The school whose 单位名称 is `name`."""
    return next(s for s in SCHOOLS if s.name == name)


def write_registry(directory: Path) -> None:
    """Write `schools.csv` and `applications.csv` in the columns of examples/registry/."""
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / "schools.csv").open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["单位名称", "单位类型", "设区市", "别名", "联系邮箱", "招生专业"])
        for s in SCHOOLS:
            out.writerow([s.name, s.kind, s.city, s.alias, "；".join(s.emails), "；".join(s.majors)])
    with (directory / "applications.csv").open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["申报编号", "单位名称", "证书名称", "等级", "专业名称", "专业代码", "申报人数",
                      "可参与专业在校生数", "协作组"])
        for d in DECLARATIONS:
            out.writerow([d.app_id, d.school, d.certificate, d.level, d.major, d.major_code, d.headcount,
                          d.enrolled, d.group])
