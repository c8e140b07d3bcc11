"""Pages of the sessions (REAC CP10): half-days, participants from the caseload, capacity,
waiting list, convocation."""
from __future__ import annotations

import uuid

from flask import Blueprint, make_response, request, url_for
from flask_login import current_user
from sqlalchemy import select

from cipdesk.ateliers.conception.models import Atelier
from cipdesk.ateliers.conception.rules import avertissement_duree, duree_texte
from cipdesk.ateliers.presences.queries import statuts_de_la_session
from cipdesk.ateliers.sessions import pdf, queries, services
from cipdesk.ateliers.sessions.forms import CapaciteForm, DemiJourneeForm, InscriptionForm, SessionForm
from cipdesk.ateliers.sessions.models import Inscription, SessionAtelier
from cipdesk.ateliers.sessions.rules import Periode, StatutInscription
from cipdesk.comptes.models import Role, Structure, Utilisateur
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import contexte_acces
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import avec_vide, rediriger, soumettre
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


def _session(session_id, *, modifier=False) -> SessionAtelier:
    return charger(SessionAtelier, session_id, modifier=modifier,
                   objet=queries.charger_session(db.session, session_id))


def _page(sess: SessionAtelier, statut: int = 200, **formulaires):
    inscription_form = formulaires.get("inscription") or InscriptionForm(formdata=None)
    peut = policy.peut_animer_ateliers(current_user)
    if peut:
        inscription_form.personne_id.choices = avec_vide(
            [(p.id, p.nom_complet) for p in queries.personnes_inscriptibles(db.session, current_user, sess)])
    capacite_form = formulaires.get("capacite") or CapaciteForm(formdata=None, data={"capacite": sess.capacite})
    participants = queries.participants(db.session, sess, current_user)
    return rendre("ateliers/sessions/session.html", fragment="ateliers/sessions/_participants.html", session_atelier=sess,
                  atelier=sess.atelier, participants=participants, statuts=statuts_de_la_session(db.session, sess),
                  inscription_form=inscription_form, capacite_form=capacite_form,
                  demi_journee_form=formulaires.get("demi_journee") or DemiJourneeForm(formdata=None),
                  avertissement=avertissement_duree(sess.atelier.duree_progression, sess.duree_minutes),
                  duree_texte=duree_texte, peut_modifier=peut, StatutInscription=StatutInscription,
                  aujourd_hui=aujourdhui(), statut=statut)


@bp.get("/<uuid:session_id>")
def voir(session_id: uuid.UUID):
    return _page(_session(session_id))


@bp.post("/<uuid:session_id>/demi-journees")
def demi_journee(session_id: uuid.UUID):
    sess = _session(session_id, modifier=True)
    form = DemiJourneeForm()
    resultat = soumettre(form, lambda: services.ajouter_demi_journee(
        db.session, sess, par=current_user, jour=form.jour.data, periode=Periode(form.periode.data),
        debut=form.debut.data, fin=form.fin.data))
    if resultat:
        return rediriger(url_for("ateliers.sessions.voir", session_id=sess.id), "Demi-journée ajoutée.")
    return _page(sess, resultat.statut, demi_journee=form)


@bp.post("/<uuid:session_id>/inscriptions")
def inscrire(session_id: uuid.UUID):
    sess = _session(session_id, modifier=True)
    form = InscriptionForm()
    form.personne_id.choices = avec_vide([])

    def _inscrire():
        try:
            personne = db.session.get(Personne, uuid.UUID(form.personne_id.data))
        except ValueError:
            personne = None
        contexte = contexte_acces(db.session, personne) if personne is not None else {}
        return services.inscrire(db.session, sess, personne, par=current_user, le=aujourdhui(), contexte=contexte)

    resultat = soumettre(form, _inscrire)
    if resultat:
        i = resultat.resultat
        message = (f"{i.personne.nom_complet} est inscrit·e." if i.statut == StatutInscription.INSCRIT else
                   f"La session est complète : {i.personne.nom_complet} est sur la liste d'attente.")
        return rediriger(url_for("ateliers.sessions.voir", session_id=sess.id) + "#participants", message)
    return _page(sess, resultat.statut, inscription=form)


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


@bp.post("/<uuid:session_id>/capacite")
def capacite(session_id: uuid.UUID):
    sess = _session(session_id, modifier=True)
    form = CapaciteForm()
    resultat = soumettre(form, lambda: services.modifier_capacite(db.session, sess, par=current_user,
                                                                  capacite=form.capacite.data))
    if resultat:
        return rediriger(url_for("ateliers.sessions.voir", session_id=sess.id), "Capacité enregistrée.")
    return _page(sess, resultat.statut, capacite=form)


@bp.get("/inscriptions/<uuid:inscription_id>/convocation.pdf")
def convocation(inscription_id: uuid.UUID):
    inscription = charger(Inscription, inscription_id)
    sess = queries.charger_session(db.session, inscription.session_id)
    reponse = make_response(pdf.convocation(inscription=inscription, session_atelier=sess, le=aujourdhui(),
                                            structure=db.session.get(Structure, inscription.structure_id)))
    reponse.headers["Content-Type"] = "application/pdf"
    reponse.headers["Content-Disposition"] = 'inline; filename="convocation.pdf"'
    return reponse
