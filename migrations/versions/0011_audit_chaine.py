"""journal d'audit chaîné : rang, empreinte HMAC de chaque ligne et de la précédente, tête de
chaîne ; le drapeau de purge ne permet plus de tout effacer

Revision ID: 0011_audit_chaine
Revises: 0010_soumissions

- journal_audit gains `rang`, `empreinte_precedente`, `empreinte`, `cle_id`;
  existing rows are chained here, in (at, id) order, with the key derived from
  the active master key (so the app's key store must be configured, as it is
  for `cipdesk init-db`).
- journal_audit_tete holds the head of the chain (locked by every append).
- Deleting audit rows: PostgreSQL no longer honours `audit_purge_autorisee`; a
  row may go only if it is older than 6 months AND a purge row of the chain
  covers its rang (since 0019, `cipdesk retention`). SQLite keeps the flag for emptying a
  whole demo or test database, and only once the chain head has been removed
  first: any such wipe of a database with a log is reported by `audit verify`.
"""
import sqlalchemy as sa
from alembic import op

revision = '0011_audit_chaine'
down_revision = '0010_soumissions'
branch_labels = None
depends_on = None

COUVERTE = ("EXISTS (SELECT 1 FROM journal_audit p WHERE p.action = 'purge' "
            "AND p.rang > OLD.rang AND CAST({jusqu} AS BIGINT) >= OLD.rang)")


def upgrade():
    op.add_column('journal_audit', sa.Column('rang', sa.BigInteger(), nullable=True))
    op.add_column('journal_audit', sa.Column('empreinte_precedente', sa.String(length=64), nullable=True))
    op.add_column('journal_audit', sa.Column('empreinte', sa.String(length=64), nullable=True))
    op.add_column('journal_audit', sa.Column('cle_id', sa.String(length=40), nullable=True))
    op.create_index(op.f('ix_journal_audit_rang'), 'journal_audit', ['rang'], unique=True)
    op.create_table(
        'journal_audit_tete',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('rang', sa.BigInteger(), nullable=False),
        sa.Column('empreinte', sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_journal_audit_tete')),
    )
    bind = op.get_bind()
    _chainer_l_existant(bind)
    if bind.dialect.name == 'postgresql':
        op.execute("""
            CREATE OR REPLACE FUNCTION journal_audit_immuable() RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'DELETE' AND OLD.at < now() - interval '6 months' AND """
                   + COUVERTE.format(jusqu="p.details->>'jusqu_au_rang'") + """ THEN
                    RETURN OLD;
                END IF;
                RAISE EXCEPTION 'journal_audit est en ajout seul';
            END;
            $$ LANGUAGE plpgsql""")
    else:
        op.execute("DROP TRIGGER IF EXISTS journal_audit_sans_suppression")
        op.execute("""CREATE TRIGGER journal_audit_sans_suppression BEFORE DELETE ON journal_audit
                      WHEN NOT ((OLD.at < datetime('now', '-6 months') AND """
                   + COUVERTE.format(jusqu="json_extract(p.details, '$.jusqu_au_rang')") + """)
                             OR (EXISTS (SELECT 1 FROM audit_purge_autorisee)
                                 AND NOT EXISTS (SELECT 1 FROM journal_audit_tete)))
                      BEGIN SELECT RAISE(ABORT, 'journal_audit est en ajout seul'); END""")


def _chainer_l_existant(bind) -> None:
    """Chain the rows already there (the UPDATE trigger is lifted for this transaction only)."""
    from cipdesk.security import audit

    t = sa.Table('journal_audit', sa.MetaData(), autoload_with=bind)
    lignes = bind.execute(sa.select(t).order_by(t.c.at, t.c.id)).mappings().all()
    precedente, rang = audit.GENESE, 0
    if lignes:
        cle_id = audit._cle_active()
        cle = audit._cle_hmac(cle_id)
        _suspendre_declencheur(bind, True)
        for ligne in lignes:
            rang += 1
            donnees = dict(ligne, rang=rang)
            empreinte = audit.calculer_empreinte(cle, donnees, precedente)
            bind.execute(t.update().where(t.c.id == ligne["id"]).values(
                rang=rang, empreinte_precedente=precedente, empreinte=empreinte, cle_id=cle_id))
            precedente = empreinte
        _suspendre_declencheur(bind, False)
    bind.execute(sa.text("INSERT INTO journal_audit_tete (id, rang, empreinte) VALUES (1, :r, :e)"),
                 {"r": rang, "e": precedente})


def _suspendre_declencheur(bind, suspendre: bool) -> None:
    if bind.dialect.name == 'postgresql':
        etat = "DISABLE" if suspendre else "ENABLE"
        bind.execute(sa.text(f"ALTER TABLE journal_audit {etat} TRIGGER journal_audit_immuable"))
    elif suspendre:
        bind.execute(sa.text("DROP TRIGGER IF EXISTS journal_audit_sans_modification"))
    else:
        bind.execute(sa.text("""CREATE TRIGGER journal_audit_sans_modification BEFORE UPDATE ON journal_audit
                      BEGIN SELECT RAISE(ABORT, 'journal_audit est en ajout seul'); END"""))


def downgrade():
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        op.execute("""
            CREATE OR REPLACE FUNCTION journal_audit_immuable() RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM audit_purge_autorisee) THEN
                    RETURN OLD;
                END IF;
                RAISE EXCEPTION 'journal_audit est en ajout seul';
            END;
            $$ LANGUAGE plpgsql""")
    else:
        op.execute("DROP TRIGGER IF EXISTS journal_audit_sans_suppression")
        op.execute("""CREATE TRIGGER journal_audit_sans_suppression BEFORE DELETE ON journal_audit
                      WHEN NOT EXISTS (SELECT 1 FROM audit_purge_autorisee)
                      BEGIN SELECT RAISE(ABORT, 'journal_audit est en ajout seul'); END""")
    op.drop_table('journal_audit_tete')
    op.drop_index(op.f('ix_journal_audit_rang'), table_name='journal_audit')
    for colonne in ('cle_id', 'empreinte', 'empreinte_precedente', 'rang'):
        op.drop_column('journal_audit', colonne)
