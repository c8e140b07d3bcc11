"""brouillons : ce qu'un formulaire portait quand sa session avait expiré, chiffré, pour son auteur seul

Revision ID: 0012_brouillons
Revises: 0010_soumissions
"""
import sqlalchemy as sa
from alembic import op

revision = '0012_brouillons'
down_revision = '0010_soumissions'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'brouillon',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('utilisateur_id', sa.Uuid(), nullable=False),
        sa.Column('structure_id', sa.Uuid(), nullable=False),
        sa.Column('page', sa.String(length=500), nullable=False),
        sa.Column('cree_le', sa.DateTime(timezone=True), nullable=False),
        sa.Column('champs_chiffre', sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(['utilisateur_id'], ['utilisateur.id'], name=op.f('fk_brouillon_utilisateur_id_utilisateur')),
        sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_brouillon_structure_id_structure')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_brouillon')),
    )
    op.create_index(op.f('ix_brouillon_utilisateur_id'), 'brouillon', ['utilisateur_id'])
    op.create_index(op.f('ix_brouillon_cree_le'), 'brouillon', ['cree_le'])


def downgrade():
    op.drop_index(op.f('ix_brouillon_cree_le'), table_name='brouillon')
    op.drop_index(op.f('ix_brouillon_utilisateur_id'), table_name='brouillon')
    op.drop_table('brouillon')
