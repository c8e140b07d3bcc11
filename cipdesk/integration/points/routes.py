"""Recording a scheduled follow-up (from the follow-up's page)."""
from __future__ import annotations

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.integration.points import services
from cipdesk.integration.points.forms import PointForm
from cipdesk.integration.points.models import PointSuivi
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import choix, rediriger, soumettre
from cipdesk.web.rendu import rendre

bp = Blueprint("points", __name__, url_prefix="/points")


@bp.post("/<uuid:point_id>")
def enregistrer(point_id):
    point = charger(PointSuivi, point_id, modifier=True)
    form = PointForm()
    soumission = soumettre(form, lambda: services.enregistrer_point(db.session, point, par=current_user,
                                                                     donnees=form.donnees(), aujourd_hui=aujourdhui()))
    if soumission:
        message = "Point de suivi enregistré."
        if point.risque_rupture:
            message += " Risque de rupture signalé : une alerte est levée."
        return rediriger(url_for("integration.suivis.voir", suivi_id=point.suivi_id) + f"#point-{point.id}", message)
    return rendre("integration/points/form.html", point=point, form=form, statut=soumission.statut)


@bp.post("/<uuid:point_id>/apres-sortie")
def apres_sortie(point_id):
    """Confirm the situation after the exit that this M+3 / M+6 follow-up gives (issue #14 point 6)."""
    from flask import flash, redirect

    from cipdesk.core.erreurs import ErreurMetier

    point = charger(PointSuivi, point_id, modifier=True)
    cible = url_for("integration.suivis.voir", suivi_id=point.suivi_id) + f"#point-{point.id}"
    try:
        services.reporter_apres_sortie(db.session, point, par=current_user, aujourd_hui=aujourdhui())
    except ErreurMetier as erreur:
        db.session.rollback()
        flash(str(erreur), "erreur")
        return redirect(cible, 303)
    return rediriger(cible, "Situation après la sortie du parcours enregistrée (en emploi).")


@bp.route("/calendrier", methods=["GET", "POST"])
def calendrier():
    """The structure's follow-up calendar (its admin)."""
    from cipdesk.integration.points import rules
    from cipdesk.integration.points.forms import CalendrierForm
    from cipdesk.security import policy

    policy.exiger(policy.peut_administrer(current_user))
    structure = current_user.structure
    form = CalendrierForm()
    form.jalons.choices = choix((j.value, j.libelle) for j in rules.ORDRE)
    if request.method == "GET":
        form.jalons.data = [j.value for j in rules.calendrier(structure.parametres)]
    soumission = soumettre(form, lambda: services.regler_calendrier(db.session, structure, par=current_user,
                                                                     codes=list(form.jalons.data or [])))
    if soumission:
        return rediriger(url_for("integration.points.calendrier"),
                         "Calendrier des suivis enregistré : il s'applique aux prochaines embauches.")
    return rendre("integration/points/calendrier.html", form=form, statut=soumission.statut)
