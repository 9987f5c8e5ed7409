"""This program's version, and whether the one the district announces is newer.

The district publishes the current client version (`python -m district admin
publish-client-version`); a sync round stores it, and the window says "有新版本". Nothing
downloads or installs itself: a counter PC is updated by its administrator.
"""

from __future__ import annotations

import re

from clerk.errors import QT_TRANSLATE_NOOP, ValidationError

# Plain release numbers only (1, 1.2, 1.2.3, 1.2.3.4): compared number by number, so
# 0.10.0 is newer than 0.9.9, with no pre-release rules to get wrong.
VERSION_RE = re.compile(r"^\d{1,6}(\.\d{1,6}){0,3}$")
UNKNOWN = "0"


def own_version() -> str:
    """The installed distribution's version (the wheel, the .deb, or the checkout's -e)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("stationdesk")
    except PackageNotFoundError:  # a bare checkout never installed: nothing to compare
        return UNKNOWN


def parse_version(text: str) -> tuple[int, ...]:
    if not VERSION_RE.match(text):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "版本号 {version} 的格式不对：应为以点分隔的数字，"
                                        "如 1.2.0。"),
            code="version.format", field="version", params={"version": text[:40]})
    parts = tuple(int(p) for p in text.split("."))
    return parts + (0,) * (4 - len(parts))


def is_newer(candidate: str, current: str) -> bool:
    """True when `candidate` is a well-formed version above `current`.

    A malformed announced version is no notice at all (never a false alarm); our own
    version, when not a plain release (a development build), counts as unknown and
    the notice is shown.
    """
    try:
        wanted = parse_version(candidate)
    except ValidationError:
        return False
    try:
        have = parse_version(current)
    except ValidationError:
        have = parse_version(UNKNOWN)
    return wanted > have
