"""covering indexes for the case list's filters (the list reads index pages, not rows)

Revision ID: 0010_case_list_indexes
Revises: 0009_case_tally
Create Date: 2026-12-05 12:30:00

A case row is ~14 KB (its ``data`` JSON), so every row the list touches is its own
table page, and in the SQLCipher store (issue 14) every page read is decrypted and
HMAC-checked: a filter that looked at a few thousand rows to sort them went from a
memcpy per row to ~30 µs per row. With these indexes a filter's count and the choice of
a page's rows read index pages only (a few hundred rows per page), and only the page's
200 rows are read from the table (clerk.cases.queries):

* ``ix_cases_state_list``: the state filter and the supervision (red/yellow) filter —
  state, then the columns the supervision level and the default sort read;
* ``ix_cases_applicant_list``: the name search (applicant ids) by last change;
* ``ix_cases_case_no_list``: the case-number prefix search by last change;
* ``ix_applicants_name`` gains the id: the name search's applicant ids come from the
  index, not from each applicant's row.

(The sync marks' partial index ``ix_case_events_unsynced`` came with 0009.)
"""

from alembic import op

revision = "0010_case_list_indexes"
down_revision = "0009_case_tally"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_cases_state_list": ["state", "updated_at", "due_date", "limit_days", "id"],
    "ix_cases_applicant_list": ["applicant_id", "updated_at"],
    "ix_cases_case_no_list": ["case_no", "updated_at"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "cases", columns, unique=False)
    op.drop_index("ix_applicants_name", table_name="applicants")
    op.create_index("ix_applicants_name", "applicants", ["name", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_applicants_name", table_name="applicants")
    op.create_index("ix_applicants_name", "applicants", ["name"], unique=False)
    for name in INDEXES:
        op.drop_index(name, table_name="cases")
