"""The migrations describe exactly the models: no table, column or index
missing from migrations/ (build the schema from migrations, never create_all)."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from cipdesk.core.db import Base, db


def test_migrations_a_jour_des_modeles(app):
    with app.app_context(), db.engine.connect() as conn:
        contexte = MigrationContext.configure(conn, opts={"compare_type": False})
        ecarts = compare_metadata(contexte, Base.metadata)
    assert ecarts == [], f"Migration manquante pour : {ecarts}"
