"""Matching (issue #13 point 6) through HTTP: the people for an offer with the reasons and
the points to check, within the user's perimeter; the offers for a person (the reverse);
the person's availability for employment, with a clear error and the input kept."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest

from cipdesk.core.dates import aujourdhui


@pytest.fixture
def projets(emp, ctx):
    from cipdesk.parcours.contrat import services as parcours
    from cipdesk.parcours.projet import services as projet_services

    def projet(personne, rome, par):
        p = parcours.ouvrir_parcours(ctx, personne, par=par, dispositif_code="plie", debut=emp.aujourd_hui,
                                     fin_prevue=None, objectifs="Emploi", engagements_personne="a",
                                     engagements_structure="b")
        pr = projet_services.demarrer_projet(ctx, p, par=par, le=aujourdhui())
        projet_services.ajouter_metier(ctx, pr, par=par, rome_code=rome, libelle="")

    emp.personne.code_postal, emp.personne.commune = "13200", "Arles"
    emp.entreprise.code_postal = "13200"
    emp.fiche.horaires_atypiques = ["tot"]
    projet(emp.personne, "D1106", emp.conseiller)
    projet(emp.personne_collegue, "D1106", emp.collegue)  # a colleague's caseload: not shown
    ctx.commit()
    return emp


def test_les_personnes_pour_une_offre_avec_raisons_et_points_a_verifier(nav, projets):
    emp = projets
    nav.connexion(emp.conseiller.email)
    html = nav.get(f"/employeurs/offres/{emp.offre.id}").get_data(as_text=True)
    section = html[html.index('id="rapprochement"'):]
    assert emp.personne.nom in section and "Le projet vise ce métier" in section
    assert "Travail dans sa commune." in section and "Disponibilité non renseignée" in section
    assert emp.personne_collegue.nom not in section
    # the person's availability: refused without the date, what was ticked kept
    url = f"/employeurs/personnes/{emp.personne.id}"
    r = nav.post(url, {"permis": ["b"], "vehicule": "non", "zone_mobilite": "departement",
                       "contraintes_horaires": ["tot"]})
    page = r.get_data(as_text=True)
    assert r.status_code == 422 and "Indiquez la date de disponibilité." in page
    assert re.search(r'<input checked[^>]*name="permis"[^>]*value="b"', page)
    assert re.search(r'<input checked[^>]*name="contraintes_horaires"[^>]*value="tot"', page)
    assert re.search(r'<input checked[^>]*name="vehicule"[^>]*value="non"', page)
    r = nav.post(url, {"disponible_le": (emp.aujourd_hui + timedelta(days=10)).isoformat(), "permis": ["b"],
                       "vehicule": "non", "zone_mobilite": "departement", "contraintes_horaires": ["tot"]})
    assert r.status_code == 303, r.get_data(as_text=True)[:3000]
    section = nav.get(f"/employeurs/offres/{emp.offre.id}").get_data(as_text=True)
    section = section[section.index('id="rapprochement"'):]
    assert "Disponible à partir du" in section and "Prise de poste tôt (avant 7 h) : la personne a dit ne pas pouvoir." \
        in section


def test_les_offres_pour_une_personne(nav, projets, nav_factory):
    emp = projets
    nav.connexion(emp.conseiller.email)
    page = nav.get(f"/employeurs/personnes/{emp.personne.id}").get_data(as_text=True)
    section = page[page.index('id="offres-pour"'):]
    assert f"/employeurs/offres/{emp.offre.id}" in section and "Le projet vise ce métier" in section
    assert "selected" not in page and "checked" not in page   # nothing pre-selected
    # the colleague may not see this person; another structure does not know them
    collegue = nav_factory()
    collegue.connexion(emp.collegue.email)
    assert collegue.get(f"/employeurs/personnes/{emp.personne.id}").status_code == 403
    ailleurs = nav_factory()
    ailleurs.connexion(emp.conseiller_ailleurs.email)
    assert ailleurs.get(f"/employeurs/personnes/{emp.personne.id}").status_code == 404
    chef = nav_factory()
    chef.connexion(emp.chef.email)
    assert chef.get(f"/employeurs/personnes/{emp.personne.id}").status_code == 200
    assert chef.post(f"/employeurs/personnes/{emp.personne.id}", {"disponible_le": "2026-12-01"},
                     depuis=f"/employeurs/personnes/{emp.personne.id}").status_code == 403


def test_freins_du_dernier_diagnostic_et_une_ligne_par_personne(nav, projets, ctx):
    """The matching reads the people, their métiers and the open freins of their latest diagnostic in
    one query: a person with two métiers and two freins is listed once, with the freins of the
    latest version only."""
    from cipdesk.parcours.contrat.models import Parcours
    from cipdesk.parcours.projet import services as projet_services
    from cipdesk.parcours.projet.models import Projet
    from sqlalchemy import select
    from tests.factories.accueil import diagnostic

    emp = projets
    projet = ctx.scalar(select(Projet).join(Parcours, Parcours.id == Projet.parcours_id)
                        .where(Parcours.personne_id == emp.personne.id))
    projet_services.ajouter_metier(ctx, projet, par=emp.conseiller, rome_code="D1102", libelle="")
    diagnostic(ctx, emp.conseiller, emp.personne, valider=True, freins={"mobilite": 3, "logement": 2})
    diagnostic(ctx, emp.conseiller, emp.personne, freins={"mobilite": 0, "logement": 0, "sante": 2})
    ctx.commit()
    nav.connexion(emp.conseiller.email)
    html = nav.get(f"/employeurs/offres/{emp.offre.id}").get_data(as_text=True)
    section = html[html.index('id="rapprochement"'):]
    assert section.count(f"/employeurs/personnes/{emp.personne.id}") == 1
    assert "Frein important au diagnostic : Santé" in section
    assert "Mobilité." not in section and "Logement" not in section
