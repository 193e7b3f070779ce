"""copygen — request letters as schools' copiers, scanner apps and Word exports really deliver them, with exact truth.

Independent of the product's reader: pages are drawn the way school offices make them, then captured.
One message per seed (`base_seed + i`); seeds ≡ 0 (mod 4) are the held-out split. The family of a seed is
FAMILIES[(seed // 4 + 3 * (seed % 4)) % 8], so any 32 consecutive seeds hold every family in both splits.
About 70 % of messages are clean; the rest carry exactly one defect that SPEC §2 maps to one problem code
(content.DEFECTS).

Families:

1. ``scanner_app_pdf`` — a phone scanner app (扫描全能王) PDF: colour-enhanced to white or black-and-white, a thin
   residue of the corrected perspective at one edge, uneven light, the app's watermark at the foot.
2. ``word_pdf_no_unicode`` — a Word-exported letter whose glyphs are filled outlines, sometimes with an invisible
   GBK-bytes-in-WinAnsi text layer (extracts as mojibake, no ToUnicode); the signed, sealed 审批表 is appended
   as a scanned image page.
3. ``borderless_table`` — changes as a tab-aligned table without rules (证书名称 等级 原申报人数 调整后人数, or
   with 调整项目 原申报 调整后).
4. ``foot_signoff_right`` — approvals at the foot, right side, stacked: label：opinion / 签字：mark / hand date,
   department then leader; the seal over 申请单位 and the date below them.
5. ``folded_stained_copy`` — a greyscale photocopy of a folded letter: crease(s), a coffee ring, toner specks.
6. ``value_in_one_cell`` — a 序号 | 调整内容 [| 原因] table whose one cell per change holds the whole change in words.
7. ``oval_and_extra_seals`` — a 红头 letter (red school name, red rule with a star); with the official round seal
   also a red oval 财务/发票专用章 and 骑缝章 fragments at the right edge. Its no_seal variant keeps only the
   red header (and any red 名章).
8. ``multi_attachment_mix`` — the letter as a JPEG, the change table (附表) as a separate PNG or image PDF,
   sometimes a third irrelevant attachment (a student list .xlsx or a campus photo).

Truth per message (bench/reading.py): file, message_id, seed, family, capture, defect, seal, approvals,
changes (certificate, field, from, to, application_id), problems (sorted).
"""

from __future__ import annotations

import random
from pathlib import Path

from tests.corpus_files import write_mail_and_truth

from . import capture as cap
from . import draw as D
from . import families as F
from . import pdfout
from .content import DEFECT_WEIGHTS, Case, arrival_and_dates, draw_changes, make_block, person, subject_for
from .mail import Attachment, build, student_xlsx
from .registry import SCHOOLS, write_registry

FAMILIES: tuple[str, ...] = ("scanner_app_pdf", "word_pdf_no_unicode", "borderless_table", "foot_signoff_right",
                             "folded_stained_copy", "value_in_one_cell", "oval_and_extra_seals",
                             "multi_attachment_mix")
CLEAN_SHARE = 0.7


def family_of(seed: int) -> str:
    return FAMILIES[(seed // 4 + 3 * (seed % 4)) % 8]


def make_case(seed: int) -> Case:
    """Everything one message states, drawn from its seed."""
    rng = random.Random(seed * 1_000_003 + 29)
    family = family_of(seed)
    school = rng.choice(SCHOOLS)
    defect = None
    if rng.random() >= CLEAN_SHARE:
        names = list(DEFECT_WEIGHTS)
        defect = rng.choices(names, weights=[DEFECT_WEIGHTS[n] for n in names])[0]
    changes = draw_changes(rng, school, defect)
    arrival, doc_date = arrival_and_dates(rng, defect == "outside_window")
    subject = subject_for(rng, school, defect == "subject_format")
    dept_state = {"dept_unsigned": "unsigned", "dept_typed": "typed", "dept_refused": "refused",
                  "dept_read_only": "read_only", "dept_blank": "blank"}.get(defect or "", "ok")
    leader_state = {"leader_unsigned": "unsigned", "leader_typed": "typed", "leader_refused": "refused",
                    "leader_blank": "blank"}.get(defect or "", "ok")
    seal = {"no_seal": "none", "dept_seal_only": "dept"}.get(defect or "", "school")
    unit = school.name if not school.aliases or rng.random() < 0.8 else school.aliases[0]
    return Case(seed=seed, family=family, school=school, unit=unit, changes=changes,
                dept=make_block(rng, "dept", dept_state, doc_date), leader=make_block(rng, "leader", leader_state,
                                                                                       doc_date),
                seal=seal, subject=subject, arrival=arrival, doc_date=doc_date, defect=defect, contact=person(rng),
                phone=f"1{rng.choice('3589')}{rng.randint(100000000, 999999999)}")


def _stem(case: Case, rng: random.Random) -> str:
    d = case.doc_date
    return rng.choice((f"{case.school.name}2024年证书申报调整申请", "证书申报调整申请", f"{case.unit}调整申请",
                       "2024年1+X证书申报调整申请（盖章）", f"{d.year}{d.month:02d}{d.day:02d}{rng.randint(100, 999)}"))


def _scan_files(pages, stem: str, rng: random.Random, dpi: int, grey: bool = False) -> tuple[list[Attachment], str]:
    scans = [cap.resample(cap.flatbed(p, rng, grey), dpi) for p in pages]
    kind = rng.choices(("pdf", "jpeg", "png"), weights=(5, 3, 1))[0]
    if kind == "png" and dpi > 200:
        kind = "jpeg"  # nobody mails a 300 dpi colour PNG: the MFP's "PNG" preset is 200 dpi here
    return _files(scans, stem, rng, dpi, kind), f"flatbed {dpi}dpi {'grey' if grey else 'colour'} {kind}"


def _files(imgs, stem: str, rng: random.Random, dpi: int, kind: str) -> list[Attachment]:
    if kind == "pdf":
        pdf = pdfout.build([("image", im, dpi, rng.randint(72, 90)) for im in imgs], producer="Canon iR-ADV C5535",
                           creator="Canon", seed=rng.randrange(1 << 30))
        return [Attachment(stem + ".pdf", pdf, "application/pdf")]
    many = len(imgs) > 1
    if kind == "png":
        return [Attachment(f"{stem}_{i + 1}.png" if many else stem + ".png", cap.png(im, dpi), "image/png")
                for i, im in enumerate(imgs)]
    return [Attachment(f"{stem}_{i + 1}.jpg" if many else stem + ".jpg", cap.jpeg(im, rng.randint(75, 90), dpi),
                       "image/jpeg") for i, im in enumerate(imgs)]


def _package(case: Case, rng: random.Random) -> list[Attachment]:
    stem = _stem(case, rng)
    fam = case.family
    if fam == "scanner_app_pdf":
        pages = F.scanner_app_pages(case, rng)
        outs, modes = [], set()
        for p in pages:
            out, mode = cap.scanner_app(p, rng)
            outs.append(out)
            modes.add(mode)
        dpi = rng.choice((150, 200))
        pdf = pdfout.build([("image", cap.resample(o, dpi), dpi, rng.randint(70, 88)) for o in outs],
                           producer="intsig.com pdf producer", creator="CamScanner", seed=case.seed)
        case.capture = f"scanner app {'/'.join(sorted(modes))} pdf {dpi}dpi"
        name = rng.choice((f"CamScanner {case.doc_date.month:02d}-{case.doc_date.day:02d}-2024 "
                           f"{rng.randint(8, 20):02d}.{rng.randint(0, 59):02d}.pdf", stem + ".pdf"))
        return [Attachment(name, pdf, "application/pdf")]
    if fam == "word_pdf_no_unicode":
        D.RECORD = []
        try:
            letter_pages, sign_page = F.word_letter_pages(case, rng)
            lines = D.RECORD
        finally:
            D.RECORD = None
        mojibake = rng.random() < 0.5
        dpi = rng.choice((150, 200))
        scan = cap.resample(cap.flatbed(sign_page, rng, grey=rng.random() < 0.2), dpi)
        # the recorded lines belong to the letter pages; only the first page gets a text layer in this export
        specs = [("word", p, lines if (mojibake and i == 0 and len(letter_pages) == 1) else None)
                 for i, p in enumerate(letter_pages)]
        specs.append(("image", scan, dpi, rng.randint(75, 90)))
        pdf = pdfout.build(specs, producer="Microsoft® Word 2016", creator="Microsoft® Word 2016", seed=case.seed)
        case.capture = (f"word pdf {'mojibake text' if specs[0][2] else 'outlines'} + scanned 审批表 {dpi}dpi")
        return [Attachment(stem + ".pdf", pdf, "application/pdf")]
    if fam == "folded_stained_copy":
        pages = F.folded_pages(case, rng)
        dpi = rng.choice((150, 200, 200, 300))
        copies = [cap.resample(cap.photocopy(p, rng), dpi) for p in pages]
        kind = rng.choices(("pdf", "jpeg", "png"), weights=(5, 3, 1))[0]
        case.capture = f"photocopy grey {dpi}dpi {kind}"
        return _files(copies, stem, rng, dpi, kind)
    if fam == "multi_attachment_mix":
        letter_pages, annex = F.mix_pages(case, rng)
        dpi = rng.choice((150, 200))
        letter = [cap.resample(cap.flatbed(p, rng), dpi) for p in letter_pages]
        atts = _files(letter, stem, rng, dpi, "jpeg")
        annex_kind = rng.choice(("png", "pdf"))
        annex_img = cap.resample(cap.flatbed(annex, rng) if rng.random() < 0.6 else annex, dpi)
        atts += _files([annex_img], rng.choice(("附表：调整明细表", "附件1 证书申报调整明细", "调整明细表")), rng, dpi,
                       annex_kind)
        extra = rng.choice((None, None, "xlsx", "photo"))
        if extra == "xlsx":
            atts.append(Attachment("学生名单.xlsx", student_xlsx(rng,
                                                              [person(rng) for _ in range(rng.randint(8, 30))]),
                                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        elif extra == "photo":
            atts.append(Attachment(f"IMG_2024{case.doc_date.month:02d}{case.doc_date.day:02d}_{rng.randint(100000, 999999)}.jpg",
                                   cap.jpeg(cap.campus_photo(rng), 85), "image/jpeg"))
        case.capture = f"letter jpeg {dpi}dpi + annex {annex_kind}" + (f" + {extra}" if extra else "")
        return atts
    layout = {"borderless_table": F.borderless_pages, "foot_signoff_right": F.foot_right_pages,
              "value_in_one_cell": F.one_cell_pages, "oval_and_extra_seals": F.extra_seal_pages}[fam]
    pages = layout(case, rng)
    grey = fam != "oval_and_extra_seals" and rng.random() < 0.15
    atts, case.capture = _scan_files(pages, stem, rng, rng.choice((150, 200, 200, 300)), grey)
    if "marks" in case.extras:
        case.capture += f" ({case.extras['marks']})"
    return atts


def _body(case: Case, rng: random.Random) -> str:
    greet = rng.choice(("郭老师、周老师：", "省1+X办公室老师：", "老师您好：", "您好！"))
    what = rng.choice(("附件为我校2024年1+X证书申报调整申请扫描件，请审核。", "我校证书申报调整申请（盖章扫描件）见附件，请查收。",
                       "现将我校2024年证书申报调整申请发送给您，请审核，谢谢！"))
    return f"{greet}\n    {what}\n\n{case.unit}\n{case.contact}  {case.phone}\n"


def generate_one(seed: int) -> tuple[bytes, dict]:
    case = make_case(seed)
    rng = random.Random(seed * 7_368_787 + 3)
    attachments = _package(case, rng)
    sender = rng.choice(case.school.emails) if rng.random() < 0.55 else \
        f"{rng.randint(10**7, 10**10)}@{rng.choice(('qq.com', '163.com', '126.com', 'sina.com'))}"
    raw, message_id = build(seed=seed, sender_name=case.contact, sender=sender, subject=case.subject,
                            body=_body(case, rng), arrival=case.arrival, attachments=attachments, rng=rng)
    truth = {"message_id": message_id, "seed": seed, "family": case.family, "capture": case.capture,
             "defect": case.defect, **case.truth()}
    return raw, truth


def generate(out_dir: Path, count: int, base_seed: int) -> None:
    """Write out_dir/registry/*.csv, out_dir/mail/NNNN.eml and out_dir/truth.jsonl for seeds base_seed … +count-1."""
    out_dir = Path(out_dir)
    write_registry(out_dir / "registry")
    write_mail_and_truth(out_dir, (generate_one(base_seed + i) for i in range(count)))
