"""Prévention des risques (REAC, compétence transversale) through HTTP: a conseiller's workload
indicators, incidents with the public (author and their chef only), « alerter mon chef de
service » and the chef's page; bad inputs (future date, no nature, empty answer) → 422, input kept."""
from __future__ import annotations

import html
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from cipdesk.competences.models import PreuveCompetence
from cipdesk.pratique.prevention.models import AlerteCharge, IncidentPublic
from cipdesk.personnes.models import StatutPersonne


def _t(reponse) -> str:
    return html.unescape(reponse.get_data(as_text=True))


@pytest.fixture
def m(fabrique, ctx):
    monde = fabrique.monde()
    structure = monde.structure
    structure.parametres = {**(structure.parametres or {}), "norme_file_active": 2}
    ctx.commit()
    for _ in range(3):
        fabrique.personne(structure, referent=monde.conseiller, statut=StatutPersonne.ACCOMPAGNEE)
    fabrique.personne(structure, referent=monde.conseiller, statut=StatutPersonne.SORTIE)
    fabrique.personne(structure, referent=monde.collegue, statut=StatutPersonne.ACCOMPAGNEE)
    return monde


def test_charge_de_travail(m, ctx):
    from cipdesk.parcours.contrat import services as parcours
    from cipdesk.parcours.entretiens import services as entretiens
    from cipdesk.parcours.entretiens.rules import ModeEntretien, TypeEntretien
    from cipdesk.personnes.models import Personne
    from cipdesk.pratique.queries import charge_de_travail

    jour = date(2026, 12, 3)  # a Thursday
    personne = ctx.scalar(select(Personne).where(Personne.referent_id == m.conseiller.id,
                                                 Personne.statut == StatutPersonne.ACCOMPAGNEE))
    p = parcours.ouvrir_parcours(ctx, personne, par=m.conseiller, dispositif_code="plie", debut=date(2026, 9, 1),
                                 fin_prevue=None, objectifs="Emploi", engagements_personne="a", engagements_structure="b")
    for le in (date(2026, 11, 29), date(2026, 11, 30), date(2026, 12, 2)):  # Sunday before, Monday, Wednesday
        entretiens.ajouter_entretien(ctx, p, par=m.conseiller, le=le, duree_minutes=30, mode=ModeEntretien.PRESENTIEL,
                                     type_entretien=TypeEntretien.SUIVI, objectif="Suivi", synthese="", aujourd_hui=jour)
    ctx.commit()
    charge = charge_de_travail(ctx, m.conseiller, jour)
    assert (charge.file_active, charge.norme, charge.norme_fixee, charge.entretiens_semaine) == (3, 2, True, 2)
    assert charge.taux == 150


def test_incident_refus_puis_enregistre_visible_par_l_auteur_et_son_chef(nav_factory, m, ctx):
    nav = nav_factory()
    nav.connexion(m.conseiller.email)
    demain = (date.today() + timedelta(days=1)).isoformat()
    r = nav.post("/pratique/prevention/incidents/nouveau",
                 {"survenu_le": demain, "nature": "", "contexte": "Cris à l'accueil 5b7e", "declare": ""})
    texte = _t(r)
    assert r.status_code == 422
    assert "La date de l'incident ne peut pas être dans le futur." in texte
    assert "Choisissez la nature de l'incident." in texte and "Indiquez si l'incident a été déclaré." in texte
    assert "Cris à l'accueil 5b7e" in texte
    assert ctx.scalar(select(func.count(IncidentPublic.id))) == 0
    r = nav.post("/pratique/prevention/incidents/nouveau",
                 {"survenu_le": date.today().isoformat(), "nature": "menace", "contexte": "Cris à l'accueil 5b7e",
                  "soutien": "Collègues présents", "declare": "non"})
    assert r.status_code == 303, _t(r)
    incident = ctx.scalar(select(IncidentPublic))
    assert incident.declare is False
    assert ctx.scalar(select(PreuveCompetence.competence_code).where(PreuveCompetence.objet_id == incident.id)) == "CT1"
    url = r.headers["Location"]
    for compte, attendu in ((m.conseiller, 200), (m.chef, 200), (m.collegue, 403), (m.admin, 403),
                            (m.conseiller_ailleurs, 404), (m.chef_ailleurs, 404)):
        autre = nav_factory()
        autre.connexion(compte.email)
        r = autre.get(url)
        assert r.status_code == attendu, compte.email
        assert ("Cris à l'accueil 5b7e" in _t(r)) == (attendu == 200)
    chef = nav_factory()
    chef.connexion(m.chef.email)
    assert "Menaces" in _t(chef.get("/pratique/prevention/equipe"))


def test_alerter_mon_chef_puis_prise_en_compte(nav_factory, m, ctx):
    conseiller = nav_factory()
    conseiller.connexion(m.conseiller.email)
    page = _t(conseiller.get("/pratique/prevention/"))
    assert "File active au-dessus de la norme : 3 personnes pour 2 (150 %)." in page
    r = conseiller.post("/pratique/prevention/alerter", {"message": "Je ne tiens plus les rendez-vous."},
                        depuis="/pratique/prevention/")
    assert r.status_code == 303
    alerte = ctx.scalar(select(AlerteCharge))
    assert (alerte.file_active, alerte.norme, alerte.equipe_id) == (3, 2, m.equipe.id)
    # one alert waits at a time; the message typed is kept
    r = conseiller.post("/pratique/prevention/alerter", {"message": "Encore 1c9d"}, depuis="/pratique/prevention/")
    assert r.status_code == 422
    assert "attend encore d'être prise en compte" in _t(r) and "Encore 1c9d" in _t(r)
    chef = nav_factory()
    chef.connexion(m.chef.email)
    equipe = _t(chef.get("/pratique/prevention/equipe"))
    assert "Je ne tiens plus les rendez-vous." in equipe and "à prendre en compte" in equipe
    url = f"/pratique/prevention/alertes/{alerte.id}/prise-en-compte"
    r = chef.post(url, {"reponse": ""}, depuis="/pratique/prevention/equipe")
    assert r.status_code == 422 and "Indiquez ce qui est décidé" in _t(r)
    # the conseiller, another chef: refused
    assert conseiller.post(url, {"reponse": "x"}, depuis="/pratique/prevention/").status_code == 403
    ailleurs = nav_factory()
    ailleurs.connexion(m.chef_ailleurs.email)
    assert ailleurs.post(url, {"reponse": "x"}, depuis="/pratique/prevention/equipe").status_code == 404
    r = chef.post(url, {"reponse": "Rendez-vous jeudi ; cinq personnes réparties"}, depuis="/pratique/prevention/equipe")
    assert r.status_code == 303
    ctx.expire_all()
    assert ctx.get(AlerteCharge, alerte.id).prise_en_compte_par_id == m.chef.id
    assert "Rendez-vous jeudi" in _t(conseiller.get("/pratique/prevention/"))


def test_sans_chef_dans_l_equipe_l_alerte_est_refusee(nav, fabrique, ctx):
    s = fabrique.structure()
    seul = fabrique.utilisateur(s, equipe=fabrique.equipe(s))
    nav.connexion(seul.email)
    r = nav.post("/pratique/prevention/alerter", {"message": "Au secours 3a8f"}, depuis="/pratique/prevention/")
    assert r.status_code == 422
    assert "Aucun·e chef·fe de service n'est rattaché·e à votre équipe" in _t(r) and "Au secours 3a8f" in _t(r)


def test_fonctions_du_tableau_de_bord(m, ctx):
    from cipdesk.pratique.prevention.services import alerter_mon_chef, declarer_incident
    from cipdesk.pratique.queries import alertes_de_charge, incidents_visibles

    jour = date.today()
    mien = declarer_incident(ctx, auteur=m.conseiller, survenu_le=jour, nature="incivilite", contexte="c", soutien="",
                             declare=True, aujourd_hui=jour)
    autre = declarer_incident(ctx, auteur=m.conseiller_ailleurs, survenu_le=jour, nature="menace", contexte="c",
                              soutien="", declare=False, aujourd_hui=jour)
    alerte = alerter_mon_chef(ctx, auteur=m.conseiller, message="", aujourd_hui=jour)
    ctx.commit()
    assert incidents_visibles(ctx, m.conseiller) == [mien]
    assert incidents_visibles(ctx, m.chef) == [mien]
    assert incidents_visibles(ctx, m.collegue) == [] and incidents_visibles(ctx, m.admin) == []
    assert incidents_visibles(ctx, m.chef_ailleurs) == [autre]
    assert alertes_de_charge(ctx, m.structure.id, equipe_id=m.equipe.id, ouvertes=True) == [alerte]
    assert alertes_de_charge(ctx, m.autre_structure.id) == []


def test_charges_de_l_equipe_memes_chiffres_en_un_nombre_fixe_de_requetes(m, ctx, fabrique, app):
    """Issue #17 (d): the chef's page of the team's workload reads the same figures as each
    conseiller's own page, in a number of queries that does not grow with the team."""
    from sqlalchemy import event

    from cipdesk.core.db import db
    from cipdesk.pratique.queries import charge_de_travail, charges_de_l_equipe

    jour = date(2026, 12, 3)

    def compter() -> tuple[int, list]:
        n = []
        with app.app_context():
            engine = db.engine
        ecoute = lambda *a, **k: n.append(1)  # noqa: E731
        event.listen(engine, "before_cursor_execute", ecoute)
        try:
            lignes = charges_de_l_equipe(ctx, m.chef, jour)
        finally:
            event.remove(engine, "before_cursor_execute", ecoute)
        return len(n), lignes

    avant, lignes = compter()
    par_conseiller = {c.id: charge for c, charge, _s in lignes}
    assert par_conseiller[m.conseiller.id] == charge_de_travail(ctx, m.conseiller, jour)
    assert par_conseiller[m.collegue.id] == charge_de_travail(ctx, m.collegue, jour)
    assert (par_conseiller[m.conseiller.id].file_active, par_conseiller[m.collegue.id].file_active) == (3, 1)
    assert any("au-dessus de la norme" in s for c, _ch, signaux in lignes if c.id == m.conseiller.id for s in signaux)
    for _ in range(6):
        autre = fabrique.utilisateur(m.structure, equipe=m.equipe)
        fabrique.personne(m.structure, referent=autre, statut=StatutPersonne.ACCOMPAGNEE)
    ctx.commit()
    apres, lignes = compter()
    assert len(lignes) == len(par_conseiller) + 6
    assert apres == avant
