"""Synthèse d'entretien pages: writing it, reading it, its PDF, handing it over.
Nested blueprint `accueil.synthese`."""
from __future__ import annotations

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.accueil.synthese import pdf, services
from cipdesk.accueil.synthese.forms import PartageSyntheseForm, SyntheseForm
from cipdesk.accueil.synthese.models import Synthese
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.notes.queries import notes_de
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import garde_personne
from cipdesk.security.audit import Action, journaliser
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import rediriger, soumettre
from cipdesk.web.pdf import reponse_pdf
from cipdesk.web.rendu import rendre

bp = Blueprint("synthese", __name__)


@bp.route("/personnes/<uuid:personne_id>/syntheses/nouvelle", methods=["GET", "POST"])
def nouvelle(personne_id):
    personne = charger(Personne, personne_id, modifier=True)
    form = SyntheseForm()
    if request.method == "GET":
        form.date_entretien.data = aujourdhui()
    envoi = soumettre(form, lambda: services.ecrire_synthese(
        db.session, par=current_user, personne=personne, date_entretien=form.date_entretien.data,
        objet=form.objet.data or "", faits=form.faits.data or "", paroles_personne=form.paroles_personne.data or "",
        analyse=form.analyse.data or "", suites=form.suites.data or "", analyse_partagee=form.analyse_partagee.data,
        aujourd_hui=aujourdhui()))
    if envoi:
        return rediriger(url_for("accueil.synthese.voir", synthese_id=envoi.resultat.id), "Synthèse enregistrée.")
    return rendre("accueil/synthese/synthese_form.html", form=form, personne=personne, statut=envoi.statut)


def _page(synthese, partage, *, statut=200):
    personne = synthese.personne
    return rendre("accueil/synthese/synthese.html", synthese=synthese, personne=personne, partage=partage,
                  notes=notes_de(db.session, current_user, "synthese", synthese.id),
                  peut_modifier=garde_personne(db.session, current_user, personne, True), statut=statut)


@bp.get("/syntheses/<uuid:synthese_id>")
def voir(synthese_id):
    synthese = charger(Synthese, synthese_id)
    partage = PartageSyntheseForm(formdata=None)
    partage.le.data = aujourdhui()
    return _page(synthese, partage)


@bp.get("/syntheses/<uuid:synthese_id>/pdf")
def pdf_synthese(synthese_id):
    synthese = charger(Synthese, synthese_id)
    journaliser(db.session, acteur=current_user, action=Action.EXPORT, objet_type="synthese", objet_id=synthese.id)
    return reponse_pdf(pdf.synthese(synthese, synthese.personne, current_user.structure),
                       f"synthese-{synthese.date_entretien:%Y%m%d}.pdf")


@bp.get("/syntheses/<uuid:synthese_id>/synthese.docx")
def docx_synthese(synthese_id):
    """The synthèse as an editable document (issue #19, point 6), journalled like its PDF."""
    from flask import make_response

    synthese = charger(Synthese, synthese_id)
    journaliser(db.session, acteur=current_user, action=Action.EXPORT, objet_type="synthese", objet_id=synthese.id,
                details={"format": "docx"})
    reponse = make_response(pdf.synthese_en_docx(synthese, synthese.personne, current_user.structure))
    reponse.headers["Content-Type"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    reponse.headers["Content-Disposition"] = (f'attachment; filename="synthese-{synthese.date_entretien:%Y%m%d}'
                                              '.docx"')
    reponse.headers["Cache-Control"] = "no-store"
    return reponse


@bp.post("/syntheses/<uuid:synthese_id>/partage")
def partager(synthese_id):
    synthese = charger(Synthese, synthese_id, modifier=True)
    form = PartageSyntheseForm()
    envoi = soumettre(form, lambda: services.enregistrer_partage(
        db.session, par=current_user, synthese=synthese, le=form.le.data, mode=form.mode.data or "",
        aujourd_hui=aujourdhui()))
    if envoi:
        return rediriger(url_for("accueil.synthese.voir", synthese_id=synthese.id),
                         "Remise de la synthèse à la personne enregistrée.")
    return _page(synthese, form, statut=envoi.statut)
