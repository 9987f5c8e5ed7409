"""The domain's errors: a message template and its values (clerk/errors.py)."""

from __future__ import annotations

import pytest

from clerk.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from clerk.validation import validate_mobile


def test_a_template_is_filled_with_its_values() -> None:
    err = ValidationError(QT_TRANSLATE_NOOP("errors", "手机号码应为11位，现在是{count}位。"),
                          code="mobile.length", field="mobile", params={"count": 9})
    assert err.message == str(err) == "手机号码应为11位，现在是9位。"
    assert err.template == "手机号码应为11位，现在是{count}位。"
    assert err.params == {"count": "9"} and err.code == "mobile.length"


def test_a_message_without_values_is_taken_as_it_is() -> None:
    err = NotFoundError("括号 {不是占位符} 原样保留。")
    assert err.message == err.template == "括号 {不是占位符} 原样保留。" and err.params == {}


def test_domain_messages_read_as_before() -> None:
    with pytest.raises(ValidationError) as err:
        validate_mobile("139001390")
    assert err.value.message == "手机号码应为11位，现在是9位。请核对后重新输入。"
    assert err.value.params == {"count": "9"}
