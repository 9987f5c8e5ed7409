"""the case count kept apart, and an index for the case list's sync marks

Revision ID: 0009_case_tally
Revises: 0008_consultations
Create Date: 2026-12-05 12:10:00

The case list's first page (no filter) shows "共 N 件": counting 100,000 cases read
every page of an index (~850 pages), which on the encrypted store means decrypting and
authenticating each one before the first row shows (issue 14). The count is now kept
in ``case_tally`` (one row) by triggers on ``cases``, in the same transaction as the
insert or delete, so it cannot drift.

``ix_cases_list`` replaces ``ix_cases_updated_at``: the list's default order (newest
first, ties by case number) with every column a list row shows, so the first page reads
~15 index pages instead of one table page per row (~170).

Note for later migrations: a batch (copy-and-rename) rebuild of ``cases`` drops its
triggers; such a migration must create them again.

``ix_case_events_unsynced``: the list marks rows whose station events are not yet
acknowledged; a partial index of only those events, holding every column the query
reads, answers it without reading the events themselves.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_case_tally"
down_revision = "0008_consultations"
branch_labels = None
depends_on = None

# As clerk.store.models.LIST_INDEX_COLUMNS at this revision (a migration keeps its own copy).
LIST_COLUMNS = ("updated_at", "case_no", "id", "state", "matter_code", "matter_name",
                "applicant_name", "applicant_id_no", "received_at", "accepted_at",
                "due_date", "due_provisional", "limit_days", "rating", "owner")
UNSYNCED = "origin = 'station' AND sync_state != 'acked'"


def upgrade() -> None:
    op.create_table(
        "case_tally",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cases", sa.Integer(), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_case_tally_one_row"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute("INSERT INTO case_tally (id, cases) SELECT 1, count(*) FROM cases")
    op.execute("CREATE TRIGGER tr_cases_tally_insert AFTER INSERT ON cases "
               "BEGIN UPDATE case_tally SET cases = cases + 1 WHERE id = 1; END")
    op.execute("CREATE TRIGGER tr_cases_tally_delete AFTER DELETE ON cases "
               "BEGIN UPDATE case_tally SET cases = cases - 1 WHERE id = 1; END")
    op.drop_index("ix_cases_updated_at", table_name="cases")
    op.create_index("ix_cases_list", "cases", list(LIST_COLUMNS), unique=False)
    op.create_index("ix_case_events_unsynced", "case_events",
                    ["case_id", "sync_state", "origin"], unique=False,
                    sqlite_where=sa.text(UNSYNCED))


def downgrade() -> None:
    op.drop_index("ix_case_events_unsynced", table_name="case_events")
    op.drop_index("ix_cases_list", table_name="cases")
    op.create_index("ix_cases_updated_at", "cases", ["updated_at"], unique=False)
    op.execute("DROP TRIGGER tr_cases_tally_delete")
    op.execute("DROP TRIGGER tr_cases_tally_insert")
    op.drop_table("case_tally")
