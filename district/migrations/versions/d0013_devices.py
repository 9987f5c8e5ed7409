"""devices of a station: a name, a window number and the device key of each token

Revision ID: d0013
Revises: d0010
Create Date: 2026-12-04 17:30:00

Every existing live token becomes a device of its station, numbered in the order it was
enrolled ("1号窗口", "2号窗口", …), so enrolled stations keep syncing; revoked tokens
keep no number. Enrollment codes remember the device key that spent them (a retried
enrollment after a lost answer proves itself with it).
"""

import sqlalchemy as sa
from alembic import op

revision = "d0013"
down_revision = "d0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device_tokens") as batch:
        batch.add_column(sa.Column("device_name", sa.String(length=50), nullable=True))
        batch.add_column(sa.Column("device_no", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("key_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("code_hash", sa.String(length=64), nullable=True))
    with op.batch_alter_table("enrollment_codes") as batch:
        batch.add_column(sa.Column("key_hash", sa.String(length=64), nullable=True))
    with op.batch_alter_table("ledger") as batch:
        batch.add_column(sa.Column("device_no", sa.Integer(), nullable=True))
    conn = op.get_bind()
    tokens = sa.table("device_tokens", sa.column("token_hash", sa.String),
                      sa.column("station_code", sa.String), sa.column("created_at", sa.DateTime),
                      sa.column("revoked_at", sa.DateTime),
                      sa.column("device_name", sa.String), sa.column("device_no", sa.Integer))
    rows = conn.execute(sa.select(tokens.c.token_hash, tokens.c.station_code)
                        .where(tokens.c.revoked_at.is_(None))
                        .order_by(tokens.c.station_code, tokens.c.created_at,
                                  tokens.c.token_hash)).all()
    numbers: dict[str, int] = {}
    for token_hash, station in rows:
        n = numbers[station] = numbers.get(station, 0) + 1
        conn.execute(tokens.update().where(tokens.c.token_hash == token_hash)
                     .values(device_name=f"{n}号窗口", device_no=n))


def downgrade() -> None:
    with op.batch_alter_table("ledger") as batch:
        batch.drop_column("device_no")
    with op.batch_alter_table("enrollment_codes") as batch:
        batch.drop_column("key_hash")
    with op.batch_alter_table("device_tokens") as batch:
        batch.drop_column("code_hash")
        batch.drop_column("key_hash")
        batch.drop_column("device_no")
        batch.drop_column("device_name")
