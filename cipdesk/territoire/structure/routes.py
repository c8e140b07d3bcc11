"""The structure's profile: read by every professional of the structure, edited by its
admin or a chef de service."""
from __future__ import annotations

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.core.db import db
from cipdesk.security import policy
from cipdesk.territoire.structure import queries, services
from cipdesk.territoire.structure.forms import ProfilStructureForm
from cipdesk.web.formulaires import rediriger, soumettre, version_du
from cipdesk.web.rendu import rendre

bp = Blueprint("structure", __name__, url_prefix="/territoire/structure")


@bp.route("", methods=["GET", "POST"])
def voir():
    policy.exiger(policy.peut(current_user, "territoire.voir_profil_structure"))
    peut_modifier = policy.peut(current_user, "territoire.modifier_profil_structure")
    if request.method == "POST":
        policy.exiger(peut_modifier)
    profil = queries.profil_de(db.session, current_user.structure_id)
    form = ProfilStructureForm() if request.method == "POST" else ProfilStructureForm(obj=profil)
    if request.method == "GET":
        form.version.data = str(profil.version) if profil else "0"
    envoi = soumettre(form, lambda: services.enregistrer_profil(
        db.session, par=current_user, version=version_du(form), donnees=services.DonneesProfil(
            **{c: getattr(form, c).data or "" for c in services.CHAMPS})))
    if envoi:
        return rediriger(url_for("territoire.structure.voir"), "Profil de la structure enregistré.")
    return rendre("territoire/structure/profil.html", form=form, profil=profil, peut_modifier=peut_modifier,
                  statut=envoi.statut)
