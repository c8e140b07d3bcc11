"""Pages of the accueil individuel: a new accueil with its urgency screening, the
accueil, the treatment of an urgency left open, confidential notes attached to an
accueil or a synthèse. Nested blueprint `accueil.accueils`."""
from __future__ import annotations

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.accueil.accueils import queries, services
from cipdesk.accueil.accueils.forms import AccueilForm, NoteForm, TraitementUrgenceForm
from cipdesk.accueil.accueils.models import INFORMATIONS, Accueil, TypeUrgence, Urgence
from cipdesk.core import signaux
from cipdesk.core.contrat import registre
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.notes.queries import notes_de
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import garde_personne
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import rediriger, soumettre
from cipdesk.web.rendu import rendre

bp = Blueprint("accueils", __name__)


def _donnees_accueil(form) -> services.DonneesAccueil:
    return services.DonneesAccueil(
        date_accueil=form.date_accueil.data, mode=form.mode.data, demande_exprimee=form.demande_exprimee.data or "",
        commande_prescripteur=form.commande_prescripteur.data or "", concordance=form.concordance.data or "",
        informations=form.informations.data or [], informations_precisions=form.informations_precisions.data or "",
        suite=form.suite.data, suite_motif=form.suite_motif.data or "", prochain_rdv_le=form.prochain_rdv_le.data,
        urgences=[services.ReperageUrgence(t.value, form[f"urgence_{t.value}"].data,
                                           form[f"urgence_{t.value}_contact"].data or "",
                                           form[f"urgence_{t.value}_action"].data or "",
                                           form[f"urgence_{t.value}_differee"].data) for t in TypeUrgence])


@bp.route("/personnes/<uuid:personne_id>/accueils/nouveau", methods=["GET", "POST"])
def nouveau(personne_id):
    personne = charger(Personne, personne_id, modifier=True)
    form = AccueilForm()
    if request.method == "GET":
        form.date_accueil.data = aujourdhui()
        form.commande_prescripteur.data = personne.commande_prescripteur
    envoi = soumettre(form, lambda: services.enregistrer_accueil(
        db.session, par=current_user, personne=personne, donnees=_donnees_accueil(form), aujourd_hui=aujourdhui()),
        valider=lambda: services.verifier_accueil(_donnees_accueil(form), aujourdhui()))  # every error at once
    if envoi:
        ouvertes = [u for u in envoi.resultat.urgences if u.ouverte]
        return rediriger(url_for("accueil.accueils.voir", accueil_id=envoi.resultat.id),
                         "Accueil enregistré." + (f" {len(ouvertes)} urgence(s) reste(nt) en alerte jusqu'à leur "
                                                  "traitement." if ouvertes else ""))
    return rendre("accueil/accueils/accueil_form.html", form=form, personne=personne,
                  types_urgence=list(TypeUrgence), statut=envoi.statut)


def _page(accueil, *, traitement=None, urgence_en_cours=None, statut=200):
    personne = accueil.personne
    return rendre("accueil/accueils/accueil.html", accueil=accueil, personne=personne,
                  informations=INFORMATIONS,
                  notes=notes_de(db.session, current_user, "accueil", accueil.id),
                  traitement=traitement or TraitementUrgenceForm(formdata=None), urgence_en_cours=urgence_en_cours,
                  peut_modifier=garde_personne(db.session, current_user, personne, True), statut=statut)


@bp.get("/accueils/<uuid:accueil_id>")
def voir(accueil_id):
    return _page(charger(Accueil, accueil_id))


@bp.post("/urgences/<uuid:urgence_id>/traitement")
def traiter_urgence(urgence_id):
    urgence = charger(Urgence, urgence_id, modifier=True)
    form = TraitementUrgenceForm()
    envoi = soumettre(form, lambda: services.traiter_urgence(
        db.session, par=current_user, urgence=urgence, contact=form.contact.data or "",
        action=form.action.data or "", le=form.le.data, aujourd_hui=aujourdhui()))
    if envoi:
        return rediriger(url_for("accueil.accueils.voir", accueil_id=urgence.accueil_id),
                         f"Urgence « {urgence.type_urgence.libelle} » traitée : l'alerte est levée.")
    return _page(urgence.accueil, traitement=form, urgence_en_cours=urgence.id, statut=envoi.statut)


@bp.post("/<any(accueil, synthese):objet_type>/<uuid:objet_id>/notes")
def ajouter_note(objet_type, objet_id):
    """A confidential note on an accueil or a synthèse. Writing the note belongs to
    the notes module: this view sends `signaux.note_ecrite`, its receiver writes it."""
    # The record kinds (module contract) say which model a note is attached to, and its page.
    objet = charger(registre.objet(objet_type).notes, objet_id, modifier=True)
    form = NoteForm()

    def _ecrire():
        signaux.note_ecrite.send(db.session, auteur=current_user, contenu=form.contenu.data,
                                 objet_type=objet_type, objet_id=objet.id)

    endpoint, valeurs = registre.cible(objet_type, objet.id)
    retour = url_for(endpoint, **valeurs)
    envoi = soumettre(form, _ecrire)
    if envoi:
        return rediriger(retour, "Note confidentielle enregistrée (chiffrée).")
    return rendre("accueil/accueils/note_form.html", form=form, retour=retour, action=request.path,
                  statut=envoi.statut)
