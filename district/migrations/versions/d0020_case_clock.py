"""cases.limit_days, clock_due, clock_paused: what supervision needs, on the case row

The supervision board and the reviewer queue's red/yellow filters judged every
supervised case in Python (650 ms at 100,000 cases). With the limit, the due date by the
district's published calendar and an open-pause flag on the row (and ix_cases_clock),
both are SQL. The board's count of flagged notices gets a partial index of its own
(it scanned the table). The columns are filled after the upgrade by
`district.calendar.settle_clock`, which needs the calendar and the sealed case data (a
migration keeps to the schema): until then a row with no clock_due is judged one by one,
as before.

Revision ID: d0020
Revises: d0019
Create Date: 2026-12-05 07:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "d0020"
down_revision = "d0019"
branch_labels = None
depends_on = None


# Plain ADD/DROP COLUMN (as d0007 and d0018): a batch rebuild of `cases` would drop a
# table that the ledger and follow-ups refer to.


def upgrade() -> None:
    op.add_column("cases", sa.Column("limit_days", sa.Integer(), nullable=True))
    op.add_column("cases", sa.Column("clock_due", sa.Date(), nullable=True))
    op.add_column("cases", sa.Column("clock_paused", sa.Boolean(), nullable=False,
                                     server_default=sa.false()))
    op.create_index("ix_cases_clock", "cases",
                    ["state", "clock_due", "limit_days", "clock_paused", "station_code",
                     "matter_code", "due_date", "id"], unique=False)
    op.create_index("ix_cases_flagged", "cases", ["flagged"], unique=False,
                    sqlite_where=sa.text("flagged = 1"),
                    postgresql_where=sa.text("flagged = true"))


def downgrade() -> None:
    op.drop_index("ix_cases_flagged", table_name="cases")
    op.drop_index("ix_cases_clock", table_name="cases")
    op.drop_column("cases", "clock_paused")
    op.drop_column("cases", "clock_due")
    op.drop_column("cases", "limit_days")
