"""Pages of the design (REAC CP9): the analyse de la demande and cahier des charges, the
progression's moves, duplication, the scenario PDF. The pages that read the sessions (the
list of ateliers, the atelier's page and its forms) live in `cipdesk/ateliers/pages.py`."""
from __future__ import annotations

import uuid

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.ateliers.conception import pdf, rules, services
from cipdesk.ateliers.conception.forms import AtelierForm, ObjectifForm, SequenceForm
from cipdesk.ateliers.conception.models import Atelier, ObjectifPedagogique, Sequence
from cipdesk.ateliers.conception.rules import Format, Methode, Modalite, Origine
from cipdesk.comptes.models import Structure
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import avec_vide, rediriger, soumettre, version_du
from cipdesk.web.pdf import reponse_pdf
from cipdesk.web.rendu import rendre

bp = Blueprint("conception", __name__)


def _champs(form: AtelierForm) -> dict:
    champs = {c: getattr(form, c).data for c in services.CHAMPS_ATELIER}
    champs["origine"] = Origine(champs["origine"])
    champs["format"] = Format(champs["format"])
    for c in ("commanditaire", "rythme", "lieu"):
        champs[c] = (champs[c] or "").strip()
    for c in ("contexte", "changements_recherches", "competences_visees", "caracteristiques_public", "contraintes",
              "public_prerequis", "objectif_general", "ressources_budget", "animateurs", "developpement_durable",
              "prevention_risques"):
        champs[c] = champs[c] or ""
    return champs


@bp.route("/nouveau", methods=["GET", "POST"])
def nouveau():
    policy.exiger(policy.peut(current_user, "ateliers.animer"))
    form = AtelierForm()
    if request.method == "GET":
        besoin = request.args.get("besoin", "")[:120]
        if besoin:
            form.origine.data = Origine.BESOIN.value
            form.contexte.data = f"Besoin identifié dans la file active : {besoin}."
    resultat = soumettre(form, lambda: services.creer_atelier(db.session, par=current_user, le=aujourdhui(),
                                                              **_champs(form)))
    if resultat:
        return rediriger(url_for("ateliers.conception.voir", atelier_id=resultat.resultat.id),
                         "Atelier créé. Formulez maintenant ses objectifs pédagogiques.")
    return rendre("ateliers/conception/atelier_form.html", form=form, atelier=None, statut=resultat.statut)


@bp.route("/<uuid:atelier_id>/modifier", methods=["GET", "POST"])
def modifier(atelier_id: uuid.UUID):
    atelier = charger(Atelier, atelier_id, modifier=True)
    form = AtelierForm() if request.method == "POST" else AtelierForm(formdata=None, obj=atelier)
    if request.method == "GET":
        form.origine.data, form.format.data = atelier.origine.value, atelier.format.value
        form.version.data = str(atelier.version)
    resultat = soumettre(form, lambda: services.modifier_atelier(db.session, atelier, par=current_user,
                                                                 version=version_du(form), **_champs(form)))
    if resultat:
        return rediriger(url_for("ateliers.conception.voir", atelier_id=atelier.id), "Cahier des charges enregistré.")
    return rendre("ateliers/conception/atelier_form.html", form=form, atelier=atelier, statut=resultat.statut)


@bp.post("/sequences/<uuid:sequence_id>/deplacer")
def deplacer(sequence_id: uuid.UUID):
    """« Monter » / « Descendre » buttons: plain submit buttons, usable with the keyboard."""
    sequence = charger(Sequence, sequence_id, modifier=True)
    services.deplacer_sequence(db.session, sequence, par=current_user,
                               sens=-1 if request.form.get("sens") == "monter" else 1)
    return rediriger(url_for("ateliers.conception.voir", atelier_id=sequence.atelier_id)
                     + f"#sequence-{sequence.id}")


@bp.post("/<uuid:atelier_id>/sequences/ordre")
def reordonner(atelier_id: uuid.UUID):
    """The order of the progression after a drag and drop (static/js/glisser.js submits the
    séquences' ids in their new order); the « Monter » / « Descendre » buttons stay for the
    keyboard. A stale order is refused with a message, nothing moved."""
    atelier = charger(Atelier, atelier_id, modifier=True)
    try:
        ordre = [uuid.UUID(v) for v in request.form.getlist("sequence")]
        services.reordonner_sequences(db.session, atelier, par=current_user, ordre=ordre)
    except (ValueError, ErreurMetier) as exc:
        message = exc.message if isinstance(exc, ErreurMetier) else "Ordre des séquences illisible : rechargez la page."
        return rediriger(url_for("ateliers.conception.voir", atelier_id=atelier.id) + "#progression", message, "erreur")
    return rediriger(url_for("ateliers.conception.voir", atelier_id=atelier.id) + "#progression",
                     "Ordre de la progression enregistré.")


@bp.post("/sequences/<uuid:sequence_id>/supprimer")
def supprimer_sequence(sequence_id: uuid.UUID):
    sequence = charger(Sequence, sequence_id, modifier=True)
    atelier = services.supprimer_sequence(db.session, sequence, par=current_user)
    return rediriger(url_for("ateliers.conception.voir", atelier_id=atelier.id) + "#progression",
                     "Séquence retirée de la progression.")


@bp.post("/<uuid:atelier_id>/dupliquer")
def dupliquer(atelier_id: uuid.UUID):
    atelier = charger(Atelier, atelier_id, modifier=True)
    copie = services.dupliquer_atelier(db.session, atelier, par=current_user, le=aujourdhui())
    return rediriger(url_for("ateliers.conception.modifier", atelier_id=copie.id),
                     "Atelier dupliqué à partir du modèle : adaptez son cahier des charges.")


@bp.get("/<uuid:atelier_id>/scenario.pdf")
def scenario(atelier_id: uuid.UUID):
    atelier = charger(Atelier, atelier_id)
    return reponse_pdf(pdf.scenario_pedagogique(atelier=atelier,
                                                structure=db.session.get(Structure, atelier.structure_id)),
                       "scenario-pedagogique.pdf", en_ligne=True)


# --- Editing the objectives and the séquences (issue #12, point 3) ------------------------


def objectif_id_de(valeur: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(valeur) if valeur else None
    except ValueError:
        return uuid.UUID(int=0)  # refused by the service: not an objective of this atelier


def champs_sequence(form: SequenceForm) -> dict:
    champs = {c: getattr(form, c).data for c in services.CHAMPS_SEQUENCE}
    champs.update(methode=Methode(form.methode.data), modalite=Modalite(form.modalite.data),
                  format=Format(form.format.data))
    for c in ("contenu", "activites", "ressources", "evaluation", "scenario_alternatif"):
        champs[c] = champs[c] or ""
    return champs


def choix_objectifs(atelier: Atelier):
    return avec_vide([(o.id, f"{o.ordre}. {o.capacite[:80]}") for o in atelier.objectifs],
                     "— aucun objectif en particulier —")


@bp.route("/objectifs/<uuid:objectif_id>/modifier", methods=["GET", "POST"])
def modifier_objectif(objectif_id: uuid.UUID):
    objectif = charger(ObjectifPedagogique, objectif_id, modifier=True)
    form = ObjectifForm() if request.method == "POST" else ObjectifForm(formdata=None, obj=objectif)
    if request.method == "GET":
        form.version.data = str(objectif.version)
    resultat = soumettre(form, lambda: services.modifier_objectif(
        db.session, objectif, par=current_user, version=version_du(form),
        **{c: getattr(form, c).data for c in services.CHAMPS_OBJECTIF}))
    if resultat:
        return rediriger(url_for("ateliers.conception.voir", atelier_id=objectif.atelier_id) + "#objectifs",
                         "Objectif pédagogique modifié.")
    return rendre("ateliers/conception/objectif_form.html", form=form, objectif=objectif, atelier=objectif.atelier,
                  statut=resultat.statut)


@bp.post("/objectifs/<uuid:objectif_id>/deplacer")
def deplacer_objectif(objectif_id: uuid.UUID):
    """« Monter » / « Descendre »: plain submit buttons, for the keyboard as for the mouse."""
    objectif = charger(ObjectifPedagogique, objectif_id, modifier=True)
    services.deplacer_objectif(db.session, objectif, par=current_user,
                               sens=-1 if request.form.get("sens") == "monter" else 1)
    return rediriger(url_for("ateliers.conception.voir", atelier_id=objectif.atelier_id) + f"#objectif-{objectif.id}")


@bp.route("/sequences/<uuid:sequence_id>/modifier", methods=["GET", "POST"])
def modifier_sequence(sequence_id: uuid.UUID):
    sequence = charger(Sequence, sequence_id, modifier=True)
    atelier = sequence.atelier
    if request.method == "POST":
        form = SequenceForm()
    else:
        form = SequenceForm(formdata=None, obj=sequence)
        form.methode.data, form.modalite.data = sequence.methode.value, sequence.modalite.value
        form.format.data = sequence.format.value
        form.objectif_id.data = str(sequence.objectif_id) if sequence.objectif_id else ""
        form.version.data = str(sequence.version)
    form.objectif_id.choices = choix_objectifs(atelier)
    resultat = soumettre(form, lambda: services.modifier_sequence(
        db.session, sequence, par=current_user, version=version_du(form),
        objectif_id=objectif_id_de(form.objectif_id.data),
        **champs_sequence(form)))
    if resultat:
        _seq, avertissement = resultat.resultat
        return rediriger(url_for("ateliers.conception.voir", atelier_id=atelier.id) + f"#sequence-{sequence.id}",
                         "Séquence modifiée." + (f" {avertissement}" if avertissement else ""))
    return rendre("ateliers/conception/sequence_form.html", form=form, sequence=sequence, atelier=atelier,
                  duree_texte=rules.duree_texte, statut=resultat.statut)
