"""plaingen — ordinary school paperwork for 1+X declaration adjustments, with exact truth.

One message per seed (`base_seed + i`); seeds ≡ 0 (mod 4) are the held-out split. Families follow a 32-seed
pattern in which each family sits four times, once on a held-out seed, so any 32 consecutive messages hold every
family in both splits. About 70 % of messages are clean; the rest carry exactly one defect that SPEC §2 turns into
one problem code (approval unsigned / typed name / refused / 已阅 only / left blank, no seal, a department seal
instead of the school's, a certificate or level the school never declared, a headcount over the declaration's
在校生数, a major the school does not enrol, a malformed subject, arrival after or before the window).

Families (what a reader meets; the truth is what the page states):

1. ``foot_side_by_side`` — a 请示/申请 letter with a layout-A change table (序号 | 证书名称 | 调整事项 | 原申报内容 |
   调整后内容 | 调整原因, sometimes a 不调整 filler row); at the foot the department's and the leader's approvals
   side by side in two columns (boxed or open), each: label, handwritten (or typed) opinion, `签字：` + signature
   or 名章, and a handwritten date on one line. The seal sits over the right column or over the 申请单位/date.
   Scanned 150–300 dpi, colour or grey, as an image-only PDF, JPEG or PNG.
2. ``underline_blanks`` — letter with a table or numbered sentences; the approval part is printed blanks:
   `…意见：_____`, `负责人（签字）：_____  日期：____年__月__日`, filled by hand on the underlines (empty when
   the defect leaves a blank). Scan as above, sometimes a TIFF.
3. ``three_tier_opinions`` — a 申请表 grid (单位名称, 联系人/电话, sub-table 证书名称 | 等级 | 调整项目 | 调整前 |
   调整后, a 调整原因 cell) and THREE opinion rows: 二级学院（系部）, 证书试点管理部门（教务处）, 学校分管领导.
   The college row is always signed and agreeing; it is never the department approval.
4. ``reason_column_table`` — letter whose table has a reason/备注 column with numbers and words; when every change
   is a headcount it may read 原申报人数 | 增减 (+20/−10) | 调整后人数, with an optional 不调整 row (增减 0).
   The changes are what the value columns state. Approvals stacked under the letter.
5. ``landscape_one_sheet`` — one landscape page: title, `单位名称（盖章）：` line with contact, a wide table
   (序号 | 证书名称 | 等级 | 考核专业 | 原申报人数 | 调整事项 | 调整前 | 调整后 | 调整原因) and a bottom row of
   three cells 部门意见 | 校领导意见 | 单位盖章（公章） with the seal over the third cell's date.
6. ``two_requests_merged_pdf`` — one PDF of 2–4 pages: a born-digital cover letter (text layer; it may restate one
   change in prose, the same change as the annex), a born-digital 附件 table (layout A), sometimes a 情况说明
   page, and last the separately signed and sealed 审批表 page as a scan (image page).
7. ``prose_paragraph_changes`` — changes stated only in prose, one paragraph or numbered ones: `将“X”证书（中级）的
   试点人数由50人调增至70人`, `考核专业由“530302 大数据与会计”调整为…`, `考核等级由初级调为中级`; the name bare,
   quoted, in 《》, with 证书 or 职业技能等级证书; approvals stacked at the foot.
8. ``phone_photo_form`` — a 申请表 grid with two opinion cells whose labels wrap over two or three lines at
   varying points and a 单位盖章 cell, photographed by phone: tilt up to 6°, perspective, uneven light or a
   shadow band, 2–12 MP JPEG.

Truth per message (bench/reading.py): file, message_id, seed, family, capture, seal, approvals, changes
(certificate, field, from, to, application_id), problems (sorted).
"""

from __future__ import annotations

import random
from pathlib import Path

from tests.corpus_files import write_mail_and_truth

from . import capture as cap
from .content import Case, arrival_and_dates, draw_changes, make_block, person, subject_for
from .families import LAYOUTS, approval_page, merged_text_pages
from .mail import Attachment, build
from .pdfout import merged_pdf
from .registry import SCHOOLS, write_registry

FAMILIES: tuple[str, ...] = ("foot_side_by_side", "underline_blanks", "three_tier_opinions", "reason_column_table",
                             "landscape_one_sheet", "two_requests_merged_pdf", "prose_paragraph_changes",
                             "phone_photo_form")

# position p of the 32-seed cycle → family; the held-out positions (p % 4 == 0) take every family once
PATTERN: tuple[int, ...] = tuple((p + p // 8) % 8 for p in range(32))

CLEAN_SHARE = 0.7
DEFECT_WEIGHTS = {"dept_unsigned": 3, "dept_typed": 3, "dept_refused": 2, "dept_read_only": 1, "dept_blank": 1,
                  "leader_unsigned": 3, "leader_typed": 2, "leader_refused": 2, "leader_blank": 1, "no_seal": 4,
                  "dept_seal_only": 3, "undeclared_certificate": 3, "undeclared_level": 1, "exceeds_enrollment": 3,
                  "major_not_offered": 3, "subject_format": 3, "outside_window": 3}


def family_of(seed: int) -> str:
    return FAMILIES[PATTERN[seed % 32]]


def make_case(seed: int) -> Case:
    """Everything one message states, drawn from its seed."""
    rng = random.Random(seed * 7919 + 13)
    family = family_of(seed)
    school = rng.choice(SCHOOLS)
    defect = None
    if rng.random() >= CLEAN_SHARE:
        names = list(DEFECT_WEIGHTS)
        defect = rng.choices(names, weights=[DEFECT_WEIGHTS[n] for n in names])[0]
    changes = draw_changes(rng, school, defect)
    arrival, doc_date = arrival_and_dates(rng, defect == "outside_window")
    subject, subject_ok = subject_for(rng, school, defect == "subject_format")
    dept_state = {"dept_unsigned": "unsigned", "dept_typed": "typed", "dept_refused": "refused",
                  "dept_read_only": "read_only", "dept_blank": "blank"}.get(defect or "", "ok")
    leader_state = {"leader_unsigned": "unsigned", "leader_typed": "typed", "leader_refused": "refused",
                    "leader_blank": "blank"}.get(defect or "", "ok")
    seal = {"no_seal": "none", "dept_seal_only": "dept"}.get(defect or "", "school+dept" if rng.random() < 0.12
                                                             else "school")
    unit = school.name if not school.aliases or rng.random() < 0.8 else school.aliases[0]
    d1 = doc_date
    case = Case(seed=seed, family=family, school=school, unit=unit, changes=changes,
                dept=make_block(rng, "dept", dept_state, d1, "处长"),
                leader=make_block(rng, "leader", leader_state, d1, "副校长"),
                college=make_block(rng, "college", "ok", d1, "院长"),
                seal=seal, subject=subject, subject_ok=subject_ok, arrival=arrival, doc_date=doc_date,
                defect=defect, contact=person(rng) , phone=f"1{rng.choice('3589')}{rng.randint(100000000, 999999999)}")
    case.extras["dpi"] = rng.choice((150, 200, 200, 250, 300))
    return case


def _package(case: Case, rng: random.Random) -> list[Attachment]:
    """Render the case's pages and file them the way its family's office would."""
    stem = rng.choice((f"{case.school.name}2024年证书申报调整申请", "证书申报调整申请", "调整申请扫描件",
                       f"{case.unit}1+X证书调整申请", "scan_20240" + f"{case.doc_date.month}{case.doc_date.day:02d}"))
    dpi = case.extras["dpi"]
    if case.family == "two_requests_merged_pdf":
        scan_page = cap.scan(approval_page(case, rng), rng, grey=rng.random() < 0.2)
        pdf = merged_pdf(merged_text_pages(case, rng), scan_page, dpi, rng)
        case.capture = f"text-layer pdf + scanned approval page {dpi}dpi"
        return [Attachment(stem + ".pdf", pdf, "application/pdf")]
    pages = LAYOUTS[case.family](case, rng)
    if case.family == "phone_photo_form":
        mp = rng.uniform(2, 12)
        photo = cap.phone_photo(pages[0], rng, mp)
        case.capture = f"phone photo {mp:.1f}MP jpeg"
        name = rng.choice((f"IMG_2024030{case.doc_date.day % 10}_{rng.randint(100000, 999999)}.jpg",
                           f"mmexport{rng.randint(10**12, 10**13 - 1)}.jpg", stem + ".jpg"))
        return [Attachment(name, cap.to_jpeg(photo, rng.randint(78, 92)), "image/jpeg")]
    grey = rng.random() < 0.18
    scans = [cap.scan(p, rng, grey=grey) for p in pages]
    kind = rng.choices(("pdf", "jpeg", "png", "tiff"), weights=(6, 2, 1, 1))[0]
    case.capture = f"scan {dpi}dpi {'grey' if grey else 'colour'} {kind}"
    if kind == "pdf":
        return [Attachment(stem + ".pdf", cap.to_image_pdf(scans, dpi, rng.randint(70, 90)), "application/pdf")]
    if kind == "tiff":
        return [Attachment(stem + ".tif", cap.to_tiff(scans, dpi), "image/tiff")]
    if kind == "png":
        return [Attachment(f"{stem}_{i + 1}.png" if len(scans) > 1 else stem + ".png", cap.to_png(s, dpi),
                           "image/png") for i, s in enumerate(scans)]
    return [Attachment(f"{stem}_{i + 1}.jpg" if len(scans) > 1 else stem + ".jpg", cap.to_jpeg(s, 85, dpi),
                       "image/jpeg") for i, s in enumerate(scans)]


def _body_text(case: Case, rng: random.Random) -> str:
    greet = rng.choice(("郭老师、周老师：", "省1+X办公室老师：", "老师您好：", "您好！"))
    what = rng.choice(("附件为我校2024年1+X证书申报调整申请扫描件，请审核。",
                       "现将我校2024年证书申报调整申请（已盖章）发送给您，请查收。",
                       "我校2024年1+X证书申报需调整，申请扫描件见附件，麻烦审核，谢谢！"))
    sign = f"{case.unit} {case.contact}\n电话：{case.phone}"
    return f"{greet}\n    您好！{what}\n\n{sign}\n"


def generate_one(seed: int) -> tuple[bytes, dict]:
    """One message's bytes and its truth (without the file name)."""
    case = make_case(seed)
    rng = random.Random(seed * 104729 + 7)
    attachments = _package(case, rng)
    email = rng.choice(case.school.emails) if rng.random() < 0.6 else \
        f"{rng.randint(10**7, 10**10)}@{rng.choice(('qq.com', '163.com', '126.com'))}"
    raw, message_id = build(seed=seed, sender_name=case.contact, sender=email, subject=case.subject,
                            body=_body_text(case, rng), arrival=case.arrival, attachments=attachments, rng=rng)
    truth = {"message_id": message_id, "seed": seed, "family": case.family, "capture": case.capture,
             "defect": case.defect, **case.truth()}
    return raw, truth


def generate(out_dir: Path, n: int, base_seed: int) -> None:
    """Write `out_dir/registry/*.csv`, `out_dir/mail/NNNN.eml` and `out_dir/truth.jsonl` for seeds base_seed … +n-1."""
    out_dir = Path(out_dir)
    write_registry(out_dir / "registry")
    write_mail_and_truth(out_dir, (generate_one(base_seed + i) for i in range(n)))
