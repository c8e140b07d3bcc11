"""Pages of the projet professionnel (CP7) and of the plan d'action (CP8)."""
from __future__ import annotations

from flask import Blueprint, flash, request, url_for
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.contrat.queries import parcours_complet
from cipdesk.parcours.forms import Formulaire, en_enum
from cipdesk.web.listes import choix_liste
from cipdesk.parcours.projet import queries, services
from cipdesk.parcours.projet.forms import (ActionForm, ConfrontationForm, FaisabiliteForm, MetierForm, ProjetForm,
                                           StatutActionForm, ValidationForm)
from cipdesk.parcours.projet.models import ActionPlan, MetierExplore
from cipdesk.parcours.projet.rules import (Faisabilite, NatureAction, StatutAction, StatutDossierFormation,
                                           TypeConfrontation, metiers_rome)
from cipdesk.personnes.queries import garde_dossier
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import choix, rediriger, soumettre, version_du
from cipdesk.web.rendu import rendre

bp = Blueprint("projet", __name__)


def _charger_parcours(parcours_id, *, modifier: bool) -> Parcours:
    return charger(Parcours, parcours_id, modifier=modifier, objet=parcours_complet(db.session, parcours_id))


def _formulaires_projet(projet, **donnes):
    formes = {
        "bilan": donnes.get("bilan") or ProjetForm(formdata=None, obj=projet),
        "metier": donnes.get("metier") or MetierForm(formdata=None),
        "confrontation": donnes.get("confrontation") or ConfrontationForm(formdata=None),
        "validation": donnes.get("validation") or ValidationForm(formdata=None, obj=projet),
    }
    if donnes.get("demarrage") is not None:
        formes["demarrage"] = donnes["demarrage"]
    if projet is not None:
        formes["bilan"].phase_code.choices = choix_liste("phase_projet", projet.phase_code)
        if not donnes.get("bilan"):
            formes["bilan"].version.data = str(projet.version)
        if not donnes.get("validation"):
            formes["validation"].version.data = str(projet.version)
            formes["validation"].valide_le.data = projet.valide_le or aujourdhui()
        formes["confrontation"].metier_id.choices = choix(
            [("", "—"), *((m.id, m.libelle) for m in projet.metiers)])
    formes["metier"].rome_code.choices = choix(
        [("", "— choisir dans la liste ROME —"), *((c, f"{c} — {l}") for c, l in sorted(metiers_rome().items()))])
    return formes


def _page_projet(parcours, statut=200, **donnes):
    projet = parcours.projet
    peut = garde_dossier(db.session, current_user, parcours, True)
    faisabilites = {m.id: FaisabiliteForm(formdata=None, obj=m, prefix=f"m{m.id.hex[:8]}")
                    for m in (projet.metiers if projet else [])}
    for f in faisabilites.values():
        f.faisabilite.data = f.faisabilite.data.value if hasattr(f.faisabilite.data, "value") else f.faisabilite.data
    if donnes.get("faisabilite") is not None:
        faisabilites[donnes["faisabilite_id"]] = donnes["faisabilite"]
    return rendre("parcours/projet/projet.html", parcours=parcours, projet=projet, peut_modifier=peut,
                  formulaires=_formulaires_projet(projet, **donnes), faisabilites=faisabilites,
                  statut=statut)


def _vers_le_projet(parcours, message, ancre=""):
    return rediriger(url_for("parcours.projet.voir", parcours_id=parcours.id) + ancre, message)


def _le_projet(parcours):
    """The projet a form writes to, started on the way if need be (refused, as a
    business error, when the parcours is closed)."""
    return parcours.projet or services.demarrer_projet(db.session, parcours, par=current_user, le=aujourdhui())


@bp.route("/<uuid:parcours_id>/projet", methods=["GET", "POST"])
def voir(parcours_id):
    parcours = _charger_parcours(parcours_id, modifier=request.method == "POST")
    projet = parcours.projet
    if request.method == "GET":
        return _page_projet(parcours)
    if projet is None:  # the « Démarrer » button: a form with nothing but its token
        demarrage = Formulaire()
        envoi = soumettre(demarrage, lambda: _le_projet(parcours))
        if envoi:
            return _vers_le_projet(parcours, "Accompagnement du projet professionnel démarré.")
        return _page_projet(parcours, envoi.statut, demarrage=demarrage)
    form = ProjetForm()
    form.phase_code.choices = choix_liste("phase_projet", projet.phase_code)
    envoi = soumettre(form, lambda: services.enregistrer_bilan(
        db.session, projet, par=current_user, version=version_du(form), phase_code=form.phase_code.data,
        **{c: getattr(form, c).data for c in services.CHAMPS_BILAN}))
    if envoi:
        return _vers_le_projet(parcours, "Projet enregistré.")
    return _page_projet(parcours, envoi.statut, bilan=form)


@bp.post("/<uuid:parcours_id>/projet/metiers")
def metier(parcours_id):
    parcours = _charger_parcours(parcours_id, modifier=True)
    form = MetierForm()
    form.rome_code.choices = [("", "")]
    envoi = soumettre(form, lambda: services.ajouter_metier(
        db.session, _le_projet(parcours), par=current_user, rome_code=form.rome_code.data or "",
        libelle=form.libelle.data))
    if envoi:
        return _vers_le_projet(parcours, f"Métier exploré ajouté : {envoi.resultat.libelle}.", "#metiers")
    return _page_projet(parcours, envoi.statut, metier=form)


@bp.post("/metiers/<uuid:metier_id>/faisabilite")
def faisabilite(metier_id):
    metier = charger(MetierExplore, metier_id, modifier=True)
    parcours = _charger_parcours(metier.projet.parcours_id, modifier=True)
    form = FaisabiliteForm(prefix=f"m{metier.id.hex[:8]}")
    envoi = soumettre(form, lambda: services.evaluer_faisabilite(
        db.session, metier, par=current_user,
        faisabilite=en_enum(Faisabilite, form.faisabilite.data, Faisabilite.A_EVALUER),
        analyse=form.analyse_faisabilite.data))
    if envoi:
        return _vers_le_projet(parcours, f"Faisabilité de « {metier.libelle} » : {metier.faisabilite.libelle.lower()}.",
                               "#metiers")
    return _page_projet(parcours, envoi.statut, faisabilite=form, faisabilite_id=metier.id)


@bp.post("/<uuid:parcours_id>/projet/confrontations")
def confrontation(parcours_id):
    parcours = _charger_parcours(parcours_id, modifier=True)
    metiers = parcours.projet.metiers if parcours.projet else []
    form = ConfrontationForm()
    form.metier_id.choices = choix([("", "—"), *((m.id, m.libelle) for m in metiers)])
    metier_choisi = next((m for m in metiers if str(m.id) == form.metier_id.data), None)
    envoi = soumettre(form, lambda: services.ajouter_confrontation(
        db.session, _le_projet(parcours), par=current_user,
        type_confrontation=en_enum(TypeConfrontation, form.type_confrontation.data,
                                   TypeConfrontation.ENQUETE_METIER),
        le=form.le.data, fin_le=form.fin_le.data, employeur=form.employeur.data, metier=metier_choisi,
        resultat=form.resultat.data, aujourd_hui=aujourdhui()))
    if envoi:
        return _vers_le_projet(parcours, f"{envoi.resultat.type_confrontation.libelle} enregistrée.",
                               "#confrontations")
    return _page_projet(parcours, envoi.statut, confrontation=form)


@bp.post("/<uuid:parcours_id>/projet/validation")
def validation(parcours_id):
    parcours = _charger_parcours(parcours_id, modifier=True)
    form = ValidationForm()

    envoi = soumettre(form, lambda: services.valider_projet(
        db.session, _le_projet(parcours), par=current_user, version=version_du(form),
        projet_valide=form.projet_valide.data, le=form.valide_le.data, aujourd_hui=aujourdhui()))
    if envoi:
        return _vers_le_projet(parcours, "Projet professionnel validé.")
    return _page_projet(parcours, envoi.statut, validation=form)


# -- plan d'action (CP8) --------------------------------------------------------------
@bp.route("/<uuid:parcours_id>/plan", methods=["GET", "POST"])
def plan(parcours_id):
    parcours = charger(Parcours, parcours_id, modifier=request.method == "POST")
    form = ActionForm()
    form.financement_code.choices = choix_liste("financement", vide="—")
    envoi = soumettre(form, lambda: services.ajouter_action(
        db.session, parcours, par=current_user, nature=en_enum(NatureAction, form.nature.data, NatureAction.OUTIL),
        intitule=form.intitule.data, echeance=form.echeance.data, organisme=form.organisme.data,
        modalite=form.modalite.data, debut=form.debut.data, fin=form.fin.data,
        financement_code=form.financement_code.data or "",
        statut_dossier=en_enum(StatutDossierFormation, form.statut_dossier.data), offre=form.offre.data,
        resultat=form.resultat.data, le=aujourdhui()))
    if envoi:
        return rediriger(url_for("parcours.projet.plan", parcours_id=parcours.id),
                         f"Action ajoutée au plan : {envoi.resultat.intitule}.")
    return rendre("parcours/projet/plan.html", parcours=parcours, form=form,
                  actions=queries.actions_du_plan(db.session, parcours.id),
                  statut_form=StatutActionForm(formdata=None),
                  peut_modifier=garde_dossier(db.session, current_user, parcours, True), statut=envoi.statut,
                  aujourd_hui=aujourdhui(), StatutAction=StatutAction)


@bp.post("/actions/<uuid:action_id>/statut")
def statut_action(action_id):
    action = charger(ActionPlan, action_id, modifier=True)
    form = StatutActionForm()
    envoi = soumettre(form, lambda: services.changer_statut_action(
        db.session, action, par=current_user, statut=en_enum(StatutAction, form.statut.data, action.statut),
        resultat=form.resultat.data or ""))
    if envoi:
        flash(f"Action « {action.intitule} » : {action.statut.libelle.lower()}.", "succes")
    else:
        flash("Statut non modifié : choisissez un statut.", "erreur")
    return rediriger(url_for("parcours.projet.plan", parcours_id=action.parcours_id))
