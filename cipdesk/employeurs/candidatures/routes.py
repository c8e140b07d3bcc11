"""The candidatures pipeline: propose a person of one's perimeter, move it along its
state machine, each step dated in the log."""
from __future__ import annotations

import uuid

from flask import Blueprint, url_for
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.employeurs.candidatures import queries, rules, services
from cipdesk.employeurs.candidatures.forms import CandidatureForm, TransitionForm
from cipdesk.employeurs.candidatures.models import Candidature
from cipdesk.employeurs.candidatures.rules import EtatCandidature
from cipdesk.employeurs.mesures import queries as mesures_queries
from cipdesk.employeurs.offres.models import Offre
from cipdesk.personnes.models import Personne
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import avec_vide, rediriger, soumettre, version_du
from cipdesk.web.rendu import rendre

bp = Blueprint("candidatures", __name__, url_prefix="/candidatures")


@bp.get("/")
def liste():
    policy.exiger(policy.peut(current_user, "employeurs.voir"))
    candidatures = db.session.scalars(queries.mes_candidatures(db.session, current_user).limit(200)).all()
    return rendre("employeurs/candidatures/liste.html", candidatures=candidatures, aujourd_hui=aujourdhui(),
                  delai=rules.delai_relance(current_user.structure.parametres), rules=rules)


def _personne(valeur) -> Personne | None:
    try:
        return db.session.get(Personne, uuid.UUID(valeur or ""))
    except ValueError:
        return None


@bp.route("/offres/<uuid:offre_id>/nouvelle", methods=["GET", "POST"])
def nouvelle(offre_id):
    offre = charger(Offre, offre_id, modifier=True)
    form = CandidatureForm()
    form.personne_id.choices = avec_vide((p.id, f"{p.nom} {p.prenom}")
                                         for p in queries.personnes_proposables(db.session, current_user))

    def service():
        personne = _personne(form.personne_id.data)
        return services.proposer(db.session, offre, personne, par=current_user, le=form.le.data,
                                 aujourd_hui=aujourdhui(), commentaire=form.commentaire.data or "",
                                 dans_le_perimetre=queries.dans_le_perimetre(db.session, current_user, personne))

    soumission = soumettre(form, service)
    if soumission:
        return rediriger(url_for("employeurs.candidatures.voir", candidature_id=soumission.resultat.id),
                         "Candidature proposée.")
    return rendre("employeurs/candidatures/form.html", form=form, offre=offre, statut=soumission.statut)


def _page(candidature: Candidature, form: TransitionForm | None = None, statut: int = 200):
    if form is None:
        form = TransitionForm(formdata=None)
        form.version.data = str(candidature.version)
    form.vers.choices = avec_vide((e.value, e.libelle) for e in rules.TRANSITIONS[candidature.etat])
    return rendre("employeurs/candidatures/voir.html", candidature=candidature, form=form, rules=rules,
                  relance=rules.relance(candidature.etat, candidature.etat_depuis, aujourdhui(),
                                        rules.delai_relance(current_user.structure.parametres)),
                  mobilisees=mesures_queries.mobilisees(db.session, candidature_id=candidature.id),
                  mesures_proposees=[m for m in mesures_queries.mesures_de(db.session, candidature.structure_id)
                                     if m.active],
                  mesures_action=url_for("employeurs.mesures.candidature", candidature_id=candidature.id)
                  if policy.peut(current_user, "employeurs.modifier") else None,
                  peut_modifier=policy.peut(current_user, "employeurs.modifier"), statut=statut)


@bp.get("/<uuid:candidature_id>")
def voir(candidature_id):
    return _page(charger(Candidature, candidature_id))


@bp.post("/<uuid:candidature_id>/etape")
def etape(candidature_id):
    candidature = charger(Candidature, candidature_id, modifier=True)
    form = TransitionForm()
    form.vers.choices = avec_vide((e.value, e.libelle) for e in EtatCandidature)

    def service():
        try:
            vers = EtatCandidature(form.vers.data)
        except ValueError:
            from cipdesk.core.erreurs import ErreurMetier
            raise ErreurMetier("Choisissez une étape de la liste.", "vers") from None
        return services.faire_passer(db.session, candidature, par=current_user, vers=vers, le=form.le.data,
                                     aujourd_hui=aujourdhui(), motif_refus=form.motif_refus.data or "",
                                     commentaire=form.commentaire.data or "", version=version_du(form))

    soumission = soumettre(form, service)
    if soumission:
        return rediriger(url_for("employeurs.candidatures.voir", candidature_id=candidature.id),
                         "Étape de la candidature enregistrée.")
    return _page(candidature, form, soumission.statut)


@bp.route("/delai", methods=["GET", "POST"])
def delai():
    """The structure's delay before relaunching an employer (its admin)."""
    from cipdesk.employeurs.candidatures.forms import DelaiForm

    policy.exiger(policy.peut_administrer(current_user))
    structure = current_user.structure
    form = DelaiForm()
    if not form.is_submitted():
        form.delai.data = rules.delai_relance(structure.parametres)
    soumission = soumettre(form, lambda: services.regler_delai(db.session, structure, par=current_user,
                                                                delai=form.delai.data))
    if soumission:
        return rediriger(url_for("employeurs.candidatures.delai"), "Délai de relance enregistré.")
    return rendre("employeurs/candidatures/delai.html", form=form, statut=soumission.statut)
