"""users.must_change_password: a one-time password set by an admin must be replaced

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-04 19:20:00

When an admin resets a clerk's password the clerk receives a one-time password; the flag
keeps the work area closed at the next sign-in until the clerk has chosen a new one.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("must_change_password", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("must_change_password")
