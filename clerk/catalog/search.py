"""Finding a matter the way a clerk types it: by name, by code or by pinyin initials.

Ranking, best first (a lower tier wins, then the shorter name, then catalog order):

0. the code, exactly
1. a name (full, short or keyword), exactly
2. a name starts with the query
3. the code starts with the query
4. the pinyin initials of a name start with the query ("zdshbz" → 最低生活保障…)
5. the full pinyin of a name starts with the query ("zuidi")
6. a name contains the query
7. the initials contain the query
8. the full pinyin contains the query
9. the code contains the query
10. the initials hold the query's letters in order ("dbsq" → 最低生活保障申请)

A query of several words (split on spaces) must match every word; the ranks add up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from clerk.catalog.model import Matter

_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")

#: The in-order letters tier is noisy for very short queries, so it needs this many.
_MIN_SUBSEQUENCE_QUERY = 3

_NO_MATCH = -1


@dataclass(frozen=True)
class _Spelling:
    """One searchable name in the forms a query can take."""

    text: str
    initials: str
    full: str


@dataclass(frozen=True)
class _Entry:
    matter: Matter
    position: int
    code: str
    spellings: tuple[_Spelling, ...]


def _spell(text: str, cache: dict[str, _Spelling]) -> _Spelling:
    """Lower-case text plus its pinyin initials and full pinyin (cached: pypinyin is slow)."""
    if text in cache:
        return cache[text]
    from pypinyin import lazy_pinyin  # lazily: importing pypinyin costs ~0.1 s at start

    initials: list[str] = []
    full: list[str] = []
    position = 0
    lowered = text.lower()
    for run in _HAN_RUN.finditer(lowered):
        _add_plain(lowered[position : run.start()], initials, full)
        # One call per run keeps pypinyin's phrase context (重度 → zhong du).
        syllables = lazy_pinyin(run.group())
        initials.extend(s[:1] for s in syllables)
        full.extend(syllables)
        position = run.end()
    _add_plain(lowered[position:], initials, full)
    spelling = _Spelling(_compact(lowered), "".join(initials), "".join(full))
    cache[text] = spelling
    return spelling


def _add_plain(text: str, initials: list[str], full: list[str]) -> None:
    # Letters and digits outside Chinese (2寸, B超) are typed as they are.
    plain = _NOT_ALNUM.sub("", text)
    initials.append(plain)
    full.append(plain)


def _compact(text: str) -> str:
    return _SPACES.sub("", text)


def _is_subsequence(needle: str, haystack: str) -> bool:
    letters = iter(haystack)
    return all(ch in letters for ch in needle)


def _spelling_tier(word: str, s: _Spelling) -> int:
    if s.text == word:
        return 1
    if s.text.startswith(word):
        return 2
    if s.initials.startswith(word):
        return 4
    if s.full.startswith(word):
        return 5
    if word in s.text:
        return 6
    if word in s.initials:
        return 7
    if word in s.full:
        return 8
    return _NO_MATCH


def _in_order_anywhere(word: str, entry: _Entry) -> bool:
    if len(word) < _MIN_SUBSEQUENCE_QUERY or not word.isascii():
        return False
    return any(_is_subsequence(word, s.initials) for s in entry.spellings)


def _word_tier(word: str, entry: _Entry) -> int:
    """The best tier at which one query word matches the entry, or _NO_MATCH."""
    if entry.code == word:
        return 0
    tiers = [t for s in entry.spellings if (t := _spelling_tier(word, s)) != _NO_MATCH]
    if entry.code.startswith(word):
        tiers.append(3)
    elif word in entry.code:
        tiers.append(9)
    if not tiers and _in_order_anywhere(word, entry):
        tiers.append(10)
    return min(tiers, default=_NO_MATCH)


#: A name's pinyin as a cache keeps it: text → (initials, full pinyin).
Spellings = Mapping[str, tuple[str, str]]


class CatalogIndex:
    """A search index over a fixed list of matters; build once, query often.

    Building computes every name's pinyin up front (about 0.1 ms a name), so a query
    is plain string work and answers in well under a millisecond for a few hundred
    matters. `known` spellings (kept from an earlier build, see :meth:`spellings`)
    are taken as they are: when every name is known, pypinyin (whose tables take
    longer to import than the whole index takes to build) is not imported at all.
    """

    def __init__(self, matters: Iterable[Matter], known: Spellings | None = None) -> None:
        cache: dict[str, _Spelling] = {
            text: _Spelling(_compact(text.lower()), initials, full)
            for text, (initials, full) in (known or {}).items()}
        self._entries = tuple(
            _Entry(
                matter=m,
                position=i,
                code=m.code.lower(),
                spellings=tuple(_spell(name, cache) for name in _names(m)),
            )
            for i, m in enumerate(matters)
        )
        self._departments = _sorted_departments(self._entries, cache)

        used = {n for e in self._entries for n in _names(e.matter)} | set(self._departments)
        self._spelled = {text: (cache[text].initials, cache[text].full) for text in used}

    def __len__(self) -> int:
        return len(self._entries)

    def spellings(self) -> dict[str, tuple[str, str]]:
        """Every name's (and department's) pinyin as worked out or taken for this index:
        what a later build of the same catalog can be given as `known`."""
        return dict(self._spelled)

    @property
    def matters(self) -> tuple[Matter, ...]:
        """All matters, in catalog order."""
        return tuple(e.matter for e in self._entries)

    def departments(self) -> list[str]:
        """The departments, each once, sorted by pinyin (残联, 民政, 人社, …)."""
        return list(self._departments)

    def search(
        self, query: str, department: str | None = None, limit: int | None = None
    ) -> list[Matter]:
        """Matters matching ``query``, best first; an empty query lists them all.

        ``department`` keeps only that department's matters; ``limit`` caps the count.
        """
        words = _SPACES.split(query.strip().lower()) if query.strip() else []
        ranked: list[tuple[int, int, int, Matter]] = []
        for entry in self._entries:
            if department is not None and entry.matter.department != department:
                continue
            rank = _rank(words, entry)
            if rank != _NO_MATCH:
                ranked.append((rank, len(entry.matter.name), entry.position, entry.matter))
        if not words:
            ranked.sort(key=lambda r: r[2])  # no query: catalog order
        else:
            ranked.sort(key=lambda r: r[:3])
        matters = [r[3] for r in ranked]
        return matters if limit is None else matters[:limit]

    def by_code(self, code: str) -> Matter | None:
        """The matter with exactly this code, or None."""
        return next((e.matter for e in self._entries if e.matter.code == code), None)


def _names(m: Matter) -> list[str]:
    names = [m.name]
    if m.short_name:
        names.append(m.short_name)
    names.extend(m.keywords)
    return names


def _rank(words: Sequence[str], entry: _Entry) -> int:
    total = 0
    for word in words:
        tier = _word_tier(word, entry)
        if tier == _NO_MATCH:
            return _NO_MATCH
        total += tier
    return total


def _sorted_departments(entries: Iterable[_Entry], cache: dict[str, _Spelling]) -> list[str]:
    departments = dict.fromkeys(e.matter.department for e in entries)
    return sorted(departments, key=lambda d: (_spell(d, cache).full, d))
