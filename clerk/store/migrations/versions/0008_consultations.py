"""consultations (咨询登记) and whether a document was printed or saved as PDF

Revision ID: 0008_consultations
Revises: 0007
Create Date: 2026-12-05 07:10:00

* ``consultations``: a citizen who only asks about a matter (the 办事指南 printed for
  them, or the question noted): matter, time, clerk, an optional note. No personal data.
  They stay at the station (not synced) and count in the station's reports.
* ``print_log.output``: 'printed' (paper) or 'saved' (a PDF file). Rows written before
  this revision were logged by the old "print" path and keep 'printed'.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_consultations"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consultations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("matter_code", sa.String(length=64), nullable=False),
        sa.Column("matter_name", sa.String(length=200), nullable=False),
        sa.Column("clerk", sa.String(length=32), nullable=False),
        sa.Column("consulted_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("guide", sa.String(length=8), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.create_index("ix_consultations_consulted_at", ["consulted_at"], unique=False)
    # ADD COLUMN with a constant default: no table rebuild, instant on a large log.
    op.add_column("print_log", sa.Column("output", sa.String(length=8), nullable=False,
                                         server_default="printed"))


def downgrade() -> None:
    with op.batch_alter_table("print_log", schema=None) as batch_op:
        batch_op.drop_column("output")
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.drop_index("ix_consultations_consulted_at")
    op.drop_table("consultations")
