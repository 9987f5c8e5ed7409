"""Applicants and agents identified by any identity document: identity is (type, number)."""

from __future__ import annotations

import random
from datetime import date

import pytest

from clerk import applicants as ap
from clerk.errors import ValidationError
from clerk.id_documents import DOCUMENT_TYPES, random_document
from clerk.validation import make_resident_id
from clerk.workspace import Workspace
from tests.clerk.factories import INSTANT

RNG_SEED = 11


def numbers() -> dict[str, str]:
    rng = random.Random(RNG_SEED)
    return {t: random_document(rng, t) for t in DOCUMENT_TYPES}


@pytest.mark.parametrize("id_type", list(DOCUMENT_TYPES))
def test_every_document_registers_and_is_found_again(tws: Workspace, id_type: str) -> None:
    typed = numbers()[id_type]
    with tws.store.write() as s:
        added = ap.add_applicant(s, ap.PersonInput(name="测试人", id_no=typed, id_type=id_type),
                                 now=tws.now())
    assert added.id_type == id_type and added.kind == "natural"
    with tws.store.read() as s:
        assert ap.find_by_id_no(s, typed, id_type) == added
        assert ap.find_by_id_no(s, typed) == added  # by number alone, as typed
        assert ap.search_applicants(s, typed) == [added]
        assert ap.find_by_id_no(s, typed, "passport" if id_type != "passport"
                                else "resident_id") is None
    derives = id_type in ("resident_id", "gat_residence_permit")
    assert (added.sex is not None, added.birth_date is not None) == (derives, derives)


def test_identity_is_type_and_number(tws: Workspace) -> None:
    """The same characters under two types are two people; the same type twice is one."""
    number = "12345678"
    passport = "CHN 12345678"
    with tws.store.write() as s:
        tw = ap.add_applicant(s, ap.PersonInput(name="甲", id_no=number, id_type="taiwan_pass"),
                              now=tws.now())
        pp = ap.add_applicant(s, ap.PersonInput(name="乙", id_no=passport, id_type="passport"),
                              now=tws.now())
        assert pp.id_no == "CHN-12345678" and tw.id_no == "12345678"
        with pytest.raises(ValidationError) as info:
            ap.add_applicant(s, ap.PersonInput(name="乙", id_no="chn-12345678",
                                               id_type="passport"), now=tws.now())
        assert info.value.code == "applicant.exists"
        # Another country's passport with the same number is another person.
        other = ap.add_applicant(s, ap.PersonInput(name="丙", id_no="FRA 12345678",
                                                   id_type="passport"), now=tws.now())
        assert other.id != pp.id
        assert ap.find_by_id_no(s, number, "taiwan_pass") == tw
        assert ap.find_by_id_no(s, "CHN12345678", "passport") == pp


def test_residence_permit_is_not_a_household_register_area(tws: Workspace) -> None:
    number = make_resident_id("820000", date(1979, 4, 5), 17)
    with tws.store.write() as s:
        person = ap.add_applicant(s, ap.PersonInput(name="澳门居民", id_no=number,
                                                    id_type="gat_residence_permit"),
                                  now=tws.now())
    assert (person.sex, person.birth_date) == ("M", date(1979, 4, 5))
    with tws.store.read() as s:
        from clerk.store.models import Applicant

        assert s.get(Applicant, person.id).hukou_area == ""  # type: ignore[union-attr]


def test_invalid_document_stores_nothing(tws: Workspace) -> None:
    with tws.store.write() as s, pytest.raises(ValidationError) as info:
        ap.add_applicant(s, ap.PersonInput(name="某", id_no="X1234567", id_type="hk_macau_pass"),
                         now=tws.now())
    assert info.value.code == "hk_macau_pass.prefix" and info.value.field == "id_no"
    with tws.store.read() as s:
        assert ap.search_applicants(s, "某") == []


def test_case_keeps_the_applicants_and_agents_document_type(tws: Workspace) -> None:
    docs = numbers()
    rec = tws.cases.new_case(
        matter_code=INSTANT,
        applicant=ap.PersonInput(name="Ivan Petrov", id_no=docs["passport"], id_type="passport"),
        agent=ap.PersonInput(name="代理人", id_no=docs["hk_macau_pass"],
                             id_type="hk_macau_pass"))
    assert rec.applicant["id_type"] == "passport" and rec.applicant["id_no"].count("-") == 1
    assert rec.agent is not None and rec.agent["id_type"] == "hk_macau_pass"
    # The same person comes back: recalled by (type, number), not registered twice.
    again = tws.cases.new_case(
        matter_code=INSTANT,
        applicant=ap.PersonInput(name="Ivan Petrov", id_no=docs["passport"].lower(),
                                 id_type="passport"))
    assert again.applicant["id"] == rec.applicant["id"]
