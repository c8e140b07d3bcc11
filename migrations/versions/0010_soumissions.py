"""empreintes des formulaires envoyés (un double envoi n'enregistre qu'une fois)

Revision ID: 0010_soumissions
Revises: 0007_sessions_connexion
"""
import sqlalchemy as sa
from alembic import op

revision = '0010_soumissions'
down_revision = '0007_sessions_connexion'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'soumission',
        sa.Column('empreinte', sa.String(length=64), nullable=False),
        sa.Column('utilisateur_id', sa.Uuid(), nullable=True),
        sa.Column('resultat', sa.String(length=500), nullable=False),
        sa.Column('le', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('empreinte', name=op.f('pk_soumission')),
    )
    op.create_index(op.f('ix_soumission_utilisateur_id'), 'soumission', ['utilisateur_id'])
    op.create_index(op.f('ix_soumission_le'), 'soumission', ['le'])


def downgrade():
    op.drop_index(op.f('ix_soumission_le'), table_name='soumission')
    op.drop_index(op.f('ix_soumission_utilisateur_id'), table_name='soumission')
    op.drop_table('soumission')
