"""How schools phrase a change: prose sentences and table rows, several habits each."""

from __future__ import annotations

import random

from tests.officegen.plan import Change


def cert_label(rng: random.Random, change: Change, official: bool | None = None) -> str:
    """The certificate with its level, as written: `X（中级）`, `“X”证书（中级）`, `X职业技能等级证书（中级）`."""
    style = rng.randrange(3) if official is None else (2 if official else 0)
    if style == 0:
        return f"{change.certificate}（{change.level}）"
    if style == 1:
        return f"“{change.certificate}”证书（{change.level}）"
    return f"{change.certificate}职业技能等级证书（{change.level}）"


def _major(rng: random.Random, change: Change, value: str) -> str:
    if change.decl and value == change.decl.major and rng.random() < 0.35:
        return f"{change.decl.major_code} {value}"
    return value


def sentence(rng: random.Random, change: Change) -> str:
    """One change in prose, without the final punctuation."""
    cert = cert_label(rng, change)
    old, new = change.old, change.new
    if change.field == "headcount":
        diff = int(new) - int(old)
        forms = [f"拟将{cert}试点人数由{old}人调整为{new}人",
                 f"{cert}：试点人数 {old}人 → {new}人"]
        if diff > 0:
            forms.append(f"申请增加{cert}试点人数{diff}人（由{old}人增至{new}人）")
        else:
            forms.append(f"申请减少{cert}试点人数{-diff}人（由{old}人减至{new}人）")
        return rng.choice(forms)
    if change.field == "major":
        o, n = _major(rng, change, str(old)), str(new)
        return rng.choice([f"更换考核专业：{cert} {o} → {n}",
                           f"拟将{cert}的考核专业由“{o}”调整为“{n}”"])
    name = rng.choice([change.certificate, f"“{change.certificate}”证书"])
    return rng.choice([f"拟将{name}考核等级由{old}调整为{new}",
                       f"{name}：考核等级 {old} → {new}"])


def table_row(change: Change) -> dict[str, str]:
    """Cells of one change for a table with 证书名称/等级/调整类型/调整前/调整后/增减 columns."""
    delta = "—"
    if change.field == "headcount":
        d = int(change.new) - int(change.old)
        delta = f"+{d}" if d > 0 else str(d)
    item = {"headcount": "人数规模", "major": "考核专业", "level": "考核等级"}[change.field]
    return {"cert": change.certificate, "level": change.level, "type": change.kind_label, "item": item,
            "old": str(change.old), "new": str(change.new), "delta": delta}


REASONS = ("根据本年度招生实际情况", "因专业人才培养方案调整", "结合实训条件建设进度", "因学生报名意愿变化",
           "根据合作企业用人需求")
