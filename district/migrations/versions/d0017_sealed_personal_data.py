"""applicants' ID numbers and phones sealed at column level, with a keyed lookup hash

Ledger payloads are sealed as a whole and the ID numbers and phones inside case
projections field by field (district.crypto), with the key of the server's
configuration; cases get `applicant_id_hash` (HMAC-SHA256) for exact lookup. Existing
rows are sealed in batches (district.sealing); a database with rows needs the key
configured (STATIONDESK_DISTRICT_KEY), an empty one does not.

Revision ID: d0017
Revises: d0015
Create Date: 2026-12-04 19:30:00
"""

import sqlalchemy as sa
from alembic import op

from district import sealing

revision = "d0017"
down_revision = "d0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    ring = sealing.ring_if_needed(op.get_bind())  # no key, no change at all
    op.add_column("cases", sa.Column("applicant_id_hash", sa.String(length=64), nullable=True))
    op.create_index("ix_cases_applicant_id_hash", "cases", ["applicant_id_hash"])
    sealing.reseal_all(op.get_bind(), ring)


def downgrade() -> None:
    # Sealed values stay sealed: a downgrade would hand plaintext to an older service
    # that no longer needs the key, which is not a step to take silently.
    op.drop_index("ix_cases_applicant_id_hash", table_name="cases")
    op.drop_column("cases", "applicant_id_hash")
