"""cases.clock_left: the working days a case had left when its open pause began

The board and the red/yellow filters judged every running case with an open pause (a
special procedure) one by one, from the pauses in its sealed data: at 100,000 cases
about 700 of them, most of the board's time. While a pause is open the case's clock
stands still, so the days it has left are fixed, and with them its level (yellow when
they are few, never red unless the pause began once the case was due: then its
clock_due says so). ix_cases_clock is made again with the column, so the board still
reads the index alone. The filters look for paused rows without it at every request: a
partial index of those (none once filled) answers at once. The column is filled after
the upgrade by `district.calendar.settle_clock` (CLOCK_RULE clock-2); until then a
paused row without it is judged one by one, as before.

Revision ID: d0023
Revises: d0021
Create Date: 2026-12-05 17:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "d0023"
down_revision = "d0021"
branch_labels = None
depends_on = None

_CLOCK = ["state", "clock_due", "limit_days", "clock_paused", "station_code", "matter_code",
          "due_date", "id"]


# Plain ADD/DROP COLUMN (as d0020): a batch rebuild of `cases` would drop a table that
# the ledger and follow-ups refer to.


def upgrade() -> None:
    op.add_column("cases", sa.Column("clock_left", sa.Integer(), nullable=True))
    op.drop_index("ix_cases_clock", table_name="cases")
    op.create_index("ix_cases_clock", "cases", [*_CLOCK, "clock_left"], unique=False)
    # Spelled as the queries spell it (district.review._UNSETTLED), so that the planners
    # see the query's condition implies the index's.
    op.create_index("ix_cases_clock_unsettled", "cases", ["state"], unique=False,
                    sqlite_where=sa.text("clock_paused IS 1 AND clock_left IS NULL"),
                    postgresql_where=sa.text("clock_paused IS true AND clock_left IS NULL"))


def downgrade() -> None:
    op.drop_index("ix_cases_clock_unsettled", table_name="cases")
    op.drop_index("ix_cases_clock", table_name="cases")
    op.create_index("ix_cases_clock", "cases", _CLOCK, unique=False)
    op.drop_column("cases", "clock_left")
