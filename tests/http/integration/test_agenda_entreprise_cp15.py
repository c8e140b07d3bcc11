"""Issue #14: the follow-ups on the conseiller's agenda (the `agenda` hook of the module
contract, shown on the home page, missed ones flagged), the mediations on the entreprise's
timeline (the `chronologie_entreprise` hook; the person named only to who may see them),
and the CP15 tag when information on non-discrimination is given in the framework."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from cipdesk.competences.models import PreuveCompetence
from cipdesk.integration.mediations.services import enregistrer_mediation
from cipdesk.integration.suivis.queries import agenda_integration


@pytest.fixture
def m(fabrique, ctx):
    from cipdesk.employeurs.entreprises.services import creer_entreprise
    from cipdesk.integration.suivis.services import ouvrir_suivi

    m = fabrique.monde()
    m.aujourd_hui = date.today()
    m.personne = fabrique.personne(m.structure, referent=m.conseiller, nom="Martin", prenom="Léa")
    m.entreprise = creer_entreprise(ctx, par=m.conseiller, le=m.aujourd_hui,
                                    donnees={"raison_sociale": "Boulangerie du Forum", "siret": "73282932000074"})
    m.suivi = ouvrir_suivi(ctx, m.personne, par=m.conseiller, dans_le_perimetre=True, entreprise=m.entreprise,
                           donnees={"employeur": "", "intitule_poste": "Vendeuse", "type_contrat": "cdi",
                                    "debut": m.aujourd_hui - timedelta(days=20)})
    enregistrer_mediation(ctx, m.suivi, par=m.conseiller, aujourd_hui=m.aujourd_hui, donnees={
        "le": m.aujourd_hui, "participants": "Léa, la gérante", "enjeu": "Horaires", "actions": "Planning revu",
        "issue": ""})
    ctx.commit()
    return m


def test_les_points_de_suivi_sont_dans_l_agenda_du_conseiller(m, ctx, nav):
    j15 = next(p for p in m.suivi.points if p.jalon.value == "j15")   # planned 5 days ago: missed
    m1 = next(p for p in m.suivi.points if p.jalon.value == "m1")     # in about 10 days: not this week
    entrees = agenda_integration(ctx, m.conseiller, m.aujourd_hui, m.aujourd_hui + timedelta(days=7))
    assert [(e.le, e.en_retard) for e in entrees] == [(j15.prevu_le, True)]
    assert "J+15 — Léa Martin, Boulangerie du Forum" in entrees[0].titre
    assert m1.prevu_le not in {e.le for e in agenda_integration(ctx, m.conseiller, m.aujourd_hui,
                                                                m.aujourd_hui + timedelta(days=7))}
    assert agenda_integration(ctx, m.collegue, m.aujourd_hui, m.aujourd_hui + timedelta(days=7)) == []
    assert agenda_integration(ctx, m.chef, m.aujourd_hui, m.aujourd_hui + timedelta(days=7)) == []
    nav.connexion(m.conseiller.email)
    accueil = nav.get("/").get_data(as_text=True)
    assert "Mes rendez-vous du jour et de la semaine" in accueil and "Point de suivi J+15 — Léa Martin" in accueil
    assert "manqué" in accueil and f"/integration/suivis/{m.suivi.id}" in accueil


def test_l_alerte_du_point_manque_est_sur_l_accueil(m, nav):
    nav.connexion(m.conseiller.email)
    assert "Point de suivi J+15 chez Boulangerie du Forum prévu le" in nav.get("/").get_data(as_text=True)


def test_la_mediation_est_sur_la_chronologie_de_l_entreprise(m, nav_factory):
    url = f"/employeurs/entreprises/{m.entreprise.id}"
    nav = nav_factory()
    nav.connexion(m.conseiller.email)
    page = nav.get(url).get_data(as_text=True)
    assert "Médiation — intégration de Léa Martin" in page and f"/integration/suivis/{m.suivi.id}" in page
    # a colleague sees the employer (shared base) and that a mediation took place, not with whom
    autre = nav_factory()
    autre.connexion(m.collegue.email)
    page = autre.get(url).get_data(as_text=True)
    assert "Médiation dans le cadre d&#39;un suivi d&#39;intégration" in page or \
        "Médiation dans le cadre d'un suivi d'intégration" in page
    assert "Léa" not in page and f"/integration/suivis/{m.suivi.id}" not in page


def test_l_information_sur_la_non_discrimination_est_une_preuve_de_cp15(m, ctx, nav):
    nav.connexion(m.conseiller.email)
    url = f"/integration/suivis/{m.suivi.id}"
    cadre = {"cadre_le": m.aujourd_hui.isoformat(), "interlocuteurs": "Mme Roux, gérante (tutrice)",
             "engagements": "La gérante alerte", "modalites": "Un appel par mois", "acteurs": ""}
    r = nav.post(url + "/cadre", cadre)
    assert r.status_code == 303
    codes = lambda: {p.competence_code for p in ctx.scalars(select(PreuveCompetence))}  # noqa: E731
    assert "CP15" not in codes() and "CP14" in codes()
    r = nav.post(url + "/cadre", dict(cadre, non_discrimination="Rappel à la gérante : pas de critère d'âge "
                                                                  "ni d'apparence dans l'évaluation de la période d'essai"))
    assert r.status_code == 303
    ctx.expire_all()
    assert "CP15" in codes()
    assert "pas de critère d&#39;âge" in nav.get(url).get_data(as_text=True)
