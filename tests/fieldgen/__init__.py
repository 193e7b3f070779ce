"""fieldgen — an independent generator of Jiangsu 1+X declaration-adjustment request emails, with exact
truth per SPEC §2, drawing ordinary layouts and capture conditions the other generators do not draw. Written
from the SPEC, the notice, `bench/reading.py` and the other generators' module docstrings only (never the
product's reader nor the other generators' code), to measure the reader on documents it was never tuned on.

    generate(out_dir, n, base_seed)          # or: python -m tests.fieldgen OUT_DIR N SEED

writes `out_dir/registry/{schools,applications}.csv` (seven fictional schools of its own, `registry.py`:
中职/高职/本科, 招生专业 with catalogue codes, two to four certificates each, one level per certificate),
`out_dir/mail/NNNN.eml` and `out_dir/truth.jsonl` (file, message_id, seed, family, school, seal, approvals
{department, leader}, changes [{certificate, field, from, to, application_id}], problems, plus defect,
subject, arrival, capture and attachments), scored by `python -m bench.reading out_dir`. Message i is drawn
from seed base_seed + i; seeds ≡ 0 (mod 4) are held out. `family_of(i)` = FAMILIES[(i + i // 8) % 8]: every 8
consecutive messages show all eight families, and every 32 give each family exactly one held-out message.

Families (`families.py`):
- `phone_screens` — a letter with a layout-A change table and the seal over the 申请单位 foot, and a second page
  of two ruled opinion boxes, opened in WeChat's file viewer (page fit to width, grey gap between pages) and
  captured as 2–3 overlapping 1080×2340 screenshots with status bar, title bar, zoom badge and bottom toolbar;
  PNG (Screenshot_…png) or JPEG (mmexport….jpg), attached in order or reversed.
- `fax_tiff` — a faxed request: the letter with numbered prose changes (…试点人数由45人调整为55人) and the seal,
  then a 审批表 page; one multi-page 1-bit Group 4 TIFF at 204×196 (fine) or 204×98 dpi (standard, non-square
  pixels, resolution tags set), each page with the sending machine's header line (date, number, station,
  P.1/2), threshold noise and speckle. Seal defects here are only `no_seal` (a fax keeps the ring, not a
  readable name).
- `jpeg_pages` — letter (改动见附表), 附表 明细表 (序号 | 证书名称 | 考核等级 | 调整类别 | 原申报 | 调整为 | 备注) and
  审批意见 page as three documents: separate phone photos IMG_20240308_093512.jpg attached in shuffled order,
  the same photos inline in an HTML body through cid:, or one 3-page greyscale LZW TIFF from a copier.
- `two_field_row` — a 原等级 | 原专业 | 原人数 | 调整后等级 | 调整后专业 | 调整后人数 table where one row changes two
  fields of one declaration at once (level + headcount, level + major, major + headcount: two changes, both
  linked to the declaration the row's 原 values name); unchanged 调整后 cells blank, —, /, 不变 or repeating
  the value, sometimes a 不调整 row; colour flatbed scan with binder holes and a staple, image PDF.
- `numeral_prose` — a 报告 with 文号 (淮州交院〔2024〕6号) and changes in prose only: Chinese numerals
  (由六十人调整为八十人), 名 (由60名调至80名), 从50人扩大到70人, 压缩为40人（原申报55人）, 由初级提升至中级, 专业
  变更为; distractor numbers (在校生 totals and per-major counts, 学号 ranges, phones, dates) and a certificate
  that 维持原申报不变; a yellow sticky note 请郭老师审核 on the top margin; greyscale 200 dpi scan.
- `signoff_table` — approvals in a 审批部门 | 审批意见 | 签字及日期 table whose first row is the 经办人（申请人）
  (signed, not an approval), or in one full-width ruled cell per approver (label, opinion, 负责人签字 and date
  on two lines); opinions, signatures and dates in pencil or faint blue ballpoint; 150 dpi greyscale scan as
  JPEG or image PDF.
- `hand_stamp` — a typed 申请表 (申请单位/联系人 grid, change table, opinion rows, 单位盖章 row with the seal over
  （盖章）); approvers mark 负责人（签章）with a 手签章 — a rubber stamp of a handwritten signature in red or black,
  tilted, uneven ink — or a pen signature across their typed name; colour scan, image PDF.
- `vertical_header` — a letter with approval boxes plus an Excel 调整明细表 with thin grey gridlines, narrow
  columns headed one character per line (原/等/级, 调/整/后/人/数), a 备注 column holding numbers (其中退役军人5人,
  含贯通班20人) and a 合计 row; both pages scanned and exported as one WPS 长图 JPEG (1242 wide, grey gaps).

Across all: signatures in a crowded kaiti hand with a tail stroke, opinions in blue, blue-black, black,
pencil or faint blue, dates as 2024年3月8日, 2024.3.8 or 二〇二四年三月八日, certificates written plain, as the
official title (…职业技能等级证书) or quoted, with or without （中级）, majors sometimes with catalogue codes; a
40–43 mm red round seal with the unit's name on the arc and a star, over the unit name and date.

About 70 % of messages are clean; the rest carry exactly one defect (`plan.DEFECTS`) with its one problem code:
an approval refused (不同意/暂不同意/不予同意), left unsigned, or with a typed name only; no seal; another school's
seal or the school's 教务处/招生就业处 seal (seal_mismatch); a certificate the school never declared
(no_matching_application); a headcount over 在校生数 (exceeds_enrollment); a major the school does not enrol
(major_not_offered); a malformed subject; arrival outside 2024-03-01..03-20 Asia/Shanghai (including
2024-03-20 16:xx UTC).
"""

from __future__ import annotations

import random
from pathlib import Path

from tests.corpus_files import write_mail_and_truth
from tests.fieldgen.families import FAMILY_FUNCS
from tests.fieldgen.mail import build
from tests.fieldgen.plan import make_plan
from tests.fieldgen.registry import School, build_registry, write_registry

FAMILIES = list(FAMILY_FUNCS)


def family_of(i: int) -> str:
    return FAMILIES[(i + i // 8) % len(FAMILIES)]


def message(seed: int, family: str, schools: list[School]) -> tuple[bytes, dict]:
    """One request email and its truth (without `file`)."""
    plan = make_plan(seed, family, schools)
    rng = random.Random(seed * 15485863 + 7)
    attachments, capture = FAMILY_FUNCS[family](plan, rng)
    raw, message_id = build(plan, attachments, rng)
    truth = {"message_id": message_id, "seed": seed, "family": family, **plan.truth(),
             "subject": plan.subject, "arrival": plan.arrival.isoformat(), "capture": capture,
             "attachments": [a.filename for a in attachments]}
    return raw, truth


def generate(out_dir: Path, n: int, base_seed: int) -> None:
    out_dir = Path(out_dir)
    schools = build_registry()
    write_registry(out_dir / "registry", schools)
    write_mail_and_truth(out_dir, (message(base_seed + i, family_of(i), schools) for i in range(n)))
