"""accueil et diagnostic partagé (placeholder: filled in by the accueil module)

Revision ID: 0003_accueil
Revises: 0002_personne
"""
from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401

revision = '0003_accueil'
down_revision = '0002_personne'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
