"""Alembic environment: runs on the engine the Store hands over (no ini file)."""

from alembic import context
from sqlalchemy import Engine

from clerk.store.models import Base

engine = context.config.attributes["engine"]
assert isinstance(engine, Engine)

with engine.connect() as connection:
    # SQLite alters a table in batch mode by building a copy and dropping the original;
    # with foreign keys on, dropping a parent (applicants) would fail or cascade into its
    # children (cases). So the keys are off while the migrations run, as SQLite's own
    # "generalized ALTER TABLE" procedure asks, checked afterwards, and on again before
    # the connection returns to the pool. The PRAGMA goes to the driver directly: it is
    # a no-op inside a transaction, and SQLAlchemy would begin one first.
    raw = connection.connection.driver_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=True,  # SQLite needs batch mode to alter tables
        )
        with context.begin_transaction():
            context.run_migrations()
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:  # raising rolls the whole migration back: the old file stays whole
                raise RuntimeError(f"migration left {len(broken)} broken references "
                                   f"(first: table {broken[0][0]})")
        connection.commit()
    finally:
        raw.execute("PRAGMA foreign_keys=ON")
