"""How schools word the pieces: approval labels, certificate names, values, prose changes, reasons."""

from __future__ import annotations

import random

from tests.wildgen.plan import Change, Plan

DEPT_LABELS = ["证书试点管理部门（盖章）意见", "试点工作负责部门意见", "证书试点管理部门意见",
               "教务处（证书试点管理部门）审核意见", "1+X证书试点管理部门意见", "学校证书试点管理部门审核意见"]
LEADER_ZZ = ["学校分管领导审批意见", "分管副校长意见", "校领导签批", "校级分管领导意见", "分管校长审批意见"]
LEADER_GZ = ["学校分管领导审批意见", "分管副院长意见", "院领导签批", "校级分管领导意见", "分管院领导审批意见"]
FIELD_WORDS = {"headcount": ["人数规模", "试点人数", "申报人数"], "level": ["考核等级", "证书等级"],
               "major": ["考核专业", "试点专业"]}
REASONS = {"headcount_up": ["报名学生增加", "新生扩招", "学生参考意愿高", "专业在校生增加"],
           "headcount_down": ["部分学生转专业", "实训工位不足", "按实际报名人数调整", "部分学生已取证"],
           "level": ["按人才培养方案调整", "学生基础较好", "与课程进度匹配", "按年级重新核定"],
           "major": ["专业调整", "原专业今年未招生", "按专业对应关系调整", "课程已融入新专业"]}


def labels(plan: Plan, rng: random.Random) -> tuple[str, str]:
    leaders = LEADER_GZ if plan.school.name.endswith("学院") else LEADER_ZZ
    return rng.choice(DEPT_LABELS), rng.choice(leaders)


def we(plan: Plan) -> str:
    return "院" if plan.school.name.endswith("学院") else "校"


def official(cert: str) -> str:
    return f"{cert}职业技能等级证书"


def cert_cell(c: Change, rng: random.Random, level: bool) -> str:
    """A table's certificate cell: bare, official title, and (when `level`) the level in parentheses."""
    name = official(c.certificate) if rng.random() < 0.55 else c.certificate
    return f"{name}（{c.level}）" if level else name


def reason(c: Change, rng: random.Random) -> str:
    if c.field == "headcount":
        return rng.choice(REASONS["headcount_up" if int(c.new) > int(c.old) else "headcount_down"])
    return rng.choice(REASONS[c.field])


def value(c: Change, v: object, unit: str) -> str:
    return f"{v}{unit}" if c.field == "headcount" else str(v)


def prose_change(c: Change, rng: random.Random, lead: bool = True) -> str:
    """One change as a 说明 clause, sometimes with a reason in front and an unchanged field after."""
    cert = rng.choice([f"“{c.certificate}”职业技能等级证书（{c.level}）", f"{c.certificate}（{c.level}）证书",
                       f"“{c.certificate}”（{c.level}）", f"{official(c.certificate)}（{c.level}）"])
    why = f"因{reason(c, rng)}，" if lead and rng.random() < 0.6 else ""
    if c.field == "headcount":
        verb = "调增至" if int(c.new) > int(c.old) else "调减至"
        body = rng.choice([f"原申报的{cert}试点人数由{c.old}人调整为{c.new}人",
                           f"{cert}人数规模由{c.old}人{verb}{c.new}人",
                           f"{cert}的申报人数拟由原{c.old}人调整为{c.new}人"])
        tail = rng.choice(["", "，考核专业不变", "，考核等级、考核专业不变"])
    elif c.field == "level":
        cert = cert.replace(f"（{c.level}）", "")
        body = rng.choice([f"原申报的{cert}考核等级由{c.old}调整为{c.new}",
                           f"{cert}的考核等级拟由{c.old}变更为{c.new}"])
        tail = rng.choice(["，人数不变", "，试点人数保持不变", ""])
    else:
        body = rng.choice([f"原申报的{cert}考核专业由{c.old}调整为{c.new}",
                           f"{cert}试点专业由“{c.old}”变更为“{c.new}”"])
        tail = rng.choice(["，人数不变", "，试点人数不变", ""])
    return why + body + tail
