"""Issue #14 point 6 — « the follow-ups decide the figures »: the exit category confirmed
at the bilan of an intégration is written in the exit of the person's parcours, and an
M+3 / M+6 follow-up (still in the job) fills, once confirmed, the parcours's follow-up
3 / 6 months after the exit. Through signals (core/signaux.py): integration never calls
the parcours's services."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from cipdesk.integration.bilan.rules import motif_de_sortie
from cipdesk.parcours.contrat import services as parcours_services
from cipdesk.parcours.etapes.rules import Responsable
from cipdesk.parcours.etapes.services import ajouter_etape
from cipdesk.parcours.sortie.models import Sortie, SuiviSortie
from cipdesk.parcours.sortie.rules import MOTIFS_SORTIE


@pytest.fixture
def monde_integration(fabrique, ctx):
    from cipdesk.integration.suivis.services import ouvrir_suivi
    from cipdesk.personnes.models import StatutPersonne

    m = fabrique.monde()
    m.aujourd_hui = date.today()
    m.personne = fabrique.personne(m.structure, referent=m.conseiller, statut=StatutPersonne.ACCOMPAGNEE)
    m.parcours = parcours_services.ouvrir_parcours(
        ctx, m.personne, par=m.conseiller, dispositif_code="plie", debut=m.aujourd_hui - timedelta(days=400),
        fin_prevue=None, objectifs="Retrouver un emploi", engagements_personne="Venir aux rendez-vous",
        engagements_structure="Un entretien par mois")
    m.etape = ajouter_etape(ctx, m.parcours, par=m.conseiller, type_code="emploi", intitule="Candidatures vente", objectif="Retrouver un emploi",
                            responsable=Responsable.PERSONNE, echeance=m.aujourd_hui + timedelta(days=30),
                            le=m.aujourd_hui - timedelta(days=300))
    m.suivi = ouvrir_suivi(ctx, m.personne, par=m.conseiller, dans_le_perimetre=True, donnees={
        "employeur": "Boulangerie du Forum", "intitule_poste": "Vendeur", "type_contrat": "cdd_court",
        "debut": m.aujourd_hui - timedelta(days=200)})
    ctx.commit()
    m.url = f"/integration/suivis/{m.suivi.id}"
    return m


BILAN = {"issue": "termine", "bilan_prevu": "Prise de poste accompagnée", "bilan_realise": "Stabilisation",
         "situation_fin": "En poste", "leviers": ""}


def test_les_motifs_proposes_existent_dans_le_parcours():
    for categorie in ("durable", "transition", "positive"):
        for contrat in ("cdi", "cdd_long", "cdd_court", "interim", "alternance", "contrat_aide", "iae", "creation"):
            assert motif_de_sortie(categorie, contrat) in MOTIFS_SORTIE
    assert motif_de_sortie("autre", "cdi") is None
    assert MOTIFS_SORTIE[motif_de_sortie("transition", "cdd_court")][1].value == "emploi_transition"


def test_la_categorie_confirmee_clot_le_parcours_ouvert_avec_cette_sortie(nav, monde_integration, ctx):
    m = monde_integration
    nav.connexion(m.conseiller.email)
    page = nav.get(m.url).get_data(as_text=True)
    assert "est écrite dans la sortie du parcours" in page
    r = nav.post(m.url + "/bilan", dict(BILAN, bilan_le=m.aujourd_hui.isoformat(), categorie_sortie="transition"),
                 depuis=m.url)
    assert r.status_code == 303, r.get_data(as_text=True)
    ctx.expire_all()
    sortie = ctx.scalar(select(Sortie))
    assert sortie is not None and sortie.parcours_id == m.parcours.id
    assert sortie.sortie_le == m.aujourd_hui and sortie.motif == "cdd_moins_6_mois"
    assert sortie.categorie.value == "emploi_transition"
    assert sortie.parcours.statut.value == "clos" and "Boulangerie du Forum" in sortie.parcours.bilan
    assert m.etape.statut.value == "annulee"   # the job ends the étapes still open


def test_un_parcours_deja_clos_prend_la_categorie_confirmee(nav, monde_integration, ctx):
    from cipdesk.parcours.sortie.rules import DevenirEtapes
    from cipdesk.parcours.sortie.services import clore_parcours

    m = monde_integration
    clore_parcours(ctx, m.parcours, par=m.conseiller, version=m.parcours.version,
                   sortie_le=m.aujourd_hui - timedelta(days=200), motif="sans_nouvelles", bilan="Embauche",
                   devenir_etapes=DevenirEtapes.ANNULER,
                   aujourd_hui=m.aujourd_hui)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    r = nav.post(m.url + "/bilan", dict(BILAN, bilan_le=m.aujourd_hui.isoformat(), categorie_sortie="durable"),
                 depuis=m.url)
    assert r.status_code == 303, r.get_data(as_text=True)
    ctx.expire_all()
    sortie = ctx.scalar(select(Sortie))
    assert (sortie.motif, sortie.categorie.value) == ("cdd_6_mois_plus", "emploi_durable")
    assert sortie.sortie_le == m.aujourd_hui - timedelta(days=200)   # the exit date stays the parcours's


def test_autre_sortie_ne_touche_pas_au_parcours(nav, monde_integration, ctx):
    m = monde_integration
    nav.connexion(m.conseiller.email)
    r = nav.post(m.url + "/bilan", dict(BILAN, bilan_le=m.aujourd_hui.isoformat(), categorie_sortie="autre"),
                 depuis=m.url)
    assert r.status_code == 303
    ctx.expire_all()
    assert ctx.scalar(select(Sortie)) is None


def test_sans_parcours_le_bilan_se_fait_quand_meme(nav, fabrique, ctx):
    from cipdesk.integration.suivis.services import ouvrir_suivi

    m = fabrique.monde()
    personne = fabrique.personne(m.structure, referent=m.conseiller)
    s = ouvrir_suivi(ctx, personne, par=m.conseiller, dans_le_perimetre=True, donnees={
        "employeur": "Garage Martin", "intitule_poste": "Mécanicien", "type_contrat": "cdi",
        "debut": date.today() - timedelta(days=30)})
    ctx.commit()
    nav.connexion(m.conseiller.email)
    r = nav.post(f"/integration/suivis/{s.id}/bilan", dict(BILAN, bilan_le=date.today().isoformat(),
                                                            categorie_sortie="durable"), depuis="/")
    assert r.status_code == 303, r.get_data(as_text=True)
    assert ctx.scalar(select(Sortie)) is None


def test_le_point_m3_renseigne_le_suivi_a_3_mois_apres_la_sortie(nav, monde_integration, ctx):
    from cipdesk.parcours.sortie.services import clore_parcours
    from cipdesk.parcours.sortie.rules import DevenirEtapes

    m = monde_integration
    clore_parcours(ctx, m.parcours, par=m.conseiller, version=m.parcours.version, sortie_le=m.suivi.debut,
                   motif="cdd_moins_6_mois", bilan="Embauche", devenir_etapes=DevenirEtapes.ANNULER,
                   aujourd_hui=m.aujourd_hui)
    ctx.commit()
    m3 = next(p for p in m.suivi.points if p.jalon.value == "m3")
    nav.connexion(m.conseiller.email)
    # before the point is done: nothing to confirm
    r = nav.post(f"/integration/points/{m3.id}/apres-sortie", {}, depuis=m.url)
    assert r.status_code == 303
    assert "Seul un point M+3 ou M+6 fait" in nav.get(m.url).get_data(as_text=True)
    assert ctx.scalar(select(SuiviSortie)) is None
    r = nav.post(f"/integration/points/{m3.id}", {"fait_le": m3.prevu_le.isoformat(), "avis_personne": "Bien",
                                                  "toujours_en_poste": "oui", "risque_rupture": "non"}, depuis=m.url)
    assert r.status_code == 303, r.get_data(as_text=True)
    page = nav.get(m.url).get_data(as_text=True)
    assert "Confirmer la situation à 3 mois" in page
    r = nav.post(f"/integration/points/{m3.id}/apres-sortie", {}, depuis=m.url)
    assert r.status_code == 303
    ctx.expire_all()
    suivi = ctx.scalar(select(SuiviSortie))
    assert (suivi.mois, suivi.situation.value, suivi.fait_le) == (3, "emploi", m3.prevu_le)
    assert "enregistrée dans le parcours" in nav.get(m.url).get_data(as_text=True)
    # twice: the parcours refuses, clearly
    nav.post(f"/integration/points/{m3.id}/apres-sortie", {}, depuis=m.url)
    assert "Le suivi à 3 mois est déjà enregistré." in nav.get(m.url).get_data(as_text=True)
    assert len(ctx.scalars(select(SuiviSortie)).all()) == 1


def test_confirmer_la_situation_refuse_au_collegue(nav, monde_integration):
    m = monde_integration
    m3 = next(p for p in m.suivi.points if p.jalon.value == "m3")
    nav.connexion(m.collegue.email)
    assert nav.post(f"/integration/points/{m3.id}/apres-sortie", {}).status_code == 403
