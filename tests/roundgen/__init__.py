"""roundgen — an independent generator of Jiangsu 1+X declaration-adjustment request emails, with exact
truth per SPEC §2, drawing ordinary layouts and capture conditions the other generators do not draw. Written
from the SPEC, the notice, `bench/reading.py` and the other generators' module docstrings only (never the
product's reader nor the other generators' code), to measure the reader on documents it was never tuned on.

    generate(out_dir, n, base_seed)          # or: python -m tests.roundgen OUT_DIR N SEED

writes `out_dir/registry/{schools,applications}.csv` (eight fictional schools of its own, `registry.py`:
中职/高职/本科, 招生专业 with catalogue codes, two certificates declared at two levels), `out_dir/mail/NNNN.eml`
and `out_dir/truth.jsonl` (file, message_id, seed, family, school, seal, approvals {department, leader},
changes [{certificate, field, from, to, application_id}], problems, plus defect, subject and capture), scored
by `python -m bench.reading out_dir`. Message i is drawn from seed base_seed + i; seeds ≡ 0 (mod 4) are held
out. `family_of(i)` = FAMILIES[(i + i // 8) % 8]: every 8 consecutive messages show all eight families, and
every 32 give each family exactly one held-out message (so every family falls in both splits).

Families (`families.py`):
- `shuoming_strip` — a 情况说明 letter with the change table embedded mid-letter (序号 | 证书名称 | 等级 | 调整项目
  | 调整前 | 调整后), the seal over 申请单位 and date, and a 签批栏 strip at the page foot with three ruled columns
  经办人 | 证书试点管理部门意见 | 校领导意见 (the 经办人 is always signed and is not an approval); flatbed scan on
  yellowish, recycled or white paper, image PDF or JPEG.
- `side_form` — a 申请表 whose two approval cells sit side by side in one row, each behind a narrow cell whose
  label is printed vertically one character per line; 负责人签字 + signature, a printed 年 月 日 with the figures
  written in; a 单位盖章 row; bluish/pink/white paper, blocky JPEG q38–55, sometimes greyscale.
- `name_then_label` — a 请示 with changes as （一）（二） prose; opinions handwritten in blue cursive under
  typed labels, the signature written first and the printed `（签字）` label AFTER it, the date on a line of its
  own; a phone photo with mild perspective, warm uneven light and a finger holding a bottom corner.
- `per_major` — changes grouped per major: `一、大数据与会计专业（530302）` then `1．智能财税（中级）：试点人数由…`;
  a major change under its old major's heading may say only `考核专业调整为X`; two ruled opinion boxes;
  scanned on tinted paper folded in three (one or two creases), image PDF.
- `landscape_summary` — a landscape 申报调整汇总表 over all the school's declarations with twelve columns
  (专业代码, 可参与专业在校生数, 原申报人数, 是否调整, 调整后等级/专业/人数, 备注); only the 是 rows change one value,
  unchanged 调整后 cells repeat the value or hold —, / or nothing; the seal on the 填报单位（盖章） line at the top;
  opinions, 签字 and 日期 on three lines under the table; moiré, JPEG q42–60.
- `cover_toc` — a WPS text-layer PDF: 封面 (title, 申报单位, 联系人, Chinese-numeral month), 目录 with dot leaders,
  the letter, a born-digital 明细表 (layout A), and the 审批意见表 page as a scanned image with both opinions
  (负责人（签字）) and the seal.
- `compare_table` — a 调整前（原申报）| 调整后（拟调整） comparison table, each side 证书名称 | 等级 | 专业 | 人数,
  sometimes an unchanged row with both sides equal; two opinion boxes side by side; phone photo on a desk with
  perspective and often a finger, JPEG or downscaled PNG.
- `duplex_bleed` — a thin sheet printed on both sides: the letter on the front with one key–value block per
  change (证书名称：X 等级：中级 / 调整事项：试点人数 原申报：60人 现申请：80人), the 审批意见 and the seal on the back;
  greyscale duplex scan where each side's print shows through mirrored, 2-page image PDF.

Across all: signatures in a brush-like hand (slanted, crowded, a tail stroke) or a red 名章 (signature either
way), opinions in blue, blue-black or black ink, dates as 2024年3月8日, 2024.3.8, 3月8日 or 二〇二四年三月八日,
a 4.1–4.3 cm red round seal with the unit's name on the arc and a star.

About 70 % of messages are clean; the rest carry exactly one defect (`plan.DEFECTS`) with its one problem code:
an approval refused (不同意/暂不同意/不予同意), left unsigned, or with a typed name only; no seal; another school's
seal or the school's 教务处 seal (seal_mismatch); a certificate the school never declared
(no_matching_application); a headcount over 在校生数 (exceeds_enrollment); a major the school does not enrol
(major_not_offered); a malformed subject; arrival outside 2024-03-01..03-20 Asia/Shanghai.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.roundgen.families import FAMILY_FUNCS
from tests.roundgen.mail import build
from tests.roundgen.plan import make_plan
from tests.roundgen.registry import School, build_registry, write_registry

FAMILIES = list(FAMILY_FUNCS)


def family_of(i: int) -> str:
    return FAMILIES[(i + i // 8) % len(FAMILIES)]


def message(seed: int, family: str, schools: list[School]) -> tuple[bytes, dict]:
    """One request email and its truth (without `file`)."""
    plan = make_plan(seed, family, schools)
    rng = random.Random(seed * 104729 + 3)
    attachments, capture = FAMILY_FUNCS[family](plan, rng)
    raw, message_id = build(plan, attachments, rng)
    truth = {"message_id": message_id, "seed": seed, "family": family, **plan.truth(),
             "subject": plan.subject, "arrival": plan.arrival.isoformat(), "capture": capture,
             "attachments": [name for name, _ in attachments]}
    return raw, truth


def generate(out_dir: Path, n: int, base_seed: int) -> None:
    out_dir = Path(out_dir)
    schools = build_registry()
    write_registry(out_dir / "registry", schools)
    (out_dir / "mail").mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(n):
        raw, truth = message(base_seed + i, family_of(i), schools)
        name = f"{i:04d}.eml"
        (out_dir / "mail" / name).write_bytes(raw)
        lines.append(json.dumps({"file": name, **truth}, ensure_ascii=False))
    (out_dir / "truth.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
