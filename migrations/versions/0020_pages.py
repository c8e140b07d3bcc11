"""pages : l'index de couverture des preuves de compétences porte aussi la structure, pour que les pages
« Mes compétences », la fiche d'une compétence et la préparation du dossier lisent les preuves d'un·e
candidat·e sans croiser l'index de la structure (issue #17, bench/pages.py)

Revision ID: 0020_pages
Revises: 0019_droits
Create Date: 2026-12-01 14:00:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0020_pages'
down_revision = '0019_droits'
branch_labels = None
depends_on = None


def upgrade():
    # Every query on preuve_competence also says structure_id (the structure filter of core.db): with
    # (utilisateur_id, competence_code, date_activite) PostgreSQL ANDed that index with the structure's
    # (230 000 entries at federation scale, 20 to 35 ms a query); structure_id in this one makes it exact.
    op.drop_index("ix_preuve_competence_couverture", table_name="preuve_competence")
    op.create_index("ix_preuve_competence_couverture", "preuve_competence",
                    ["utilisateur_id", "competence_code", "structure_id", "date_activite"])


def downgrade():
    op.drop_index("ix_preuve_competence_couverture", table_name="preuve_competence")
    op.create_index("ix_preuve_competence_couverture", "preuve_competence",
                    ["utilisateur_id", "competence_code", "date_activite"])
