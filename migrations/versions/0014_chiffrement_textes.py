"""textes libres sensibles chiffrés au repos (issue #10, point 6)

Every sensitive free-text column `<c>` becomes `<c>_chiffre` (AES-256-GCM under the
structure's data key, bound to structure, table, column and row id: the same format
as cipdesk.security.chiffrement). Table-driven (the list below is a frozen copy of
cipdesk/security/champs_chiffres.py at this revision), independent of where the
model classes live.

Upgrade: add the `_chiffre` columns, encrypt the existing rows in batches, then drop
the clear columns. Resumable: a rerun after an interruption adds only the missing
columns and encrypts only the rows not yet encrypted (clear value present,
`_chiffre` still NULL); the clear columns are dropped only once every row is done.
On PostgreSQL the whole migration is one transaction anyway.
Downgrade: add the clear columns back (NOT NULL, default ''), decrypt into them,
drop the `_chiffre` columns.

Revision ID: 0014_chiffrement_textes
Revises: 0010_soumissions
"""
import json
import uuid

import sqlalchemy as sa
from alembic import op

revision = '0014_chiffrement_textes'
down_revision = '0013_territoire'
branch_labels = None
depends_on = None

TAILLE_LOT = 500

# table → [(column, clear type before this revision)]; JSON columns hold a dict.
TEXTE, JSON = "texte", "json"
COLONNES = {
    "personne": [("commande_prescripteur", sa.Text())],
    "accueil": [("demande_exprimee", sa.Text()), ("commande_prescripteur", sa.Text()),
                ("informations_precisions", sa.Text()), ("suite_motif", sa.Text())],
    "urgence": [("contact", sa.String(300)), ("action", sa.Text())],
    "diagnostic": [("hypotheses", sa.Text()), ("paroles_personne", sa.Text()),
                   ("validation_precisions", sa.String(500))],
    "diagnostic_dimension": [("situation", sa.Text()), ("atouts", sa.Text()), ("freins", sa.Text()),
                             ("besoins", sa.Text())],
    "synthese": [("objet", sa.String(200)), ("faits", sa.Text()), ("paroles_personne", sa.Text()),
                 ("analyse", sa.Text()), ("suites", sa.Text())],
    "orientation": [("motif", sa.Text()), ("informations_transmises", sa.Text()),
                    ("consentement_mode", sa.String(200)), ("reponse_commentaire", sa.Text())],
    "participant_reunion": [("commentaire", sa.String(500))],
    "parcours": [("objectifs", sa.Text()), ("engagements_personne", sa.Text()),
                 ("engagements_structure", sa.Text()), ("bilan", sa.Text())],
    "version_contrat": [("motif", sa.Text()), ("termes", sa.JSON())],
    "etape": [("intitule", sa.String(300)), ("partenaire", sa.String(200)), ("frein_libelle", sa.String(300)),
              ("objectif", sa.String(300))],
    "etape_evenement": [("motif", sa.Text()), ("changements", sa.JSON())],
    "entretien": [("objectif", sa.Text()), ("synthese", sa.Text()), ("progres", sa.Text()),
                  ("decisions", sa.Text()), ("prochaines_actions", sa.Text())],
    "projet": [("interets", sa.Text()), ("valeurs", sa.Text()), ("motivations", sa.Text()),
               ("competences_transferables", sa.Text()), ("qualites", sa.Text()), ("talents", sa.Text()),
               ("projet_valide", sa.Text())],
    "metier_explore": [("analyse_faisabilite", sa.Text())],
    "confrontation": [("resultat", sa.Text())],
    "action_plan": [("resultat", sa.Text())],
    "sortie": [("precision", sa.Text()), ("relais_vers", sa.String(200)), ("relais_contenu", sa.Text())],
    "suivi_sortie": [("commentaire", sa.Text())],
}
ID_ENTIER = {"participant_reunion", "etape_evenement"}  # autoincrement integer keys


def _aad(table: str, nom: str, structure_id, ident) -> bytes:
    from cipdesk.security import keys

    return f"cipdesk:v{keys.FORMAT_VERSION}:{structure_id}:{table}:{nom}:{ident}".encode()


def _colonnes_existantes(conn, table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(conn).get_columns(table)}


def _table(table: str, *colonnes):
    type_id = sa.Integer() if table in ID_ENTIER else sa.Uuid()
    return sa.table(table, sa.column("id", type_id), sa.column("structure_id", sa.Uuid()), *colonnes)


def _en_texte(valeur, type_) -> str:
    if isinstance(type_, sa.JSON):
        return json.dumps(valeur, ensure_ascii=False) if valeur else ""
    return valeur or ""


def upgrade():
    from sqlalchemy.orm import Session

    from cipdesk.security import keys

    conn = op.get_bind()
    session = Session(bind=conn)
    coffre = keys.coffre()
    chiffreurs: dict[uuid.UUID, object] = {}
    for table, colonnes in COLONNES.items():
        existantes = _colonnes_existantes(conn, table)
        for nom, _type in colonnes:
            if f"{nom}_chiffre" not in existantes:
                op.add_column(table, sa.Column(f"{nom}_chiffre", sa.LargeBinary(), nullable=True))
        a_chiffrer = [(nom, type_) for nom, type_ in colonnes if nom in existantes]
        for nom, type_ in a_chiffrer:
            t = _table(table, sa.column(nom, type_), sa.column(f"{nom}_chiffre", sa.LargeBinary()))
            clair, chiffre = t.c[nom], t.c[f"{nom}_chiffre"]
            dernier = None
            while True:
                requete = (sa.select(t.c.id, t.c.structure_id, clair)
                           .where(chiffre.is_(None), clair.is_not(None)).order_by(t.c.id).limit(TAILLE_LOT))
                if dernier is not None:
                    requete = requete.where(t.c.id > dernier)
                lot = conn.execute(requete).all()
                if not lot:
                    break
                for ident, structure_id, valeur in lot:
                    texte = _en_texte(valeur, type_)
                    if not texte:
                        continue  # an empty text stays NULL: nothing to hide
                    if structure_id not in chiffreurs:
                        chiffreurs[structure_id] = coffre.chiffreur(session, structure_id)
                        session.flush()
                    blob = chiffreurs[structure_id](_aad(table, nom, structure_id, ident), texte)
                    conn.execute(sa.update(t).where(t.c.id == ident).values({chiffre: blob}))
                dernier = lot[-1][0]
        for nom, _type in a_chiffrer:
            op.drop_column(table, nom)
    session.flush()


def downgrade():
    from sqlalchemy.orm import Session

    from cipdesk.security import keys

    conn = op.get_bind()
    session = Session(bind=conn)
    coffre = keys.coffre()
    postgres = conn.dialect.name == "postgresql"
    for table, colonnes in COLONNES.items():
        existantes = _colonnes_existantes(conn, table)
        for nom, type_ in colonnes:
            if nom not in existantes:
                defaut = sa.text("'{}'") if isinstance(type_, sa.JSON) else sa.text("''")
                op.add_column(table, sa.Column(nom, type_, nullable=False, server_default=defaut))
        for nom, type_ in colonnes:
            if f"{nom}_chiffre" not in existantes:
                continue
            t = _table(table, sa.column(nom, type_), sa.column(f"{nom}_chiffre", sa.LargeBinary()))
            chiffre = t.c[f"{nom}_chiffre"]
            dernier = None
            while True:
                requete = (sa.select(t.c.id, t.c.structure_id, chiffre).where(chiffre.is_not(None))
                           .order_by(t.c.id).limit(TAILLE_LOT))
                if dernier is not None:
                    requete = requete.where(t.c.id > dernier)
                lot = conn.execute(requete).all()
                if not lot:
                    break
                for ident, structure_id, blob in lot:
                    texte = coffre.dechiffrer(session, aad=_aad(table, nom, structure_id, ident), blob=blob)
                    valeur = json.loads(texte) if isinstance(type_, sa.JSON) else texte
                    conn.execute(sa.update(t).where(t.c.id == ident).values({t.c[nom]: valeur, chiffre: None}))
                dernier = lot[-1][0]
        for nom, _type in colonnes:
            if postgres:
                op.alter_column(table, nom, server_default=None)
            if f"{nom}_chiffre" in existantes:
                op.drop_column(table, f"{nom}_chiffre")
