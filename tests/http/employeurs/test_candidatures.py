"""Candidatures: only for people of one's perimeter, a state machine with a dated log,
on the person's timeline, alerts when no answer; access control."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from cipdesk.employeurs.candidatures.models import Candidature, TransitionCandidature
from cipdesk.employeurs.candidatures.rules import EtatCandidature


def _proposer(nav, emp, personne, le=None):
    url = f"/employeurs/candidatures/offres/{emp.offre.id}/nouvelle"
    return nav.post(url, {"personne_id": str(personne.id), "le": (le or emp.aujourd_hui).isoformat(),
                          "commentaire": "Projet validé en vente"})


def test_proposer_puis_faire_avancer(nav, emp, ctx):
    nav.connexion(emp.conseiller.email)
    r = _proposer(nav, emp, emp.personne)
    assert r.status_code == 303, r.get_data(as_text=True)
    url = r.headers["Location"]
    c = ctx.scalar(select(Candidature))
    assert c.etat == EtatCandidature.PROPOSEE
    for vers in ("envoyee", "entretien"):
        r = nav.post(url + "/etape", {"vers": vers, "le": emp.aujourd_hui.isoformat(), "version": ""}, depuis=url)
        assert r.status_code == 303, r.get_data(as_text=True)
    # a refusal needs its reason from the list
    r = nav.post(url + "/etape", {"vers": "refusee", "le": emp.aujourd_hui.isoformat()}, depuis=url)
    assert r.status_code == 422 and "Choisissez le motif du refus dans la liste." in r.get_data(as_text=True)
    r = nav.post(url + "/etape", {"vers": "refusee", "motif_refus": "poste_pourvu",
                                  "le": emp.aujourd_hui.isoformat()}, depuis=url)
    assert r.status_code == 303
    journal = ctx.scalars(select(TransitionCandidature).order_by(TransitionCandidature.created_at)).all()
    assert [(t.de and t.de.value, t.vers.value) for t in journal] == [
        (None, "proposee"), ("proposee", "envoyee"), ("envoyee", "entretien"), ("entretien", "refusee")]
    assert journal[-1].motif_refus == "poste_pourvu" and all(t.le == emp.aujourd_hui for t in journal)
    # a final state accepts no more step
    r = nav.post(url + "/etape", {"vers": "embauche", "le": emp.aujourd_hui.isoformat()}, depuis=url)
    assert r.status_code == 422 and "ne peut pas passer" in r.get_data(as_text=True)


def test_personne_hors_perimetre_refusee_avec_erreur(nav, emp, ctx):
    nav.connexion(emp.conseiller.email)
    r = _proposer(nav, emp, emp.personne_collegue)  # a colleague's caseload, not shared
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert "n&#39;est pas dans votre file active" in html and "Projet validé en vente" in html
    assert ctx.scalar(select(func.count()).select_from(Candidature)) == 0


def test_date_avant_ouverture_refusee(nav, emp):
    nav.connexion(emp.conseiller.email)
    r = _proposer(nav, emp, emp.personne, le=emp.offre.ouverte_le - timedelta(days=5))
    assert r.status_code == 422 and "ne peut pas être antérieure" in r.get_data(as_text=True)


def test_sur_la_chronologie_de_la_personne_et_alerte(app, emp, ctx):
    from cipdesk.employeurs.candidatures import queries, services

    c = services.proposer(ctx, emp.offre, emp.personne, par=emp.conseiller, le=emp.aujourd_hui - timedelta(days=1),
                          aujourd_hui=emp.aujourd_hui, dans_le_perimetre=True)
    services.faire_passer(ctx, c, par=emp.conseiller, vers=EtatCandidature.ENVOYEE,
                          le=emp.aujourd_hui - timedelta(days=1), aujourd_hui=emp.aujourd_hui)
    ctx.commit()
    evenements = queries.chronologie_candidatures(ctx, emp.personne, emp.conseiller)
    assert sorted(e.titre for e in evenements) == ["Candidature « Vendeur » : envoyée à l'employeur",
                                                   "Candidature « Vendeur » : proposée"]
    assert queries.alertes_sans_reponse(ctx, [emp.personne.id], emp.aujourd_hui) == []
    alertes = queries.alertes_sans_reponse(ctx, [emp.personne.id], emp.aujourd_hui + timedelta(days=15))
    assert [a.code for a in alertes] == ["candidature_sans_reponse"]
    alertes = queries.alertes_sans_reponse(ctx, [emp.personne.id], emp.aujourd_hui + timedelta(days=40))
    assert [a.code for a in alertes] == ["candidature_obsolete"]
    from cipdesk.core.contrat import registre

    assert queries.chronologie_candidatures in list(registre.chronologie())
    assert queries.alertes_sans_reponse in list(registre.alertes())


def test_acces(nav_factory, emp, ctx):
    from cipdesk.employeurs.candidatures import services

    c = services.proposer(ctx, emp.offre, emp.personne, par=emp.conseiller, le=emp.aujourd_hui,
                          aujourd_hui=emp.aujourd_hui, dans_le_perimetre=True)
    ctx.commit()
    voir = f"/employeurs/candidatures/{c.id}"
    nouvelle = f"/employeurs/candidatures/offres/{emp.offre.id}/nouvelle"
    conseiller = nav_factory(); conseiller.connexion(emp.conseiller.email)
    assert conseiller.get(voir).status_code == 200
    collegue = nav_factory(); collegue.connexion(emp.collegue.email)  # person outside their perimeter
    assert collegue.get(voir).status_code == 403
    assert emp.personne.nom not in collegue.get(f"/employeurs/offres/{emp.offre.id}").get_data(as_text=True)
    assert "1 autre candidature" in collegue.get(f"/employeurs/offres/{emp.offre.id}").get_data(as_text=True)
    chef = nav_factory(); chef.connexion(emp.chef.email)  # the référent's team: sees, does not write
    assert chef.get(voir).status_code == 200
    assert chef.get(nouvelle).status_code == 403
    assert chef.client.post(voir + "/etape", data={"vers": "envoyee"}).status_code in (400, 403)
    admin = nav_factory(); admin.connexion(emp.admin.email)
    assert admin.get(voir).status_code == 403 and admin.get("/employeurs/candidatures/").status_code == 403
    ailleurs = nav_factory(); ailleurs.connexion(emp.conseiller_ailleurs.email)
    assert ailleurs.get(voir).status_code == 404 and ailleurs.get(nouvelle).status_code == 404
    assert emp.personne.nom not in ailleurs.get("/employeurs/candidatures/").get_data(as_text=True)


def test_rapprochement_offre_file_active_avec_raisons(nav, emp, ctx):
    from cipdesk.core.dates import aujourdhui
    from cipdesk.parcours.contrat import services as parcours
    from cipdesk.parcours.projet import services as projet_services

    def projet(personne, rome, par):
        p = parcours.ouvrir_parcours(ctx, personne, par=par, dispositif_code="plie",
                                     debut=emp.aujourd_hui, fin_prevue=None, objectifs="Emploi",
                                     engagements_personne="a", engagements_structure="b")
        pr = projet_services.demarrer_projet(ctx, p, par=par, le=aujourdhui())
        projet_services.ajouter_metier(ctx, pr, par=par, rome_code=rome, libelle="")

    projet(emp.personne, "D1106", emp.conseiller)
    projet(emp.personne_collegue, "D1106", emp.collegue)  # a colleague's caseload: not shown
    ctx.commit()
    nav.connexion(emp.conseiller.email)
    html = nav.get(f"/employeurs/offres/{emp.offre.id}").get_data(as_text=True)
    section = html[html.index('id="rapprochement"'):]
    assert emp.personne.nom in section and "Le projet vise ce métier" in section
    assert emp.personne_collegue.nom not in section
