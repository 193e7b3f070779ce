"""kindgen — an independent generator of request emails in ordinary layouts Jiangsu schools send, with
exact truth per SPEC §2. Written from the SPEC, the notice and the bench's interface only (never the
product's reader, nor the other generators' drawing code).

    generate(out_dir, n, base_seed)

writes `out_dir/registry/{schools,applications}.csv` (ten schools of its own, `registry.py`; one declares a
certificate at two levels), `out_dir/mail/NNNN.eml` and `out_dir/truth.jsonl` (file, message_id, seed,
family, school, seal, approvals, changes, problems, plus defect, capture and subject), scored by
`python -m bench.reading out_dir`. Message i is drawn from seed base_seed + i; seeds ≡ 0 (mod 4) are held
out; `family_of` cycles so every family falls in both splits of any 4 × len(FAMILIES) messages.

Families (`families.py`), each varying body font (宋/黑/楷/明), size, dpi 150–300, skew, noise, grey scans,
date styles and file type (PDF, JPEG, PNG, multi-page TIFF, ZIP of JPEGs):
- `row_span_table` — a change table whose 序号/证书名称 (and 等级) cells are merged down over the 2–3 rows of one
  certificate (a level or major change together with a headcount change), a 调整项目/调整类型 column, narrow
  header cells whose 原申报内容 wraps, and unchanged rows marked 不调整 / 无变化 / 不变 / — / the same value.
- `school_wording_labels` — approval blocks labelled 教务处意见, 教务处（证书试点管理部门）意见, 1+X证书试点工作办公室意见,
  职能部门审核意见 / 学校意见, 学校审核意见, 分管校长意见, 主管校领导审批意见 with 负责人签章：, 签 字：, 审批人：, 签发：
  labels; stacked or in two ruled boxes; a table or numbered prose.
- `extra_signers` — a 申请表 grid with 经办人/填表人/联系人 signed by hand and a phone number (not approvals); its
  defects lean to a real approval left unsigned while the 经办人 is signed.
- `checkbox_form` — 调整类型：□考核等级 □考核专业 □人数规模 with ticked boxes, per-certificate 原/新 columns (blank,
  「/」 or 「—」 where nothing changes), and a 单位（盖章） cell with the seal over the date.
- `chinese_dates_handwritten_opinion` — typed letter; opinions written by hand (楷 brush font, blue/black,
  turned, uneven), name and 二〇二四年三月五日 / 2024年3月5日 dates by hand, no 签字 label.
- `multi_cert_long_table` — 8–14+ rows over the school's declarations (wide 原/调整后 等级·专业·人数 columns, or
  one row per item), most unchanged (same value, 「—」, 不变, 不调整), 1–3 real changes; often broken over two
  pages with 续表 and the header repeated.
- `upside_down_and_mixed` — a 3-page PDF: approvals page, letter with the table, and a blank or 「（此页无正文）」
  separator in a shuffled order, one page turned 180° or 90°.
- `fullwidth_and_spacing` — full-width letters and digits (Ｗｅｂ前端开发, ８０人), spaced names (物 流 管 理),
  「」/“”/《》 quotes, official titles …职业技能等级证书（中级）, majors with catalogue codes (530302 大数据与会计).

Seals: round red seals with the school's full name on the arc and a star, over the date (and sometimes a
signature); sometimes a department seal beside it. Signatures: a brush-script name, a cursive scrawl or a
名章, in black or blue. About 70 % of messages are clean; the rest carry one defect (`plan.DEFECTS`).
"""

from __future__ import annotations

import random
from pathlib import Path

from tests.corpus_files import write_mail_and_truth
from tests.kindgen.families import FAMILIES, build
from tests.kindgen.mail import build_message
from tests.kindgen.plan import make_plan
from tests.kindgen.registry import School, build_registry, write_registry

__all__ = ["generate", "FAMILIES", "family_of", "message"]


def family_of(index: int) -> str:
    """Block b of len(FAMILIES) messages shows each family once, shifted by 3·b: in any 32 consecutive
    messages every family sits at indices of four different residues mod 4, so in both splits."""
    k = len(FAMILIES)
    return FAMILIES[(index + 3 * (index // k)) % k]


def message(seed: int, family: str, schools: list[School] | None = None) -> tuple[bytes, dict]:
    """One request email and its truth (without `file`)."""
    schools = schools or build_registry()
    plan = make_plan(seed, family, schools)
    rng = random.Random(seed * 104729 + 3)
    attachments, capture = build(plan, rng)
    raw, mid = build_message(plan, attachments, rng)
    truth = {"message_id": mid, "seed": seed, "family": family, **plan.truth(), "defect": plan.defect,
             "capture": capture, "subject": plan.subject}
    return raw, truth


def generate(out_dir: Path, n: int, base_seed: int) -> None:
    out_dir = Path(out_dir)
    schools = build_registry()
    write_registry(out_dir / "registry", schools)
    write_mail_and_truth(out_dir, (message(base_seed + i, family_of(i), schools) for i in range(n)))
