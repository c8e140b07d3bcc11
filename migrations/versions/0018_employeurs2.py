"""employeurs2 : mesures et contrats de la structure et mesures mobilisées, disponibilités pour l'emploi (rapprochement offres ↔ personnes), permis et horaires
particuliers d'une fiche de poste, information sur la non-discrimination dans un suivi d'intégration (CP15)

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
    op.create_table('mesure_structure',
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('libelle', sa.String(length=200), nullable=False),
    sa.Column('eligibilite', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('verifiee_le', sa.Date(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_mesure_structure_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mesure_structure')),
    sa.UniqueConstraint('structure_id', 'code', name='uq_mesure_structure_code')
    )
    op.create_index(op.f('ix_mesure_structure_structure_id'), 'mesure_structure', ['structure_id'], unique=False)
    op.create_table('mesure_mobilisee',
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('libelle', sa.String(length=200), nullable=False),
    sa.Column('offre_id', sa.Uuid(), nullable=True),
    sa.Column('candidature_id', sa.Uuid(), nullable=True),
    sa.Column('par_id', sa.Uuid(), nullable=False),
    sa.Column('le', sa.Date(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['candidature_id'], ['candidature.id'], name=op.f('fk_mesure_mobilisee_candidature_id_candidature')),
    sa.ForeignKeyConstraint(['offre_id'], ['offre_emploi.id'], name=op.f('fk_mesure_mobilisee_offre_id_offre_emploi')),
    sa.ForeignKeyConstraint(['par_id'], ['utilisateur.id'], name=op.f('fk_mesure_mobilisee_par_id_utilisateur')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_mesure_mobilisee_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mesure_mobilisee'))
    )
    op.create_index(op.f('ix_mesure_mobilisee_candidature_id'), 'mesure_mobilisee', ['candidature_id'], unique=False)
    op.create_index(op.f('ix_mesure_mobilisee_offre_id'), 'mesure_mobilisee', ['offre_id'], unique=False)
    op.create_index(op.f('ix_mesure_mobilisee_structure_id'), 'mesure_mobilisee', ['structure_id'], unique=False)
    op.create_table('profil_emploi',
    sa.Column('personne_id', sa.Uuid(), nullable=False),
    sa.Column('disponible_le', sa.Date(), nullable=True),
    sa.Column('permis', sa.JSON(), nullable=False),
    sa.Column('vehicule', sa.Boolean(), nullable=True),
    sa.Column('zone_mobilite', sa.Enum('commune', 'departement', 'region', name='zonemobilite', native_enum=False, length=30), nullable=True),
    sa.Column('contraintes_horaires', sa.JSON(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['personne_id'], ['personne.id'], name=op.f('fk_profil_emploi_personne_id_personne')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_profil_emploi_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_profil_emploi')),
    sa.UniqueConstraint('personne_id', name=op.f('uq_profil_emploi_personne_id'))
    )
    op.create_index(op.f('ix_profil_emploi_structure_id'), 'profil_emploi', ['structure_id'], unique=False)
    # Plain ALTER TABLE (SQLite ≥ 3.35 and PostgreSQL): a batch copy of these tables would trip on
    # the foreign keys pointing at them (offers, points, mediations).
    op.add_column('fiche_de_poste', sa.Column('permis_requis', sa.JSON(), nullable=True))
    op.add_column('fiche_de_poste', sa.Column('horaires_atypiques', sa.JSON(), nullable=True))
    op.add_column('suivi_integration', sa.Column('non_discrimination_chiffre', sa.LargeBinary(), nullable=True))


def downgrade():
    op.drop_column('suivi_integration', 'non_discrimination_chiffre')
    op.drop_column('fiche_de_poste', 'horaires_atypiques')
    op.drop_column('fiche_de_poste', 'permis_requis')
    op.drop_index(op.f('ix_profil_emploi_structure_id'), table_name='profil_emploi')
    op.drop_table('profil_emploi')
    for index in ('ix_mesure_mobilisee_structure_id', 'ix_mesure_mobilisee_offre_id', 'ix_mesure_mobilisee_candidature_id'):
        op.drop_index(op.f(index), table_name='mesure_mobilisee')
    op.drop_table('mesure_mobilisee')
    op.drop_index(op.f('ix_mesure_structure_structure_id'), table_name='mesure_structure')
    op.drop_table('mesure_structure')
