"""Pages of the employer base: search as you type, export, record form, contacts. The
entreprise's page, which reads its exchanges and offers, lives in
`cipdesk/employeurs/pages.py`."""
from __future__ import annotations

import uuid

from flask import Blueprint, make_response, request, url_for
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.employeurs.entreprises import queries, rules, services
from cipdesk.employeurs.entreprises.forms import ContactForm, EntrepriseForm
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import rediriger, soumettre, version_du
from cipdesk.web.rendu import rendre

bp = Blueprint("entreprises", __name__, url_prefix="/entreprises")


@bp.get("/")
def liste():
    policy.exiger(policy.peut(current_user, "employeurs.voir"))
    q = request.args.get("q", "")[:100]
    lignes = queries.resultats(db.session, current_user.structure_id, q)
    # Each line ready to print (name, SIRET, NAF label, link): the template loops over strings,
    # and one url_for gives every link (a search as you type answers at each keystroke).
    gabarit = url_for("employeurs.entreprises.voir", entreprise_id=_GABARIT)
    entreprises = [rules.ResultatEntreprise(
        gabarit.replace(_GABARIT_TEXTE, str(l.id)), f"{l.raison_sociale} ({l.enseigne})" if l.enseigne else l.raison_sociale,
        rules.formater_siret(l.siret) or f"SIREN {l.siren}",
        f"{l.naf_code} — {rules.libelle_naf(l.naf_code)}" if l.naf_code else "—", l.commune or "—") for l in lignes]
    return rendre("employeurs/entreprises/liste.html", fragment="employeurs/entreprises/_resultats.html",
                  entreprises=entreprises, q=q, limite=queries.LIMITE_RECHERCHE)


_GABARIT = uuid.UUID(int=0)   # stands for an employer's id in the link of a search result
_GABARIT_TEXTE = str(_GABARIT)


@bp.get("/export.xlsx")
def export():
    """The structure's employer base as an editable XLSX (contacts are personal data: the
    export is the conseiller's responsibility, as the page says)."""
    from cipdesk.documents.tableur import classeur

    policy.exiger(policy.peut(current_user, "employeurs.voir"))
    lignes = [(e.raison_sociale, e.enseigne, e.siret or "", e.siren, e.naf_code, rules.libelle_naf(e.naf_code),
               e.tranche_effectif.libelle if e.tranche_effectif else "", e.secteur, e.adresse, e.code_postal,
               e.commune, e.telephone, e.email) for e in queries.toutes(db.session, current_user.structure_id)]
    contenu = classeur("Entreprises", ("Raison sociale", "Enseigne", "SIRET", "SIREN", "Code NAF", "Activité (NAF)",
                                       "Effectif", "Secteur", "Adresse", "Code postal", "Commune", "Téléphone",
                                       "Courriel"), lignes, structure=current_user.structure)
    reponse = make_response(contenu)
    reponse.headers["Content-Type"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    reponse.headers["Content-Disposition"] = 'attachment; filename="entreprises.xlsx"'
    return reponse


@bp.route("/nouvelle", methods=["GET", "POST"])
def nouvelle():
    policy.exiger(policy.peut(current_user, "employeurs.modifier"))
    form = EntrepriseForm()
    doublon = {}

    def service():
        try:
            return services.creer_entreprise(db.session, par=current_user, donnees=form.donnees(), le=aujourdhui())
        except services.SiretEnDouble as exc:
            doublon["entreprise"] = exc.existante
            raise

    soumission = soumettre(form, service)
    if soumission:
        return rediriger(url_for("employeurs.entreprises.voir", entreprise_id=soumission.resultat.id),
                         "Entreprise enregistrée.")
    return rendre("employeurs/entreprises/form.html", form=form, entreprise=None,
                  doublon=doublon.get("entreprise"), statut=soumission.statut)


@bp.route("/<uuid:entreprise_id>/modifier", methods=["GET", "POST"])
def modifier(entreprise_id):
    entreprise = charger(Entreprise, entreprise_id, modifier=True)
    form = EntrepriseForm(obj=entreprise if request.method == "GET" else None)
    if request.method == "GET":
        form.siret.data = rules.formater_siret(entreprise.siret)
        form.tranche_effectif.data = entreprise.tranche_effectif.value if entreprise.tranche_effectif else ""
        form.version.data = str(entreprise.version)
    doublon = {}

    def service():
        try:
            return services.modifier_entreprise(db.session, entreprise, par=current_user, donnees=form.donnees(),
                                                version=version_du(form))
        except services.SiretEnDouble as exc:
            doublon["entreprise"] = exc.existante
            raise

    soumission = soumettre(form, service)
    if soumission:
        return rediriger(url_for("employeurs.entreprises.voir", entreprise_id=entreprise.id), "Fiche mise à jour.")
    return rendre("employeurs/entreprises/form.html", form=form, entreprise=entreprise,
                  doublon=doublon.get("entreprise"), statut=soumission.statut)


@bp.route("/<uuid:entreprise_id>/contacts/nouveau", methods=["GET", "POST"])
def nouveau_contact(entreprise_id):
    entreprise = charger(Entreprise, entreprise_id, modifier=True)
    form = ContactForm()
    soumission = soumettre(form, lambda: services.ajouter_contact(db.session, entreprise, par=current_user,
                                                                   donnees=form.donnees()))
    if soumission:
        return rediriger(url_for("employeurs.entreprises.voir", entreprise_id=entreprise.id), "Contact ajouté.")
    return rendre("employeurs/entreprises/contact_form.html", form=form, entreprise=entreprise,
                  statut=soumission.statut)
