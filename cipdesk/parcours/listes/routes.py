"""The structure's editable lists of the parcours (its admin)."""
from __future__ import annotations

from flask import Blueprint, url_for
from flask_login import current_user

from cipdesk.core.db import db
from cipdesk.parcours.listes import rules as listes
from cipdesk.parcours.listes.forms import ListeForm
from cipdesk.parcours.listes.services import modifier_liste
from cipdesk.security import policy
from cipdesk.web.formulaires import rediriger, soumettre
from cipdesk.web.rendu import rendre

bp = Blueprint("listes", __name__)


@bp.route("/listes", methods=["GET", "POST"])
def modifier():
    policy.exiger(policy.peut_modifier_listes_parcours(current_user))
    structure = current_user.structure
    form = ListeForm()
    envoi = soumettre(form, lambda: modifier_liste(
        db.session, structure, form.liste.data or "", par=current_user, ajouter=form.libelle.data or "",
        retirer=form.retirer.data or "", retablir=form.retablir.data or ""))
    if envoi:
        return rediriger(url_for("parcours.listes.modifier"), "Liste mise à jour.")
    erreur = "; ".join([*(e for champ in form for e in champ.errors), *form.form_errors]) or None
    return rendre("parcours/listes/listes.html", titres=listes.TITRES,
                  valeurs={l: listes.toutes(structure.parametres, l) for l in listes.DEFAUTS},
                  erreur=erreur, statut=envoi.statut)
