"""A person's profile for employment (availability, licences, mobility, hours) and the
offers that fit them (the reverse matching, issue #13 point 6). Access as for the person."""
from __future__ import annotations

from flask import Blueprint, url_for
from flask_login import current_user
from sqlalchemy import select

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.employeurs.profils import queries, services
from cipdesk.employeurs.profils.forms import ProfilForm
from cipdesk.employeurs.profils.models import ProfilEmploi
from cipdesk.personnes.models import Personne
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import rediriger, soumettre
from cipdesk.web.rendu import rendre

bp = Blueprint("profils", __name__, url_prefix="/personnes")


def _page(personne, form=None, statut=200):
    profil = db.session.scalar(select(ProfilEmploi).where(ProfilEmploi.personne_id == personne.id))
    if form is None:
        form = ProfilForm(formdata=None)
        if profil is not None:
            form.disponible_le.data, form.permis.data = profil.disponible_le, list(profil.permis or [])
            form.vehicule.data = None if profil.vehicule is None else ("oui" if profil.vehicule else "non")
            form.zone_mobilite.data = profil.zone_mobilite.value if profil.zone_mobilite else None
            form.contraintes_horaires.data = list(profil.contraintes_horaires or [])
    return rendre("employeurs/profils/voir.html", personne=personne, profil=profil, form=form,
                  offres=queries.offres_pour(db.session, personne, aujourdhui()),
                  peut_modifier=policy.peut(current_user, "employeurs.modifier"), statut=statut)


@bp.get("/<uuid:personne_id>")
def voir(personne_id):
    policy.exiger(policy.peut(current_user, "employeurs.voir"))
    return _page(charger(Personne, personne_id))


@bp.post("/<uuid:personne_id>")
def enregistrer(personne_id):
    policy.exiger(policy.peut(current_user, "employeurs.modifier"))
    personne = charger(Personne, personne_id, modifier=True)
    form = ProfilForm()
    soumission = soumettre(form, lambda: services.enregistrer_profil(db.session, personne, par=current_user,
                                                                      donnees=form.donnees()))
    if soumission:
        return rediriger(url_for("employeurs.profils.voir", personne_id=personne.id),
                         "Disponibilités pour l'emploi enregistrées.")
    return _page(personne, form=form, statut=soumission.statut)
