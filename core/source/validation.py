"""Is a value acceptable as onPremisesImmutableId? Rules from graph-facts §1 (Entra Connect's
source-anchor rules, which are stricter than Graph's), returned as reason codes for `detail`.
"""

from __future__ import annotations

import re
import string

# Characters Entra Connect forbids in a source anchor (graph-facts §1). Graph itself forbids $ and _.
FORBIDDEN = frozenset("\\!#$%&*+/=?^`{}|~<>()';:,[]\"@_")
# base64 output may contain these; Entra Connect writes them itself, so they are allowed there.
BASE64_EXTRA = frozenset("+/=")
ALNUM = frozenset(string.ascii_letters + string.digits)
MAX_WEIGHTED = 59  # "fewer than 60 characters", non-alphanumerics counting three
MAX_NAMEID = 64  # a SAML NameID must equal the ImmutableId: up to 64 characters

_BASE64_RE = re.compile(r"[A-Za-z0-9+/]+={0,2}")

EMPTY = "empty"
FORBIDDEN_CHAR = "forbidden_character"
WHITESPACE = "whitespace"
CONTROL_CHAR = "control_character"
TOO_LONG = "too_long"
TOO_LONG_NAMEID = "too_long_for_saml_nameid"


def _weighted_length(value: str) -> int:
    return sum(1 if c in ALNUM else 3 for c in value)


def check_immutable_id(value: str | None, base64_value: bool = False) -> str | None:
    """None when the value is fine, else a reason code (forbidden_character:<c> names the char)."""
    if value is None or value == "":
        return EMPTY
    if base64_value and len(value) <= MAX_WEIGHTED and _BASE64_RE.fullmatch(value):
        return None  # what Entra Connect itself writes (a GUID gives 24 characters)
    if value.isascii() and value.isalnum():  # the common case, decided in C
        return None if len(value) <= MAX_WEIGHTED else (TOO_LONG_NAMEID if len(value) > MAX_NAMEID
                                                        else TOO_LONG)
    for ch in value:
        if ch in ALNUM:
            continue
        if ord(ch) < 32 or ord(ch) == 127:
            return CONTROL_CHAR
        if ch.isspace():
            return WHITESPACE
        if ch in FORBIDDEN and not (base64_value and ch in BASE64_EXTRA):
            return f"{FORBIDDEN_CHAR}:{ch}"
    if len(value) > MAX_NAMEID:
        return TOO_LONG_NAMEID
    # base64 values are what Entra Connect itself writes (a GUID gives 24 chars): weight them plainly.
    length = len(value) if base64_value else _weighted_length(value)
    if length > MAX_WEIGHTED:
        return TOO_LONG
    return None
