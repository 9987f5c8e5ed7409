"""Rating channels (clerk.ratings): values, labels, old free-text channels, a clerk's entry."""

from __future__ import annotations

import pytest

from clerk.errors import ValidationError
from clerk.ratings import (
    RatingChannel,
    channel_of,
    channel_payload,
    channel_text,
    entered_by,
    parse_channel,
)


def test_values_and_labels_parse() -> None:
    for channel in RatingChannel:
        assert parse_channel(channel.value) is channel
        assert parse_channel(channel.label) is channel
        assert parse_channel(channel) is channel
    assert RatingChannel.DEVICE.label == "窗口评价器"


@pytest.mark.parametrize("value", ["", " ", "kiosk", "评价器", None])
def test_unknown_channels_get_a_worded_error(value: str | None) -> None:
    with pytest.raises(ValidationError) as err:
        parse_channel(value)
    assert err.value.code == "rating.channel" and err.value.field == "channel"


@pytest.mark.parametrize("stored", [{"channel": "窗口评价器"}, {}, None, {"channel": ""},
                                    {"channel": "something old"}])
def test_old_and_missing_channels_read_as_the_device(stored: dict[str, str] | None) -> None:
    assert channel_of(stored) is RatingChannel.DEVICE
    assert channel_text(stored) == "窗口评价器" and entered_by(stored) == ""


def test_a_clerks_entry_names_the_clerk() -> None:
    payload = channel_payload(RatingChannel.CLERK_ON_BEHALF, "clerk1", "李窗口")
    assert payload == {"channel": "clerk_on_behalf", "entered_by": "clerk1",
                       "entered_by_name": "李窗口"}
    assert channel_text(payload) == "窗口人员代为录入（李窗口）"
    assert channel_text({"channel": "clerk_on_behalf", "entered_by": "clerk1"}) == \
        "窗口人员代为录入（clerk1）"
    assert channel_payload(RatingChannel.PHONE, "clerk1", "李窗口") == {"channel": "phone"}
    # the name of a clerk is not kept for the citizen's own channels
    assert entered_by({"channel": "phone", "entered_by": "clerk1"}) == ""
