"""Analyses de pratique and practice groups: views load, parse, call one service, render."""
from __future__ import annotations

import uuid

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.pratique.analyses import queries, rules, services
from cipdesk.pratique.analyses.forms import ActionForm, AnalyseForm, PartageSeanceForm, SeanceForm
from cipdesk.pratique.analyses.models import AnalysePratique, SeanceAnalyse, TypeSeance
from cipdesk.security import policy
from cipdesk.web.champs import en_enum
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import avec_vide, choix, rediriger, soumettre, version_du
from cipdesk.web.rendu import rendre

bp = Blueprint("analyses", __name__)


def _uuid(valeur):
    try:
        return uuid.UUID(valeur or "")
    except ValueError:
        return None


def _cible(form) -> tuple[str, uuid.UUID | None]:
    objet_type = form.objet_type.data or ""
    return (objet_type, _uuid(form.objet_id.data)) if objet_type in queries.types_rattachables() else ("", None)


def _controles(form):
    return lambda: services.controles(db.session, current_user, form.valeurs(), form.situation_le.data,
                                      aujourd_hui=aujourdhui(), confirmer_noms=form.confirmer_noms.data)


def _noms_signales(form) -> bool:
    return any(m.startswith("Un nom de votre file active") for champ in form for m in champ.errors)


@bp.route("/analyses/nouvelle", methods=["GET", "POST"])
def nouvelle():
    policy.exiger(policy.peut(current_user, "pratique.analyser"))
    form = AnalyseForm()
    if request.method == "GET":
        form.objet_type.data, form.objet_id.data = request.args.get("objet_type", ""), request.args.get("objet_id", "")
    objet_type, objet_id = _cible(form)
    soumission = soumettre(form, lambda: services.ecrire_analyse(
        db.session, auteur=current_user, valeurs=form.valeurs(), situation_le=form.situation_le.data,
        aujourd_hui=aujourdhui(), objet_type=objet_type, objet_id=objet_id,
        confirmer_noms=form.confirmer_noms.data), valider=_controles(form))
    if soumission:
        return rediriger(url_for("pratique.analyses.voir", analyse_id=soumission.resultat.id),
                         "Analyse de pratique enregistrée (chiffrée, visible de vous seul·e).")
    return rendre("pratique/analyses/form.html", form=form, analyse=None, statut=soumission.statut,
                  cible=queries.types_rattachables().get(objet_type, ""), noms_signales=_noms_signales(form))


@bp.get("/analyses/<uuid:analyse_id>")
def voir(analyse_id):
    analyse = charger(AnalysePratique, analyse_id)
    return _page(analyse)


def _page(analyse, *, partage_seance=None, erreur_partage="", statut=200):
    valeurs, lisible = queries.lire_analyse(db.session, lecteur=current_user, analyse=analyse)
    est_auteur = analyse.auteur_id == current_user.id
    partage_seance = partage_seance or PartageSeanceForm(formdata=None)
    seances = queries.seances_de(db.session, current_user) if est_auteur else []
    partage_seance.seance.choices = avec_vide(((s.id, f"{s.type_seance.libelle.split(' (')[0]} du {s.le:%d/%m/%Y}")
                                               for s in seances), "— choisir une séance —")
    cible = None
    if analyse.objet_type and est_auteur:
        from cipdesk.core.contrat import registre
        lien = registre.cible(analyse.objet_type, analyse.objet_id)
        cible = (queries.libelle_cible(analyse), url_for(lien[0], **lien[1]) if lien else None)
    return rendre("pratique/analyses/voir.html", analyse=analyse, valeurs=valeurs, lisible=lisible,
                  rubriques=rules.RUBRIQUES, manquants=rules.criteres_manquants(valeurs), est_auteur=est_auteur,
                  tuteur=queries.tuteur_de(db.session, current_user) if est_auteur else None,
                  partage_seance=partage_seance, action=ActionForm(formdata=None), erreur_partage=erreur_partage,
                  cible=cible, statut=statut)


@bp.route("/analyses/<uuid:analyse_id>/modifier", methods=["GET", "POST"])
def modifier(analyse_id):
    analyse = charger(AnalysePratique, analyse_id, modifier=True)
    form = AnalyseForm()
    if request.method == "GET":
        valeurs, _ok = queries.lire_analyse(db.session, lecteur=current_user, analyse=analyse)
        for rubrique, valeur in valeurs.items():
            getattr(form, rubrique).data = valeur
        form.situation_le.data, form.version.data = analyse.situation_le, str(analyse.version)
        form.confirmer_noms.data = analyse.noms_confirmes_le is not None
    soumission = soumettre(form, lambda: services.modifier_analyse(
        db.session, auteur=current_user, analyse=analyse, valeurs=form.valeurs(), situation_le=form.situation_le.data,
        aujourd_hui=aujourdhui(), version=version_du(form), confirmer_noms=form.confirmer_noms.data),
        valider=_controles(form))
    if soumission:
        return rediriger(url_for("pratique.analyses.voir", analyse_id=analyse.id), "Analyse modifiée.")
    return rendre("pratique/analyses/form.html", form=form, analyse=analyse, statut=soumission.statut, cible="",
                  noms_signales=_noms_signales(form))


def _partage(analyse_id, service, message):
    from cipdesk.core.erreurs import ErreurMetier

    analyse = charger(AnalysePratique, analyse_id, modifier=True)
    form = ActionForm()
    if not form.validate_on_submit():
        return _page(analyse, statut=422, erreur_partage="Le formulaire a expiré : recommencez.")
    try:
        service(analyse)
    except ErreurMetier as exc:
        return _page(analyse, statut=422, erreur_partage=exc.message)
    return rediriger(url_for("pratique.analyses.voir", analyse_id=analyse.id), message)


@bp.post("/analyses/<uuid:analyse_id>/tuteur")
def partager_tuteur(analyse_id):
    return _partage(analyse_id, lambda a: services.partager_avec_tuteur(db.session, auteur=current_user, analyse=a),
                    "Analyse partagée avec votre tuteur ou tutrice (partage enregistré dans le journal d'audit).")


@bp.post("/analyses/<uuid:analyse_id>/tuteur/retrait")
def retirer_tuteur(analyse_id):
    return _partage(analyse_id, lambda a: services.retirer_partage_tuteur(db.session, auteur=current_user, analyse=a),
                    "Partage avec le tuteur ou la tutrice retiré.")


@bp.post("/analyses/<uuid:analyse_id>/seance")
def partager_seance(analyse_id):
    from cipdesk.core.erreurs import ErreurMetier

    analyse = charger(AnalysePratique, analyse_id, modifier=True)
    form = PartageSeanceForm()
    if not form.validate_on_submit():
        return _page(analyse, partage_seance=form, statut=422)
    seance = db.session.get(SeanceAnalyse, _uuid(form.seance.data)) if _uuid(form.seance.data) else None
    try:
        services.partager_avec_seance(db.session, auteur=current_user, analyse=analyse, seance=seance)
    except ErreurMetier as exc:
        form.seance.errors = [exc.message]
        return _page(analyse, partage_seance=form, statut=422)
    return rediriger(url_for("pratique.analyses.voir", analyse_id=analyse.id),
                     "Analyse partagée avec la séance : ses participant·es peuvent la lire.")


@bp.post("/analyses/<uuid:analyse_id>/seance/retrait")
def retirer_seance(analyse_id):
    return _partage(analyse_id, lambda a: services.retirer_partage_seance(db.session, auteur=current_user, analyse=a),
                    "Partage avec la séance retiré.")


def _professionnels():
    from sqlalchemy import select

    from cipdesk.comptes.models import Role

    return [u for u in db.session.scalars(select(Utilisateur).where(
        Utilisateur.structure_id == current_user.structure_id, Utilisateur.actif.is_(True),
        Utilisateur.role.in_((Role.CONSEILLER, Role.CHEF_DE_SERVICE))).order_by(Utilisateur.nom))
        if u.id != current_user.id]


@bp.route("/seances/", methods=["GET", "POST"])
def seances():
    policy.exiger(policy.peut(current_user, "pratique.analyser"))
    form = SeanceForm()
    collegues = _professionnels()
    form.participants.choices = choix((str(u.id), u.nom_complet) for u in collegues)
    par_id = {str(u.id): u for u in collegues}
    soumission = soumettre(form, lambda: services.enregistrer_seance(
        db.session, organisateur=current_user, type_seance=en_enum(TypeSeance, form.type_seance.data),
        le=form.le.data, animateur=form.animateur.data, participants=[par_id.get(i) for i in form.participants.data or []],
        participants_externes=form.participants_externes.data, aujourd_hui=aujourdhui()))
    if soumission:
        return rediriger(url_for("pratique.analyses.seance", seance_id=soumission.resultat.id), "Séance enregistrée.")
    return rendre("pratique/seances/liste.html", form=form, seances=queries.seances_de(db.session, current_user),
                  statut=soumission.statut)


@bp.get("/seances/<uuid:seance_id>")
def seance(seance_id):
    seance = charger(SeanceAnalyse, seance_id)
    return rendre("pratique/seances/voir.html", seance=seance,
                  analyses=queries.analyses_de_la_seance(db.session, seance))
