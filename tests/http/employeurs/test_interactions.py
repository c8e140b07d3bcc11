"""Interactions timeline per employer; overdue next action → alert; access control."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from cipdesk.employeurs.interactions.models import Interaction


def test_noter_un_echange_avec_prochaine_action(nav, emp, ctx):
    nav.connexion(emp.conseiller.email)
    url = f"/employeurs/echanges/entreprises/{emp.entreprise.id}/nouveau"
    r = nav.post(url, {"nature": "visite", "le": emp.aujourd_hui.isoformat(), "objet": "Présentation de la structure",
                       "prochaine_action": "Envoyer la plaquette"})
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "Donnez une échéance à la prochaine action." in html
    assert "Envoyer la plaquette" in html
    r = nav.post(url, {"nature": "visite", "le": emp.aujourd_hui.isoformat(), "objet": "Présentation de la structure",
                       "prochaine_action": "Envoyer la plaquette",
                       "echeance": (emp.aujourd_hui + timedelta(days=7)).isoformat()})
    assert r.status_code == 303
    page = nav.get(f"/employeurs/entreprises/{emp.entreprise.id}").get_data(as_text=True)
    assert "Visite en entreprise" in page and "Envoyer la plaquette" in page


def test_echange_dans_le_futur_refuse(nav, emp):
    nav.connexion(emp.conseiller.email)
    r = nav.post(f"/employeurs/echanges/entreprises/{emp.entreprise.id}/nouveau", {
        "nature": "appel", "le": (emp.aujourd_hui + timedelta(days=1)).isoformat(), "objet": "Appel"})
    assert r.status_code == 422 and "ne peut pas être dans le futur" in r.get_data(as_text=True)


def test_action_en_retard_alerte_et_page_employeurs(nav, emp, ctx):
    from cipdesk.employeurs.interactions import queries, services

    i = services.enregistrer_interaction(ctx, emp.entreprise, par=emp.conseiller, aujourd_hui=emp.aujourd_hui,
                                         personne=emp.personne, donnees={
                                             "nature": "appel", "le": emp.aujourd_hui - timedelta(days=10),
                                             "objet": "Candidature d'Alex", "prochaine_action": "Rappeler la RH",
                                             "echeance": emp.aujourd_hui - timedelta(days=2)})
    ctx.commit()
    alertes = queries.alertes_actions_en_retard(ctx, [emp.personne.id], emp.aujourd_hui)
    assert [a.code for a in alertes] == ["relance_employeur_en_retard"]
    nav.connexion(emp.conseiller.email)
    assert "Rappeler la RH" in nav.get("/employeurs/").get_data(as_text=True)
    url = f"/employeurs/echanges/{i.id}/faite"
    r = nav.post(url, {"le": emp.aujourd_hui.isoformat()})
    assert r.status_code == 303
    ctx.expire_all()
    assert ctx.get(Interaction, i.id).action_faite_le == emp.aujourd_hui
    assert queries.alertes_actions_en_retard(ctx, [emp.personne.id], emp.aujourd_hui) == []


def test_acces(nav_factory, emp, ctx):
    from cipdesk.employeurs.interactions import services

    i = services.enregistrer_interaction(ctx, emp.entreprise, par=emp.conseiller, aujourd_hui=emp.aujourd_hui,
                                         donnees={"nature": "appel", "le": emp.aujourd_hui, "objet": "Appel",
                                                  "prochaine_action": "Rappeler", "echeance": emp.aujourd_hui})
    ctx.commit()
    urls = [f"/employeurs/echanges/entreprises/{emp.entreprise.id}/nouveau", f"/employeurs/echanges/{i.id}/faite"]
    for email, statut in ((emp.chef.email, 403), (emp.admin.email, 403), (emp.conseiller_ailleurs.email, 404),
                          (emp.collegue.email, 200)):
        n = nav_factory(); n.connexion(email)
        for url in urls:
            assert n.get(url).status_code == statut, (email, url)
