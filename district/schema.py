"""Schema versions of the district database: migrations at start, newer databases refused.

The gate itself is the station's (clerk.store.schema.SchemaGate); tests/district check
the head constant against the scripts.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from clerk.store.schema import SchemaGate

HEAD_REVISION = "d0025"
KNOWN_REVISIONS = ("d0001", "d0002", "d0003", "d0004", "d0005", "d0010", "d0007", "d0013",
                   "d0014", "d0015", "d0017", "d0018", "d0019", "d0020",
                   "d0021", "d0023", "d0024", "d0025")
MIGRATIONS_DIR = Path(__file__).with_name("migrations")

DISTRICT = SchemaGate(
    HEAD_REVISION, KNOWN_REVISIONS, MIGRATIONS_DIR, "StationDesk 区中心服务",
    migrate_hint="请先运行一次 `python -m district serve`（它会先迁移数据库）。")


def current_revision(engine: Engine) -> str | None:
    return DISTRICT.current_revision(engine)


def check_and_upgrade(engine: Engine, *, migrate: bool = True) -> None:
    DISTRICT.check_and_upgrade(engine, migrate=migrate)


def upgrade(engine: Engine, revision: str = "head") -> None:
    DISTRICT.upgrade(engine, revision)
