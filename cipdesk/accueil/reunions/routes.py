"""Réunions d'information collective: the list, a new réunion, its participants.
Nested blueprint `accueil.reunions`."""
from __future__ import annotations

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.accueil.reunions import queries, services
from cipdesk.accueil.reunions.forms import ParticipantForm, ReunionForm
from cipdesk.accueil.reunions.models import CONTENUS_REUNION, ReunionInformation
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.personnes.queries import file_partagee, personnes_choisissables
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import rediriger, soumettre
from cipdesk.web.rendu import rendre

bp = Blueprint("reunions", __name__)


@bp.route("/reunions", methods=["GET", "POST"])
def liste():
    policy.exiger(policy.peut(current_user, "reunions.voir"))
    form = ReunionForm()
    if request.method == "GET":
        form.date_reunion.data = aujourdhui()
        form.animateurs.data = current_user.nom_complet
    else:
        policy.exiger(policy.peut(current_user, "reunions.modifier"))
    envoi = soumettre(form, lambda: services.creer_reunion(
        db.session, par=current_user, le=form.date_reunion.data, lieu=form.lieu.data or "",
        animateurs=form.animateurs.data or "", contenus=form.contenus.data or [],
        contenus_precisions=form.contenus_precisions.data or "", aujourd_hui=aujourdhui()))
    if envoi:
        return rediriger(url_for("accueil.reunions.voir", reunion_id=envoi.resultat.id),
                         "Réunion enregistrée : ajoutez les participants.")
    return rendre("accueil/reunions/reunions.html", form=form,
                  reunions=queries.dernieres_reunions(db.session, current_user.structure_id),
                  contenus=CONTENUS_REUNION, peut_modifier=policy.peut(current_user, "reunions.modifier"),
                  statut=envoi.statut)


@bp.route("/reunions/<uuid:reunion_id>", methods=["GET", "POST"])
def voir(reunion_id):
    reunion = charger(ReunionInformation, reunion_id)
    if request.method == "POST":
        policy.exiger(policy.peut(current_user, "reunions.modifier"))
    personnes = personnes_choisissables(db.session, current_user, file_active_partagee=file_partagee(current_user),
                                        limite=500)
    form = ParticipantForm(personnes=personnes)

    def _ajouter():
        personne = next((p for p in personnes if str(p.id) == form.personne.data), None)
        if personne is None:
            raise ErreurMetier("Choisissez une personne de votre file active, ou créez d'abord sa fiche.", "personne")
        services.ajouter_participant(db.session, par=current_user, reunion=reunion, personne=personne,
                                     resultat=form.resultat.data, commentaire=form.commentaire.data or "")
        return personne

    envoi = soumettre(form, _ajouter)
    if envoi:
        return rediriger(url_for("accueil.reunions.voir", reunion_id=reunion.id),
                         f"{envoi.resultat.nom_complet} ajouté·e à la réunion.")
    return rendre("accueil/reunions/reunion.html", reunion=reunion, form=form, contenus=CONTENUS_REUNION,
                  visibles={p.id for p in personnes}, peut_modifier=policy.peut(current_user, "reunions.modifier"),
                  statut=envoi.statut)
