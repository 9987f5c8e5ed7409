"""cases.next_promise: the earliest promise date of a 容缺后补 item still awaited

The supervision board counts materials promised at acceptance and not handed in by
their promise date. The column (kept by every push, NULL when nothing is awaited or the
case is past its decision) and its index let the board read only the cases with a
broken promise instead of every open case's checklist. Existing rows are filled from
their stored checklists.

Revision ID: d0007
Revises: d0005
Create Date: 2026-12-04 16:45:00
"""

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "d0007"
down_revision = "d0010"
branch_labels = None
depends_on = None

# clerk.cases.queries.OPEN_BEFORE_DECISION when this was written (a migration keeps
# its own copy: the code may change later, the data it migrated may not).
_OPEN = ("draft", "awaiting_supplement", "accepted", "escalated", "under_review", "returned")


def _earliest(checklist: object) -> str | None:
    if not isinstance(checklist, list):
        return None
    dates = [str(i["promise_date"]) for i in checklist
             if isinstance(i, dict) and i.get("status") == "deferred"
             and i.get("necessity") == "deferrable" and i.get("promise_date")]
    return min(dates) if dates else None


def upgrade() -> None:
    op.add_column("cases", sa.Column("next_promise", sa.Date(), nullable=True))
    op.create_index("ix_cases_next_promise", "cases", ["next_promise"], unique=False)
    cases = sa.table("cases", sa.column("id", sa.String), sa.column("state", sa.String),
                     sa.column("data", sa.JSON), sa.column("next_promise", sa.Date))
    bind = op.get_bind()
    rows = bind.execute(sa.select(cases.c.id, cases.c.data).where(cases.c.state.in_(_OPEN)))
    found = [{"_id": case_id, "day": date.fromisoformat(earliest)} for case_id, data in rows
             if (earliest := _earliest((data or {}).get("checklist"))) is not None]
    if found:
        bind.execute(sa.update(cases).where(cases.c.id == sa.bindparam("_id"))
                     .values(next_promise=sa.bindparam("day", type_=sa.Date)), found)


def downgrade() -> None:
    op.drop_index("ix_cases_next_promise", table_name="cases")
    op.drop_column("cases", "next_promise")
