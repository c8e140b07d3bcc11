"""sessions de connexion tenues côté serveur, limitation des connexions par appareil, déblocage

Revision ID: 0007_sessions_connexion
Revises: 0006_index_entretien_conseiller

Issue #10 (durcissement):
- point 2: `session_connexion`, one row per open login; logout, timeouts and
  "Mes sessions" end it on the server;
- point 3: `tentative_connexion.appareil` (attempts from a browser that already
  logged in are counted per device) and `utilisateur.connexion_debloquee_le`
  (an admin unlocks a login);
- point 9: identifiers already stored that are not e-mail addresses (a password
  typed in the wrong field) are replaced by a marker. The audit log is
  append-only and is not rewritten here.
"""
import sqlalchemy as sa
from alembic import op

revision = '0007_sessions_connexion'
down_revision = '0006_index_entretien_conseiller'
branch_labels = None
depends_on = None

IDENTIFIANT_INVALIDE = '(identifiant invalide)'


def upgrade():
    op.create_table(
        'session_connexion',
        sa.Column('utilisateur_id', sa.Uuid(), nullable=False),
        sa.Column('empreinte', sa.String(length=64), nullable=False),
        sa.Column('debut', sa.DateTime(timezone=True), nullable=False),
        sa.Column('vu_le', sa.DateTime(timezone=True), nullable=False),
        sa.Column('fin', sa.DateTime(timezone=True), nullable=True),
        sa.Column('motif_fin', sa.String(length=30), nullable=False),
        sa.Column('agent', sa.String(length=120), nullable=False),
        sa.Column('adresse_ip', sa.String(length=64), nullable=False),
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(['utilisateur_id'], ['utilisateur.id'],
                                name=op.f('fk_session_connexion_utilisateur_id_utilisateur')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_session_connexion')),
        sa.UniqueConstraint('empreinte', name=op.f('uq_session_connexion_empreinte')),
    )
    with op.batch_alter_table('session_connexion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_connexion_utilisateur_id'), ['utilisateur_id'], unique=False)

    with op.batch_alter_table('tentative_connexion', schema=None) as batch_op:
        batch_op.add_column(sa.Column('appareil', sa.String(length=32), nullable=True))

    with op.batch_alter_table('utilisateur', schema=None) as batch_op:
        batch_op.add_column(sa.Column('connexion_debloquee_le', sa.DateTime(timezone=True), nullable=True))

    _effacer_identifiants_invalides()


def _effacer_identifiants_invalides():
    """A password typed in the e-mail field must not stay in the attempts table."""
    from email_validator import EmailNotValidError, validate_email

    conn = op.get_bind()
    tentatives = sa.table('tentative_connexion', sa.column('identifiant', sa.String))
    comptes = {e for (e,) in conn.execute(sa.text('SELECT email FROM utilisateur'))}
    for (identifiant,) in conn.execute(sa.select(tentatives.c.identifiant).distinct()).all():
        if identifiant in comptes or identifiant == IDENTIFIANT_INVALIDE:
            continue
        try:
            validate_email(identifiant, check_deliverability=False)
        except EmailNotValidError:
            conn.execute(tentatives.update().where(tentatives.c.identifiant == identifiant)
                         .values(identifiant=IDENTIFIANT_INVALIDE))


def downgrade():
    with op.batch_alter_table('utilisateur', schema=None) as batch_op:
        batch_op.drop_column('connexion_debloquee_le')

    with op.batch_alter_table('tentative_connexion', schema=None) as batch_op:
        batch_op.drop_column('appareil')

    with op.batch_alter_table('session_connexion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_connexion_utilisateur_id'))

    op.drop_table('session_connexion')
