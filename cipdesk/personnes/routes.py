"""Pages of the person, hub of cipdesk: the home page with « Mes alertes », the
caseload (file active), the person's page with the timeline from every module,
creating and editing a person."""
from __future__ import annotations

import uuid
from datetime import time, timedelta
from urllib.parse import urlsplit

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.core.contrat import registre
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.core.telephone import telephone_affiche
from cipdesk.personnes import queries, services
from cipdesk.personnes.forms import PersonneForm
from cipdesk.personnes.models import PUBLICS, Personne, StatutPersonne
from cipdesk.personnes.queries import mes_alertes_les_plus_graves
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import choix, rediriger, soumettre, version_du
from cipdesk.web.rendu import rendre

bp = Blueprint("personnes", __name__)


@bp.get("/")
def accueil():
    sections = [n for n in registre.navigation() if n.visible(current_user)]
    # The agenda hook of the module contract: the week ahead and what is overdue.
    du = aujourdhui()
    agenda = sorted((r for m in registre.modules for f in m.agenda for r in f(db.session, current_user, du,
                                                                                du + timedelta(days=7))),
                    key=lambda r: (r.le, r.heure or time.min, r.titre))
    # A chef's team holds hundreds of people with an alert: the gravest first, the whole list
    # on the dashboard (« À surveiller aujourd'hui ») — a home page stays short (issue #17).
    limite = LIMITE_ALERTES_EQUIPE if policy.peut(current_user, "tableau.voir") else None
    alertes, en_tout = mes_alertes_les_plus_graves(db.session, current_user, aujourdhui(), limite)
    return rendre("home/accueil.html", sections=sections, mes_alertes=alertes, alertes_en_tout=en_tout,
                  mon_agenda=agenda, aujourd_hui=du)


LIMITE_ALERTES_EQUIPE = 50


# -- file active ---------------------------------------------------------------------
@bp.get("/accueil/")
def file_active():
    policy.exiger(policy.peut_voir_file_active(current_user))
    a = request.args
    try:
        page = int(a.get("page", "1")[:9])
    except ValueError:
        page = 1
    filtres = {"q": a.get("q", "")[:100], "statut": a.get("statut", "actives"), "public": a.get("public", ""),
               "urgence": "1" if a.get("urgence") == "1" else "", "tri": a.get("tri", "nom")}
    resultat = queries.file_active(db.session, current_user, file_active_partagee=queries.file_partagee(current_user),
                                   page=page, aujourd_hui=aujourdhui(),
                                   **{**filtres, "urgence": filtres["urgence"] == "1"})
    return rendre("personnes/file_active.html", fragment="personnes/_file_active_table.html", resultat=resultat,
                  filtres=filtres, statuts=StatutPersonne, publics=PUBLICS, tris=queries.TRIS,
                  peut_creer=policy.peut_creer_personne(current_user))


# -- personne ------------------------------------------------------------------------
def _formulaire(**kw) -> PersonneForm:
    form = PersonneForm(**kw)
    form.referent.choices = choix((c.id, c.nom_complet) for c in queries.conseillers_de_la_structure(db.session,
                                                                                     current_user.structure_id))
    return form


def _donnees_personne(form) -> services.DonneesPersonne:
    referent = None
    try:
        referent = uuid.UUID(form.referent.data) if form.referent.data else None
    except ValueError:
        pass
    if referent is not None and referent not in {c.id for c in queries.conseillers_de_la_structure(db.session,
                                                                                   current_user.structure_id)}:
        raise ErreurMetier("Choisissez un·e conseiller·ère de la structure.", "referent")
    return services.DonneesPersonne(
        nom=form.nom.data or "", prenom=form.prenom.data or "", nom_usage=form.nom_usage.data or "",
        date_naissance=form.date_naissance.data, sexe=form.sexe.data or "", telephone=form.telephone.data or "",
        email=form.email.data or "", adresse=form.adresse.data or "", code_postal=form.code_postal.data or "",
        commune=form.commune.data or "", niveau_formation=form.niveau_formation.data or "",
        situation_marche_travail=form.situation_marche_travail.data or "",
        publics=form.publics.data or [], prescripteur=form.prescripteur.data or "",
        commande_prescripteur=form.commande_prescripteur.data or "", referent_id=referent)


def _retour_sur() -> str | None:
    """Where to go back after creating a person from another page (e.g. a réunion
    d'information): only a same-origin path of cipdesk, parsed, never a pattern."""
    retour = request.values.get("retour", "")
    morceaux = urlsplit(retour)
    if (not retour or morceaux.scheme or morceaux.netloc or not morceaux.path.startswith("/accueil/")
            or any(c in retour for c in "\\\r\n\t") or retour.startswith("//")):
        return None
    return retour


@bp.route("/accueil/personnes/nouvelle", methods=["GET", "POST"])
def nouvelle():
    policy.exiger(policy.peut_creer_personne(current_user))
    form = _formulaire()
    if request.method == "GET":
        form.referent.data = str(current_user.id)
    doublons: list[Personne] = []

    def _creer():
        try:
            return services.creer_personne(db.session, par=current_user, donnees=_donnees_personne(form),
                                           aujourd_hui=aujourdhui(), confirmer_doublon=form.confirmer_doublon.data)
        except ErreurMetier as exc:
            if exc.champ == "doublon":
                doublons.extend(queries.doublons_probables(db.session, current_user.structure_id, form.nom.data,
                                                           form.prenom.data, form.date_naissance.data))
            raise

    envoi = soumettre(form, _creer)
    if envoi:
        return rediriger(_retour_sur() or url_for("personnes.voir", personne_id=envoi.resultat.id),
                         f"{envoi.resultat.nom_complet} est enregistré·e.")
    return rendre("personnes/personne_form.html", form=form, personne=None, doublons=doublons,
                  retour=_retour_sur(), statut=envoi.statut)


@bp.route("/accueil/personnes/<uuid:personne_id>/modifier", methods=["GET", "POST"])
def modifier(personne_id):
    personne = charger(Personne, personne_id, modifier=True)
    form = _formulaire(obj=None if request.method == "POST" else personne)
    if request.method == "GET":
        form.referent.data, form.version.data = str(personne.referent_id or ""), str(personne.version)
        form.telephone.data = telephone_affiche(personne.telephone)
        form.sexe.data, form.niveau_formation.data = personne.sexe.value, personne.niveau_formation.value
        situation = personne.situation_marche_travail
        form.situation_marche_travail.data = "" if situation == situation.INCONNU else situation.value
    envoi = soumettre(form, lambda: services.modifier_personne(
        db.session, par=current_user, personne=personne, donnees=_donnees_personne(form), aujourd_hui=aujourdhui(),
        version=version_du(form)))
    if envoi:
        return rediriger(url_for("personnes.voir", personne_id=personne.id), "Fiche mise à jour.")
    return rendre("personnes/personne_form.html", form=form, personne=personne, doublons=[], retour=None,
                  statut=envoi.statut)


@bp.get("/accueil/personnes/<uuid:personne_id>")
def voir(personne_id):
    personne = charger(Personne, personne_id)
    peut_modifier = queries.garde_personne(db.session, current_user, personne, True)
    tous, actions, encarts = queries.chronologie_et_fiche(db.session, personne, current_user,
                                                          peut_modifier=peut_modifier, aujourd_hui=aujourdhui())
    libelles = queries.natures_de_la_chronologie()
    natures = {e.nature: libelles.get(e.nature, e.nature.replace("_", " ")) for e in tous}  # kinds present
    nature = request.args.get("nature", "")
    nature = nature if nature in libelles else ""
    evenements = [e for e in tous if e.nature == nature] if nature else tous
    return rendre("personnes/personne.html", personne=personne, evenements=evenements, nature=nature,
                  natures=natures, actions=actions, encarts=encarts,
                  alertes=queries.alertes_pour(db.session, [personne.id], aujourdhui()).get(personne.id, []),
                  telephone=telephone_affiche(personne.telephone), publics=PUBLICS,
                  peut_modifier=peut_modifier)
