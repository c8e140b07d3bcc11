"""entretien : index (conseiller, date) pour compter les entretiens d'une semaine par conseiller·ère
(charge de l'équipe, Ma pratique ; tableau de bord) sans parcourir les entretiens de la structure

Revision ID: 0021_entretien_semaine
Revises: 0020_pages
Create Date: 2026-12-01 14:45:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0021_entretien_semaine'
down_revision = '0020_pages'
branch_labels = None
depends_on = None


def upgrade():
    # At federation scale (980 000 entretiens) the week's count per conseiller of a team was a
    # parallel scan of the whole table (0,2 to 0,6 s); with this index it reads the week's rows only.
    op.create_index("ix_entretien_conseiller_le", "entretien", ["conseiller_id", "le"])


def downgrade():
    op.drop_index("ix_entretien_conseiller_le", table_name="entretien")
