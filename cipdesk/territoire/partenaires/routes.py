"""Répertoire des partenaires: the list with the add form, one partner's page
with its edit form (versioned). Nested blueprint `territoire.partenaires`;
URLs unchanged (/accueil/partenaires…)."""
from __future__ import annotations

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.core.contrat import registre
from cipdesk.core.db import db
from cipdesk.core.telephone import telephone_affiche
from cipdesk.security import policy
from cipdesk.territoire.partenaires import queries, services
from cipdesk.territoire.partenaires.forms import PartenaireForm
from cipdesk.territoire.partenaires.models import Partenaire
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import choix, rediriger, soumettre, version_du
from cipdesk.web.rendu import rendre

bp = Blueprint("partenaires", __name__, url_prefix="/accueil/partenaires")


def _formulaire(dimensions, **kw) -> PartenaireForm:
    form = PartenaireForm(**kw)
    form.domaines.choices = choix(dimensions)
    return form


def _donnees(form) -> services.DonneesPartenaire:
    return services.DonneesPartenaire(nom=form.nom.data or "", type_partenaire=form.type_partenaire.data or "",
                                      domaines=form.domaines.data or [], adresse=form.adresse.data or "",
                                      contact_nom=form.contact_nom.data or "", telephone=form.telephone.data or "",
                                      email=form.email.data or "", actif=form.actif.data)


@bp.route("", methods=["GET", "POST"])
def liste():
    policy.exiger(policy.peut_voir_repertoire(current_user))
    if request.method == "POST":
        policy.exiger(policy.peut_modifier_repertoire(current_user))
    dimensions = registre.domaines_d_intervention(db.session, current_user.structure_id)
    form = _formulaire(dimensions)
    envoi = soumettre(form, lambda: services.enregistrer_partenaire(db.session, par=current_user,
                                                                    donnees=_donnees(form)))
    if envoi:
        return rediriger(url_for("territoire.partenaires.liste"),
                         f"Partenaire « {envoi.resultat.nom} » ajouté au répertoire.")
    return rendre("territoire/partenaires/partenaires.html", form=form,
                  partenaires=queries.repertoire(db.session, current_user.structure_id), libelles=dict(dimensions),
                  telephone=telephone_affiche, peut_modifier=policy.peut_modifier_repertoire(current_user),
                  statut=envoi.statut)


@bp.route("/<uuid:partenaire_id>", methods=["GET", "POST"])
def voir(partenaire_id):
    p = charger(Partenaire, partenaire_id, modifier=request.method == "POST")
    dimensions = registre.domaines_d_intervention(db.session, current_user.structure_id)
    if request.method == "POST":
        form = _formulaire(dimensions)
    else:
        form = _formulaire(dimensions, obj=p)
        form.telephone.data = telephone_affiche(p.telephone)
        form.version.data = str(p.version)
    envoi = soumettre(form, lambda: services.enregistrer_partenaire(
        db.session, par=current_user, donnees=_donnees(form), partenaire=p, version=version_du(form)))
    if envoi:
        return rediriger(url_for("territoire.partenaires.liste"), "Partenaire mis à jour.")
    return rendre("territoire/partenaires/partenaire.html", form=form, partenaire=p,
                  peut_modifier=policy.peut_modifier_repertoire(current_user), statut=envoi.statut)
