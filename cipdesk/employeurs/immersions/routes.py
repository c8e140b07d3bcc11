"""Immersions (PMSMP): convention, signature, PDF to sign, bilan."""
from __future__ import annotations

import uuid

from flask import Blueprint, url_for
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.employeurs.candidatures.queries import dans_le_perimetre, personnes_proposables
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.employeurs.immersions import queries, rules, services
from cipdesk.employeurs.immersions.forms import BilanForm, ConventionForm, StatutForm
from cipdesk.employeurs.immersions.models import Immersion
from cipdesk.personnes.models import Personne
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import avec_vide, rediriger, soumettre
from cipdesk.web.pdf import reponse_pdf
from cipdesk.web.rendu import rendre

bp = Blueprint("immersions", __name__, url_prefix="/immersions")


def _uuid(valeur):
    try:
        return uuid.UUID(valeur or "")
    except ValueError:
        return None


@bp.get("/")
def liste():
    policy.exiger(policy.peut(current_user, "employeurs.voir"))
    return rendre("employeurs/immersions/liste.html", immersions=queries.immersions_visibles(db.session, current_user))


@bp.route("/entreprises/<uuid:entreprise_id>/nouvelle", methods=["GET", "POST"])
def nouvelle(entreprise_id):
    entreprise = charger(Entreprise, entreprise_id, modifier=True)
    form = ConventionForm()
    form.personne_id.choices = avec_vide((p.id, f"{p.nom} {p.prenom}")
                                         for p in personnes_proposables(db.session, current_user))
    form.tuteur_id.choices = avec_vide((c.id, f"{c.nom_complet} — {c.role.libelle}") for c in entreprise.contacts)
    anciennes = queries.immersions_visibles(db.session, current_user, entreprise_id=entreprise.id)
    form.renouvelle_id.choices = avec_vide(((i.id, f"{i.personne.nom} {i.personne.prenom}, du {i.debut:%d/%m/%Y}")
                                            for i in anciennes), "— première convention —")

    def service():
        personne = db.session.get(Personne, _uuid(form.personne_id.data)) if _uuid(form.personne_id.data) else None
        renouvelle = next((i for i in anciennes if i.id == _uuid(form.renouvelle_id.data)), None)
        if form.renouvelle_id.data and renouvelle is None:
            raise ErreurMetier("Choisissez une convention de la liste.", "renouvelle_id")
        donnees = form.donnees()
        donnees["tuteur"] = next((c for c in entreprise.contacts if c.id == _uuid(form.tuteur_id.data)), None)
        return services.creer_convention(db.session, entreprise, personne, par=current_user, donnees=donnees,
                                         renouvelle=renouvelle,
                                         dans_le_perimetre=dans_le_perimetre(db.session, current_user, personne))

    soumission = soumettre(form, service, valider=lambda: rules.verifier_convention(form.debut.data, form.fin.data, 0))
    if soumission:
        return rediriger(url_for("employeurs.immersions.voir", immersion_id=soumission.resultat.id),
                         "Convention d'immersion enregistrée en brouillon.")
    return rendre("employeurs/immersions/form.html", form=form, entreprise=entreprise, statut=soumission.statut)


def _page(immersion, *, statut_form=None, bilan=None, statut=200):
    if statut_form is None:
        statut_form = StatutForm(formdata=None)
    statut_form.statut.choices = avec_vide((s.value, s.libelle) for s in rules.TRANSITIONS[immersion.statut])
    return rendre("employeurs/immersions/voir.html", immersion=immersion, statut_form=statut_form,
                  bilan=bilan or BilanForm(formdata=None), peut_modifier=policy.peut(current_user, "employeurs.modifier"),
                  statut=statut)


@bp.get("/<uuid:immersion_id>")
def voir(immersion_id):
    return _page(charger(Immersion, immersion_id))


@bp.post("/<uuid:immersion_id>/statut")
def changer_statut(immersion_id):
    immersion = charger(Immersion, immersion_id, modifier=True)
    form = StatutForm()

    def service():
        try:
            vers = rules.StatutImmersion(form.statut.data)
        except ValueError:
            raise ErreurMetier("Choisissez un statut de la liste.", "statut") from None
        return services.changer_statut(db.session, immersion, par=current_user, vers=vers, le=form.le.data,
                                       aujourd_hui=aujourdhui())

    soumission = soumettre(form, service)
    if soumission:
        return rediriger(url_for("employeurs.immersions.voir", immersion_id=immersion.id), "Statut mis à jour.")
    return _page(immersion, statut_form=form, statut=soumission.statut)


@bp.post("/<uuid:immersion_id>/bilan")
def bilan(immersion_id):
    immersion = charger(Immersion, immersion_id, modifier=True)
    form = BilanForm()
    soumission = soumettre(form, lambda: services.faire_le_bilan(db.session, immersion, par=current_user, donnees={
        "bilan_le": form.bilan_le.data, "bilan": form.bilan.data, "appreciation_tuteur": form.appreciation_tuteur.data,
        "objectif_atteint": form.objectif_atteint.data == "oui",
        "embauche_envisagee": form.embauche_envisagee.data == "oui"}, aujourd_hui=aujourdhui()))
    if soumission:
        return rediriger(url_for("employeurs.immersions.voir", immersion_id=immersion.id), "Bilan enregistré.")
    return _page(immersion, bilan=form, statut=soumission.statut)


@bp.get("/<uuid:immersion_id>/convention.pdf")
def convention_pdf(immersion_id):
    from cipdesk.employeurs.immersions.pdf import convention_en_pdf

    immersion = charger(Immersion, immersion_id)
    return reponse_pdf(convention_en_pdf(immersion, current_user.structure),
                       f"convention-pmsmp-{immersion.id.hex[:8]}.pdf", en_ligne=True)
