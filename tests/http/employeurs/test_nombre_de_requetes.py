"""The employeurs pages of the benchmark (bench/tableau.py, issue #13) cost a fixed number of
SQL queries, whatever the number of candidatures, matched people or targeted employers."""
from __future__ import annotations

from cipdesk.core.dates import aujourdhui
from cipdesk.personnes.models import StatutPersonne
from tests.http.requetes import compter_requetes

# The offer's page: the account with its session, structure and candidat profile (1), the offer
# with its fiche, employer and justifications (1), the candidatures with their visibility (1), the
# matched people with their profile, their métiers and their freins (1), the measures
# mobilised (1); for a conseiller, the measures to mobilise (1). The perimeter comes from the
# structure's settings read with the account (no query).
REQUETES_OFFRE_CHEF = 5
REQUETES_OFFRE_CONSEILLER = 6


def _projet(ctx, personne, rome, par, debut):
    from cipdesk.parcours.contrat import services as parcours
    from cipdesk.parcours.projet import services as projet_services

    p = parcours.ouvrir_parcours(ctx, personne, par=par, dispositif_code="plie", debut=debut, fin_prevue=None,
                                 objectifs="Emploi", engagements_personne="a", engagements_structure="b")
    pr = projet_services.demarrer_projet(ctx, p, par=par, le=aujourdhui())
    projet_services.ajouter_metier(ctx, pr, par=par, rome_code=rome, libelle="")


def _candidats(ctx, fabrique, emp, n, referent):
    from cipdesk.employeurs.candidatures.services import proposer

    for _ in range(n):
        personne = fabrique.personne(emp.structure, referent=referent, statut=StatutPersonne.ACCOMPAGNEE)
        _projet(ctx, personne, "D1106", referent, emp.aujourd_hui)
        proposer(ctx, emp.offre, personne, par=referent, le=emp.aujourd_hui, aujourd_hui=emp.aujourd_hui,
                 dans_le_perimetre=True)
        ctx.commit()
        autre = fabrique.personne(emp.structure, referent=referent, statut=StatutPersonne.ACCOMPAGNEE)
        _projet(ctx, autre, "D1106", referent, emp.aujourd_hui)   # matched, not a candidate
    ctx.commit()


def test_page_d_une_offre_nombre_de_requetes_fixe(app, nav_factory, fabrique, emp, ctx):
    url = f"/employeurs/offres/{emp.offre.id}"
    _candidats(ctx, fabrique, emp, 1, emp.conseiller)
    chef, conseiller = nav_factory(), nav_factory()
    chef.connexion(emp.chef.email)
    conseiller.connexion(emp.conseiller.email)
    chef.get(url), conseiller.get(url)   # warm-up (session, user)
    peu = compter_requetes(app, chef, url), compter_requetes(app, conseiller, url)
    _candidats(ctx, fabrique, emp, 4, emp.conseiller)
    _candidats(ctx, fabrique, emp, 3, emp.collegue)   # the chef sees them, the conseiller counts them
    page = conseiller.get(url).get_data(as_text=True)
    assert "3 autres candidatures de personnes hors de votre file active" in page
    assert page[page.index('id="rapprochement"'):].count("/employeurs/personnes/") == 5
    page = chef.get(url).get_data(as_text=True)
    assert page[page.index('id="rapprochement"'):].count("/employeurs/personnes/") == 8
    beaucoup = compter_requetes(app, chef, url), compter_requetes(app, conseiller, url)
    assert peu == beaucoup, (peu, beaucoup)
    assert beaucoup[0] <= REQUETES_OFFRE_CHEF and beaucoup[1] <= REQUETES_OFFRE_CONSEILLER, beaucoup


# The prospection action's page (conseiller): user and session (2), the action with its pilot
# and indicators (1), the targeted employers' names (1), the employers to target (1), the four
# actuals (1), the caseload's métiers (1), the suggested sectors (2), the links of the other
# modules (the candidat's profile, the analyses de pratique: 2).
REQUETES_PROSPECTION = 11


def test_page_d_une_action_de_prospection_nombre_de_requetes_fixe(app, nav, fabrique, emp, ctx):
    from datetime import timedelta

    from cipdesk.employeurs.entreprises.services import creer_entreprise
    from cipdesk.employeurs.prospection.services import cibler, creer_action

    action = creer_action(ctx, par=emp.conseiller, le=emp.aujourd_hui, donnees={
        "titre": "Commerce de bouche", "debut": emp.aujourd_hui - timedelta(days=10), "fin": emp.aujourd_hui,
        "objectifs": "o", "diagnostic_territoire": "d", "sources_diagnostic": "s", "cible_employeurs": "",
        "strategie": "", "outils": "", "pratiques_durables": ""},
        cibles={"contacts": 3, "visites": 1, "offres": 2, "placements": 1})
    cibler(ctx, action, emp.entreprise, par=emp.conseiller)
    ctx.commit()
    url = f"/employeurs/prospection/{action.id}"
    nav.connexion(emp.conseiller.email)
    nav.get(url)
    peu = compter_requetes(app, nav, url)
    for i, siret in enumerate(("44306184100047", "55208131766522", "40483304800022", "32227167700021")):
        e = creer_entreprise(ctx, par=emp.conseiller, le=emp.aujourd_hui, donnees={
            "raison_sociale": f"Épicerie {i}", "siret": siret, "commune": "Arles"})
        cibler(ctx, action, e, par=emp.conseiller)
    ctx.commit()
    page = nav.get(url).get_data(as_text=True)
    section = page[page.index('id="cible"'):page.index('id="indicateurs"')]
    assert all(f"Épicerie {i}</a>" in section for i in range(4)) and "Boulangerie du Forum</a>" in section
    beaucoup = compter_requetes(app, nav, url)
    assert peu == beaucoup <= REQUETES_PROSPECTION, (peu, beaucoup)


# The search as you type (page and htmx fragment): the account (1), the employers found (1),
# whatever the shape of the text (name, SIRET digits, commune, NAF code or label, empty).
REQUETES_RECHERCHE = 2


def test_recherche_d_entreprise_nombre_de_requetes_fixe(app, nav, emp):
    nav.connexion(emp.conseiller.email)
    nav.get("/employeurs/entreprises/")
    for q in ("", "boulang", "732829", "arles", "10.71C", "boulangerie patisserie", "50%_"):
        assert compter_requetes(app, nav, f"/employeurs/entreprises/?q={q}") == REQUETES_RECHERCHE, q
