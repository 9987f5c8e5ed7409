"""Who issues a document and which legal sentences it carries: pure rules, no rendering."""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from clerk import issuing
from clerk.cli import main
from clerk.errors import ValidationError
from clerk.store import DB_FILENAME
from clerk.workspace import Workspace

BASIS = ("《社会救助暂行办法》", "《最低生活保障审核确认办法》")


@pytest.mark.parametrize(("name", "expected"), [
    ("东城区东华门街道多福巷社区便民服务站", "北京市东城区东华门街道办事处"),
    ("北京市海淀区学院路街道便民服务中心", "北京市海淀区学院路街道办事处"),
    ("学院路街道二里庄社区便民服务站", "北京市海淀区学院路街道办事处"),
    ("西北旺镇唐家岭村便民服务站", "北京市海淀区西北旺镇人民政府"),
])
def test_default_station_authority_from_the_station_name(name: str, expected: str) -> None:
    assert issuing.default_station_authority(name, "海淀区" if "东城" not in name else "东城区") \
        == expected


def test_a_name_without_a_street_gives_a_visible_placeholder() -> None:
    assert "待确认" in issuing.default_station_authority("测试便民服务站", "海淀区")


def test_district_level_matters_are_issued_by_the_qualified_department() -> None:
    auth = issuing.read_authority(lambda key, default: default,
                                  "东城区东华门街道多福巷社区便民服务站", "110101001001")
    assert auth.issuer("station", "区民政局", "东城区") == "北京市东城区东华门街道办事处"
    assert auth.issuer("district", "区民政局", "东城区") == "北京市东城区民政局"
    assert auth.issuer("district", "北京市残疾人联合会", "东城区") == "北京市残疾人联合会"
    assert auth.reviewer == "北京市东城区人民政府"
    assert auth.notice_rule == issuing.DEFAULT_NOTICE_RULE
    assert not auth.confirmed


def test_saved_settings_win_and_confirm() -> None:
    values = issuing.validate_authority(" 北京市东城区东华门街道办事处 ", "北京市东城区人民政府",
                                        "《东城区政务服务一次性告知制度》")
    auth = issuing.read_authority(lambda key, default: values.get(key, default), "x", "110101")
    assert auth.station_level == "北京市东城区东华门街道办事处"
    assert auth.notice_rule == "《东城区政务服务一次性告知制度》"
    assert auth.confirmed


@pytest.mark.parametrize(("station", "reviewer"), [
    ("", "北京市东城区人民政府"),
    ("北京市东城区街道办事处（待确认）", "北京市东城区人民政府"),
    ("北京市东城区东华门街道办事处", " "),
    ("北" * 61, "北京市东城区人民政府"),
])
def test_authority_names_are_checked(station: str, reviewer: str) -> None:
    with pytest.raises(ValidationError):
        issuing.validate_authority(station, reviewer)


def test_only_licences_cite_article_32_and_deemed_acceptance() -> None:
    licence = issuing.notice_basis("行政许可", BASIS, "")
    assert "行政许可法》第三十二条" in licence and "即为受理" in licence
    for kind in ("行政给付", "公共服务", "行政确认", "其他"):
        text = issuing.notice_basis(kind, BASIS, "")
        assert "行政许可法" not in text and "即为受理" not in text
        assert "《社会救助暂行办法》《最低生活保障审核确认办法》" in text
        assert issuing.DEFAULT_NOTICE_RULE in text
    assert "某区一次性告知办法" in issuing.notice_basis("公共服务", (), "某区一次性告知办法")
    assert "法定形式" in issuing.notice_finding("行政许可")
    assert "法定形式" not in issuing.notice_finding("行政给付")


def test_receipt_sentence_by_type_and_deferral() -> None:
    args = ("最低生活保障申请", "北京市东城区民政局", "多福巷社区便民服务站", "2026年12月1日")
    benefit = issuing.acceptance_sentence("行政给付", *args, 0)
    assert "申请材料齐全" in benefit and "行政许可法" not in benefit
    assert "北京市东城区民政局于2026年12月1日在多福巷社区便民服务站予以受理" in benefit
    licence = issuing.acceptance_sentence("行政许可", *args, 0)
    assert "符合法定形式" in licence and "行政许可法》第三十二条" in licence
    deferred = issuing.acceptance_sentence("行政许可", *args, 2)
    assert "容缺受理" in deferred and "2项材料经您承诺后补" in deferred
    assert "申请材料齐全" not in deferred.replace("主要申请材料齐全", "")


def test_refusal_basis_reason_and_remedies() -> None:
    assert issuing.refusal_basis("行政给付", BASIS) == "".join(BASIS)
    assert issuing.refusal_basis("行政给付", BASIS, "《社会救助暂行办法》第十一条") \
        == "《社会救助暂行办法》第十一条"
    assert issuing.refusal_basis("行政许可", ()).startswith(issuing.LICENCE_ACCEPTANCE_BASIS)
    assert "行政许可法" not in issuing.refusal_basis("公共服务", ())
    assert issuing.sentence("户籍不在本区。") == "户籍不在本区。"
    assert issuing.sentence("户籍不在本区") == "户籍不在本区。"
    text = issuing.remedies("北京市东城区人民政府")
    assert "自收到本通知书之日起六十日内向北京市东城区人民政府申请行政复议" in text
    assert "六个月内依法向人民法院提起行政诉讼" in text


@pytest.mark.parametrize("name", ["最低生活保障申请", "生育登记", "残疾人证新办"])
def test_no_doubled_words(name: str) -> None:
    quoted = issuing.quoted_matter(name)
    assert "申请”申请" not in quoted and quoted.endswith(("申请", "申请”"))
    assert not re.search(r"(..)\1", issuing.remedies("北京市东城区人民政府"))


def test_legal_limit_text() -> None:
    assert issuing.limit_text(None) == "法律法规未规定"
    assert issuing.limit_text(25) == "25个工作日"
    assert issuing.limit_text(0) == "即办"


def test_bundled_matters_say_where_their_legal_limit_comes_from() -> None:
    from clerk.catalog import load_bundled_catalog

    matters = {m.code: m for m in load_bundled_catalog()}
    for m in matters.values():
        assert m.limit_source, f"{m.code} has no limit_source"
        if m.legal_limit_days is not None:
            assert m.committed_limit_days <= m.legal_limit_days
        # every department is district-relative, so the station's district makes it a body
        assert m.department.startswith("区"), m.code
    # 残疾人证 is a 行政确认 (DOMAIN), the 低保 limit is the national measures' 25 days
    assert matters["BJ-CL-GG-001"].type.value == "行政确认"
    assert matters["BJ-CL-GG-002"].type.value == "行政确认"
    assert matters["BJ-MZ-JF-001"].legal_limit_days == 25
    assert "民发〔2021〕57号" in (matters["BJ-MZ-JF-001"].limit_source or "")
    from clerk.catalog import matter_from_dict, matter_to_dict

    low = matters["BJ-MZ-JF-001"]
    assert matter_from_dict(matter_to_dict(low)).limit_source == low.limit_source


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    def _run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err
    return _run


def _init(run: Run, folder: Path, *extra: str) -> tuple[int, str, str]:
    return run("--data-dir", str(folder), "init", "--station-code", "110105002003",
               "--station-name", "朝阳区某某街道某社区便民服务站", "--admin", "chief",
               "--password-stdin", *extra, stdin="s3cret-pass\n")


def test_init_without_authority_warns_until_confirmed(run: Run, tmp_path: Path) -> None:
    code, _, err = _init(run, tmp_path / "a")
    assert code == 0 and "尚未确认" in err and "北京市朝阳区某某街道办事处" in err
    code, out, err = run("--data-dir", str(tmp_path / "a"), "--json", "authority",
                         "--reviewer", "北京市朝阳区人民政府")
    assert code == 0, err
    data = json.loads(out)
    assert data["confirmed"] and data["station_level"] == "北京市朝阳区某某街道办事处"


def test_init_with_authority_is_confirmed(run: Run, tmp_path: Path) -> None:
    code, _, err = _init(run, tmp_path / "b", "--authority", "北京市朝阳区某某街道办事处")
    assert code == 0 and "尚未确认" not in err
    ws = Workspace.open(tmp_path / "b")
    try:
        auth = ws.authority()
    finally:
        ws.close()
    assert auth.confirmed and auth.reviewer == "北京市朝阳区人民政府"


def test_init_with_a_bad_authority_stores_nothing(run: Run, tmp_path: Path) -> None:
    code, _, err = _init(run, tmp_path / "c", "--authority", "北" * 61)
    assert code == 2 and "机关的完整名称" in err
    assert not (tmp_path / "c" / DB_FILENAME).exists()
