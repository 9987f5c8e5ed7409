"""cases.clock_left / clock_due: the clock a returned case keeps, in the state index

Revision ID: 0012_case_clock
Revises: 0011_sync_outbox
Create Date: 2026-12-05 21:30:00

A returned case's clock stands still (DESIGN section 5), so its supervision level is
fixed by what it had left when it was returned (clerk.cases.supervision.PausedClock).
The red/yellow filters worked that out from the pauses in each returned case's data: at
100,000 cases about 600 rows of ~14 KB, each page decrypted, most of a filter's time at
its first use (issue 19). The row now keeps the clock (kept by every write of a case,
worked out for all in small steps once the first start after this upgrade is ready:
clerk.cases.clock; until the last step every returned case is judged from its data as
before), and ``ix_cases_state_list`` is made again with it, so the returned cases'
levels come from index pages alone. The settings rows naming the calendar the clocks
follow (and how far the steps got) go both ways, so that the clocks are worked out again
after any upgrade.

Plain ADD/DROP COLUMN: a batch rebuild would copy every ~14 KB row. The existing rows
do not store the new columns, so the index is built without reading their overflow
pages.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_case_clock"
down_revision = "0011_sync_outbox"
branch_labels = None
depends_on = None

_STATE_LIST = ["state", "updated_at", "due_date", "limit_days", "id"]
_FORGET_CLOCKS = ("DELETE FROM settings WHERE key IN "
                  "('supervision.clock', 'supervision.clock.settling')")


def upgrade() -> None:
    op.add_column("cases", sa.Column("clock_left", sa.Integer(), nullable=True))
    op.add_column("cases", sa.Column("clock_due", sa.Date(), nullable=True))
    op.drop_index("ix_cases_state_list", table_name="cases")
    op.create_index("ix_cases_state_list", "cases", [*_STATE_LIST, "clock_left", "clock_due"],
                    unique=False)
    op.execute(_FORGET_CLOCKS)


def downgrade() -> None:
    op.execute(_FORGET_CLOCKS)
    op.drop_index("ix_cases_state_list", table_name="cases")
    op.create_index("ix_cases_state_list", "cases", _STATE_LIST, unique=False)
    op.drop_column("cases", "clock_due")
    op.drop_column("cases", "clock_left")
