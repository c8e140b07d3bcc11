"""Pages of the parcours: the contract, étapes, entretiens (projet, plan d'action
and exit in routes_projet.py). Every object is loaded through a structure-scoped
check (404) then a policy question (403)."""
from __future__ import annotations

import uuid

from flask import Blueprint, flash, make_response, redirect, request, url_for
from flask_login import current_user
from sqlalchemy import select

from cipdesk.accueil.queries import freins_du_dernier_diagnostic
from cipdesk.personnes.queries import alertes_pour
from cipdesk.comptes.models import Role, Utilisateur
from cipdesk.core.db import db
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.notes.models import NoteConfidentielle
from cipdesk.notes.services import lire_note
from cipdesk.parcours import etapes as etapes_services
from cipdesk.parcours import listes, queries, services
from cipdesk.parcours.forms import (ContratForm, EntretienForm, EtapeForm, OuvertureForm,
                                    ReajustementForm, SignatureForm, StatutEtapeForm, SuiviForm)
from cipdesk.parcours.models import Entretien, Etape, NatureVersion, Parcours
from cipdesk.parcours.rules import (CRITERE_COHERENCE, MOTIFS_SORTIE, TRANSITIONS_ETAPE, echeances_suivi, ModeEntretien, Responsable,
                                    StatutEtape, TypeEntretien)
from cipdesk.security import policy
from cipdesk.web.formulaires import choix
from cipdesk.web.rendu import rendre

bp = Blueprint("parcours", __name__, url_prefix="/parcours")


# -- loading: 404 outside the structure, 403 when the policy says no ----------------
def _exiger(personne, *, modifier: bool) -> None:
    contexte = queries.contexte_acces(db.session, personne)
    policy.exiger(policy.peut_voir_parcours(current_user, personne, **contexte))
    if modifier:
        policy.exiger(policy.peut_modifier_parcours(current_user, personne, **contexte))


def charger_parcours(parcours_id: uuid.UUID, *, modifier: bool = False, complet: bool = False) -> Parcours:
    parcours = (queries.parcours_complet(db.session, parcours_id) if complet
                else db.session.get(Parcours, parcours_id))
    policy.verifier_structure(current_user, parcours)
    _exiger(parcours.personne, modifier=modifier)
    return parcours


def charger(modele, objet_id: uuid.UUID, *, modifier: bool = False):
    """An object hanging from a parcours (étape, entretien…)."""
    objet = policy.verifier_structure(current_user, db.session.get(modele, objet_id))
    _exiger(objet.parcours.personne, modifier=modifier)
    return objet


def attacher(form, exc: ErreurMetier) -> int:
    """Put the business error beside its field; a stale version answers 409."""
    champ = getattr(form, exc.champ, None) if exc.champ and exc.champ != "version" else None
    (champ.errors if champ is not None else form.form_errors).append(exc.message)
    return 409 if exc.champ == "version" else 422


def soumettre(form, appel):
    """Validate the form and call the service: (result or None, HTTP status)."""
    if not form.validate_on_submit():
        return None, (422 if request.method == "POST" else 200)
    try:
        return appel(), 200
    except ErreurMetier as exc:
        return None, attacher(form, exc)


def en_enum(enum_type, valeur, defaut=None):
    """The member of `enum_type` whose value is `valeur`, else `defaut`."""
    try:
        return enum_type(valeur)
    except ValueError:
        return defaut


def version_du(form) -> int | None:
    try:
        return int(form.version.data)
    except (TypeError, ValueError):
        return None


def parametres() -> dict:
    return current_user.structure.parametres or {}


def choix_liste(liste: str, actuel: str | None = None, vide: str | None = None):
    """Active values; the current (possibly retired) value stays selectable on its record."""
    paires = listes.actives(parametres(), liste)
    if actuel and actuel not in {c for c, _l in paires}:
        paires.append((actuel, f"{listes.libelle(parametres(), liste, actuel) or actuel} (retiré)"))
    return choix(([("", vide)] if vide is not None else []) + paires)


# -- list and opening ---------------------------------------------------------------
@bp.get("/")
def index():
    policy.exiger(current_user.role in (Role.CONSEILLER, Role.CHEF_DE_SERVICE))
    tous = queries.liste_parcours(db.session, current_user)
    alertes = alertes_pour(db.session, [p.personne_id for p in tous if p.est_ouvert], services.aujourdhui())
    sans_parcours = []
    if current_user.role == Role.CONSEILLER:
        avec = {p.personne_id for p in tous if p.est_ouvert}
        sans_parcours = [p for p in queries.personnes_suivies(db.session, current_user) if p.id not in avec]
    return rendre("parcours/index.html", ouverts=[p for p in tous if p.est_ouvert],
                  clos=[p for p in tous if not p.est_ouvert], alertes=alertes, sans_parcours=sans_parcours)


@bp.route("/personnes/<uuid:personne_id>/ouvrir", methods=["GET", "POST"])
def ouvrir(personne_id):
    personne = policy.verifier_structure(
        current_user, queries.personne_de_la_structure(db.session, current_user, personne_id))
    _exiger(personne, modifier=True)
    form = OuvertureForm()
    form.dispositif_code.choices = choix_liste("dispositif")
    conseillers = db.session.scalars(select(Utilisateur).where(
        Utilisateur.structure_id == current_user.structure_id, Utilisateur.role == Role.CONSEILLER,
        Utilisateur.actif.is_(True)).order_by(Utilisateur.nom, Utilisateur.prenom)).all()
    form.referent_id.choices = choix((u.id, u.nom_complet) for u in conseillers)
    if request.method == "GET":
        form.referent_id.data = str(personne.referent_id or current_user.id)
        form.debut.data = services.aujourdhui()

    def appel():
        referent = next((u for u in conseillers if str(u.id) == form.referent_id.data), None)
        if referent is None:
            raise ErreurMetier("Choisissez un·e conseiller·ère de la structure.", "referent_id")
        return services.ouvrir_parcours(
            db.session, personne, par=current_user, dispositif_code=form.dispositif_code.data,
            debut=form.debut.data, fin_prevue=form.fin_prevue.data, objectifs=form.objectifs.data,
            engagements_personne=form.engagements_personne.data,
            engagements_structure=form.engagements_structure.data, referent=referent)

    parcours, statut = soumettre(form, appel)
    if parcours:
        flash("Parcours ouvert. Imprimez le contrat pour signature.", "succes")
        return redirect(url_for("parcours.voir", parcours_id=parcours.id), 303)
    freins = freins_du_dernier_diagnostic(db.session, personne.id)
    return rendre("parcours/ouvrir.html", form=form, personne=personne, freins=freins, statut=statut)


@bp.get("/personnes/<uuid:personne_id>")
def de_la_personne(personne_id):
    """From the person page: their parcours in progress (or latest), else the contract form."""
    personne = policy.verifier_structure(
        current_user, queries.personne_de_la_structure(db.session, current_user, personne_id))
    _exiger(personne, modifier=False)
    tous = queries.parcours_de_la_personne(db.session, personne.id)
    if tous:
        courant = next((p for p in tous if p.est_ouvert), tous[0])
        return redirect(url_for("parcours.voir", parcours_id=courant.id), 303)
    _exiger(personne, modifier=True)
    return redirect(url_for("parcours.ouvrir", personne_id=personne.id), 303)


# -- the parcours page ----------------------------------------------------------------
@bp.get("/<uuid:parcours_id>")
def voir(parcours_id):
    parcours = charger_parcours(parcours_id, complet=True)
    peut_modifier = policy.peut_modifier_parcours(
        current_user, parcours.personne, **queries.contexte_acces(db.session, parcours.personne))
    coherence = etapes_services.coherence_du_parcours(db.session, parcours)
    alertes = alertes_pour(db.session, [parcours.personne_id], services.aujourdhui()).get(parcours.personne_id, []) \
        if parcours.est_ouvert else []
    signature = SignatureForm(formdata=None)
    signature.signe_le.data = services.aujourdhui()
    suivi_form = SuiviForm(formdata=None)
    suivi_form.fait_le.data = services.aujourdhui()
    return rendre("parcours/voir.html", fragment="parcours/_etapes.html", parcours=parcours,
                  suivi_form=suivi_form, motifs_sortie=MOTIFS_SORTIE, echeances_suivi=echeances_suivi,
                  coherence=coherence, critere_coherence=CRITERE_COHERENCE, alertes=alertes,
                  peut_modifier=peut_modifier, signature=signature, StatutEtape=StatutEtape,
                  libelles_champs=etapes_services.LIBELLES_CHAMPS)


@bp.route("/<uuid:parcours_id>/contrat", methods=["GET", "POST"])
def contrat(parcours_id):
    parcours = charger_parcours(parcours_id, modifier=True)
    form = ContratForm()
    form.dispositif_code.choices = choix_liste("dispositif", parcours.dispositif_code)
    if request.method == "GET":
        form.process(obj=parcours)
        form.version.data = str(parcours.version)
        form.le.data = services.aujourdhui()
        form.nature.data = NatureVersion.AVENANT.value
    resultat, statut = soumettre(form, lambda: services.modifier_contrat(
        db.session, parcours, par=current_user, version=version_du(form),
        nature=NatureVersion(form.nature.data) if form.nature.data in ("avenant", "renouvellement")
        else NatureVersion.INITIAL,
        motif=form.motif.data, le=form.le.data, dispositif_code=form.dispositif_code.data,
        fin_prevue=form.fin_prevue.data, objectifs=form.objectifs.data,
        engagements_personne=form.engagements_personne.data,
        engagements_structure=form.engagements_structure.data))
    if resultat:
        flash(f"{resultat.nature.libelle} n° {resultat.numero} enregistré : imprimez-le pour signature.", "succes")
        return redirect(url_for("parcours.voir", parcours_id=parcours.id), 303)
    return rendre("parcours/contrat.html", form=form, parcours=parcours, statut=statut)


@bp.post("/<uuid:parcours_id>/signature")
def signature(parcours_id):
    parcours = charger_parcours(parcours_id, modifier=True)
    form = SignatureForm()
    resultat, statut = soumettre(form, lambda: services.enregistrer_signature(
        db.session, parcours, par=current_user, signe_le=form.signe_le.data) or True)
    if resultat:
        flash("Date de signature enregistrée.", "succes")
    else:
        flash("Signature non enregistrée : " + "; ".join(
            [*form.signe_le.errors, *form.form_errors]), "erreur")
    return redirect(url_for("parcours.voir", parcours_id=parcours.id), 303)


@bp.get("/<uuid:parcours_id>/contrat.pdf")
def contrat_pdf(parcours_id):
    from cipdesk.parcours.pdf import contrat_en_pdf
    from cipdesk.security.audit import Action, journaliser

    parcours = charger_parcours(parcours_id)
    contenu = contrat_en_pdf(parcours, current_user.structure)
    journaliser(db.session, acteur=current_user, action=Action.EXPORT, objet_type="parcours",
                objet_id=parcours.id, details={"document": "contrat"})
    reponse = make_response(contenu)
    reponse.headers["Content-Type"] = "application/pdf"
    reponse.headers["Content-Disposition"] = f'inline; filename="contrat-{parcours.id.hex[:8]}.pdf"'
    return reponse


# -- étapes ---------------------------------------------------------------------------
def _choix_etape(form, parcours, etape=None):
    form.type_code.choices = choix_liste("type_etape", etape.type_code if etape else None)
    freins = freins_du_dernier_diagnostic(db.session, parcours.personne_id)
    paires = [(f.dimension_code, f"{f.dimension_libelle} : {f.libelle}") for f in freins]
    if etape and etape.frein_dimension_code and etape.frein_dimension_code not in {c for c, _l in paires}:
        paires.append((etape.frein_dimension_code, etape.frein_libelle))
    form.frein_dimension_code.choices = choix([("", "— aucun (répond à un objectif) —"), *paires])
    return freins


@bp.route("/<uuid:parcours_id>/etapes", methods=["GET", "POST"])
def nouvelle_etape(parcours_id):
    parcours = charger_parcours(parcours_id, modifier=True)
    form = EtapeForm()
    freins = _choix_etape(form, parcours)
    etape, statut = soumettre(form, lambda: etapes_services.ajouter_etape(
        db.session, parcours, par=current_user, type_code=form.type_code.data, intitule=form.intitule.data,
        responsable=en_enum(Responsable, form.responsable.data, Responsable.PERSONNE), partenaire=form.partenaire.data, echeance=form.echeance.data,
        frein_dimension_code=form.frein_dimension_code.data or "", objectif=form.objectif.data))
    if etape:
        flash(f"Étape « {etape.intitule} » ajoutée.", "succes")
        return redirect(url_for("parcours.voir", parcours_id=parcours.id) + "#etapes", 303)
    return rendre("parcours/etape.html", form=form, parcours=parcours, freins=freins, etape=None,
                  statut=statut)


@bp.route("/etapes/<uuid:etape_id>/reajuster", methods=["GET", "POST"])
def reajuster(etape_id):
    etape = charger(Etape, etape_id, modifier=True)
    parcours = etape.parcours
    form = ReajustementForm()
    freins = _choix_etape(form, parcours, etape)
    if request.method == "GET":
        form.process(obj=etape)
        form.responsable.data = etape.responsable.value
        form.version.data = str(etape.version)
        form.le.data = services.aujourdhui()
        form.motif.data = ""
    champs = {c: getattr(form, c).data for c in etapes_services.CHAMPS_REAJUSTABLES}
    champs["responsable"] = en_enum(Responsable, champs.get("responsable"), etape.responsable)
    champs["frein_dimension_code"] = champs["frein_dimension_code"] or ""
    champs["partenaire"] = champs["partenaire"] or ""
    champs["objectif"] = champs["objectif"] or ""
    resultat, statut = soumettre(form, lambda: etapes_services.reajuster_etape(
        db.session, etape, par=current_user, motif=form.motif.data, le=form.le.data,
        version=version_du(form), **champs))
    if resultat:
        flash("Étape réajustée : le motif et les changements sont gardés dans son historique.", "succes")
        return redirect(url_for("parcours.voir", parcours_id=parcours.id) + "#etapes", 303)
    return rendre("parcours/etape.html", form=form, parcours=parcours, freins=freins, etape=etape,
                  statut=statut)


@bp.route("/etapes/<uuid:etape_id>/statut", methods=["GET", "POST"])
def statut_etape(etape_id):
    etape = charger(Etape, etape_id, modifier=True)
    form = StatutEtapeForm()
    form.statut.choices = choix((s.value, s.libelle) for s in StatutEtape
                                if s in TRANSITIONS_ETAPE[etape.statut])
    if request.method == "GET":
        form.version.data = str(etape.version)
        form.le.data = services.aujourdhui()
    resultat, statut = soumettre(form, lambda: etapes_services.changer_statut(
        db.session, etape, par=current_user,
        statut=en_enum(StatutEtape, form.statut.data, etape.statut),
        le=form.le.data, motif=form.motif.data or "", version=version_du(form)))
    if resultat:
        flash(f"Étape « {etape.intitule} » : {etape.statut.libelle.lower()}.", "succes")
        return redirect(url_for("parcours.voir", parcours_id=etape.parcours_id) + "#etapes", 303)
    return rendre("parcours/statut_etape.html", form=form, etape=etape, parcours=etape.parcours,
                  statut=statut)


# -- entretiens -----------------------------------------------------------------------
@bp.route("/<uuid:parcours_id>/entretiens", methods=["GET", "POST"])
def nouvel_entretien(parcours_id):
    parcours = charger_parcours(parcours_id, modifier=True)
    form = EntretienForm()
    if request.method == "GET":
        form.le.data = services.aujourdhui()
        form.type_entretien.data = TypeEntretien.SUIVI.value if parcours.entretiens else \
            TypeEntretien.CONTRACTUALISATION.value
    entretien, statut = soumettre(form, lambda: services.ajouter_entretien(
        db.session, parcours, par=current_user, le=form.le.data, duree_minutes=form.duree_minutes.data,
        mode=en_enum(ModeEntretien, form.mode.data, ModeEntretien.PRESENTIEL),
        type_entretien=en_enum(TypeEntretien, form.type_entretien.data, TypeEntretien.SUIVI),
        objectif=form.objectif.data, synthese=form.synthese.data, progres=form.progres.data,
        decisions=form.decisions.data, prochaines_actions=form.prochaines_actions.data,
        prochain_rdv_le=form.prochain_rdv_le.data, note=form.note.data or ""))
    if entretien:
        flash("Entretien enregistré" + (" avec sa note confidentielle (chiffrée)." if entretien.note_id else "."),
              "succes")
        return redirect(url_for("parcours.voir", parcours_id=parcours.id) + "#entretiens", 303)
    return rendre("parcours/entretien_form.html", form=form, parcours=parcours, statut=statut)


@bp.get("/entretiens/<uuid:entretien_id>")
def entretien(entretien_id):
    entretien = charger(Entretien, entretien_id)
    texte, lisible, note = None, True, None
    if entretien.note_id:
        note = db.session.get(NoteConfidentielle, entretien.note_id)
        if note is not None and policy.peut_lire_note(current_user, note, note.lecteurs_ids):
            texte, lisible = lire_note(db.session, lecteur=current_user, note=note)  # audited
    return rendre("parcours/entretien.html", entretien=entretien, parcours=entretien.parcours,
                  note=note, texte=texte, lisible=lisible)


from cipdesk.parcours import routes_projet  # noqa: E402,F401  (same blueprint)
