"""Schema versions of the district database: migrations at start, newer databases refused.

As on the station, the head revision is a constant so that an up-to-date database costs
one query; tests/district check it against the scripts.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect, text

from clerk.errors import StoreError

HEAD_REVISION = "d0002"
KNOWN_REVISIONS = ("d0001", "d0002")
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        insp = inspect(conn)
        if not insp.has_table("alembic_version"):
            if insp.get_table_names():
                raise StoreError(
                    "这个数据库不是由 StationDesk 区中心服务创建的（没有版本信息），"
                    "请换一个空数据库。", code="store.foreign")
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def check_and_upgrade(engine: Engine, *, migrate: bool = True) -> None:
    rev = current_revision(engine)
    if rev == HEAD_REVISION:
        return
    if rev is not None and rev not in KNOWN_REVISIONS:
        raise StoreError(
            f"数据库版本 {rev} 来自更新版本的区中心服务，本程序无法安全使用它；"
            "请升级后再启动，数据未被改动。", code="store.newer")
    if not migrate:
        raise StoreError(
            f"数据库版本为 {rev or '（空）'}，需要 {HEAD_REVISION}；请先运行一次 "
            "`python -m district serve`（它会先迁移数据库）。", code="store.outdated")
    upgrade(engine)


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    command.upgrade(cfg, revision)
