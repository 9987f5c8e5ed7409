"""The station's local store: SQLite via SQLAlchemy 2, migrated with Alembic."""

from clerk.store.db import DB_FILENAME, Store

__all__ = ["DB_FILENAME", "Store"]
