"""index des entretiens par conseiller (préparation du dossier, parties 2 et 3)

Revision ID: 0006_index_entretien_conseiller
Revises: 0005_competences

Found by the benchmark: « Préparation du dossier » scanned every entretien
(980 000 at the federation scale, ~300 ms p95) to find the candidat's parcours.
"""
from alembic import op

revision = '0006_index_entretien_conseiller'
down_revision = '0005_competences'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_entretien_conseiller_type', 'entretien', ['conseiller_id', 'type_entretien', 'parcours_id'])


def downgrade():
    op.drop_index('ix_entretien_conseiller_type', table_name='entretien')
