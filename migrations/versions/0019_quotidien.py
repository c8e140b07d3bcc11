"""quotidien : verrou optimiste des objectifs pédagogiques et des séquences d'un atelier
(colonne version) ; l'analyse de la pratique d'animation quitte le bilan de l'atelier
(bilan_atelier.analyse_pratique, en clair) pour le module pratique (analyse_pratique, chiffrée,
réservée à son auteur·e), rattachée à la session animée (objet_type « session_atelier ») ;
personne.nom_phonetique : les clés phonétiques du nom pour la recherche tolérante (Dupond trouve
Dupont), calculées pour les personnes existantes par cipdesk.core.texte.cles_phonetiques ;
utilisateur.citations_depliees : la préférence « citations du référentiel dépliées » (repliées par défaut).

Montée : chaque texte non vide devient une analyse de pratique de l'auteur·e du bilan (titre
« Animation de l'atelier « … » », le texte dans « La situation », datée de la dernière
demi-journée de la session), chiffrée comme le fait l'application (cipdesk.security : même
format, mêmes données associées), puis la colonne en clair est retirée. Rejouable : une analyse
du même auteur·e sur la même session avec le même texte n'est pas recréée.
Descente : la colonne revient (vide) et reçoit le texte de la première analyse de l'auteur·e du
bilan rattachée à la session ; les analyses restent dans le module pratique (rien n'est effacé).

Revision ID: 0019_quotidien
Revises: 0019_securite
"""
import uuid
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0019_quotidien"
down_revision = "0019_securite"
branch_labels = None
depends_on = None

OBJET = "session_atelier"

bilan = sa.table("bilan_atelier", sa.column("id", sa.Uuid()), sa.column("structure_id", sa.Uuid()),
                 sa.column("session_id", sa.Uuid()), sa.column("analyse_pratique", sa.Text()),
                 sa.column("redige_le", sa.Date()), sa.column("redige_par_id", sa.Uuid()))
session_atelier = sa.table("session_atelier", sa.column("id", sa.Uuid()), sa.column("atelier_id", sa.Uuid()))
atelier = sa.table("atelier", sa.column("id", sa.Uuid()), sa.column("titre", sa.String()))
demi_journee = sa.table("demi_journee", sa.column("session_id", sa.Uuid()), sa.column("le", sa.Date()))
analyse = sa.table("analyse_pratique", sa.column("id", sa.Uuid()), sa.column("structure_id", sa.Uuid()),
                   sa.column("auteur_id", sa.Uuid()), sa.column("situation_le", sa.Date()),
                   sa.column("objet_type", sa.String()), sa.column("objet_id", sa.Uuid()),
                   sa.column("titre_chiffre", sa.LargeBinary()), sa.column("situation_chiffre", sa.LargeBinary()),
                   sa.column("created_at", sa.DateTime(timezone=True)),
                   sa.column("updated_at", sa.DateTime(timezone=True)), sa.column("version", sa.Integer()))


def _aad(structure_id, nom: str, ident) -> bytes:
    from cipdesk.security.chiffrement import aad_ligne

    return aad_ligne(structure_id, "analyse_pratique", nom, ident)


def _colonnes(conn, table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(conn).get_columns(table)}


def _analyses_existantes(conn, session, coffre, auteur_id, session_id) -> list[tuple[uuid.UUID, str]]:
    lignes = conn.execute(sa.select(analyse.c.id, analyse.c.structure_id, analyse.c.situation_chiffre)
                          .where(analyse.c.auteur_id == auteur_id, analyse.c.objet_type == OBJET,
                                 analyse.c.objet_id == session_id)
                          .order_by(analyse.c.created_at, analyse.c.id)).all()
    return [(ident, coffre.dechiffrer(session, aad=_aad(structure_id, "situation", ident), blob=blob) if blob else "")
            for ident, structure_id, blob in lignes]


personne = sa.table("personne", sa.column("id", sa.Uuid()), sa.column("nom", sa.String()),
                    sa.column("prenom", sa.String()), sa.column("nom_usage", sa.String()),
                    sa.column("nom_phonetique", sa.String()))


def _cles_phonetiques(conn) -> None:
    from cipdesk.core.texte import cles_phonetiques

    lignes = conn.execute(sa.select(personne.c.id, personne.c.nom, personne.c.prenom, personne.c.nom_usage)).all()
    for debut in range(0, len(lignes), 1000):
        lot = [{"ident": i, "cles": cles_phonetiques(n, p, u or "")[:400]} for i, n, p, u in lignes[debut:debut + 1000]]
        conn.execute(sa.update(personne).where(personne.c.id == sa.bindparam("ident"))
                     .values(nom_phonetique=sa.bindparam("cles")), lot)


def upgrade():
    from sqlalchemy.orm import Session

    from cipdesk.security import keys

    conn = op.get_bind()
    if "citations_depliees" not in _colonnes(conn, "utilisateur"):
        op.add_column("utilisateur", sa.Column("citations_depliees", sa.Boolean(), server_default=sa.false(),
                                               nullable=False))
    if "nom_phonetique" not in _colonnes(conn, "personne"):
        op.add_column("personne", sa.Column("nom_phonetique", sa.String(400), server_default="", nullable=False))
        _cles_phonetiques(conn)
    for table in ("objectif_pedagogique", "sequence_atelier"):
        if "version" not in _colonnes(conn, table):
            op.add_column(table, sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    if "analyse_pratique" not in _colonnes(conn, "bilan_atelier"):
        return
    session = Session(bind=conn)
    coffre = keys.coffre()
    chiffreurs = {}
    lignes = conn.execute(
        sa.select(bilan.c.structure_id, bilan.c.session_id, bilan.c.analyse_pratique, bilan.c.redige_le,
                  bilan.c.redige_par_id, atelier.c.titre)
        .join(session_atelier, session_atelier.c.id == bilan.c.session_id)
        .join(atelier, atelier.c.id == session_atelier.c.atelier_id)
        .where(bilan.c.analyse_pratique.is_not(None), bilan.c.analyse_pratique != "")
        .order_by(bilan.c.id)).all()
    maintenant = datetime.now(timezone.utc)
    for structure_id, session_id, texte, redige_le, auteur_id, titre in lignes:
        texte = texte.strip()
        if not texte or texte in [t for _i, t in _analyses_existantes(conn, session, coffre, auteur_id, session_id)]:
            continue
        derniere = conn.scalar(sa.select(sa.func.max(demi_journee.c.le)).where(demi_journee.c.session_id == session_id))
        if structure_id not in chiffreurs:
            chiffreurs[structure_id] = coffre.chiffreur(session, structure_id)
            session.flush()
        chiffrer = chiffreurs[structure_id]
        ident = uuid.uuid4()
        conn.execute(sa.insert(analyse).values(
            id=ident, structure_id=structure_id, auteur_id=auteur_id, situation_le=derniere or redige_le,
            objet_type=OBJET, objet_id=session_id,
            titre_chiffre=chiffrer(_aad(structure_id, "titre", ident), f"Animation de l'atelier « {titre} »"[:300]),
            situation_chiffre=chiffrer(_aad(structure_id, "situation", ident), texte),
            created_at=maintenant, updated_at=maintenant, version=1))
    session.flush()
    op.drop_column("bilan_atelier", "analyse_pratique")


def downgrade():
    from sqlalchemy.orm import Session

    from cipdesk.security import keys

    conn = op.get_bind()
    if "analyse_pratique" not in _colonnes(conn, "bilan_atelier"):
        op.add_column("bilan_atelier", sa.Column("analyse_pratique", sa.Text(), nullable=False, server_default=""))
    session = Session(bind=conn)
    coffre = keys.coffre()
    for ident, session_id, auteur_id in conn.execute(
            sa.select(bilan.c.id, bilan.c.session_id, bilan.c.redige_par_id)).all():
        existantes = _analyses_existantes(conn, session, coffre, auteur_id, session_id)
        if existantes:
            conn.execute(sa.update(bilan).where(bilan.c.id == ident).values(analyse_pratique=existantes[0][1]))
    if conn.dialect.name == "postgresql":
        op.alter_column("bilan_atelier", "analyse_pratique", server_default=None)
    for table in ("sequence_atelier", "objectif_pedagogique"):
        if "version" in _colonnes(conn, table):
            op.drop_column(table, "version")
    if "nom_phonetique" in _colonnes(conn, "personne"):
        op.drop_column("personne", "nom_phonetique")
    if "citations_depliees" in _colonnes(conn, "utilisateur"):
        op.drop_column("utilisateur", "citations_depliees")
