"""Regenerate the sample mailbox under examples/mailbox from the synthetic scan generator.

    .venv/bin/python -m examples.make_examples

The messages match examples/registry and show the main outcomes: ready, flagged for each
kind of problem, and unrelated mail that is kept visible but not queued.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from tests.scangen import ApprovalTruth, ChangeTruth, Distortion, make_scan, to_eml, to_jpeg, to_pdf

OUT = Path(__file__).parent / "mailbox"
SHANGHAI = timezone(timedelta(hours=8))
SIGNED = ApprovalTruth(label="证书试点管理部门意见", opinion="同意调整", signature="hand", signer="王芳")
LEADER = ApprovalTruth(label="校级分管领导意见", opinion="同意", signature="hand", signer="张伟")


def scan_eml(seed: int, name: str, school: str, changes: list[ChangeTruth], *, sent: datetime,
             distortion: Distortion, as_pdf: bool = True, subject: str | None = None, **truth) -> bytes:
    scan = make_scan(seed, distortion=distortion, school=school, applicant_unit=school, seal_text=school,
                     changes=changes, department=truth.pop("department", SIGNED),
                     leader=truth.pop("leader", LEADER), seal=truth.pop("seal", True), **truth)
    data = to_pdf([scan.image]) if as_pdf else to_jpeg(scan.image)
    filename = f"{school}调整申请.{'pdf' if as_pdf else 'jpg'}"
    return to_eml([(filename, data)], school=school, sender=f"jwc{seed}@school.example.cn", subject=subject,
                  sent=sent)


def plain_eml(subject: str, body: str, *, sender: str, sent: datetime, headers: dict[str, str] | None = None,
              attachment: tuple[str, bytes, str] | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, "jsxzsbg@163.com", subject
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = f"<example-{hashlib.sha256(subject.encode()).hexdigest()[:12]}@example.cn>"
    msg["Received"] = f"from mx.example.cn by mx.163.com; {format_datetime(sent)}"
    for key, value in (headers or {}).items():
        msg[key] = value
    msg.set_content(body)
    if attachment:
        name, data, subtype = attachment
        msg.add_attachment(data, maintype="application", subtype=subtype, filename=name)
    return msg.as_bytes()


def minimal_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", '<?xml version="1.0"?><document>调整申请</document>')
    return buffer.getvalue()


def main() -> None:
    OUT.mkdir(exist_ok=True)
    march = lambda day, hour=10: datetime(2024, 3, day, hour, 15, tzinfo=SHANGHAI)  # noqa: E731
    messages = {
        "01-lianyungang-ready.eml": scan_eml(
            101, "a", "连云港中等专业学校", [ChangeTruth("Web前端开发", "headcount", "中级", 80, 120)],
            sent=march(5), distortion=Distortion(noise=4, skew=0.6), layout="table_a"),
        "02-suzhou-level-photo.eml": scan_eml(
            102, "b", "苏州工业园区职业技术学院", [ChangeTruth("Web前端开发", "level", "中级", "中级", "高级")],
            sent=march(8), distortion=Distortion(photo=True, jpeg_quality=80), as_pdf=False, layout="prose"),
        "03-xuanwu-exceeds.eml": scan_eml(
            103, "c", "南京市玄武中等专业学校", [ChangeTruth("网络安全运维", "headcount", "初级", 40, 80)],
            sent=march(11), distortion=Distortion(greyscale=True, noise=6), layout="table_a"),
        "04-changzhou-no-seal.eml": scan_eml(
            104, "d", "常州机电职业技术学院", [ChangeTruth("数控车铣加工", "major", "中级", "数控技术", "机电一体化技术")],
            sent=march(14), distortion=Distortion(skew=1.2, blur=0.6), seal=False,
            leader=ApprovalTruth(label="分管校领导意见", opinion="同意", signature="typed", signer="赵磊")),
        "05-wuxi-late-subject.eml": scan_eml(
            105, "e", "无锡市第一中等专业学校", [ChangeTruth("数控车铣加工", "headcount", "初级", 70, 90)],
            sent=march(22), distortion=Distortion(rotation=90, noise=3),
            subject="无锡一中专 2024年1+X证书申报调整申请"),
        "06-question.eml": plain_eml(
            "关于1+X证书申报人数的咨询", "老师您好，请问申报期结束后还能调整人数吗？谢谢！",
            sender="江苏理工学院 <1x@jsut.edu.cn>", sent=march(6, 16)),
        "07-autoreply.eml": plain_eml(
            "自动回复：收到", "您的邮件已收到。", sender="auto@wxez.edu.cn", sent=march(9),
            headers={"Auto-Submitted": "auto-replied"}),
        "08-wuxi2-word-only.eml": plain_eml(
            "无锡市第二中等专业学校+2024年证书申报调整申请", "附件为调整申请，请审核。",
            sender="jwc@wxez.edu.cn", sent=march(15),
            attachment=("调整申请.docx", minimal_docx(), "vnd.openxmlformats-officedocument.wordprocessingml.document")),
    }
    for name, raw in messages.items():
        (OUT / name).write_bytes(raw)
        print(f"{name}: {len(raw)} bytes")


if __name__ == "__main__":
    main()
