"""The scale generator of the benchmark (`python -m bench.echelle`), at a size fit for CI:
its rows are valid for the models, readable through the pages, and its notes decrypt."""
from __future__ import annotations

import re
import uuid

import pytest
from sqlalchemy import func, select

from bench import echelle

from cipdesk.accueil.accueils.models import Accueil, Urgence
from cipdesk.accueil.diagnostic.models import Diagnostic
from cipdesk.comptes.models import Utilisateur
from cipdesk.notes.models import NoteConfidentielle
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.entretiens.models import Entretien
from cipdesk.parcours.etapes.models import Etape
from cipdesk.personnes.models import Personne
from cipdesk.security.chiffrement import ouvrir


pytestmark = pytest.mark.slow


def test_generation_a_l_echelle_d_essai(app, ctx, nav):
    comptes = echelle.remplir(app, "essai", seed=20261123)
    assert "candidat@demo.cipdesk.fr" in comptes
    comptes = {m.__name__: ctx.scalar(select(func.count()).select_from(m))
               for m in (Personne, Accueil, Diagnostic, Parcours, Etape, Entretien, NoteConfidentielle)}
    assert comptes["Personne"] >= 60 and comptes["Entretien"] >= 500, comptes
    # every row loads through the ORM (enum values, types) …
    for model in (Accueil, Urgence, Diagnostic, Parcours, Etape, Entretien, Personne):
        ctx.scalars(select(model)).all()
    # … notes decrypt, bound to their rows
    for note in ctx.scalars(select(NoteConfidentielle).limit(20)):
        assert ouvrir(ctx, note, "contenu")
    # … and the main pages open for the demo candidat.
    nav.connexion("candidat@demo.cipdesk.fr", "Démo-cipdesk-2026 !")
    html = nav.get("/accueil/").get_data(as_text=True)
    ids = re.findall(r"/accueil/personnes/([0-9a-f-]{36})", html)
    assert ids
    for pid in ids[:3]:
        assert nav.get(f"/accueil/personnes/{pid}").status_code == 200
        assert nav.get(f"/accueil/personnes/{pid}/diagnostic").status_code == 200
    parcours = ctx.scalars(select(Parcours).where(Parcours.personne_id.in_([uuid.UUID(i) for i in ids]))).first()
    assert parcours is not None
    assert nav.get(f"/parcours/{parcours.id}").status_code == 200
    assert nav.get("/").status_code == 200
    assert nav.get("/competences/").status_code == 200
    # the employeurs and intégration generators (issues #13, #14): rows that load, texts that decrypt
    from cipdesk.employeurs.candidatures.models import Candidature
    from cipdesk.employeurs.entreprises.models import Entreprise
    from cipdesk.employeurs.interactions.models import Interaction
    from cipdesk.employeurs.offres.models import Offre
    from cipdesk.integration.points.models import PointSuivi
    from cipdesk.integration.suivis.models import SuiviIntegration

    volumes = {m.__name__: ctx.scalar(select(func.count()).select_from(m))
               for m in (Entreprise, Interaction, Offre, Candidature, SuiviIntegration, PointSuivi)}
    assert all(volumes.values()), volumes
    assert volumes["Interaction"] >= 2 * volumes["Entreprise"], volumes
    for modele in (Entreprise, Interaction, Offre, Candidature, SuiviIntegration, PointSuivi):
        ctx.scalars(select(modele)).all()
    assert ctx.scalars(select(Interaction).limit(1)).one().compte_rendu.startswith("Échange")
    candidat = ctx.scalars(select(Utilisateur).where(Utilisateur.email == "candidat@demo.cipdesk.fr")).one()
    suivi = ctx.scalars(select(SuiviIntegration).where(SuiviIntegration.structure_id == candidat.structure_id)
                        .order_by(SuiviIntegration.created_at.desc()).limit(1)).one()   # the last generated
    assert suivi.interlocuteurs.startswith("Tuteur")
    # the candidat's own, or a colleague's (outside a non-shared caseload): shown or refused, never lost
    assert nav.get(f"/integration/suivis/{suivi.id}").status_code in (200, 403)
    entreprise = ctx.scalars(select(Entreprise).join(Utilisateur, Utilisateur.structure_id == Entreprise.structure_id)
                             .where(Utilisateur.email == "candidat@demo.cipdesk.fr").limit(1)).one()
    assert nav.get(f"/employeurs/entreprises/?q={entreprise.siret[:6]}").status_code == 200
    assert nav.get("/integration/").status_code == 200
    # the projets (parcours generator): a projet for most parcours, métiers of the employers' sectors …
    from datetime import date

    from cipdesk.employeurs.echelle import SECTEURS
    from cipdesk.employeurs.offres.models import FicheDePoste
    from cipdesk.employeurs.profils.queries import rapprochement
    from cipdesk.parcours.echelle import METIERS_DU_TERRITOIRE, remplir_echelle
    from cipdesk.parcours.projet.models import MetierExplore, Projet
    from cipdesk.parcours.projet.rules import metiers_rome

    assert set(METIERS_DU_TERRITOIRE) == {rome for _naf, rome, _metier in SECTEURS} <= set(metiers_rome())
    projets, metiers = (ctx.scalar(select(func.count()).select_from(m)) for m in (Projet, MetierExplore))
    assert projets >= comptes["Parcours"] // 2 and metiers >= projets, (projets, metiers, comptes["Parcours"])
    assert ctx.scalar(select(func.count()).select_from(Projet).where(Projet.valide_le.isnot(None)))
    # (the generated ones: the demo's own projets may have an empty bilan)
    for projet in ctx.scalars(select(Projet).where(Projet.interets_chiffre.isnot(None)).limit(20)):
        assert projet.interets and projet.parcours.statut.value in ("ouvert", "clos")
        assert projet.metiers and all(m.libelle and m.rome_code in metiers_rome() for m in projet.metiers)
    # … and at least one generated offer finds people of the caseload (issue #13 point 6).
    trouves = 0
    for offre in ctx.scalars(select(Offre).join(FicheDePoste, FicheDePoste.id == Offre.fiche_id)
                             .where(FicheDePoste.rome_code != "")):
        for utilisateur in ctx.scalars(select(Utilisateur).where(Utilisateur.structure_id == offre.structure_id)):
            trouves = max(trouves, len(rapprochement(ctx, utilisateur, offre, date.today())))
    assert trouves >= 1
    # run again (`python -m bench.tableau --modules parcours` on a filled base): nothing doubles
    avant = ctx.scalar(select(func.count()).select_from(MetierExplore))
    remplir_echelle(echelle.Contexte(session=ctx, echelle=echelle.ECHELLES["essai"], rnd=None, fake=None,
                                     aujourd_hui=date.today(), progression=lambda _m: None))
    ctx.commit()
    assert (ctx.scalar(select(func.count()).select_from(Projet)),
            ctx.scalar(select(func.count()).select_from(MetierExplore))) == (projets, avant)


def test_chaque_plancher_repond_sur_les_donnees_d_essai(app, kek_b64):
    """The floors of bench/planchers.py (installed only by `bench.wsgi`) answer on the
    generated data, for the demo candidat: they import the app's queries, so a
    refactoring that breaks one shows here and not on the day of a benchmark."""
    from bench import planchers
    from cipdesk import create_app
    from cipdesk.core.db import db

    echelle.remplir(app, "essai", seed=20261123)
    banc = create_app({"TESTING": True, "SECRET_KEY": "cle-de-test", "CIPDESK_KEK": kek_b64,
                       "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"]})
    planchers.installer(banc)
    try:
        from tests.conftest import Navigateur

        nav = Navigateur(banc.test_client())
        assert nav.connexion("candidat@demo.cipdesk.fr", "Démo-cipdesk-2026 !").status_code == 303
        reponse = nav.get("/_plancher/contexte")
        assert reponse.status_code == 200 and "Server-Timing" in reponse.headers
        contexte = reponse.get_json()
        assert contexte, "aucune personne avec un parcours dans le périmètre du candidat"
        for nom in planchers.PLANCHERS:
            parametres = dict(contexte, q=contexte["recherche"] if nom == "recherche" else "")
            reponse = nav.get(f"/_plancher/{nom}", query_string=parametres)
            assert reponse.status_code == 200, (nom, reponse.get_data(as_text=True)[-500:])
    finally:
        with banc.app_context():
            db.session.remove()
            db.engine.dispose()
