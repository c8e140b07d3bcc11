"""0018_quotidien: the two old mechanisms of editable lists (the table
dimension_diagnostic, the JSON Structure.parametres["listes_parcours"]) are taken
into valeur_de_liste and given back on downgrade, on SQLite or PostgreSQL."""
from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import text

from cipdesk.core.db import db
from tests.http.test_migrations import app_neuve  # noqa: F401  (the fresh-database fixture)

pytestmark = pytest.mark.slow


def _valeurs(c):
    return {(r.liste, r.code): (r.libelle, bool(r.active)) for r in c.execute(text(
        "SELECT liste, code, libelle, active FROM valeur_de_liste"))}


def test_les_listes_passent_dans_la_table_commune_et_reviennent(app_neuve):  # noqa: F811
    from flask_migrate import downgrade, upgrade

    sid = uuid.uuid4()
    with app_neuve.app_context():
        upgrade(revision="0017_integration")
        moteur = db.engine
        parametres = {"autre": 1, "listes_parcours": {
            "dispositif": {"ajouts": [["clea", "CléA"]], "retires": ["cer"]},
            "financement": {"ajouts": [], "retires": ["opco"]}}}
        with moteur.begin() as c:
            c.execute(text("INSERT INTO structure (id, nom, type_structure, ville, parametres, created_at, updated_at) "
                           "VALUES (:id, 'Mission locale du Pays d''Arles', '', 'Arles', :p, CURRENT_TIMESTAMP, "
                           "CURRENT_TIMESTAMP)"), {"id": sid if moteur.dialect.name == "postgresql" else sid.hex,
                                                    "p": json.dumps(parametres)})
            for ordre, (code, libelle, active) in enumerate([("mobilite", "Mobilité", True),
                                                             ("justice", "Justice", False),
                                                             ("numerique_avance", "Numérique avancé", True)]):
                c.execute(text("INSERT INTO dimension_diagnostic (id, structure_id, code, libelle, ordre, active, "
                               "created_at, updated_at) VALUES (:id, :s, :code, :libelle, :ordre, :active, "
                               "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"),
                          {"id": uuid.uuid4() if moteur.dialect.name == "postgresql" else uuid.uuid4().hex,
                           "s": sid if moteur.dialect.name == "postgresql" else sid.hex, "code": code,
                           "libelle": libelle, "ordre": ordre, "active": active})

        upgrade(revision="0018_quotidien")
        with moteur.connect() as c:
            assert _valeurs(c) == {
                ("dimension_diagnostic", "justice"): ("Justice", False),
                ("dimension_diagnostic", "numerique_avance"): ("Numérique avancé", True),
                ("dispositif", "clea"): ("CléA", True),
                ("dispositif", "cer"): ("", False),
                ("financement", "opco"): ("", False),
            }  # an active default restated by the old table ("mobilite") is not kept
            p = c.execute(text("SELECT parametres FROM structure")).scalar_one()
            p = json.loads(p) if isinstance(p, str) else p
            assert p == {"autre": 1}

        downgrade(revision="0017_integration")
        with moteur.connect() as c:
            dims = {r.code: (r.libelle, bool(r.active)) for r in c.execute(text(
                "SELECT code, libelle, active FROM dimension_diagnostic ORDER BY ordre"))}
            assert len(dims) == 14 and dims["justice"] == ("Justice", False)
            assert dims["mobilite"] == ("Mobilité", True) and dims["numerique_avance"] == ("Numérique avancé", True)
            p = c.execute(text("SELECT parametres FROM structure")).scalar_one()
            p = json.loads(p) if isinstance(p, str) else p
            assert p["autre"] == 1
            assert p["listes_parcours"] == {"dispositif": {"ajouts": [["clea", "CléA"]], "retires": ["cer"]},
                                            "financement": {"ajouts": [], "retires": ["opco"]}}
