"""Accueil : « la commande rejoint-elle la demande » devient facultative (NULL = non
renseignée) ; plus rien n'est enregistré que personne n'a choisi (issue #10, point 13).
Les partenaires passent au module territoire sans changement de table.

Revision ID: 0013_territoire
Revises: 0010_soumissions
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_territoire"
down_revision = "0012_brouillons"
branch_labels = None
depends_on = None

_CONCORDANCE = sa.Enum("sans_commande", "concordante", "partielle", "divergente", name="concordance",
                       native_enum=False, length=30)


def upgrade() -> None:
    with op.batch_alter_table("accueil", schema=None) as batch_op:
        batch_op.alter_column("concordance", existing_type=_CONCORDANCE, nullable=True)


def downgrade() -> None:
    # A NULL (not assessed) goes back to the old default before the column is NOT NULL again.
    op.execute("UPDATE accueil SET concordance = 'sans_commande' WHERE concordance IS NULL")
    with op.batch_alter_table("accueil", schema=None) as batch_op:
        batch_op.alter_column("concordance", existing_type=_CONCORDANCE, nullable=False)
