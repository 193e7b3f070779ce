"""The workflow's own exceptions; `str()` is one line in Chinese, `exit_code` what the CLI exits with."""

from __future__ import annotations


class WorkflowError(Exception):
    """Base of every error the workflow raises on purpose."""

    exit_code = 1


class NotFound(WorkflowError):
    pass


class ReviewRefused(WorkflowError):
    """A reviewer tried to act outside their role, scope or the request's stage."""


class InvalidValue(WorkflowError):
    """A reviewer's value (a corrected change) is out of range; the message says what is allowed."""


class MailboxUnavailable(WorkflowError):
    """The office's mailbox could not take a draft or be searched for a reply."""
