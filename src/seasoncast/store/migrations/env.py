"""Alembic environment: run migrations on the connection the store hands over."""

from alembic import context

from seasoncast.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # `alembic` CLI use: connect to the configured URL
    from sqlalchemy import create_engine

    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=metadata,
                          render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
