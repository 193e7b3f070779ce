"""The project's exceptions: each carries the exit code the CLI gives for it."""

from __future__ import annotations


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
