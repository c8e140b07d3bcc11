"""0019_quotidien: the analyse de pratique d'animation written in clear in an atelier's bilan
(bilan_atelier.analyse_pratique) becomes an analyse de pratique of the pratique module, encrypted,
private to the bilan's author, attached to the session; the clear column is dropped. Downgrade
gives the text back to the column (the analysis stays). SQLite or PostgreSQL."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from cipdesk.core.db import db
from tests.http.test_migrations import app_neuve  # noqa: F401  (the fresh-database fixture)

pytestmark = pytest.mark.slow

TEXTE = "J'ai davantage sollicité les binômes pour réguler les écarts de niveau."


def test_l_analyse_du_bilan_passe_dans_le_module_pratique(app_neuve):  # noqa: F811
    from flask_migrate import downgrade, upgrade

    from cipdesk.ateliers.bilan.services import enregistrer_bilan
    from cipdesk.ateliers.sessions.models import SessionAtelier
    from cipdesk.pratique.analyses.models import AnalysePratique
    from tests.factories import Fabrique
    from tests.factories.ateliers import objets_ateliers

    with app_neuve.app_context():
        upgrade()
        moteur = db.engine
        with Session(moteur) as s:
            monde = Fabrique(s, "x").monde()
            ids = objets_ateliers(s, monde)
            sess = s.get(SessionAtelier, ids["session_atelier"])
            enregistrer_bilan(s, sess, par=monde.conseiller, le=date.today(), version=None,
                              ecarts="Une séquence a débordé", ajustements="")
            s.commit()
            auteur_id, session_id, jour = monde.conseiller.id, sess.id, sess.demi_journees[-1].le
        downgrade(revision="0018_pseudo")
        with moteur.begin() as c:
            c.execute(text("UPDATE bilan_atelier SET analyse_pratique = :t"), {"t": TEXTE})
        upgrade()
        with moteur.connect() as c:
            colonnes = {col["name"] for col in inspect(c).get_columns("bilan_atelier")}
            assert "analyse_pratique" not in colonnes
            brut = c.execute(text("SELECT situation_chiffre FROM analyse_pratique")).scalar_one()
            assert TEXTE.encode() not in bytes(brut)  # encrypted at rest
        with Session(moteur) as s:
            analyse = s.scalars(select(AnalysePratique)).one()
            assert (analyse.auteur_id, analyse.objet_type, analyse.objet_id) == (auteur_id, "session_atelier", session_id)
            assert analyse.situation == TEXTE and analyse.situation_le == jour
            assert analyse.titre == "Animation de l'atelier « Atelier de la matrice »"

        # down again: the text is given back to the column, the analysis stays; up again: no duplicate
        downgrade(revision="0018_pseudo")
        with moteur.connect() as c:
            assert c.execute(text("SELECT analyse_pratique FROM bilan_atelier")).scalar_one() == TEXTE
            assert c.execute(text("SELECT count(*) FROM analyse_pratique")).scalar_one() == 1
        upgrade()
        with moteur.connect() as c:
            assert c.execute(text("SELECT count(*) FROM analyse_pratique")).scalar_one() == 1
