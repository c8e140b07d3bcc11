"""pseudo : les preuves des entretiens de projet étiquetées comme telles (issue #16, « Also fix »)

Avant, un entretien de type « projet » était enregistré comme preuve de type « entretien » (avec les
compétences de la règle « entretien_projet ») : la page « Mes compétences » l'affichait comme un
« entretien de suivi ». Les étiquettes existantes passent au type « entretien_projet ». Données
seulement, pas de schéma.

Revision ID: 0018_pseudo
Revises: 0017_integration
Create Date: 2026-12-01 07:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0018_pseudo'
down_revision = "0018_dossier"
branch_labels = None
depends_on = None


def reetiqueter(bind, de: str, vers: str) -> int:
    """The tags of projet entretiens go from type `de` to type `vers`; returns how many."""
    resultat = bind.execute(sa.text(
        "UPDATE preuve_competence SET objet_type = :vers "
        "WHERE objet_type = :de AND objet_id IN (SELECT id FROM entretien WHERE type_entretien = 'projet')"),
        {"de": de, "vers": vers})
    return resultat.rowcount


def upgrade():
    reetiqueter(op.get_bind(), "entretien", "entretien_projet")


def downgrade():
    reetiqueter(op.get_bind(), "entretien_projet", "entretien")
