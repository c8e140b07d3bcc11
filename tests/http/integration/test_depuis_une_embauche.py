"""A candidature that ended in a hire opens the intégration follow-up, pre-filled with what the
offer says (never the contract type, which feeds the exit figures) — issues #13 and #14."""
from __future__ import annotations

from datetime import date

from cipdesk.core.dates import aujourdhui
from cipdesk.employeurs.candidatures.models import Candidature
from cipdesk.employeurs.candidatures.rules import EtatCandidature
from cipdesk.employeurs.candidatures.services import faire_passer
from cipdesk.integration.suivis.models import SuiviIntegration
from cipdesk.integration.suivis.rules import Origine
from tests.factories.employeurs import objets_employeurs


def test_une_embauche_ouvre_le_suivi_d_integration(fabrique, ctx, nav, nav_factory):
    from sqlalchemy import select

    monde = fabrique.monde()
    ids = objets_employeurs(ctx, monde)
    candidature = ctx.get(Candidature, ids["candidature"])
    url = f"/integration/suivis/nouveau?candidature={candidature.id}"
    nav.connexion(monde.conseiller.email)
    assert nav.get(url).status_code == 404  # not a hire yet
    for etat in (EtatCandidature.ENVOYEE, EtatCandidature.RETENUE, EtatCandidature.EMBAUCHE):
        faire_passer(ctx, candidature, par=monde.conseiller, vers=etat, le=date(2026, 1, 6), aujourd_hui=aujourdhui())
    ctx.commit()

    r = nav.get(f"/employeurs/candidatures/{candidature.id}")
    assert r.status_code == 200, (r.status_code, r.headers.get("Location"))
    fiche = r.get_data(as_text=True)
    assert "Ouvrir le suivi de l&#39;intégration" in fiche or "Ouvrir le suivi de l'intégration" in fiche
    r = nav.get(url)
    assert r.status_code == 200, (r.status_code, r.headers.get("Location"))
    page = r.get_data(as_text=True)
    r = nav.get("/integration/suivis/nouveau")
    assert r.status_code == 200, (r.status_code, r.headers.get("Location"))
    assert 'value="Cariste (H/F)"' in page and f'value="{candidature.id}"' in page
    assert '<option selected value="cdi"' not in page  # the contract type is chosen, not pre-selected

    reponse = nav.post("/integration/suivis/nouveau", {
        "candidature": str(candidature.id), "personne_id": str(candidature.personne_id),
        "entreprise_id": str(candidature.offre.entreprise_id), "intitule_poste": "Cariste (H/F)",
        "type_contrat": "cdi", "debut": "2026-02-02"})
    assert reponse.status_code == 303, reponse.get_data(as_text=True)[:2000]
    suivi = ctx.scalar(select(SuiviIntegration).where(SuiviIntegration.personne_id == candidature.personne_id))
    assert suivi.origine == Origine.CANDIDATURE

    # a colleague (caseload not shared) cannot open it from that hire
    collegue = nav_factory()
    collegue.connexion(monde.collegue.email)
    assert collegue.get(url).status_code == 403


def test_la_page_du_suivi_a_un_titre_et_chaque_section_une_fois(fabrique, ctx, nav):
    import re

    from tests.factories.integration import objets_integration

    monde = fabrique.monde()
    ids = objets_integration(ctx, monde)
    nav.connexion(monde.conseiller.email)
    page = nav.get(f"/integration/suivis/{ids['suivi_integration']}").get_data(as_text=True)
    titre = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "<" not in titre and titre.startswith("Intégration — ")
    assert re.search(r"<body[^>]*>", page).group(0).count("<") == 1
    assert page.count('id="titre-mediations"') == 1 and page.count('id="titre-bilan"') == 1


def test_le_bilan_d_une_immersion_qui_finit_en_embauche_ouvre_le_suivi(fabrique, ctx, nav, nav_factory):
    """Issue #13 point 8 ★: when the bilan says it ended in a hire, one action declares the hire
    and opens the intégration follow-up (origine « immersion »), pre-filled with who and where."""
    from sqlalchemy import select

    from cipdesk.employeurs.immersions.models import Immersion
    from cipdesk.employeurs.immersions.rules import StatutImmersion
    from cipdesk.employeurs.immersions.services import changer_statut, faire_le_bilan

    monde = fabrique.monde()
    ids = objets_employeurs(ctx, monde)
    immersion = ctx.get(Immersion, ids["immersion"])
    url = f"/integration/suivis/nouveau?immersion={immersion.id}"
    nav.connexion(monde.conseiller.email)
    assert nav.get(url).status_code == 404  # no bilan yet
    for vers in (StatutImmersion.A_SIGNER, StatutImmersion.SIGNEE):
        changer_statut(ctx, immersion, par=monde.conseiller, vers=vers, le=date(2026, 1, 2), aujourd_hui=aujourdhui())
    faire_le_bilan(ctx, immersion, par=monde.conseiller, aujourd_hui=aujourdhui(), donnees={
        "bilan_le": date(2026, 1, 9), "appreciation_tuteur": "Très bon contact", "bilan": "Rythme tenu",
        "objectif_atteint": True, "embauche_envisagee": False})
    ctx.commit()
    assert nav.get(url).status_code == 404  # the bilan does not say hire
    assert "ouvrir le suivi de l" not in nav.get(f"/employeurs/immersions/{immersion.id}").get_data(as_text=True)
    immersion.embauche_envisagee = True
    ctx.commit()

    fiche = nav.get(f"/employeurs/immersions/{immersion.id}").get_data(as_text=True)
    assert "Déclarer l'embauche et ouvrir le suivi de l'intégration" in fiche
    page = nav.get(url).get_data(as_text=True)
    assert f'value="{immersion.id}"' in page and 'value="Lille"' in page
    assert f'selected value="{immersion.personne_id}"' in page or f'value="{immersion.personne_id}" selected' in page
    assert "selected value=\"cdi\"" not in page and 'value="cdi" selected' not in page

    donnees = {"immersion": str(immersion.id), "personne_id": str(immersion.personne_id),
               "entreprise_id": str(immersion.entreprise_id), "lieu_travail": "Lille", "intitule_poste": "",
               "type_contrat": "", "debut": "2026-02-02"}
    r = nav.post("/integration/suivis/nouveau", donnees, depuis=url)
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "Indiquez le poste." in html and "Choisissez le type de contrat." in html
    assert 'value="Lille"' in html and f'value="{immersion.id}"' in html   # typed input and origin kept
    r = nav.post("/integration/suivis/nouveau", dict(donnees, intitule_poste="Préparateur de commandes",
                                                      type_contrat="cdd_long"), depuis=url)
    assert r.status_code == 303, r.get_data(as_text=True)[:2000]
    suivi = ctx.scalar(select(SuiviIntegration).where(SuiviIntegration.personne_id == immersion.personne_id))
    assert suivi.origine == Origine.IMMERSION and suivi.entreprise_id == immersion.entreprise_id
    assert len(suivi.points) == 4   # J+15, M+1, M+3, M+6 scheduled

    collegue = nav_factory()
    collegue.connexion(monde.collegue.email)
    assert collegue.get(url).status_code == 403
