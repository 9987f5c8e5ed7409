"""ix_cases_clock_unfilled: the rows whose supervision clock the columns do not give

The board and the red/yellow filters judge one by one the running cases whose clock_due
is empty (district.review.Judge.unclocked). clock_due is empty on every closed case as
well, so PostgreSQL expected a fifth of the table to match and read all of it (about
100 ms at 100,000 cases) to find the few that do. A partial index of the rows with a limit
and no clock_due answers by state at once. Its condition has no parameter in it, so it
serves prepared (generic) plans too.

Revision ID: d0021
Revises: d0020
Create Date: 2026-12-05 12:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "d0021"
down_revision = "d0020"
branch_labels = None
depends_on = None

_WHERE = "clock_due IS NULL AND limit_days IS NOT NULL"


def upgrade() -> None:
    op.create_index("ix_cases_clock_unfilled", "cases", ["state"], unique=False,
                    sqlite_where=sa.text(_WHERE), postgresql_where=sa.text(_WHERE))


def downgrade() -> None:
    op.drop_index("ix_cases_clock_unfilled", table_name="cases")
