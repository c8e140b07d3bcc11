"""A prospection action as a project: ★ caseload's ROME targets, indicators against
targets computed from the CRM, evaluation of the gaps; bad inputs."""
from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import select

from cipdesk.employeurs.prospection.models import ActionProspection

DONNEES = {"titre": "Logistique 2026", "objectifs": "Ouvrir 5 entreprises de la logistique",
           "diagnostic_territoire": "1 200 offres en logistique sur le bassin", "sources_diagnostic": "France Travail, "
           "statistiques du marché du travail, 3e trimestre 2026", "pratiques_durables": "Visites groupées en "
           "transport en commun", "cible_contacts": "2", "cible_visites": "2", "cible_offres": "1",
           "cible_placements": "0"}


def test_creer_puis_evaluer(nav, emp, ctx):
    nav.connexion(emp.conseiller.email)
    debut = emp.aujourd_hui - timedelta(days=30)
    r = nav.post("/employeurs/prospection/nouvelle", {**DONNEES, "debut": debut.isoformat(),
                                                       "fin": emp.aujourd_hui.isoformat()})
    assert r.status_code == 303, r.get_data(as_text=True)
    url = r.headers["Location"]
    page = re.sub(r">\s+<", "><", nav.get(url).get_data(as_text=True))
    # actuals from the CRM: the fixture's offer was opened 2 days ago; no exchange yet
    assert "Offres recueillies</td><td>1</td><td>1</td><td>+0</td><td>100 %" in page
    assert "Visites en entreprise</td><td>2</td><td>0</td><td>-2</td><td>0 %" in page
    assert "<svg" in page and "jours sur 30" in page
    r = nav.post(url + "/evaluation", {"evaluation": "Bilan mitigé", "le": emp.aujourd_hui.isoformat()}, depuis=url)
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "analysez-en les causes" in html and "Bilan mitigé" in html
    r = nav.post(url + "/evaluation", {"evaluation": "Bilan mitigé", "causes_ecarts": "Période estivale",
                                       "le": emp.aujourd_hui.isoformat()}, depuis=url)
    assert r.status_code == 303
    action = ctx.scalar(select(ActionProspection))
    assert action.evaluee_le == emp.aujourd_hui and action.causes_ecarts == "Période estivale"
    r = nav.post(url + "/cibles", {"entreprise_id": str(emp.entreprise.id)}, depuis=url)
    assert r.status_code == 303
    r = nav.post(url + "/cibles", {"entreprise_id": str(emp.autre_entreprise.id)}, depuis=url)  # other structure
    assert r.status_code == 422 and "Choisissez une entreprise de la base." in r.get_data(as_text=True)


def test_fin_avant_debut_et_objectifs_sans_valeur_par_defaut(nav, emp, ctx):
    nav.connexion(emp.conseiller.email)
    page = nav.get("/employeurs/prospection/nouvelle").get_data(as_text=True)
    assert 'id="cible_contacts"' in page and not re.search(r'name="cible_\w+"[^>]*value="\d', page)
    r = nav.post("/employeurs/prospection/nouvelle", {**DONNEES, "debut": "2026-03-01", "fin": "2026-02-01"})
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "La fin de l&#39;action ne peut pas précéder son début." in html
    assert "Logistique 2026" in html
    assert ctx.scalar(select(ActionProspection)) is None


def test_metiers_vises_calcules_depuis_les_projets(emp, ctx):
    from cipdesk.employeurs.prospection.queries import metiers_vises
    from cipdesk.core.dates import aujourdhui
    from cipdesk.parcours.contrat import services as services
    from cipdesk.parcours.projet import services as projet_services

    for i, rome in enumerate(("N1103", "N1103", "K2204")):
        personne = emp.personne if i == 0 else None
        if personne is None:
            from tests.factories import Fabrique
            personne = Fabrique(ctx, "").personne(emp.structure, referent=emp.conseiller)
        parcours = services.ouvrir_parcours(ctx, personne, par=emp.conseiller, dispositif_code="plie",
                                            debut=date(2026, 1, 5), fin_prevue=None, objectifs="Emploi",
                                            engagements_personne="a", engagements_structure="b")
        projet = projet_services.demarrer_projet(ctx, parcours, par=emp.conseiller, le=aujourdhui())
        projet_services.ajouter_metier(ctx, projet, par=emp.conseiller, rome_code=rome, libelle="")
    ctx.commit()
    metiers = metiers_vises(ctx, emp.structure.id)
    assert [(m.rome_code, m.total) for m in metiers] == [("N1103", 2), ("K2204", 1)]
    assert metiers_vises(ctx, emp.autre_structure.id) == []


def test_export_xlsx_des_indicateurs(nav, emp, ctx):
    from io import BytesIO

    from openpyxl import load_workbook

    from cipdesk.employeurs.prospection.services import creer_action

    action = creer_action(ctx, par=emp.conseiller, le=emp.aujourd_hui, donnees={
        "titre": "T", "debut": emp.aujourd_hui - timedelta(days=10), "fin": emp.aujourd_hui, "objectifs": "o",
        "diagnostic_territoire": "d", "sources_diagnostic": "s", "cible_employeurs": "", "strategie": "",
        "outils": "", "pratiques_durables": ""}, cibles={"contacts": 3, "visites": 1, "offres": 2, "placements": 1})
    ctx.commit()
    nav.connexion(emp.conseiller.email)
    r = nav.get(f"/employeurs/prospection/{action.id}/indicateurs.xlsx")
    lignes = list(load_workbook(BytesIO(r.data)).active.iter_rows(values_only=True))
    assert lignes[0] == ("Indicateur", "Objectif", "Réalisé", "Écart", "Taux (%)")
    assert lignes[3] == ("Offres recueillies", 2, 1, -1, 50)


def test_secteurs_suggeres_par_les_embauches_pour_les_memes_metiers(nav, emp, ctx):
    """★ Issue #13 point 3: the sectors that already hired people aiming at the same métiers."""
    from cipdesk.core.dates import aujourdhui
    from cipdesk.employeurs.candidatures.rules import EtatCandidature as E
    from cipdesk.employeurs.candidatures.services import faire_passer, proposer
    from cipdesk.employeurs.entreprises.services import creer_entreprise
    from cipdesk.employeurs.prospection.services import creer_action
    from cipdesk.parcours.contrat import services as services
    from cipdesk.parcours.projet import services as projet_services

    j = aujourdhui()
    parcours = services.ouvrir_parcours(ctx, emp.personne, par=emp.conseiller, dispositif_code="plie",
                                        debut=date(2026, 1, 5), fin_prevue=None, objectifs="Emploi",
                                        engagements_personne="a", engagements_structure="b")
    projet = projet_services.demarrer_projet(ctx, parcours, par=emp.conseiller, le=j)
    projet_services.ajouter_metier(ctx, projet, par=emp.conseiller, rome_code="D1106", libelle="")
    c = proposer(ctx, emp.offre, emp.personne_collegue, par=emp.collegue, le=j, aujourd_hui=j, dans_le_perimetre=True)
    for vers in (E.ENVOYEE, E.RETENUE, E.EMBAUCHE):
        faire_passer(ctx, c, par=emp.collegue, vers=vers, le=j, aujourd_hui=j)
    autre = creer_entreprise(ctx, par=emp.conseiller, le=j, donnees={
        "raison_sociale": "Fournil des Arènes", "siret": "55208131766522", "naf_code": "10.71C", "commune": "Arles"})
    action = creer_action(ctx, par=emp.conseiller, le=j, donnees={
        "titre": "Vente alimentaire", "debut": j, "fin": date(2027, 6, 30), "objectifs": "o",
        "diagnostic_territoire": "d", "sources_diagnostic": "s", "cible_employeurs": "", "strategie": "", "outils": "",
        "pratiques_durables": ""}, cibles={"contacts": 10, "visites": 4, "offres": 3, "placements": 2})
    ctx.commit()
    nav.connexion(emp.conseiller.email)
    page = nav.get(f"/employeurs/prospection/{action.id}").get_data(as_text=True)
    section = page[page.index("Secteurs suggérés"):]
    assert "Boulangerie et boulangerie-pâtisserie</strong> (10.71C) : 1 embauche pour D1106" in section
    assert f"/employeurs/entreprises/{autre.id}" in section and "Fournil des Arènes" in section
