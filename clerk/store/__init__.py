"""The station's local store: SQLite via SQLAlchemy 2, migrated with Alembic.

`Store` is loaded on first use, so importing the package (for DB_FILENAME, say) does not
import SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clerk.store.layout import DB_FILENAME

if TYPE_CHECKING:
    from clerk.store.db import Store

__all__ = ["DB_FILENAME", "Store"]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from clerk.store.db import Store

        return Store
    raise AttributeError(f"module 'clerk.store' has no attribute {name!r}")
