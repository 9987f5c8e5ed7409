"""ix_cases_provisional: the few cases whose due date is provisional, by id

Revision ID: 0013_provisional_index
Revises: 0012_case_clock
Create Date: 2026-12-06 11:00:00

A provisional due date (a year without official calendar data) is recomputed when a
year is published (clerk.cases.due.refresh) and, once after an upgrade that changed the
rule, in steps while the lists judge the cases not reached yet by the date in force
(clerk.cases.due.unsettled_dues, clerk.cases.queries.held_dues). Both looked for those
cases through an index of every case: at 100,000 cases (~1,700 provisional) a pass over
ix_cases_list decrypted ~100 ms of index pages, and held_dues made that pass for every
page and filter of the case list while the rule settled (130-450 ms a filter instead of
35-75), and a published year read every open case's ~14 KB row to find the provisional
ones. This partial index holds only the provisional cases, with the columns those
queries read: the same pass is ~1 ms.

Built at the upgrade from the rows' first pages (the columns precede the data): ~0.7 s
once at 100,000 cases on the benchmark machine.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_provisional_index"
down_revision = "0012_case_clock"
branch_labels = None
depends_on = None

PROVISIONAL_WHERE = "due_provisional = 1"  # clerk.store.models.PROVISIONAL_WHERE when written


def upgrade() -> None:
    op.create_index("ix_cases_provisional", "cases", ["id", "updated_at", "state"],
                    unique=False, sqlite_where=sa.text(PROVISIONAL_WHERE))


def downgrade() -> None:
    op.drop_index("ix_cases_provisional", table_name="cases")
