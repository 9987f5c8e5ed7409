"""The canonical JSON that event hashes cover: one spelling on every machine."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerk.cases.events import canonical_json, parse_utc, utc_iso

_leaf = (st.none() | st.booleans() | st.integers() | st.text()
         | st.text(alphabet=st.characters(codec="utf-8", categories=["Lo", "Cc", "Zs"])))
_data = st.recursive(_leaf, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=25)


def _reference(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@settings(max_examples=500, deadline=None)
@given(_data)
def test_canonical_json_is_the_standard_librarys_spelling(obj: object) -> None:
    assert canonical_json(obj) == _reference(obj)


def test_values_beyond_the_fast_path() -> None:
    for obj in ({"n": 2**70}, {"text": "\ud800"}):  # huge integer, lone surrogate
        assert canonical_json(obj) == _reference(obj)
    assert canonical_json({"b": 1, "a": "北京"}) == '{"a":"北京","b":1}'


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 12, 31),
                    timezones=st.just(UTC)))
def test_parse_utc_reads_back_what_utc_iso_writes(moment: datetime) -> None:
    assert parse_utc(utc_iso(moment)) == moment


@given(st.datetimes(min_value=datetime(1, 1, 1, 12), max_value=datetime(9999, 12, 30),
                    timezones=st.sampled_from([UTC, timezone(timedelta(hours=8)),
                                               timezone(timedelta(hours=-5, minutes=-30))])))
def test_utc_iso_spells_as_strftime_always_did(moment: datetime) -> None:
    assert utc_iso(moment) == moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@pytest.mark.parametrize("text", [
    "2026-13-02T01:00:00.001000Z", "2026-03-02 01:00:00.001000Z", "2026-03-02T01:00:00.00a000Z",
    "2026-03-02T01:00:00.+00000Z", "2026-03-02T01:00:00.001000", "2026-03-02T01:00:00Z",
    "2026-03-02T01:00:00.001000+00:00", "2026-02-30T01:00:00.000000Z"])
def test_parse_utc_refuses_other_spellings(text: str) -> None:
    with pytest.raises(ValueError):
        parse_utc(text)
