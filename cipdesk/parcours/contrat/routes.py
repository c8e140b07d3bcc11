"""Pages of the contract: the list of parcours, opening, avenant / renouvellement,
signature and the PDF (the parcours page itself, which shows the étapes, entretiens
and exit too, is assembled by `cipdesk/parcours/page.py`). Every record is reached through the one loader (web.chargement)."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, request, url_for
from flask_login import current_user

from cipdesk.accueil.queries import freins_du_dernier_diagnostic
from cipdesk.core import listes
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.parcours.contrat import queries, services
from cipdesk.parcours.contrat.forms import ContratForm, OuvertureForm, SignatureForm
from cipdesk.parcours.contrat.models import NatureVersion, Parcours
from cipdesk.web.listes import choix_liste
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import alertes_pour, conseillers_de_la_structure, garde_personne
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import avec_vide, rediriger, soumettre, version_du
from cipdesk.web.pdf import reponse_pdf
from cipdesk.web.rendu import rendre

bp = Blueprint("contrat", __name__)


def charger_parcours(parcours_id, *, modifier: bool = False, complet: bool = False) -> Parcours:
    """The one loader, with the parcours page's eager loads when `complet`."""
    objet = queries.parcours_complet(db.session, parcours_id) if complet else None
    return charger(Parcours, parcours_id, modifier=modifier, objet=objet)


# -- list and opening ---------------------------------------------------------------
@bp.get("/")
def index():
    policy.exiger(policy.peut_voir_file_active(current_user))
    tous = queries.liste_parcours(db.session, current_user)
    ouverts = [p for p in tous if p.est_ouvert]
    alertes = alertes_pour(db.session, [p.personne_id for p in ouverts], aujourdhui())
    sans_parcours = []
    if policy.est_conseiller(current_user):
        avec = {p.personne_id for p in ouverts}
        sans_parcours = [p for p in queries.personnes_suivies(db.session, current_user) if p.id not in avec]
    return rendre("parcours/index.html", ouverts=ouverts, clos=[p for p in tous if not p.est_ouvert],
                  alertes=alertes, sans_parcours=sans_parcours)


def _engagements_du_modele(form) -> None:
    """Choosing a dispositif (GET ?dispositif_code=…, sent by htmx on change) fills the
    engagements from its template (issue #11, point 4), unless the conseiller already wrote
    their own text there (anything that is not one of the templates is kept)."""
    code = request.args.get("dispositif_code", "")[:60]
    valeurs = listes.valeurs(db.session, current_user.structure_id, "dispositif")
    if code not in dict(listes.actives(valeurs)):
        return
    form.dispositif_code.data = code
    modeles = [v.modele for v in valeurs]
    for champ, texte in listes.modele(valeurs, code).items():
        saisi = request.args.get(champ, "")[:5000]
        propre = saisi.strip() and all(saisi.strip() != m.get(champ, "").strip() for m in modeles)
        getattr(form, champ).data = saisi if propre else texte


@bp.route("/personnes/<uuid:personne_id>/ouvrir", methods=["GET", "POST"])
def ouvrir(personne_id):
    personne = charger(Personne, personne_id, modifier=True)
    form = OuvertureForm()
    form.dispositif_code.choices = choix_liste("dispositif", vide="— choisir —")
    conseillers = conseillers_de_la_structure(db.session, current_user.structure_id)
    form.referent_id.choices = avec_vide((u.id, u.nom_complet) for u in conseillers)
    if request.method == "GET":
        form.referent_id.data = str(personne.referent_id or current_user.id)
        form.debut.data = aujourdhui()
        _engagements_du_modele(form)

    def ouvrir_le_parcours():
        referent = next((u for u in conseillers if str(u.id) == form.referent_id.data), None)
        if referent is None:
            raise ErreurMetier("Choisissez un·e conseiller·ère de la structure.", "referent_id")
        return services.ouvrir_parcours(
            db.session, personne, par=current_user, dispositif_code=form.dispositif_code.data,
            debut=form.debut.data, fin_prevue=form.fin_prevue.data, objectifs=form.objectifs.data,
            engagements_personne=form.engagements_personne.data,
            engagements_structure=form.engagements_structure.data, referent=referent)

    envoi = soumettre(form, ouvrir_le_parcours)
    if envoi:
        return rediriger(url_for("parcours.contrat.voir", parcours_id=envoi.resultat.id),
                         "Parcours ouvert. Imprimez le contrat pour signature.")
    freins = freins_du_dernier_diagnostic(db.session, personne.id)
    return rendre("parcours/contrat/ouvrir.html", form=form, personne=personne, freins=freins,
                  statut=envoi.statut)


@bp.get("/personnes/<uuid:personne_id>")
def de_la_personne(personne_id):
    """From the person page: their parcours in progress (or latest), else the contract form."""
    personne = charger(Personne, personne_id)
    tous = queries.parcours_de_la_personne(db.session, personne.id)
    if tous:
        courant = next((p for p in tous if p.est_ouvert), tous[0])
        return redirect(url_for("parcours.contrat.voir", parcours_id=courant.id), 303)
    policy.exiger(garde_personne(db.session, current_user, personne, True))
    return redirect(url_for("parcours.contrat.ouvrir", personne_id=personne.id), 303)


@bp.route("/<uuid:parcours_id>/contrat", methods=["GET", "POST"])
def modifier(parcours_id):
    parcours = charger_parcours(parcours_id, modifier=True)
    form = ContratForm()
    form.dispositif_code.choices = choix_liste("dispositif", parcours.dispositif_code)
    if request.method == "GET":
        form.process(obj=parcours)
        form.version.data = str(parcours.version)
        form.le.data = aujourdhui()
        form.nature.data = NatureVersion.AVENANT.value
    envoi = soumettre(form, lambda: services.modifier_contrat(
        db.session, parcours, par=current_user, version=version_du(form),
        nature=NatureVersion(form.nature.data) if form.nature.data in ("avenant", "renouvellement")
        else NatureVersion.INITIAL,
        motif=form.motif.data, le=form.le.data, dispositif_code=form.dispositif_code.data,
        fin_prevue=form.fin_prevue.data, objectifs=form.objectifs.data,
        engagements_personne=form.engagements_personne.data,
        engagements_structure=form.engagements_structure.data))
    if envoi:
        version = envoi.resultat
        return rediriger(url_for("parcours.contrat.voir", parcours_id=parcours.id),
                         f"{version.nature.libelle} n° {version.numero} enregistré : imprimez-le pour signature.")
    return rendre("parcours/contrat/contrat.html", form=form, parcours=parcours, statut=envoi.statut)


@bp.post("/<uuid:parcours_id>/signature")
def signature(parcours_id):
    parcours = charger_parcours(parcours_id, modifier=True)
    form = SignatureForm()
    envoi = soumettre(form, lambda: services.enregistrer_signature(
        db.session, parcours, par=current_user, signe_le=form.signe_le.data, aujourd_hui=aujourdhui()) or True)
    if envoi:
        flash("Date de signature enregistrée.", "succes")
    else:
        flash("Signature non enregistrée : " + "; ".join(
            [*form.signe_le.errors, *form.form_errors]), "erreur")
    return redirect(url_for("parcours.contrat.voir", parcours_id=parcours.id), 303)


@bp.get("/<uuid:parcours_id>/contrat.pdf")
def pdf(parcours_id):
    from cipdesk.parcours.contrat.pdf import contrat_en_pdf
    from cipdesk.security.audit import Action, journaliser

    parcours = charger_parcours(parcours_id)
    contenu = contrat_en_pdf(parcours, current_user.structure)
    journaliser(db.session, acteur=current_user, action=Action.EXPORT, objet_type="parcours",
                objet_id=parcours.id, details={"document": "contrat"})
    return reponse_pdf(contenu, f"contrat-{parcours.id.hex[:8]}.pdf", en_ligne=True)


@bp.get("/<uuid:parcours_id>/contrat.docx")
def docx(parcours_id):
    """The contract as an editable document (issue #19, point 6), journalled like its PDF."""
    from flask import make_response

    from cipdesk.parcours.contrat.pdf import contrat_en_docx
    from cipdesk.security.audit import Action, journaliser

    parcours = charger_parcours(parcours_id)
    contenu = contrat_en_docx(parcours, current_user.structure)
    journaliser(db.session, acteur=current_user, action=Action.EXPORT, objet_type="parcours",
                objet_id=parcours.id, details={"document": "contrat", "format": "docx"})
    reponse = make_response(contenu)
    reponse.headers["Content-Type"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    reponse.headers["Content-Disposition"] = f'attachment; filename="contrat-{parcours.id.hex[:8]}.docx"'
    reponse.headers["Cache-Control"] = "no-store"
    return reponse
