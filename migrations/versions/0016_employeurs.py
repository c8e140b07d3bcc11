"""employeurs : entreprises et contacts, échanges, fiches de poste, offres et justifications, candidatures et leur journal, actions de prospection (indicateurs, employeurs ciblés), immersions (PMSMP)

Revision ID: 0016_employeurs
Revises: 0015_ateliers
Create Date: 2026-12-01 03:13:13.615681

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016_employeurs'
down_revision = '0015_ateliers'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('entreprise',
    sa.Column('raison_sociale', sa.String(length=200), nullable=False),
    sa.Column('enseigne', sa.String(length=200), nullable=False),
    sa.Column('nom_recherche', sa.String(length=400), nullable=False),
    sa.Column('siret', sa.String(length=14), nullable=True),
    sa.Column('siren', sa.String(length=9), nullable=False),
    sa.Column('naf_code', sa.String(length=6), nullable=False),
    sa.Column('tranche_effectif', sa.Enum('0', '1_9', '10_49', '50_249', '250_plus', name='trancheeffectif', native_enum=False, length=30), nullable=True),
    sa.Column('secteur', sa.String(length=200), nullable=False),
    sa.Column('adresse', sa.String(length=300), nullable=False),
    sa.Column('code_postal', sa.String(length=5), nullable=False),
    sa.Column('commune', sa.String(length=120), nullable=False),
    sa.Column('commune_recherche', sa.String(length=120), nullable=False),
    sa.Column('telephone', sa.String(length=30), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('site', sa.String(length=300), nullable=False),
    sa.Column('observations', sa.Text(), nullable=False),
    sa.Column('cree_par_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['cree_par_id'], ['utilisateur.id'], name=op.f('fk_entreprise_cree_par_id_utilisateur')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_entreprise_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entreprise')),
    sa.UniqueConstraint('structure_id', 'siret', name='uq_entreprise_structure_siret')
    )
    with op.batch_alter_table('entreprise', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entreprise_siren'), ['siren'], unique=False)
        batch_op.create_index('ix_entreprise_structure_commune', ['structure_id', 'commune_recherche'], unique=False)
        batch_op.create_index(batch_op.f('ix_entreprise_structure_id'), ['structure_id'], unique=False)
        batch_op.create_index('ix_entreprise_structure_naf', ['structure_id', 'naf_code'], unique=False)
        batch_op.create_index('ix_entreprise_structure_nom', ['structure_id', 'nom_recherche'], unique=False)

    op.create_table('contact_entreprise',
    sa.Column('entreprise_id', sa.Uuid(), nullable=False),
    sa.Column('civilite', sa.String(length=10), nullable=False),
    sa.Column('prenom', sa.String(length=100), nullable=False),
    sa.Column('nom', sa.String(length=100), nullable=False),
    sa.Column('role', sa.Enum('dirigeant', 'rh', 'tuteur', 'chef_equipe', 'autre', name='rolecontact', native_enum=False, length=30), nullable=False),
    sa.Column('fonction', sa.String(length=200), nullable=False),
    sa.Column('telephone', sa.String(length=30), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('mode_prefere', sa.Enum('telephone', 'email', 'sms', 'visite', 'courrier', name='modecontact', native_enum=False, length=30), nullable=False),
    sa.Column('disponibilites', sa.String(length=300), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['entreprise_id'], ['entreprise.id'], name=op.f('fk_contact_entreprise_entreprise_id_entreprise')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_contact_entreprise_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_entreprise'))
    )
    with op.batch_alter_table('contact_entreprise', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_entreprise_entreprise_id'), ['entreprise_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contact_entreprise_structure_id'), ['structure_id'], unique=False)

    op.create_table('fiche_de_poste',
    sa.Column('entreprise_id', sa.Uuid(), nullable=False),
    sa.Column('contact_id', sa.Uuid(), nullable=True),
    sa.Column('redigee_par_id', sa.Uuid(), nullable=False),
    sa.Column('entretien_le', sa.Date(), nullable=False),
    sa.Column('besoin', sa.Text(), nullable=False),
    sa.Column('intitule', sa.String(length=200), nullable=False),
    sa.Column('rome_code', sa.String(length=5), nullable=False),
    sa.Column('missions', sa.Text(), nullable=False),
    sa.Column('activites', sa.Text(), nullable=False),
    sa.Column('competences', sa.Text(), nullable=False),
    sa.Column('conditions', sa.Text(), nullable=False),
    sa.Column('type_contrat', sa.Enum('cdi', 'cdd', 'interim', 'apprentissage', 'professionnalisation', 'cddi', 'pec', 'saisonnier', name='typecontrat', native_enum=False, length=30), nullable=False),
    sa.Column('duree_hebdo', sa.String(length=60), nullable=False),
    sa.Column('horaires', sa.String(length=200), nullable=False),
    sa.Column('remuneration', sa.String(length=120), nullable=False),
    sa.Column('lieu', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contact_entreprise.id'], name=op.f('fk_fiche_de_poste_contact_id_contact_entreprise')),
    sa.ForeignKeyConstraint(['entreprise_id'], ['entreprise.id'], name=op.f('fk_fiche_de_poste_entreprise_id_entreprise')),
    sa.ForeignKeyConstraint(['redigee_par_id'], ['utilisateur.id'], name=op.f('fk_fiche_de_poste_redigee_par_id_utilisateur')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_fiche_de_poste_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fiche_de_poste'))
    )
    with op.batch_alter_table('fiche_de_poste', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fiche_de_poste_entreprise_id'), ['entreprise_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_fiche_de_poste_structure_id'), ['structure_id'], unique=False)

    op.create_table('interaction_entreprise',
    sa.Column('entreprise_id', sa.Uuid(), nullable=False),
    sa.Column('contact_id', sa.Uuid(), nullable=True),
    sa.Column('conseiller_id', sa.Uuid(), nullable=False),
    sa.Column('personne_id', sa.Uuid(), nullable=True),
    sa.Column('nature', sa.Enum('appel', 'email', 'visite', 'evenement', 'job_dating', 'immersion', name='natureinteraction', native_enum=False, length=30), nullable=False),
    sa.Column('le', sa.Date(), nullable=False),
    sa.Column('objet', sa.String(length=200), nullable=False),
    sa.Column('compte_rendu_chiffre', sa.LargeBinary(), nullable=True),
    sa.Column('prochaine_action', sa.String(length=300), nullable=False),
    sa.Column('echeance', sa.Date(), nullable=True),
    sa.Column('action_faite_le', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['conseiller_id'], ['utilisateur.id'], name=op.f('fk_interaction_entreprise_conseiller_id_utilisateur')),
    sa.ForeignKeyConstraint(['contact_id'], ['contact_entreprise.id'], name=op.f('fk_interaction_entreprise_contact_id_contact_entreprise')),
    sa.ForeignKeyConstraint(['entreprise_id'], ['entreprise.id'], name=op.f('fk_interaction_entreprise_entreprise_id_entreprise')),
    sa.ForeignKeyConstraint(['personne_id'], ['personne.id'], name=op.f('fk_interaction_entreprise_personne_id_personne')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_interaction_entreprise_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interaction_entreprise'))
    )
    with op.batch_alter_table('interaction_entreprise', schema=None) as batch_op:
        batch_op.create_index('ix_interaction_entreprise_chrono', ['entreprise_id', 'le'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_entreprise_conseiller_id'), ['conseiller_id'], unique=False)
        batch_op.create_index('ix_interaction_entreprise_echeance', ['structure_id', 'action_faite_le', 'echeance'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_entreprise_personne_id'), ['personne_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_entreprise_structure_id'), ['structure_id'], unique=False)

    op.create_table('offre_emploi',
    sa.Column('fiche_id', sa.Uuid(), nullable=False),
    sa.Column('entreprise_id', sa.Uuid(), nullable=False),
    sa.Column('intitule', sa.String(length=200), nullable=False),
    sa.Column('texte', sa.Text(), nullable=False),
    sa.Column('nombre_postes', sa.Integer(), nullable=False),
    sa.Column('ouverte_le', sa.Date(), nullable=False),
    sa.Column('cloture_le', sa.Date(), nullable=True),
    sa.Column('statut', sa.Enum('brouillon', 'publiee', 'pourvue', 'close', name='statutoffre', native_enum=False, length=30), nullable=False),
    sa.Column('verifiee_le', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['entreprise_id'], ['entreprise.id'], name=op.f('fk_offre_emploi_entreprise_id_entreprise')),
    sa.ForeignKeyConstraint(['fiche_id'], ['fiche_de_poste.id'], name=op.f('fk_offre_emploi_fiche_id_fiche_de_poste')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_offre_emploi_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offre_emploi'))
    )
    with op.batch_alter_table('offre_emploi', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offre_emploi_entreprise_id'), ['entreprise_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_offre_emploi_fiche_id'), ['fiche_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_offre_emploi_structure_id'), ['structure_id'], unique=False)
        batch_op.create_index('ix_offre_emploi_structure_statut', ['structure_id', 'statut'], unique=False)

    op.create_table('candidature',
    sa.Column('offre_id', sa.Uuid(), nullable=False),
    sa.Column('personne_id', sa.Uuid(), nullable=False),
    sa.Column('proposee_par_id', sa.Uuid(), nullable=False),
    sa.Column('etat', sa.Enum('proposee', 'envoyee', 'entretien', 'retenue', 'refusee', 'abandonnee', 'embauche', name='etatcandidature', native_enum=False, length=30), nullable=False),
    sa.Column('etat_depuis', sa.Date(), nullable=False),
    sa.Column('motif_refus', sa.String(length=40), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['offre_id'], ['offre_emploi.id'], name=op.f('fk_candidature_offre_id_offre_emploi')),
    sa.ForeignKeyConstraint(['personne_id'], ['personne.id'], name=op.f('fk_candidature_personne_id_personne')),
    sa.ForeignKeyConstraint(['proposee_par_id'], ['utilisateur.id'], name=op.f('fk_candidature_proposee_par_id_utilisateur')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_candidature_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_candidature')),
    sa.UniqueConstraint('offre_id', 'personne_id', name='uq_candidature_offre_personne')
    )
    with op.batch_alter_table('candidature', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_candidature_offre_id'), ['offre_id'], unique=False)
        batch_op.create_index('ix_candidature_personne_etat', ['personne_id', 'etat'], unique=False)
        batch_op.create_index(batch_op.f('ix_candidature_structure_id'), ['structure_id'], unique=False)

    op.create_table('justification_offre',
    sa.Column('offre_id', sa.Uuid(), nullable=False),
    sa.Column('cle', sa.String(length=300), nullable=False),
    sa.Column('code_regle', sa.String(length=40), nullable=False),
    sa.Column('extrait', sa.String(length=250), nullable=False),
    sa.Column('justification', sa.Text(), nullable=False),
    sa.Column('par_id', sa.Uuid(), nullable=False),
    sa.Column('le', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['offre_id'], ['offre_emploi.id'], name=op.f('fk_justification_offre_offre_id_offre_emploi')),
    sa.ForeignKeyConstraint(['par_id'], ['utilisateur.id'], name=op.f('fk_justification_offre_par_id_utilisateur')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_justification_offre_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_justification_offre')),
    sa.UniqueConstraint('offre_id', 'cle', name='uq_justification_offre_offre_cle')
    )
    with op.batch_alter_table('justification_offre', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_justification_offre_structure_id'), ['structure_id'], unique=False)

    op.create_table('transition_candidature',
    sa.Column('candidature_id', sa.Uuid(), nullable=False),
    sa.Column('de', sa.Enum('proposee', 'envoyee', 'entretien', 'retenue', 'refusee', 'abandonnee', 'embauche', name='etatcandidature', native_enum=False, length=30), nullable=True),
    sa.Column('vers', sa.Enum('proposee', 'envoyee', 'entretien', 'retenue', 'refusee', 'abandonnee', 'embauche', name='etatcandidature', native_enum=False, length=30), nullable=False),
    sa.Column('le', sa.Date(), nullable=False),
    sa.Column('par_id', sa.Uuid(), nullable=False),
    sa.Column('motif_refus', sa.String(length=40), nullable=False),
    sa.Column('commentaire_chiffre', sa.LargeBinary(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.ForeignKeyConstraint(['candidature_id'], ['candidature.id'], name=op.f('fk_transition_candidature_candidature_id_candidature')),
    sa.ForeignKeyConstraint(['par_id'], ['utilisateur.id'], name=op.f('fk_transition_candidature_par_id_utilisateur')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_transition_candidature_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transition_candidature'))
    )
    with op.batch_alter_table('transition_candidature', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transition_candidature_candidature_id'), ['candidature_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_transition_candidature_structure_id'), ['structure_id'], unique=False)

    op.create_table('action_prospection',
    sa.Column('titre', sa.String(length=200), nullable=False),
    sa.Column('pilote_id', sa.Uuid(), nullable=False),
    sa.Column('debut', sa.Date(), nullable=False),
    sa.Column('fin', sa.Date(), nullable=False),
    sa.Column('objectifs', sa.Text(), nullable=False),
    sa.Column('diagnostic_territoire', sa.Text(), nullable=False),
    sa.Column('sources_diagnostic', sa.Text(), nullable=False),
    sa.Column('cible_employeurs', sa.Text(), nullable=False),
    sa.Column('strategie', sa.Text(), nullable=False),
    sa.Column('outils', sa.Text(), nullable=False),
    sa.Column('pratiques_durables', sa.Text(), nullable=False),
    sa.Column('evaluation', sa.Text(), nullable=False),
    sa.Column('causes_ecarts', sa.Text(), nullable=False),
    sa.Column('evaluee_le', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['pilote_id'], ['utilisateur.id'], name=op.f('fk_action_prospection_pilote_id_utilisateur')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_action_prospection_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_prospection'))
    )
    with op.batch_alter_table('action_prospection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_prospection_structure_id'), ['structure_id'], unique=False)

    op.create_table('cible_prospection',
    sa.Column('action_id', sa.Uuid(), nullable=False),
    sa.Column('entreprise_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['action_prospection.id'], name=op.f('fk_cible_prospection_action_id_action_prospection')),
    sa.ForeignKeyConstraint(['entreprise_id'], ['entreprise.id'], name=op.f('fk_cible_prospection_entreprise_id_entreprise')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_cible_prospection_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cible_prospection')),
    sa.UniqueConstraint('action_id', 'entreprise_id', name='uq_cible_prospection_action_entreprise')
    )
    with op.batch_alter_table('cible_prospection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cible_prospection_action_id'), ['action_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cible_prospection_structure_id'), ['structure_id'], unique=False)

    op.create_table('indicateur_prospection',
    sa.Column('action_id', sa.Uuid(), nullable=False),
    sa.Column('code', sa.Enum('contacts', 'visites', 'offres', 'placements', name='indicateur', native_enum=False, length=30), nullable=False),
    sa.Column('cible', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['action_prospection.id'], name=op.f('fk_indicateur_prospection_action_id_action_prospection')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_indicateur_prospection_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicateur_prospection')),
    sa.UniqueConstraint('action_id', 'code', name='uq_indicateur_prospection_action_code')
    )
    with op.batch_alter_table('indicateur_prospection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicateur_prospection_action_id'), ['action_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicateur_prospection_structure_id'), ['structure_id'], unique=False)

    op.create_table('immersion',
    sa.Column('personne_id', sa.Uuid(), nullable=False),
    sa.Column('entreprise_id', sa.Uuid(), nullable=False),
    sa.Column('tuteur_id', sa.Uuid(), nullable=False),
    sa.Column('conseiller_id', sa.Uuid(), nullable=False),
    sa.Column('prescripteur', sa.String(length=200), nullable=False),
    sa.Column('objectif', sa.Enum('decouvrir', 'confirmer', 'recrutement', name='objectifpmsmp', native_enum=False, length=30), nullable=False),
    sa.Column('debut', sa.Date(), nullable=False),
    sa.Column('fin', sa.Date(), nullable=False),
    sa.Column('horaires', sa.String(length=300), nullable=False),
    sa.Column('lieu', sa.String(length=300), nullable=False),
    sa.Column('taches', sa.Text(), nullable=False),
    sa.Column('modalites_evaluation', sa.Text(), nullable=False),
    sa.Column('renouvelle_id', sa.Uuid(), nullable=True),
    sa.Column('statut', sa.Enum('brouillon', 'a_signer', 'signee', 'realisee', 'annulee', name='statutimmersion', native_enum=False, length=30), nullable=False),
    sa.Column('signee_le', sa.Date(), nullable=True),
    sa.Column('bilan_chiffre', sa.LargeBinary(), nullable=True),
    sa.Column('appreciation_tuteur_chiffre', sa.LargeBinary(), nullable=True),
    sa.Column('objectif_atteint', sa.Boolean(), nullable=True),
    sa.Column('embauche_envisagee', sa.Boolean(), nullable=True),
    sa.Column('bilan_le', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['conseiller_id'], ['utilisateur.id'], name=op.f('fk_immersion_conseiller_id_utilisateur')),
    sa.ForeignKeyConstraint(['entreprise_id'], ['entreprise.id'], name=op.f('fk_immersion_entreprise_id_entreprise')),
    sa.ForeignKeyConstraint(['personne_id'], ['personne.id'], name=op.f('fk_immersion_personne_id_personne')),
    sa.ForeignKeyConstraint(['renouvelle_id'], ['immersion.id'], name=op.f('fk_immersion_renouvelle_id_immersion')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_immersion_structure_id_structure')),
    sa.ForeignKeyConstraint(['tuteur_id'], ['contact_entreprise.id'], name=op.f('fk_immersion_tuteur_id_contact_entreprise')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_immersion'))
    )
    with op.batch_alter_table('immersion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_immersion_entreprise_id'), ['entreprise_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_immersion_personne_id'), ['personne_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_immersion_structure_id'), ['structure_id'], unique=False)


def downgrade():
    with op.batch_alter_table('immersion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_immersion_structure_id'))
        batch_op.drop_index(batch_op.f('ix_immersion_personne_id'))
        batch_op.drop_index(batch_op.f('ix_immersion_entreprise_id'))

    op.drop_table('immersion')

    with op.batch_alter_table('indicateur_prospection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicateur_prospection_structure_id'))
        batch_op.drop_index(batch_op.f('ix_indicateur_prospection_action_id'))

    op.drop_table('indicateur_prospection')
    with op.batch_alter_table('cible_prospection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cible_prospection_structure_id'))
        batch_op.drop_index(batch_op.f('ix_cible_prospection_action_id'))

    op.drop_table('cible_prospection')
    with op.batch_alter_table('action_prospection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_prospection_structure_id'))

    op.drop_table('action_prospection')

    with op.batch_alter_table('transition_candidature', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transition_candidature_structure_id'))
        batch_op.drop_index(batch_op.f('ix_transition_candidature_candidature_id'))

    op.drop_table('transition_candidature')
    with op.batch_alter_table('justification_offre', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_justification_offre_structure_id'))

    op.drop_table('justification_offre')
    with op.batch_alter_table('candidature', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_candidature_structure_id'))
        batch_op.drop_index('ix_candidature_personne_etat')
        batch_op.drop_index(batch_op.f('ix_candidature_offre_id'))

    op.drop_table('candidature')
    with op.batch_alter_table('offre_emploi', schema=None) as batch_op:
        batch_op.drop_index('ix_offre_emploi_structure_statut')
        batch_op.drop_index(batch_op.f('ix_offre_emploi_structure_id'))
        batch_op.drop_index(batch_op.f('ix_offre_emploi_fiche_id'))
        batch_op.drop_index(batch_op.f('ix_offre_emploi_entreprise_id'))

    op.drop_table('offre_emploi')
    with op.batch_alter_table('interaction_entreprise', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interaction_entreprise_structure_id'))
        batch_op.drop_index(batch_op.f('ix_interaction_entreprise_personne_id'))
        batch_op.drop_index('ix_interaction_entreprise_echeance')
        batch_op.drop_index(batch_op.f('ix_interaction_entreprise_conseiller_id'))
        batch_op.drop_index('ix_interaction_entreprise_chrono')

    op.drop_table('interaction_entreprise')
    with op.batch_alter_table('fiche_de_poste', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fiche_de_poste_structure_id'))
        batch_op.drop_index(batch_op.f('ix_fiche_de_poste_entreprise_id'))

    op.drop_table('fiche_de_poste')
    with op.batch_alter_table('contact_entreprise', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_entreprise_structure_id'))
        batch_op.drop_index(batch_op.f('ix_contact_entreprise_entreprise_id'))

    op.drop_table('contact_entreprise')
    with op.batch_alter_table('entreprise', schema=None) as batch_op:
        batch_op.drop_index('ix_entreprise_structure_nom')
        batch_op.drop_index('ix_entreprise_structure_naf')
        batch_op.drop_index(batch_op.f('ix_entreprise_structure_id'))
        batch_op.drop_index('ix_entreprise_structure_commune')
        batch_op.drop_index(batch_op.f('ix_entreprise_siren'))

    op.drop_table('entreprise')
