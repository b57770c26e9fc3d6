"""Transforms from a source value to an ImmutableId (contracts.md: --transform).

`guid-base64` is Entra Connect's form: base64 of the GUID's little-endian bytes (.NET
`Guid.ToByteArray()`, Python `uuid.UUID(...).bytes_le`) — graph-facts §1 and §9. Errors are
`ValueError(reason_code)` so the plan can put the code in `detail`.
"""

from __future__ import annotations

import base64
import uuid
from enum import StrEnum


class Transform(StrEnum):
    NONE = "none"
    LOWER = "lower"
    GUID_BASE64 = "guid-base64"
    UTF8_BASE64 = "utf8-base64"

    @property
    def is_base64(self) -> bool:
        return self in (Transform.GUID_BASE64, Transform.UTF8_BASE64)


# Reason codes (also used as `detail` in reports; texts in core/messages_write.py).
NOT_A_GUID = "not_a_guid"


def guid_to_base64(value: str) -> str:
    try:
        guid = uuid.UUID(value.strip())
    except ValueError:
        raise ValueError(NOT_A_GUID) from None
    return base64.b64encode(guid.bytes_le).decode("ascii")


def base64_to_guid(value: str) -> str:
    """The inverse of guid-base64 (handy for admins comparing with Entra Connect's anchors)."""
    return str(uuid.UUID(bytes_le=base64.b64decode(value)))


def apply_transform(transform: Transform | str, value: str) -> str:
    t = Transform(transform)
    if t is Transform.NONE:
        return value
    if t is Transform.LOWER:
        return value.lower()
    if t is Transform.GUID_BASE64:
        return guid_to_base64(value)
    return base64.b64encode(value.encode("utf-8")).decode("ascii")
