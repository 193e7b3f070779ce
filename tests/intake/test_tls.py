"""`intake poll` over implicit TLS and STARTTLS against a Dovecot that requires TLS; certificates are verified."""

from __future__ import annotations

import re

import pytest

from tests.intake.conftest import counts, make_service, run_cli, text_message

pytestmark = pytest.mark.dovecot(tls=True)


@pytest.mark.parametrize("tls", ["ssl", "starttls"])
def test_poll_over_tls_records_every_message(dovecot, imap_config, imap_env, tls):
    dovecot.append(*(text_message(n) for n in range(3)))
    config = imap_config(tls=tls)
    result = run_cli(imap_env, "poll", "--config", str(config))
    assert result.returncode == 0, result.stderr[-3000:]
    assert counts(make_service(config)) == (3, 0)
    assert _our_logins(dovecot.read_log()) == ["TLS"]


def _our_logins(log: str) -> list[str]:
    """How each of intake's sessions logged in, as Dovecot saw it: "TLS" or "secured" (plaintext).

    Dovecot calls any loopback connection "secured" and lets it log in without TLS even with
    ssl = required, so only the login line tells whether TLS was really used.
    """
    ours = re.findall(r"<([^<>\s]+)>: Info: ID sent: name=jsxzsbg-intake", log)
    by_session = {session: how for how, session in re.findall(r"Login: .*, (TLS|secured), session=<([^<>\s]+)>", log)}
    return [by_session.get(session, "?") for session in ours]


def test_an_untrusted_certificate_is_refused_by_default(dovecot, imap_config, imap_env):
    dovecot.append(text_message(1))
    config = imap_config(tls="ssl")
    trusting = f'ca_file = "{dovecot.ca_file}"\n'
    config.write_text(config.read_text(encoding="utf-8").replace(trusting, ""), encoding="utf-8")
    result = run_cli(imap_env, "poll", "--config", str(config))
    assert result.returncode == 1
    assert "CERTIFICATE_VERIFY_FAILED" in result.stderr and "Traceback" not in result.stderr
    assert counts(make_service(config))[0] == 0


def test_a_missing_ca_file_is_a_config_error(dovecot, imap_config, imap_env, tmp_path):
    config = imap_config(tls="ssl")
    missing = tmp_path / "no-such-ca.pem"
    config.write_text(config.read_text(encoding="utf-8").replace(str(dovecot.ca_file), str(missing)),
                      encoding="utf-8")
    result = run_cli(imap_env, "poll", "--config", str(config))
    assert result.returncode == 2
    assert "mailbox.ca_file" in result.stderr and "Traceback" not in result.stderr
