"""postgresql: compress the large columns with lz4 instead of pglz

Case creations carry the matter snapshot and checklist: ledger payloads and case
projections of 2-8 KB, which PostgreSQL compresses before storing (TOAST). Its default
method, pglz, cost about a third of the database server's CPU in a push; lz4 (PostgreSQL
14 and later, when built with it) compresses as well for this JSON at a fraction of the
cost: 59-62 -> 41 us of PostgreSQL CPU per pushed event (bench, 1 worker). Rows written
before the change stay as they are. Other databases: nothing to do.

Revision ID: d0004
Revises: d0003
Create Date: 2026-11-26 10:00:00
"""

from alembic import op

revision = "d0004"
down_revision = "d0003"
branch_labels = None
depends_on = None

_COLUMNS = (("ledger", "payload"), ("cases", "data"))


def _set(method: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql" or (bind.dialect.server_version_info or (0,)) < (14,):
        return
    for table, column in _COLUMNS:
        # A server built without lz4 refuses it; it then keeps its default, quietly.
        op.execute(f"""
            DO $$ BEGIN
                ALTER TABLE {table} ALTER COLUMN {column} SET COMPRESSION {method};
            EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL;
            END $$""")


def upgrade() -> None:
    _set("lz4")


def downgrade() -> None:
    _set("default")
