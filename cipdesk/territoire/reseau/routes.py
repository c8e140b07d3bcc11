"""The network really used (REAC CP4): cartography by domain (SVG drawn on the server,
with an equivalent table) and the team's references."""
from __future__ import annotations

import uuid

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.core.db import db
from cipdesk.security import policy
from cipdesk.territoire.partenaires.queries import repertoire
from cipdesk.territoire.partenaires.models import Partenaire
from cipdesk.territoire.reseau import queries, rules, services
from cipdesk.territoire.reseau.forms import ReferenceForm
from cipdesk.territoire.reseau.models import ReferenceEquipe
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import avec_vide, rediriger, soumettre
from cipdesk.web.rendu import rendre

bp = Blueprint("reseau", __name__, url_prefix="/territoire")


@bp.get("/cartographie")
def cartographie():
    policy.exiger(policy.peut(current_user, "territoire.voir"))
    domaines = queries.cartographie(db.session, current_user.structure_id)
    return rendre("territoire/reseau/cartographie.html", domaines=domaines, hauteur=rules.hauteur(domaines),
                  largeur=rules.LARGEUR, x_manque=rules.X_MANQUE, rayon=rules.rayon, manques=[d for d in domaines if d.manque])


def _partenaire_choisi(form) -> Partenaire | None:
    try:
        ident = uuid.UUID(form.partenaire_id.data or "")
    except ValueError:
        return None
    return db.session.get(Partenaire, ident)


@bp.route("/equipe", methods=["GET", "POST"])
def equipe():
    policy.exiger(policy.peut(current_user, "territoire.voir"))
    if request.method == "POST":
        policy.exiger(policy.peut(current_user, "territoire.modifier"))
    form = ReferenceForm()
    form.partenaire_id.choices = avec_vide([(str(p.id), p.nom) for p in repertoire(db.session, current_user.structure_id)],
                                           "— aucun —")
    envoi = soumettre(form, lambda: services.ajouter_reference(
        db.session, par=current_user, sujet=form.sujet.data or "", precision=form.precision.data or "",
        partenaire=_partenaire_choisi(form)))
    if envoi:
        return rediriger(url_for("territoire.reseau.equipe"), f"Référence « {envoi.resultat.sujet} » ajoutée.")
    refs = queries.references(db.session, current_user.structure_id)
    par_sujet: dict[str, list[ReferenceEquipe]] = {}
    for r in refs:
        par_sujet.setdefault(r.sujet, []).append(r)
    return rendre("territoire/reseau/equipe.html", form=form, par_sujet=par_sujet,
                  peut_modifier=policy.peut(current_user, "territoire.modifier"), statut=envoi.statut)


@bp.post("/equipe/<uuid:reference_id>/retrait")
def retirer(reference_id):
    ref = charger(ReferenceEquipe, reference_id, modifier=True)
    services.retirer_reference(db.session, par=current_user, reference=ref)
    return rediriger(url_for("territoire.reseau.equipe"), "Référence retirée.")
