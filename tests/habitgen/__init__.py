"""habitgen — an independent generator of Jiangsu 1+X declaration-adjustment request emails, with exact
truth per SPEC §2, drawing ordinary office habits and captures the other eighteen generators do not draw.
Written from the SPEC, the notice, `bench/reading.py`, `bench/accuracy.py`'s docstring and fieldgen's
interface only (never the product's reader nor the other generators' code), to measure the reader on
documents it was never tuned on.

    generate(out_dir, n, base_seed)          # or: python -m tests.habitgen OUT_DIR N SEED

writes `out_dir/registry/{schools,applications}.csv` (seven fictional schools of its own, `registry.py`:
中职/高职/本科, 招生专业 as plain names or with catalogue codes, two to four certificates each from the 1+X list;
three schools declare one certificate at two levels), `out_dir/mail/NNNN.eml` and `out_dir/truth.jsonl` (file,
message_id, seed, family, school, seal, approvals {department, leader}, changes [{certificate, field, from, to,
application_id}], problems, plus defect, subject, arrival, capture and attachments), scored by
`python -m bench.reading out_dir`. Message i is drawn from seed base_seed + i; seeds ≡ 0 (mod 4) are held out.
`family_of(i)` = FAMILIES[(i + i // 8) % 8]: every 8 consecutive messages show all eight families, and every
32 give each family exactly one held-out message.

Families (`families.py`):
- `letterhead_paper` — the school's 信笺: red printed name, red double rule, red ruled writing lines or a red
  margin frame, address line in red at the foot (red print that is not a seal); the request typed on it or
  written out entirely by hand in blue, black or blue-black ballpoint on the lines, changes as numbered prose
  items; the two approvals as handwritten opinion, 签字 and 日期 lines at the foot; 申请单位 and date with the seal
  over them; flatbed scan (JPEG or image PDF) or a phone photo on a desk.
- `desktop_screenshot` — a scanned letter with a change table (序号 | 证书名称 | 考核等级 | 调整事项 | 原申报内容 |
  调整后内容) and approvals at its foot, opened in WPS Office or Acrobat Reader on Windows and captured as PNG
  screenshots at 1920×1080 or 1366×768 (title bar, ribbon or toolbar, grey canvas, scroll bar, status bar,
  taskbar with clock), page at 75–100 % zoom; a second screenshot scrolled down when the page does not fit.
- `photo_in_pdf` — the same kind of letter (approvals on a second page half the time) photographed on a desk
  with perspective and uneven light, each photo pasted into a Word page inside its margins and exported as one
  PDF (one photo per page, smaller than the page); about a third of the photos turned 90° (orientation lost).
- `stacked_rows` — an Excel-style 申请表 with two rows per certificate, 调整前/原申报 and 调整后 in a 状态/类别/项目
  column, the certificate and 序号 merged over both, columns 等级 | 专业 | 人数 with unchanged values repeated;
  one or two declared certificates listed unchanged (both rows equal: no change); sometimes one pair changes
  level and headcount at once (two changes); approval cells side by side; colour scan.
- `checkbox_form` — a 申请表 with one block per change: certificate written by hand, 调整类型 □人数 □等级 □专业 and
  原等级 / 调整后等级 □初级 □中级 □高级 ticked by hand, 原申报人数/调整后人数 and 原专业/调整后专业 on underlines (the
  unchanged ones left blank, 不变 or repeated); boxed opinion cells and a 单位（盖章） box; scan or phone photo.
- `slip_photo` — the letter with the changes in prose and again in a table (each change listed once) as a clean
  image PDF without approvals or seal, plus an A5 landscape 审批单 slip (部门意见 | 校领导意见 | 单位盖章 cells)
  photographed at 5–14° on a desk as a second attachment (JPEG).
- `wrapped_cells` — a letter whose table has narrow columns, so official titles (…职业技能等级证书（中级）) and coded
  majors (530802 物流管理) wrap over 2–3 lines, headcounts written 60（人） or with 人 in its own 单位 column, rows
  of uneven height; approvals in two ruled rows; 150 dpi greyscale scan.
- `semicolon_items` — a typed letter listing changes one per line in shorthand: `1. 证书：物流管理；等级：中级；
  调整内容：试点人数 60人 → 80人`, or `证书名称／等级／调整项目／原申报／调整后` with slashes or full-width spaces;
  approvals as letter lines (…意见：同意 / 签字：____ 日期：____) with pen signatures and dates on the blanks; scan.

Across all: signatures in a slanted kaiti hand with a tail stroke, opinions handwritten (or typed in
`semicolon_items`), dates as 2024年3月8日 or 2024.3.8, certificates plain, with 证书 or as the official title;
a 40–42 mm red round seal with the unit's name on the arc and a star, over the unit name and date.

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
from tests.habitgen.families import FAMILY_FUNCS
from tests.habitgen.mail import build
from tests.habitgen.plan import make_plan
from tests.habitgen.registry import School, build_registry, write_registry

FAMILIES = list(FAMILY_FUNCS)


def family_of(i: int) -> str:
    return FAMILIES[(i + i // 8) % len(FAMILIES)]


def message(seed: int, family: str, schools: list[School]) -> tuple[bytes, dict]:
    """One request email and its truth (without `file`)."""
    plan = make_plan(seed, family, schools)
    rng = random.Random(seed * 104729 + 11)
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
