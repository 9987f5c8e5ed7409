"""the station's unacknowledged events kept in a narrow table of their own

Revision ID: 0011_sync_outbox
Revises: 0010_case_list_indexes
Create Date: 2026-12-05 17:40:00

Acknowledging a pushed event used to rewrite its ``case_events`` row (sync_state,
acked_at). Those rows are wide (the payload, ~5 KB, spills into overflow pages after
which the sync columns sit), so every acknowledgement rewrote the whole row: freed and
re-allocated overflow pages, each one encrypted and HMAC'd by SQLCipher (issue 19:
pushing 10,000 cases spent more on the acknowledgement writes than on anything else of
its own).

``sync_outbox`` holds one narrow row (pos, case_id) per station event the district has
not acknowledged; acknowledging an event deletes its row and leaves ``case_events``
alone. The rule, for every reader: an event is acknowledged when it has no row here
(district events never have one). ``case_events.sync_state`` still says pending,
rejected or superseded for an event in the outbox; for an acknowledged station event it
keeps the state it had before (the acknowledgement is the row's absence).

Triggers keep the outbox in step with every writer of ``case_events`` in the same
transaction: an inserted station event that is not already acknowledged gets its row,
and setting sync_state to 'acked' (as pulled or generated data does) removes it. No
other state change puts an event back: a state written to an acknowledged event's row
does not make the district forget it (the outbox's writers, sync.outbox and
clerk.cases.conflicts, change only events in the outbox). Deleting an event deletes
its row (foreign key, ON DELETE CASCADE).
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_sync_outbox"
down_revision = "0010_case_list_indexes"
branch_labels = None
depends_on = None

UNSYNCED = "origin = 'station' AND sync_state != 'acked'"


def upgrade() -> None:
    op.create_table(
        "sync_outbox",
        sa.Column("pos", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["pos"], ["case_events.pos"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("pos"),
    )
    op.create_index("ix_sync_outbox_case_id", "sync_outbox", ["case_id"], unique=False)
    op.execute(f"INSERT INTO sync_outbox (pos, case_id) SELECT pos, case_id FROM case_events "
               f"WHERE {UNSYNCED}")
    op.execute("CREATE TRIGGER tr_case_events_outbox_insert AFTER INSERT ON case_events "
               "WHEN NEW.origin = 'station' AND NEW.sync_state != 'acked' "
               "BEGIN INSERT INTO sync_outbox (pos, case_id) VALUES (NEW.pos, NEW.case_id); "
               "END")
    op.execute("CREATE TRIGGER tr_case_events_outbox_acked AFTER UPDATE OF sync_state ON "
               "case_events WHEN NEW.sync_state = 'acked' "
               "BEGIN DELETE FROM sync_outbox WHERE pos = NEW.pos; END")


def downgrade() -> None:
    # Write the acknowledgements back into the rows before the outbox goes.
    op.execute("UPDATE case_events SET sync_state = 'acked' WHERE origin = 'station' AND "
               "sync_state != 'acked' AND pos NOT IN (SELECT pos FROM sync_outbox)")
    for name in ("tr_case_events_outbox_acked", "tr_case_events_outbox_insert"):
        op.execute(f"DROP TRIGGER {name}")
    op.drop_index("ix_sync_outbox_case_id", table_name="sync_outbox")
    op.drop_table("sync_outbox")
