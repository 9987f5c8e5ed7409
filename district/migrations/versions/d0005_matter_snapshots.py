"""matter snapshots stored once, not inside every case projection

A case projection carried the matter snapshot of its creation (4 KB of its 7.5 KB):
the same few matters copied into every case row, written again at every update. They
now live in matter_snapshots, keyed by the sha256 of their canonical JSON; a case row
names its snapshot in matter_ref. Rows written before keep theirs inline (no ref) until
their next update moves it out.

Revision ID: d0005
Revises: d0004
Create Date: 2026-11-26 11:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "d0005"
down_revision = "d0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "matter_snapshots",
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("ref"),
    )
    op.add_column("cases", sa.Column("matter_ref", sa.String(length=64), nullable=True))


def downgrade() -> None:
    # Put every snapshot back inline first, so no case loses its matter.
    cases = sa.table("cases", sa.column("id", sa.String), sa.column("data", sa.JSON),
                     sa.column("matter_ref", sa.String))
    snaps = sa.table("matter_snapshots", sa.column("ref", sa.String), sa.column("data", sa.JSON))
    bind = op.get_bind()
    known = {ref: data for ref, data in bind.execute(sa.select(snaps.c.ref, snaps.c.data))}
    rows = bind.execute(sa.select(cases.c.id, cases.c.data, cases.c.matter_ref)
                        .where(cases.c.matter_ref.is_not(None))).all()
    for case_id, data, ref in rows:
        bind.execute(sa.update(cases).where(cases.c.id == case_id)
                     .values(data={**data, "matter": known[ref]}))
    op.drop_column("cases", "matter_ref")  # SQLite 3.35+ drops a column in place
    op.drop_table("matter_snapshots")
