"""Prévention des risques: my workload, my incidents, « alerter mon chef de service »; the
team's page for the chef de service."""
from __future__ import annotations

from flask import Blueprint, url_for
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.pratique.prevention import queries, rules, services
from cipdesk.pratique.prevention.forms import AlerteForm, IncidentForm, PriseEnCompteForm
from cipdesk.pratique.prevention.models import AlerteCharge, IncidentPublic
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import rediriger, soumettre
from cipdesk.web.rendu import rendre

bp = Blueprint("prevention", __name__, url_prefix="/prevention")


def _ma_page(alerte_form=None, statut=200):
    charge = queries.charge_de_travail(db.session, current_user, aujourdhui())
    return rendre("pratique/prevention/index.html", charge=charge, signaux=rules.signaux(charge),
                  incidents=queries.incidents_visibles(db.session, current_user),
                  alertes=queries.alertes_de_charge(db.session, current_user.structure_id, auteur_id=current_user.id),
                  chef=queries.chef_de_l_equipe(db.session, current_user),
                  alerte_form=alerte_form or AlerteForm(formdata=None), statut=statut)


@bp.get("/")
def index():
    policy.exiger(policy.peut(current_user, "pratique.analyser"))
    return _ma_page()


@bp.post("/alerter")
def alerter():
    policy.exiger(policy.peut(current_user, "pratique.analyser"))
    form = AlerteForm()
    soumission = soumettre(form, lambda: services.alerter_mon_chef(db.session, auteur=current_user,
                                                                  message=form.message.data or "",
                                                                  aujourd_hui=aujourdhui()))
    if soumission:
        return rediriger(url_for("pratique.prevention.index"),
                         "Alerte envoyée à votre chef·fe de service, avec vos indicateurs du jour.")
    return _ma_page(form, soumission.statut)


@bp.route("/incidents/nouveau", methods=["GET", "POST"])
def incident_nouveau():
    policy.exiger(policy.peut(current_user, "pratique.analyser"))
    form = IncidentForm()
    soumission = soumettre(form, lambda: services.declarer_incident(
        db.session, auteur=current_user, survenu_le=form.survenu_le.data, nature=form.nature.data,
        contexte=form.contexte.data or "", soutien=form.soutien.data or "", declare=form.declare.data == "oui",
        aujourd_hui=aujourdhui()), valider=lambda: rules.erreurs_incident(
            form.survenu_le.data, form.nature.data, form.contexte.data or "", aujourdhui()))
    if soumission:
        return rediriger(url_for("pratique.prevention.incident", incident_id=soumission.resultat.id),
                         "Incident enregistré : vous et votre chef·fe de service le voyez.")
    return rendre("pratique/prevention/incident_form.html", form=form, statut=soumission.statut)


@bp.get("/incidents/<uuid:incident_id>")
def incident(incident_id):
    incident = charger(IncidentPublic, incident_id)
    return rendre("pratique/prevention/incident.html", incident=incident,
                  est_auteur=incident.auteur_id == current_user.id)


def _page_equipe(formulaires=None, statut=200):
    jour = aujourdhui()
    return rendre("pratique/prevention/equipe.html", lignes=queries.charges_de_l_equipe(db.session, current_user, jour),
                  alertes=queries.alertes_de_charge(db.session, current_user.structure_id,
                                                    equipe_id=current_user.equipe_id),
                  incidents=queries.incidents_visibles(db.session, current_user), formulaires=formulaires or {},
                  PriseEnCompteForm=PriseEnCompteForm, statut=statut)


@bp.get("/equipe")
def equipe():
    policy.exiger(policy.peut(current_user, "pratique.prevention_equipe"))
    return _page_equipe()


@bp.post("/alertes/<uuid:alerte_id>/prise-en-compte")
def prendre_en_compte(alerte_id):
    alerte = charger(AlerteCharge, alerte_id, modifier=True)
    form = PriseEnCompteForm()
    soumission = soumettre(form, lambda: services.prendre_en_compte(db.session, chef=current_user, alerte=alerte,
                                                                   reponse=form.reponse.data or ""))
    if soumission:
        return rediriger(url_for("pratique.prevention.equipe"), "Alerte prise en compte.")
    return _page_equipe({alerte.id: form}, soumission.statut)
