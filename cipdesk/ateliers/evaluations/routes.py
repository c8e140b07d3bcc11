"""Per-participant evaluation of the objectifs pédagogiques, and satisfaction à chaud (REAC CP10)."""
from __future__ import annotations

import uuid

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.ateliers.evaluations import queries, services
from cipdesk.ateliers.evaluations.forms import EvaluationForm, SatisfactionForm
from cipdesk.ateliers.evaluations.rules import Moment, Resultat
from cipdesk.ateliers.sessions.models import Inscription, SessionAtelier
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import rediriger, soumettre
from cipdesk.web.rendu import rendre

bp = Blueprint("evaluations", __name__, url_prefix="/evaluations")


@bp.route("/participant/<uuid:inscription_id>", methods=["GET", "POST"])
def participant(inscription_id: uuid.UUID):
    policy.exiger(policy.peut(current_user, "ateliers.animer"))  # the chef de service sees figures, not comments
    inscription = charger(Inscription, inscription_id, modifier=request.method == "POST")
    objectifs = inscription.session.atelier.objectifs
    form = EvaluationForm()
    saisis: dict[uuid.UUID, tuple[Resultat | None, str]] = {}
    invalide = False
    if request.method == "POST":
        for o in objectifs:
            valeur = request.form.get(f"resultat-{o.id}", "")
            commentaire = request.form.get(f"commentaire-{o.id}", "")[:2000]
            try:
                saisis[o.id] = (Resultat(valeur) if valeur else None, commentaire)
            except ValueError:
                invalide = True
    resultat = soumettre(form, lambda: services.evaluer(db.session, inscription, par=current_user, le=aujourdhui(),
                                                        resultats=saisis),
                         valider=lambda: {"grille": "Un résultat est invalide."} if invalide else {})
    if resultat:
        return rediriger(url_for("ateliers.sessions.voir", session_id=inscription.session_id) + "#participants",
                         f"Évaluation de {inscription.personne.nom_complet} enregistrée.")
    existantes = queries.evaluations_de(db.session, inscription)
    valeurs = {oid: (e.resultat, e.commentaire) for oid, e in existantes.items()}
    valeurs.update({k: v for k, v in saisis.items()})
    return rendre("ateliers/evaluations/participant.html", inscription=inscription, objectifs=objectifs,
                  valeurs=valeurs, form=form, Resultat=Resultat, statut=resultat.statut)


@bp.route("/satisfaction/<uuid:session_id>", methods=["GET", "POST"])
def satisfaction(session_id: uuid.UUID):
    sess = charger(SessionAtelier, session_id, modifier=request.method == "POST")
    form = SatisfactionForm()
    resultat = soumettre(form, lambda: services.ajouter_satisfaction(
        db.session, sess, par=current_user, le=aujourdhui(), note=int(form.note.data), commentaire=form.commentaire.data,
        moment=Moment(form.moment.data)))
    if resultat:
        return rediriger(url_for("ateliers.evaluations.satisfaction", session_id=sess.id),
                         "Questionnaire enregistré. Saisissez le suivant.")
    return rendre("ateliers/evaluations/satisfaction.html", session_atelier=sess, form=form,
                  par_moment=queries.satisfaction_par_moment(db.session, sess), statut=resultat.statut)
