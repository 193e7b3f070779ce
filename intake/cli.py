"""`intake` command line (spec §5): one parser, one handler per command, one error handler.

Exit codes: 0 success, 2 bad usage or config, 1 any other failure. JSON alone on stdout.
"""

from __future__ import annotations

import argparse
import atexit
import functools
import gc
import json
import logging
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intake import logs
from intake.config import config_path, load_config
from intake.errors import IntakeError, UsageError
from storage.states import Kind, Role, Stage, Status
from workflow.errors import WorkflowError

if TYPE_CHECKING:
    from intake.service import Service

log = logging.getLogger("intake")


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout with the usage prefix in Chinese, and help texts aligned after Chinese
    metavars (argparse pads by characters; a Chinese character takes two columns)."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:  # the help column starts after the widest option as shown
            width = self._current_indent + _columns(self._format_action_invocation(action))
            self._action_max_length = max(self._action_max_length, width)

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        header = self._format_action_invocation(action)
        wide = _columns(header) - len(header)
        return text.replace(header + " " * (wide + 2), header + "  ", 1) if wide else text


def _columns(text: str) -> int:
    """Terminal columns `text` takes: two for a wide (Chinese) character."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Chinese: its own -h, section titles and usage errors.

    argparse has no public setting for its section titles ("positional arguments", "options"), so the
    two groups every parser starts with are renamed once its parents' options have joined them.
    """

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"用法错误：{chinese_usage(message)}")


def chinese_usage(message: str) -> str:
    """argparse's English usage error in Chinese, with its internal names (requests_command) as the
    officer knows them; a message of another shape is passed on as it is."""
    for pattern, words in _USAGE_WORDS:
        if match := pattern.fullmatch(message):
            return words(match)
    return message


def _argument(name: str) -> str:
    return "子命令" if name == "command" or name.endswith("_command") else name


_USAGE_WORDS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"argument (\S+): invalid choice: '(.*)' \(choose from (.*)\)"),
     lambda m: f"{_argument(m[1])} 不能是“{m[2]}”，可选：" + m[3].replace("'", "")),
    (re.compile(r"the following arguments are required: (.*)"),
     lambda m: "缺少参数：" + "、".join(_argument(name) for name in m[1].split(", "))),
    (re.compile(r"unrecognized arguments: (.*)"), lambda m: f"无法识别的参数：{m[1]}"),
    (re.compile(r"argument (\S+): expected one argument"), lambda m: f"{m[1]} 后须跟一个值"),
    (re.compile(r"argument (\S+): invalid (?:int|float) value: '(.*)'"), lambda m: f"{m[1]} 须为数字，不能是“{m[2]}”"),
)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)  # plain: its group titles must match a _Parser's when merged
    common.add_argument("--config", default=argparse.SUPPRESS, metavar="路径",
                        help="配置文件路径（默认取环境变量 INTAKE_CONFIG，再默认 ./config.toml）")
    parser = _Parser(prog="intake", description="江苏省1+X证书申报调整申请邮件处理", parents=[common])
    commands = _subcommands(parser, "command")

    def add(name: str, handler: Callable, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[common], help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    def group(name: str, help_text: str) -> argparse._SubParsersAction:
        return _subcommands(commands.add_parser(name, parents=[common], help=help_text, description=help_text),
                            f"{name}_command")

    def json_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--json", action="store_true", help="以 JSON 输出到标准输出（供程序读取）")

    add("init", cmd_init, "创建数据目录并升级数据库结构")
    reg_import = group("registry", "名册").add_parser(
        "import", parents=[common], help="导入学校与原申报名册（XLSX 或 CSV）", description="导入学校与原申报名册（XLSX 或 CSV）")
    reg_import.add_argument("files", nargs="+", type=Path, metavar="文件",
                            help="名册文件：一个 .xlsx，或 schools.csv 与 applications.csv")
    reg_import.set_defaults(handler=cmd_registry_import)
    add("poll", cmd_poll, "收取一次邮件并处理")
    add("run", cmd_run, "常驻运行：收取并持续等待新邮件")
    add("worker", cmd_worker, "只处理已收取的邮件（可在多台机器上运行）")
    ingest = add("ingest", cmd_ingest, "处理邮件文件（.eml）")
    ingest.add_argument("files", nargs="+", type=Path, metavar="文件", help="邮件文件（.eml），可给多个")
    add("status", cmd_status, "显示上次收信、积压与错误")
    reprocess = add("reprocess", cmd_reprocess, "重新读取并处理申请（如故障排除后），记入审核记录")
    reprocess.add_argument("ids", nargs="+", type=int, metavar="编号", help="申请编号，可给多个")
    reprocess.add_argument("--reviewer", default="管理员", metavar="姓名", help="记入审核记录的操作人（默认 管理员）")
    requests = group("requests", "申请")
    req_list = requests.add_parser("list", parents=[common], help="列出全部已记录邮件", description="列出全部已记录邮件")
    json_option(req_list)
    req_list.add_argument("--kind", choices=[kind.value for kind in Kind],
                          help="只列此类别：request 申请，unrelated 无关邮件")
    req_list.add_argument("--status", metavar="状态",
                          help="只列此状态：" + "，".join(f"{status.value} {status.label}" for status in Status))
    req_list.add_argument("--school", metavar="学校", help="只列此学校（学校全称）")
    req_list.set_defaults(handler=cmd_requests_list)
    req_show = requests.add_parser("show", parents=[common], help="显示一个申请", description="显示一个申请")
    req_show.add_argument("id", type=int, metavar="编号", help="申请编号（见 intake requests list）")
    json_option(req_show)
    req_show.set_defaults(handler=cmd_requests_show)
    users = group("users", "审核账号")
    users_add = users.add_parser("add", parents=[common], help="新增审核账号（密码取自环境变量 INTAKE_NEW_PASSWORD 或提示输入）",
                                 description="新增审核账号（密码取自环境变量 INTAKE_NEW_PASSWORD 或提示输入）")
    users_add.add_argument("name", metavar="账号", help="登录用的账号名")
    users_add.add_argument("--role", required=True, choices=[role.value for role in Role],
                           help="角色：" + "，".join(f"{role.value} {role.label}" for role in Role))
    users_add.add_argument("--scope", default="", metavar="范围",
                           help="city 须填设区市（如 连云港市），group 须填协作组全称")
    users_add.set_defaults(handler=cmd_users_add)
    users.add_parser("list", parents=[common], help="列出审核账号",
                     description="列出审核账号").set_defaults(handler=cmd_users_other)
    for name, help_text in (("passwd", "重设账号密码（其登录会话全部结束）"), ("disable", "停用账号（其登录会话全部结束）")):
        other = users.add_parser(name, parents=[common], help=help_text, description=help_text)
        other.add_argument("name", metavar="账号", help="账号名")
        other.set_defaults(handler=cmd_users_other)
    review = add("review", cmd_review, "审核：通过、不予通过或退回")
    review.add_argument("action", choices=["approve", "reject", "return"], metavar="操作",
                        help="approve 通过，reject 不予通过，return 退回修改")
    review.add_argument("id", type=int, metavar="编号", help="申请编号")
    review.add_argument("--reviewer", required=True, metavar="账号", help="审核人的账号名")
    review.add_argument("--comment", required=True, metavar="意见", help="审核意见（记入审核记录，退回时写入回复）")
    replies = group("replies", "回复邮件")
    replies_list = replies.add_parser("list", parents=[common], help="列出回复", description="列出回复")
    json_option(replies_list)
    replies_list.set_defaults(handler=cmd_replies_list)
    replies_send = replies.add_parser("send", parents=[common], help="发送尚未发送的回复", description="发送尚未发送的回复")
    replies_send.add_argument("--resend", type=int, metavar="编号", help="重新发送这一封回复（发送状态不确定时）")
    replies_send.set_defaults(handler=cmd_replies_send)
    serve = add("serve", cmd_serve, "启动审核网页")
    serve.add_argument("--host", metavar="地址", help="监听地址（默认取配置 [web] host，即 127.0.0.1）")
    serve.add_argument("--port", type=int, metavar="端口", help="监听端口（默认取配置 [web] port，即 8000）")
    demo = add("demo", cmd_demo, "用示例邮件演示")
    demo.add_argument("--no-serve", action="store_true", help="只处理示例邮件，不启动审核网页")
    return parser


def _subcommands(parser: argparse.ArgumentParser, dest: str) -> argparse._SubParsersAction:
    return parser.add_subparsers(dest=dest, required=True, parser_class=_Parser, metavar="子命令")


def main(argv: list[str] | None = None) -> int:
    if argv is None:  # the `intake` program: a process of its own, not a caller in this one (tests)
        _skip_final_collection()
    logs.configure()
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    service: Service | None = None
    try:
        args = build_parser().parse_args(argv)
        if args.handler is cmd_demo:
            return cmd_demo(args)
        from intake.service import Service  # after parsing: `--help` and usage errors skip its imports

        service = Service(load_config(config_path(getattr(args, "config", None))))
        return int(args.handler(service, args) or 0)
    except (IntakeError, WorkflowError) as e:
        return _fail(e)
    except KeyboardInterrupt:
        return 130
    except Exception as e:
        from intake.faults import environment_error  # only on a fault: start-up stays light

        error = service and environment_error(e, url=service.config.storage.url,
                                              data_dir=str(service.config.storage.data_dir))
        if not error:
            raise
        return _fail(error)


@functools.cache
def _skip_final_collection() -> None:
    """At exit, spare the interpreter its last garbage collection over everything the imports made.

    SQLAlchemy, pydantic, NumPy and the OCR models leave some hundred thousand objects that the
    final collection walks for 0.3–0.5 s after the command is done (its data committed and files
    closed). Frozen objects are skipped; the operating system frees the memory at exit as it would.
    """
    atexit.register(gc.freeze)


def _fail(error: IntakeError | WorkflowError) -> int:
    """One line (and a registry's list of errors) on stderr; the error's exit code."""
    print(str(error), file=sys.stderr)
    for line in getattr(error, "errors", []):
        print(f"  {line}", file=sys.stderr)
    return error.exit_code


def print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def cmd_init(service: Service, args: argparse.Namespace) -> int:
    service.init()
    print(f"数据目录 {service.config.storage.data_dir} 已就绪", file=sys.stderr)
    return 0


def cmd_registry_import(service: Service, args: argparse.Namespace) -> int:
    from intake.registry import import_registry
    from storage.db import session_scope

    service.init()
    with session_scope(service.db) as session:
        result = import_registry(session, args.files)
    print(f"已导入学校 {result.schools} 所，原申报 {result.applications} 条", file=sys.stderr)
    return 0


def cmd_ingest(service: Service, args: argparse.Namespace) -> int:
    from intake.files import ingest_files

    service.check_ocr()
    service.init()
    service.check_data_dir()
    ingested = ingest_files(service, args.files)
    print(ingested.summary(), file=sys.stderr)
    return 1 if ingested.unreadable else 0  # only a file that was not recorded fails the command


def cmd_poll(service: Service, args: argparse.Namespace) -> int:
    from intake.daemon import poll_once

    service.check_ocr()
    service.init()
    service.check_data_dir()
    return poll_once(service)


def cmd_run(service: Service, args: argparse.Namespace) -> int:
    from intake.daemon import run_forever

    service.check_ocr()
    service.init()
    service.check_data_dir()
    return run_forever(service)


def cmd_worker(service: Service, args: argparse.Namespace) -> int:
    from intake.worker import work_forever

    service.check_ocr()
    service.init()
    service.check_data_dir()
    return work_forever(service)


def cmd_status(service: Service, args: argparse.Namespace) -> int:
    from intake.status import print_status

    service.init()
    return print_status(service)


def cmd_reprocess(service: Service, args: argparse.Namespace) -> int:
    from intake.processing import reprocess

    service.check_ocr()
    service.init()
    service.check_data_dir()
    for pk, outcome in reprocess(service, args.ids, actor=args.reviewer).items():
        print(f"第 {pk} 号：{_outcome_label(outcome)}", file=sys.stderr)
    service.replies_queued()  # an acknowledgement may be queued (idempotent)
    return 0


def _outcome_label(outcome: str) -> str:
    from storage.states import Kind, Status

    for vocabulary in (Status, Kind):
        if outcome in vocabulary.__members__.values():
            return vocabulary(outcome).label
    return {"busy": "正在由其他进程处理", "skipped": "已处理", "error": "处理出错，将自动重试"}.get(outcome, outcome)


def cmd_requests_list(service: Service, args: argparse.Namespace) -> int:
    from storage.db import session_scope
    from workflow.views import request_rows, requests_json

    service.init()
    with session_scope(service.db) as session:
        rows = request_rows(session, kind=Kind(args.kind) if args.kind else None, status=args.status, school=args.school)
        records = requests_json(session, rows, service.config.round.tz)
    if args.json:
        print_json(records)
    elif not records:
        print("没有符合条件的邮件" if args.kind or args.status or args.school else "尚无已记录的邮件")
    else:
        from intake.summary import print_table

        print_table(records)
    return 0


def cmd_requests_show(service: Service, args: argparse.Namespace) -> int:
    from storage.db import session_scope
    from storage.models import Message, Request
    from workflow.errors import NotFound
    from workflow.views import request_json

    service.init()
    with session_scope(service.db) as session:
        request, message = session.get(Request, args.id), session.get(Message, args.id)
        if request is None or message is None:
            raise NotFound(f"没有第 {args.id} 号记录")
        record = request_json(session, request, message, service.config.round.tz)
    if args.json:
        print_json(record)
    else:
        from intake.summary import print_table

        print_table([record])
    return 0


def cmd_users_add(service: Service, args: argparse.Namespace) -> int:
    from workflow.web.accounts import add_user_from_cli

    service.init()
    return add_user_from_cli(service, name=args.name, role=Role(args.role), scope=args.scope)


def cmd_users_other(service: Service, args: argparse.Namespace) -> int:
    from workflow.web.accounts import users_from_cli

    service.init()
    return users_from_cli(service, args.users_command, getattr(args, "name", ""))


def cmd_review(service: Service, args: argparse.Namespace) -> int:
    from sqlmodel import select

    from storage.db import session_scope
    from storage.models import User
    from workflow.errors import ReviewRefused
    from workflow.review import decide

    service.init()
    with session_scope(service.db) as session:
        reviewer = session.exec(select(User).where(User.name == args.reviewer)).first()
        if reviewer is None:
            raise ReviewRefused(f"没有审核账号 {args.reviewer}")
        request = decide(session, settings=service.settings, request_id=args.id, reviewer=reviewer,
                         action=args.action, comment=args.comment)
        print(f"第 {request.id} 号申请：状态 {Status.label_of(request.status)}，阶段 {Stage.label_of(request.stage)}",
              file=sys.stderr)
    service.replies_queued()
    return 0


def cmd_replies_list(service: Service, args: argparse.Namespace) -> int:
    from workflow.outbox import list_replies

    service.init()
    return list_replies(service, as_json=args.json)


def cmd_replies_send(service: Service, args: argparse.Namespace) -> int:
    from workflow.outbox import report_line, send_replies

    service.init()
    report = send_replies(service, resend=args.resend)
    print(report_line(report), file=sys.stderr)
    return 0 if report.ok else 1


def cmd_serve(service: Service, args: argparse.Namespace) -> int:
    from workflow.web.app import serve

    service.init()
    serve(service, host=args.host or service.config.web.host, port=args.port or service.config.web.port)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from intake.demo import run_demo

    return run_demo(serve=not args.no_serve)


if __name__ == "__main__":
    sys.exit(main())
