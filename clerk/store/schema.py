"""Schema versions: Alembic migrations applied at open, and the refusals around them.

One gate serves the station's database and the district's: a database written by a
newer version is refused untouched, a database some other program made is refused, an
older one is migrated (or, when migrating is not allowed here, refused with what to
run). The head revision is a constant so that opening an up-to-date database costs one
query; Alembic (slow to import) is loaded only when a migration is actually needed.
tests/clerk/test_store.py and tests/district check the constants against the scripts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from clerk.errors import QT_TRANSLATE_NOOP, StoreError
from clerk.store.layout import HEAD_REVISION, KNOWN_REVISIONS

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


@dataclass(frozen=True)
class SchemaGate:
    head: str
    known: tuple[str, ...]
    migrations_dir: Path
    product: str  # how the refusals name the program, e.g. "StationDesk"
    migrate_hint: str = ""  # what to run when this program may not migrate

    def current_revision(self, engine: Engine) -> str | None:
        with engine.connect() as conn:
            insp = inspect(conn)
            if not insp.has_table("alembic_version"):
                if insp.get_table_names():
                    raise StoreError(
                        QT_TRANSLATE_NOOP("errors", "这个数据库不是由 {product} 创建的（没有版本"
                                                    "信息）。请换一个数据目录或空数据库。"),
                        code="store.foreign", params={"product": self.product})
                return None
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
            return row[0] if row else None

    def check_and_upgrade(self, engine: Engine, *, migrate: bool = True) -> None:
        rev = self.current_revision(engine)
        if rev == self.head:
            return
        if rev is not None and rev not in self.known:
            raise StoreError(
                QT_TRANSLATE_NOOP("errors", "数据库版本 {rev} 来自更新版本的 {product}，"
                                            "本程序无法安全使用它。请升级 {product2} 后再打开，"
                                            "数据未被改动。"),
                code="store.newer",
                params={"rev": rev, "product": self.product, "product2": self.product})
        if not migrate:
            if not self.migrate_hint:
                return
            raise StoreError(
                QT_TRANSLATE_NOOP("errors", "数据库版本为 {revision}，需要 {head}；{migrate_hint}"),
                code="store.outdated",
                params={"revision": rev or "（空）", "head": self.head,
                        "migrate_hint": self.migrate_hint})
        self.upgrade(engine)

    def upgrade(self, engine: Engine, revision: str = "head") -> None:
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(self.migrations_dir))
        cfg.attributes["engine"] = engine
        command.upgrade(cfg, revision)


STATION = SchemaGate(HEAD_REVISION, KNOWN_REVISIONS, MIGRATIONS_DIR, "StationDesk")


def current_revision(engine: Engine) -> str | None:
    return STATION.current_revision(engine)


def check_and_upgrade(engine: Engine, *, migrate: bool = True) -> None:
    STATION.check_and_upgrade(engine, migrate=migrate)
