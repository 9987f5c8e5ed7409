"""Schema versions: Alembic migrations, applied at open, and the newer-database refusal.

The head revision is a constant (clerk/store/layout.py) so that opening an up-to-date
database costs one query; Alembic (slow to import) is loaded only when a migration is
actually needed. tests/clerk/test_store.py checks the constant against the scripts.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect, text

from clerk.errors import StoreError
from clerk.store.layout import HEAD_REVISION, KNOWN_REVISIONS

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            tables = inspect(conn).get_table_names()
            if tables:
                raise StoreError(
                    "这个数据库不是由 StationDesk 创建的（没有版本信息）。请换一个数据目录。",
                    code="store.foreign",
                )
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def check_and_upgrade(engine: Engine, *, migrate: bool = True) -> None:
    rev = current_revision(engine)
    if rev == HEAD_REVISION:
        return
    if rev is not None and rev not in KNOWN_REVISIONS:
        raise StoreError(
            f"数据库版本 {rev} 来自更新版本的 StationDesk，本程序无法安全使用它。"
            "请升级 StationDesk 后再打开，数据未被改动。",
            code="store.newer",
        )
    if migrate:
        upgrade(engine)


def alembic_config(engine: Engine) -> object:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)  # type: ignore[arg-type]
