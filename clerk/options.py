"""Every station setting, declared once: key, type, default and what it means.

Modelled on Picard's picard/options.py: the key and the default live here and nowhere
else, so the settings page, the printing command, the sync client and the window read
the same value. Values are stored as text in the station database (table ``settings``,
see clerk.settings); an :class:`Option` turns stored text into a typed value and back.

Standard library only: the window's first screen (clerk.store.peek) reads
``ui.last_user`` before SQLAlchemy is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from clerk.errors import QT_TRANSLATE_NOOP, ValidationError

T = TypeVar("T", str, int, float)

#: Every declared option by key (per-clerk options by their key template).
REGISTRY: dict[str, Option[str] | Option[int] | Option[float]] = {}


@dataclass(frozen=True)
class Option(Generic[T]):
    """One setting. ``choices`` or ``minimum``/``maximum`` bound what may be stored."""

    key: str
    type: type[T]
    default: T
    meaning: str
    choices: tuple[T, ...] = ()
    minimum: T | None = None
    maximum: T | None = None
    exclusive_minimum: bool = False  # e.g. a ratio that must be greater than 0

    def __post_init__(self) -> None:
        if self.key in REGISTRY:
            raise ValueError(f"option {self.key!r} declared twice")
        REGISTRY[self.key] = self

    def parse(self, text: str | None) -> T:
        """The stored text as a value; the default when absent, empty or unreadable.

        Reading is lenient (the station keeps working on an odd stored value); writing
        goes through :meth:`format`, which refuses bad values with a worded error.
        """
        if text is None or not text.strip():
            return self.default
        try:
            value = self.type(text.strip()) if self.type is not str else self.type(text)
        except ValueError:
            return self.default
        if self.choices and value not in self.choices:
            return self.default
        return value

    def format(self, value: T) -> str:
        """The text to store for ``value``, or ValidationError naming the setting."""
        if self.type is not str and isinstance(value, str):
            try:
                value = self.type(value.strip())
            except ValueError:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "设置“{key}”须为数字，现在是“{value}”。"),
                    code="setting.type", field=self.key,
                    params={"key": self.key, "value": value}) from None
        if self.choices and value not in self.choices:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "设置“{key}”须为 {items} 之一。"),
                code="setting.choice", field=self.key,
                params={"key": self.key, "items": "/".join(str(c) for c in self.choices)})
        if not self._in_range(value):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors",
                                  "设置“{key}”须在 {low} 与 {high} 之间，现在是 {value}。"),
                code="setting.range", field=self.key,
                params={"key": self.key, "low": self.minimum, "high": self.maximum,
                        "value": value})
        return str(value)

    def _in_range(self, value: T) -> bool:
        low, high = self.minimum, self.maximum
        if low is not None and (value < low or (self.exclusive_minimum and value == low)):
            return False
        return high is None or value <= high

    def for_clerk(self, username: str) -> Option[T]:
        """A per-clerk option's concrete key (``{user}`` in the declared key)."""
        return _Keyed(self.key.replace("{user}", username), self.type, self.default,
                      self.meaning, self.choices, self.minimum, self.maximum,
                      self.exclusive_minimum)


class _Keyed(Option[T]):
    """A per-clerk option with its key filled in: not registered (the template is)."""

    def __post_init__(self) -> None:
        pass


# --- printing ---------------------------------------------------------------------------
PRINT_COPIES = Option("print.copies", int, 2, "联数：告知单、受理单等一式几联（1 或 2）",
                      choices=(1, 2))
PRINT_FONT_PATH = Option("print.font_path", str, "", "中文字体文件（空：自动查找）")
PRINT_PRINTER = Option("print.printer", str, "", "默认打印机（空：系统默认）")

# --- the window -------------------------------------------------------------------------
IDLE_LOCK_MINUTES = Option("ui.idle_lock_minutes", int, 10,
                           "无操作多少分钟后锁屏（0：不锁屏）", minimum=0, maximum=240)
CUSTOMER_DISPLAY = Option("ui.customer_display", int, 1,
                          "面向申请人的显示屏（双屏：办理进度、一次性告知、评价）：1 开，0 关",
                          choices=(0, 1))
LAST_USER = Option("ui.last_user", str, "", "上次登录的账号（登录页预先选中）")
RECENT_MATTERS = Option("intake.recent.{user}", str, "[]",
                        "窗口人员最近办理的事项编码（JSON 列表，新的在前）")
INTAKE_DRAFT = Option("draft.intake.{user}", str, "",
                      "窗口人员未完成的收件草稿（JSON，见 clerk.drafts）")

# --- supervision ------------------------------------------------------------------------
YELLOW_RATIO = Option("supervision.yellow_ratio", float, 0.8,
                      "黄牌预警比例：用去时限的这一比例时预警（大于 0，不超过 1）",
                      minimum=0.0, maximum=1.0, exclusive_minimum=True)

# --- sync with the district -------------------------------------------------------------
RETENTION_DAYS = Option(
    "privacy.retention_days", int, 730,
    "个人信息保存期限（天）：办结超过此期限、且区中心已确认的案件，删除其中的个人信息"
    "（事项目录可为单个事项另定）", minimum=30, maximum=10_000)
SYNC_INTERVAL_MINUTES = Option("sync.interval_minutes", float, 5.0,
                               "后台同步间隔（分钟；0：不自动同步）", minimum=0.0)
SYNC_SERVER_URL = Option("sync.server_url", str, "", "区级服务地址（注册时写入）")
SYNC_CA_BUNDLE = Option("sync.ca_bundle", str, "", "区级服务的 CA 证书文件（注册时写入）")
SYNC_LAST_SUCCESS = Option("sync.last_success", str, "", "上次成功同步的时间（UTC ISO）")
SYNC_LAST_ATTEMPT = Option("sync.last_attempt", str, "", "上次尝试同步的时间（UTC ISO）")
SYNC_LAST_ERROR = Option("sync.last_error", str, "", "上次同步的错误（空：成功）")
SYNC_LAST_PROBLEMS = Option("sync.last_problems", str, "",
                            "上次同步完成时的问题（JSON；空：没有问题）")
SYNC_CLIENT_VERSION = Option("sync.client_version", str, "",
                             "区中心公布的工作台最新版本（空：未公布）")
SYNC_CLIENT_WHERE = Option("sync.client_where", str, "", "新版本的获取方式")
SYNC_EVENT_FORMS = Option(
    "sync.event_forms", str, "",
    "本站可写的精简事件写法（区中心和本站每台在用设备都能读的；每轮同步时告知，逗号分隔；"
    "空：只写完整写法）")
SYNC_DEVICE_NAME = Option("sync.device_name", str, "", "本机在区中心的设备名（如“2号窗口”）")
SYNC_DEVICE_SECRET = Option("sync.device_secret", str, "",
                            "本机登记用的随机密钥（丢失应答后凭它重试登记）")
SYNC_PROGRESS_URL = Option("sync.progress_url", str, "",
                           "办件进度查询页的地址（区中心在每轮同步时告知；空：回执不印二维码）")
SYNC_DEVICES = Option("sync.devices", str, "",
                      "本站在区中心登记的设备（JSON：名称、窗口号、最近联系；每轮同步更新）")
SYNC_CURSOR = Option("sync.cursor", int, 0, "已拉取到的区级变更位置")
SYNC_CATALOG_ETAG = Option("sync.catalog_etag", str, "", "已取得的事项目录版本（ETag）")
SYNC_CALENDAR_ETAG = Option("sync.calendar_etag", str, "", "已取得的工作日历版本（ETag）")
