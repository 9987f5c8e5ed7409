"""The words for the domain's codes, declared once: states, events, owners, ratings,
supervision levels, checklist statuses and document kinds.

The tables hold the Chinese source texts, marked with ``QT_TRANSLATE_NOOP`` in the
"labels" context so scripts/i18n.sh collects them; the command line and the documents
print them as they are, the workstation translates them when it shows them (the
interface language in force at that moment applies). Keys are the codes' string values,
so a ``StrEnum`` member and its value find the same entry, and this module needs none of
the modules whose codes it names (they import it for their messages).
"""

from __future__ import annotations

from clerk.errors import QT_TRANSLATE_NOOP

CONTEXT = "labels"

STATE_LABELS: dict[str, str] = {
    "draft": QT_TRANSLATE_NOOP("labels", "收件中"),
    "awaiting_supplement": QT_TRANSLATE_NOOP("labels", "待补正"),
    "not_accepted": QT_TRANSLATE_NOOP("labels", "不予受理"),
    "accepted": QT_TRANSLATE_NOOP("labels", "已受理"),
    "escalated": QT_TRANSLATE_NOOP("labels", "已上报"),
    "under_review": QT_TRANSLATE_NOOP("labels", "办理中"),
    "returned": QT_TRANSLATE_NOOP("labels", "退回补正"),
    "approved": QT_TRANSLATE_NOOP("labels", "准予"),
    "denied": QT_TRANSLATE_NOOP("labels", "不予批准"),
    "completed": QT_TRANSLATE_NOOP("labels", "已办结"),
    "withdrawn": QT_TRANSLATE_NOOP("labels", "已撤回"),
}

EVENT_LABELS: dict[str, str] = {
    "created": QT_TRANSLATE_NOOP("labels", "收件"),
    "materials_updated": QT_TRANSLATE_NOOP("labels", "材料更新"),
    "notice_issued": QT_TRANSLATE_NOOP("labels", "一次性告知"),
    "accepted": QT_TRANSLATE_NOOP("labels", "受理"),
    "refused": QT_TRANSLATE_NOOP("labels", "不予受理"),
    "escalated": QT_TRANSLATE_NOOP("labels", "上报区级"),
    "taken": QT_TRANSLATE_NOOP("labels", "区中心接件"),
    "assigned": QT_TRANSLATE_NOOP("labels", "指派代办员"),
    "proxy_step": QT_TRANSLATE_NOOP("labels", "代办进展"),
    "returned": QT_TRANSLATE_NOOP("labels", "退回补正"),
    "resubmitted": QT_TRANSLATE_NOOP("labels", "补正后重新上报"),
    "special_started": QT_TRANSLATE_NOOP("labels", "特别程序开始"),
    "special_ended": QT_TRANSLATE_NOOP("labels", "特别程序结束"),
    "approved": QT_TRANSLATE_NOOP("labels", "准予"),
    "denied": QT_TRANSLATE_NOOP("labels", "不予批准"),
    "completed": QT_TRANSLATE_NOOP("labels", "办结"),
    "rated": QT_TRANSLATE_NOOP("labels", "好差评"),
    "withdrawn": QT_TRANSLATE_NOOP("labels", "撤回"),
    "commented": QT_TRANSLATE_NOOP("labels", "留言"),
    "supplemented": QT_TRANSLATE_NOOP("labels", "补交容缺材料"),
}

OWNER_LABELS: dict[str, str] = {
    "station": QT_TRANSLATE_NOOP("labels", "站点"),
    "district": QT_TRANSLATE_NOOP("labels", "区中心"),
}

RATING_LABELS: dict[int, str] = {
    5: QT_TRANSLATE_NOOP("labels", "非常满意"),
    4: QT_TRANSLATE_NOOP("labels", "满意"),
    3: QT_TRANSLATE_NOOP("labels", "基本满意"),
    2: QT_TRANSLATE_NOOP("labels", "不满意"),
    1: QT_TRANSLATE_NOOP("labels", "非常不满意"),
}

LEVEL_LABELS: dict[str, str] = {
    "normal": QT_TRANSLATE_NOOP("labels", "正常"),
    "yellow": QT_TRANSLATE_NOOP("labels", "预警"),
    "red": QT_TRANSLATE_NOOP("labels", "超期"),
    "paused": QT_TRANSLATE_NOOP("labels", "计时暂停"),
}

ITEM_STATUS_LABELS: dict[str, str] = {
    "received": QT_TRANSLATE_NOOP("labels", "已收"),
    "on_file": QT_TRANSLATE_NOOP("labels", "证照库已核验"),
    "shared": QT_TRANSLATE_NOOP("labels", "共享数据获取"),
    "deferred": QT_TRANSLATE_NOOP("labels", "容缺后补"),
    "missing": QT_TRANSLATE_NOOP("labels", "缺"),
    "not_applicable": QT_TRANSLATE_NOOP("labels", "不适用"),
}

DOCUMENT_KINDS: dict[str, str] = {
    "notice": QT_TRANSLATE_NOOP("labels", "一次性告知单"),
    "receipt": QT_TRANSLATE_NOOP("labels", "受理回执"),
    "refusal": QT_TRANSLATE_NOOP("labels", "不予受理通知书"),
    "result": QT_TRANSLATE_NOOP("labels", "办结通知"),
}
