"""Alembic environment: runs on the engine the Store hands over (no ini file)."""

from alembic import context
from sqlalchemy import Engine

from clerk.store.models import Base

engine = context.config.attributes["engine"]
assert isinstance(engine, Engine)

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite needs batch mode to alter tables
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
