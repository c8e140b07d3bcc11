"""Pages of the accueil module: the caseload, the person, the accueil individuel
and its urgencies, confidential notes attached to an accueil or an entretien.
Diagnostic and follow-up pages live in routes_diagnostic / routes_suivi (same blueprint)."""
from __future__ import annotations

import uuid
from datetime import datetime

from flask import Blueprint, flash, redirect, request, url_for
from flask_login import current_user
from sqlalchemy import select

from cipdesk.accueil import queries, services
from cipdesk.accueil.forms import AccueilForm, PersonneForm, TraitementUrgenceForm
from cipdesk.accueil.models import INFORMATIONS, Accueil, TypeUrgence, Urgence
from cipdesk.accueil.suivi_models import Synthese
from cipdesk.comptes.models import Role, Utilisateur
from cipdesk.core.db import db
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.core.dates import PARIS
from cipdesk.notes import services as notes
from cipdesk.notes.forms import NoteForm
from cipdesk.notes.models import NoteConfidentielle
from cipdesk.personnes.models import PUBLICS, Personne, StatutPersonne
from cipdesk.personnes.queries import alertes_pour
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.web.formulaires import choix
from cipdesk.web.rendu import rendre

bp = Blueprint("accueil", __name__, url_prefix="/accueil")


from cipdesk.core.dates import aujourdhui  # noqa: E402  (the one clock)


def file_partagee() -> bool:
    return bool(current_user.structure.parametre(policy.PARAMETRE_FILE_ACTIVE_PARTAGEE, False))


def contexte(personne: Personne) -> dict:
    return {"equipe_du_referent": personne.referent.equipe_id if personne.referent else None,
            "file_active_partagee": file_partagee()}


def peut_modifier(personne: Personne) -> bool:
    return policy.peut_modifier_personne(current_user, personne, **contexte(personne))


def charger_personne(personne_id: uuid.UUID, *, modifier: bool = False) -> Personne:
    """Structure first (another structure's person → 404), then the policy (→ 403)."""
    personne = policy.verifier_structure(current_user, db.session.get(Personne, personne_id))
    acces = contexte(personne)
    policy.exiger(policy.peut_voir_personne(current_user, personne, **acces))
    if modifier:
        policy.exiger(policy.peut_modifier_personne(current_user, personne, **acces))
    return personne


def charger(model, objet_id, *, modifier: bool = False):
    """A record about a person: scoped to the structure, then the person's policy."""
    objet = policy.verifier_structure(current_user, db.session.get(model, objet_id))
    personne = charger_personne(objet.personne_id, modifier=modifier)
    return objet, personne


def attacher(form, exc: ErreurMetier) -> None:
    champ = getattr(form, exc.champ, None) if exc.champ else None
    if champ is not None:
        champ.errors = [*champ.errors, exc.message] if isinstance(champ.errors, list) else [exc.message]
    else:
        form.form_errors.append(exc.message)


def _conseillers():
    return db.session.scalars(select(Utilisateur).where(
        Utilisateur.structure_id == current_user.structure_id, Utilisateur.role == Role.CONSEILLER,
        Utilisateur.actif.is_(True)).order_by(Utilisateur.nom, Utilisateur.prenom)).all()


# -- file active ---------------------------------------------------------------------
@bp.get("/")
def file_active():
    policy.exiger(policy.peut_voir_file_active(current_user))
    a = request.args
    try:
        page = int(a.get("page", "1"))
    except ValueError:
        page = 1
    filtres = {"q": a.get("q", "")[:100], "statut": a.get("statut", "actives"), "public": a.get("public", ""),
               "urgence": "1" if a.get("urgence") == "1" else "", "tri": a.get("tri", "nom")}
    resultat = queries.file_active(db.session, current_user, file_active_partagee=file_partagee(), page=page,
                                   aujourd_hui=aujourdhui(), **{**filtres, "urgence": filtres["urgence"] == "1"})
    return rendre("accueil/file_active.html", fragment="accueil/_file_active_table.html", resultat=resultat,
                  filtres=filtres, statuts=StatutPersonne, publics=PUBLICS, tris=queries.TRIS,
                  peut_creer=policy.peut_creer_personne(current_user))


# -- personne ------------------------------------------------------------------------
def _donnees_personne(form) -> services.DonneesPersonne:
    referent = None
    try:
        referent = uuid.UUID(form.referent.data) if form.referent.data else None
    except ValueError:
        pass
    if referent is not None and referent not in {c.id for c in _conseillers()}:
        raise ErreurMetier("Choisissez un·e conseiller·ère de la structure.", "referent")
    return services.DonneesPersonne(
        nom=form.nom.data or "", prenom=form.prenom.data or "", nom_usage=form.nom_usage.data or "",
        date_naissance=form.date_naissance.data, sexe=form.sexe.data, telephone=form.telephone.data or "",
        email=form.email.data or "", adresse=form.adresse.data or "", code_postal=form.code_postal.data or "",
        commune=form.commune.data or "", niveau_formation=form.niveau_formation.data,
        publics=form.publics.data or [], prescripteur=form.prescripteur.data or "",
        commande_prescripteur=form.commande_prescripteur.data or "", referent_id=referent)


@bp.route("/personnes/nouvelle", methods=["GET", "POST"])
def nouvelle_personne():
    policy.exiger(policy.peut_creer_personne(current_user))
    form = PersonneForm()
    form.referent.choices = choix((c.id, c.nom_complet) for c in _conseillers())
    statut, doublons = 200, []
    if request.method == "GET":
        form.referent.data = str(current_user.id)
    elif form.validate_on_submit():
        try:
            personne = services.creer_personne(db.session, par=current_user, donnees=_donnees_personne(form),
                                               aujourd_hui=aujourdhui(), confirmer_doublon=form.confirmer_doublon.data)
        except ErreurMetier as exc:
            statut = 422
            if exc.champ == "doublon":
                doublons = services.doublons_probables(db.session, current_user.structure_id, form.nom.data,
                                                       form.prenom.data, form.date_naissance.data)
            attacher(form, exc)
        else:
            flash(f"{personne.nom_complet} est enregistré·e.", "succes")
            return redirect(url_for("accueil.voir_personne", personne_id=personne.id), 303)
    else:
        statut = 422
    return rendre("accueil/personne_form.html", form=form, personne=None, doublons=doublons, statut=statut)


@bp.route("/personnes/<uuid:personne_id>/modifier", methods=["GET", "POST"])
def modifier_personne(personne_id):
    personne = charger_personne(personne_id, modifier=True)
    form = PersonneForm(obj=None if request.method == "POST" else personne)
    form.referent.choices = choix((c.id, c.nom_complet) for c in _conseillers())
    statut = 200
    if request.method == "GET":
        form.referent.data, form.version.data = str(personne.referent_id or ""), str(personne.version)
        form.telephone.data = services.telephone_affiche(personne.telephone)
        form.sexe.data, form.niveau_formation.data = personne.sexe.value, personne.niveau_formation.value
    elif form.validate_on_submit():
        try:
            services.modifier_personne(db.session, par=current_user, personne=personne,
                                       donnees=_donnees_personne(form), aujourd_hui=aujourdhui(),
                                       version=int(form.version.data or 0))
        except (ErreurMetier, ValueError) as exc:
            statut = 409 if getattr(exc, "champ", None) == "version" else 422
            attacher(form, exc if isinstance(exc, ErreurMetier) else ErreurMetier("Version invalide.", None))
        else:
            flash("Fiche mise à jour.", "succes")
            return redirect(url_for("accueil.voir_personne", personne_id=personne.id), 303)
    else:
        statut = 422
    return rendre("accueil/personne_form.html", form=form, personne=personne, doublons=[], statut=statut)


@bp.get("/personnes/<uuid:personne_id>")
def voir_personne(personne_id):
    personne = charger_personne(personne_id)
    journaliser(db.session, acteur=current_user, action=Action.LECTURE, objet_type="personne", objet_id=personne.id)
    return rendre("accueil/personne.html", personne=personne,
                  evenements=queries.chronologie(db.session, personne, current_user),
                  alertes=alertes_pour(db.session, [personne.id], aujourdhui()).get(personne.id, []),
                  telephone=services.telephone_affiche(personne.telephone), publics=PUBLICS,
                  peut_modifier=peut_modifier(personne))


# -- accueil -------------------------------------------------------------------------
def _donnees_accueil(form) -> services.DonneesAccueil:
    return services.DonneesAccueil(
        date_accueil=form.date_accueil.data, mode=form.mode.data, demande_exprimee=form.demande_exprimee.data or "",
        commande_prescripteur=form.commande_prescripteur.data or "", concordance=form.concordance.data,
        informations=form.informations.data or [], informations_precisions=form.informations_precisions.data or "",
        suite=form.suite.data, suite_motif=form.suite_motif.data or "", prochain_rdv_le=form.prochain_rdv_le.data,
        urgences=[services.ReperageUrgence(t.value, form[f"urgence_{t.value}"].data,
                                           form[f"urgence_{t.value}_contact"].data or "",
                                           form[f"urgence_{t.value}_action"].data or "",
                                           form[f"urgence_{t.value}_differee"].data) for t in TypeUrgence])


@bp.route("/personnes/<uuid:personne_id>/accueils/nouveau", methods=["GET", "POST"])
def nouvel_accueil(personne_id):
    personne = charger_personne(personne_id, modifier=True)
    form = AccueilForm()
    statut = 200
    if request.method == "GET":
        form.date_accueil.data = aujourdhui()
        form.commande_prescripteur.data = personne.commande_prescripteur
    else:
        valide = form.validate_on_submit()
        donnees = _donnees_accueil(form)
        erreurs = services.verifier_accueil(donnees, aujourdhui())  # every error at once, beside its field
        for champ, message in erreurs.items():
            if not getattr(form, champ).errors:
                attacher(form, ErreurMetier(message, champ))
        if valide and not erreurs:
            accueil = services.enregistrer_accueil(db.session, par=current_user, personne=personne,
                                                   donnees=donnees, aujourd_hui=aujourdhui())
            ouvertes = [u for u in accueil.urgences if u.ouverte]
            flash("Accueil enregistré." + (f" {len(ouvertes)} urgence(s) reste(nt) en alerte jusqu'à leur "
                                             "traitement." if ouvertes else ""), "succes")
            return redirect(url_for("accueil.voir_accueil", accueil_id=accueil.id), 303)
        statut = 422
    return rendre("accueil/accueil_form.html", form=form, personne=personne, types_urgence=list(TypeUrgence),
                  statut=statut)


def _notes_de(objet_type: str, objet_id):
    """Notes attached to this record that the user may read (not the hierarchy)."""
    if not policy.peut_ecrire_note(current_user):
        return []
    lignes = db.session.scalars(select(NoteConfidentielle).where(
        NoteConfidentielle.structure_id == current_user.structure_id, NoteConfidentielle.objet_type == objet_type,
        NoteConfidentielle.objet_id == objet_id).order_by(NoteConfidentielle.created_at)).all()
    return [n for n in lignes if policy.peut_lire_note(current_user, n, n.lecteurs_ids)]


@bp.get("/accueils/<uuid:accueil_id>")
def voir_accueil(accueil_id):
    accueil, personne = charger(Accueil, accueil_id)
    journaliser(db.session, acteur=current_user, action=Action.LECTURE, objet_type="accueil", objet_id=accueil.id)
    return rendre("accueil/accueil.html", accueil=accueil, personne=personne, note_form=NoteForm(),
                  informations=INFORMATIONS,
                  notes=_notes_de("accueil", accueil.id), traitement=TraitementUrgenceForm(formdata=None),
                  urgence_en_cours=None, peut_modifier=peut_modifier(personne))


@bp.post("/urgences/<uuid:urgence_id>/traitement")
def traiter_urgence(urgence_id):
    urgence, personne = charger(Urgence, urgence_id, modifier=True)
    form = TraitementUrgenceForm()
    if form.validate_on_submit():
        try:
            services.traiter_urgence(db.session, par=current_user, urgence=urgence, contact=form.contact.data or "",
                                     action=form.action.data or "", le=form.le.data, aujourd_hui=aujourdhui())
        except ErreurMetier as exc:
            attacher(form, exc)
        else:
            flash(f"Urgence « {urgence.type_urgence.libelle} » traitée : l'alerte est levée.", "succes")
            return redirect(url_for("accueil.voir_accueil", accueil_id=urgence.accueil_id), 303)
    accueil = urgence.accueil
    return rendre("accueil/accueil.html", accueil=accueil, personne=personne, note_form=NoteForm(formdata=None),
                  informations=INFORMATIONS,
                  notes=_notes_de("accueil", accueil.id), traitement=form, urgence_en_cours=urgence.id,
                  peut_modifier=True, statut=422)


NOTES_SUR = {"accueil": (Accueil, "accueil.voir_accueil", "accueil_id"),
             "synthese": (Synthese, "accueil.voir_synthese", "synthese_id")}


@bp.post("/<any(accueil, synthese):objet_type>/<uuid:objet_id>/notes")
def ajouter_note(objet_type, objet_id):
    """A confidential note on an accueil or an entretien (foundation encryption and rules)."""
    model, endpoint, param = NOTES_SUR[objet_type]
    objet, _personne = charger(model, objet_id, modifier=True)
    form = NoteForm()
    if form.validate_on_submit():
        try:
            notes.ecrire_note(db.session, auteur=current_user, contenu=form.contenu.data,
                              objet_type=objet_type, objet_id=objet.id)
        except ErreurMetier as exc:
            attacher(form, exc)
        else:
            flash("Note confidentielle enregistrée (chiffrée).", "succes")
            return redirect(url_for(endpoint, **{param: objet.id}), 303)
    retour = url_for(endpoint, **{param: objet.id})
    return rendre("accueil/note_form.html", form=form, retour=retour, action=request.path, statut=422)


from cipdesk.accueil import routes_diagnostic, routes_suivi  # noqa: E402,F401  (same blueprint)
