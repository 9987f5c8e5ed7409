"""Reading and writing the declared settings (clerk.options) in the station database.

`Settings` (``ws.settings``) owns its transactions; `read` and `write` are for code that
already holds a session (the sync client writes its status with the data it concerns).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import delete
from sqlalchemy.orm import Session

from clerk.options import Option
from clerk.store.models import Setting

if TYPE_CHECKING:
    from clerk.store import Store

T = TypeVar("T", str, int, float)


def read_text(s: Session, key: str) -> str | None:
    row = s.get(Setting, key)
    return row.value if row is not None else None


def write_text(s: Session, key: str, text: str) -> None:
    """Remember ``text`` under ``key`` in the caller's write transaction."""
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=text))
    else:
        row.value = text
    s.flush()


def forget_text(s: Session, key: str) -> None:
    """Remove the stored value of ``key`` in the caller's write transaction."""
    s.execute(delete(Setting).where(Setting.key == key))


def read(s: Session, option: Option[T]) -> T:
    return option.parse(read_text(s, option.key))


def write(s: Session, option: Option[T], value: T) -> None:
    """Store a value after checking it against its declaration (ValidationError if not)."""
    write_text(s, option.key, option.format(value))


class Settings:
    """The station's settings, each read or written in a transaction of its own."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, option: Option[T]) -> T:
        with self._store.read() as s:
            return read(s, option)

    def set(self, option: Option[T], value: T) -> None:
        with self._store.write() as s:
            write(s, option, value)

    def set_many(self, values: Mapping[Option[Any], Any]) -> None:
        """Several settings in one transaction: all are checked before any is stored."""
        texts = {opt.key: opt.format(value) for opt, value in values.items()}
        with self._store.write() as s:
            for key, text in texts.items():
                write_text(s, key, text)

    def forget(self, option: Option[T]) -> None:
        """Remove the stored value: the option reads as its default again."""
        with self._store.write() as s:
            forget_text(s, option.key)

    # Undeclared keys, for the Workspace's older setting()/set_setting().
    def get_text(self, key: str, default: str = "") -> str:
        with self._store.read() as s:
            text = read_text(s, key)
            return default if text is None else text

    def set_text(self, key: str, text: str) -> None:
        with self._store.write() as s:
            write_text(s, key, text)
