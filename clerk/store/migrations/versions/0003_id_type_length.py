"""applicants.id_type holds the longer document type names

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 16:30:00

"foreign_permanent_resident" (26 characters) does not fit the 20 the column declared.
SQLite does not enforce the length, so existing rows are untouched; the declaration is
widened so the schema says what is stored.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("applicants", schema=None) as batch_op:
        batch_op.alter_column("id_type", existing_type=sa.String(length=20),
                              type_=sa.String(length=32), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("applicants", schema=None) as batch_op:
        batch_op.alter_column("id_type", existing_type=sa.String(length=32),
                              type_=sa.String(length=20), existing_nullable=False)
