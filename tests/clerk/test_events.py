"""The canonical JSON that event hashes cover: one spelling on every machine."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from clerk.cases.events import canonical_json

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
