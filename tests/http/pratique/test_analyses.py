"""Analyses de pratique (REAC CP11), through HTTP: attached to an entretien from its page,
encrypted at rest, one audit row per read, evidence of CP11; bad inputs (an empty analysis,
a future date, a name of the caseload) answered 422 with the input kept; who reads
(author only; the tutor only after an explicit share; a practice group's participants)."""
from __future__ import annotations

import html
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text

from cipdesk.competences.models import PreuveCompetence
from cipdesk.pratique.analyses.models import AnalysePratique
from cipdesk.security.audit import Action, JournalAudit
from tests.factories.parcours import objets_parcours
from tests.factories.pratique import VALEURS, analyse


@pytest.fixture
def m(fabrique, ctx):
    monde = fabrique.monde()
    monde.objets = objets_parcours(ctx, monde)
    return monde


def _t(reponse) -> str:
    return html.unescape(reponse.get_data(as_text=True))


def _donnees(**autres):
    return {**VALEURS, "situation_le": date.today().isoformat(), **autres}


def _lectures(ctx, analyse_id, action=Action.LECTURE):
    return ctx.scalar(select(func.count(JournalAudit.id)).where(
        JournalAudit.objet_type == "analyse_pratique", JournalAudit.objet_id == str(analyse_id),
        JournalAudit.action == action))


def test_analyse_rattachee_a_un_entretien_depuis_sa_page(nav, m, ctx):
    nav.connexion(m.conseiller.email)
    page_entretien = f"/parcours/entretiens/{m.objets['entretien']}"
    html = _t(nav.get(page_entretien))
    lien = f"/pratique/analyses/nouvelle?objet_type=entretien&objet_id={m.objets['entretien']}"
    assert "Écrire une analyse de pratique de cette situation" in html and lien in html
    formulaire = _t(nav.get(lien))
    assert "Rattachée à : <strong>entretien de suivi</strong>" in formulaire
    r = nav.post("/pratique/analyses/nouvelle", _donnees(objet_type="entretien", objet_id=str(m.objets["entretien"])),
                 depuis=lien)
    assert r.status_code == 303, _t(r)
    a = ctx.scalar(select(AnalysePratique))
    assert (a.objet_type, a.objet_id, a.auteur_id) == ("entretien", m.objets["entretien"], m.conseiller.id)
    # encrypted at rest: no clear text in the row
    brut = ctx.execute(text("SELECT faits_chiffre, emotions_chiffre FROM analyse_pratique")).one()
    assert all(b and VALEURS["faits"].encode() not in bytes(b) for b in brut)
    # one audit row per read
    avant = _lectures(ctx, a.id)
    page = _t(nav.get(r.headers["Location"]))
    assert VALEURS["emotions"] in page and "Les quatre critères de CP11" in page
    assert _lectures(ctx, a.id) == avant + 1
    # the entretien's page now links to it; the analysis evidences CP11
    assert "Mon analyse de pratique du" in _t(nav.get(page_entretien))
    assert ctx.scalar(select(PreuveCompetence.competence_code).where(PreuveCompetence.objet_id == a.id)) == "CP11"


def test_fonction_du_dossier_analyses_d_un_auteur_sur_un_objet(m, ctx):
    from cipdesk.pratique.queries import analyses_de

    sur_entretien = analyse(ctx, m.conseiller, objet_type="entretien", objet_id=m.objets["entretien"])
    sur_parcours = analyse(ctx, m.conseiller, objet_type="parcours", objet_id=m.objets["parcours"])
    libre = analyse(ctx, m.conseiller)
    analyse(ctx, m.collegue)
    ctx.commit()
    assert analyses_de(ctx, m.conseiller.id, "entretien", m.objets["entretien"]) == [sur_entretien]
    assert {x.id for x in analyses_de(ctx, m.conseiller.id)} == {sur_entretien.id, sur_parcours.id, libre.id}


def test_analyse_vide_refusee_saisie_gardee(nav, m, ctx):
    nav.connexion(m.conseiller.email)
    r = nav.post("/pratique/analyses/nouvelle", {"situation_le": "", "opinions": "Mon opinion gardée 4d2c"})
    html = _t(r)
    assert r.status_code == 422
    assert "Décrivez la situation analysée : une analyse de pratique ne peut pas être vide." in html
    assert "Décrivez les faits, séparés de vos opinions" in html and "Indiquez la date de la situation." in html
    assert "Mon opinion gardée 4d2c" in html
    assert ctx.scalar(select(func.count(AnalysePratique.id))) == 0


def test_situation_future_refusee(nav, m, ctx):
    nav.connexion(m.conseiller.email)
    demain = (date.today() + timedelta(days=1)).isoformat()
    r = nav.post("/pratique/analyses/nouvelle", _donnees(situation_le=demain))
    assert r.status_code == 422
    html = _t(r)
    assert "La situation analysée ne peut pas être dans le futur." in html and VALEURS["faits"] in html


def test_nom_de_la_file_active_averti_puis_confirme(nav, m, fabrique, ctx):
    fabrique.personne(m.structure, referent=m.conseiller, nom="Dupont-Martin", prenom="Élodie")
    nav.connexion(m.conseiller.email)
    faits = "Mme DUPONT-MARTIN est arrivée en retard."
    r = nav.post("/pratique/analyses/nouvelle", _donnees(faits=faits))
    html = _t(r)
    assert r.status_code == 422
    assert "Un nom de votre file active apparaît (« dupont martin »)" in html and faits in html
    assert "enregistrer quand même" in html
    assert ctx.scalar(select(func.count(AnalysePratique.id))) == 0
    r = nav.post("/pratique/analyses/nouvelle", _donnees(faits=faits, confirmer_noms="y"))
    assert r.status_code == 303
    a = ctx.scalar(select(AnalysePratique))
    assert a.noms_confirmes_le is not None
    # nothing of the name is stored in clear
    ligne = ctx.execute(text("SELECT * FROM analyse_pratique")).one()
    assert not any(isinstance(v, str) and "dupont" in v.lower() for v in ligne)


def test_rattacher_a_l_entretien_d_une_autre_structure_est_refuse(nav, m, ctx):
    from tests.factories.fabrique import Monde

    autre = objets_parcours(ctx, Monde(structure=m.autre_structure, conseiller=m.conseiller_ailleurs))
    nav.connexion(m.conseiller.email)
    r = nav.post("/pratique/analyses/nouvelle", _donnees(objet_type="entretien", objet_id=str(autre["entretien"])))
    assert r.status_code == 422
    assert "L'enregistrement auquel rattacher l'analyse est introuvable." in _t(r)


def test_seul_l_auteur_lit_le_refus_est_journalise(nav_factory, m, ctx):
    a = analyse(ctx, m.conseiller)
    ctx.commit()
    url = f"/pratique/analyses/{a.id}"
    for compte, attendu in ((m.collegue, 403), (m.chef, 403), (m.admin, 403), (m.conseiller_ailleurs, 404)):
        nav = nav_factory()
        nav.connexion(compte.email)
        r = nav.get(url)
        assert r.status_code == attendu, compte.email
        assert VALEURS["faits"] not in _t(r)
    assert _lectures(ctx, a.id, Action.REFUS) == 3  # another structure's record does not exist for them


def test_le_tuteur_lit_seulement_apres_un_partage_explicite(nav_factory, m, ctx):
    from cipdesk.comptes.models import ProfilCandidat

    profil = ctx.get(ProfilCandidat, m.candidat.id)
    profil.tuteur_id = m.collegue.id
    a = analyse(ctx, m.candidat)
    ctx.commit()
    url = f"/pratique/analyses/{a.id}"
    tuteur = nav_factory()
    tuteur.connexion(m.collegue.email)
    assert tuteur.get(url).status_code == 403
    candidat = nav_factory()
    candidat.connexion(m.candidat.email)
    assert "Partager avec" in _t(candidat.get(url))
    r = candidat.post(url + "/tuteur", {}, depuis=url)
    assert r.status_code == 303
    assert _lectures(ctx, a.id, Action.PARTAGE) == 1
    page = tuteur.get(url)
    assert page.status_code == 200 and VALEURS["faits"] in _t(page)
    ligne = ctx.scalars(select(JournalAudit).where(JournalAudit.objet_id == str(a.id),
                                                   JournalAudit.action == Action.LECTURE)
                        .order_by(JournalAudit.id.desc())).first()
    assert ligne.acteur_id == m.collegue.id
    # another tutor designated: the former one reads no more
    profil.tuteur_id = m.chef.id
    ctx.commit()
    assert tuteur.get(url).status_code == 403
    # and a removed share closes it for everyone
    profil.tuteur_id = m.collegue.id
    ctx.commit()
    assert candidat.post(url + "/tuteur/retrait", {}, depuis=url).status_code == 303
    assert tuteur.get(url).status_code == 403


def test_partage_refuse_sans_tuteur_ou_avec_un_nom(nav, m, fabrique, ctx):
    fabrique.personne(m.structure, referent=m.conseiller, nom="Benali", prenom="Karim")
    a = analyse(ctx, m.conseiller, valeurs={"opinions": "M. Benali hésitait."}, confirmer_noms=True)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    url = f"/pratique/analyses/{a.id}"
    r = nav.post(url + "/tuteur", {}, depuis=url)
    assert r.status_code == 422
    assert "Vous n'avez pas de tuteur ou tutrice" in _t(r)
    from cipdesk.pratique.analyses.models import TypeSeance
    from cipdesk.pratique.analyses.services import enregistrer_seance
    seance = enregistrer_seance(ctx, organisateur=m.conseiller, type_seance=TypeSeance.GEASE, le=date.today(),
                                animateur="", participants=[m.collegue], participants_externes="",
                                aujourd_hui=date.today())
    ctx.commit()
    r = nav.post(url + "/seance", {"seance": str(seance.id)}, depuis=url)
    assert r.status_code == 422
    assert "Avant de partager, retirez tout nom de personne accompagnée" in _t(r)


def test_seance_gease_ses_participants_lisent_ce_qui_y_est_partage(nav_factory, m, ctx):
    a = analyse(ctx, m.conseiller)
    ctx.commit()
    auteur = nav_factory()
    auteur.connexion(m.conseiller.email)
    # a future session is refused, the input kept
    demain = (date.today() + timedelta(days=1)).isoformat()
    r = auteur.post("/pratique/seances/", {"type_seance": "gease", "le": demain, "animateur": "Mme Superviseure",
                                           "participants": [str(m.collegue.id)]})
    assert r.status_code == 422
    assert "la date ne peut pas être dans le futur" in _t(r)
    assert "Mme Superviseure" in _t(r)
    r = auteur.post("/pratique/seances/", {"type_seance": "gease", "le": date.today().isoformat(),
                                           "animateur": "Mme Superviseure", "participants": [str(m.collegue.id)],
                                           "participants_externes": "Deux conseillères de la Mission locale"})
    assert r.status_code == 303, _t(r)
    seance_url = r.headers["Location"]
    seance_id = seance_url.rstrip("/").rsplit("/", 1)[1]
    url = f"/pratique/analyses/{a.id}"
    collegue = nav_factory()
    collegue.connexion(m.collegue.email)
    assert collegue.get(url).status_code == 403
    assert auteur.post(url + "/seance", {"seance": seance_id}, depuis=url).status_code == 303
    assert collegue.get(url).status_code == 200
    assert f"/pratique/analyses/{a.id}" in _t(collegue.get(seance_url))
    candidat = nav_factory()
    candidat.connexion(m.candidat.email)
    assert candidat.get(url).status_code == 403 and candidat.get(seance_url).status_code == 403


def test_modifier_garde_la_saisie_et_refuse_une_version_perimee(nav, m, ctx):
    a = analyse(ctx, m.conseiller)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    url = f"/pratique/analyses/{a.id}/modifier"
    r = nav.post(url, _donnees(faits="", autrement="Nouvelle idée 9e1f", version=str(a.version)))
    assert r.status_code == 422 and "Nouvelle idée 9e1f" in _t(r)
    r = nav.post(url, _donnees(autrement="Nouvelle idée 9e1f", version=str(a.version)))
    assert r.status_code == 303
    r = nav.post(url, _donnees(autrement="Autre onglet", version=str(a.version)))
    assert r.status_code == 409 and "modifiée entre-temps" in _t(r)
