"""District service fixtures (see tests/districtkit.py)."""

from tests.districtkit import (  # noqa: F401
    api,
    district_clock,
    district_url,
    live,
    pg_district_url,
    served,
    sqlite_district_template,
    sqlite_url,
    sws,
)
