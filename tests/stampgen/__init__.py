"""stampgen: scanned 1+X adjustment requests whose approvals are stamps, ticks and hand marks.

An independent generator of request emails with exact truth, for `python -m bench.reading`. Each message
is one Jiangsu school's request to adjust its 2024 declarations, drawn as a scanned page (image-only PDF,
JPEG, PNG or multi-page TIFF; 150-300 dpi, skew, noise, sometimes greyscale or a phone photo). Families:

- ``checkbox_opinion``: each approval ticks printed boxes (□同意 □不同意, or 审核结果 □通过 □不通过) with a hand
  ✓ or ×, maybe a short hand remark, then 签字 + signature + hand date. A ticked 不同意 is a refusal.
- ``approval_grid_rows``: one table 审批环节 | 审批意见 | 签字 | 日期 with rows 申请部门（经办）, 证书试点管理部门,
  校级分管领导; the 经办 row is signed too but is not an approval.
- ``sign_above_or_below_line``: hand opinions, then 负责人签字：____ with the signature above the rule, on the next
  line under the label, or far right of the rule; dates by hand as 3月12日.
- ``handfilled_form``: a printed blank 申请表 whose unit, contact and change table are all handwritten.
- ``crossed_out_correction``: a typed change table where one 调整后 value is struck through (single or double
  line) and the corrected value written by hand above it, initialled or with a small 名章; truth is the
  corrected value.
- ``seal_over_signature``: the school's seal pressed over the leader's signature and date (骑字章).
- ``date_stamp_and_stamped_name``: typed opinions, signatures as rectangular 签名章 in blue/black ink and dates
  as smeared rubber date stamps (2024.03.12).
- ``naming_variants``: certificates written as official titles (…职业技能等级证书（中级）, “1+X”…),
  建筑信息模型(BIM), ``Web 前端开发``, a separate 等级 column (中级 / 中级证书), majors with codes, 60名.

About 70 % are clean; the rest carry one defect that SPEC §2 maps to one problem code (see plan.DEFECTS).
Message i has seed base_seed + i; its family is ``FAMILIES[(seed // 4 + 3 * (seed % 4)) % 8]`` so any 32
consecutive seeds put every family in both the held-out (seed ≡ 0 mod 4) and the tuned split.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
from datetime import timedelta
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime
from pathlib import Path

from . import draw, pages
from .data import write_registry
from .plan import Plan, make_plan, truth

FAMILIES: tuple[str, ...] = (
    "checkbox_opinion",
    "approval_grid_rows",
    "sign_above_or_below_line",
    "handfilled_form",
    "crossed_out_correction",
    "seal_over_signature",
    "date_stamp_and_stamped_name",
    "naming_variants",
)

__all__ = ["FAMILIES", "family_of", "generate", "build"]


def family_of(seed: int) -> str:
    return FAMILIES[(seed // 4 + 3 * (seed % 4)) % 8]


def _filename_header(part: MIMEMultipart | MIMEApplication | MIMEImage, name: str, rng: random.Random) -> None:
    style = rng.choice(("rfc2231", "rfc2231", "encoded-word", "ascii"))
    if style == "ascii":
        name = "scan_" + str(rng.randint(1000, 9999)) + "." + name.rsplit(".", 1)[1]
        part.add_header("Content-Disposition", "attachment", filename=name)
    elif style == "rfc2231":
        part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", name))
    else:
        cs = rng.choice(("utf-8", "gb18030"))
        word = Header(name, cs).encode()
        part.add_header("Content-Disposition", f'attachment; filename="{word}"')
        part.set_param("name", word)


def _mail(plan: Plan, files: list[tuple[bytes, str, str]], rng: random.Random, message_id: str) -> bytes:
    school = plan.school
    cs = rng.choice(("utf-8", "utf-8", "gb18030", "gbk"))
    msg = MIMEMultipart()
    msg.set_boundary(f"----=_NextPart_{rng.getrandbits(64):016x}")
    local = plan.arrival - timedelta(seconds=rng.randint(3, 90))
    sender_name = Header(f"{school.name}教务处" if rng.random() < 0.5 else plan.contact, cs).encode()
    user = school.email.split("@")[0]
    msg["From"] = f"{sender_name} <{user}@{school.email.split('@')[1]}>"
    msg["To"] = "jsxzsbg@163.com"
    msg["Subject"] = Header(plan.subject, cs).encode()
    msg["Date"] = format_datetime(local.astimezone(plan.arrival.tzinfo))
    msg["Message-ID"] = message_id
    msg["MIME-Version"] = "1.0"
    msg["X-Mailer"] = rng.choice(("Coremail Webmail Server Version 2024.1", "Foxmail 7.2.25.228",
                                  "Microsoft Outlook 16.0"))
    body = (f"{rng.choice(('郭老师、周老师', '省1+X办公室老师', '老师'))}：\n\n    您好！附件是{school.name}2024年证书申报调整申请"
            f"（已加盖公章的扫描件），涉及{len(plan.changes)}项调整，请审核。\n\n{school.name}\n{plan.contact}\n"
            f"电话：{plan.phone}\n")
    text = MIMEText(body, "plain", cs)
    if rng.random() < 0.4:
        del text["Content-Transfer-Encoding"]
        raw = body.encode(cs)
        text.set_payload(base64.encodebytes(raw).decode("ascii"))
        text["Content-Transfer-Encoding"] = "base64"
    msg.attach(text)
    stem = rng.choice((f"{school.name}2024年证书申报调整申请", "证书申报调整申请（盖章版）", f"{school.name}调整申请扫描件"))
    for k, (data, mime, ext) in enumerate(files):
        main, sub = mime.split("/")
        part: MIMEApplication | MIMEImage = MIMEApplication(data, _subtype=sub) if main == "application" \
            else MIMEImage(data, _subtype=sub)
        _filename_header(part, f"{stem}{'' if len(files) == 1 else f'-{k + 1}'}.{ext}", rng)
        msg.attach(part)
    received = format_datetime(plan.arrival)
    head = (f"Received: from {rng.choice(('mail.', 'smtp.', 'mx.'))}{school.email.split('@')[1]} (unknown "
            f"[58.{rng.randint(192, 223)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}])\r\n"
            f"\tby mx{rng.randint(1, 9)}.163.com (Coremail) with SMTP id {rng.randint(10**9, 10**10)};\r\n"
            f"\t{received}\r\n"
            f"Received: from localhost (unknown [10.0.{rng.randint(0, 9)}.{rng.randint(2, 250)}])\r\n"
            f"\tby {school.email.split('@')[1]} with ESMTPA; {format_datetime(local)}\r\n")
    return head.encode("ascii") + msg.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def build(seed: int, index: int) -> tuple[bytes, dict, list]:
    """(eml bytes, truth object, rendered page images before capture) for one seed."""
    family = family_of(seed)
    plan = make_plan(seed, family)
    rng = random.Random(f"stampgen-render-{seed}")
    images = pages.render(plan, rng)
    dpi = rng.choice((150, 200, 200, 300))
    phone = rng.random() < 0.15
    grey = not phone and rng.random() < 0.3
    fmt = "jpeg" if phone else rng.choice(("pdf", "pdf", "pdf", "jpeg", "png", "tiff"))
    scans = [draw.scan(rng, img, dpi, grey, phone) for img in images]
    files = draw.encode(scans, fmt, dpi, rng)
    digest = hashlib.sha256(f"stampgen{seed}".encode()).hexdigest()[:16]
    message_id = f"<{digest}.{seed}@stampgen.{plan.school.email.split('@')[1]}>"
    capture = f"{fmt} {dpi}dpi{' grey' if grey else ''}{' phone' if phone else ''}"
    file = f"{index:04d}.eml"
    return _mail(plan, files, rng, message_id), truth(plan, file, message_id, capture), images


def generate(out_dir: Path, n: int, base_seed: int) -> None:
    """Write registry/, mail/NNNN.eml and truth.jsonl for messages base_seed .. base_seed + n - 1."""
    out_dir = Path(out_dir)
    write_registry(out_dir / "registry")
    (out_dir / "mail").mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(n):
        eml, obj, _ = build(base_seed + i, i)
        (out_dir / "mail" / obj["file"]).write_bytes(eml)
        lines.append(json.dumps(obj, ensure_ascii=False))
    (out_dir / "truth.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
