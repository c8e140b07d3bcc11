"""Issue 12: « start from a need » — open freins of validated diagnostics of the team's
caseload, counted by dimension, never named."""
from __future__ import annotations

from cipdesk.ateliers.conception.queries import besoins_de_la_file_active
from tests.factories.accueil import diagnostic, personne
from tests.http.ateliers.conftest import texte


def test_besoins_de_la_file_active(ctx, monde, nav):
    conseiller, collegue = ctx.merge(monde.conseiller), ctx.merge(monde.collegue)
    for nom in ("Alpha", "Beta"):
        diagnostic(ctx, conseiller, personne(ctx, conseiller, nom=nom), valider=True,
                       freins={"mobilite": 3, "logement": 0})
    diagnostic(ctx, collegue, personne(ctx, collegue, nom="Gamma"), valider=True, freins={"mobilite": 2})
    diagnostic(ctx, conseiller, personne(ctx, conseiller, nom="Brouillon"), valider=False,
                   freins={"mobilite": 3})  # a draft is not shared yet
    ailleurs = ctx.merge(monde.conseiller_ailleurs)
    diagnostic(ctx, ailleurs, personne(ctx, ailleurs, nom="Ailleurs"), valider=True, freins={"mobilite": 3})
    ctx.commit()
    besoins = {b.dimension_code: b.personnes for b in besoins_de_la_file_active(ctx, monde.conseiller)}
    assert besoins.get("mobilite") == 3 and "logement" not in besoins
    nav.connexion(monde.conseiller.email)
    page = texte(nav.get("/ateliers/"))
    assert "3 personnes de la file active de l'équipe ont un frein « mobilité » ouvert" in page.lower() or \
        "3 personnes de la file active de l'équipe ont un frein" in page
    assert "Alpha" not in page
    depart = texte(nav.get("/ateliers/nouveau?besoin=Mobilité"))
    assert "Besoin identifié dans la file active : Mobilité." in depart
