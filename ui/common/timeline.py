"""A case's 办理进程 (timeline) as HTML, for the station's case detail and the district's
case view alike: one table, one wording of each event.

The two sides hold their events in different shapes (the station's store rows, the
district's pulled events); each turns them into :class:`TimelineLine` and may add a
column of its own (the station: sync state) or a badge (the district: who acted).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject

from clerk.cases.events import parse_utc
from clerk.ratings import is_declined
from clerk.timeutil import local_time
from ui.common.widgets import (
    RED,
    esc,
    event_label,
    join_clauses,
    join_list,
    rating_channel_text,
    rating_label,
    supplement_text,
    table,
    tag,
)


@dataclass(frozen=True)
class TimelineLine:
    """One event as the timeline shows it."""

    occurred_at: datetime | str | None
    type: str
    actor: str
    payload: Mapping[str, Any]
    badge: str = ""  # HTML after the event's name (e.g. a 区中心 tag)
    extra: str = ""  # HTML of the side's own last column


def when(value: datetime | str | None) -> str:
    """A stored moment (aware datetime or ISO text) in Beijing time, minutes."""
    if not value:
        return "—"
    moment = parse_utc(value) if isinstance(value, str) else value
    return local_time(moment).strftime("%Y-%m-%d %H:%M")


class TimelineRenderer(QObject):
    """HTML for a timeline. A QObject only so ``self.tr`` gives the strings a context."""

    def table(self, lines: Sequence[TimelineLine], names: Mapping[str, str], *,
              extra_header: str | None = None) -> str:
        """Newest first; `names` turns user names into display names."""
        headers = [self.tr("时间"), self.tr("环节"), self.tr("经办"), self.tr("说明")]
        if extra_header is not None:
            headers.append(extra_header)
        head = "".join(f"<th>{esc(h)}</th>" for h in headers)
        rows = []
        for i, e in enumerate(reversed(lines)):
            shade = ' bgcolor="#f4f6f9"' if i % 2 else ""
            badge = f" {e.badge}" if e.badge else ""
            extra = f"<td width='12%'>{e.extra}</td>" if extra_header is not None else ""
            rows.append(
                f"<tr{shade}><td width='17%'>{when(e.occurred_at)}</td>"
                f"<td width='15%'><b>{esc(event_label(e.type))}</b>{badge}</td>"
                f"<td width='14%'>{esc(names.get(e.actor, e.actor))}</td>"
                f"<td>{self.describe(e.type, e.payload)}</td>{extra}</tr>")
        return table(f"<tr>{head}</tr>{''.join(rows)}", border=1)

    def describe(self, etype: str, p: Mapping[str, Any]) -> str:
        """What happened, in a few words (HTML)."""
        doc = f" <span class='muted'>{esc(p['doc_no'])}</span>" if p.get("doc_no") else ""
        special = self._describers().get(etype)
        if special is not None:
            text = special(p)
            if text is not None:
                return text + (doc if etype in ("notice_issued", "accepted", "resubmitted",
                                                "special_ended", "completed") else "")
        for key in ("reason", "text", "procedure", "result"):
            if p.get(key):
                return esc(p[key]) + doc
        return doc.strip()

    def _describers(self) -> dict[str, Callable[[Mapping[str, Any]], str | None]]:
        return {
            "notice_issued": self._notice,
            "accepted": self._due, "resubmitted": self._due, "special_ended": self._due,
            "completed": self._completed,
            "rated": lambda p: self.rating_text(p.get("rating") or {}),
            "returned": self._returned,
            "supplemented": lambda p: esc(supplement_text(p)),
            "assigned": lambda p: esc(p.get("proxy_agent", "")),
            "proxy_step": lambda p: esc(" ".join(
                x for x in (p.get("step", ""), p.get("note", "")) if x)),
        }

    def _notice(self, p: Mapping[str, Any]) -> str:
        text = self.tr("告知补正 {n} 项").format(n=len(p.get("items", [])))
        if p.get("flagged"):
            text += " " + self.tr("（新增告知项，理由：{why}）").format(
                why=p.get("justification") or "")
        return esc(text)

    def _due(self, p: Mapping[str, Any]) -> str | None:
        if not p.get("due_date"):
            return None
        extra = self.tr("（暂定）") if p.get("due_provisional") else ""
        text = self.tr("办结期限 {due}{extra}").format(due=p["due_date"], extra=extra)
        if p.get("result"):
            text = join_clauses((str(p["result"]), text))
        return esc(text)

    def _completed(self, p: Mapping[str, Any]) -> str:
        text = esc(self.delivery(p.get("delivery")))
        if p.get("rating"):
            text = join_clauses(x for x in (text, self.rating_text(p["rating"])) if x)
        return text

    def _returned(self, p: Mapping[str, Any]) -> str:
        items = join_list(str(i.get("name") or i.get("key", "")) for i in p.get("items", []))
        return esc(join_clauses(x for x in (p.get("note", ""), items) if x))

    def rating_text(self, rating: Mapping[str, Any]) -> str:
        if is_declined(rating):  # no score: who noted that the citizen did not rate
            return esc(rating_channel_text(rating))
        score = int(rating.get("score", 0) or 0)
        text = esc(f"{score} {rating_label(score)}") if 1 <= score <= 5 else ""
        if rating.get("bad"):
            text += " " + tag(self.tr("差评"), RED)
        if rating.get("comment"):
            text += " " + esc(rating["comment"])
        if text:  # who gave it: the rating device, the citizen's phone, or a clerk for them
            text += " " + esc(self.tr("（{channel}）").format(channel=rating_channel_text(rating)))
        return text

    def delivery(self, method: object) -> str:
        """A stored delivery method (clerk keeps the Chinese words) in the interface language."""
        value = str(method or "")
        return {"窗口领取": self.tr("窗口领取"), "邮寄送达": self.tr("邮寄送达"),
                "电子送达": self.tr("电子送达")}.get(value, value)
