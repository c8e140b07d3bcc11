"""Recording an exchange with an employer and closing its next action."""
from __future__ import annotations

import uuid

from flask import Blueprint, url_for
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.employeurs.interactions import services
from cipdesk.employeurs.interactions.forms import ActionFaiteForm, InteractionForm
from cipdesk.employeurs.interactions.models import Interaction
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import avec_vide, rediriger, soumettre
from cipdesk.web.rendu import rendre

bp = Blueprint("interactions", __name__, url_prefix="/echanges")


def _contact(entreprise, valeur):
    try:
        cid = uuid.UUID(valeur or "")
    except ValueError:
        return None
    return next((c for c in entreprise.contacts if c.id == cid), None)


@bp.route("/entreprises/<uuid:entreprise_id>/nouveau", methods=["GET", "POST"])
def nouveau(entreprise_id):
    entreprise = charger(Entreprise, entreprise_id, modifier=True)
    form = InteractionForm()
    form.contact_id.choices = avec_vide(((c.id, f"{c.nom_complet} — {c.role.libelle}") for c in entreprise.contacts),
                                        "— personne en particulier —")

    def service():
        donnees = {c: getattr(form, c).data for c in ("nature", "le", "objet", "compte_rendu", "prochaine_action",
                                                       "echeance")}
        donnees["compte_rendu"] = donnees["compte_rendu"] or ""
        donnees["prochaine_action"] = (donnees["prochaine_action"] or "").strip()
        donnees["contact"] = _contact(entreprise, form.contact_id.data)
        return services.enregistrer_interaction(db.session, entreprise, par=current_user, donnees=donnees,
                                                aujourd_hui=aujourdhui())

    soumission = soumettre(form, service)
    if soumission:
        return rediriger(url_for("employeurs.entreprises.voir", entreprise_id=entreprise.id) + "#echanges",
                         "Échange enregistré.")
    return rendre("employeurs/interactions/form.html", form=form, entreprise=entreprise, statut=soumission.statut)


@bp.route("/<uuid:interaction_id>/faite", methods=["GET", "POST"])
def faite(interaction_id):
    interaction = charger(Interaction, interaction_id, modifier=True)
    form = ActionFaiteForm()
    soumission = soumettre(form, lambda: services.marquer_faite(db.session, interaction, par=current_user,
                                                                 le=form.le.data, aujourd_hui=aujourdhui()))
    if soumission:
        return rediriger(url_for("employeurs.entreprises.voir", entreprise_id=interaction.entreprise_id)
                         + "#echanges", "Action notée comme faite.")
    return rendre("employeurs/interactions/faite.html", form=form, interaction=interaction,
                  statut=soumission.statut)


