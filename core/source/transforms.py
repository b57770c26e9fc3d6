"""Transforms from a source value to an ImmutableId (contracts.md: --transform).

`guid-base64` is Entra Connect's form: base64 of the GUID's little-endian bytes (.NET
`Guid.ToByteArray()`, Python `uuid.UUID(...).bytes_le`) — graph-facts §1 and §9. Errors are
`ValueError(reason_code)` so the plan can put the code in `detail`.
"""

from __future__ import annotations

import base64
import binascii
import operator
import uuid
from collections.abc import Callable
from enum import StrEnum


class Transform(StrEnum):
    NONE = "none"
    LOWER = "lower"
    GUID_BASE64 = "guid-base64"
    UTF8_BASE64 = "utf8-base64"

    @property
    def is_base64(self) -> bool:
        return self in (Transform.GUID_BASE64, Transform.UTF8_BASE64)


# Reason codes (also used as `detail` in reports; texts in core/message_table.py).
NOT_A_GUID = "not_a_guid"


# character positions of the canonical GUID text in little-endian byte order (.NET ToByteArray)
_LE_HEX = operator.itemgetter(6, 7, 4, 5, 2, 3, 0, 1, 11, 12, 9, 10, 16, 17, 14, 15, 19, 20, 21, 22,
                              *range(24, 36))


def guid_to_base64(value: str) -> str:
    text = value.strip()
    if len(text) == 36 and text[8] == text[13] == text[18] == text[23] == "-":
        # the canonical form, without uuid.UUID's overhead (this runs for every user of a big tenant)
        # .NET's ToByteArray: the first three groups byte-reversed, then the rest in order
        le = "".join(_LE_HEX(text))
        try:
            raw = bytes.fromhex(le)
        except ValueError:
            raise ValueError(NOT_A_GUID) from None
        if len(raw) != 16:
            raise ValueError(NOT_A_GUID)
        return binascii.b2a_base64(raw, newline=False).decode("ascii")
    try:
        guid = uuid.UUID(text)  # braces, urn:uuid:, no dashes
    except ValueError:
        raise ValueError(NOT_A_GUID) from None
    return base64.b64encode(guid.bytes_le).decode("ascii")


def base64_to_guid(value: str) -> str:
    """The inverse of guid-base64 (handy for admins comparing with Entra Connect's anchors)."""
    return str(uuid.UUID(bytes_le=base64.b64decode(value)))


def utf8_to_base64(value: str) -> str:
    return base64.b64encode(value.encode("utf-8")).decode("ascii")


def _same(value: str) -> str:
    return value


_FUNCTIONS = {Transform.NONE: _same, Transform.LOWER: str.lower, Transform.GUID_BASE64: guid_to_base64,
              Transform.UTF8_BASE64: utf8_to_base64}


def transform_function(transform: Transform | str) -> Callable[[str], str]:
    """The function itself, looked up once (the planner calls it for every user)."""
    return _FUNCTIONS[Transform(transform)]


def apply_transform(transform: Transform | str, value: str) -> str:
    return transform_function(transform)(value)
