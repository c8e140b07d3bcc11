"""The attendance grid of a half-day (REAC CP10), the feuille d'émargement and the
attestation de présence."""
from __future__ import annotations

import uuid

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.ateliers.evaluations.queries import evaluations_de
from cipdesk.ateliers.presences import pdf, queries, services
from cipdesk.ateliers.presences.forms import GrilleForm
from cipdesk.ateliers.presences.rules import StatutPresence
from cipdesk.ateliers.sessions.models import DemiJournee, Inscription
from cipdesk.ateliers.sessions.queries import charger_session, participants
from cipdesk.ateliers.sessions.rules import StatutInscription
from cipdesk.comptes.models import Structure
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import rediriger, soumettre
from cipdesk.web.pdf import reponse_pdf
from cipdesk.web.rendu import rendre

bp = Blueprint("presences", __name__, url_prefix="/presences")


def _demi(demi_id, *, modifier=False) -> tuple[DemiJournee, list]:
    demi = charger(DemiJournee, demi_id, modifier=modifier)
    sess = charger_session(db.session, demi.session_id)
    return demi, participants(db.session, sess, current_user, statuts={StatutInscription.INSCRIT})


@bp.route("/<uuid:demi_journee_id>", methods=["GET", "POST"])
def grille(demi_journee_id: uuid.UUID):
    """One radio group per participant, nothing pre-selected; a participant whose record the
    user may not see is shown without their name and is not editable here."""
    demi, lignes = _demi(demi_journee_id, modifier=request.method == "POST")
    form = GrilleForm()
    saisis: dict[uuid.UUID, StatutPresence | None] = {}
    erreurs: dict[uuid.UUID, str] = {}
    if request.method == "POST":
        for ligne in lignes:
            if not ligne.visible:
                continue
            valeur = request.form.get(f"statut-{ligne.inscription.id}", "")
            try:
                saisis[ligne.inscription.id] = StatutPresence(valeur) if valeur else None
            except ValueError:
                erreurs[ligne.inscription.id] = "Choisissez présent, absent, excusé ou en retard."
    resultat = soumettre(form, lambda: services.enregistrer_presences(
        db.session, demi, par=current_user, le=aujourdhui(), statuts=saisis),
        valider=lambda: {"grille": "Une ligne de la grille est invalide."} if erreurs else {})
    if resultat:
        return rediriger(url_for("ateliers.sessions.voir", session_id=demi.session_id) + "#presences",
                         f"Présences enregistrées ({resultat.resultat} participant·e·s).")
    statuts = queries.statuts_de_la_demi_journee(db.session, demi)
    if request.method == "POST":
        statuts = {**statuts, **{k: v for k, v in saisis.items() if v is not None}}
    return rendre("ateliers/presences/grille.html", demi=demi, session_atelier=demi.session, lignes=lignes,
                  statuts=statuts, erreurs=erreurs, form=form, StatutPresence=StatutPresence, statut=resultat.statut)


def _pdf(contenu: bytes, nom: str):
    return reponse_pdf(contenu, nom, en_ligne=True)


@bp.get("/<uuid:demi_journee_id>/emargement.pdf")
def emargement(demi_journee_id: uuid.UUID):
    demi, lignes = _demi(demi_journee_id)
    structure = db.session.get(Structure, demi.structure_id)
    return _pdf(pdf.feuille_emargement(demi=demi, session_atelier=demi.session, lignes=lignes, structure=structure),
                f"emargement-{demi.le:%Y-%m-%d}-{demi.periode.value}.pdf")


@bp.get("/attestation/<uuid:inscription_id>.pdf")
def attestation(inscription_id: uuid.UUID):
    """`?evaluations=1`: with the objectives reached (issue #12, point 8), for who may evaluate
    the participant (the chef de service sees figures, not a participant's results)."""
    avec_evaluations = request.args.get("evaluations") == "1"
    if avec_evaluations:
        policy.exiger(policy.peut(current_user, "ateliers.animer"))
    inscription = charger(Inscription, inscription_id, modifier=avec_evaluations)
    sess = charger_session(db.session, inscription.session_id)
    structure = db.session.get(Structure, inscription.structure_id)
    statuts = {d: s for (i, d), s in queries.statuts_de_la_session(db.session, sess).items() if i == inscription.id}
    resultats = None
    if avec_evaluations:
        evaluations = evaluations_de(db.session, inscription)
        resultats = [(o, evaluations[o.id].resultat if o.id in evaluations else None) for o in sess.atelier.objectifs]
    return _pdf(pdf.attestation_presence(inscription=inscription, session_atelier=sess, statuts=statuts,
                                         structure=structure, le=aujourdhui(), objectifs=resultats),
                f"attestation-presence-{inscription.id.hex[:8]}.pdf")


