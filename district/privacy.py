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

# Keys anywhere in a case's record or an event's payload whose values are masked; the
# application form's fields are named by the catalog (guardian_id_no, contact_phone), so
# in `form_data` by their endings (elsewhere a "complaint_phone" is a department's line).
_MASKS = {"id_no": mask_id_no, "mobile": mask_mobile, "phone": mask_mobile}
_FORM_ENDINGS = (("id_no", mask_id_no), ("mobile", mask_mobile), ("phone", mask_mobile))


def entitled(who: StaffPrincipal, proxy_agent: str | None) -> bool:
    """May this staff member see the full record of a case assigned to `proxy_agent`
    without asking for it?"""
    return who.role == "proxy" and proxy_agent == who.username


def _masked_form(form: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in form.items():
        mask = next((m for ending, m in _FORM_ENDINGS if k.endswith(ending)), None)
        out[k] = mask(v) if mask is not None and isinstance(v, str) else masked(v)
    return out


def masked(value: Any) -> Any:
    """A copy of a JSON value with every ID number and phone masked, at any depth."""
    if isinstance(value, dict):
        return {k: (_MASKS[k](v) if k in _MASKS and isinstance(v, str)
                    else _masked_form(v) if k == "form_data" and isinstance(v, dict)
                    else masked(v))
                for k, v in value.items()}
    if isinstance(value, list):
        return [masked(v) for v in value]
    return value
