from __future__ import annotations

import uuid

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_login import current_user
from sqlalchemy import select

from cipdesk.comptes.admin.forms import AccesForm, DelaisForm, FiltreAuditForm, ListeForm, TuteurForm
from cipdesk.comptes.admin.queries import journal_filtre
from cipdesk.comptes.admin.services import CLE_DELAI_ORIENTATION, modifier_delais, modifier_liste
from cipdesk.comptes import rules, second_facteur, services
from cipdesk.comptes.queries import norme_file_active
from cipdesk.comptes.forms import ExigenceSecondFacteurForm
from cipdesk.comptes.forms import EquipeForm, StructureForm, UtilisateurForm
from cipdesk.comptes.models import Equipe, Role, Structure, Utilisateur, VoieCandidat
from cipdesk.core import listes
from cipdesk.core.contrat import registre
from cipdesk.core.db import db, utcnow
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.referentiel import REFERENTIELS
from cipdesk.security import policy
from cipdesk.web.formulaires import choix, rediriger, soumettre
from cipdesk.web.rendu import rendre

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.before_request
def _reserve_aux_admins():
    policy.exiger(policy.peut_administrer(current_user))


def _attacher(form, exc: ErreurMetier) -> None:
    champ = getattr(form, exc.champ, None) if exc.champ else None
    (champ.errors if champ is not None else form.form_errors).append(exc.message)


@bp.get("/structures")
def structures():
    """The admin's own structure (a structure is created by the instance operator:
    `cipdesk create-structure`; policy.peut_creer_structure)."""
    liste = db.session.scalars(select(Structure).where(Structure.id == current_user.structure_id)).all()
    return rendre("admin/structures.html", structures=liste)


def _de_ma_structure(modele, objet_id):
    """An account, équipe or structure of another structure is *not found* for this admin."""
    objet = db.get_or_404(modele, objet_id)
    structure_id = objet.id if modele is Structure else objet.structure_id
    if not policy.peut_administrer_structure(current_user, structure_id):
        abort(404)
    return objet


@bp.route("/structures/<uuid:structure_id>", methods=["GET", "POST"])
def structure(structure_id):
    structure = _de_ma_structure(Structure, structure_id)
    form = EquipeForm()
    statut = 200
    if form.validate_on_submit():
        try:
            equipe = services.creer_equipe(db.session, par=current_user, structure=structure,
                                           nom=form.nom.data)
        except ErreurMetier as exc:
            _attacher(form, exc)
            statut = 422
        else:
            flash(f"Équipe « {equipe.nom} » créée.", "succes")
            return redirect(url_for("admin.structure", structure_id=structure.id), 303)
    elif request.method == "POST":
        statut = 422
    utilisateurs = db.session.scalars(
        select(Utilisateur).where(Utilisateur.structure_id == structure.id)
        .order_by(Utilisateur.nom, Utilisateur.prenom)).all()
    return rendre("admin/structure.html", structure=structure, form=form,
                  utilisateurs=utilisateurs, statut=statut)


def _form_utilisateur() -> UtilisateurForm:
    form = UtilisateurForm()
    structures = db.session.scalars(select(Structure).where(Structure.id == current_user.structure_id)).all()
    form.structure.choices = choix((s.id, s.nom) for s in structures)
    equipes = db.session.execute(
        select(Equipe, Structure.nom).join(Structure).where(Structure.id == current_user.structure_id)
        .order_by(Equipe.nom)).all()
    form.equipe.choices = choix([("", "— Aucune —")] + [(e.id, f"{nom} — {e.nom}") for e, nom in equipes])
    form.referentiel.choices = choix((r.code, r.intitule_court) for r in REFERENTIELS.values())
    if request.method == "GET" and request.args.get("structure"):
        form.structure.data = request.args["structure"]
    return form


@bp.route("/utilisateurs/nouveau", methods=["GET", "POST"])
def nouvel_utilisateur():
    form = _form_utilisateur()
    statut = 200
    if form.validate_on_submit():
        structure = _de_ma_structure(Structure, uuid.UUID(form.structure.data))
        equipe = None
        if form.equipe.data:
            try:
                equipe = db.session.get(Equipe, uuid.UUID(form.equipe.data))
            except ValueError:
                equipe = None
        candidat = None
        if form.candidat.data:
            candidat = {"voie": VoieCandidat(form.voie.data), "date_session": form.date_session.data,
                        "referentiel_code": form.referentiel.data}
        try:
            utilisateur = services.creer_utilisateur(
                db.session, par=current_user, structure=structure, email=form.email.data,
                prenom=form.prenom.data, nom=form.nom.data, role=Role(form.role.data),
                mot_de_passe=form.mot_de_passe.data, equipe=equipe, candidat=candidat)
        except ErreurMetier as exc:
            _attacher(form, exc)
            statut = 422
        else:
            flash(f"Compte de {utilisateur.nom_complet} créé.", "succes")
            return redirect(url_for("admin.structure", structure_id=structure.id), 303)
    elif request.method == "POST":
        statut = 422
    return rendre("admin/utilisateur_nouveau.html", form=form, statut=statut)


@bp.route("/utilisateurs/<uuid:utilisateur_id>", methods=["GET", "POST"])
def utilisateur(utilisateur_id):
    utilisateur = _de_ma_structure(Utilisateur, utilisateur_id)
    form = AccesForm(obj=None if request.method == "POST" else None)
    statut = 200
    if form.validate_on_submit():
        try:
            services.modifier_acces(db.session, par=current_user, utilisateur=utilisateur,
                                    role=Role(form.role.data), actif=form.actif.data)
        except ErreurMetier as exc:
            _attacher(form, exc)
            statut = 422
        else:
            flash("Accès mis à jour ; les sessions ouvertes de ce compte ont été fermées.", "succes")
            return redirect(url_for("admin.utilisateur", utilisateur_id=utilisateur.id), 303)
    elif request.method == "POST":
        statut = 422
    else:
        form.role.data = utilisateur.role.value
        form.actif.data = utilisateur.actif
    return rendre("admin/utilisateur.html", utilisateur=utilisateur, form=form, statut=statut,
                  tuteur=_form_tuteur(utilisateur),
                  second_facteur_actif=second_facteur.est_enrole(db.session, utilisateur),
                  second_facteur_exige=second_facteur.est_exige(utilisateur))


@bp.post("/utilisateurs/<uuid:utilisateur_id>/deblocage")
def debloquer_connexion(utilisateur_id):
    """Let a user held by the login throttling log in again at once (issue #10, point 3)."""
    utilisateur = _de_ma_structure(Utilisateur, utilisateur_id)
    services.debloquer_connexion(db.session, par=current_user, utilisateur=utilisateur, maintenant=utcnow())
    flash(f"La connexion de {utilisateur.nom_complet} est débloquée : les tentatives échouées "
          "jusqu'ici ne comptent plus.", "succes")
    return redirect(url_for("admin.utilisateur", utilisateur_id=utilisateur.id), 303)


def _form_tuteur(utilisateur) -> TuteurForm | None:
    if utilisateur.profil_candidat is None:
        return None
    form = TuteurForm()
    collegues = db.session.scalars(select(Utilisateur).where(
        Utilisateur.structure_id == utilisateur.structure_id, Utilisateur.actif.is_(True),
        Utilisateur.role.in_((Role.CONSEILLER, Role.CHEF_DE_SERVICE))).order_by(Utilisateur.nom)).all()
    form.tuteur.choices = choix([("", "— Aucun·e —")] + [
        (c.id, c.nom_complet) for c in collegues if policy.peut_designer_tuteur(current_user, utilisateur, c)])
    if request.method == "GET":
        form.tuteur.data = str(utilisateur.profil_candidat.tuteur_id or "")
    return form


@bp.post("/utilisateurs/<uuid:utilisateur_id>/tuteur")
def designer_tuteur(utilisateur_id):
    """The structure designates the candidat's tutor (who reads their coverage only with consent)."""
    utilisateur = _de_ma_structure(Utilisateur, utilisateur_id)
    form = _form_tuteur(utilisateur)
    if form is None:
        abort(404)
    tuteur = None
    if form.validate_on_submit() and form.tuteur.data:
        try:
            tuteur = db.session.get(Utilisateur, uuid.UUID(form.tuteur.data))
        except ValueError:
            tuteur = None
        if tuteur is None:
            flash(services.MESSAGE_TUTEUR, "erreur")
            return redirect(url_for("admin.utilisateur", utilisateur_id=utilisateur.id), 303)
    try:
        services.designer_tuteur(db.session, par=current_user, candidat=utilisateur, tuteur=tuteur)
    except ErreurMetier as exc:
        flash(exc.message, "erreur")
    else:
        flash("Tuteur·rice enregistré·e." if tuteur else "Tuteur·rice retiré·e.", "succes")
    return redirect(url_for("admin.utilisateur", utilisateur_id=utilisateur.id), 303)


PAGE_MAX = 1_000_000  # a 20-digit page number overflows the database's OFFSET (issue #10, point 14)


def _numero_de_page() -> int:
    """?page= as a page number in 1..PAGE_MAX; anything else reads as the first page."""
    valeur = request.args.get("page", "")
    if not (valeur.isascii() and valeur.isdigit()) or len(valeur) > 7:
        return 1 if not (valeur.isascii() and valeur.isdigit()) else PAGE_MAX
    return min(max(int(valeur), 1), PAGE_MAX)


@bp.get("/journal")
def journal():
    form = FiltreAuditForm(request.args)
    requete = journal_filtre(structure_id=current_user.structure_id) if not form.validate() else journal_filtre(
        structure_id=current_user.structure_id,
        action=form.action.data or "", acteur=form.acteur.data or "",
        objet_type=form.objet_type.data or "", objet_id=form.objet_id.data or "",
        du=form.du.data, au=form.au.data)
    page = db.paginate(requete, page=_numero_de_page(), per_page=50, error_out=False)
    return rendre("admin/journal.html", fragment="admin/_journal_table.html", form=form, page=page)


@bp.route("/listes", methods=["GET", "POST"])
def listes_de_la_structure():
    """The ONE page of the structure's editable lists, grouped by the module that declares them."""
    policy.exiger(policy.peut_modifier_listes(current_user))
    form = ListeForm()
    envoi = soumettre(form, lambda: modifier_liste(
        db.session, par=current_user, liste=form.liste.data or "", ajouter=form.libelle.data or "",
        retirer=form.retirer.data or "", retablir=form.retablir.data or "", modele=form.modele.data or "",
        textes={k.removeprefix("modele-"): v for k, v in request.form.items() if k.startswith("modele-")}))
    if envoi:
        return rediriger(url_for("admin.listes_de_la_structure") + f"#liste-{form.liste.data}", envoi.resultat)
    declarations = [l for _m, ls in registre.listes() for l in ls]
    valeurs = dict((d.code, v) for d, v in listes.toutes_les_listes(db.session, current_user.structure_id,
                                                                     declarations))
    return rendre("admin/listes.html", form=form, statut=envoi.statut, modules=registre.listes(), valeurs=valeurs)



@bp.route("/delais", methods=["GET", "POST"])
def delais():
    """The structure's delays: how long a partner may take to answer an orientation."""
    policy.exiger(policy.peut_modifier_listes(current_user))
    form = DelaisForm()
    if request.method == "GET":
        form.orientation_delai.data = int((current_user.structure.parametres or {}).get(CLE_DELAI_ORIENTATION) or 15)
        norme, fixee = norme_file_active(current_user.structure.parametres)
        form.norme_file_active.data = norme if fixee else None
    envoi = soumettre(form, lambda: modifier_delais(db.session, par=current_user,
                                                    orientation_delai=form.orientation_delai.data,
                                                    norme_file_active=form.norme_file_active.data))
    if envoi:
        return rediriger(url_for("admin.delais"), "Délais enregistrés.")
    return rendre("admin/delais.html", form=form, statut=envoi.statut)


# -- second factor (issue #18, point 12) ------------------------------------------------
@bp.route("/second-facteur", methods=["GET", "POST"], endpoint="second_facteur")
def second_facteur_structure():
    """Who must give a second factor at login in this structure."""
    form = ExigenceSecondFacteurForm()
    form.exigence.choices = choix(rules.EXIGENCES_SECOND_FACTEUR.items())
    if request.method == "GET":
        form.exigence.data = current_user.structure.second_facteur
    envoi = soumettre(form, lambda: second_facteur.regler_exigence(db.session, par=current_user,
                                                                   exigence=form.exigence.data))
    if envoi:
        return rediriger(url_for("admin.second_facteur"), "Règle du second facteur enregistrée.")
    return rendre("admin/second_facteur.html", form=form, statut=envoi.statut)


@bp.post("/utilisateurs/<uuid:utilisateur_id>/second-facteur/retrait")
def retirer_second_facteur(utilisateur_id):
    """Lost phone and lost recovery codes: the admin removes the factor; the next login enrols again."""
    utilisateur = _de_ma_structure(Utilisateur, utilisateur_id)
    second_facteur.desactiver(db.session, utilisateur=utilisateur, par=current_user, maintenant=utcnow())
    flash(f"Le second facteur de {utilisateur.nom_complet} est retiré ; ses navigateurs mémorisés sont oubliés.",
          "succes")
    return redirect(url_for("admin.utilisateur", utilisateur_id=utilisateur.id), 303)
