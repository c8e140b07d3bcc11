"""ateliers (issue #12, suite) : liens de questionnaire de satisfaction sur tablette (jeton signé,
expirant, révocable) ; la satisfaction garde son lien ; le moment d'un questionnaire n'a plus de
valeur par défaut (à chaud ou à froid est toujours choisi)

Revision ID: 0018_ateliers2
Revises: 0017_integration
Create Date: 2026-12-01 07:50:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0018_ateliers2'
down_revision = "0018_territoire"
branch_labels = None
depends_on = None

MOMENT = sa.Enum('a_chaud', 'a_froid', name='moment', native_enum=False, length=30)


def upgrade():
    op.create_table('lien_questionnaire_atelier',
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('moment', MOMENT, nullable=False),
    sa.Column('expire_le', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoque_le', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reponses', sa.Integer(), nullable=False),
    sa.Column('plafond', sa.Integer(), nullable=False),
    sa.Column('cree_par_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('reponses >= 0 AND reponses <= plafond', name=op.f('ck_lien_questionnaire_atelier_reponses')),
    sa.ForeignKeyConstraint(['cree_par_id'], ['utilisateur.id'], name=op.f('fk_lien_questionnaire_atelier_cree_par_id_utilisateur')),
    sa.ForeignKeyConstraint(['session_id'], ['session_atelier.id'], name=op.f('fk_lien_questionnaire_atelier_session_id_session_atelier'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_lien_questionnaire_atelier_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lien_questionnaire_atelier'))
    )
    with op.batch_alter_table('lien_questionnaire_atelier', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lien_questionnaire_atelier_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_lien_questionnaire_atelier_structure_id'), ['structure_id'], unique=False)

    with op.batch_alter_table('satisfaction_atelier', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lien_id', sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f('ix_satisfaction_atelier_lien_id'), ['lien_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_satisfaction_atelier_lien_id_lien_questionnaire_atelier'),
                                    'lien_questionnaire_atelier', ['lien_id'], ['id'], ondelete='SET NULL')
        batch_op.alter_column('moment', existing_type=MOMENT, existing_nullable=False, server_default=None)


def downgrade():
    with op.batch_alter_table('satisfaction_atelier', schema=None) as batch_op:
        batch_op.alter_column('moment', existing_type=MOMENT, existing_nullable=False, server_default='a_chaud')
        batch_op.drop_constraint(batch_op.f('fk_satisfaction_atelier_lien_id_lien_questionnaire_atelier'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_satisfaction_atelier_lien_id'))
        batch_op.drop_column('lien_id')

    with op.batch_alter_table('lien_questionnaire_atelier', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lien_questionnaire_atelier_structure_id'))
        batch_op.drop_index(batch_op.f('ix_lien_questionnaire_atelier_session_id'))
    op.drop_table('lien_questionnaire_atelier')
