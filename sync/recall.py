"""全区通办 on the station: ask the district about a person unknown here, open the full
record with a reason, and keep what it tells on file.

Recall never stands in the clerk's way: when the station is not enrolled, the district
cannot be reached or answers with an error, `recall_person` says so in a short note and
the counter goes on with what the station holds (offline fallback). Opening the full
record (`reveal_person`) is a deliberate act, so its failures are reported as errors.
"""

from __future__ import annotations

from dataclasses import dataclass

from apiclient.retry import RetryPolicy
from clerk.applicants import ApplicantView, DocumentView, PersonInput, VerifiedElsewhere
from clerk.errors import QT_TRANSLATE_NOOP, NotFoundError, WordedError
from clerk.workspace import Workspace
from sync import engine
from wire.people import PersonLookupRequest, PersonRecord, PersonRevealRequest

# The reason sent with the automatic lookup when a clerk types an unknown number.
LOOKUP_REASON = "窗口受理：录入证件号码，本站无记录"
# A person is waiting: one attempt, short timeouts (connect, read), no retries.
TIMEOUT = (3.0, 8.0)



@dataclass(frozen=True)
class DistrictRecall:
    """The district's answer (`record`), or why there is none: not enrolled, or the
    error that kept the district from answering (`error`, worded)."""

    record: PersonRecord | None
    enrolled: bool = True
    error: WordedError | None = None

    @property
    def found(self) -> bool:
        return self.record is not None and self.record.found


def _client(ws: Workspace) -> engine.DistrictClient:
    client = engine.make_client(ws, retry=RetryPolicy(attempts=1))
    client.timeout = TIMEOUT
    return client


def recall_person(ws: Workspace, id_no: str, id_type: str, clerk: str) -> DistrictRecall:
    """The district's masked record of the person with this number, or a note saying
    why the station goes on alone (never an exception for being offline)."""
    if not engine.server_url(ws):
        return DistrictRecall(None, enrolled=False)
    req = PersonLookupRequest(id_type=id_type, id_no=id_no, clerk=clerk, reason=LOOKUP_REASON)
    try:
        with _client(ws) as client:
            return DistrictRecall(client.lookup_person(req))
    except WordedError as exc:  # offline, refused, throttled, no token: all fall back
        return DistrictRecall(None, error=exc)


def reveal_person(ws: Workspace, id_no: str, id_type: str, clerk: str, reason: str
                  ) -> tuple[ApplicantView, dict[str, DocumentView]]:
    """Open the person's full record at the district (logged there with `reason`) and
    keep it here with the documents verified elsewhere; the person and their documents
    valid today, as a local lookup would give them."""
    req = PersonRevealRequest(id_type=id_type, id_no=id_no, clerk=clerk, reason=reason)
    with _client(ws) as client:
        record = client.reveal_person(req)
    if not record.found or record.masked:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "区中心没有这个人的记录。"),
                            code="recall.not_found")
    person = PersonInput(name=record.name, id_no=record.id_no, id_type=record.id_type,
                         mobile=record.mobile, address=record.address)
    documents = [VerifiedElsewhere(d.material_key, d.name, d.verified_at, d.station_name)
                 for d in record.documents]
    return ws.applicants.adopt(person, documents)
