"""The project's exceptions (each carries the exit code the CLI gives for it), and file errors in Chinese."""

from __future__ import annotations

import errno


class IntakeError(Exception):
    """Base of every error this project raises on purpose; `str()` is one line for the user."""

    exit_code = 1


class ConfigError(IntakeError):
    """A missing, unknown or invalid configuration key (exit 2)."""

    exit_code = 2

    def __init__(self, key: str, why: str) -> None:
        super().__init__(f"配置错误 {key}: {why}")
        self.key = key
        self.why = why


class UsageError(IntakeError):
    exit_code = 2


class RegistryImportError(IntakeError):
    """The registry file has errors; nothing was imported."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(f"名册导入失败，共 {len(errors)} 处错误，未导入任何数据")
        self.errors = errors


class MailboxError(IntakeError):
    """The mailbox could not be read (login, network, server)."""


FILE_WORDS = {
    errno.ENOENT: "文件不存在",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "没有访问权限",
    errno.EISDIR: "这是一个目录，不是文件",
    errno.ENOTDIR: "路径中有一段不是目录",
    errno.EEXIST: "路径上已有同名的文件",
    errno.ENAMETOOLONG: "路径过长",
    errno.ELOOP: "符号链接循环",
}


def file_words(error: OSError) -> str:
    """Why a file could not be opened or read, in Chinese (the system's words only for a rare case)."""
    return FILE_WORDS.get(error.errno or 0) or f"无法读取（{error.strerror or error}）"
