"""Pages of the projet professionnel (CP7), plan d'action (CP8) and exit (CP6)."""
from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_login import current_user
from sqlalchemy import select

from cipdesk.core.db import db
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.parcours import projet_services, queries, services, sortie_services
from cipdesk.parcours.forms import (ActionForm, ConfrontationForm, FaisabiliteForm, MetierForm, ProjetForm,
                                    SortieForm, StatutActionForm, SuiviForm, ValidationForm)
from cipdesk.parcours.projet_models import ActionPlan, MetierExplore
from cipdesk.parcours.projet_rules import (Faisabilite, NatureAction, StatutAction, StatutDossierFormation,
                                           TypeConfrontation, metiers_rome)
from cipdesk.parcours.routes import (bp, charger_parcours, choix_liste, en_enum, soumettre, version_du)
from cipdesk.parcours.rules import STATUTS_OUVERTS, DevenirEtapes, SituationSuivi
from cipdesk.security import policy
from cipdesk.web.formulaires import choix
from cipdesk.web.rendu import rendre


# -- projet professionnel -------------------------------------------------------------
def _formulaires_projet(projet, **donnes):
    formes = {
        "bilan": donnes.get("bilan") or ProjetForm(formdata=None, obj=projet),
        "metier": donnes.get("metier") or MetierForm(formdata=None),
        "confrontation": donnes.get("confrontation") or ConfrontationForm(formdata=None),
        "validation": donnes.get("validation") or ValidationForm(formdata=None, obj=projet),
    }
    if projet is not None:
        formes["bilan"].phase_code.choices = choix_liste("phase_projet", projet.phase_code)
        if not donnes.get("bilan"):
            formes["bilan"].version.data = str(projet.version)
        if not donnes.get("validation"):
            formes["validation"].version.data = str(projet.version)
            formes["validation"].valide_le.data = projet.valide_le or services.aujourdhui()
        formes["confrontation"].metier_id.choices = choix(
            [("", "—"), *((m.id, m.libelle) for m in projet.metiers)])
    formes["metier"].rome_code.choices = choix(
        [("", "— choisir dans la liste ROME —"), *((c, f"{c} — {l}") for c, l in sorted(metiers_rome().items()))])
    return formes


def _page_projet(parcours, statut=200, **donnes):
    projet = parcours.projet
    peut = policy.peut_modifier_parcours(current_user, parcours.personne,
                                         **queries.contexte_acces(db.session, parcours.personne))
    faisabilites = {m.id: FaisabiliteForm(formdata=None, obj=m, prefix=f"m{m.id.hex[:8]}")
                    for m in (projet.metiers if projet else [])}
    for f in faisabilites.values():
        f.faisabilite.data = f.faisabilite.data.value if hasattr(f.faisabilite.data, "value") else f.faisabilite.data
    if donnes.get("faisabilite") is not None:
        faisabilites[donnes["faisabilite_id"]] = donnes["faisabilite"]
    return rendre("parcours/projet.html", parcours=parcours, projet=projet, peut_modifier=peut,
                  formulaires=_formulaires_projet(projet, **donnes), faisabilites=faisabilites,
                  statut=statut)


def _projet(parcours_id):
    parcours = charger_parcours(parcours_id, modifier=request.method == "POST", complet=True)
    return parcours, parcours.projet


@bp.route("/<uuid:parcours_id>/projet", methods=["GET", "POST"])
def projet(parcours_id):
    parcours, projet = _projet(parcours_id)
    if request.method == "GET":
        return _page_projet(parcours)
    if projet is None:  # the « Démarrer » button
        projet_services.demarrer_projet(db.session, parcours, par=current_user)
        flash("Accompagnement du projet professionnel démarré.", "succes")
        return redirect(url_for("parcours.projet", parcours_id=parcours.id), 303)
    form = ProjetForm()
    form.phase_code.choices = choix_liste("phase_projet", projet.phase_code)
    resultat, statut = soumettre(form, lambda: projet_services.enregistrer_bilan(
        db.session, projet, par=current_user, version=version_du(form), phase_code=form.phase_code.data,
        **{c: getattr(form, c).data for c in projet_services.CHAMPS_BILAN}))
    if resultat:
        flash("Projet enregistré.", "succes")
        return redirect(url_for("parcours.projet", parcours_id=parcours.id), 303)
    return _page_projet(parcours, statut, bilan=form)


def _projet_existant(parcours_id):
    parcours, projet = _projet(parcours_id)
    if projet is None:
        projet = projet_services.demarrer_projet(db.session, parcours, par=current_user)
    return parcours, projet


@bp.post("/<uuid:parcours_id>/projet/metiers")
def metier(parcours_id):
    parcours, projet = _projet_existant(parcours_id)
    form = MetierForm()
    form.rome_code.choices = [("", "")]
    resultat, statut = soumettre(form, lambda: projet_services.ajouter_metier(
        db.session, projet, par=current_user, rome_code=form.rome_code.data or "", libelle=form.libelle.data))
    if resultat:
        flash(f"Métier exploré ajouté : {resultat.libelle}.", "succes")
        return redirect(url_for("parcours.projet", parcours_id=parcours.id) + "#metiers", 303)
    return _page_projet(parcours, statut, metier=form)


@bp.post("/metiers/<uuid:metier_id>/faisabilite")
def faisabilite(metier_id):
    metier = policy.verifier_structure(current_user, db.session.get(MetierExplore, metier_id))
    parcours = charger_parcours(metier.projet.parcours_id, modifier=True, complet=True)
    form = FaisabiliteForm(prefix=f"m{metier.id.hex[:8]}")
    resultat, statut = soumettre(form, lambda: projet_services.evaluer_faisabilite(
        db.session, metier, par=current_user, faisabilite=en_enum(Faisabilite, form.faisabilite.data,
                                                                 Faisabilite.A_EVALUER),
        analyse=form.analyse_faisabilite.data))
    if resultat:
        flash(f"Faisabilité de « {metier.libelle} » : {metier.faisabilite.libelle.lower()}.", "succes")
        return redirect(url_for("parcours.projet", parcours_id=parcours.id) + "#metiers", 303)
    return _page_projet(parcours, statut, faisabilite=form, faisabilite_id=metier.id)


@bp.post("/<uuid:parcours_id>/projet/confrontations")
def confrontation(parcours_id):
    parcours, projet = _projet_existant(parcours_id)
    form = ConfrontationForm()
    form.metier_id.choices = choix([("", "—"), *((m.id, m.libelle) for m in projet.metiers)])
    metier = next((m for m in projet.metiers if str(m.id) == form.metier_id.data), None)
    resultat, statut = soumettre(form, lambda: projet_services.ajouter_confrontation(
        db.session, projet, par=current_user,
        type_confrontation=en_enum(TypeConfrontation, form.type_confrontation.data,
                                   TypeConfrontation.ENQUETE_METIER),
        le=form.le.data, fin_le=form.fin_le.data, employeur=form.employeur.data, metier=metier,
        resultat=form.resultat.data))
    if resultat:
        flash(f"{resultat.type_confrontation.libelle} enregistrée.", "succes")
        return redirect(url_for("parcours.projet", parcours_id=parcours.id) + "#confrontations", 303)
    return _page_projet(parcours, statut, confrontation=form)


@bp.post("/<uuid:parcours_id>/projet/validation")
def validation(parcours_id):
    parcours, projet = _projet_existant(parcours_id)
    form = ValidationForm()
    resultat, statut = soumettre(form, lambda: projet_services.valider_projet(
        db.session, projet, par=current_user, version=version_du(form), projet_valide=form.projet_valide.data,
        le=form.valide_le.data))
    if resultat:
        flash("Projet professionnel validé.", "succes")
        return redirect(url_for("parcours.projet", parcours_id=parcours.id), 303)
    return _page_projet(parcours, statut, validation=form)


# -- plan d'action (CP8) --------------------------------------------------------------
def _actions(parcours):
    return db.session.scalars(select(ActionPlan).where(ActionPlan.parcours_id == parcours.id)
                              .order_by(ActionPlan.echeance, ActionPlan.created_at)).all()


@bp.route("/<uuid:parcours_id>/plan", methods=["GET", "POST"])
def plan(parcours_id):
    parcours = charger_parcours(parcours_id, modifier=request.method == "POST")
    form = ActionForm()
    form.financement_code.choices = choix_liste("financement", vide="—")
    resultat, statut = soumettre(form, lambda: projet_services.ajouter_action(
        db.session, parcours, par=current_user, nature=en_enum(NatureAction, form.nature.data, NatureAction.OUTIL),
        intitule=form.intitule.data, echeance=form.echeance.data, organisme=form.organisme.data,
        modalite=form.modalite.data, debut=form.debut.data, fin=form.fin.data,
        financement_code=form.financement_code.data or "",
        statut_dossier=en_enum(StatutDossierFormation, form.statut_dossier.data), offre=form.offre.data,
        resultat=form.resultat.data))
    if resultat:
        flash(f"Action ajoutée au plan : {resultat.intitule}.", "succes")
        return redirect(url_for("parcours.plan", parcours_id=parcours.id), 303)
    peut = policy.peut_modifier_parcours(current_user, parcours.personne,
                                         **queries.contexte_acces(db.session, parcours.personne))
    return rendre("parcours/plan.html", parcours=parcours, form=form, actions=_actions(parcours),
                  statut_form=StatutActionForm(formdata=None), peut_modifier=peut, statut=statut,
                  aujourd_hui=services.aujourdhui(), StatutAction=StatutAction)


@bp.post("/actions/<uuid:action_id>/statut")
def statut_action(action_id):
    action = policy.verifier_structure(current_user, db.session.get(ActionPlan, action_id))
    charger_parcours(action.parcours_id, modifier=True)
    form = StatutActionForm()
    if form.validate_on_submit():
        projet_services.changer_statut_action(db.session, action, par=current_user,
                                              statut=en_enum(StatutAction, form.statut.data, action.statut),
                                              resultat=form.resultat.data or "")
        flash(f"Action « {action.intitule} » : {action.statut.libelle.lower()}.", "succes")
    else:
        flash("Statut non modifié : choisissez un statut.", "erreur")
    return redirect(url_for("parcours.plan", parcours_id=action.parcours_id), 303)


# -- bilan, sortie, suivis ------------------------------------------------------------
@bp.route("/<uuid:parcours_id>/sortie", methods=["GET", "POST"])
def sortie(parcours_id):
    parcours = charger_parcours(parcours_id, modifier=True, complet=True)
    form = SortieForm()
    if request.method == "GET":
        form.version.data = str(parcours.version)
        form.sortie_le.data = services.aujourdhui()
        form.bilan.data = parcours.bilan
    resultat, statut = soumettre(form, lambda: sortie_services.clore_parcours(
        db.session, parcours, par=current_user, version=version_du(form), sortie_le=form.sortie_le.data,
        motif=form.motif.data, bilan=form.bilan.data, precision=form.precision.data,
        devenir_etapes=en_enum(DevenirEtapes, form.devenir_etapes.data), relais_vers=form.relais_vers.data,
        relais_contenu=form.relais_contenu.data, relais_consentement=form.relais_consentement.data))
    if resultat:
        flash(f"Parcours clos : {resultat.categorie.libelle.lower()}. Pensez aux suivis à 3 et 6 mois.", "succes")
        return redirect(url_for("parcours.voir", parcours_id=parcours.id), 303)
    ouvertes = [e for e in parcours.etapes if e.statut in STATUTS_OUVERTS]
    return rendre("parcours/sortie.html", parcours=parcours, form=form, ouvertes=ouvertes, statut=statut)


@bp.post("/<uuid:parcours_id>/suivis")
def suivi(parcours_id):
    parcours = charger_parcours(parcours_id, modifier=True)
    form = SuiviForm()
    if parcours.sortie is None:
        flash("Le parcours n'est pas clos : pas de suivi post-sortie.", "erreur")
    elif form.validate_on_submit():
        try:
            sortie_services.enregistrer_suivi(
                db.session, parcours.sortie, par=current_user, mois=int(form.mois.data), fait_le=form.fait_le.data,
                situation=en_enum(SituationSuivi, form.situation.data, SituationSuivi.INCONNUE),
                commentaire=form.commentaire.data or "")
            flash("Suivi post-sortie enregistré.", "succes")
        except ErreurMetier as exc:
            flash(exc.message, "erreur")
    else:
        flash("Suivi non enregistré : " + "; ".join(e for f in form for e in f.errors), "erreur")
    return redirect(url_for("parcours.voir", parcours_id=parcours.id) + "#sortie", 303)



# -- the structure's editable lists (admin) ---------------------------------------------
@bp.route("/listes", methods=["GET", "POST"])
def listes_structure():
    from cipdesk.parcours import listes
    from cipdesk.parcours.services_listes import modifier_liste

    policy.exiger(policy.peut_modifier_listes_parcours(current_user))
    structure = current_user.structure
    erreur = None
    if request.method == "POST":
        try:
            modifier_liste(db.session, structure, request.form.get("liste", ""), par=current_user,
                           ajouter=request.form.get("libelle", ""), retirer=request.form.get("retirer", ""),
                           retablir=request.form.get("retablir", ""))
        except ErreurMetier as exc:
            erreur = exc.message
        else:
            flash("Liste mise à jour.", "succes")
            return redirect(url_for("parcours.listes_structure"), 303)
    return rendre("parcours/listes.html", titres=listes.TITRES,
                  valeurs={l: listes.toutes(structure.parametres, l) for l in listes.DEFAUTS},
                  erreur=erreur, statut=422 if erreur else 200)
