"""The parcours module's timeline providers (issue 9, point 3): an entretien, an
étape change and an exit appear on the person's timeline, each provider in one query."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import event

from cipdesk.core.contrat import registre
from cipdesk.core.dates import aujourdhui
from cipdesk.parcours.entretiens import services as entretiens
from cipdesk.parcours.entretiens.rules import ModeEntretien, TypeEntretien
from cipdesk.parcours.etapes import services as etapes
from cipdesk.parcours.etapes.rules import Responsable, StatutEtape
from cipdesk.parcours.sortie import services as sortie
from tests.http.parcours.test_parcours import ouvrir


@pytest.fixture
def monde(fabrique):
    return fabrique.monde()


def _personne_sortie(ctx, fabrique, monde):
    """A person with a contract, an entretien, an étape started, and an exit."""
    personne = fabrique.personne(monde.structure, referent=monde.conseiller, nom="Chronos", prenom="Léa")
    parcours = ouvrir(ctx, personne, monde.conseiller, debut=date.today() - timedelta(days=60))
    jour = aujourdhui()
    entretiens.ajouter_entretien(ctx, parcours, par=monde.conseiller, le=jour - timedelta(days=20),
                                 duree_minutes=45, mode=ModeEntretien.PRESENTIEL,
                                 type_entretien=TypeEntretien.SUIVI, objectif="Point sur les démarches",
                                 synthese="", aujourd_hui=jour)
    etape = etapes.ajouter_etape(ctx, parcours, par=monde.conseiller, type_code="formation", intitule="CACES R489",
                                 responsable=Responsable.PERSONNE, echeance=jour + timedelta(days=10),
                                 objectif="Emploi", le=jour - timedelta(days=15))
    etapes.changer_statut(ctx, etape, par=monde.conseiller, statut=StatutEtape.REALISEE,
                          le=jour - timedelta(days=5), version=etape.version, aujourd_hui=jour)
    sortie.clore_parcours(ctx, parcours, par=monde.conseiller, version=parcours.version, sortie_le=jour,
                          motif="cdi", bilan="Embauche en CDI", aujourd_hui=jour)
    ctx.commit()
    return personne


def test_entretien_etape_et_sortie_sur_la_chronologie(app, ctx, fabrique, monde):
    personne = _personne_sortie(ctx, fabrique, monde)
    evenements = [e for f in registre.chronologie() for e in f(ctx, personne, monde.conseiller)]
    natures = {e.nature for e in evenements}
    assert {"entretien", "etape", "bilan_parcours", "parcours"} <= natures
    titres = " | ".join(e.titre for e in evenements)
    assert "Entretien (suivi" in titres
    assert "Étape réalisée : CACES R489" in titres and "Étape prévue : CACES R489" in titres
    assert "Sortie du parcours : emploi durable" in titres
    # every nature is a record kind of the registry (filter by kind, links)
    assert natures <= set(registre.objets())
    # every event links to a page of the parcours module
    with app.test_request_context():
        from flask import url_for
        for e in evenements:
            if e.endpoint.startswith("parcours."):
                assert url_for(e.endpoint, **dict(e.params)).startswith("/parcours/")


def test_chaque_fournisseur_du_parcours_fait_une_seule_requete(app, ctx, fabrique, monde):
    from cipdesk.parcours.module import MODULE

    personne = _personne_sortie(ctx, fabrique, monde)
    ctx.expire_all()
    personne = ctx.get(type(personne), personne.id)
    requetes = []
    moteur = ctx.get_bind()
    ecouteur = lambda *a, **k: requetes.append(1)  # noqa: E731
    event.listen(moteur, "before_cursor_execute", ecouteur)
    try:
        for fournisseur in MODULE.chronologie:
            requetes.clear()
            assert fournisseur(ctx, personne, monde.conseiller)
            assert len(requetes) == 1, fournisseur.__module__
    finally:
        event.remove(moteur, "before_cursor_execute", ecouteur)


def test_la_fiche_de_la_personne_montre_entretien_etape_et_sortie(app, ctx, fabrique, monde, nav):
    """Through the hub: personnes.queries.chronologie assembles every module's providers,
    newest first, and the person page shows them (filterable by kind)."""
    from cipdesk.personnes.queries import chronologie

    personne = _personne_sortie(ctx, fabrique, monde)
    evenements = chronologie(ctx, personne, monde.conseiller)
    assert [e.le for e in evenements] == sorted((e.le for e in evenements), reverse=True)
    assert {"entretien", "etape", "bilan_parcours"} <= {e.nature for e in evenements}
    nav.connexion(monde.conseiller.email)
    page = nav.get(f"/accueil/personnes/{personne.id}").get_data(as_text=True)
    for attendu in ("Entretien (suivi", "Étape réalisée : CACES R489", "Sortie du parcours : emploi durable"):
        assert attendu in page
    entretiens_seuls = nav.get(f"/accueil/personnes/{personne.id}?nature=entretien").get_data(as_text=True)
    assert "Entretien (suivi" in entretiens_seuls and "Étape réalisée : CACES R489" not in entretiens_seuls
