"""Addresses from From, To, Cc and Reply-To as senders really write them: bare and lower case.

`email.utils.getaddresses` parses what RFC 5322 allows; around it we decode raw 8-bit text
(RFC 6532 addresses are raw UTF-8) and encoded words, look inside encoded words that hold a whole
address, and take the first bare address of a value no parser understands.
"""

from __future__ import annotations

import re
from email.utils import getaddresses

from parsers.charsets import decode_encoded_words, fold_controls, surrogates_to_text

_ADDRESS_CHAR = r"[^\s@<>()\[\],;:\"\\\x00-\x1f\x7f]"
_ADDRESS = re.compile(rf"{_ADDRESS_CHAR}+@{_ADDRESS_CHAR}+")
_BARE_ADDRESS = re.compile(rf"(?<![^\s<>(),;:\"]){_ADDRESS.pattern}(?![^\s<>(),;:\"])")


def parse_addresses(values: list[str], declared: str | None) -> list[tuple[str, str]]:
    """(decoded display name, bare lower-case address) pairs from raw header values (raw 8-bit bytes
    surrogate-escaped, as the email package leaves them); entries without a usable address dropped.

    Encoded words are decoded after parsing as RFC 2047 says, unless that finds no address or cuts an
    encoded word: then the address is inside one, so decode first. An unparseable value gives its
    first bare address (From: a@x.cn b@x.cn).
    """
    pairs: list[tuple[str, str]] = []
    for value in values:
        text = re.sub(r"\r?\n", " ", value)[:16384]
        label = _raw_charset(text, declared)
        decoded = decode_encoded_words(text, label)
        bare = [("", match.group(0).lower()) for match in _BARE_ADDRESS.finditer(decoded)][:1]
        pairs += _parsed_addresses(text, label) or _parsed_addresses(decoded, label) or bare
    return pairs


def _raw_charset(text: str, declared: str | None) -> str | None:
    """RFC 6532 writes internationalised addresses in raw UTF-8 whatever the body declares; other raw
    8-bit bytes (a display name from an old mailer) are in the declared charset."""
    try:
        text.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeError:
        return declared
    return "utf-8"


def _parsed_addresses(text: str, label: str | None) -> list[tuple[str, str]]:
    """The usable addresses by RFC 5322; none if the parser cut an encoded word into a display name."""
    pairs = [(fold_controls(decode_encoded_words(name, label)).strip(),
              surrogates_to_text(addr, label).strip().lower()) for name, addr in getaddresses([text])]
    if any("=?" in name for name, _ in pairs):
        return []
    return [(name, addr) for name, addr in pairs if _ADDRESS.fullmatch(addr)]
