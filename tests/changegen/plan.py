"""What one request asks for: the school, the declarations it adjusts and how, and the truth of that."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from tests.changegen.registry import SCHOOLS, Declaration, School, declarations_of, levels_of

FIELDS = ("headcount", "level", "major")
LEVELS = ("初级", "中级", "高级")


@dataclass
class Row:
    """One declaration the document speaks of; `new` maps field → new value (empty: a 不调整 row)."""

    decl: Declaration
    new: dict[str, object] = field(default_factory=dict)

    def old(self, name: str) -> object:
        return {"headcount": self.decl.headcount, "level": self.decl.level, "major": self.decl.major}[name]


@dataclass
class Plan:
    school: School
    rows: list[Row]
    reasons: list[str]

    @property
    def changed(self) -> list[Row]:
        return [row for row in self.rows if row.new]

    def truth_changes(self) -> list[dict]:
        out = []
        for row in self.rows:
            for name in FIELDS:
                if name in row.new:
                    out.append({"certificate": row.decl.certificate, "field": name, "from": row.old(name),
                                "to": row.new[name], "application_id": row.decl.app_id})
        return out

    def problems(self) -> list[str]:
        problems = set()
        for row in self.rows:
            if "headcount" in row.new and int(row.new["headcount"]) > row.decl.enrolled:
                problems.add("exceeds_enrollment")
            if "major" in row.new and row.new["major"] not in self.school.majors:
                problems.add("major_not_offered")
        return sorted(problems)


REASONS = {
    "headcount": ["学生报名人数增加", "部分学生转专业", "根据实际报考意向调整", "本届毕业生人数变化",
                  "扩大试点覆盖面", "部分学生已取得证书", "按实际在校生人数核减"],
    "level": ["学生基础较好，申请提高等级", "与人才培养方案对接", "按课程进度调整考核等级",
              "初级已基本覆盖", "学生实际水平与原等级不符"],
    "major": ["专业名称按新目录调整", "证书与该专业课程更契合", "原专业本年度停招", "专业调整后对应关系变化"],
}


def _new_value(rng: random.Random, school: School, decl: Declaration, name: str) -> object | None:
    if name == "headcount":
        low, high = max(10, decl.headcount - 40), min(decl.enrolled, decl.headcount + 60)
        options = [v for v in range(low - low % 5, high + 1, 5) if v != decl.headcount and v >= 10]
        return rng.choice(options) if options else None
    if name == "level":
        taken = set(levels_of(school, decl.certificate))
        allowed = LEVELS if school.kind != "中职" else LEVELS[:2]
        options = [lv for lv in allowed if lv not in taken]
        return rng.choice(options) if options else None
    options = [m for m in school.majors if m != decl.major]
    return rng.choice(options) if options else None


def make_plan(rng: random.Random, *, min_changes: int = 1, max_changes: int = 4, multi_field: float = 0.2,
              no_change_rows: float = 0.0, school: School | None = None) -> Plan:
    """A school and 1–4 changes valid against the registry (`to` inside enrolment and 招生专业)."""
    school = school or rng.choice(SCHOOLS)
    decls = declarations_of(school)
    rng.shuffle(decls)
    want = rng.randint(min_changes, max_changes)
    rows: list[Row] = []
    count = 0
    for decl in decls:
        if count >= want:
            break
        fields = list(FIELDS)
        rng.shuffle(fields)
        weights = {"headcount": 5, "level": 2, "major": 2}
        first = rng.choices(fields, [weights[f] for f in fields])[0]
        chosen = [first]
        if rng.random() < multi_field and count + 1 < want:
            chosen.append(rng.choice([f for f in FIELDS if f != first]))
        row = Row(decl)
        for name in chosen:
            value = _new_value(rng, school, decl, name)
            if value is not None and count < want:
                row.new[name] = value
                count += 1
        if row.new:
            rows.append(row)
    if count < min_changes:  # fall back to headcount changes, always possible
        for decl in decls:
            if count >= min_changes:
                break
            if all(r.decl is not decl for r in rows):
                rows.append(Row(decl, {"headcount": _new_value(rng, school, decl, "headcount")}))
                count += 1
    if no_change_rows and rng.random() < no_change_rows:
        spare = [d for d in decls if all(r.decl is not d for r in rows)]
        if spare:
            rows.insert(rng.randrange(len(rows) + 1), Row(spare[0]))
    rows.sort(key=lambda r: r.decl.app_id)
    reasons = [rng.choice(REASONS[next(iter(r.new))]) if r.new else "不调整" for r in rows]
    return Plan(school, rows, reasons)
