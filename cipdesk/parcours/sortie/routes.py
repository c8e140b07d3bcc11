"""Pages of the exit: bilan and sortie, then the follow-ups at 3 and 6 months."""
from __future__ import annotations

from flask import Blueprint, flash, request, url_for
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.contrat.queries import parcours_complet
from cipdesk.parcours.etapes.rules import STATUTS_OUVERTS
from cipdesk.parcours.forms import en_enum
from cipdesk.parcours.sortie import services
from cipdesk.parcours.sortie.forms import SortieForm, SuiviForm
from cipdesk.parcours.sortie.rules import DevenirEtapes, SituationSuivi
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import rediriger, soumettre, version_du
from cipdesk.web.rendu import rendre

bp = Blueprint("sortie", __name__)


def _mois(valeur) -> int:
    """The follow-up month as typed; anything but a number is refused by the service."""
    try:
        return int(valeur)
    except (TypeError, ValueError):
        return 0


@bp.route("/<uuid:parcours_id>/sortie", methods=["GET", "POST"])
def clore(parcours_id):
    parcours = charger(Parcours, parcours_id, modifier=True, objet=parcours_complet(db.session, parcours_id))
    form = SortieForm()
    if request.method == "GET":
        form.version.data = str(parcours.version)
        form.sortie_le.data = aujourdhui()
        form.bilan.data = parcours.bilan
    envoi = soumettre(form, lambda: services.clore_parcours(
        db.session, parcours, par=current_user, version=version_du(form), sortie_le=form.sortie_le.data,
        motif=form.motif.data, bilan=form.bilan.data, precision=form.precision.data,
        devenir_etapes=en_enum(DevenirEtapes, form.devenir_etapes.data), relais_vers=form.relais_vers.data,
        relais_contenu=form.relais_contenu.data, relais_consentement=form.relais_consentement.data,
        aujourd_hui=aujourdhui()))
    if envoi:
        return rediriger(url_for("parcours.contrat.voir", parcours_id=parcours.id),
                         f"Parcours clos : {envoi.resultat.categorie.libelle.lower()}. "
                         "Pensez aux suivis à 3 et 6 mois.")
    ouvertes = [e for e in parcours.etapes if e.statut in STATUTS_OUVERTS]
    return rendre("parcours/sortie/sortie.html", parcours=parcours, form=form, ouvertes=ouvertes,
                  statut=envoi.statut)


@bp.post("/<uuid:parcours_id>/suivis")
def suivi(parcours_id):
    parcours = charger(Parcours, parcours_id, modifier=True)
    form = SuiviForm()
    if parcours.sortie is None:
        flash("Le parcours n'est pas clos : pas de suivi post-sortie.", "erreur")
    else:
        envoi = soumettre(form, lambda: services.enregistrer_suivi(
            db.session, parcours.sortie, par=current_user, mois=_mois(form.mois.data), fait_le=form.fait_le.data,
            situation=en_enum(SituationSuivi, form.situation.data, SituationSuivi.INCONNUE),
            commentaire=form.commentaire.data or "", aujourd_hui=aujourdhui()))
        if envoi:
            flash("Suivi post-sortie enregistré.", "succes")
        else:
            flash("Suivi non enregistré : " + "; ".join([*(e for f in form for e in f.errors), *form.form_errors]),
                  "erreur")
    return rediriger(url_for("parcours.contrat.voir", parcours_id=parcours.id) + "#sortie")


def _charger_pour_bilan(parcours_id) -> Parcours:
    return charger(Parcours, parcours_id, objet=parcours_complet(db.session, parcours_id))


def _journaliser_bilan(parcours, format_: str) -> None:
    from cipdesk.security.audit import Action, journaliser

    journaliser(db.session, acteur=current_user, action=Action.EXPORT, objet_type="parcours", objet_id=parcours.id,
                details={"document": "bilan", "format": format_})


@bp.get("/<uuid:parcours_id>/bilan.pdf")
def bilan_pdf(parcours_id):
    """The bilan of the parcours to hand to the person (intermediate while it is open), journalled."""
    from cipdesk.parcours.sortie.pdf import bilan_en_pdf
    from cipdesk.web.pdf import reponse_pdf

    parcours = _charger_pour_bilan(parcours_id)
    contenu = bilan_en_pdf(parcours, current_user.structure)
    _journaliser_bilan(parcours, "pdf")
    return reponse_pdf(contenu, f"bilan-{parcours.id.hex[:8]}.pdf", en_ligne=True)


@bp.get("/<uuid:parcours_id>/bilan.docx")
def bilan_docx(parcours_id):
    """The same bilan as an editable document (issue #19, point 6), journalled like its PDF."""
    from flask import make_response

    from cipdesk.parcours.sortie.pdf import bilan_en_docx

    parcours = _charger_pour_bilan(parcours_id)
    reponse = make_response(bilan_en_docx(parcours, current_user.structure))
    _journaliser_bilan(parcours, "docx")
    reponse.headers["Content-Type"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    reponse.headers["Content-Disposition"] = f'attachment; filename="bilan-{parcours.id.hex[:8]}.docx"'
    reponse.headers["Cache-Control"] = "no-store"
    return reponse
