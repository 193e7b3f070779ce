"""Every named value the records hold, each with the Chinese label officers and schools see.

The values are the JSON contract's strings (spec §5) and what the database stores; a member
compares equal to its string, so rows read back as plain `str` still match. Defined here, in
`storage`, because the tables need them and `storage` imports nothing of the other packages.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Labelled(StrEnum):
    """A string enum whose members are declared as `NAME = ("value", "中文标签")`."""

    label: str

    def __new__(cls, value: str, label: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def label_of(cls, value: str | None, default: str = "—") -> str:
        """The label of a stored value; `default` for None, the value itself if unknown (old rows)."""
        if value is None:
            return default
        try:
            return cls(value).label
        except ValueError:
            return value

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {member.value: member.label for member in cls}


class Kind(Labelled):
    REQUEST = ("request", "调整申请")
    UNRELATED = ("unrelated", "无关邮件")


class Status(Labelled):
    """A request's review status; unrelated messages have none (None in the JSON)."""

    PENDING = ("pending", "待处理")  # recorded, not yet processed
    READY = ("ready", "待审核")
    FLAGGED = ("flagged", "有问题")
    APPROVED = ("approved", "已通过")
    REJECTED = ("rejected", "不予通过")
    RETURNED = ("returned", "已退回")
    SUPERSEDED = ("superseded", "已被替代")


OPEN = (Status.READY, Status.FLAGGED)  # a reviewer may still act


class Stage(Labelled):
    """Who acts next on a request (spec §3)."""

    CITY = ("city", "设区市审核")
    GROUP = ("group", "协作组审核")
    PROVINCE = ("province", "省级审核")
    DONE = ("done", "已结束")


class Action(Labelled):
    """What an audit row records: a transition or an audited edit."""

    PROCESSED = ("processed", "系统处理")
    RECHECK = ("recheck", "重新检查")
    APPROVE = ("approve", "通过")
    REJECT = ("reject", "不予通过")
    RETURN = ("return", "退回")
    SUPERSEDE = ("supersede", "被替代")
    UNSUPERSEDE = ("unsupersede", "取消替代")
    CORRECT = ("correct", "修改识别结果")
    REPROCESS = ("reprocess", "重新处理")
    RELEASE_REPLY = ("release_reply", "放行回复")


class Decision(Labelled):
    """Why a reply is sent: one reply per (request, decision)."""

    ACKNOWLEDGE = ("acknowledge", "收件确认")
    APPROVED = ("approved", "审核通过")
    REJECTED = ("rejected", "不予通过")
    RETURNED = ("returned", "退回修改")


class ReplyState(Labelled):
    """Where a reply stands in the outbox (`workflow.delivery` moves it)."""

    HELD = ("held", "暂存待发")
    QUEUED = ("queued", "待发送")
    SENDING = ("sending", "发送中")
    SENT = ("sent", "已发送")
    UNCERTAIN = ("uncertain", "发送状态不确定")
    FAILED = ("failed", "发送失败")


class Delivery(Labelled):
    SMTP = ("smtp", "SMTP 发送")
    DRAFTS = ("drafts", "存入草稿箱")


class Role(Labelled):
    CITY = ("city", "设区市教育局")
    GROUP = ("group", "协作组牵头校")
    PROVINCE = ("province", "省试点办")
    ADMIN = ("admin", "管理员")


SEES_ALL = (Role.PROVINCE, Role.ADMIN)  # roles whose scope is every request


class ArrivalSource(Labelled):
    """Which clock a message's arrival was read from, best first."""

    INTERNALDATE = ("internaldate", "服务器收件时间")
    RECEIVED = ("received", "Received 头时间")
    DATE = ("date", "Date 头时间")


class ChangeField(Labelled):
    LEVEL = ("level", "考核等级")
    MAJOR = ("major", "考核专业")
    HEADCOUNT = ("headcount", "人数规模")


class EvidenceKind(Labelled):
    SEAL = ("seal", "公章")
    DEPARTMENT = ("department", "证书试点管理部门意见")
    LEADER = ("leader", "校级分管领导意见")


class ProblemCode(Labelled):
    """The problem codes of spec §2; the label is the message reviewers and schools read."""

    SUBJECT_FORMAT = ("subject_format", "邮件主题不符合“单位名称+年份证书申报调整申请”的命名要求（如：某某学校+2024年证书申报调整申请）")
    UNKNOWN_SCHOOL = ("unknown_school", "邮件主题中的单位名称不在试点院校名单中")
    OUTSIDE_WINDOW = ("outside_window", "邮件不在申报期内送达，申报期外的调整申请不予受理")
    NO_ATTACHMENT = ("no_attachment", "邮件没有附件，请附上加盖单位公章的申请扫描件")
    NOT_A_SCAN = ("not_a_scan", "附件均为 Word/Excel 等可编辑文件，请发送加盖公章后的扫描件（PDF 或图片）")
    UNREADABLE_ATTACHMENT = ("unreadable_attachment", "有附件无法打开（文件损坏、加密或格式不支持），请重新发送")
    NO_SEAL = ("no_seal", "申请扫描件上未发现单位公章")
    SEAL_MISMATCH = ("seal_mismatch", "公章上的单位名称与申请学校不一致")
    MISSING_DEPARTMENT_APPROVAL = ("missing_department_approval", "缺少学校证书试点管理部门的同意意见及签字")
    MISSING_LEADER_APPROVAL = ("missing_leader_approval", "缺少校级分管领导的同意意见及签字")
    SCHOOL_MISMATCH = ("school_mismatch", "申请文件中的申请单位与邮件主题中的学校不一致")
    NO_CHANGES_FOUND = ("no_changes_found", "未能从申请文件中识别出任何调整事项（证书、调整内容、调整前后）")
    NO_MATCHING_APPLICATION = ("no_matching_application", "调整事项在学校的原申报中找不到对应的申报记录")
    EXCEEDS_ENROLLMENT = ("exceeds_enrollment", "调整后的试点人数超过本校可参与专业的在校生总数")
    MAJOR_NOT_OFFERED = ("major_not_offered", "调整后的考核专业不是本校实际招生的专业")


# a few characters per problem, for the queue's rows and filters (the label is the full sentence)
PROBLEM_TITLES: dict[str, str] = {
    ProblemCode.SUBJECT_FORMAT: "主题格式不符",
    ProblemCode.UNKNOWN_SCHOOL: "学校不在名单",
    ProblemCode.OUTSIDE_WINDOW: "申报期外",
    ProblemCode.NO_ATTACHMENT: "无附件",
    ProblemCode.NOT_A_SCAN: "非扫描件",
    ProblemCode.UNREADABLE_ATTACHMENT: "附件无法打开",
    ProblemCode.NO_SEAL: "无公章",
    ProblemCode.SEAL_MISMATCH: "公章单位不符",
    ProblemCode.MISSING_DEPARTMENT_APPROVAL: "缺部门意见",
    ProblemCode.MISSING_LEADER_APPROVAL: "缺分管领导意见",
    ProblemCode.SCHOOL_MISMATCH: "申请单位不符",
    ProblemCode.NO_CHANGES_FOUND: "未识别调整事项",
    ProblemCode.NO_MATCHING_APPLICATION: "无对应原申报",
    ProblemCode.EXCEEDS_ENROLLMENT: "超过在校生数",
    ProblemCode.MAJOR_NOT_OFFERED: "专业未招生",
}

ALL: tuple[type[Labelled], ...] = (Kind, Status, Stage, Action, Decision, ReplyState, Delivery, Role,
                                   ArrivalSource, ChangeField, EvidenceKind, ProblemCode)
