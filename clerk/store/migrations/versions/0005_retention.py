"""retention: anonymised cases, redacted events and remarks, a log of runs

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 19:40:00

Nullable columns only (ALTER TABLE ADD COLUMN: no table rebuild, instant on a large store).
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("anonymised_at", sa.DateTime(), nullable=True))
    op.add_column("case_events", sa.Column("redacted_at", sa.DateTime(), nullable=True))
    op.add_column("case_notes", sa.Column("redacted_at", sa.DateTime(), nullable=True))
    op.create_table(
        "retention_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("ran_at", sa.DateTime(), nullable=False),
        sa.Column("cases", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Integer(), nullable=False),
        sa.Column("applicants", sa.Integer(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("scans", sa.Integer(), nullable=False),
        sa.Column("held", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("retention_runs")
    for table, column in (("case_notes", "redacted_at"), ("case_events", "redacted_at"),
                          ("cases", "anonymised_at")):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column(column)
