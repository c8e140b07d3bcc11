"""Synthèse d'entretien, répertoire des partenaires, orientation / fiche de liaison,
réunions d'information collective (same blueprint as routes.py)."""
from __future__ import annotations

from flask import flash, make_response, redirect, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from cipdesk.accueil import pdf, queries, services
from cipdesk.accueil import services_suivi as suivi
from cipdesk.accueil.forms import (OrientationForm, PartageSyntheseForm, ParticipantForm, PartenaireForm,
                                   ReponseForm, ReunionForm, SyntheseForm)
from cipdesk.accueil.models import Partenaire
from cipdesk.accueil.routes import (_notes_de, attacher, aujourdhui, bp, charger, charger_personne,
                                    file_partagee, peut_modifier)
from cipdesk.accueil.suivi_models import (CONTENUS_REUNION, ModePartage, Orientation, ReponsePartenaire,
                                          ResultatReunion, ReunionInformation, Synthese)
from cipdesk.core.db import db
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.notes.forms import NoteForm
from cipdesk.personnes.models import Personne
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.web.formulaires import choix
from cipdesk.web.rendu import rendre


def _pdf(contenu: bytes, nom: str):
    reponse = make_response(contenu)
    reponse.headers["Content-Type"] = "application/pdf"
    reponse.headers["Content-Disposition"] = f'attachment; filename="{nom}"'
    return reponse


# -- synthèse ------------------------------------------------------------------------
@bp.route("/personnes/<uuid:personne_id>/syntheses/nouvelle", methods=["GET", "POST"])
def nouvelle_synthese(personne_id):
    personne = charger_personne(personne_id, modifier=True)
    form = SyntheseForm()
    statut = 200
    if request.method == "GET":
        form.date_entretien.data = aujourdhui()
    elif form.validate_on_submit():
        try:
            s = suivi.ecrire_synthese(db.session, par=current_user, personne=personne,
                                      date_entretien=form.date_entretien.data, objet=form.objet.data or "",
                                      faits=form.faits.data or "", paroles_personne=form.paroles_personne.data or "",
                                      analyse=form.analyse.data or "", suites=form.suites.data or "",
                                      analyse_partagee=form.analyse_partagee.data, aujourd_hui=aujourdhui())
        except ErreurMetier as exc:
            attacher(form, exc)
            statut = 422
        else:
            flash("Synthèse enregistrée.", "succes")
            return redirect(url_for("accueil.voir_synthese", synthese_id=s.id), 303)
    else:
        statut = 422
    return rendre("accueil/synthese_form.html", form=form, personne=personne, statut=statut)


def _partage_form(formdata=None):
    form = PartageSyntheseForm(formdata=formdata) if formdata is not None else PartageSyntheseForm()
    form.mode.choices = choix([("", "— choisir —")] + [(m.value, m.libelle) for m in ModePartage])
    return form


@bp.get("/syntheses/<uuid:synthese_id>")
def voir_synthese(synthese_id):
    synthese, personne = charger(Synthese, synthese_id)
    partage = _partage_form(formdata=None)
    partage.le.data = aujourdhui()
    return rendre("accueil/synthese.html", synthese=synthese, personne=personne, partage=partage,
                  note_form=NoteForm(formdata=None), notes=_notes_de("synthese", synthese.id),
                  peut_modifier=peut_modifier(personne))


@bp.get("/syntheses/<uuid:synthese_id>/pdf")
def synthese_pdf(synthese_id):
    synthese, personne = charger(Synthese, synthese_id)
    journaliser(db.session, acteur=current_user, action=Action.EXPORT, objet_type="synthese", objet_id=synthese.id)
    return _pdf(pdf.synthese(synthese, personne, current_user.structure), f"synthese-{synthese.date_entretien:%Y%m%d}.pdf")


@bp.post("/syntheses/<uuid:synthese_id>/partage")
def partager_synthese(synthese_id):
    synthese, personne = charger(Synthese, synthese_id, modifier=True)
    form = _partage_form()
    if form.validate_on_submit():
        try:
            suivi.enregistrer_partage(db.session, par=current_user, synthese=synthese, le=form.le.data,
                                      mode=form.mode.data or "", aujourd_hui=aujourdhui())
        except ErreurMetier as exc:
            attacher(form, exc)
        else:
            flash("Remise de la synthèse à la personne enregistrée.", "succes")
            return redirect(url_for("accueil.voir_synthese", synthese_id=synthese.id), 303)
    return rendre("accueil/synthese.html", synthese=synthese, personne=personne, partage=form,
                  note_form=NoteForm(formdata=None), notes=_notes_de("synthese", synthese.id),
                  peut_modifier=True, statut=422)


# -- partenaires ----------------------------------------------------------------------
def _partenaire_form(dimensions, **kw):
    form = PartenaireForm(**kw)
    form.domaines.choices = choix(dimensions)
    return form


def _donnees_partenaire(form) -> suivi.DonneesPartenaire:
    return suivi.DonneesPartenaire(nom=form.nom.data or "", type_partenaire=form.type_partenaire.data or "",
                                   domaines=form.domaines.data or [], adresse=form.adresse.data or "",
                                   contact_nom=form.contact_nom.data or "", telephone=form.telephone.data or "",
                                   email=form.email.data or "", actif=form.actif.data)


def _dimensions():
    from cipdesk.accueil.services_diagnostic import dimensions_de_la_structure

    return dimensions_de_la_structure(db.session, current_user.structure_id)


@bp.route("/partenaires", methods=["GET", "POST"])
def partenaires():
    policy.exiger(policy.peut_voir_repertoire(current_user))
    dimensions = _dimensions()
    form = _partenaire_form(dimensions)
    statut = 200
    if request.method == "POST":
        policy.exiger(policy.peut_modifier_repertoire(current_user))
        statut = 422
        if form.validate_on_submit():
            try:
                p = suivi.enregistrer_partenaire(db.session, par=current_user, donnees=_donnees_partenaire(form))
            except ErreurMetier as exc:
                attacher(form, exc)
            else:
                flash(f"Partenaire « {p.nom} » ajouté au répertoire.", "succes")
                return redirect(url_for("accueil.partenaires"), 303)
    liste = db.session.scalars(select(Partenaire).where(Partenaire.structure_id == current_user.structure_id)
                               .order_by(Partenaire.actif.desc(), Partenaire.nom)).all()
    return rendre("accueil/partenaires.html", form=form, partenaires=liste, libelles=dict(dimensions),
                  telephone=services.telephone_affiche, peut_modifier=policy.peut_modifier_repertoire(current_user),
                  statut=statut)


@bp.route("/partenaires/<uuid:partenaire_id>", methods=["GET", "POST"])
def partenaire(partenaire_id):
    policy.exiger(policy.peut_voir_repertoire(current_user))
    p = policy.verifier_structure(current_user, db.session.get(Partenaire, partenaire_id))
    dimensions = _dimensions()
    statut = 200
    if request.method == "POST":
        policy.exiger(policy.peut_modifier_repertoire(current_user))
        form = _partenaire_form(dimensions)
        statut = 422
        if form.validate_on_submit():
            try:
                suivi.enregistrer_partenaire(db.session, par=current_user, donnees=_donnees_partenaire(form), partenaire=p)
            except ErreurMetier as exc:
                attacher(form, exc)
            else:
                flash("Partenaire mis à jour.", "succes")
                return redirect(url_for("accueil.partenaires"), 303)
    else:
        form = _partenaire_form(dimensions, obj=p)
        form.telephone.data = services.telephone_affiche(p.telephone)
    return rendre("accueil/partenaire.html", form=form, partenaire=p,
                  peut_modifier=policy.peut_modifier_repertoire(current_user), statut=statut)


# -- orientation ----------------------------------------------------------------------
@bp.route("/personnes/<uuid:personne_id>/orientations/nouvelle", methods=["GET", "POST"])
def nouvelle_orientation(personne_id):
    personne = charger_personne(personne_id, modifier=True)
    form = OrientationForm()
    actifs = db.session.scalars(select(Partenaire).where(Partenaire.structure_id == personne.structure_id,
                                                         Partenaire.actif.is_(True)).order_by(Partenaire.nom)).all()
    form.partenaire.choices = choix([("", "— choisir —")] + [(p.id, f"{p.nom} ({p.type_partenaire})" if p.type_partenaire
                                                                 else p.nom) for p in actifs])
    statut = 200
    if request.method == "GET":
        form.date_orientation.data = aujourdhui()
    elif form.validate_on_submit():
        partenaire = next((p for p in actifs if str(p.id) == form.partenaire.data), None)
        try:
            o = suivi.orienter(db.session, par=current_user, personne=personne, partenaire=partenaire,
                               le=form.date_orientation.data, motif=form.motif.data or "",
                               informations_transmises=form.informations_transmises.data or "",
                               consentement=form.consentement.data, consentement_le=form.consentement_le.data,
                               consentement_mode=form.consentement_mode.data or "", aujourd_hui=aujourdhui())
        except ErreurMetier as exc:
            attacher(form, exc)
            statut = 422
        else:
            flash(f"Orientation vers {o.partenaire.nom} enregistrée.", "succes")
            return redirect(url_for("accueil.voir_orientation", orientation_id=o.id), 303)
    else:
        statut = 422
    return rendre("accueil/orientation_form.html", form=form, personne=personne, partenaires=actifs, statut=statut)


def _reponse_form(orientation=None, formdata=None):
    form = ReponseForm(formdata=formdata) if formdata is not None else ReponseForm()
    form.reponse.choices = choix((r.value, r.libelle) for r in ReponsePartenaire)
    if orientation is not None and formdata is not None:
        form.reponse.data = orientation.reponse.value
        form.reponse_le.data = orientation.reponse_le or aujourdhui()
        form.reponse_commentaire.data = orientation.reponse_commentaire
    return form


@bp.get("/orientations/<uuid:orientation_id>")
def voir_orientation(orientation_id):
    o, personne = charger(Orientation, orientation_id)
    return rendre("accueil/orientation.html", orientation=o, personne=personne,
                  reponse=_reponse_form(o, formdata={}), peut_modifier=peut_modifier(personne),
                  telephone=services.telephone_affiche)


@bp.post("/orientations/<uuid:orientation_id>/reponse")
def repondre_orientation(orientation_id):
    o, personne = charger(Orientation, orientation_id, modifier=True)
    form = _reponse_form()
    if form.validate_on_submit():
        try:
            suivi.enregistrer_reponse(db.session, par=current_user, orientation=o, reponse=form.reponse.data,
                                      le=form.reponse_le.data, commentaire=form.reponse_commentaire.data or "",
                                      aujourd_hui=aujourdhui())
        except ErreurMetier as exc:
            attacher(form, exc)
        else:
            flash("Réponse du partenaire enregistrée.", "succes")
            return redirect(url_for("accueil.voir_orientation", orientation_id=o.id), 303)
    return rendre("accueil/orientation.html", orientation=o, personne=personne, reponse=form,
                  peut_modifier=True, telephone=services.telephone_affiche, statut=422)


@bp.get("/orientations/<uuid:orientation_id>/fiche-de-liaison.pdf")
def fiche_liaison_pdf(orientation_id):
    o, personne = charger(Orientation, orientation_id)
    journaliser(db.session, acteur=current_user, action=Action.EXPORT, objet_type="orientation", objet_id=o.id)
    return _pdf(pdf.fiche_liaison(o, personne, current_user.structure), f"fiche-de-liaison-{o.date_orientation:%Y%m%d}.pdf")


# -- réunions d'information collective ---------------------------------------------------
def _reunion_form():
    form = ReunionForm()
    form.contenus.choices = choix(CONTENUS_REUNION.items())
    return form


@bp.route("/reunions", methods=["GET", "POST"])
def reunions():
    policy.exiger(policy.peut_voir_repertoire(current_user))
    form = _reunion_form()
    statut = 200
    if request.method == "GET":
        form.date_reunion.data = aujourdhui()
        form.animateurs.data = current_user.nom_complet
    else:
        policy.exiger(policy.peut_modifier_repertoire(current_user))
        statut = 422
        if form.validate_on_submit():
            try:
                r = suivi.creer_reunion(db.session, par=current_user, le=form.date_reunion.data, lieu=form.lieu.data or "",
                                        animateurs=form.animateurs.data or "", contenus=form.contenus.data or [],
                                        contenus_precisions=form.contenus_precisions.data or "", aujourd_hui=aujourdhui())
            except ErreurMetier as exc:
                attacher(form, exc)
            else:
                flash("Réunion enregistrée : ajoutez les participants.", "succes")
                return redirect(url_for("accueil.voir_reunion", reunion_id=r.id), 303)
    liste = db.session.scalars(select(ReunionInformation).where(ReunionInformation.structure_id == current_user.structure_id)
                               .options(selectinload(ReunionInformation.participants))
                               .order_by(ReunionInformation.date_reunion.desc()).limit(50)).all()
    return rendre("accueil/reunions.html", form=form, reunions=liste, contenus=CONTENUS_REUNION,
                  peut_modifier=policy.peut_modifier_repertoire(current_user), statut=statut)


def _participant_form(personnes):
    form = ParticipantForm()
    form.personne.choices = choix([("", "— nouvelle personne —")] + [(p.id, p.nom_complet) for p in personnes])
    form.resultat.choices = choix((r.value, r.libelle) for r in ResultatReunion)
    return form


@bp.route("/reunions/<uuid:reunion_id>", methods=["GET", "POST"])
def voir_reunion(reunion_id):
    policy.exiger(policy.peut_voir_repertoire(current_user))
    reunion = policy.verifier_structure(current_user, db.session.get(ReunionInformation, reunion_id))
    personnes = queries.personnes_choisissables(db.session, current_user, file_active_partagee=file_partagee(),
                                                limite=500)
    form = _participant_form(personnes)
    statut = 200
    if request.method == "POST":
        policy.exiger(policy.peut_modifier_repertoire(current_user))
        statut = 422
        if form.validate_on_submit():
            try:
                personne = _participant(form, personnes)
                suivi.ajouter_participant(db.session, par=current_user, reunion=reunion, personne=personne,
                                          resultat=form.resultat.data, commentaire=form.commentaire.data or "")
            except ErreurMetier as exc:
                attacher(form, exc)
            else:
                flash(f"{personne.nom_complet} ajouté·e à la réunion.", "succes")
                return redirect(url_for("accueil.voir_reunion", reunion_id=reunion.id), 303)
    visibles = {p.id for p in personnes}
    return rendre("accueil/reunion.html", reunion=reunion, form=form, contenus=CONTENUS_REUNION, visibles=visibles,
                  peut_modifier=policy.peut_modifier_repertoire(current_user), statut=statut)


def _participant(form, personnes) -> Personne:
    """An existing person of the caseload, or a new one created quickly (duplicate check kept)."""
    if form.personne.data:
        personne = next((p for p in personnes if str(p.id) == form.personne.data), None)
        if personne is None:
            raise ErreurMetier("Choisissez une personne de votre file active.", "personne")
        return personne
    if not (form.nom.data or "").strip() or not (form.prenom.data or "").strip():
        raise ErreurMetier("Choisissez une personne connue, ou saisissez le nom et le prénom d'une nouvelle personne.",
                           "personne")
    return services.creer_personne(db.session, par=current_user, aujourd_hui=aujourdhui(),
                                   donnees=services.DonneesPersonne(nom=form.nom.data, prenom=form.prenom.data,
                                                                    date_naissance=form.date_naissance.data))

