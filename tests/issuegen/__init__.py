"""issuegen — an independent generator of emailed, scanned 1+X declaration adjustment requests, with exact truth.

One message per seed (`base_seed + i`). Seeds ≡ 0 (mod 4) form the held-out split. The family of a seed is
``FAMILIES[(seed // 4 + 3 * (seed % 4)) % 8]``, so any 32 consecutive seeds put every family in both splits.
About 70 % of messages are clean; the rest carry exactly one defect that SPEC §2 maps to exactly one problem code.

Families (kinds of paperwork, not templates — wording, faces, sizes, positions and capture vary):

1. ``letter_lines`` — a 申请/请示 letter (table or prose changes); approvals as lines: `证书试点管理部门意见：同意。`
   then `负责人（签字）：` / `签字：` / `签名：` + handwritten signature or 名章, date typed or handwritten.
2. ``boxed_form`` — letter with a layout-A table; approvals in a two-column ruled table whose left cell holds the
   label wrapped over two or three lines; the right cell has the opinion on top and 签字 + signature + date below.
3. ``approval_grid_form`` — the whole request is one 审批表 grid: 单位名称/联系人/联系电话, a changes sub-table,
   调整原因, the two opinion rows and a 单位盖章 cell with the seal over its date.
4. ``merged_header_table`` — a change table with a two-row merged header (原申报信息 / 调整后信息 over 等级/专业/人数);
   unchanged cells blank, —, /, 不变 or the old value repeated; 不调整 rows.
5. ``vertical_per_certificate`` — per certificate a `证书名称：X（中级）` row and rows 调整项目 | 原申报 | 拟调整为 for
   试点人数 / 考核专业 / 考核等级; only rows whose value changes are changes.
6. ``numbered_prose`` — numbered sentences (1. / （1） / 一、) in varied wording, majors sometimes with codes.
7. ``long_pdf_annex`` — a 6-page scanned PDF: letter, approval sheet or name list, student lists (not changes), the
   change table on page 4 (sometimes continued on page 5 as 续表 with the header repeated), a landscape summary
   scanned sideways.
8. ``phone_photo_office`` — a phone photo of the signed page: tilt ≤6°, perspective, hard shadow, uneven light,
   2–12 MP JPEG; often a red 红头 letterhead and red rules (not seals); sometimes an oval seal with English text
   and a serial number as the official seal.

Defects (one problem each): department/leader opinion refused, 已阅 only, left blank, a typed name instead of a
signature, no signature; no seal; a department seal instead of the school's (seal_mismatch); malformed subject;
arrival outside the window; a certificate the school never declared (no_matching_application); a headcount over
在校生数 (exceeds_enrollment); a major the school does not enrol (major_not_offered).
"""

from __future__ import annotations

import hashlib
import random
from datetime import timedelta
from pathlib import Path

from tests.corpus_files import write_mail_and_truth
from tests.plaingen.mail import Attachment, build
from tests.plaingen.registry import SCHOOLS, write_registry

from . import capture as cap
from .content import Case, arrival_and_dates, draw_changes, make_block, person, subject_for
from .families import LAYOUTS

FAMILIES: tuple[str, ...] = ("letter_lines", "boxed_form", "approval_grid_form", "merged_header_table",
                             "vertical_per_certificate", "numbered_prose", "long_pdf_annex", "phone_photo_office")

CLEAN_SHARE = 0.7
DEFECT_WEIGHTS = {"dept_refused": 3, "dept_read_only": 1, "dept_typed": 2, "dept_unsigned": 2, "dept_blank": 1,
                  "leader_refused": 2, "leader_typed": 2, "leader_unsigned": 2, "leader_blank": 1, "no_seal": 4,
                  "department_seal": 2, "subject_format": 3, "outside_window": 3, "undeclared_certificate": 3,
                  "exceeds_enrollment": 3, "major_not_offered": 3}

ENGLISH = {"扬州工业职业技术学院": "YANGZHOU POLYTECHNIC INSTITUTE", "江苏经贸职业技术学院": "JIANGSU VOCATIONAL INSTITUTE OF COMMERCE",
           "常州工程职业技术学院": "CHANGZHOU VOCATIONAL INSTITUTE OF ENGINEERING",
           "徐州幼儿师范高等专科学校": "XUZHOU PRESCHOOL TEACHERS COLLEGE", "盐城市高级职业学校": "YANCHENG VOCATIONAL SCHOOL",
           "江阴中等专业学校": "JIANGYIN SECONDARY SPECIALIZED SCHOOL", "南京市莫愁中等专业学校": "NANJING MOCHOU VOCATIONAL SCHOOL",
           "宿迁市宿城中等专业学校": "SUQIAN SUCHENG VOCATIONAL SCHOOL", "金陵科技学院": "JINLING INSTITUTE OF TECHNOLOGY",
           "常熟理工学院": "CHANGSHU INSTITUTE OF TECHNOLOGY"}


def family_of(seed: int) -> str:
    return FAMILIES[(seed // 4 + 3 * (seed % 4)) % 8]


def make_case(seed: int) -> Case:
    """Everything one message states, drawn from its seed (no pixels yet)."""
    rng = random.Random(f"issuegen/{seed}")
    family = family_of(seed)
    school = rng.choice(SCHOOLS)
    defect = None
    if rng.random() >= CLEAN_SHARE:
        names = list(DEFECT_WEIGHTS)
        defect = rng.choices(names, weights=[DEFECT_WEIGHTS[n] for n in names])[0]
    changes, untouched = draw_changes(rng, school, defect, family)
    arrival, doc_date = arrival_and_dates(rng, defect == "outside_window")
    unit = school.name if not school.aliases or rng.random() < 0.8 else rng.choice(school.aliases)
    subject = subject_for(rng, unit if rng.random() < 0.8 else school.name, defect == "subject_format")
    state = {"dept_refused": "refused", "dept_read_only": "read_only", "dept_typed": "typed",
             "dept_unsigned": "unsigned", "dept_blank": "blank"}.get(defect or "", "ok")
    lstate = {"leader_refused": "refused", "leader_typed": "typed", "leader_unsigned": "unsigned",
              "leader_blank": "blank"}.get(defect or "", "ok")
    if defect == "no_seal":
        seal = "none"
    elif defect == "department_seal":
        seal = "dept"
    elif family == "phone_photo_office" and rng.random() < 0.35:
        seal = "oval"
    else:
        seal = "school"
    case = Case(seed=seed, family=family, school=school, unit=unit, defect=defect, changes=changes,
                untouched=untouched, dept=make_block(rng, "dept", state, doc_date),
                leader=make_block(rng, "leader", lstate, doc_date), seal=seal, subject=subject, arrival=arrival,
                doc_date=doc_date, contact=person(rng),
                phone=rng.choice((f"1{rng.choice('3589')}{rng.randint(100000000, 999999999)}",
                                  f"0{rng.choice(('25', '514', '519', '516', '515', '510', '527', '512'))}-"
                                  f"{rng.randint(80000000, 89999999)}")),
                reason=rng.choice(("根据本学期学生选课及报名情况", "因部分专业2023级学生分流", "因专业人才培养方案调整",
                                   "经与证书评价组织沟通，结合实训条件", "根据各二级学院报名摸底情况",
                                   "因考核安排与教学进度冲突")))
    case.extras["english"] = ENGLISH.get(school.name, "VOCATIONAL COLLEGE")
    case.extras["serial"] = f"32{rng.randint(10, 13)}{rng.randint(100000000, 999999999)}"
    if family == "phone_photo_office":
        case.extras["dpi"] = rng.choice((150, 200))
    elif family == "long_pdf_annex":
        case.extras["dpi"] = rng.choice((100, 150, 150, 200, 200))
    else:
        case.extras["dpi"] = rng.choice((100, 150, 150, 200, 200, 300))
    return case


def _package(case: Case, rng: random.Random) -> list[Attachment]:
    stem = rng.choice((f"{case.unit}2024年证书申报调整申请", "证书申报调整申请", "调整申请（盖章）", f"{case.school.short}调整申请",
                       f"扫描全能王 2024-03-{case.doc_date.day:02d} {rng.randint(10, 22)}.{rng.randint(10, 59)}",
                       f"SCAN_202403{case.doc_date.day:02d}_{rng.randint(1000, 9999)}"))
    dpi = case.extras["dpi"]
    pages = LAYOUTS[case.family](case, rng)
    if case.family == "phone_photo_office":
        mp = rng.uniform(2, 12)
        photo = cap.phone_photo(pages[0], rng, mp)
        case.capture = f"phone photo {mp:.1f}MP jpeg"
        name = rng.choice((f"IMG_202403{case.doc_date.day:02d}_{rng.randint(100000, 235959)}.jpg",
                           f"mmexport{rng.randint(10**12, 10**13 - 1)}.jpg", stem + ".jpg"))
        return [Attachment(name, cap.to_jpeg(photo, rng.randint(72, 88)), "image/jpeg")]
    grey = rng.random() < 0.2
    scans = [cap.scan(p, rng, grey=grey) for p in pages]
    if case.family == "long_pdf_annex":
        kind = "pdf"
    else:
        kind = rng.choices(("pdf", "jpeg", "png", "tiff"), weights=(6, 2, 1, 1))[0]
    case.capture = f"scan {dpi}dpi {'grey' if grey else 'colour'} {kind}" + (f" {len(scans)}p" if len(scans) > 1 else "")
    if kind == "pdf" and len(scans) == 1 and rng.random() < 0.1:
        # the same signed page sent twice: as the scanner's PDF and as a JPEG (the changes count once)
        case.capture += " + same page as jpeg"
        return [Attachment(stem + ".pdf", cap.to_image_pdf(scans, dpi, rng.randint(70, 90),
                                                          case.arrival.replace(tzinfo=None) - timedelta(minutes=9)),
                           "application/pdf"),
                Attachment(stem + ".jpg", cap.to_jpeg(scans[0], rng.randint(75, 92), dpi), "image/jpeg")]
    if kind == "pdf":
        return [Attachment(stem + ".pdf", cap.to_image_pdf(
            scans, dpi, rng.randint(70, 90), case.arrival.replace(tzinfo=None) - timedelta(minutes=rng.randint(5, 300)),
            rng.choice(("RICOH MP C3004", "Canon iR-ADV C5535", "KONICA MINOLTA bizhub C368", "HP Scan",
                        "CamScanner", "Kyocera TASKalfa 4053ci"))), "application/pdf")]
    if kind == "tiff":
        return [Attachment(stem + ".tif", cap.to_tiff(scans, dpi), "image/tiff")]
    def named(i: int, ext: str) -> str:
        return f"{stem}{ext}" if len(scans) == 1 else f"{stem}_{i + 1}{ext}"
    if kind == "png":
        return [Attachment(named(i, ".png"), cap.to_png(s, dpi), "image/png") for i, s in enumerate(scans)]
    q = rng.randint(75, 92)
    return [Attachment(named(i, ".jpg"), cap.to_jpeg(s, q, dpi), "image/jpeg") for i, s in enumerate(scans)]


def _body(case: Case, rng: random.Random) -> str:
    greet = rng.choice(("省1+X办公室老师：", "郭老师、周老师：", "老师您好：", "您好！", "尊敬的老师："))
    what = rng.choice(("附件为我校2024年1+X证书申报调整申请扫描件（已盖章），请审核。",
                       "现将我校2024年证书申报调整申请发送给您，请查收，谢谢！",
                       "我校需调整部分证书的申报信息，调整申请已经学校审批并盖章，扫描件见附件。",
                       "发送2024年证书申报调整申请，烦请审核。"))
    return f"{greet}\n    {what}\n\n{case.unit}  {case.contact}\n联系电话：{case.phone}\n"


def generate_one(seed: int) -> tuple[bytes, dict]:
    """One message's bytes and its truth (without the file name)."""
    case = make_case(seed)
    rng = random.Random(f"issuegen-render/{seed}")
    attachments = _package(case, rng)
    sender = rng.choice(case.school.emails) if rng.random() < 0.6 else \
        f"{rng.randint(10**7, 10**10)}@{rng.choice(('qq.com', '163.com', '126.com', 'sina.com'))}"
    raw, plain_id = build(seed=seed, sender_name=case.contact, sender=sender, subject=case.subject,
                          body=_body(case, rng), arrival=case.arrival, attachments=attachments, rng=rng)
    digest = hashlib.sha1(f"issuegen{seed}".encode()).hexdigest()[:20]
    message_id = f"<{case.arrival.strftime('%Y%m%d%H%M%S')}.ig{digest}@{sender.split('@')[1]}>"
    raw = raw.replace(f"Message-ID: {plain_id}".encode(), f"Message-ID: {message_id}".encode(), 1)
    truth = {"message_id": message_id, "seed": seed, "family": case.family, "capture": case.capture,
             "defect": case.defect, **case.truth()}
    return raw, truth


def generate(out_dir: Path, count: int, base_seed: int) -> None:
    """Write out_dir/registry/*.csv, out_dir/mail/NNNN.eml and out_dir/truth.jsonl for seeds base_seed … +count-1."""
    out_dir = Path(out_dir)
    write_registry(out_dir / "registry")
    write_mail_and_truth(out_dir, (generate_one(base_seed + i) for i in range(count)))
