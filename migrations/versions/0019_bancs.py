"""bancs : situation sur le marché du travail à l'entrée (donnée FSE+) sur la personne ; index des
pages mesurées à l'échelle fédération (issues #13, #14, #17)

Revision ID: 0019_bancs
Revises: 0019_agenda
Create Date: 2026-12-01 11:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0019_bancs"
down_revision = "0019_agenda"
branch_labels = None
depends_on = None


def upgrade():
    # add_column, no table copy: personne is the target of many foreign keys (SQLite downgrade).
    op.add_column("personne", sa.Column("situation_marche_travail", sa.String(length=30), nullable=False,
                                        server_default="inconnu"))
    op.create_index("ix_personne_referent_statut_structure", "personne", ["referent_id", "statut", "structure_id", "id"])


def downgrade():
    op.drop_index("ix_personne_referent_statut_structure", table_name="personne")
    op.drop_column("personne", "situation_marche_travail")
