"""drop indexes that a composite index already covers

Every index is written on every insert. Three duplicated the leading columns of
another index: ledger.case_id (uq_ledger_case_seq starts with case_id), cases.state
(ix_cases_state_due starts with state) and cases.updated_at (ix_cases_updated_id starts
with updated_at). The ledger one mattered most: its keys are case ids, so each push
rewrote pages all over it.

Revision ID: d0003
Revises: d0002
Create Date: 2026-11-26 09:00:00
"""

from alembic import op

revision = "d0003"
down_revision = "d0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_ledger_case_id", table_name="ledger")
    op.drop_index("ix_cases_state", table_name="cases")
    op.drop_index("ix_cases_updated_at", table_name="cases")


def downgrade() -> None:
    op.create_index("ix_cases_updated_at", "cases", ["updated_at"], unique=False)
    op.create_index("ix_cases_state", "cases", ["state"], unique=False)
    op.create_index("ix_ledger_case_id", "ledger", ["case_id"], unique=False)
