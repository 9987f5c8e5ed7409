"""一次性告知单: every missing item with its standard, deferred items, where and when."""

from __future__ import annotations

import re
from pathlib import Path

from printing.model import MaterialLine
from printing.notice import render_notice
from tests.printing import factories
from tests.printing.pdftools import flat, pdf_blocks, pdf_page_png, pdf_pages, pdf_text


def test_notice_content(notice_pdf: bytes) -> None:
    data = factories.notice()
    text = flat(pdf_text(notice_pdf))
    assert "一次性告知单" in text
    assert data.case_no in text
    assert "申请日期" in text and "2026年12月1日" in text
    for line in data.missing:
        assert flat(line.name) in text
        assert flat(line.requirement) in text
    assert "需要补正的材料（共2项）" in text
    assert "容缺后补的材料（共1项）" in text and "承诺于2026年12月3日前补交" in text
    assert "已收取的材料（共2项）" in text and "证照库已核验" in text and "共享数据获取" in text
    assert flat(factories.STATION.address) in text  # where to bring them
    assert "办公时间" in text and "周一至周五" in text  # when
    assert factories.STATION.phone in text
    # a 公共服务 matter: its own basis and the rule, never the licensing law
    assert "《中华人民共和国社会保险法》" in text and "政务服务一次性告知制度" in text
    assert "行政许可法" not in text and "即为受理" not in text
    assert "不符合要求" in text and "法定形式" not in text
    assert factories.STATION.authority in text and "受理地点" in text


def test_licence_notice_cites_article_32() -> None:
    text = flat(pdf_text(render_notice(factories.notice(
        matter_type="行政许可", legal_basis=factories.LICENCE_NOTICE_BASIS))))
    assert "《中华人民共和国行政许可法》第三十二条" in text
    assert "逾期不告知的，自收到申请材料之日起即为受理" in text
    assert "一次性告知" in text


def test_material_table_columns_and_counts(notice_pdf: bytes) -> None:
    text = flat(pdf_text(notice_pdf))
    for header in ("序号", "材料名称", "形式", "份数", "要求（受理标准）"):
        assert header in text
    assert "原件1/复印件1" in text and "原件和复印件" in text
    assert "原件2" in text


def test_submit_place_and_hours_can_be_given() -> None:
    pdf = render_notice(factories.notice(submit_place="东华门街道便民服务中心二层3号窗口",
                                         submit_hours="工作日全天"))
    text = flat(pdf_text(pdf))
    assert "东华门街道便民服务中心二层3号窗口" in text and "工作日全天" in text


def test_sections_are_numbered_without_gaps_when_tables_are_empty() -> None:
    pdf = render_notice(factories.notice(deferred=(), received=()))
    text = flat(pdf_text(pdf))
    assert "容缺后补" not in text and "已收取的材料" not in text
    assert "二、补正地点和时间" in text and "三、告知依据" in text


def test_22_materials_span_pages_with_every_row(tmp_path: Path) -> None:
    matter_name, lines = factories.big_matter_materials()
    assert len(lines) >= 20
    pdf = render_notice(factories.notice(matter_name=matter_name, missing=lines))
    pages = pdf_pages(pdf)
    per_copy = len(pages) // 2
    assert per_copy >= 2, "the long table must continue over several pages"
    first_copy = [flat(p) for p in pages[:per_copy]]
    cells = [b for page in pdf_blocks(pdf)[:per_copy] for b in page]
    for line in lines:
        # pdftotext may glue the neighbouring 形式 cell into the name's block
        names = [c.replace(flat(line.form_label), "") for c in cells]
        assert any(flat(line.name) in n for n in names), line.name
        # the standard of each row is printed whole, not cut off at a page end
        assert any(flat(line.requirement) in c for c in cells), line.name
    # the header row is repeated on every page the table continues on (the last page
    # holds the short deferred and received tables)
    table_pages = [p for p in first_copy[:-1] if "材料名称" in p]
    assert len(table_pages) >= 2
    assert all("要求（受理标准）" in p for p in table_pages)
    # row numbers 1..n appear in order across the pages
    numbers = [int(n) for n in re.findall(r"(?m)^\s*(\d{1,2})\s*$", pdf_text(pdf, last=per_copy))]
    assert sorted(set(range(1, len(lines) + 1)) - set(numbers)) == []
    # and the seal page also holds text (the last section travels with it)
    assert "告知依据" in first_copy[-1] and "（盖章）" in first_copy[-1]
    png = pdf_page_png(pdf, 2, 40, tmp_path)
    assert png.stat().st_size > 0


def test_a_requirement_taller_than_a_page_still_prints() -> None:
    endless = "须提供连续36个月的银行流水，逐页加盖银行业务章。" * 120
    pdf = render_notice(factories.notice(missing=(
        MaterialLine("银行流水", "原件", 1, 0, requirement=endless),
        MaterialLine("收入证明", "原件", 1, 0, requirement="加盖单位公章。"),
    )))
    pages = pdf_blocks(pdf)
    per_copy = len(pages) // 2
    assert per_copy >= 3
    # the cell continues over pages; its pieces, in page order, give the whole text back
    alphabet = set(endless)
    pieces = [b for page in pages[:per_copy] for b in page if len(b) > 20 and set(b) <= alphabet]
    assert "".join(pieces) == endless
    assert "收入证明" in flat(pdf_text(pdf))


def test_page_one_renders(notice_pdf: bytes, tmp_path: Path) -> None:
    png = pdf_page_png(notice_pdf, 1, 60, tmp_path)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
