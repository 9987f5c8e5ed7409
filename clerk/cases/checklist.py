"""The material checklist of a case: what was received, what is on file, what is missing.

Built from the matter snapshot; every decision the counter makes about materials
(readiness to accept, the items of a one-time notice) is computed here, once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from clerk.errors import QT_TRANSLATE_NOOP, ValidationError


class ItemStatus(StrEnum):
    RECEIVED = "received"  # handed in at the counter
    ON_FILE = "on_file"  # verified earlier, taken from the documents on file (证照库)
    SHARED = "shared"  # obtained from shared government data (信息免交)
    DEFERRED = "deferred"  # 容缺后补: promised for later, with a date
    MISSING = "missing"
    NOT_APPLICABLE = "not_applicable"  # a conditional material whose condition does not hold

    @property
    def label(self) -> str:
        return {
            "received": "已收",
            "on_file": "证照库已核验",
            "shared": "共享数据获取",
            "deferred": "容缺后补",
            "missing": "缺",
            "not_applicable": "不适用",
        }[self.value]


PRESENT = frozenset({ItemStatus.RECEIVED, ItemStatus.ON_FILE, ItemStatus.SHARED})
NEEDED_NECESSITIES = frozenset({"required", "deferrable"})


def next_promise(rows: Iterable[Mapping[str, Any]]) -> date | None:
    """The earliest promise date of the items still awaited (容缺后补 promised, not yet
    handed in), read off a stored checklist's rows without building it (the district
    keeps it in an indexed column at every push)."""
    dates = [str(r["promise_date"]) for r in rows
             if r.get("status") == ItemStatus.DEFERRED.value
             and r.get("necessity") == "deferrable" and r.get("promise_date")]
    return date.fromisoformat(min(dates)) if dates else None


def is_outstanding(necessity: str, status: str) -> bool:
    """The rule: an item blocks acceptance when it is needed (required or deferrable,
    and applicable) and neither present nor promised."""
    return necessity in NEEDED_NECESSITIES and status == ItemStatus.MISSING


@dataclass(frozen=True)
class Scan:
    """A scanned file of a material, by its content hash."""

    sha256: str
    media_type: str


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    name: str
    necessity: str  # required | optional | deferrable | exempt_shared
    form: str
    original_count: int
    copy_count: int
    requirement: str
    condition: str | None
    status: ItemStatus
    promise_date: date | None = None
    document_id: str | None = None
    scans: tuple[Scan, ...] = ()  # files of this material the clerk kept (clerk.scans)
    delivered_on: date | None = None  # a promised (容缺后补) item handed in after acceptance

    @property
    def awaited(self) -> bool:
        """Promised at acceptance and not handed in yet: what a supplement may deliver."""
        return self.necessity == "deferrable" and self.status == ItemStatus.DEFERRED

    @property
    def needed(self) -> bool:
        """Whether a decision to accept depends on this item."""
        return self.necessity in NEEDED_NECESSITIES and (
            self.status != ItemStatus.NOT_APPLICABLE
        )

    @property
    def outstanding(self) -> bool:
        """Needed and neither present nor properly deferred."""
        return is_outstanding(self.necessity, self.status)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["status"] = self.status.value
        d["promise_date"] = self.promise_date.isoformat() if self.promise_date else None
        if self.scans:  # cited as {"sha256", "media_type"}: what sync uploads first
            d["scans"] = [{"sha256": sc.sha256, "media_type": sc.media_type}
                          for sc in self.scans]
        else:
            del d["scans"]  # items without scans read exactly as before scans existed
        if self.delivered_on is not None:
            d["delivered_on"] = self.delivered_on.isoformat()
        else:
            del d["delivered_on"]  # likewise for items never supplemented
        return d

    def with_scans(self, scans: Iterable[Scan]) -> ChecklistItem:
        """A copy with `scans` added (each file once, in the order first attached)."""
        added = tuple(dict.fromkeys((*self.scans, *scans)))
        return replace(self, scans=added)

    def without_scans(self, sha256s: Iterable[str]) -> ChecklistItem:
        """A copy citing none of `sha256s` (the files themselves stay in the store)."""
        dropped = set(sha256s)
        return replace(self, scans=tuple(sc for sc in self.scans if sc.sha256 not in dropped))

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ChecklistItem:
        promise = d.get("promise_date")
        delivered = d.get("delivered_on")
        return cls(
            key=d["key"], name=d["name"], necessity=d["necessity"], form=d["form"],
            original_count=int(d["original_count"]), copy_count=int(d["copy_count"]),
            requirement=d.get("requirement", ""), condition=d.get("condition"),
            status=ItemStatus(d["status"]),
            promise_date=date.fromisoformat(promise) if promise else None,
            document_id=d.get("document_id"),
            scans=tuple(Scan(str(sc["sha256"]), str(sc.get("media_type", "")))
                        for sc in d.get("scans") or () if isinstance(sc, Mapping)),
            delivered_on=date.fromisoformat(delivered) if delivered else None,
        )


@dataclass(frozen=True)
class Checklist:
    items: tuple[ChecklistItem, ...]

    def item(self, key: str) -> ChecklistItem:
        for it in self.items:
            if it.key == key:
                return it
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "本事项没有材料“{key}”。"),
            code="checklist.unknown_key", field=key, params={"key": key})

    @property
    def outstanding(self) -> tuple[ChecklistItem, ...]:
        return tuple(it for it in self.items if it.outstanding)

    @property
    def deferred(self) -> tuple[ChecklistItem, ...]:
        return tuple(it for it in self.items if it.needed and it.status == ItemStatus.DEFERRED)

    @property
    def awaited(self) -> tuple[ChecklistItem, ...]:
        """Promised items not handed in yet (容缺后补 outstanding)."""
        return tuple(it for it in self.items if it.awaited)

    def overdue_promises(self, today: date) -> tuple[ChecklistItem, ...]:
        """Promised items still awaited after their promise date (`today` in Beijing)."""
        return tuple(it for it in self.awaited
                     if it.promise_date is not None and it.promise_date < today)

    def supplemented(self, keys: Iterable[str], day: date,
                     scans: Mapping[str, Iterable[Scan]] | None = None) -> Checklist:
        """A copy with the promised items `keys` received on `day` (their promise dates
        kept, so the record shows what was promised and when it came). Every key must
        be awaited on this checklist: nothing else can be "brought later"."""
        wanted = list(dict.fromkeys(keys))
        if not wanted:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "请选择补交的容缺材料。"),
                code="supplement.empty", field="received")
        scans = scans or {}
        out = self
        for key in wanted:
            item = self.item(key)
            if not item.awaited:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "“{name}”不是待补交的容缺后补材料"
                                                "（未承诺后补，或已经补交），不能登记补交。"),
                    code="supplement.not_awaited", field=key, params={"name": item.name})
            new = replace(item, status=ItemStatus.RECEIVED, delivered_on=day)
            new = new.with_scans(scans.get(key, ()))
            out = Checklist(tuple(new if it.key == key else it for it in out.items))
        unknown = set(scans) - set(wanted)
        if unknown:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "扫描件所属材料“{key}”不在本次补交之列。"),
                code="supplement.scan_key", field=sorted(unknown)[0],
                params={"key": sorted(unknown)[0]})
        return out

    @property
    def present(self) -> tuple[ChecklistItem, ...]:
        return tuple(it for it in self.items if it.status in PRESENT)

    @property
    def ready_to_accept(self) -> bool:
        return not self.outstanding

    def to_list(self) -> list[dict[str, Any]]:
        return [it.to_dict() for it in self.items]

    @classmethod
    def from_list(cls, rows: Iterable[Mapping[str, Any]]) -> Checklist:
        return cls(tuple(ChecklistItem.from_dict(r) for r in rows))

    def with_scans(self, key: str, scans: Iterable[Scan]) -> Checklist:
        """A copy with scans added to one item (its status is the clerk's own mark)."""
        new = self.item(key).with_scans(scans)
        return Checklist(tuple(new if it.key == key else it for it in self.items))

    def without_scans(self, key: str, sha256s: Iterable[str]) -> Checklist:
        new = self.item(key).without_scans(sha256s)
        return Checklist(tuple(new if it.key == key else it for it in self.items))

    def with_status(self, key: str, status: ItemStatus, *, promise_date: date | None = None,
                    document_id: str | None = None) -> Checklist:
        """A copy with one item's status changed, checking the change makes sense."""
        item = self.item(key)
        _check_status_change(item, status, promise_date)
        new = replace(item, status=status,
                      promise_date=promise_date if status == ItemStatus.DEFERRED else None,
                      document_id=document_id if status == ItemStatus.ON_FILE else None,
                      delivered_on=item.delivered_on if status == ItemStatus.RECEIVED else None)
        return Checklist(tuple(new if it.key == key else it for it in self.items))


def _check_status_change(item: ChecklistItem, status: ItemStatus, promise: date | None) -> None:
    if status == ItemStatus.DEFERRED:
        if item.necessity != "deferrable":
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "“{name}”不是容缺后补材料，不能承诺后补。"),
                code="checklist.not_deferrable", field=item.key, params={"name": item.name})
        if promise is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "“{name}”容缺后补须填写承诺补交日期。"),
                code="checklist.no_promise", field=item.key, params={"name": item.name})
    if status == ItemStatus.NOT_APPLICABLE and not item.condition:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{name}”不是附条件材料，不能标为不适用。"),
            code="checklist.not_conditional", field=item.key, params={"name": item.name})
    if status == ItemStatus.SHARED and item.necessity != "exempt_shared":
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{name}”不在信息免交范围内，须由申请人提交。"),
            code="checklist.not_shared", field=item.key, params={"name": item.name})


def initial_checklist(materials: Sequence[Any]) -> Checklist:
    """The checklist for a new case: shared-data items obtained, conditional ones not applicable.

    `materials` are catalog Material objects (duck-typed so this module stays independent
    of the catalog's loader).
    """
    items = []
    for m in materials:
        necessity = str(m.necessity)
        if necessity == "exempt_shared":
            status = ItemStatus.SHARED
        elif m.condition:
            status = ItemStatus.NOT_APPLICABLE
        else:
            status = ItemStatus.MISSING
        items.append(ChecklistItem(
            key=m.key, name=m.name, necessity=necessity, form=str(m.form),
            original_count=int(m.original_count), copy_count=int(m.copy_count),
            requirement=m.requirement or "", condition=m.condition or None, status=status,
        ))
    return Checklist(tuple(items))
