"""Répertoire opérationnel des partenaires (REAC CP4): the list with the add form, one
partner's page with its edit form (versioned), its contacts and the orientations really
made to it. Nested blueprint `territoire.partenaires`; URLs unchanged (/accueil/partenaires…)."""
from __future__ import annotations

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.core.contrat import registre
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.core.telephone import telephone_affiche
from cipdesk.security import policy
from cipdesk.territoire.partenaires import queries, rules, services
from cipdesk.territoire.partenaires.forms import ContactForm, PartenaireForm
from cipdesk.territoire.partenaires.models import ContactPartenaire, Partenaire
from cipdesk.territoire.partenaires.rules import BilanPartenaire
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
                                      email=form.email.data or "", actif=form.actif.data,
                                      publics=form.publics.data or "", conditions_acces=form.conditions_acces.data or "",
                                      modalites_orientation=form.modalites_orientation.data or "",
                                      site_web=form.site_web.data or "", verifie_le=form.verifie_le.data, complet=True)


def _valider(form) -> dict[str, str]:
    if form.verifie_le.data and form.verifie_le.data > aujourdhui():
        return {"verifie_le": "La date de vérification ne peut pas être dans le futur."}
    return {}


@bp.route("", methods=["GET", "POST"])
def liste():
    policy.exiger(policy.peut(current_user, "repertoire.voir"))
    if request.method == "POST":
        policy.exiger(policy.peut(current_user, "repertoire.modifier"))
    dimensions = registre.domaines_d_intervention(db.session, current_user.structure_id)
    form = _formulaire(dimensions)
    envoi = soumettre(form, lambda: services.enregistrer_partenaire(db.session, par=current_user,
                                                                    donnees=_donnees(form), le=aujourdhui()),
                      valider=lambda: _valider(form))
    if envoi:
        return rediriger(url_for("territoire.partenaires.liste"),
                         f"Partenaire « {envoi.resultat.nom} » ajouté au répertoire.")
    return rendre("territoire/partenaires/partenaires.html", form=form,
                  partenaires=queries.repertoire(db.session, current_user.structure_id), libelles=dict(dimensions),
                  bilans=queries.bilans(db.session, current_user.structure_id), vide=BilanPartenaire(),
                  a_verifier=lambda p: rules.a_verifier(p.verifie_le, aujourdhui()),
                  telephone=telephone_affiche, peut_modifier=policy.peut(current_user, "repertoire.modifier"),
                  statut=envoi.statut)


def _page(p, form, contact_form, dimensions, statut):
    return rendre("territoire/partenaires/partenaire.html", form=form, partenaire=p, contact_form=contact_form,
                  libelles=dict(dimensions), telephone=telephone_affiche,
                  bilan=queries.bilans(db.session, current_user.structure_id).get(p.id, BilanPartenaire()),
                  orientations=queries.orientations_visibles(db.session, current_user, p.id),
                  a_verifier=rules.a_verifier(p.verifie_le, aujourdhui()),
                  peut_modifier=policy.peut(current_user, "repertoire.modifier"), statut=statut)


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
        db.session, par=current_user, donnees=_donnees(form), partenaire=p, version=version_du(form), le=aujourdhui()),
        valider=lambda: _valider(form))
    if envoi:
        return rediriger(url_for("territoire.partenaires.voir", partenaire_id=p.id), "Partenaire mis à jour.")
    return _page(p, form, ContactForm(prefix="contact"), dimensions, envoi.statut)


@bp.post("/<uuid:partenaire_id>/contacts")
def contact(partenaire_id):
    p = charger(Partenaire, partenaire_id, modifier=True)
    contact_form = ContactForm(prefix="contact")
    envoi = soumettre(contact_form, lambda: services.ajouter_contact(
        db.session, par=current_user, partenaire=p, nom=contact_form.nom.data or "",
        role=contact_form.role.data or "", telephone=contact_form.telephone.data or "",
        email=contact_form.email.data or ""))
    if envoi:
        return rediriger(url_for("territoire.partenaires.voir", partenaire_id=p.id),
                         f"Contact « {envoi.resultat.nom} » ajouté.")
    dimensions = registre.domaines_d_intervention(db.session, current_user.structure_id)
    form = _formulaire(dimensions, formdata=None, obj=p)
    form.telephone.data = telephone_affiche(p.telephone)
    form.version.data = str(p.version)
    return _page(p, form, contact_form, dimensions, envoi.statut)


@bp.post("/contacts/<uuid:contact_id>/retrait")
def retirer_contact(contact_id):
    c = charger(ContactPartenaire, contact_id, modifier=True)
    partenaire_id = c.partenaire_id
    services.retirer_contact(db.session, par=current_user, contact=c)
    return rediriger(url_for("territoire.partenaires.voir", partenaire_id=partenaire_id), "Contact retiré.")
