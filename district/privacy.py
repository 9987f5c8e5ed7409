"""Least access at the district: who sees an applicant's full ID number, phone and scans.

A proxy agent (代办员) sees them for the cases assigned to them; everybody else sees them
masked (``110101********1234``, ``138****5678``) until they open the full record with a
reason (``POST /cases/{id}/reveal``, "显示完整号码"). Every full view is written to the
security log (district.security): who, when, which case, why.
"""

from __future__ import annotations

from typing import Any

from clerk.validation import mask_id_no, mask_mobile
from district.auth import StaffPrincipal

# Keys anywhere in a case's record or an event's payload whose values are masked; form
# fields are named by the catalog (guardian_id_no, contact_phone): by their endings.
_MASKS = {"id_no": mask_id_no, "mobile": mask_mobile, "phone": mask_mobile}
_ENDINGS = (("_id_no", mask_id_no), ("_mobile", mask_mobile), ("_phone", mask_mobile))


def _mask_of(key: str) -> Any:
    mask = _MASKS.get(key)
    if mask is None:
        mask = next((m for ending, m in _ENDINGS if key.endswith(ending)), None)
    return mask


def entitled(who: StaffPrincipal, proxy_agent: str | None) -> bool:
    """May this staff member see the full record of a case assigned to `proxy_agent`
    without asking for it?"""
    return who.role == "proxy" and proxy_agent == who.username


def masked(value: Any) -> Any:
    """A copy of a JSON value with every ID number and phone masked, at any depth."""
    if isinstance(value, dict):
        return {k: (mask(v) if isinstance(v, str) and (mask := _mask_of(k)) is not None
                    else masked(v))
                for k, v in value.items()}
    if isinstance(value, list):
        return [masked(v) for v in value]
    return value
