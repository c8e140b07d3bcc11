"""The ateliers pages that assemble several sub-packages: the list of ateliers (with their
sessions), the atelier's page (its progression and its sessions) and the session's page
(its participants and their presences). They live at the package level, above the
sub-packages they read, so that `sessions` depends on `conception` and `presences` on
`sessions`, never the reverse; their views are registered on the sub-packages' blueprints
(URLs and endpoints unchanged: `ateliers.conception.*`, `ateliers.sessions.*`)."""
from __future__ import annotations

import uuid

from flask import url_for
from flask_login import current_user

from cipdesk.ateliers.bilan.queries import indicateurs_atelier
from cipdesk.ateliers.conception import queries as conception_queries
from cipdesk.ateliers.evaluations.rules import Moment, Resultat, date_a_froid
from cipdesk.ateliers.conception import rules as conception_rules
from cipdesk.ateliers.conception import services as conception_services
from cipdesk.ateliers.conception.forms import ObjectifForm, SequenceForm
from cipdesk.ateliers.conception.models import Atelier
from cipdesk.ateliers.conception.routes import bp as conception
from cipdesk.ateliers.conception.routes import champs_sequence, choix_objectifs, objectif_id_de
from cipdesk.ateliers.presences.queries import statuts_de_la_session
from cipdesk.ateliers.sessions import queries as sessions_queries
from cipdesk.ateliers.sessions import services as sessions_services
from cipdesk.ateliers.sessions.forms import CapaciteForm, DemiJourneeForm, InscriptionForm
from cipdesk.ateliers.sessions.models import SessionAtelier
from cipdesk.ateliers.sessions.routes import charger_session_atelier
from cipdesk.ateliers.sessions.routes import bp as sessions
from cipdesk.ateliers.sessions.rules import Periode, StatutInscription
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import contexte_acces
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import avec_vide, rediriger, soumettre
from cipdesk.web.rendu import rendre

# --- The design (REAC CP9): the list of ateliers and the atelier's page ------------------


@conception.get("/", endpoint="index")
def index():
    policy.exiger(policy.peut(current_user, "ateliers.voir"))
    return rendre("ateliers/conception/index.html",
                  ateliers=sessions_queries.ateliers(db.session, current_user, aujourdhui()),
                  besoins=conception_queries.besoins_de_la_file_active(db.session, current_user),
                  peut_modifier=policy.peut(current_user, "ateliers.animer"))


def _page_atelier(atelier: Atelier, statut: int = 200, *, objectif_form=None, sequence_form=None):
    sessions = sessions_queries.sessions_de_l_atelier(db.session, atelier.id)
    objectif_form = objectif_form or ObjectifForm(formdata=None)
    sequence_form = sequence_form or SequenceForm(formdata=None)
    sequence_form.objectif_id.choices = choix_objectifs(atelier)
    return rendre("ateliers/conception/atelier.html", fragment="ateliers/conception/_progression.html",
                  atelier=atelier, objectif_form=objectif_form, sequence_form=sequence_form,
                  sessions=sessions, chiffres=indicateurs_atelier(db.session, atelier, sessions), Moment=Moment,
                  Resultat=Resultat,
                  avertissement=conception_rules.avertissement_duree(atelier.duree_progression, atelier.duree_minutes),
                  duree_texte=conception_rules.duree_texte, peut_modifier=policy.peut(current_user, "ateliers.animer"),
                  statut=statut)


@conception.get("/<uuid:atelier_id>", endpoint="voir")
def voir_atelier(atelier_id: uuid.UUID):
    return _page_atelier(charger(Atelier, atelier_id))


@conception.post("/<uuid:atelier_id>/objectifs", endpoint="objectif")
def objectif(atelier_id: uuid.UUID):
    atelier = charger(Atelier, atelier_id, modifier=True)
    form = ObjectifForm()
    resultat = soumettre(form, lambda: conception_services.ajouter_objectif(
        db.session, atelier, par=current_user,
        **{c: getattr(form, c).data for c in conception_services.CHAMPS_OBJECTIF}))
    if resultat:
        return rediriger(url_for("ateliers.conception.voir", atelier_id=atelier.id) + "#objectifs",
                         "Objectif pédagogique ajouté.")
    return _page_atelier(atelier, resultat.statut, objectif_form=form)


@conception.post("/<uuid:atelier_id>/sequences", endpoint="sequence")
def sequence(atelier_id: uuid.UUID):
    atelier = charger(Atelier, atelier_id, modifier=True)
    form = SequenceForm()
    form.objectif_id.choices = choix_objectifs(atelier)

    def _ajouter():
        return conception_services.ajouter_sequence(db.session, atelier, par=current_user,
                                                    objectif_id=objectif_id_de(form.objectif_id.data),
                                                    **champs_sequence(form))

    resultat = soumettre(form, _ajouter)
    if resultat:
        _seq, avertissement = resultat.resultat
        return rediriger(url_for("ateliers.conception.voir", atelier_id=atelier.id) + "#progression",
                         "Séquence ajoutée." + (f" {avertissement}" if avertissement else ""))
    return _page_atelier(atelier, resultat.statut, sequence_form=form)


# --- The sessions (REAC CP10): the session's page and its forms ---------------------------


def _page_session(sess: SessionAtelier, statut: int = 200, **formulaires):
    inscription_form = formulaires.get("inscription") or InscriptionForm(formdata=None)
    peut = policy.peut(current_user, "ateliers.animer")
    if peut:
        inscription_form.personne_id.choices = avec_vide(
            [(p.id, p.nom_complet) for p in sessions_queries.personnes_inscriptibles(db.session, current_user, sess)])
    capacite_form = formulaires.get("capacite") or CapaciteForm(formdata=None, data={"capacite": sess.capacite})
    participants = sessions_queries.participants(db.session, sess, current_user)
    return rendre("ateliers/sessions/session.html", fragment="ateliers/sessions/_participants.html", session_atelier=sess,
                  atelier=sess.atelier, participants=participants, statuts=statuts_de_la_session(db.session, sess),
                  inscription_form=inscription_form, capacite_form=capacite_form,
                  demi_journee_form=formulaires.get("demi_journee") or DemiJourneeForm(formdata=None),
                  avertissement=conception_rules.avertissement_duree(sess.atelier.duree_progression,
                                                                     sess.duree_minutes),
                  a_froid=date_a_froid(sess.fin, sess.atelier.suivi_a_froid_semaines),
                  duree_texte=conception_rules.duree_texte, peut_modifier=peut, StatutInscription=StatutInscription,
                  aujourd_hui=aujourdhui(), statut=statut)


@sessions.get("/<uuid:session_id>", endpoint="voir")
def voir_session(session_id: uuid.UUID):
    return _page_session(charger_session_atelier(session_id))


@sessions.post("/<uuid:session_id>/demi-journees", endpoint="demi_journee")
def demi_journee(session_id: uuid.UUID):
    sess = charger_session_atelier(session_id, modifier=True)
    form = DemiJourneeForm()
    resultat = soumettre(form, lambda: sessions_services.ajouter_demi_journee(
        db.session, sess, par=current_user, jour=form.jour.data, periode=Periode(form.periode.data),
        debut=form.debut.data, fin=form.fin.data))
    if resultat:
        return rediriger(url_for("ateliers.sessions.voir", session_id=sess.id), "Demi-journée ajoutée.")
    return _page_session(sess, resultat.statut, demi_journee=form)


@sessions.post("/<uuid:session_id>/inscriptions", endpoint="inscrire")
def inscrire(session_id: uuid.UUID):
    sess = charger_session_atelier(session_id, modifier=True)
    form = InscriptionForm()
    form.personne_id.choices = avec_vide([])

    def _inscrire():
        try:
            personne = db.session.get(Personne, uuid.UUID(form.personne_id.data))
        except ValueError:
            personne = None
        contexte = contexte_acces(db.session, personne) if personne is not None else {}
        return sessions_services.inscrire(db.session, sess, personne, par=current_user, le=aujourdhui(),
                                          contexte=contexte)

    resultat = soumettre(form, _inscrire)
    if resultat:
        i = resultat.resultat
        message = (f"{i.personne.nom_complet} est inscrit·e." if i.statut == StatutInscription.INSCRIT else
                   f"La session est complète : {i.personne.nom_complet} est sur la liste d'attente.")
        return rediriger(url_for("ateliers.sessions.voir", session_id=sess.id) + "#participants", message)
    return _page_session(sess, resultat.statut, inscription=form)


@sessions.post("/<uuid:session_id>/capacite", endpoint="capacite")
def capacite(session_id: uuid.UUID):
    sess = charger_session_atelier(session_id, modifier=True)
    form = CapaciteForm()
    resultat = soumettre(form, lambda: sessions_services.modifier_capacite(db.session, sess, par=current_user,
                                                                           capacite=form.capacite.data))
    if resultat:
        return rediriger(url_for("ateliers.sessions.voir", session_id=sess.id), "Capacité enregistrée.")
    return _page_session(sess, resultat.statut, capacite=form)
