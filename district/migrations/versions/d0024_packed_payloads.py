"""sealed values may be packed: ledger payloads compressed with LZ4 before sealing (enc2)

No table changes: from this revision on the service seals a long value (a ledger payload,
a long form text) packed, spelled `enc2:` (district.crypto), and reads both spellings.
The revision exists so that code older than it, which reads only `enc1:`, refuses the
database instead of reporting its packed values as damaged. Values stored before stay as
they are (`admin rotate-key` packs them as it seals them again). The downgrade seals every
packed value again unpacked, under the current key (a database with rows needs it).

Revision ID: d0024
Revises: d0023
Create Date: 2026-12-06 21:00:00
"""

from alembic import op

from district import sealing

revision = "d0024"
down_revision = "d0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    bind = op.get_bind()
    sealing.unpack_all(bind, sealing.ring_if_needed(bind))
