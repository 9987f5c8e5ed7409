"""Where a rating (好差评) came from: its channel, said once for the station, the district
and the reports.

Ratings are the citizen's own (国办发〔2019〕51号, DOMAIN "Ratings"): given on the
counter's rating device (评价器) or on the citizen's own phone. When the clerk keys a
score in for the citizen (for instance one the citizen dictates), the rating says so and
names the clerk, so nobody takes it for the citizen's own entry. A citizen who does not
want to rate is recorded as such (``declined``: no score, the clerk who noted it named);
a decline is counted apart from the scores and gives way to a rating the citizen gives
afterwards (on the counter's display or the phone).

Old events carry a free-text channel: every rating before channels were recorded was
stored as "窗口评价器" whatever its real source, so such ratings (and ratings without a
channel) are read as ``device``, the only channel the workstation then offered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from clerk.errors import QT_TRANSLATE_NOOP, ValidationError
from clerk.labels import RATING_LABELS


class RatingChannel(StrEnum):
    DEVICE = "device"  # the counter's rating device (评价器)
    PHONE = "phone"  # the citizen's own phone (scanning the counter's code)
    CLERK_ON_BEHALF = "clerk_on_behalf"  # keyed in by the clerk for the citizen
    DECLINED = "declined"  # the citizen did not want to rate: no score

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


# The labels, the one place they are written (the UI translates them in the "ratings"
# context; the reports print them as they are).
CHANNEL_LABELS: dict[RatingChannel, str] = {
    RatingChannel.DEVICE: QT_TRANSLATE_NOOP("ratings", "窗口评价器"),
    RatingChannel.PHONE: QT_TRANSLATE_NOOP("ratings", "申请人手机"),
    RatingChannel.CLERK_ON_BEHALF: QT_TRANSLATE_NOOP("ratings", "窗口人员代为录入"),
    RatingChannel.DECLINED: QT_TRANSLATE_NOOP("ratings", "申请人不愿评价"),
}

# A rating the citizen gave on the district's public progress page reaches the station as
# a district note by this author (no user name can be spelled so): the station then knows
# the case is rated and does not ask again (the citizen's channel is ``phone``).
CITIZEN_AUTHOR = "申请人本人"

# The note's text is the rating: the district writes it with :func:`citizen_note_text`
# and the station reads it back with :func:`read_citizen_note` (the text is covered by
# the note's hash, so what the station reads is what the district stored). The first
# rating and a change within the allowed period are told apart by the head.
_CITIZEN_FIRST = "申请人在办件进度页评价"
_CITIZEN_CHANGED = "申请人修改了评价"
_CITIZEN_NOTE = re.compile(
    rf"^({_CITIZEN_FIRST}|{_CITIZEN_CHANGED})：(\S+?)（([1-5])分）。(?:意见：(.*))?$",
    re.DOTALL)


@dataclass(frozen=True)
class CitizenRating:
    """A rating the citizen gave on the progress page, as its note tells it."""

    score: int
    comment: str
    changed: bool  # a change of the citizen's earlier rating (still one rating per case)

    def as_rating(self) -> dict[str, Any]:
        """The rating as the station's reports read ratings (channel ``phone``)."""
        return {"score": self.score, "label": RATING_LABELS[self.score],
                "comment": self.comment, "channel": RatingChannel.PHONE.value,
                "bad": self.score <= 2}


def citizen_note_text(score: int, comment: str, *, changed: bool) -> str:
    """The note the district writes for a rating given (or changed) on the page."""
    head = _CITIZEN_CHANGED if changed else _CITIZEN_FIRST
    text = f"{head}：{RATING_LABELS[score]}（{score}分）。"
    return f"{text}意见：{comment}" if comment else text


def read_citizen_note(text: str) -> CitizenRating | None:
    """The rating a citizen's note carries; None for any other text (a note that does not
    read back is no rating, and is never guessed at)."""
    m = _CITIZEN_NOTE.match(text)
    if m is None or RATING_LABELS.get(int(m.group(3))) != m.group(2):
        return None
    return CitizenRating(int(m.group(3)), m.group(4) or "", m.group(1) == _CITIZEN_CHANGED)

# A clerk's entry, naming the clerk.
ON_BEHALF_TEMPLATE = QT_TRANSLATE_NOOP("ratings", "窗口人员代为录入（{name}）")
# A decline, naming the clerk who noted it.
DECLINED_TEMPLATE = QT_TRANSLATE_NOOP("ratings", "申请人不愿评价（{name}登记）")

#: The channels a score may come through (a decline carries none).
SCORED_CHANNELS: tuple[RatingChannel, ...] = (
    RatingChannel.DEVICE, RatingChannel.PHONE, RatingChannel.CLERK_ON_BEHALF)
#: The channels the clerk records (named in the rating); the others are the citizen's own.
CLERK_CHANNELS: tuple[RatingChannel, ...] = (RatingChannel.CLERK_ON_BEHALF,
                                             RatingChannel.DECLINED)

# The free-text channels of old events, by what they meant.
LEGACY_CHANNELS: dict[str, RatingChannel] = {"窗口评价器": RatingChannel.DEVICE}


def parse_channel(value: str | RatingChannel | None) -> RatingChannel:
    """A channel named by its value (``device`` …) or its label; a worded error else."""
    if isinstance(value, RatingChannel):
        return value
    text = (value or "").strip()
    for channel in RatingChannel:
        if text in (channel.value, channel.label):
            return channel
    raise ValidationError(
        QT_TRANSLATE_NOOP("errors", "评价渠道“{value}”无效：须为 device（窗口评价器）、"
                                    "phone（申请人手机）或 clerk_on_behalf（窗口人员代为录入）。"),
        code="rating.channel", field="channel", params={"value": text})


def channel_of(rating: Mapping[str, Any] | None) -> RatingChannel:
    """The channel a stored rating came from; old free-text and missing channels are read
    as the device (see the module's note)."""
    raw = str((rating or {}).get("channel") or "")
    try:
        return RatingChannel(raw)
    except ValueError:
        return LEGACY_CHANNELS.get(raw, RatingChannel.DEVICE)


def is_declined(rating: Mapping[str, Any] | None) -> bool:
    """The citizen declined to rate (no score)."""
    return rating is not None and channel_of(rating) == RatingChannel.DECLINED


def has_score(rating: Mapping[str, Any] | None) -> bool:
    """A rating with a score 1–5 (not a decline, not nothing)."""
    return rating is not None and not is_declined(rating) and rating.get("score") is not None


def score_of(rating: Mapping[str, Any] | None) -> int | None:
    """The score 1–5 of a stored rating; None for a decline or no rating."""
    return int(rating["score"]) if rating is not None and has_score(rating) else None


def entered_by(rating: Mapping[str, Any] | None) -> str:
    """The display name (else user name) of the clerk who keyed the rating in or noted
    the decline, or ""."""
    r = rating or {}
    if channel_of(r) not in CLERK_CHANNELS:
        return ""
    return str(r.get("entered_by_name") or r.get("entered_by") or "")


def channel_text(rating: Mapping[str, Any] | None,
                 translate: Callable[[str], str] = str) -> str:
    """The channel as papers and lists show it: 窗口人员代为录入（张三） for a clerk's
    entry. ``translate``: into the interface language (the "ratings" context)."""
    channel = channel_of(rating)
    who = entered_by(rating)
    if who:
        template = DECLINED_TEMPLATE if channel == RatingChannel.DECLINED else ON_BEHALF_TEMPLATE
        return translate(template).format(name=who)
    return translate(channel.label)


def channel_payload(channel: RatingChannel, username: str, display_name: str
                    ) -> dict[str, str]:
    """The channel's fields of a rating payload; a clerk's entry (or a decline) names
    the clerk."""
    out = {"channel": channel.value}
    if channel in CLERK_CHANNELS:
        out["entered_by"] = username
        out["entered_by_name"] = display_name or username
    return out
