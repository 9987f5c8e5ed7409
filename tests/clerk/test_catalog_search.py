"""Finding matters by name, code and pinyin."""

from __future__ import annotations

import pytest

from clerk.catalog import CatalogIndex, Matter, load_bundled_catalog


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return CatalogIndex(load_bundled_catalog())


def _names(matters: list[Matter]) -> list[str]:
    return [m.name for m in matters]


def test_empty_query_lists_everything_in_catalog_order(index: CatalogIndex) -> None:
    assert index.search("") == list(index.matters)
    assert index.search("   ") == list(index.matters)


def test_name_substring(index: CatalogIndex) -> None:
    assert _names(index.search("救助")) == ["临时救助申请", "特困人员救助供养申请"]


def test_name_prefix_ranks_before_substring(index: CatalogIndex) -> None:
    names = _names(index.search("残疾人"))
    assert names[:3] == ["残疾人证新办", "残疾人证换领", "残疾人辅助器具适配申请"]
    assert names[-1] == "困难残疾人生活补贴和重度残疾人护理补贴"


def test_short_name_and_keywords(index: CatalogIndex) -> None:
    assert _names(index.search("低保"))[0] == "最低生活保障申请"
    assert _names(index.search("公租房"))[0] == "公共租赁住房资格申请"
    assert _names(index.search("两项补贴")) == ["困难残疾人生活补贴和重度残疾人护理补贴"]


def test_exact_code_first_and_case_insensitive(index: CatalogIndex) -> None:
    assert _names(index.search("bj-wj-gg-001")) == ["生育登记"]


def test_code_prefix(index: CatalogIndex) -> None:
    assert _names(index.search("BJ-CL")) == [
        "残疾人证新办",
        "残疾人证换领",
        "残疾人辅助器具适配申请",
    ]


def test_code_substring(index: CatalogIndex) -> None:
    assert _names(index.search("ZJ-JF")) == ["市场租房补贴申请"]


def test_pinyin_initials_prefix(index: CatalogIndex) -> None:
    assert _names(index.search("zdshbz")) == ["最低生活保障申请"]
    assert _names(index.search("syd"))[0] == "生育登记"


def test_pinyin_initials_of_short_name_and_in_order(index: CatalogIndex) -> None:
    assert _names(index.search("dbsq"))[0] == "最低生活保障申请"
    assert _names(index.search("DB"))[0] == "最低生活保障申请"


def test_pinyin_initials_substring(index: CatalogIndex) -> None:
    # 护理补贴 inside 困难残疾人生活补贴和重度残疾人护理补贴.
    assert "困难残疾人生活补贴和重度残疾人护理补贴" in _names(index.search("hlbt"))


def test_full_pinyin(index: CatalogIndex) -> None:
    assert _names(index.search("zuidi")) == ["最低生活保障申请"]
    assert _names(index.search("shengyudengji"))[0] == "生育登记"


def test_heteronym_uses_phrase_reading(index: CatalogIndex) -> None:
    # 重度 reads zhong du, not chong du.
    assert "困难残疾人生活补贴和重度残疾人护理补贴" in _names(index.search("zhongdu"))


def test_several_words_must_all_match(index: CatalogIndex) -> None:
    assert _names(index.search("残疾 换领")) == ["残疾人证换领"]
    assert index.search("残疾 公租房") == []


def test_no_match(index: CatalogIndex) -> None:
    assert index.search("护照") == []
    assert index.search("qqqq") == []


def test_department_filter(index: CatalogIndex) -> None:
    found = index.search("", department="区民政局")
    assert len(found) == 5 and {m.department for m in found} == {"区民政局"}
    assert _names(index.search("残疾", department="区民政局")) == [
        "困难残疾人生活补贴和重度残疾人护理补贴"
    ]
    assert index.search("", department="不存在的部门") == []


def test_limit(index: CatalogIndex) -> None:
    assert len(index.search("", limit=3)) == 3
    assert index.search("申请", limit=2) == index.search("申请")[:2]


def test_departments_are_unique_and_sorted_by_pinyin(index: CatalogIndex) -> None:
    departments = index.departments()
    assert len(departments) == len(set(departments)) == 6
    assert departments[:2] == ["区残疾人联合会", "区民政局"]
    assert departments[-1] == "区住房和城乡建设委员会"


def test_by_code(index: CatalogIndex) -> None:
    matter = index.by_code("BJ-MZ-JF-001")
    assert matter is not None and matter.name == "最低生活保障申请"
    assert index.by_code("bj-mz-jf-001") is None


def test_empty_index() -> None:
    index = CatalogIndex([])
    assert index.search("x") == [] and index.departments() == [] and len(index) == 0
