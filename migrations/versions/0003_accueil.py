"""accueil et diagnostic partagé : accueils, urgences, partenaires, diagnostics
versionnés, synthèses, orientations, réunions d'information collective

Revision ID: 0003_accueil
Revises: 0002_personne
"""
from alembic import op
import sqlalchemy as sa

revision = '0003_accueil'
down_revision = '0002_personne'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('dimension_diagnostic',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('libelle', sa.String(length=120), nullable=False),
    sa.Column('ordre', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_dimension_diagnostic_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dimension_diagnostic')),
    sa.UniqueConstraint('structure_id', 'code', name='uq_dimension_diagnostic_code')
    )
    with op.batch_alter_table('dimension_diagnostic', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dimension_diagnostic_structure_id'), ['structure_id'], unique=False)

    op.create_table('partenaire',
    sa.Column('nom', sa.String(length=200), nullable=False),
    sa.Column('type_partenaire', sa.String(length=120), nullable=False),
    sa.Column('domaines', sa.JSON(), nullable=False),
    sa.Column('adresse', sa.String(length=300), nullable=False),
    sa.Column('contact_nom', sa.String(length=200), nullable=False),
    sa.Column('telephone', sa.String(length=20), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('actif', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_partenaire_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partenaire'))
    )
    with op.batch_alter_table('partenaire', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partenaire_structure_id'), ['structure_id'], unique=False)
        batch_op.create_index('ix_partenaire_structure_nom', ['structure_id', 'nom'], unique=False)

    op.create_table('reunion_information',
    sa.Column('date_reunion', sa.Date(), nullable=False),
    sa.Column('lieu', sa.String(length=200), nullable=False),
    sa.Column('animateurs', sa.String(length=300), nullable=False),
    sa.Column('contenus', sa.JSON(), nullable=False),
    sa.Column('contenus_precisions', sa.Text(), nullable=False),
    sa.Column('organisateur_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['organisateur_id'], ['utilisateur.id'], name=op.f('fk_reunion_information_organisateur_id_utilisateur')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_reunion_information_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reunion_information'))
    )
    with op.batch_alter_table('reunion_information', schema=None) as batch_op:
        batch_op.create_index('ix_reunion_information_structure_date', ['structure_id', 'date_reunion'], unique=False)
        batch_op.create_index(batch_op.f('ix_reunion_information_structure_id'), ['structure_id'], unique=False)

    op.create_table('accueil',
    sa.Column('personne_id', sa.Uuid(), nullable=False),
    sa.Column('conseiller_id', sa.Uuid(), nullable=False),
    sa.Column('date_accueil', sa.Date(), nullable=False),
    sa.Column('mode', sa.Enum('sur_place', 'telephone', 'visio', 'domicile', 'partenaire', name='modeaccueil', native_enum=False, length=30), nullable=False),
    sa.Column('demande_exprimee', sa.Text(), nullable=False),
    sa.Column('commande_prescripteur', sa.Text(), nullable=False),
    sa.Column('concordance', sa.Enum('sans_commande', 'concordante', 'partielle', 'divergente', name='concordance', native_enum=False, length=30), nullable=False),
    sa.Column('informations', sa.JSON(), nullable=False),
    sa.Column('informations_precisions', sa.Text(), nullable=False),
    sa.Column('suite', sa.Enum('entree_accompagnement', 'orientation', 'sans_suite', 'a_definir', name='suiteaccueil', native_enum=False, length=30), nullable=False),
    sa.Column('suite_motif', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['conseiller_id'], ['utilisateur.id'], name=op.f('fk_accueil_conseiller_id_utilisateur')),
    sa.ForeignKeyConstraint(['personne_id'], ['personne.id'], name=op.f('fk_accueil_personne_id_personne')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_accueil_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accueil'))
    )
    with op.batch_alter_table('accueil', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accueil_conseiller_id'), ['conseiller_id'], unique=False)
        batch_op.create_index('ix_accueil_personne_date', ['personne_id', 'date_accueil'], unique=False)
        batch_op.create_index(batch_op.f('ix_accueil_structure_id'), ['structure_id'], unique=False)

    op.create_table('diagnostic',
    sa.Column('personne_id', sa.Uuid(), nullable=False),
    sa.Column('conseiller_id', sa.Uuid(), nullable=False),
    sa.Column('numero', sa.Integer(), nullable=False),
    sa.Column('date_diagnostic', sa.Date(), nullable=False),
    sa.Column('statut', sa.Enum('brouillon', 'valide', name='statutdiagnostic', native_enum=False, length=30), nullable=False),
    sa.Column('hypotheses', sa.Text(), nullable=False),
    sa.Column('paroles_personne', sa.Text(), nullable=False),
    sa.Column('valide_le', sa.Date(), nullable=True),
    sa.Column('validation_mode', sa.Enum('orale', 'signature', 'ecrit', 'relecture', name='modevalidation', native_enum=False, length=30), nullable=True),
    sa.Column('validation_precisions', sa.String(length=500), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['conseiller_id'], ['utilisateur.id'], name=op.f('fk_diagnostic_conseiller_id_utilisateur')),
    sa.ForeignKeyConstraint(['personne_id'], ['personne.id'], name=op.f('fk_diagnostic_personne_id_personne')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_diagnostic_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_diagnostic')),
    sa.UniqueConstraint('personne_id', 'numero', name='uq_diagnostic_personne_numero')
    )
    with op.batch_alter_table('diagnostic', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_diagnostic_personne_id'), ['personne_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_diagnostic_structure_id'), ['structure_id'], unique=False)

    op.create_table('orientation',
    sa.Column('personne_id', sa.Uuid(), nullable=False),
    sa.Column('partenaire_id', sa.Uuid(), nullable=False),
    sa.Column('conseiller_id', sa.Uuid(), nullable=False),
    sa.Column('date_orientation', sa.Date(), nullable=False),
    sa.Column('motif', sa.Text(), nullable=False),
    sa.Column('informations_transmises', sa.Text(), nullable=False),
    sa.Column('consentement', sa.Boolean(), nullable=False),
    sa.Column('consentement_le', sa.Date(), nullable=True),
    sa.Column('consentement_mode', sa.String(length=200), nullable=False),
    sa.Column('reponse', sa.Enum('en_attente', 'acceptee', 'refusee', name='reponsepartenaire', native_enum=False, length=30), nullable=False),
    sa.Column('reponse_le', sa.Date(), nullable=True),
    sa.Column('reponse_commentaire', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['conseiller_id'], ['utilisateur.id'], name=op.f('fk_orientation_conseiller_id_utilisateur')),
    sa.ForeignKeyConstraint(['partenaire_id'], ['partenaire.id'], name=op.f('fk_orientation_partenaire_id_partenaire')),
    sa.ForeignKeyConstraint(['personne_id'], ['personne.id'], name=op.f('fk_orientation_personne_id_personne')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_orientation_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_orientation'))
    )
    with op.batch_alter_table('orientation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_orientation_partenaire_id'), ['partenaire_id'], unique=False)
        batch_op.create_index('ix_orientation_personne_date', ['personne_id', 'date_orientation'], unique=False)
        batch_op.create_index(batch_op.f('ix_orientation_structure_id'), ['structure_id'], unique=False)

    op.create_table('participant_reunion',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('reunion_id', sa.Uuid(), nullable=False),
    sa.Column('personne_id', sa.Uuid(), nullable=False),
    sa.Column('resultat', sa.Enum('present', 'rdv_individuel', 'entree_accompagnement', 'orientation', 'sans_suite', 'absent', name='resultatreunion', native_enum=False, length=30), nullable=False),
    sa.Column('commentaire', sa.String(length=500), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['personne_id'], ['personne.id'], name=op.f('fk_participant_reunion_personne_id_personne')),
    sa.ForeignKeyConstraint(['reunion_id'], ['reunion_information.id'], name=op.f('fk_participant_reunion_reunion_id_reunion_information')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_participant_reunion_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participant_reunion')),
    sa.UniqueConstraint('reunion_id', 'personne_id', name='uq_participant_reunion_personne')
    )
    with op.batch_alter_table('participant_reunion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_reunion_personne_id'), ['personne_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_reunion_reunion_id'), ['reunion_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_reunion_structure_id'), ['structure_id'], unique=False)

    op.create_table('synthese',
    sa.Column('personne_id', sa.Uuid(), nullable=False),
    sa.Column('conseiller_id', sa.Uuid(), nullable=False),
    sa.Column('date_entretien', sa.Date(), nullable=False),
    sa.Column('objet', sa.String(length=200), nullable=False),
    sa.Column('faits', sa.Text(), nullable=False),
    sa.Column('paroles_personne', sa.Text(), nullable=False),
    sa.Column('analyse', sa.Text(), nullable=False),
    sa.Column('suites', sa.Text(), nullable=False),
    sa.Column('analyse_partagee', sa.Boolean(), nullable=False),
    sa.Column('partagee_le', sa.Date(), nullable=True),
    sa.Column('partage_mode', sa.Enum('main_propre', 'courriel', 'courrier', 'lu_ensemble', name='modepartage', native_enum=False, length=30), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['conseiller_id'], ['utilisateur.id'], name=op.f('fk_synthese_conseiller_id_utilisateur')),
    sa.ForeignKeyConstraint(['personne_id'], ['personne.id'], name=op.f('fk_synthese_personne_id_personne')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_synthese_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_synthese'))
    )
    with op.batch_alter_table('synthese', schema=None) as batch_op:
        batch_op.create_index('ix_synthese_personne_date', ['personne_id', 'date_entretien'], unique=False)
        batch_op.create_index(batch_op.f('ix_synthese_structure_id'), ['structure_id'], unique=False)

    op.create_table('diagnostic_dimension',
    sa.Column('diagnostic_id', sa.Uuid(), nullable=False),
    sa.Column('dimension_code', sa.String(length=40), nullable=False),
    sa.Column('dimension_libelle', sa.String(length=120), nullable=False),
    sa.Column('ordre', sa.Integer(), nullable=False),
    sa.Column('situation', sa.Text(), nullable=False),
    sa.Column('atouts', sa.Text(), nullable=False),
    sa.Column('atout_niveau', sa.Integer(), nullable=False),
    sa.Column('freins', sa.Text(), nullable=False),
    sa.Column('frein_niveau', sa.Integer(), nullable=False),
    sa.Column('besoins', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['diagnostic_id'], ['diagnostic.id'], name=op.f('fk_diagnostic_dimension_diagnostic_id_diagnostic')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_diagnostic_dimension_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_diagnostic_dimension')),
    sa.UniqueConstraint('diagnostic_id', 'dimension_code', name='uq_diagnostic_dimension_code')
    )
    with op.batch_alter_table('diagnostic_dimension', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_diagnostic_dimension_diagnostic_id'), ['diagnostic_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_diagnostic_dimension_structure_id'), ['structure_id'], unique=False)

    op.create_table('urgence',
    sa.Column('personne_id', sa.Uuid(), nullable=False),
    sa.Column('accueil_id', sa.Uuid(), nullable=True),
    sa.Column('type_urgence', sa.Enum('hebergement', 'ressources', 'sante', 'violences', 'droits', name='typeurgence', native_enum=False, length=30), nullable=False),
    sa.Column('reperee_le', sa.Date(), nullable=False),
    sa.Column('contact', sa.String(length=300), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('traitee_le', sa.Date(), nullable=True),
    sa.Column('traitee_par_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['accueil_id'], ['accueil.id'], name=op.f('fk_urgence_accueil_id_accueil')),
    sa.ForeignKeyConstraint(['personne_id'], ['personne.id'], name=op.f('fk_urgence_personne_id_personne')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_urgence_structure_id_structure')),
    sa.ForeignKeyConstraint(['traitee_par_id'], ['utilisateur.id'], name=op.f('fk_urgence_traitee_par_id_utilisateur')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_urgence'))
    )
    with op.batch_alter_table('urgence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_urgence_accueil_id'), ['accueil_id'], unique=False)
        batch_op.create_index('ix_urgence_personne_traitee', ['personne_id', 'traitee_le'], unique=False)
        batch_op.create_index(batch_op.f('ix_urgence_structure_id'), ['structure_id'], unique=False)



def downgrade():
    with op.batch_alter_table('urgence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_urgence_structure_id'))
        batch_op.drop_index('ix_urgence_personne_traitee')
        batch_op.drop_index(batch_op.f('ix_urgence_accueil_id'))

    op.drop_table('urgence')
    with op.batch_alter_table('diagnostic_dimension', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_diagnostic_dimension_structure_id'))
        batch_op.drop_index(batch_op.f('ix_diagnostic_dimension_diagnostic_id'))

    op.drop_table('diagnostic_dimension')
    with op.batch_alter_table('synthese', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_synthese_structure_id'))
        batch_op.drop_index('ix_synthese_personne_date')

    op.drop_table('synthese')
    with op.batch_alter_table('participant_reunion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_reunion_structure_id'))
        batch_op.drop_index(batch_op.f('ix_participant_reunion_reunion_id'))
        batch_op.drop_index(batch_op.f('ix_participant_reunion_personne_id'))

    op.drop_table('participant_reunion')
    with op.batch_alter_table('orientation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_orientation_structure_id'))
        batch_op.drop_index('ix_orientation_personne_date')
        batch_op.drop_index(batch_op.f('ix_orientation_partenaire_id'))

    op.drop_table('orientation')
    with op.batch_alter_table('diagnostic', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_diagnostic_structure_id'))
        batch_op.drop_index(batch_op.f('ix_diagnostic_personne_id'))

    op.drop_table('diagnostic')
    with op.batch_alter_table('accueil', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accueil_structure_id'))
        batch_op.drop_index('ix_accueil_personne_date')
        batch_op.drop_index(batch_op.f('ix_accueil_conseiller_id'))

    op.drop_table('accueil')
    with op.batch_alter_table('reunion_information', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reunion_information_structure_id'))
        batch_op.drop_index('ix_reunion_information_structure_date')

    op.drop_table('reunion_information')
    with op.batch_alter_table('partenaire', schema=None) as batch_op:
        batch_op.drop_index('ix_partenaire_structure_nom')
        batch_op.drop_index(batch_op.f('ix_partenaire_structure_id'))

    op.drop_table('partenaire')
    with op.batch_alter_table('dimension_diagnostic', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dimension_diagnostic_structure_id'))

    op.drop_table('dimension_diagnostic')
