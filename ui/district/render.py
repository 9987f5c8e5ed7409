"""HTML of a case as the district sees it: facts, timeline, materials with scans, the
station's printed documents, returns, proxy steps, the result, comments.

The applicant's ID number and phone are masked unless the reviewer asks to see them
(``reveal``): most decisions need only the last digits, and screens get looked at.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from clerk.cases.checklist import ItemStatus
from clerk.cases.due import moved_payload
from clerk.cases.states import State
from clerk.id_documents import mask_of
from clerk.ratings import is_declined
from clerk.validation import mask_mobile
from ui.common.id_input import masked_id_text
from ui.common.timeline import TimelineLine, TimelineRenderer, when
from ui.common.widgets import (
    AMBER,
    BLUE,
    GREEN,
    GREY,
    LEVEL_COLOURS,
    RED,
    STATE_COLOURS,
    document_kind_label,
    esc,
    event_label,
    item_status_label,
    join_list,
    labelled,
    level_label,
    rating_channel_text,
    rating_label,
    state_label,
    table,
    tag,
)
from wire.protocol import CaseDetail, PulledEvent, is_sha256

SCAN_SCHEME = "scan:"


@dataclass
class DistrictCase:
    """One case as loaded for the detail pane."""

    detail: CaseDetail
    events: list[PulledEvent]

    @property
    def record(self) -> dict[str, Any]:
        return self.detail.record

    @property
    def state(self) -> State:
        return State(self.detail.state)

    @property
    def special_open(self) -> bool:
        return any(p.get("kind") == "special" and not p.get("end")
                   for p in self.record.get("pauses", []))

    @property
    def steps(self) -> list[dict[str, Any]]:
        return list(self.record.get("proxy_steps", []))

    def scans(self) -> list[tuple[str, str]]:
        """(sha256, media type) of every scan the record cites."""
        found: dict[str, str] = {}
        stack: list[Any] = [self.record]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                sha = item.get("sha256")
                if isinstance(sha, str) and is_sha256(sha):
                    found.setdefault(sha, str(item.get("media_type", "")))
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
        return sorted(found.items())


def _record_time(value: Any) -> str:
    return when(str(value)) if value else "—"


class DistrictRenderer(QObject):
    """HTML for the tabs. A QObject only so ``self.tr`` gives the strings a context."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeline = TimelineRenderer(self)

    def header(self, c: DistrictCase) -> str:
        d = c.detail
        parts = [f"<b style='font-size:12pt'>{esc(d.case_no)}</b>",
                 tag(state_label(c.state), STATE_COLOURS[c.state])]
        level = self.level_tag(d.level)
        if level:
            parts.append(level)
        if c.special_open:
            parts.append(tag(self.tr("特别程序中"), GREY))
        parts.append(f"<b>{esc(d.matter_name)}</b>")
        applicant = c.record.get("applicant", {})
        parts.append(f"<span class='muted'>{esc(applicant.get('name', ''))} "
                     f"{esc(mask_of(applicant))}</span>")
        return "&nbsp;&nbsp;".join(parts)

    def level_tag(self, level: str | None) -> str:
        from clerk.cases.queries import Level

        if level in ("yellow", "red", "paused"):
            lv = Level(level)
            return tag(level_label(lv), LEVEL_COLOURS[lv])
        return ""

    # -- 概况
    def summary(self, c: DistrictCase, station_name: str, names: dict[str, str],
                reveal: bool = False) -> str:
        d, r = c.detail, c.record
        a = r.get("applicant", {})
        id_no, mobile = str(a.get("id_no", "")), str(a.get("mobile", ""))
        shown_id = id_no if reveal else masked_id_text(a)
        shown_mobile = mobile if reveal else mask_mobile(mobile)
        toggle = self.tr("隐藏") if reveal else self.tr("显示完整号码")
        id_cell = f"{esc(shown_id)} <a href='reveal:'>{esc(toggle)}</a>" if id_no else "—"
        agent = r.get("agent") or {}
        agent_text = (f"{agent.get('name', '')} {mask_of(agent)}"
                      if agent else "—")
        limit = r.get("limit_days")
        rows = [
            (self.tr("申请人"), esc(a.get("name", "")), self.tr("证件号码"), id_cell),
            (self.tr("联系电话"), esc(shown_mobile) or "—", self.tr("代理人"), esc(agent_text)),
            (self.tr("站点"), esc(station_name), self.tr("事项"), esc(d.matter_name)),
            (self.tr("受理时间"), when(d.accepted_at), self.tr("承诺时限"),
             self.tr("{n} 个工作日").format(n=limit) if limit else "—"),
            (self.tr("办结期限"), self._due(c), self.tr("代办员"),
             esc(names.get(d.proxy_agent or "", d.proxy_agent or "")) or "—"),
        ]
        cells = "".join(
            f'<tr><td class="key" width="13%">{k1}</td><td width="37%">{v1}</td>'
            f'<td class="key" width="13%">{k2}</td><td width="37%">{v2}</td></tr>'
            for k1, v1, k2, v2 in rows)
        out = [self._returns(c, names), table(cells), self._steps(c, names),
               self._pauses(c), self._result(c, names), self._rating(c), self._comments(c, names)]
        return "".join(p for p in out if p)

    def _due(self, c: DistrictCase) -> str:
        d = c.detail
        if d.due_date is None:
            return "—"
        text = esc(d.due_date.isoformat())
        if d.due_provisional:
            text += " " + tag(self.tr("暂定"), AMBER)
        level = self.level_tag(d.level)
        if level:
            text += " " + level
        if c.special_open:
            text += "<br><span class='small'>" + esc(self.tr(
                "特别程序期间不计时，结束时期限顺延。")) + "</span>"
        return text

    def _returns(self, c: DistrictCase, names: dict[str, str]) -> str:
        returns = c.record.get("returns", [])
        if not returns:
            return ""
        blocks = []
        for n, ret in enumerate(returns, 1):
            items = join_list(esc(i.get("name") or i.get("key", "")) for i in ret.get("items", []))
            who = esc(names.get(ret.get("by", ""), ret.get("by", "")))
            head = self.tr("第 {n} 次退回补正（{who}）").format(n=n, who=who)
            note = esc(ret.get("note", "")) or esc(self.tr("（未附说明）"))
            blocks.append(f"<b>{head}</b>：{note}<br>{esc(self.tr('需补正：'))}{items}")
        fg, bg = AMBER
        return (f'<table width="100%" cellpadding="6" style="background-color:{bg}; '
                f'color:{fg}"><tr><td>{"<br>".join(blocks)}</td></tr></table>')

    def _steps(self, c: DistrictCase, names: dict[str, str]) -> str:
        if not c.steps:
            return ""
        items = "".join(
            f"<li><b>{esc(s.get('step', ''))}</b> "
            f"<span class='muted'>{esc(names.get(s.get('by', ''), s.get('by', '')))}</span>"
            + (f" — {esc(s['note'])}" if s.get("note") else "") + "</li>" for s in c.steps)
        return f"<h3>{esc(self.tr('代办进展'))}</h3><ol>{items}</ol>"

    def _pauses(self, c: DistrictCase) -> str:
        specials = [p for p in c.record.get("pauses", []) if p.get("kind") == "special"]
        if not specials:
            return ""
        items = "".join(
            f"<li>{esc(p.get('reason', ''))}：{esc(p.get('start', ''))} – "
            f"{esc(p.get('end') or self.tr('进行中'))}"
            + (f"（{esc(p['result'])}）" if p.get("result") else "") + "</li>"
            for p in specials)
        return f"<h3>{esc(self.tr('特别程序（不计时）'))}</h3><ul>{items}</ul>"

    def _result(self, c: DistrictCase, names: dict[str, str]) -> str:
        result = c.record.get("result")
        if not result:
            return ""
        decision = {"approved": self.tr("准予"), "denied": self.tr("不予批准"),
                    "completed": self.tr("办结")}.get(str(result.get("decision")), "")
        lines = [tag(decision, RED if result.get("decision") == "denied" else GREEN)]
        for key in ("text", "reason", "doc_no"):
            if result.get(key):
                lines.append(esc(result[key]))
        if result.get("by"):
            lines.append(self.tr("决定人：{who}").format(
                who=esc(names.get(str(result["by"]), str(result["by"])))))
        if c.record.get("delivered_at"):
            lines.append(self.tr("站点已交付：{when}").format(
                when=_record_time(c.record["delivered_at"])))
        return f"<h3>{esc(self.tr('办理结果'))}</h3><p>{'<br>'.join(lines)}</p>"

    def _rating(self, c: DistrictCase) -> str:
        rating = c.record.get("rating")
        if not rating:
            return ""
        if is_declined(rating):
            return f"<h3>{esc(self.tr('好差评'))}</h3><p>{esc(rating_channel_text(rating))}</p>"
        score = int(rating.get("score", 0) or 0)
        text = f"{score} {esc(rating_label(score))}" if 1 <= score <= 5 else str(score)
        if score and score <= 2:
            text += " " + tag(self.tr("差评"), RED) + "<br><span class='bad'>" + esc(self.tr(
                "差评须在15个工作日内跟进整改（见“好差评”页）。")) + "</span>"
        if rating.get("comment"):
            text += "<br>" + esc(self.tr("评价意见：")) + esc(rating["comment"])
        return f"<h3>{esc(self.tr('好差评'))}</h3><p>{text}</p>"

    def _comments(self, c: DistrictCase, names: dict[str, str]) -> str:
        rows = [(x.get("by", ""), x.get("text", "")) for x in c.record.get("comments", [])]
        rows += [(n.author, n.text) for n in c.detail.notes]
        if not rows:
            return ""
        items = "".join(f"<li><span class='muted'>{labelled(esc(names.get(w, w)), '')}"
                        f"</span>{esc(t)}</li>" for w, t in rows)
        return f"<h3>{esc(self.tr('留言'))}</h3><ul>{items}</ul>"

    # -- 办理进程
    def timeline(self, c: DistrictCase, names: dict[str, str]) -> str:
        district = tag(self.tr("区中心"), BLUE)
        # A provisional due date the district recomputed since is shown as it stands now.
        d = c.detail
        lines = []
        for e in c.events:
            shown = moved_payload(e.payload, computed=c.record.get("due_date"), due=d.due_date,
                                  provisional=d.due_provisional)
            lines.append(TimelineLine(e.occurred_at, e.type.value, e.actor, shown,
                                      badge=district if e.origin.value == "district" else ""))
        return self._timeline.table(lines, names)

    def event_label(self, etype: str) -> str:
        return event_label(etype)

    def describe(self, e: PulledEvent) -> str:
        return self._timeline.describe(e.type.value, e.payload)

    # -- 材料
    def materials(self, c: DistrictCase) -> str:
        head = "".join(f"<th>{esc(h)}</th>" for h in (
            self.tr("材料"), self.tr("份数"), self.tr("状态"), self.tr("扫描件")))
        rows = []
        for i, it in enumerate(c.record.get("checklist", [])):
            shade = ' bgcolor="#f4f6f9"' if i % 2 else ""
            status = ItemStatus(it.get("status", "missing"))
            colours = {ItemStatus.MISSING: RED, ItemStatus.DEFERRED: AMBER,
                       ItemStatus.NOT_APPLICABLE: GREY}.get(status, GREEN)
            text = tag(self.item_status(status), colours)
            if it.get("delivered_on"):
                text += "<br><span class='small'>" + esc(self.tr("{day} 补交（承诺 {promise}）")
                                                          .format(day=it["delivered_on"],
                                                                  promise=it.get("promise_date")
                                                                  or "—")) + "</span>"
            elif it.get("promise_date"):
                text += "<br><span class='small'>" + esc(self.tr("承诺 {day} 前补交").format(
                    day=it["promise_date"])) + "</span>"
            counts = []
            if it.get("original_count"):
                counts.append(self.tr("原件{n}份").format(n=it["original_count"]))
            if it.get("copy_count"):
                counts.append(self.tr("复印件{n}份").format(n=it["copy_count"]))
            scans = [s for s in (it.get("scans") or []) if isinstance(s, dict)]
            links = " ".join(f"<a href='{SCAN_SCHEME}{esc(s.get('sha256', ''))}'>"
                             f"{esc(self.tr('查看'))}{n}</a>"
                             for n, s in enumerate(scans, 1)) or "—"
            rows.append(f"<tr{shade}><td>{esc(it.get('name', ''))}</td>"
                        f"<td width='22%'>{esc(join_list(counts))}</td>"
                        f"<td width='20%'>{text}</td><td width='14%'>{links}</td></tr>")
        other = [sha for sha, _ in c.scans()
                 if not any(sha == s.get("sha256") for it in c.record.get("checklist", [])
                            for s in (it.get("scans") or []) if isinstance(s, dict))]
        extra = ""
        if other:
            links = " ".join(f"<a href='{SCAN_SCHEME}{sha}'>{esc(sha[:10])}</a>" for sha in other)
            extra = f"<p>{esc(self.tr('其他扫描件：'))}{links}</p>"
        return table(f"<tr>{head}</tr>{''.join(rows)}", border=1) + extra

    def item_status(self, status: ItemStatus) -> str:
        return item_status_label(status)

    # -- 文书
    def documents(self, c: DistrictCase) -> str:
        docs = list(c.record.get("documents", []))
        for n in c.record.get("notices", []):
            if n.get("flagged"):
                docs.append({"kind": "flag", "doc_no": n.get("doc_no", ""),
                             "note": n.get("justification", "")})
        if not docs:
            return "<p class='muted'>" + esc(self.tr("站点尚未出具文书。")) + "</p>"
        kinds = {"flag": self.tr("再次告知（新增告知项，已报监察）")}
        head = "".join(f"<th>{esc(h)}</th>" for h in (self.tr("文书"), self.tr("编号"),
                                                       self.tr("说明")))
        def kind(d: dict[str, Any]) -> str:
            return kinds.get(d.get("kind", "")) or document_kind_label(d.get("kind", ""))

        rows = "".join(f"<tr><td>{esc(kind(d))}</td>"
                       f"<td>{esc(d.get('doc_no', ''))}</td><td>{esc(d.get('note', ''))}</td>"
                       "</tr>" for d in docs)
        note = esc(self.tr("站点打印的文书（编号与种类）；原件在站点存档。"))
        return table(f"<tr>{head}</tr>{rows}", border=1) + f"<p class='small'>{note}</p>"
