"""Pages of the étapes: add, réajuster, change of status (each change logged)."""
from __future__ import annotations

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.accueil.queries import freins_du_dernier_diagnostic
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.etapes import services
from cipdesk.parcours.etapes.forms import EtapeForm, ReajustementForm, StatutEtapeForm
from cipdesk.parcours.etapes.models import Etape
from cipdesk.parcours.etapes.rules import TRANSITIONS_ETAPE, Responsable, StatutEtape
from cipdesk.parcours.forms import en_enum
from cipdesk.web.listes import choix_liste
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import choix, rediriger, soumettre, version_du
from cipdesk.web.rendu import rendre

bp = Blueprint("etapes", __name__)


def _choix_etape(form, parcours, etape=None):
    form.type_code.choices = choix_liste("type_etape", etape.type_code if etape else None)
    freins = freins_du_dernier_diagnostic(db.session, parcours.personne_id)
    paires = [(f.dimension_code, f"{f.dimension_libelle} : {f.libelle}") for f in freins]
    if etape and etape.frein_dimension_code and etape.frein_dimension_code not in {c for c, _l in paires}:
        paires.append((etape.frein_dimension_code, etape.frein_libelle))
    form.frein_dimension_code.choices = choix([("", "— aucun (répond à un objectif) —"), *paires])
    return freins


def _vers_les_etapes(parcours_id, message):
    return rediriger(url_for("parcours.contrat.voir", parcours_id=parcours_id) + "#etapes", message)


@bp.route("/<uuid:parcours_id>/etapes", methods=["GET", "POST"])
def nouvelle(parcours_id):
    parcours = charger(Parcours, parcours_id, modifier=True)
    form = EtapeForm()
    freins = _choix_etape(form, parcours)
    envoi = soumettre(form, lambda: services.ajouter_etape(
        db.session, parcours, par=current_user, type_code=form.type_code.data, intitule=form.intitule.data,
        responsable=en_enum(Responsable, form.responsable.data, Responsable.PERSONNE),
        partenaire=form.partenaire.data, echeance=form.echeance.data,
        frein_dimension_code=form.frein_dimension_code.data or "", objectif=form.objectif.data,
        le=aujourdhui()))
    if envoi:
        return _vers_les_etapes(parcours.id, f"Étape « {envoi.resultat.intitule} » ajoutée.")
    return rendre("parcours/etapes/etape.html", form=form, parcours=parcours, freins=freins, etape=None,
                  statut=envoi.statut)


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
        form.le.data = aujourdhui()
        form.motif.data = ""
    champs = {c: getattr(form, c).data for c in services.CHAMPS_REAJUSTABLES}
    champs["responsable"] = en_enum(Responsable, champs.get("responsable"), etape.responsable)
    champs["frein_dimension_code"] = champs["frein_dimension_code"] or ""
    champs["partenaire"] = champs["partenaire"] or ""
    champs["objectif"] = champs["objectif"] or ""
    envoi = soumettre(form, lambda: services.reajuster_etape(
        db.session, etape, par=current_user, motif=form.motif.data, le=form.le.data,
        version=version_du(form), **champs))
    if envoi:
        return _vers_les_etapes(parcours.id,
                                "Étape réajustée : le motif et les changements sont gardés dans son historique.")
    return rendre("parcours/etapes/etape.html", form=form, parcours=parcours, freins=freins, etape=etape,
                  statut=envoi.statut)


@bp.route("/etapes/<uuid:etape_id>/statut", methods=["GET", "POST"])
def statut(etape_id):
    etape = charger(Etape, etape_id, modifier=True)
    form = StatutEtapeForm()
    form.statut.choices = choix((s.value, s.libelle) for s in StatutEtape
                                if s in TRANSITIONS_ETAPE[etape.statut])
    if request.method == "GET":
        form.version.data = str(etape.version)
        form.le.data = aujourdhui()
    envoi = soumettre(form, lambda: services.changer_statut(
        db.session, etape, par=current_user,
        statut=en_enum(StatutEtape, form.statut.data, etape.statut),
        le=form.le.data, motif=form.motif.data or "", version=version_du(form), aujourd_hui=aujourdhui()))
    if envoi:
        return _vers_les_etapes(etape.parcours_id, f"Étape « {etape.intitule} » : {etape.statut.libelle.lower()}.")
    return rendre("parcours/etapes/statut_etape.html", form=form, etape=etape, parcours=etape.parcours,
                  statut=envoi.statut)
