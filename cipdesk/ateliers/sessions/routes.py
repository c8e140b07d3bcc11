"""Pages of the sessions (REAC CP10): programming a session, withdrawal, convocation. The
session's page and its forms (half-days, enrolment, capacity), which read the presences,
live in `cipdesk/ateliers/pages.py`."""
from __future__ import annotations

import uuid

from flask import Blueprint, request, url_for
from flask_login import current_user
from sqlalchemy import select

from cipdesk.ateliers.conception.models import Atelier
from cipdesk.ateliers.sessions import pdf, queries, services
from cipdesk.ateliers.sessions.forms import SessionForm
from cipdesk.ateliers.sessions.models import Inscription, SessionAtelier
from cipdesk.ateliers.sessions.rules import Periode, StatutInscription
from cipdesk.comptes.models import Role, Structure, Utilisateur
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import avec_vide, rediriger, soumettre
from cipdesk.web.pdf import reponse_pdf
from cipdesk.web.rendu import rendre

bp = Blueprint("sessions", __name__, url_prefix="/sessions")


def _conseillers():
    return db.session.scalars(select(Utilisateur).where(
        Utilisateur.structure_id == current_user.structure_id, Utilisateur.role == Role.CONSEILLER,
        Utilisateur.actif.is_(True)).order_by(Utilisateur.nom, Utilisateur.prenom)).all()


@bp.route("/nouvelle/<uuid:atelier_id>", methods=["GET", "POST"])
def nouvelle(atelier_id: uuid.UUID):
    atelier = charger(Atelier, atelier_id, modifier=True)
    form = SessionForm()
    form.animateur_id.choices = avec_vide([(u.id, u.nom_complet) for u in _conseillers()])
    if request.method == "GET":
        form.capacite.data, form.lieu.data = atelier.places_max, atelier.lieu
        form.animateur_id.data = str(current_user.id)
        form.co_animateurs.data = atelier.animateurs

    def _creer():
        try:
            animateur = db.session.get(Utilisateur, uuid.UUID(form.animateur_id.data))
        except ValueError:
            animateur = None
        return services.creer_session(
            db.session, atelier, par=current_user, le=aujourdhui(), animateur=animateur, lieu=form.lieu.data or "",
            co_animateurs=form.co_animateurs.data or "", capacite=form.capacite.data, jour=form.jour.data,
            periode=Periode(form.periode.data), debut=form.debut.data, fin=form.fin.data)

    resultat = soumettre(form, _creer)
    if resultat:
        return rediriger(url_for("ateliers.sessions.voir", session_id=resultat.resultat.id),
                         "Session programmée. Inscrivez maintenant les participants.")
    return rendre("ateliers/sessions/session_form.html", form=form, atelier=atelier, statut=resultat.statut)


def charger_session_atelier(session_id, *, modifier=False) -> SessionAtelier:
    return charger(SessionAtelier, session_id, modifier=modifier,
                   objet=queries.charger_session(db.session, session_id))


@bp.post("/inscriptions/<uuid:inscription_id>/desister")
def desister(inscription_id: uuid.UUID):
    inscription = charger(Inscription, inscription_id, modifier=True)
    if inscription.statut == StatutInscription.DESISTE:
        return rediriger(url_for("ateliers.sessions.voir", session_id=inscription.session_id),
                         "Cette personne s'était déjà désistée.", "info")
    promu = services.desister(db.session, inscription, par=current_user)
    message = "Désistement enregistré." + (" La première personne de la liste d'attente prend la place."
                                           if promu else "")
    return rediriger(url_for("ateliers.sessions.voir", session_id=inscription.session_id) + "#participants", message)


@bp.get("/inscriptions/<uuid:inscription_id>/convocation.pdf")
def convocation(inscription_id: uuid.UUID):
    inscription = charger(Inscription, inscription_id)
    sess = queries.charger_session(db.session, inscription.session_id)
    return reponse_pdf(pdf.convocation(inscription=inscription, session_atelier=sess, le=aujourdhui(),
                                       structure=db.session.get(Structure, inscription.structure_id)),
                       "convocation.pdf", en_ligne=True)
