"""quotidien : une seule table pour les listes modifiables par la structure (valeur_de_liste) ;
les dimensions du diagnostic (table dimension_diagnostic) et les listes du parcours
(JSON Structure.parametres["listes_parcours"]) y sont reprises, dans les deux sens.

Revision ID: 0018_quotidien
Revises: 0017_integration
"""
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0018_quotidien"
down_revision = "0018_pratique"
branch_labels = None
depends_on = None

# Les valeurs par défaut à la date de cette migration (le code peut changer ensuite).
DIMENSIONS = (
    ("emploi", "Emploi et expérience"), ("formation", "Formation et qualification"),
    ("savoirs_base", "Savoirs de base, illettrisme, FLE / maîtrise du français"), ("numerique", "Numérique"),
    ("droits", "Démarches administratives et accès aux droits"), ("logement", "Hébergement / logement"),
    ("mobilite", "Mobilité"), ("sante", "Santé (dont addictions, handicap, santé psychique)"),
    ("justice", "Justice"), ("ressources", "Ressources, finances, surendettement"),
    ("famille", "Famille, garde d'enfants"), ("disponibilite", "Disponibilité"),
    ("confiance", "Confiance en soi, mobilisation"),
)
CODES_PARCOURS = {
    "dispositif": {"contrat_engagement", "cer", "cej", "pacea", "plie", "iae", "accompagnement_global", "cep", "autre"},
    "type_etape": {"levee_frein", "formation", "immersion", "emploi", "demarche_administrative", "atelier",
                   "orientation_partenaire", "autre"},
    "phase_projet": {"exploration", "cristallisation", "specification", "realisation"},
    "financement": {"cpf", "region", "france_travail", "opco", "employeur", "agefiph", "personnel", "aucun"},
}
CLE = "listes_parcours"

valeur = sa.table("valeur_de_liste", sa.column("id", sa.Uuid()), sa.column("structure_id", sa.Uuid()),
                  sa.column("liste", sa.String()), sa.column("code", sa.String()), sa.column("libelle", sa.String()),
                  sa.column("ordre", sa.Integer()), sa.column("active", sa.Boolean()))
dimension = sa.table("dimension_diagnostic", sa.column("id", sa.Uuid()), sa.column("structure_id", sa.Uuid()),
                     sa.column("code", sa.String()), sa.column("libelle", sa.String()),
                     sa.column("ordre", sa.Integer()), sa.column("active", sa.Boolean()))
structure = sa.table("structure", sa.column("id", sa.Uuid()), sa.column("parametres", sa.JSON()))


def upgrade():
    op.create_table(
        "valeur_de_liste",
        sa.Column("liste", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("libelle", sa.String(length=120), nullable=False),
        sa.Column("ordre", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("structure_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(["structure_id"], ["structure.id"], name=op.f("fk_valeur_de_liste_structure_id_structure")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_valeur_de_liste")),
        sa.UniqueConstraint("structure_id", "liste", "code", name="uq_valeur_de_liste_code"),
    )
    with op.batch_alter_table("valeur_de_liste", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_valeur_de_liste_structure_id"), ["structure_id"], unique=False)

    bind = op.get_bind()
    lignes = []
    # 1. The diagnostic's dimensions: a row that only restates an active default is not kept.
    defauts = dict(DIMENSIONS)
    for d in bind.execute(sa.select(dimension)).mappings():
        if d["code"] in defauts and d["libelle"] == defauts[d["code"]] and d["active"]:
            continue
        lignes.append({"id": uuid.uuid4(), "structure_id": d["structure_id"], "liste": "dimension_diagnostic",
                       "code": d["code"], "libelle": d["libelle"], "ordre": d["ordre"], "active": d["active"]})
    # 2. The parcours lists kept in the structure's settings.
    for s in bind.execute(sa.select(structure)).mappings():
        parametres = dict(s["parametres"] or {})
        if CLE not in parametres:
            continue
        for liste, surcharge in (parametres.pop(CLE) or {}).items():
            retires = set((surcharge or {}).get("retires") or [])
            vus = set()
            for ordre, (code, libelle) in enumerate((surcharge or {}).get("ajouts") or [], start=1):
                vus.add(code)
                lignes.append({"id": uuid.uuid4(), "structure_id": s["id"], "liste": liste, "code": code,
                               "libelle": libelle, "ordre": ordre, "active": code not in retires})
            for code in sorted(retires - vus):
                lignes.append({"id": uuid.uuid4(), "structure_id": s["id"], "liste": liste, "code": code,
                               "libelle": "", "ordre": 0, "active": False})
        bind.execute(structure.update().where(structure.c.id == s["id"]).values(parametres=parametres))
    if lignes:
        bind.execute(valeur.insert(), lignes)
    op.drop_table("dimension_diagnostic")


def downgrade():
    op.create_table(
        "dimension_diagnostic",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("libelle", sa.String(length=120), nullable=False),
        sa.Column("ordre", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("structure_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(["structure_id"], ["structure.id"], name=op.f("fk_dimension_diagnostic_structure_id_structure")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dimension_diagnostic")),
        sa.UniqueConstraint("structure_id", "code", name="uq_dimension_diagnostic_code"),
    )
    with op.batch_alter_table("dimension_diagnostic", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dimension_diagnostic_structure_id"), ["structure_id"], unique=False)

    bind = op.get_bind()
    par_structure: dict = {}
    for v in bind.execute(sa.select(valeur).order_by(valeur.c.ordre, valeur.c.libelle)).mappings():
        par_structure.setdefault(v["structure_id"], {}).setdefault(v["liste"], []).append(v)
    dimensions = []
    for structure_id, listes in par_structure.items():
        # 1. The dimensions: the old table held the whole list once a structure had edited it.
        if "dimension_diagnostic" in listes:
            lignes = {v["code"]: v for v in listes.pop("dimension_diagnostic")}
            ordre = 0
            for code, libelle in DIMENSIONS:
                v = lignes.pop(code, None)
                dimensions.append({"id": uuid.uuid4(), "structure_id": structure_id, "code": code[:40],
                                   "libelle": (v["libelle"] if v is not None and v["libelle"] else libelle),
                                   "ordre": ordre, "active": v["active"] if v is not None else True})
                ordre += 1
            for v in lignes.values():
                dimensions.append({"id": uuid.uuid4(), "structure_id": structure_id, "code": v["code"][:40],
                                   "libelle": v["libelle"] or v["code"], "ordre": ordre, "active": v["active"]})
                ordre += 1
        # 2. The parcours lists go back to the structure's settings.
        surcharges = {}
        for liste, valeurs in listes.items():
            defauts = CODES_PARCOURS.get(liste, set())
            surcharges[liste] = {"ajouts": [[v["code"], v["libelle"]] for v in valeurs if v["code"] not in defauts],
                                 "retires": sorted(v["code"] for v in valeurs if not v["active"])}
        if surcharges:
            parametres = dict(bind.execute(sa.select(structure.c.parametres).where(
                structure.c.id == structure_id)).scalar() or {})
            parametres[CLE] = surcharges
            bind.execute(structure.update().where(structure.c.id == structure_id).values(parametres=parametres))
    if dimensions:
        bind.execute(dimension.insert(), dimensions)
    op.drop_table("valeur_de_liste")
