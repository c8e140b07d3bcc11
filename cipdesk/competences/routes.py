"""« Mes compétences »: the candidat's practice mirrored against the REAC."""
from __future__ import annotations

import functools
import uuid
from datetime import date

from flask import Blueprint, abort, current_app, flash, g, get_template_attribute, redirect, request, url_for
from flask_login import current_user
from markupsafe import Markup, escape
from sqlalchemy import select

from cipdesk.competences import queries, rules, services
from cipdesk.core.contrat import registre
from cipdesk.competences.forms import (AutoEvaluationForm, EtiquetageForm, PeriodeForm,
                                       ProfilCandidatForm, RetraitForm)
from cipdesk.competences.models import NiveauAutoEvaluation, PreuveCompetence
from cipdesk.competences.pdf import couverture_pdf
from cipdesk.comptes.models import ProfilCandidat, Role, Utilisateur
from cipdesk.core.db import db
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.referentiel import REFERENTIELS, get_referentiel
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.web.formulaires import choix
from cipdesk.web.pdf import reponse_pdf
from cipdesk.web.rendu import rendre

bp = Blueprint("competences", __name__, url_prefix="/competences")


def _candidat(utilisateur_id: uuid.UUID | None = None):
    """(candidat, profil): the current user by default, or another, structure-scoped."""
    if utilisateur_id is None or utilisateur_id == current_user.id:
        policy.exiger(policy.est_conseiller(current_user))
        return current_user, current_user.profil_candidat
    candidat = policy.verifier_structure(current_user, db.session.get(Utilisateur, utilisateur_id))
    return candidat, candidat.profil_candidat


def _referentiel(profil):
    return get_referentiel(profil.referentiel_code if profil else "reac-2018")


def _vue_couverture(candidat, profil):
    ref = _referentiel(profil)
    comptes, autos = queries.couverture_et_autoevaluations(db.session, candidat.id)
    seuils = rules.seuils(candidat.structure.parametres)
    activites = []
    for activite in ref.activites:
        lignes = []
        for comp in ref.competences_de(activite.numero):
            nombre, dernier = comptes.get(comp.code, (0, None))
            lignes.append((comp, nombre, dernier, rules.etat_couverture(nombre, seuils), autos.get(comp.code)))
        activites.append((activite, lignes))
    transversales = []
    for comp in ref.transversales():
        nombre, dernier = comptes.get(comp.code, (0, None))
        transversales.append((comp, nombre, dernier, rules.etat_couverture(nombre, seuils), autos.get(comp.code)))
    return {"ref": ref, "activites": activites, "transversales": transversales, "seuils": seuils,
            "suggestions": rules.suggestions({c: n for c, (n, _d) in comptes.items()})}


@bp.get("/")
def couverture():
    candidat, profil = _candidat()
    return rendre("competences/couverture.html", candidat=candidat, profil=profil, lecture_seule=False,
                  **_vue_couverture(candidat, profil))


@bp.get("/candidats/<uuid:utilisateur_id>")
def couverture_candidat(utilisateur_id):
    """Tutor (with consent): the coverage, read-only. Chef de service: the readiness summary only."""
    candidat, profil = _candidat(utilisateur_id)
    if policy.peut_voir_couverture(current_user, candidat, profil):
        return rendre("competences/couverture.html", candidat=candidat, profil=profil, lecture_seule=True,
                      **_vue_couverture(candidat, profil))
    policy.exiger(policy.peut_voir_preparation(current_user, candidat, profil))
    return redirect(url_for("dossier.preparation_candidat", utilisateur_id=candidat.id))


@bp.get("/candidats")
def candidats():
    """Candidats a user may follow: a chef de service's team, a tutor's tutored."""
    requete = (select(Utilisateur).join(ProfilCandidat, ProfilCandidat.utilisateur_id == Utilisateur.id)
               .where(Utilisateur.structure_id == current_user.structure_id))
    if current_user.role == Role.CHEF_DE_SERVICE:
        requete = requete.where(Utilisateur.equipe_id == current_user.equipe_id)
    else:
        requete = requete.where(ProfilCandidat.tuteur_id == current_user.id)
    liste = db.session.scalars(requete.order_by(Utilisateur.nom)).all()
    return rendre("competences/candidats.html", candidats=liste)


@bp.route("/<code>", methods=["GET"])
def competence(code: str):
    candidat, profil = _candidat()
    ref = _referentiel(profil)
    try:
        comp = ref.competence(code.upper())
    except KeyError:
        abort(404)
    periode = PeriodeForm(request.args)
    periode.validate()
    requete = queries.preuves(candidat.id, comp.code, du=periode.du.data, au=periode.au.data)
    page = db.paginate(requete, per_page=30, error_out=False)
    return rendre("competences/competence.html", fragment="competences/_preuves.html", ref=ref, comp=comp,
                  page=page, periode=periode, criteres=_criteres(comp), **_formulaires(candidat, comp.code))


def _criteres(comp):
    return _criteres_a_montrer(tuple(comp.criteres_performance), tuple(comp.criteres_evaluation or ()))


@functools.lru_cache(maxsize=256)
def _criteres_a_montrer(performance: tuple[str, ...], evaluation: tuple[str, ...]):
    """rules.criteres_a_montrer, once per process for each wording of a competence's criteria
    (normalising every criterion was a sixth of the page's own work)."""
    return tuple(tuple(liste) for liste in rules.criteres_a_montrer(list(performance), list(evaluation)))


def _formulaires(candidat, code, *, auto=None, tag=None, retrait=None):
    """The page's forms; `auto`, `tag`, `retrait`: a form sent back with its errors. The others are
    blank: their fields come from `_champs_auto` / `_champs_tag` (a blank withdrawal form is never
    rendered: its reason field is written per row by competences/_preuves.html)."""
    activites = [(f"{objet_type}:{objet_id}", f"{registre.libelle(objet_type)} du {le:%d/%m/%Y}")
                 for objet_type, objet_id, le in queries.activites_rattachables(db.session, candidat.id, code)]
    if _restituee():   # a draft given back after a new login fills the forms, as WTForms does
        auto, tag = auto or AutoEvaluationForm(), tag or EtiquetageForm()
    if tag is not None:
        tag.activite.choices = choix(activites)
    return {"auto": auto, "tag": tag, "retrait": retrait, "rattachables": bool(activites),
            "champs_auto": _champs_auto(auto), "champs_tag": _champs_tag(tag, activites),
            "historique": queries.autoevaluations(db.session, candidat.id, code)}


def _restituee() -> bool:
    """A draft given back after a new login (web.saisie: `g.saisie_restituee`)."""
    return g.get("saisie_restituee") is not None


# Blank forms' fields, rendered once per process (through WTForms and the `champ` macro they were a
# third of the page's own work): they depend on the form's class alone — and the self-assessment's
# on the day (its date defaults to today). Not kept when templates are reloaded (development).
_CHAMPS_VIERGES: dict[str, tuple] = {}
_MARQUE = "\ue000"   # a private-use character: never in what WTForms escapes, never in a label
_OPTION_MARQUEE = f'<option value="{_MARQUE}">{_MARQUE}</option>'


def _garder(nom: str, cle, html: Markup) -> Markup:
    if not current_app.jinja_env.auto_reload:
        _CHAMPS_VIERGES[nom] = (cle, html)
    return html


def _champs_auto(form) -> Markup:
    """The self-assessment's fields: `form`'s, or a blank form's (rendered once a day)."""
    macro = get_template_attribute("competences/_champs.html", "champs_auto")
    if form is not None:
        return macro(form)
    jour = date.today()   # AutoEvaluationForm.evalue_le's default
    cle, html = _CHAMPS_VIERGES.get("auto", (None, None))
    if cle == jour:
        return html
    return _garder("auto", jour, macro(AutoEvaluationForm(formdata=None, meta={"csrf": False})))


def _champs_tag(form, activites: list[tuple[str, str]]) -> Markup:
    """The manual tag's fields: `form`'s, or a blank form's with `activites` (value, label) as its
    choices — its skeleton, rendered once per process with one marked option, the mark replaced by
    the options as WTForms writes them (nothing selected). The same HTML as the macro on a blank
    form (tests/http/test_mes_competences.py compares them)."""
    macro = get_template_attribute("competences/_champs.html", "champs_tag")
    if form is not None:
        return macro(form)
    _cle, squelette = _CHAMPS_VIERGES.get("tag", (None, None))
    if squelette is None:
        vierge = EtiquetageForm(formdata=None, meta={"csrf": False})
        vierge.activite.choices = choix([(_MARQUE, _MARQUE)])
        squelette = macro(vierge)
        assert str(squelette).count(_OPTION_MARQUEE) == 1
        _garder("tag", None, squelette)
    options = "".join(f'<option value="{escape(valeur)}">{escape(libelle)}</option>'
                      for valeur, libelle in activites)
    return Markup(str(squelette).replace(_OPTION_MARQUEE, options))


def _page_competence_en_erreur(code, statut, **formulaires):
    candidat, profil = _candidat()
    ref = _referentiel(profil)
    comp = ref.competence(code)
    page = db.paginate(queries.preuves(candidat.id, code), per_page=30, error_out=False)
    return rendre("competences/competence.html", ref=ref, comp=comp, page=page, periode=PeriodeForm(),
                  statut=statut, criteres=_criteres(comp), **_formulaires(candidat, code, **formulaires))


def _code_valide(code: str) -> str:
    code = code.upper()
    if code not in {c.code for c in get_referentiel().competences}:
        abort(404)
    return code


@bp.post("/<code>/auto-evaluation")
def auto_evaluation(code: str):
    candidat, _profil = _candidat()
    code = _code_valide(code)
    form = AutoEvaluationForm()
    if form.validate_on_submit():
        try:
            services.auto_evaluer(db.session, candidat=candidat, code=code,
                                  niveau=NiveauAutoEvaluation(form.niveau.data),
                                  commentaire=form.commentaire.data, le=form.evalue_le.data)
        except ErreurMetier as exc:
            getattr(form, exc.champ or "niveau").errors.append(exc.message)
        else:
            flash("Auto-évaluation enregistrée.", "succes")
            return redirect(url_for("competences.competence", code=code), 303)
    return _page_competence_en_erreur(code, 422, auto=form)


@bp.post("/<code>/preuves")
def etiqueter(code: str):
    candidat, _profil = _candidat()
    code = _code_valide(code)
    form = EtiquetageForm()
    if form.validate_on_submit():
        try:
            objet_type, _, objet_id = (form.activite.data or "").partition(":")
            services.etiqueter_a_la_main(db.session, candidat=candidat, objet_type=objet_type,
                                         objet_id=uuid.UUID(objet_id), code=code, motif=form.motif.data)
        except ValueError as exc:
            message = getattr(exc, "message", "Choisissez une activité que vous avez enregistrée.")
            getattr(form, getattr(exc, "champ", None) or "activite").errors.append(message)
        else:
            flash("Activité rattachée à la compétence.", "succes")
            return redirect(url_for("competences.competence", code=code), 303)
    return _page_competence_en_erreur(code, 422, tag=form)


@bp.post("/preuves/<uuid:preuve_id>/retrait")
def retirer(preuve_id):
    candidat, _profil = _candidat()
    preuve = db.session.get(PreuveCompetence, preuve_id)
    if preuve is None or preuve.utilisateur_id != candidat.id:
        abort(404)
    form = RetraitForm()
    if form.validate_on_submit():
        try:
            services.retirer_preuve(db.session, candidat=candidat, preuve=preuve, motif=form.motif.data)
        except ErreurMetier as exc:
            form.motif.errors.append(exc.message)
        else:
            flash("Preuve retirée ; elle reste visible, barrée, avec son motif.", "succes")
            return redirect(url_for("competences.competence", code=preuve.competence_code), 303)
    form.preuve_id = preuve.id   # its row opens again with the error and what was typed
    return _page_competence_en_erreur(preuve.competence_code, 422, retrait=form)


@bp.get("/export.pdf")
def export_pdf():
    candidat, profil = _candidat()
    vue = _vue_couverture(candidat, profil)
    lignes = [(comp, n, d, etat.libelle, auto.niveau.libelle if auto else "")
              for _a, ls in vue["activites"] for comp, n, d, etat, auto in ls]
    lignes += [(comp, n, d, etat.libelle, auto.niveau.libelle if auto else "")
               for comp, n, d, etat, auto in vue["transversales"]]
    contenu = couverture_pdf(candidat=candidat, structure_nom=candidat.structure.nom, referentiel=vue["ref"],
                             lignes=lignes, comptes_types=queries.comptes_par_type(db.session, candidat.id),
                             le=date.today())
    journaliser(db.session, acteur=candidat, action=Action.EXPORT, objet_type="couverture_competences",
                objet_id=candidat.id)
    return reponse_pdf(contenu, "couverture-competences.pdf")


@bp.route("/profil", methods=["GET", "POST"])
def profil():
    candidat, profil_ = _candidat()
    if profil_ is None:
        abort(404)
    form = ProfilCandidatForm(obj=None)
    form.referentiel.choices = choix((r.code, r.intitule_court) for r in REFERENTIELS.values())
    statut = 200
    if form.validate_on_submit():
        profil_.referentiel_code = form.referentiel.data
        profil_.consentement_tuteur = form.consentement_tuteur.data
        journaliser(db.session, acteur=candidat, action=Action.MODIFICATION, objet_type="profil_candidat",
                    objet_id=candidat.id, details={"consentement_tuteur": profil_.consentement_tuteur})
        flash("Profil de candidat·e enregistré.", "succes")
        return redirect(url_for("competences.couverture"), 303)
    elif request.method == "POST":
        statut = 422
    else:
        form.referentiel.data = profil_.referentiel_code
        form.consentement_tuteur.data = profil_.consentement_tuteur
    return rendre("competences/profil.html", form=form, profil=profil_, statut=statut)
