"""two counters acting on one case offline: conflicts kept, refused local steps superseded

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 19:40:00

When the district already holds another counter's step at a sequence number this PC also
used, this PC's refused steps stay in case_events (content and chain intact) marked
`superseded`, and the other counter's step takes that number. So (case_id, seq) is unique
only among live events (a partial index), and each such clash is a row of sync_conflicts
until the clerk redoes or discards the local steps.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

LIVE = sa.text("sync_state != 'superseded'")


def upgrade() -> None:
    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.drop_constraint("uq_event_case_seq", type_="unique")
    op.create_index("uq_event_case_seq_live", "case_events", ["case_id", "seq"], unique=True,
                    sqlite_where=LIVE)
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("case_no", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("local_event_ids", sa.JSON(), nullable=False),
        sa.Column("their_event_id", sa.String(length=36), nullable=False),
        sa.Column("refusal", sa.Text(), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=64), nullable=True),
        sa.Column("redo_event_ids", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_sync_conflicts_case_id", "sync_conflicts", ["case_id"])
    op.create_index("ix_sync_conflicts_state", "sync_conflicts", ["state"])


def downgrade() -> None:
    op.drop_index("ix_sync_conflicts_state", table_name="sync_conflicts")
    op.drop_index("ix_sync_conflicts_case_id", table_name="sync_conflicts")
    op.drop_table("sync_conflicts")
    op.drop_index("uq_event_case_seq_live", table_name="case_events")
    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.create_unique_constraint("uq_event_case_seq", ["case_id", "seq"])
