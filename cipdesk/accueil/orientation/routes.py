"""Orientation pages: orienting the person to a partner, the partner's answer,
the fiche de liaison. Nested blueprint `accueil.orientation`."""
from __future__ import annotations

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.accueil.orientation import pdf, queries, services
from cipdesk.accueil.orientation.forms import OrientationForm, ReponseForm
from cipdesk.accueil.orientation.models import Orientation
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.core.telephone import telephone_affiche
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import garde_personne
from cipdesk.security.audit import Action, journaliser
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import avec_vide, rediriger, soumettre
from cipdesk.web.pdf import reponse_pdf
from cipdesk.web.rendu import rendre

bp = Blueprint("orientation", __name__)


@bp.route("/personnes/<uuid:personne_id>/orientations/nouvelle", methods=["GET", "POST"])
def nouvelle(personne_id):
    personne = charger(Personne, personne_id, modifier=True)
    form = OrientationForm()
    actifs = queries.partenaires_actifs(db.session, personne.structure_id)
    form.partenaire.choices = avec_vide((p.id, f"{p.nom} ({p.type_partenaire})" if p.type_partenaire else p.nom)
                                        for p in actifs)
    if request.method == "GET":
        form.date_orientation.data = aujourdhui()
    envoi = soumettre(form, lambda: services.orienter(
        db.session, par=current_user, personne=personne,
        partenaire=next((p for p in actifs if str(p.id) == form.partenaire.data), None),
        le=form.date_orientation.data, motif=form.motif.data or "",
        informations_transmises=form.informations_transmises.data or "", consentement=form.consentement.data,
        consentement_le=form.consentement_le.data, consentement_mode=form.consentement_mode.data or "",
        aujourd_hui=aujourdhui()))
    if envoi:
        o = envoi.resultat
        return rediriger(url_for("accueil.orientation.voir", orientation_id=o.id),
                         f"Orientation vers {o.partenaire.nom} enregistrée.")
    return rendre("accueil/orientation/orientation_form.html", form=form, personne=personne, partenaires=actifs,
                  statut=envoi.statut)


def _page(o, reponse, *, statut=200):
    personne = o.personne
    return rendre("accueil/orientation/orientation.html", orientation=o, personne=personne, reponse=reponse,
                  peut_modifier=garde_personne(db.session, current_user, personne, True),
                  telephone=telephone_affiche, statut=statut)


@bp.get("/orientations/<uuid:orientation_id>")
def voir(orientation_id):
    o = charger(Orientation, orientation_id)
    form = ReponseForm(formdata=None)
    form.reponse.data = o.reponse.value
    form.reponse_le.data = o.reponse_le or aujourdhui()
    form.reponse_commentaire.data = o.reponse_commentaire
    return _page(o, form)


@bp.post("/orientations/<uuid:orientation_id>/reponse")
def repondre(orientation_id):
    o = charger(Orientation, orientation_id, modifier=True)
    form = ReponseForm()
    envoi = soumettre(form, lambda: services.enregistrer_reponse(
        db.session, par=current_user, orientation=o, reponse=form.reponse.data, le=form.reponse_le.data,
        commentaire=form.reponse_commentaire.data or "", aujourd_hui=aujourdhui()))
    if envoi:
        return rediriger(url_for("accueil.orientation.voir", orientation_id=o.id), "Réponse du partenaire enregistrée.")
    return _page(o, form, statut=envoi.statut)


@bp.get("/orientations/<uuid:orientation_id>/fiche-de-liaison.pdf")
def fiche_liaison_pdf(orientation_id):
    o = charger(Orientation, orientation_id)
    journaliser(db.session, acteur=current_user, action=Action.EXPORT, objet_type="orientation", objet_id=o.id)
    return reponse_pdf(pdf.fiche_liaison(o, o.personne, current_user.structure),
                       f"fiche-de-liaison-{o.date_orientation:%Y%m%d}.pdf")
