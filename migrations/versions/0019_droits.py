"""droits : notice d'information, demandes d'accès et décisions des auteurs de notes, rectifications,
anonymisations, accès exceptionnels (bris de glace) ; provenance du journal d'audit effaçable sans
casser la chaîne (issue #18)

Revision ID: 0019_droits
Revises: 0019_tableur
Create Date: 2026-12-01 10:30:15.619127

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0019_droits'
down_revision = '0019_tableur'
branch_labels = None
depends_on = None


COUVERTE = ("EXISTS (SELECT 1 FROM journal_audit p WHERE p.action = 'purge' "
            "AND p.rang > OLD.rang AND CAST({jusqu} AS BIGINT) >= OLD.rang)")
# The one UPDATE the audit log accepts (issue #18, point 9): blanking a row's provenance
# (address, user agent, and the sel of its commitment), every other column unchanged.
_INCHANGEES = ("id", "at", "acteur_id", "acteur_libelle", "role", "structure_id", "action", "objet_type",
               "objet_id", "motif", "rang", "empreinte_precedente", "empreinte", "cle_id", "empreinte_provenance")


def _effacement_seul(json_en_texte: str) -> str:
    memes = " AND ".join(f"NEW.{c} IS NOT DISTINCT FROM OLD.{c}" for c in _INCHANGEES)
    return (f"NEW.adresse_ip = '' AND NEW.agent = '' AND NEW.sel_provenance IS NULL "
            f"AND OLD.empreinte_provenance IS NOT NULL AND {memes} "
            f"AND {json_en_texte.format('NEW')} IS NOT DISTINCT FROM {json_en_texte.format('OLD')}")


def _declencheurs(*, effacement_provenance: bool) -> None:
    if op.get_bind().dialect.name == 'postgresql':
        mise_a_jour = (f"""IF TG_OP = 'UPDATE' AND {_effacement_seul("{}.details::text")} THEN
                    RETURN NEW;
                END IF;""" if effacement_provenance else "")
        op.execute("""
            CREATE OR REPLACE FUNCTION journal_audit_immuable() RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'DELETE' AND OLD.at < now() - interval '6 months' AND """
                   + COUVERTE.format(jusqu="p.details->>'jusqu_au_rang'") + """ THEN
                    RETURN OLD;
                END IF;
                """ + mise_a_jour + """
                RAISE EXCEPTION 'journal_audit est en ajout seul';
            END;
            $$ LANGUAGE plpgsql""")
    else:
        op.execute("DROP TRIGGER IF EXISTS journal_audit_sans_modification")
        quand = (f"WHEN NOT ({_effacement_seul('{}.details').replace('IS NOT DISTINCT FROM', 'IS')})"
                 if effacement_provenance else "")
        op.execute(f"""CREATE TRIGGER journal_audit_sans_modification BEFORE UPDATE ON journal_audit {quand}
                      BEGIN SELECT RAISE(ABORT, 'journal_audit est en ajout seul'); END""")


def upgrade():
    op.create_table('acces_exceptionnel',
    sa.Column('utilisateur_id', sa.Uuid(), nullable=False),
    sa.Column('personne_id', sa.Uuid(), nullable=False),
    sa.Column('motif', sa.String(length=500), nullable=False),
    sa.Column('debut', sa.DateTime(timezone=True), nullable=False),
    sa.Column('fin', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['personne_id'], ['personne.id'], name=op.f('fk_acces_exceptionnel_personne_id_personne')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_acces_exceptionnel_structure_id_structure')),
    sa.ForeignKeyConstraint(['utilisateur_id'], ['utilisateur.id'], name=op.f('fk_acces_exceptionnel_utilisateur_id_utilisateur')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_acces_exceptionnel'))
    )
    with op.batch_alter_table('acces_exceptionnel', schema=None) as batch_op:
        batch_op.create_index('ix_acces_exceptionnel_personne', ['personne_id', 'fin'], unique=False)
        batch_op.create_index(batch_op.f('ix_acces_exceptionnel_structure_id'), ['structure_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_acces_exceptionnel_utilisateur_id'), ['utilisateur_id'], unique=False)

    op.create_table('anonymisation',
    sa.Column('personne_id', sa.Uuid(), nullable=False),
    sa.Column('le', sa.Date(), nullable=False),
    sa.Column('motif', sa.String(length=30), nullable=False),
    sa.Column('par_id', sa.Uuid(), nullable=True),
    sa.Column('champs_effaces', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['par_id'], ['utilisateur.id'], name=op.f('fk_anonymisation_par_id_utilisateur')),
    sa.ForeignKeyConstraint(['personne_id'], ['personne.id'], name=op.f('fk_anonymisation_personne_id_personne')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_anonymisation_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_anonymisation')),
    sa.UniqueConstraint('personne_id', name=op.f('uq_anonymisation_personne_id'))
    )
    with op.batch_alter_table('anonymisation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_anonymisation_structure_id'), ['structure_id'], unique=False)

    op.create_table('demande_acces',
    sa.Column('personne_id', sa.Uuid(), nullable=False),
    sa.Column('demandee_le', sa.Date(), nullable=False),
    sa.Column('par_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['par_id'], ['utilisateur.id'], name=op.f('fk_demande_acces_par_id_utilisateur')),
    sa.ForeignKeyConstraint(['personne_id'], ['personne.id'], name=op.f('fk_demande_acces_personne_id_personne')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_demande_acces_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_demande_acces'))
    )
    with op.batch_alter_table('demande_acces', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_demande_acces_personne_id'), ['personne_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_demande_acces_structure_id'), ['structure_id'], unique=False)

    op.create_table('notice_remise',
    sa.Column('personne_id', sa.Uuid(), nullable=False),
    sa.Column('remise_le', sa.Date(), nullable=False),
    sa.Column('mode', sa.Enum('main_propre', 'envoyee', 'lue_a_voix_haute', 'interprete', name='moderemise', native_enum=False, length=30), nullable=False),
    sa.Column('par_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.String(length=20), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['par_id'], ['utilisateur.id'], name=op.f('fk_notice_remise_par_id_utilisateur')),
    sa.ForeignKeyConstraint(['personne_id'], ['personne.id'], name=op.f('fk_notice_remise_personne_id_personne')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_notice_remise_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notice_remise'))
    )
    with op.batch_alter_table('notice_remise', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notice_remise_personne_id'), ['personne_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notice_remise_structure_id'), ['structure_id'], unique=False)

    op.create_table('rectification',
    sa.Column('personne_id', sa.Uuid(), nullable=False),
    sa.Column('par_id', sa.Uuid(), nullable=False),
    sa.Column('le', sa.Date(), nullable=False),
    sa.Column('champs', sa.JSON(), nullable=False),
    sa.Column('anciennes_valeurs_chiffre', sa.LargeBinary(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['par_id'], ['utilisateur.id'], name=op.f('fk_rectification_par_id_utilisateur')),
    sa.ForeignKeyConstraint(['personne_id'], ['personne.id'], name=op.f('fk_rectification_personne_id_personne')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_rectification_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rectification'))
    )
    with op.batch_alter_table('rectification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rectification_personne_id'), ['personne_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rectification_structure_id'), ['structure_id'], unique=False)

    op.create_table('decision_note',
    sa.Column('demande_id', sa.Uuid(), nullable=False),
    sa.Column('note_id', sa.Uuid(), nullable=False),
    sa.Column('auteur_id', sa.Uuid(), nullable=False),
    sa.Column('inclure', sa.Boolean(), nullable=False),
    sa.Column('decidee_le', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('structure_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['auteur_id'], ['utilisateur.id'], name=op.f('fk_decision_note_auteur_id_utilisateur')),
    sa.ForeignKeyConstraint(['demande_id'], ['demande_acces.id'], name=op.f('fk_decision_note_demande_id_demande_acces')),
    sa.ForeignKeyConstraint(['note_id'], ['note_confidentielle.id'], name=op.f('fk_decision_note_note_id_note_confidentielle')),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_decision_note_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision_note')),
    sa.UniqueConstraint('demande_id', 'note_id', name=op.f('uq_decision_note_demande_id'))
    )
    with op.batch_alter_table('decision_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_note_demande_id'), ['demande_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decision_note_structure_id'), ['structure_id'], unique=False)

    op.add_column('journal_audit', sa.Column('sel_provenance', sa.String(length=32), nullable=True))
    op.add_column('journal_audit', sa.Column('empreinte_provenance', sa.String(length=64), nullable=True))
    _declencheurs(effacement_provenance=True)



def downgrade():
    _declencheurs(effacement_provenance=False)
    op.drop_column('journal_audit', 'empreinte_provenance')
    op.drop_column('journal_audit', 'sel_provenance')

    with op.batch_alter_table('decision_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_note_structure_id'))
        batch_op.drop_index(batch_op.f('ix_decision_note_demande_id'))

    op.drop_table('decision_note')
    with op.batch_alter_table('rectification', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rectification_structure_id'))
        batch_op.drop_index(batch_op.f('ix_rectification_personne_id'))

    op.drop_table('rectification')
    with op.batch_alter_table('notice_remise', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notice_remise_structure_id'))
        batch_op.drop_index(batch_op.f('ix_notice_remise_personne_id'))

    op.drop_table('notice_remise')
    with op.batch_alter_table('demande_acces', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_demande_acces_structure_id'))
        batch_op.drop_index(batch_op.f('ix_demande_acces_personne_id'))

    op.drop_table('demande_acces')
    with op.batch_alter_table('anonymisation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_anonymisation_structure_id'))

    op.drop_table('anonymisation')
    with op.batch_alter_table('acces_exceptionnel', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_acces_exceptionnel_utilisateur_id'))
        batch_op.drop_index(batch_op.f('ix_acces_exceptionnel_structure_id'))
        batch_op.drop_index('ix_acces_exceptionnel_personne')

    op.drop_table('acces_exceptionnel')
