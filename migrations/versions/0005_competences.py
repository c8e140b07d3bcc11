"""mes compétences : auto-évaluations datées, retrait motivé d'une preuve

Revision ID: 0005_competences
Revises: 0004_parcours
"""
from alembic import op
import sqlalchemy as sa

revision = '0005_competences'
down_revision = '0004_parcours'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('preuve_competence', schema=None) as batch_op:
        batch_op.add_column(sa.Column('retiree_le', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('motif_retrait', sa.String(length=500), nullable=False, server_default=''))
    op.create_table('auto_evaluation',
    sa.Column('utilisateur_id', sa.Uuid(), nullable=False),
    sa.Column('competence_code', sa.String(length=8), nullable=False),
    sa.Column('niveau', sa.Enum('acquis', 'en_cours', 'a_travailler', name='niveauautoevaluation', native_enum=False, length=20), nullable=False),
    sa.Column('commentaire', sa.String(length=1000), nullable=False),
    sa.Column('evalue_le', sa.Date(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_auto_evaluation_structure_id_structure')),
    sa.ForeignKeyConstraint(['utilisateur_id'], ['utilisateur.id'], name=op.f('fk_auto_evaluation_utilisateur_id_utilisateur')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_auto_evaluation'))
    )
    with op.batch_alter_table('auto_evaluation', schema=None) as batch_op:
        batch_op.create_index('ix_auto_evaluation_utilisateur_competence', ['utilisateur_id', 'competence_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_auto_evaluation_structure_id'), ['structure_id'], unique=False)


def downgrade():
    with op.batch_alter_table('auto_evaluation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_auto_evaluation_structure_id'))
        batch_op.drop_index('ix_auto_evaluation_utilisateur_competence')
    op.drop_table('auto_evaluation')
    with op.batch_alter_table('preuve_competence', schema=None) as batch_op:
        batch_op.drop_column('motif_retrait')
        batch_op.drop_column('retiree_le')
