"""Chinese names of the workflow's values, shared by the CLI, the web UI and the replies."""

FIELD_NAMES = {"level": "考核等级", "major": "考核专业", "headcount": "人数规模"}
STAGE_NAMES = {
    "city": "设区市审核",
    "group": "协作组审核",
    "province": "省级审核",
    "done": "已结束",
    None: "—",
}
STATUS_NAMES = {
    "pending": "待处理",
    "ready": "待审核",
    "flagged": "有问题",
    "approved": "已通过",
    "rejected": "不予通过",
    "returned": "已退回",
    "superseded": "已被替代",
    None: "无关邮件",
    "unrelated": "无关邮件",
}
