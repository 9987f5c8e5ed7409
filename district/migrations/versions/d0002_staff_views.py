"""district staff views: station contact times, rating follow-ups, queue and report indexes

Revision ID: d0002
Revises: d0001
Create Date: 2026-11-26 05:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "d0002"
down_revision = "d0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "station_contacts",
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("last_push_at", sa.DateTime(), nullable=True),
        sa.Column("last_pull_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["station_code"], ["stations.code"]),
        sa.PrimaryKeyConstraint("station_code"),
    )
    op.create_table(
        "rating_followups",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=50), nullable=False),
        sa.Column("rectification", sa.Text(), nullable=False),
        sa.Column("call_record", sa.Text(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("updated_by", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"]),
        sa.PrimaryKeyConstraint("case_id"),
    )
    op.create_index("ix_cases_state_due", "cases",
                    ["state", "due_date", "id", "accepted_at", "station_code", "matter_code"],
                    unique=False)
    op.create_index("ix_cases_matter", "cases", ["matter_code", "matter_name"], unique=False)
    op.create_index("ix_cases_updated_id", "cases", ["updated_at", "id"], unique=False)
    op.create_index("ix_cases_rating", "cases", ["rating"], unique=False)
    op.create_index("ix_cases_accepted_at", "cases", ["accepted_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_cases_accepted_at", table_name="cases")
    op.drop_index("ix_cases_rating", table_name="cases")
    op.drop_index("ix_cases_updated_id", table_name="cases")
    op.drop_index("ix_cases_matter", table_name="cases")
    op.drop_index("ix_cases_state_due", table_name="cases")
    op.drop_table("rating_followups")
    op.drop_table("station_contacts")
