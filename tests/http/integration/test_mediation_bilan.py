"""Mediation after a risk of rupture, then the bilan: the exit category proposed by the
M+3 follow-up is shown, never pre-selected, and confirmed by the conseiller."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from cipdesk.integration.mediations.models import Mediation
from cipdesk.integration.suivis.models import SuiviIntegration


@pytest.fixture
def suivi(fabrique, ctx):
    from cipdesk.integration.suivis.services import ouvrir_suivi
    from cipdesk.personnes.models import StatutPersonne

    monde = fabrique.monde()
    monde.aujourd_hui = date.today()
    personne = fabrique.personne(monde.structure, referent=monde.conseiller, statut=StatutPersonne.ACCOMPAGNEE)
    s = ouvrir_suivi(ctx, personne, par=monde.conseiller, dans_le_perimetre=True, donnees={
        "employeur": "Boulangerie du Forum", "intitule_poste": "Vendeur", "type_contrat": "cdi",
        "debut": monde.aujourd_hui - timedelta(days=100)})
    ctx.commit()
    monde.suivi, monde.url = s, f"/integration/suivis/{s.id}"
    return monde


def test_mediation_puis_bilan_avec_categorie_proposee_et_confirmee(nav, suivi, ctx):
    m = suivi
    nav.connexion(m.conseiller.email)
    r = nav.post(m.url + "/mediation", {"le": (m.suivi.debut - timedelta(days=1)).isoformat(),
                                        "participants": "La personne, la gérante", "enjeu": "Retards le matin",
                                        "actions": "Horaires décalés d'une heure", "issue": ""}, depuis=m.url)
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "ne peut pas précéder le début du contrat" in html and "Retards le matin" in html
    r = nav.post(m.url + "/mediation", {"le": m.aujourd_hui.isoformat(), "participants": "La personne, la gérante",
                                        "enjeu": "Retards le matin", "actions": "Horaires décalés d'une heure",
                                        "issue": "Accord trouvé"}, depuis=m.url)
    assert r.status_code == 303, r.get_data(as_text=True)
    assert ctx.scalar(select(Mediation)).actions == "Horaires décalés d'une heure"
    m3 = next(p for p in m.suivi.points if p.jalon.value == "m3")
    r = nav.post(f"/integration/points/{m3.id}", {"fait_le": m3.prevu_le.isoformat(), "avis_personne": "Ça va mieux",
                                                  "toujours_en_poste": "oui", "risque_rupture": "non"}, depuis=m.url)
    assert r.status_code == 303, r.get_data(as_text=True)
    page = nav.get(m.url).get_data(as_text=True)
    assert "proposée par les points M+3 / M+6 : <strong>Emploi durable</strong>" in page
    assert "selected" not in page
    bilan = {"bilan_le": m.aujourd_hui.isoformat(), "issue": "termine", "bilan_prevu": "Prise de poste accompagnée",
             "bilan_realise": "Une médiation, puis stabilisation", "situation_fin": "En CDI, autonome",
             "leviers": "La médiation rapide", "categorie_sortie": ""}
    r = nav.post(m.url + "/bilan", bilan, depuis=m.url)
    assert r.status_code == 422 and "Confirmez la catégorie de sortie." in r.get_data(as_text=True)
    r = nav.post(m.url + "/bilan", dict(bilan, categorie_sortie="durable"), depuis=m.url)
    assert r.status_code == 303, r.get_data(as_text=True)
    ctx.expire_all()
    s = ctx.scalar(select(SuiviIntegration))
    assert s.statut.value == "termine" and s.categorie_sortie == "durable" and s.situation_fin == "En CDI, autonome"
    # the person's timeline shows the mediation and the bilan
    from cipdesk.integration.suivis.queries import chronologie_integration

    natures = {e.nature for e in chronologie_integration(ctx, s.personne, m.conseiller)}
    assert {"suivi_integration", "point_integration", "mediation_integration", "bilan_integration"} <= natures


def test_mediation_et_bilan_refuses_au_collegue(nav, suivi):
    nav.connexion(suivi.collegue.email)
    assert nav.post(suivi.url + "/mediation", {"le": suivi.aujourd_hui.isoformat()}).status_code == 403
    assert nav.post(suivi.url + "/bilan", {"bilan_le": suivi.aujourd_hui.isoformat()}).status_code == 403


def test_formulaires_renvoyes_avec_leurs_erreurs_puis_vierges(nav, suivi):
    """The blank forms' fields are rendered once per process: a form sent back with its errors
    shows them and what was typed, and the next reading of the page shows blank forms again."""
    m = suivi
    nav.connexion(m.conseiller.email)
    r = nav.post(m.url + "/cadre", {"cadre_le": m.aujourd_hui.isoformat(), "interlocuteurs": "Mme Duval, tutrice",
                                    "engagements": "", "modalites": "Appel à chaque point"}, depuis=m.url)
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "Décrivez le rôle de chacun." in html and "Mme Duval, tutrice" in html
    assert 'aria-invalid="true"' in html
    r = nav.post(m.url + "/mediation", {"le": m.aujourd_hui.isoformat(), "participants": "La gérante",
                                        "enjeu": "", "actions": "Horaires décalés"}, depuis=m.url)
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "Décrivez l&#39;enjeu." in html and "Horaires décalés" in html
    r = nav.post(m.url + "/bilan", {"bilan_le": m.aujourd_hui.isoformat(), "issue": "rompu",
                                    "bilan_prevu": "Prise de poste"}, depuis=m.url)
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "Confirmez la catégorie de sortie." in html and "Prise de poste" in html
    assert re.search(r'<input checked[^>]*value="rompu"', html)
    page = nav.get(m.url).get_data(as_text=True)
    for texte in ("Mme Duval, tutrice", "Horaires décalés", "Prise de poste", "Décrivez", "Confirmez", "aria-invalid",
                  "checked", "resume-erreurs"):
        assert texte not in page, texte
    for champ in ('id="interlocuteurs"', 'id="participants"', 'id="bilan_prevu"', 'id="avis_personne"'):
        assert page.count(champ) == 1, champ


def test_mediation_tapee_apres_expiration_revient_dans_la_page_du_suivi(nav, suivi, ctx, app):
    """Issue #10 point 10 on the follow-up's page: a mediation typed while the session ended is
    kept, and after logging in again it comes back in the page's mediation form (the page's other
    forms stay blank) — the forms' fields rendered once per process never stand in for it."""
    from tests.conftest import jeton_csrf
    from tests.http.test_saisie_gardee import _brouillons, _expirer

    m = suivi
    nav.connexion(m.conseiller.email)
    jeton = jeton_csrf(nav.get(m.url).get_data(as_text=True))   # the blank forms rendered once in this process
    _expirer(ctx, app, m.conseiller)
    enjeu = "Retards répétés le matin, transport en commun supprimé"
    reponse = nav.client.post(m.url + "/mediation", data={
        "le": m.aujourd_hui.isoformat(), "participants": "La personne, la gérante", "enjeu": enjeu, "actions": "",
        "csrf_token": jeton}, headers={"Referer": f"http://localhost{m.url}"})
    assert reponse.status_code in (302, 303) and "/connexion" in reponse.headers["Location"]
    apres = nav.connexion(m.conseiller.email)
    assert apres.status_code == 303 and apres.headers["Location"].endswith(m.url)
    html = nav.get(m.url).get_data(as_text=True)
    assert re.search(r'<textarea[^>]*name="enjeu"[^>]*>\s*' + re.escape(enjeu), html)
    assert re.search(r'<textarea[^>]*name="participants"[^>]*>\s*La personne, la gérante', html)
    assert re.search(r'<textarea[^>]*name="bilan_prevu"[^>]*>\s*</textarea>', html)
    assert _brouillons(ctx) == []
    # once given back, the page is blank again
    assert enjeu not in nav.get(m.url).get_data(as_text=True)


@pytest.mark.parametrize("valeurs", [
    {"cadre_le": date(2026, 11, 21), "interlocuteurs": "M. O'Brien <RH> & Mme \"Duval\"\r\nTutrice : Léa",
     "engagements": "L'employeur forme ; le conseiller suit", "modalites": "", "acteurs": None,
     "non_discrimination": "\ue000acteurs\ue000 et {0} et %s"},
    {"cadre_le": None, "interlocuteurs": None, "engagements": None, "modalites": None, "acteurs": None,
     "non_discrimination": None},
])
def test_cadre_rempli_par_son_squelette_comme_par_wtforms(app, valeurs):
    """The cadre's fields filled from the follow-up through their skeleton rendered once per process
    (`champs_remplis`) are the very HTML WTForms and the `champ` macro write for the same values."""
    from types import SimpleNamespace

    from cipdesk.integration.suivis.forms import CadreForm
    from cipdesk.integration.suivis.routes import CHAMPS_CADRE, champs, champs_remplis

    with app.test_request_context("/"):
        attendu = champs("cadre", CadreForm(formdata=None, obj=SimpleNamespace(**valeurs), meta={"csrf": False}))
        for _ in range(2):   # the skeleton rendered, then read from memory
            assert champs_remplis("cadre", {nom: valeurs[nom] for nom in CHAMPS_CADRE}) == attendu
    assert "O&#39;Brien &lt;RH&gt; &amp; Mme &#34;Duval&#34;" in attendu or valeurs["interlocuteurs"] is None
