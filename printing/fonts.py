"""Finding and registering a TrueType CJK font for reportlab.

reportlab embeds TrueType-outline fonts only: an OpenType/CFF font (Noto Sans CJK,
Source Han Sans) raises "postscript outlines are not supported". So the finder walks a
list of candidates (configured path, known system files, then fontconfig) and takes
the first one reportlab can load, remembering why each earlier one was skipped.
A registered font is cached for the process; the PDF embeds a subset of it, so the
printed document never depends on the fonts of the PC that prints it.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from clerk.errors import StationDeskError

log = logging.getLogger(__name__)

#: Known TrueType CJK files, best first: (file name, subfont index in a collection).
KNOWN_FONT_FILES: tuple[tuple[str, int], ...] = (
    ("wqy-microhei.ttc", 0),
    ("wqy-zenhei.ttc", 0),
    ("DroidSansFallbackFull.ttf", 0),
    ("DroidSansFallback.ttf", 0),
    ("simsun.ttc", 0),
    ("msyh.ttc", 0),
    ("msyh.ttf", 0),
)

INSTALL_HINT = (
    "请安装一种 TrueType 中文字体：Debian/Ubuntu 上执行 `apt-get install fonts-wqy-microhei`"
    "（Fedora: `dnf install wqy-microhei-fonts`），或在设置中指定字体文件路径"
    "（例如 C:\\Windows\\Fonts\\simsun.ttc）。"
)


class FontNotFoundError(StationDeskError):
    """No usable TrueType CJK font: the message lists what was searched and why it failed."""

    code = "font_not_found"


@dataclass(frozen=True, slots=True)
class RegisteredFont:
    """A font registered with reportlab under ``name``."""

    name: str
    path: str
    subfont_index: int


@dataclass(frozen=True, slots=True)
class FontSearchReport:
    """What one search looked at: searched locations, skipped candidates, the result."""

    searched: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]
    chosen: RegisteredFont | None

    def describe(self) -> str:
        """A multi-line, human-readable account of the search."""
        names = "、".join(name for name, _ in KNOWN_FONT_FILES)
        lines = [f"已在以下位置查找字体文件（{names}）："]
        lines += [f"  {s}" for s in self.searched] or ["  （无）"]
        if self.skipped:
            lines.append("跳过的字体：")
            lines += [f"  {path}: {reason}" for path, reason in self.skipped]
        if self.chosen is not None:
            lines.append(f"使用字体：{self.chosen.path}（子字体 {self.chosen.subfont_index}）")
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class _Candidate:
    path: str
    subfont_index: int


_lock = threading.Lock()
_cache: dict[tuple[str | None, tuple[str, ...] | None, bool], RegisteredFont] = {}
_registered: dict[tuple[str, int], RegisteredFont] = {}
_last_report: FontSearchReport | None = None


def default_search_dirs() -> tuple[str, ...]:
    """Font directories of Linux, Windows and macOS where the known files live."""
    home = Path.home()
    dirs: list[str] = [
        "/usr/share/fonts/truetype/wqy",
        "/usr/share/fonts/wqy-microhei",
        "/usr/share/fonts/wqy-zenhei",
        "/usr/share/fonts/wenquanyi/wqy-microhei",
        "/usr/share/fonts/wenquanyi/wqy-zenhei",
        "/usr/share/fonts/truetype/droid",
        "/usr/share/fonts/google-droid",
        "/usr/share/fonts/truetype",
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        str(home / ".local/share/fonts"),
        str(home / ".fonts"),
    ]
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows"
    dirs.append(str(Path(windir) / "Fonts"))
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(str(Path(local) / "Microsoft" / "Windows" / "Fonts"))
    dirs += [
        "/Library/Fonts",
        "/System/Library/Fonts",
        "/System/Library/Fonts/Supplemental",
        str(home / "Library/Fonts"),
    ]
    return tuple(dirs)


def ensure_cjk_font(
    font_path: str | None = None,
    *,
    search_dirs: Sequence[str] | None = None,
    use_fc_list: bool = True,
) -> RegisteredFont:
    """Return a registered TrueType CJK font, finding and registering it on first use.

    ``font_path`` (from settings) is tried first; then the known files in
    ``search_dirs`` (default: the system font directories); then ``fc-list``.
    Raises :class:`FontNotFoundError` when none can be loaded.
    """
    key = (font_path, tuple(search_dirs) if search_dirs is not None else None, use_fc_list)
    with _lock:
        cached = _cache.get(key)
        if cached is not None:
            return cached
        font = _search(font_path, search_dirs, use_fc_list)
        _cache[key] = font
        return font


def font_search_report() -> FontSearchReport | None:
    """The report of the most recent search (None before the first one)."""
    return _last_report


def _search(
    font_path: str | None, search_dirs: Sequence[str] | None, use_fc_list: bool
) -> RegisteredFont:
    global _last_report
    searched: list[str] = []
    skipped: list[tuple[str, str]] = []
    dirs = default_search_dirs() if search_dirs is None else tuple(search_dirs)
    seen: set[tuple[str, int]] = set()
    for cand in _candidates(font_path, dirs, use_fc_list, searched):
        ident = (os.path.realpath(cand.path), cand.subfont_index)
        if ident in seen:
            continue
        seen.add(ident)
        font, reason = _try_register(cand)
        if font is not None:
            _last_report = FontSearchReport(tuple(searched), tuple(skipped), font)
            if skipped:
                log.info("CJK font %s chosen after %d skipped", font.path, len(skipped))
            return font
        skipped.append((f"{cand.path}#{cand.subfont_index}", reason))
        if font_path is not None and cand.path == font_path:
            log.warning("configured font %s unusable (%s); searching the system", font_path, reason)
    report = FontSearchReport(tuple(searched), tuple(skipped), None)
    _last_report = report
    raise FontNotFoundError(
        "找不到可用于打印的 TrueType 中文字体（reportlab 不支持 OpenType/CFF 轮廓）。\n"
        f"{report.describe()}\n{INSTALL_HINT}"
    )


def _candidates(
    font_path: str | None, dirs: Sequence[str], use_fc_list: bool, searched: list[str]
) -> Iterator[_Candidate]:
    """Yield candidates lazily so the search stops at the first usable font."""
    if font_path:
        searched.append(f"设置中的字体路径 {font_path}")
        yield _Candidate(font_path, 0)
    for d in dirs:
        searched.append(d)
        for name, index in KNOWN_FONT_FILES:
            path = os.path.join(d, name)
            if os.path.isfile(path):
                yield _Candidate(path, index)
    if use_fc_list:
        searched.append("fc-list :lang=zh")
        yield from _fc_list_candidates()


def _fc_list_candidates() -> Iterator[_Candidate]:
    exe = shutil.which("fc-list")
    if exe is None:
        return
    try:
        out = subprocess.run(
            [exe, "-f", "%{file}|%{index}\\n", ":lang=zh"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("fc-list failed: %s", exc)
        return
    yield from _order_fc_lines(out.splitlines())


def _order_fc_lines(lines: Iterable[str]) -> list[_Candidate]:
    """Parse ``file|index`` lines; TrueType files (.ttf/.ttc) first, CFF-prone .otf last."""
    cands: list[_Candidate] = []
    for line in lines:
        path, _, index = line.strip().partition("|")
        if not path:
            continue
        first_index = index.split(",")[0].strip()
        cands.append(_Candidate(path, int(first_index) if first_index.isdigit() else 0))
    # stable sort: trying .otf files costs time and they are nearly always CFF
    return sorted(cands, key=lambda c: c.path.lower().endswith(".otf"))


def _try_register(cand: _Candidate) -> tuple[RegisteredFont | None, str]:
    """Load and register one candidate; return (font, "") or (None, why it was skipped)."""
    known = _registered.get((cand.path, cand.subfont_index))
    if known is not None:
        return known, ""
    if not os.path.isfile(cand.path):
        return None, "文件不存在"
    # reportlab is imported here so that importing printing.fonts stays cheap
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError

    from printing.ttf_subset import SubsettingTTFont

    name = f"SDCJK-{Path(cand.path).stem}-{cand.subfont_index}"
    try:
        ttf = SubsettingTTFont(name, cand.path, subfontIndex=cand.subfont_index)
    except TTFError as exc:
        return None, _explain(exc)
    except (OSError, ValueError, IndexError, KeyError, AssertionError) as exc:
        return None, f"无法读取：{type(exc).__name__}: {exc}"
    if not _has_cjk(ttf):
        return None, "不含常用汉字字形"
    pdfmetrics.registerFont(ttf)
    # <b>/<i> in paragraph markup must not look for a missing family member
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)
    font = RegisteredFont(name, cand.path, cand.subfont_index)
    _registered[(cand.path, cand.subfont_index)] = font
    return font, ""


def _explain(exc: Exception) -> str:
    text = str(exc)
    if "postscript outlines" in text:
        return "OpenType/CFF 轮廓字体，reportlab 无法嵌入（postscript outlines are not supported）"
    return f"无法加载：{text}"


def _has_cjk(ttf: object) -> bool:
    """A usable font must at least draw the characters of our document titles."""
    face = getattr(ttf, "face", None)
    char_to_glyph = getattr(face, "charToGlyph", None)
    if not isinstance(char_to_glyph, dict):
        return True  # unknown reportlab internals: trust fontconfig's :lang=zh
    return all(ord(ch) in char_to_glyph for ch in "受理回执告知单")


def _reset_for_tests() -> None:
    """Forget cached searches (registrations with reportlab stay: they are harmless)."""
    global _last_report
    with _lock:
        _cache.clear()
        _last_report = None
