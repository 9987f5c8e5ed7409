"""The progress code's payload: ``SD1|{case_no}|{check}`` (rule in printing/qr.py).

Pure hashing, no reportlab: the station verifies scanned codes without loading the PDF
machinery.
"""

from __future__ import annotations

import hashlib
import hmac

PAYLOAD_PREFIX = "SD1"
CHECK_LENGTH = 6
_SEP = "|"


PAGE_PATH = "/p/"


def progress_url(base: str, case_no: str) -> str:
    """What the documents' QR codes hold: the district's public progress page for the case
    (``{base}/p/{case_no}``), or "" while the station does not know the page's address.
    The case number is not personal data; the page asks for the ID's last 4 characters."""
    if not base or not case_no or any(c in case_no for c in "/?#"):
        return ""
    return f"{base.rstrip('/')}{PAGE_PATH}{case_no}"


def lookup_url(base: str) -> str:
    """The progress page's lookup form (``{base}/p``: case number and the ID's last 4
    characters), for paper that has no case yet (the 办事指南); "" while unknown."""
    return f"{base.rstrip('/')}{PAGE_PATH.rstrip('/')}" if base else ""


def case_no_from_url(text: str) -> str | None:
    """The case number of a scanned progress-page URL (a counter scanner types it), or
    None when the text is not one."""
    text = text.strip()
    if not text.startswith(("http://", "https://")) or PAGE_PATH not in text:
        return None
    tail = text.rsplit(PAGE_PATH, 1)[1].split("?")[0].split("#")[0].strip("/")
    return tail or None


def check_code(case_no: str, secret_or_last4: str) -> str:
    """The 6-hex-digit check code of a case (see the module docstring for the rule)."""
    digest = hashlib.sha256(f"{case_no}{_SEP}{secret_or_last4}".encode()).hexdigest()
    return digest[:CHECK_LENGTH]


def qr_payload(case_no: str, secret_or_last4: str) -> str:
    """The text encoded in the QR code: ``SD1|{case_no}|{check}``."""
    if not case_no or _SEP in case_no:
        raise ValueError("case number must be non-empty and must not contain '|'")
    return _SEP.join((PAYLOAD_PREFIX, case_no, check_code(case_no, secret_or_last4)))


def parse_qr_payload(text: str) -> tuple[str, str]:
    """Split a scanned payload into ``(case_no, check)``; ValueError if it is not ours."""
    parts = text.strip().split(_SEP)
    if len(parts) != 3 or parts[0] != PAYLOAD_PREFIX:
        raise ValueError("not a StationDesk progress code")
    _, case_no, check = parts
    if not case_no or len(check) != CHECK_LENGTH or any(c not in "0123456789abcdef" for c in check):
        raise ValueError("malformed StationDesk progress code")
    return case_no, check


def verify_qr_payload(text: str, secret_or_last4: str) -> str | None:
    """The case number if ``text`` is a valid code for these ID digits, else None."""
    try:
        case_no, check = parse_qr_payload(text)
    except ValueError:
        return None
    if hmac.compare_digest(check, check_code(case_no, secret_or_last4)):
        return case_no
    return None
