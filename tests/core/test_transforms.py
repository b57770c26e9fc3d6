from __future__ import annotations

import pytest

from core.source.transforms import NOT_A_GUID, Transform, apply_transform, base64_to_guid
from core.source.validation import check_immutable_id

# .NET Guid.ToByteArray() of these GUIDs (first three groups byte-reversed), base64'd — the form
# Entra Connect writes as sourceAnchor (graph-facts §1, §9).
KNOWN_PAIRS = [
    ("6f9619ff-8b86-d011-b42d-00c04fc964ff", "/xmWb4aLEdC0LQDAT8lk/w=="),
    ("00112233-4455-6677-8899-aabbccddeeff", "MyIRAFVEd2aImaq7zN3u/w=="),
    ("00000000-0000-0000-0000-000000000000", "AAAAAAAAAAAAAAAAAAAAAA=="),
]


@pytest.mark.parametrize(("guid", "expected"), KNOWN_PAIRS)
def test_guid_base64_matches_entra_connect(guid, expected):
    assert apply_transform("guid-base64", guid) == expected
    assert apply_transform(Transform.GUID_BASE64, guid.upper()) == expected
    assert apply_transform("guid-base64", "{" + guid + "}") == expected  # registry style braces
    assert base64_to_guid(expected) == guid


def test_guid_base64_is_not_big_endian_or_text():
    value = apply_transform("guid-base64", KNOWN_PAIRS[0][0])
    assert value != "b5YZ/4aG0BG0LQDAT8lk/w=="  # uuid.bytes (big-endian): what other tools get wrong
    assert check_immutable_id(value, base64_value=True) is None


@pytest.mark.parametrize("value", ["19001", "zzzzzzzz-8b86-d011-b42d-00c04fc964ff",
                                   "6f9619ff-8b86-d011-b42d-00c04fc964 f", ""])
def test_guid_base64_rejects_non_guid(value):
    with pytest.raises(ValueError) as err:
        apply_transform("guid-base64", value)
    assert str(err.value) == NOT_A_GUID


def test_other_transforms():
    assert apply_transform("none", "AbC") == "AbC"
    assert apply_transform("lower", "ÅSA.Öberg") == "åsa.öberg"
    assert apply_transform("utf8-base64", "Åsa") == "w4VzYQ=="


def test_unknown_transform_is_refused():
    with pytest.raises(ValueError):
        apply_transform("rot13", "x")
