"""Pages of the entretiens de suivi: record one, read one (its confidential note
only for whoever may read it)."""
from __future__ import annotations

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.notes.models import NoteConfidentielle
from cipdesk.notes.queries import lire_note
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.entretiens import services
from cipdesk.parcours.entretiens.forms import CorrectionEntretienForm, EntretienForm
from cipdesk.parcours.entretiens.models import Entretien
from cipdesk.parcours.entretiens.rules import ModeEntretien, TypeEntretien
from cipdesk.parcours.forms import en_enum
from cipdesk.personnes.queries import garde_personne
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import rediriger, soumettre, version_du
from cipdesk.web.rendu import rendre

bp = Blueprint("entretiens", __name__)


@bp.route("/<uuid:parcours_id>/entretiens", methods=["GET", "POST"])
def nouveau(parcours_id):
    parcours = charger(Parcours, parcours_id, modifier=True)
    form = EntretienForm()
    if request.method == "GET":
        form.le.data = aujourdhui()
        form.type_entretien.data = TypeEntretien.SUIVI.value if parcours.entretiens else \
            TypeEntretien.CONTRACTUALISATION.value
    envoi = soumettre(form, lambda: services.ajouter_entretien(
        db.session, parcours, par=current_user, le=form.le.data, duree_minutes=form.duree_minutes.data,
        mode=en_enum(ModeEntretien, form.mode.data, ModeEntretien.PRESENTIEL),
        type_entretien=en_enum(TypeEntretien, form.type_entretien.data, TypeEntretien.SUIVI),
        objectif=form.objectif.data, synthese=form.synthese.data, progres=form.progres.data,
        decisions=form.decisions.data, prochaines_actions=form.prochaines_actions.data,
        prochain_rdv_le=form.prochain_rdv_le.data, note=form.note.data or "", aujourd_hui=aujourdhui()))
    if envoi:
        return rediriger(url_for("parcours.contrat.voir", parcours_id=parcours.id) + "#entretiens",
                         "Entretien enregistré" + (" avec sa note confidentielle (chiffrée)."
                                                   if envoi.resultat.note_id else "."))
    return rendre("parcours/entretiens/entretien_form.html", form=form, parcours=parcours, entretien=None,
                  statut=envoi.statut)


@bp.get("/entretiens/<uuid:entretien_id>")
def voir(entretien_id):
    entretien = charger(Entretien, entretien_id)
    texte, lisible, note = None, True, None
    if entretien.note_id:
        note = db.session.get(NoteConfidentielle, entretien.note_id)
        if note is not None and policy.peut_lire_note(current_user, note, note.lecteurs_ids):
            texte, lisible = lire_note(db.session, lecteur=current_user, note=note)  # audited
    return rendre("parcours/entretiens/entretien.html", entretien=entretien, parcours=entretien.parcours,
                  note=note, texte=texte, lisible=lisible,
                  peut_corriger=entretien.parcours.est_ouvert and garde_personne(
                      db.session, current_user, entretien.parcours.personne, True))


@bp.route("/entretiens/<uuid:entretien_id>/corriger", methods=["GET", "POST"])
def corriger(entretien_id):
    """Correct a saved entretien; its previous versions stay readable on its page."""
    entretien = charger(Entretien, entretien_id, modifier=True)
    form = CorrectionEntretienForm()
    if request.method == "GET":
        form.process(obj=entretien)
        form.version.data = str(entretien.version)
    envoi = soumettre(form, lambda: services.corriger_entretien(
        db.session, entretien, par=current_user, version=version_du(form), le=form.le.data,
        duree_minutes=form.duree_minutes.data,
        mode=en_enum(ModeEntretien, form.mode.data, entretien.mode),
        type_entretien=en_enum(TypeEntretien, form.type_entretien.data, entretien.type_entretien),
        objectif=form.objectif.data, synthese=form.synthese.data, progres=form.progres.data,
        decisions=form.decisions.data, prochaines_actions=form.prochaines_actions.data,
        prochain_rdv_le=form.prochain_rdv_le.data, aujourd_hui=aujourdhui()))
    if envoi:
        return rediriger(url_for("parcours.entretiens.voir", entretien_id=entretien.id),
                         "Entretien corrigé : la version précédente reste consultable.")
    return rendre("parcours/entretiens/entretien_form.html", form=form, parcours=entretien.parcours,
                  entretien=entretien, statut=envoi.statut)
