"""employeurs2 : information sur la non-discrimination donnée dans un suivi d'intégration (CP15)

Revision ID: 0018_employeurs2
Revises: 0017_integration
Create Date: 2026-12-01 07:45:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0018_employeurs2'
down_revision = "0018_quotidien"
branch_labels = None
depends_on = None


def upgrade():
    # Plain ALTER TABLE (SQLite ≥ 3.35 and PostgreSQL): a batch copy of the table would trip on
    # the foreign keys of its points and mediations.
    op.add_column('suivi_integration', sa.Column('non_discrimination_chiffre', sa.LargeBinary(), nullable=True))


def downgrade():
    op.drop_column('suivi_integration', 'non_discrimination_chiffre')
