"""every counter of a station reads the station's feed: devices' last contact, a pull index

Revision ID: d0015
Revises: d0014
Create Date: 2026-12-04 19:30:00

The pull now hands a device the events of its station's other devices too, so it reads
the station's log by position regardless of origin (ix_ledger_station_pos). A device's
last contact (its who-am-I at the start of each round) is shown on the station's 同步 page.
"""

import sqlalchemy as sa
from alembic import op

revision = "d0015"
down_revision = "d0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device_tokens", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_seen_at", sa.DateTime(), nullable=True))
    op.create_index("ix_ledger_station_pos", "ledger", ["station_code", "pos"])


def downgrade() -> None:
    op.drop_index("ix_ledger_station_pos", table_name="ledger")
    with op.batch_alter_table("device_tokens", schema=None) as batch_op:
        batch_op.drop_column("last_seen_at")
