"""Diagnostic partagé pages: the whole diagnostic on one page, versions, comparison,
« distance parcourue », validation by the person (the structure's
dimensions are edited on the one admin page of lists).
Nested blueprint `accueil.diagnostic`."""
from __future__ import annotations

from flask import Blueprint, abort, flash, request, url_for
from flask_login import current_user

from cipdesk.accueil.accueils import queries as accueils
from cipdesk.accueil.diagnostic import queries, rules, services
from cipdesk.accueil.diagnostic.forms import DiagnosticForm, NouvelleVersionForm, ValidationForm
from cipdesk.accueil.diagnostic.models import Diagnostic
from cipdesk.core.dates import aujourdhui, heure_fr, maintenant
from cipdesk.core.db import db
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import garde_personne
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import choix, rediriger, soumettre
from cipdesk.web.rendu import rendre

bp = Blueprint("diagnostic", __name__)


def _contexte_page(personne, validation=None, nouvelle=None):
    versions = queries.versions(db.session, personne.id)
    courante = versions[-1] if versions else None
    validees = [v for v in versions if v.est_valide]
    trajectoires = rules.distance_parcourue([queries.etats(v) for v in validees])
    if nouvelle is None:
        nouvelle = NouvelleVersionForm(formdata=None)
        nouvelle.date_diagnostic.data = aujourdhui()
    if validation is None:
        validation = ValidationForm(formdata=None)
        validation.valide_le.data = aujourdhui()
    return dict(personne=personne, versions=versions, courante=courante, validees=validees,
                trajectoires=trajectoires, numeros=[v.numero for v in validees], validation=validation,
                nouvelle=nouvelle, niveaux_frein=rules.NIVEAUX_FREIN, niveaux_atout=rules.NIVEAUX_ATOUT,
                points_svg=rules.points_svg, peut_modifier=garde_personne(db.session, current_user, personne, True))


@bp.get("/personnes/<uuid:personne_id>/diagnostic")
def voir(personne_id):
    personne = charger(Personne, personne_id)
    journaliser(db.session, acteur=current_user, action=Action.LECTURE, objet_type="diagnostic",
                objet_id=personne.id)
    return rendre("accueil/diagnostic/diagnostic.html", **_contexte_page(personne))


@bp.post("/personnes/<uuid:personne_id>/diagnostic/versions")
def nouvelle_version(personne_id):
    personne = charger(Personne, personne_id, modifier=True)
    form = NouvelleVersionForm()

    def _ouvrir():
        try:
            return services.ouvrir_version(db.session, par=current_user, personne=personne,
                                           le=form.date_diagnostic.data, aujourd_hui=aujourdhui())
        except ErreurMetier as exc:  # « a version is already in progress » concerns the whole form
            raise exc if exc.champ == "date_diagnostic" else ErreurMetier(exc.message, None) from None

    envoi = soumettre(form, _ouvrir)
    if envoi:
        return rediriger(url_for("accueil.diagnostic.modifier", diagnostic_id=envoi.resultat.id))
    return rendre("accueil/diagnostic/diagnostic.html", **_contexte_page(personne, nouvelle=form), statut=envoi.statut)


def _preparer(form: DiagnosticForm, libelles: dict[str, str]) -> None:
    for entree in form.dimensions:
        entree.form.atout_niveau.choices = choix((str(k), f"{k} — {v}") for k, v in rules.NIVEAUX_ATOUT.items())
        entree.form.frein_niveau.choices = choix((str(k), f"{k} — {v}") for k, v in rules.NIVEAUX_FREIN.items())
        entree.libelle = libelles.get(entree.form.code.data, entree.form.code.data)


def _niveau(valeur) -> int:
    try:
        return int(valeur or 0)
    except ValueError:
        raise ErreurMetier("Niveau hors de l'échelle 0 à 3.", "dimensions") from None


def _version(form) -> int:
    try:
        return int(form.version.data or 0)
    except ValueError:
        raise ErreurMetier("Version invalide : rechargez la page.", None) from None


def _preremplissage(personne, diag) -> tuple[dict[str, str], str]:
    """What the accueil noted, for the dimensions not written yet (nothing is saved until
    the conseiller saves): the urgencies' situation, the expressed demand."""
    urgences, demande = accueils.pour_le_diagnostic(db.session, personne.id)
    textes = rules.preremplissage([rules.UrgenceNotee(u.type_urgence.value, u.type_urgence.libelle, u.reperee_le,
                                                      u.contact or "", u.action or "", u.traitee_le)
                                   for u in urgences])
    deja = {d.dimension_code for d in diag.dimensions}
    return {c: t for c, t in textes.items() if c not in deja}, demande


def _renseignee(entree) -> bool:
    f = entree.form
    return bool(any((getattr(f, n).data or "").strip() for n in ("situation", "atouts", "freins", "besoins"))
                or (f.atout_niveau.data or "0") != "0" or (f.frein_niveau.data or "0") != "0")


@bp.route("/diagnostics/<uuid:diagnostic_id>/modifier", methods=["GET", "POST"])
def modifier(diagnostic_id):
    """The diagnostic during the meeting (issue #11, point 3): the dimensions of the day are
    unfolded, the others folded and kept as they were; « Enregistrer et continuer » saves that
    dimension alone (enregistrer_dimension); what the accueil noted pre-fills the dimensions it
    concerns; « Enregistrer le diagnostic » saves the whole page."""
    diag = charger(Diagnostic, diagnostic_id, modifier=True)
    personne = diag.personne
    if diag.est_valide:
        flash(rules.erreur_modification("valide"), "erreur")
        return rediriger(url_for("accueil.diagnostic.voir", personne_id=personne.id))
    structure = queries.dimensions_de_la_structure(db.session, personne.structure_id)
    libelles = dict(structure)
    libelles.update({d.dimension_code: d.dimension_libelle for d in diag.dimensions})
    preremplies: dict[str, str] = {}
    if request.method == "GET":
        preremplies, demande = _preremplissage(personne, diag)
        form = DiagnosticForm(formdata=None, date_diagnostic=diag.date_diagnostic, hypotheses=diag.hypotheses,
                              paroles_personne=diag.paroles_personne or demande, version=str(diag.version))
        existantes = {d.dimension_code: d for d in diag.dimensions}
        codes = [c for c, _l in structure] + [c for c in existantes if c not in dict(structure)]
        for code in codes:
            d = existantes.get(code)
            form.dimensions.append_entry({"code": code, "situation": d.situation if d else preremplies.get(code, ""),
                                          "atouts": d.atouts if d else "", "freins": d.freins if d else "",
                                          "besoins": d.besoins if d else "",
                                          "atout_niveau": str(d.atout_niveau if d else 0),
                                          "frein_niveau": str(d.frein_niveau if d else 0)})
        du_jour = request.args.getlist("du_jour")
    else:
        form = DiagnosticForm()
        du_jour = request.form.getlist("du_jour")
    _preparer(form, libelles)
    codes = [e.form.code.data for e in form.dimensions if e.form.code.data]  # a forged post may omit some
    renseignees = {e.form.code.data for e in form.dimensions if e.form.code.data and _renseignee(e)}
    ouvertes = rules.dimensions_ouvertes(codes, renseignees, set(preremplies), du_jour[:40])
    if request.method == "POST":  # shown again after an error: nothing typed stays folded
        ouvertes |= renseignees & set(codes)

    def _enregistrer():
        saisies = [services.SaisieDimension(e.form.code.data or "", e.form.situation.data or "",
                                            e.form.atouts.data or "", _niveau(e.form.atout_niveau.data),
                                            e.form.freins.data or "", _niveau(e.form.frein_niveau.data),
                                            e.form.besoins.data or "") for e in form.dimensions]
        return services.enregistrer(db.session, par=current_user, diagnostic=diag,
                                    date_diagnostic=form.date_diagnostic.data, hypotheses=form.hypotheses.data or "",
                                    paroles_personne=form.paroles_personne.data or "", saisies=saisies,
                                    aujourd_hui=aujourdhui(), version=_version(form))

    envoi = soumettre(form, _enregistrer)
    if envoi:
        return rediriger(url_for("accueil.diagnostic.voir", personne_id=personne.id),
                         f"Diagnostic (version {diag.numero}) enregistré.")
    return rendre("accueil/diagnostic/diagnostic_form.html", form=form, diagnostic=diag, personne=personne,
                  ouvertes=ouvertes, preremplies=preremplies, dimensions=[(c, libelles.get(c, c)) for c in codes],
                  statut=envoi.statut)


@bp.post("/diagnostics/<uuid:diagnostic_id>/dimensions/<code>")
def enregistrer_dimension(diagnostic_id, code: str):
    """« Enregistrer et continuer » on one dimension (issue #11, point 3): that dimension alone is
    saved, whatever else the page holds (the rest stays as it is in the database, and on the page
    as typed). With htmx the dimension is swapped in place and the page's version moves on
    (out of band); without JavaScript the whole page comes back with everything typed kept."""
    diag = charger(Diagnostic, diagnostic_id, modifier=True)
    personne = diag.personne
    if diag.est_valide:
        flash(rules.erreur_modification("valide"), "erreur")
        return rediriger(url_for("accueil.diagnostic.voir", personne_id=personne.id))
    libelles = dict(queries.dimensions_de_la_structure(db.session, personne.structure_id))
    libelles.update({d.dimension_code: d.dimension_libelle for d in diag.dimensions})
    form = DiagnosticForm()
    _preparer(form, libelles)
    if code not in libelles:
        abort(404)
    entree = next((e for e in form.dimensions if e.form.code.data == code), None)
    if entree is None:   # a forged or truncated post: nothing to save
        return "Cette dimension manque à l'envoi : rechargez la page.", 422
    form.validate()
    statut, message = 200, ""
    if entree.form.errors or form.csrf_token.errors:
        statut = 422
        message = "La dimension n'est pas enregistrée : corrigez les champs signalés."
    else:
        try:
            services.enregistrer_dimension(
                db.session, par=current_user, diagnostic=diag, ordre=list(libelles).index(code),
                saisie=services.SaisieDimension(code, entree.form.situation.data or "", entree.form.atouts.data or "",
                                                _niveau(entree.form.atout_niveau.data), entree.form.freins.data or "",
                                                _niveau(entree.form.frein_niveau.data), entree.form.besoins.data or ""),
                version=_version(form))
            form.version.data = str(diag.version)
            message = (f"« {libelles[code]} » enregistrée (brouillon, à {heure_fr(maintenant())}). "
                       "Continuez ou validez avec la personne.")
        except ErreurMetier as exc:
            statut, message = (409 if exc.champ == "version" else 422), exc.message
    codes = [e.form.code.data for e in form.dimensions if e.form.code.data]
    renseignees = {e.form.code.data for e in form.dimensions if e.form.code.data and _renseignee(e)}
    ouvertes = (set(request.form.getlist("du_jour")) | renseignees | {code}) & set(codes)
    return rendre("accueil/diagnostic/diagnostic_form.html", fragment="accueil/diagnostic/_dimension_enregistree.html",
                  form=form, diagnostic=diag, personne=personne, ouvertes=ouvertes, preremplies={},
                  dimensions=[(c, libelles.get(c, c)) for c in codes], e=entree, code=code,
                  message=message, message_erreur=statut != 200, message_de=code, statut=statut)


@bp.post("/diagnostics/<uuid:diagnostic_id>/validation")
def valider(diagnostic_id):
    diag = charger(Diagnostic, diagnostic_id, modifier=True)
    personne = diag.personne
    form = ValidationForm()
    envoi = soumettre(form, lambda: services.valider(
        db.session, par=current_user, diagnostic=diag, personne=personne, valide_le=form.valide_le.data,
        mode=form.validation_mode.data or None, precisions=form.validation_precisions.data or "",
        aujourd_hui=aujourdhui()))
    if envoi:
        return rediriger(url_for("accueil.diagnostic.voir", personne_id=personne.id),
                         f"Version {diag.numero} du diagnostic validée avec la personne.")
    return rendre("accueil/diagnostic/diagnostic.html", **_contexte_page(personne, validation=form),
                  statut=envoi.statut)


@bp.get("/personnes/<uuid:personne_id>/diagnostic/comparaison")
def comparer(personne_id):
    personne = charger(Personne, personne_id)
    versions = {v.numero: v for v in queries.versions(db.session, personne.id)}
    try:
        a, b = int(request.args.get("a", "0")), int(request.args.get("b", "0"))
    except ValueError:
        a = b = 0
    numeros = sorted(versions)
    if a not in versions or b not in versions:
        a, b = (numeros[-2], numeros[-1]) if len(numeros) > 1 else (numeros[0], numeros[0]) if numeros else (0, 0)
    lignes = rules.comparer(queries.etats(versions[a]), queries.etats(versions[b])) if versions else []
    journaliser(db.session, acteur=current_user, action=Action.LECTURE, objet_type="diagnostic",
                objet_id=personne.id, details={"comparaison": [a, b]})
    return rendre("accueil/diagnostic/diagnostic_comparaison.html", personne=personne, versions=versions, a=a, b=b,
                  lignes=lignes, numeros=numeros)
