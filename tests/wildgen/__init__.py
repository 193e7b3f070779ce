"""wildgen — an independent generator of request emails in ordinary Jiangsu school paperwork that the
other generators do not draw, with exact truth per SPEC §2. Written from the SPEC, the notice and the
other generators' docstrings and output formats only (never the product's reader).

    generate(out_dir, n, base_seed)

writes `out_dir/registry/{schools,applications}.csv` (eleven schools of its own, `registry.py`; one
declares a certificate at two levels), `out_dir/mail/NNNN.eml` and `out_dir/truth.jsonl` (file,
message_id, seed, family, school, seal, approvals, changes, problems, plus defect and capture), scored
by `python -m bench.reading out_dir`. Message i is drawn from seed base_seed + i; seeds ≡ 0 (mod 4) are
held out; `family_of` cycles so every family falls in both splits of any 4 × len(FAMILIES) messages.

Families (`families.py`):
- `gongwen_redhead` — a 公文 请示: red masthead 「…文件」, 发文字号 (with a typed 签发人 on upward documents),
  red rule with a star, QR code, 主送, changes as 一是/（一） paragraphs in 仿宋-like type, seal over a
  二〇二四年 date, page numbers 「— 1 —」, and an 附件 审批表 on page 2 with the 抄送/印发 版记; 2-page PDF.
- `three_line_table` — a 三线表 (horizontal rules only) with official titles 「X职业技能等级证书」, a 等级 column,
  变更前/变更后 wording; 楷体 body; opinion, 签字 and signature on one line; 200 dpi JPEG tilted 0.5–2°.
- `excel_pasted` — an Excel/WPS screenshot pasted in the letter (column letters, row numbers, grey
  gridlines, 序号, 合计 and 不调整 rows, 申报时/调整为); signatures beside or under the opinion without a label;
  greyscale 150/200 dpi PNG or PDF.
- `prose_shuoming` — all changes in one 说明 paragraph (「因专业调整，原申报的…由A调整为B，人数不变」), two
  unruled 签批 columns, the seal half over the leader's signature; scan with punched holes and a staple.
- `copier_bw` — a copier's 1-bit scan-to-mail (CCITT PDF, 200/300 dpi, toner specks): letter with a 原/现
  grid, then a 审批单 with 签字 labels and a 单位（盖章） row; the seal comes out black.
- `chengpi_slip` — a 呈批件/审批笺 (red or black title, 呈报部门, 内容摘要 with numbered changes), each opinion
  written with the name and 3.8-style date on one handwritten line, no 签字 label; photographed on a
  wooden desk with perspective, half stored sideways with an EXIF Orientation tag.
- `zip_sections` — a 申请表 in sections 一、考核等级 二、考核专业 三、人数规模 (empty ones 「无」); a scanner
  app's enhanced JPEG inside a ZIP whose member names are often GBK without the UTF-8 flag.
- `arrow_cell_form` — one 调整内容 cell per change (「由80人调整为100人」, 「初级→中级」), 黑体 headings, a
  教务处 seal in the 「证书试点管理部门（盖章）意见」 cell beside the school's own seal, faint seals; 300 dpi
  grey JPEG or colour PDF.

About 70 % of messages are clean; the rest carry one defect (`plan.DEFECTS`): a blank, typed-only,
unsigned, 不同意 or 已阅 approval, no seal, a 教务处 seal instead of the school's, a malformed subject, an
undeclared certificate, a major not offered, a headcount over enrolment, or arrival on 21 March.
"""

from __future__ import annotations

import random
from pathlib import Path

from tests.corpus_files import write_mail_and_truth
from tests.wildgen.families import FAMILIES, build
from tests.wildgen.mail import build_message
from tests.wildgen.plan import make_plan
from tests.wildgen.registry import School, build_registry, write_registry

__all__ = ["generate", "FAMILIES", "family_of", "message"]


def family_of(index: int) -> str:
    """Every block of len(FAMILIES) messages shows each family once, each block shifted by three more:
    any 16 messages from index 0 hold every family twice, and 32 hold every family in both the
    held-out (seed ≡ 0 mod 4) and the tuned split, whatever the base seed."""
    k = len(FAMILIES)
    return FAMILIES[(index + 3 * (index // k)) % k]


def message(seed: int, family: str, schools: list[School] | None = None) -> tuple[bytes, dict]:
    """One request email and its truth (without `file`)."""
    schools = schools or build_registry()
    plan = make_plan(seed, family, schools)
    rng = random.Random(seed * 92821 + 7)
    attachments, capture = build(plan, rng)
    raw, mid = build_message(plan, attachments, rng)
    truth = {"message_id": mid, "seed": seed, "family": family, **plan.truth(), "capture": capture,
             "defect": plan.defect, "subject": plan.subject}
    return raw, truth


def generate(out_dir: Path, n: int, base_seed: int) -> None:
    out_dir = Path(out_dir)
    schools = build_registry()
    write_registry(out_dir / "registry", schools)
    write_mail_and_truth(out_dir, (message(base_seed + i, family_of(i), schools) for i in range(n)))
