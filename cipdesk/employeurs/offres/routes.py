"""Recruitment support pages: fiche de poste → offer, editing the offer. The offer's page
(the ★ non-discrimination check with its justifications, diffusion, status, candidatures)
reads the candidatures and lives in `cipdesk/employeurs/pages.py`."""
from __future__ import annotations

import uuid

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.employeurs.offres import queries, rules, services
from cipdesk.employeurs.offres.forms import FicheForm, OffreForm
from cipdesk.employeurs.offres.models import FicheDePoste, Offre
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import avec_vide, rediriger, soumettre, version_du
from cipdesk.web.rendu import rendre

bp = Blueprint("offres", __name__, url_prefix="/offres")


@bp.get("/")
def liste():
    policy.exiger(policy.peut(current_user, "employeurs.voir"))
    toutes = db.session.scalars(queries.offres(current_user.structure_id).limit(200)).all()
    return rendre("employeurs/offres/liste.html", offres=toutes)


@bp.route("/entreprises/<uuid:entreprise_id>/fiche", methods=["GET", "POST"])
def nouvelle_fiche(entreprise_id):
    entreprise = charger(Entreprise, entreprise_id, modifier=True)
    form = FicheForm()
    form.contact_id.choices = avec_vide(((c.id, f"{c.nom_complet} — {c.role.libelle}") for c in entreprise.contacts),
                                        "— non précisé —")

    def service():
        donnees = form.donnees()
        try:
            cid = uuid.UUID(form.contact_id.data or "")
        except ValueError:
            cid = None
        donnees["contact"] = next((c for c in entreprise.contacts if c.id == cid), None)
        return services.rediger_fiche(db.session, entreprise, par=current_user, donnees=donnees,
                                      aujourd_hui=aujourdhui())

    soumission = soumettre(form, service)
    if soumission:
        return rediriger(url_for("employeurs.offres.fiche", fiche_id=soumission.resultat.id),
                         "Fiche de poste enregistrée.")
    return rendre("employeurs/offres/fiche_form.html", form=form, entreprise=entreprise, statut=soumission.statut)


@bp.get("/fiches/<uuid:fiche_id>")
def fiche(fiche_id):
    fiche = charger(FicheDePoste, fiche_id)
    from cipdesk.employeurs.offres.rules import Horaire, Permis

    return rendre("employeurs/offres/fiche.html", fiche=fiche, permis=Permis.LIBELLES, horaires=Horaire.LIBELLES,
                  peut_modifier=policy.peut(current_user, "employeurs.modifier"))


@bp.route("/fiches/<uuid:fiche_id>/offre", methods=["GET", "POST"])
def nouvelle_offre(fiche_id):
    fiche = charger(FicheDePoste, fiche_id, modifier=True)
    form = OffreForm()
    if request.method == "GET":
        form.intitule.data, form.texte.data = fiche.intitule, services.texte_depuis_fiche(fiche)
    soumission = soumettre(form, lambda: services.creer_offre(db.session, fiche, par=current_user,
                                                               donnees=form.donnees()),
                           valider=lambda: rules.verifier_dates_offre(form.ouverte_le.data, form.cloture_le.data))
    if soumission:
        return rediriger(url_for("employeurs.offres.voir", offre_id=soumission.resultat.id),
                         "Offre enregistrée en brouillon : relisez la vérification de non-discrimination.")
    return rendre("employeurs/offres/offre_form.html", form=form, fiche=fiche, offre=None, statut=soumission.statut)


@bp.route("/<uuid:offre_id>/modifier", methods=["GET", "POST"])
def modifier(offre_id):
    offre = charger(Offre, offre_id, modifier=True)
    form = OffreForm(obj=offre if request.method == "GET" else None)
    if request.method == "GET":
        form.version.data = str(offre.version)
    soumission = soumettre(form, lambda: services.modifier_offre(db.session, offre, par=current_user,
                                                                  donnees=form.donnees(), version=version_du(form)),
                           valider=lambda: rules.verifier_dates_offre(form.ouverte_le.data, form.cloture_le.data))
    if soumission:
        return rediriger(url_for("employeurs.offres.voir", offre_id=offre.id), "Offre modifiée.")
    return rendre("employeurs/offres/offre_form.html", form=form, fiche=offre.fiche, offre=offre,
                  statut=soumission.statut)
