"""device_tokens.reads: the event forms each device says it reads

A station's events are pulled by every counter PC of the station, so an event may be
written in a newer form (clerk.cases.event_forms: slim checklist items) only once
every live device of the station reads it; software that predates a form would store it
as something else. Each device names the forms it reads at the who-am-I that starts
every round (`?reads=…`); the district keeps the last answer here (NULL: the device has
never said, as every device before this revision) and answers with what the district and
all of the station's live devices read.

Events already written in a newer form stay so after a downgrade: the district's case
rows are full projections and read as before; a device whose software predates the
form cannot apply such events when it pulls them (install the current workstation).

Revision ID: d0025
Revises: d0024
Create Date: 2026-12-07 07:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "d0025"
down_revision = "d0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("device_tokens", sa.Column("reads", sa.String(200), nullable=True))


def downgrade() -> None:
    op.drop_column("device_tokens", "reads")  # plain DROP COLUMN, as d0023
