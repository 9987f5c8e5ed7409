"""District service fixtures (see tests/districtkit.py)."""

from tests.districtkit import sws  # noqa: F401
