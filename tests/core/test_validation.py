from __future__ import annotations

import pytest

from core.source.validation import (
    CONTROL_CHAR,
    EMPTY,
    TOO_LONG,
    TOO_LONG_NAMEID,
    WHITESPACE,
    check_immutable_id,
)


@pytest.mark.parametrize("value", ["19001", "abcDEF123", "a-b.c", "x" * 59, "Åsa", "a" * 19 + "-" * 13])
def test_valid_values(value):
    assert check_immutable_id(value) is None


@pytest.mark.parametrize(("value", "code"), [
    (None, EMPTY), ("", EMPTY),
    ("a b", WHITESPACE), ("a\u00a0b", WHITESPACE),
    ("a\tb", CONTROL_CHAR), ("a\x00b", CONTROL_CHAR), ("a\x7fb", CONTROL_CHAR),
    ("x" * 60, TOO_LONG),
    ("a" * 18 + "-" * 14, TOO_LONG),  # 18 + 14*3 = 60: not fewer than 60
    ("x" * 65, TOO_LONG_NAMEID),
])
def test_invalid_values(value, code):
    assert check_immutable_id(value) == code


@pytest.mark.parametrize("ch", list("\\!#$%&*+/=?^`{}|~<>()';:,[]\"@_"))
def test_each_forbidden_character(ch):
    assert check_immutable_id(f"ab{ch}cd") == f"forbidden_character:{ch}"


def test_base64_output_may_carry_plus_slash_equals():
    assert check_immutable_id("/xmWb4aLEdC0LQDAT8lk/w==", base64_value=True) is None
    assert check_immutable_id("/xmWb4aLEdC0LQDAT8lk/w==") == "forbidden_character:/"
    assert check_immutable_id("ab_c==", base64_value=True) == "forbidden_character:_"
    assert check_immutable_id("QUJD" * 15, base64_value=True) == TOO_LONG
