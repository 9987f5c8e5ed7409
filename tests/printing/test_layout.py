"""What every official document shares: copies, page numbers, masking, reprint mark,
seal area, signature line, deterministic output."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from printing.layout import mask_id, mask_phone
from printing.model import PrintOptions
from printing.notice import render_notice
from printing.receipt import render_receipt
from printing.refusal import render_refusal
from printing.result import render_result
from tests.printing import factories
from tests.printing.pdftools import flat, pdf_all_bytes, pdf_info, pdf_pages, pdf_text

MASKED_APPLICANT = factories.APPLICANT_ID[:6] + "********" + factories.APPLICANT_ID[-4:]
MASKED_AGENT = factories.AGENT_ID[:6] + "********" + factories.AGENT_ID[-4:]

RENDERERS: dict[str, tuple[Callable[..., bytes], Callable[..., Any], str]] = {
    "notice": (render_notice, factories.notice, "一次性告知单"),
    "receipt": (render_receipt, factories.receipt, "受理回执"),
    "refusal": (render_refusal, factories.refusal, "不予受理通知书"),
    "result": (render_result, factories.result, "办结通知"),
}
DOCS = sorted(RENDERERS)


def test_mask_id_keeps_first_six_and_last_four() -> None:
    assert mask_id("110101199003071233") == "110101********1233"
    assert mask_id(" 11010119900307123X ") == "110101********123X"


def test_mask_phone_keeps_first_three_and_last_four() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("") == ""


@pytest.mark.parametrize("doc", DOCS)
def test_full_id_numbers_never_reach_the_pdf(doc: str, official_pdfs: dict[str, bytes]) -> None:
    pdf = official_pdfs[doc]
    everything = pdf_all_bytes(pdf)
    text = flat(pdf_text(pdf))
    for full in (factories.APPLICANT_ID, factories.AGENT_ID):
        assert full.encode() not in everything
        assert full not in text
    for mobile in (factories.APPLICANT_MOBILE, factories.AGENT_MOBILE):
        assert mobile.encode() not in everything
        assert mobile not in text
    assert MASKED_APPLICANT in text
    assert "138****5678" in text


@pytest.mark.parametrize("doc", ["notice", "receipt", "refusal"])
def test_agent_is_shown_masked(doc: str, official_pdfs: dict[str, bytes]) -> None:
    render, make, _ = RENDERERS[doc]
    pdf = official_pdfs[doc] if doc != "refusal" else render(make(agent=factories.AGENT))
    text = flat(pdf_text(pdf))
    assert "代理人" in text and factories.AGENT.name in text
    assert MASKED_AGENT in text
    assert factories.AGENT_ID not in text


@pytest.mark.parametrize("doc", DOCS)
def test_common_parts_of_an_official_document(doc: str, official_pdfs: dict[str, bytes]) -> None:
    _, make, title = RENDERERS[doc]
    data = make()
    text = flat(pdf_text(official_pdfs[doc]))
    assert title in text
    assert factories.STATION.name in text
    assert f"编号：{data.meta.doc_no}" in text
    assert "2026年12月" in text  # issue date, in Chinese form
    assert data.matter_name in text and data.matter_code in text
    assert f"经办人：{data.meta.clerk_name}" in text
    assert data.meta.clerk_phone in text
    assert "（盖章）" in text  # seal area
    assert "（签收）" in text and "日期：" in text  # signature line


@pytest.mark.parametrize("doc", DOCS)
def test_two_labelled_copies_with_page_numbers_per_copy(
    doc: str, official_pdfs: dict[str, bytes]
) -> None:
    pages = [flat(p) for p in pdf_pages(official_pdfs[doc])]
    assert len(pages) % 2 == 0
    per_copy = len(pages) // 2
    labels = ("申请人留存联", "窗口存档联")
    for i, page in enumerate(pages):
        label, other = labels if i < per_copy else labels[::-1]
        assert label in page and other not in page
        assert f"第{i % per_copy + 1}页共{per_copy}页" in page
    # both copies carry the same content
    strip = re.compile("申请人留存联|窗口存档联")
    bodies = [strip.sub("", p) for p in pages]
    assert bodies[:per_copy] == bodies[per_copy:]


@pytest.mark.parametrize("doc", DOCS)
def test_one_copy_when_configured(doc: str) -> None:
    render, make, _ = RENDERERS[doc]
    two = pdf_pages(render(make()))
    one = pdf_pages(render(make(), PrintOptions(copies=1)))
    assert len(one) * 2 == len(two)
    text = flat("".join(one))
    assert "申请人留存联" in text and "窗口存档联" not in text


@pytest.mark.parametrize("doc", DOCS)
def test_reprint_is_marked_and_otherwise_identical(doc: str) -> None:
    render, make, _ = RENDERERS[doc]
    data = make()
    original = pdf_pages(render(data))
    reprint = pdf_pages(render(make(meta=factories.meta(data.meta.doc_no, reprint=True,
                                                        issued_at=data.meta.issued_at))))
    assert len(original) == len(reprint)
    for before, after in zip(original, reprint, strict=True):
        assert "补打" not in flat(before)
        assert "补打" in flat(after)  # on every page, in the text layer
        # same characters (the mark in the header may change pdftotext's reading order)
        assert sorted(flat(after).replace("补打", "")) == sorted(flat(before))


def test_output_is_deterministic() -> None:
    data = factories.receipt()
    assert render_receipt(data) == render_receipt(data)


def test_pdf_metadata_names_the_document_not_the_person(official_pdfs: dict[str, bytes]) -> None:
    for doc, pdf in official_pdfs.items():
        info = pdf_info(pdf)
        assert RENDERERS[doc][2] in info  # title
        assert factories.STATION.name in info  # author
        assert factories.APPLICANT.name not in info
        assert factories.APPLICANT_ID[-4:] not in info


def test_user_text_is_not_parsed_as_markup() -> None:
    odd = factories.notice(matter_name="A<b>&amp;<br/>事项 & 其他 <font>")
    text = flat(pdf_text(render_notice(odd)))
    assert flat("A<b>&amp;<br/>事项 & 其他 <font>") in text


def test_legal_person_applicant() -> None:
    pdf = render_receipt(factories.receipt(applicant=factories.ORG, agent=None))
    text = flat(pdf_text(pdf))
    assert factories.ORG.name in text
    assert factories.ORG.uscc in text  # public register data, printed in full
    assert "法定代表人" in text and factories.ORG.legal_rep in text
    assert factories.ORG.phone not in text and "139****2222" in text
    assert "统一社会信用代码后4位" in text  # how an organisation follows progress


def test_id_types_other_than_resident_id_are_masked() -> None:
    # clerk.id_documents.mask_document: a passport keeps its country, the number's first
    # character and its last 3.
    passport = factories.APPLICANT.__class__(name="Ivan Petrov", id_no="CHN-E12345678",
                                             id_type="护照", mobile="")
    text = flat(pdf_text(render_receipt(factories.receipt(applicant=passport, agent=None))))
    assert "E12345678" not in text
    assert "护照" in text and "CHN-E*****678" in text


def test_concurrent_renders_are_identical() -> None:
    from concurrent.futures import ThreadPoolExecutor

    data = factories.receipt()
    with ThreadPoolExecutor(max_workers=4) as pool:
        outputs = set(pool.map(lambda _: render_receipt(data), range(8)))
    assert len(outputs) == 1


def test_aware_times_print_as_beijing_time() -> None:
    from datetime import UTC, datetime

    late_utc = datetime(2026, 11, 30, 17, 5, tzinfo=UTC)  # 2026-12-01 01:05 in Beijing
    pdf = render_receipt(factories.receipt(
        meta=factories.meta(issued_at=late_utc), accepted_at=late_utc, received_at=late_utc,
    ))
    text = flat(pdf_text(pdf))
    assert "日期：2026年12月1日" in text
    assert "2026年12月1日01:05" in text
    assert "11月30日" not in text
