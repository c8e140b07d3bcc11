"""Diagnostic partagé pages: the whole diagnostic on one page, versions, comparison,
« distance parcourue », validation by the person."""
from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import FieldList, FormField, HiddenField
from wtforms.validators import InputRequired

from cipdesk.accueil import rules
from cipdesk.accueil import services_diagnostic as services
from cipdesk.accueil.diagnostic_models import Diagnostic, ModeValidation
from cipdesk.accueil.forms import DateFr, DimensionForm, NouvelleVersionForm, ValidationForm, _ligne, _texte
from cipdesk.accueil.routes import aujourdhui, attacher, bp, charger, charger_personne, peut_modifier
from cipdesk.core.db import db
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.web.formulaires import choix
from cipdesk.web.rendu import rendre


class DiagnosticForm(FlaskForm):
    date_diagnostic = DateFr("Date de l'entretien de diagnostic",
                             validators=[InputRequired("La date du diagnostic est obligatoire.")])
    dimensions = FieldList(FormField(DimensionForm))
    hypotheses = _texte("Hypothèses de solution", longueur=5000,
                        description="Pistes envisagées ensemble, à vérifier avec la personne.")
    paroles_personne = _texte("Ce que dit la personne", longueur=5000,
                              description="Ses mots : comment elle voit sa situation et ce qu'elle souhaite.")
    version = HiddenField()


def _formulaire_validation(formdata=None) -> ValidationForm:
    form = ValidationForm(formdata=formdata) if formdata is not None else ValidationForm()
    form.validation_mode.choices = choix([("", "— choisir —")] + [(m.value, m.libelle) for m in ModeValidation])
    return form


def _contexte_page(personne, validation=None, nouvelle=None):
    versions = services.versions(db.session, personne.id)
    courante = versions[-1] if versions else None
    validees = [v for v in versions if v.est_valide]
    trajectoires = rules.distance_parcourue([services.etats(v) for v in validees])
    if nouvelle is None:
        nouvelle = NouvelleVersionForm(formdata=None)
        nouvelle.date_diagnostic.data = aujourdhui()
    if validation is None:
        validation = _formulaire_validation(formdata=None)
        validation.valide_le.data = aujourdhui()
    return dict(personne=personne, versions=versions, courante=courante, validees=validees,
                trajectoires=trajectoires, numeros=[v.numero for v in validees], validation=validation,
                nouvelle=nouvelle, niveaux_frein=rules.NIVEAUX_FREIN, niveaux_atout=rules.NIVEAUX_ATOUT,
                points_svg=rules.points_svg, peut_modifier=peut_modifier(personne))


@bp.get("/personnes/<uuid:personne_id>/diagnostic")
def diagnostic(personne_id):
    personne = charger_personne(personne_id)
    journaliser(db.session, acteur=current_user, action=Action.LECTURE, objet_type="diagnostic",
                objet_id=personne.id)
    return rendre("accueil/diagnostic.html", **_contexte_page(personne))


@bp.post("/personnes/<uuid:personne_id>/diagnostic/versions")
def nouvelle_version(personne_id):
    personne = charger_personne(personne_id, modifier=True)
    form = NouvelleVersionForm()
    if form.validate_on_submit():
        try:
            diag = services.ouvrir_version(db.session, par=current_user, personne=personne,
                                           le=form.date_diagnostic.data, aujourd_hui=aujourdhui())
        except ErreurMetier as exc:
            attacher(form, exc if exc.champ == "date_diagnostic" else ErreurMetier(exc.message, None))
        else:
            return redirect(url_for("accueil.modifier_diagnostic", diagnostic_id=diag.id), 303)
    return rendre("accueil/diagnostic.html", **_contexte_page(personne, nouvelle=form), statut=422)


def _preparer(form: DiagnosticForm, libelles: dict[str, str]) -> None:
    for entree in form.dimensions:
        entree.form.atout_niveau.choices = choix((str(k), f"{k} — {v}") for k, v in rules.NIVEAUX_ATOUT.items())
        entree.form.frein_niveau.choices = choix((str(k), f"{k} — {v}") for k, v in rules.NIVEAUX_FREIN.items())
        entree.libelle = libelles.get(entree.form.code.data, entree.form.code.data)


def _niveau(valeur) -> int:
    try:
        return int(valeur or 0)
    except ValueError:
        raise ErreurMetier("Niveau hors de l'échelle 0 à 3.", None) from None


@bp.route("/diagnostics/<uuid:diagnostic_id>/modifier", methods=["GET", "POST"])
def modifier_diagnostic(diagnostic_id):
    diag, personne = charger(Diagnostic, diagnostic_id, modifier=True)
    if diag.est_valide:
        flash(rules.erreur_modification("valide"), "erreur")
        return redirect(url_for("accueil.diagnostic", personne_id=personne.id), 303)
    structure = services.dimensions_de_la_structure(db.session, personne.structure_id)
    libelles = dict(structure)
    libelles.update({d.dimension_code: d.dimension_libelle for d in diag.dimensions})
    statut = 200
    if request.method == "GET":
        form = DiagnosticForm(formdata=None, date_diagnostic=diag.date_diagnostic, hypotheses=diag.hypotheses,
                              paroles_personne=diag.paroles_personne, version=str(diag.version))
        existantes = {d.dimension_code: d for d in diag.dimensions}
        codes = [c for c, _l in structure] + [c for c in existantes if c not in dict(structure)]
        for code in codes:
            d = existantes.get(code)
            form.dimensions.append_entry({"code": code, "situation": d.situation if d else "",
                                          "atouts": d.atouts if d else "", "freins": d.freins if d else "",
                                          "besoins": d.besoins if d else "",
                                          "atout_niveau": str(d.atout_niveau if d else 0),
                                          "frein_niveau": str(d.frein_niveau if d else 0)})
        _preparer(form, libelles)
    else:
        form = DiagnosticForm()
        _preparer(form, libelles)
        if form.validate_on_submit():
            try:
                saisies = [services.SaisieDimension(e.form.code.data or "", e.form.situation.data or "",
                                                    e.form.atouts.data or "", _niveau(e.form.atout_niveau.data),
                                                    e.form.freins.data or "", _niveau(e.form.frein_niveau.data),
                                                    e.form.besoins.data or "") for e in form.dimensions]
                services.enregistrer(db.session, par=current_user, diagnostic=diag,
                                     date_diagnostic=form.date_diagnostic.data, hypotheses=form.hypotheses.data or "",
                                     paroles_personne=form.paroles_personne.data or "", saisies=saisies,
                                     aujourd_hui=aujourdhui(), version=int(form.version.data or 0))
            except ErreurMetier as exc:
                statut = 409 if exc.champ == "version" else 422
                attacher(form, exc if exc.champ != "version" else ErreurMetier(exc.message, None))
            except ValueError:
                statut = 422
                form.form_errors.append("Version invalide : rechargez la page.")
            else:
                flash(f"Diagnostic (version {diag.numero}) enregistré.", "succes")
                return redirect(url_for("accueil.diagnostic", personne_id=personne.id), 303)
        else:
            statut = 422
    return rendre("accueil/diagnostic_form.html", form=form, diagnostic=diag, personne=personne, statut=statut)


@bp.post("/diagnostics/<uuid:diagnostic_id>/validation")
def valider_diagnostic(diagnostic_id):
    diag, personne = charger(Diagnostic, diagnostic_id, modifier=True)
    form = _formulaire_validation()
    if form.validate_on_submit():
        try:
            services.valider(db.session, par=current_user, diagnostic=diag, personne=personne,
                             valide_le=form.valide_le.data, mode=form.validation_mode.data or None,
                             precisions=form.validation_precisions.data or "", aujourd_hui=aujourdhui())
        except ErreurMetier as exc:
            attacher(form, exc)
        else:
            flash(f"Version {diag.numero} du diagnostic validée avec la personne.", "succes")
            return redirect(url_for("accueil.diagnostic", personne_id=personne.id), 303)
    return rendre("accueil/diagnostic.html", **_contexte_page(personne, validation=form), statut=422)


@bp.get("/personnes/<uuid:personne_id>/diagnostic/comparaison")
def comparer_diagnostic(personne_id):
    personne = charger_personne(personne_id)
    versions = {v.numero: v for v in services.versions(db.session, personne.id)}
    try:
        a, b = int(request.args.get("a", "0")), int(request.args.get("b", "0"))
    except ValueError:
        a = b = 0
    numeros = sorted(versions)
    if a not in versions or b not in versions:
        a, b = (numeros[-2], numeros[-1]) if len(numeros) > 1 else (numeros[0], numeros[0]) if numeros else (0, 0)
    lignes = rules.comparer(services.etats(versions[a]), services.etats(versions[b])) if versions else []
    journaliser(db.session, acteur=current_user, action=Action.LECTURE, objet_type="diagnostic",
                objet_id=personne.id, details={"comparaison": [a, b]})
    return rendre("accueil/diagnostic_comparaison.html", personne=personne, versions=versions, a=a, b=b,
                  lignes=lignes, numeros=numeros)


# -- the structure's dimensions (admin) --------------------------------------------------
class DimensionAjoutForm(FlaskForm):
    libelle = _ligne("Nouvelle dimension", requis=True, longueur=120)


@bp.route("/dimensions", methods=["GET", "POST"])
def dimensions():
    policy.exiger(policy.peut_administrer(current_user))
    form = DimensionAjoutForm()
    statut = 200
    if request.method == "POST":
        statut = 422
        if form.validate_on_submit():
            try:
                d = services.ajouter_dimension(db.session, par=current_user, libelle=form.libelle.data)
            except ErreurMetier as exc:
                attacher(form, exc)
            else:
                flash(f"Dimension « {d.libelle} » ajoutée.", "succes")
                return redirect(url_for("accueil.dimensions"), 303)
    return rendre("accueil/dimensions.html", form=form, statut=statut,
                  lignes=services.liste_des_dimensions(db.session, current_user.structure_id))


@bp.post("/dimensions/<code>/bascule")
def basculer_dimension(code):
    policy.exiger(policy.peut_administrer(current_user))
    d = services.basculer_dimension(db.session, par=current_user, code=code[:40])
    flash(f"Dimension « {d.libelle} » {'réactivée' if d.active else 'retirée des nouveaux diagnostics'}.", "succes")
    return redirect(url_for("accueil.dimensions"), 303)
