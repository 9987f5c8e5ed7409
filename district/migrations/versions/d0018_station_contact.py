"""where citizens collect their results: a station's address and phone (progress page)

Revision ID: d0018
Revises: d0017
Create Date: 2026-12-04 19:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "d0018"
down_revision = "d0017"
branch_labels = None
depends_on = None


# Plain ADD/DROP COLUMN (as d0007): a batch rebuild of `stations` would drop a table that
# cases, devices and codes refer to, which SQLite refuses with its foreign keys on.


def upgrade() -> None:
    op.add_column("stations", sa.Column("address", sa.String(length=200), nullable=True))
    op.add_column("stations", sa.Column("phone", sa.String(length=40), nullable=True))


def downgrade() -> None:
    op.drop_column("stations", "phone")
    op.drop_column("stations", "address")
