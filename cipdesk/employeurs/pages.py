"""The employeurs pages that assemble several sub-packages: the entreprise's page (its
exchanges, fiches de poste and offers) and the offer's page (its candidatures and the
people who may be proposed). They live at the package level, above the sub-packages they
read, so that `interactions` and `offres` depend on `entreprises` and `candidatures` on
`offres`, never the reverse; their views are registered on the sub-packages' blueprints
(URLs and endpoints unchanged: `employeurs.entreprises.voir`, `employeurs.offres.*`)."""
from __future__ import annotations

from flask import flash, redirect, url_for
from flask_login import current_user

from cipdesk.core.contrat import registre
from cipdesk.core.dates import aujourdhui, maintenant
from cipdesk.core.db import db
from cipdesk.employeurs.candidatures.queries import candidatures_de_l_offre
from cipdesk.employeurs.entreprises import queries as entreprises_queries
from cipdesk.employeurs.entreprises import rules as entreprises_rules
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.employeurs.entreprises.routes import bp as entreprises
from cipdesk.employeurs.interactions.queries import chronologie
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.employeurs.candidatures.models import Candidature
from cipdesk.employeurs.mesures import queries as mesures_queries
from cipdesk.employeurs.mesures import services as mesures_services
from cipdesk.employeurs.mesures.forms import MobiliserForm
from cipdesk.employeurs.mesures.routes import bp as mesures
from cipdesk.employeurs.offres import queries as offres_queries
from cipdesk.employeurs.offres import services as offres_services
from cipdesk.employeurs.offres.forms import DiffusionForm, JustificationForm, StatutOffreForm
from cipdesk.employeurs.offres.models import Offre
from cipdesk.employeurs.offres.queries import fiches_de_l_entreprise, offres_de_l_entreprise
from cipdesk.employeurs.offres.routes import bp as offres
from cipdesk.employeurs.profils import queries as profils_queries
from cipdesk.employeurs.offres.rules import StatutOffre
from cipdesk.personnes.queries import file_partagee
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import rediriger, soumettre
from cipdesk.web.rendu import rendre

# --- The entreprise's page ----------------------------------------------------------------


@entreprises.get("/<uuid:entreprise_id>", endpoint="voir")
def voir_entreprise(entreprise_id):
    entreprise = charger(Entreprise, entreprise_id,
                         objet=entreprises_queries.entreprise_complete(db.session, entreprise_id))
    echanges = chronologie(db.session, entreprise.id)
    # Lines other modules add to the entreprise's timeline (the intégration's mediations).
    autres = [e for m in registre.modules for f in m.chronologie_entreprise for e in f(db.session, entreprise,
                                                                                      current_user)]
    fil = sorted([(i.le, "echange", i) for i in echanges] + [(e.le, "evenement", e) for e in autres],
                 key=lambda x: x[0], reverse=True)
    return rendre("employeurs/entreprises/voir.html", entreprise=entreprise, rules=entreprises_rules,
                  echanges=echanges, fil=fil, aujourd_hui=aujourdhui(),
                  fiches=fiches_de_l_entreprise(db.session, entreprise.id),
                  offres=offres_de_l_entreprise(db.session, entreprise.id),
                  peut_modifier=policy.peut(current_user, "employeurs.modifier"))


# --- The offer's page and its forms -------------------------------------------------------


def _page_offre(offre: Offre, *, statut: int = 200, justification: JustificationForm | None = None,
                diffusion: DiffusionForm | None = None, changement: StatutOffreForm | None = None,
                cle_en_erreur: str = ""):
    signalements = offres_services.signalements(offre)
    justifiees = {j.cle: j for j in offre.justifications}
    peut_modifier = policy.peut(current_user, "employeurs.modifier")
    # Once for the candidatures and the matching, from the structure's settings the user loader read
    # with the account (no second read of the structure).
    perimetre = policy.perimetre(current_user, file_active_partagee=file_partagee(current_user))
    visibles, autres = candidatures_de_l_offre(db.session, current_user, offre.id, perimetre=perimetre)
    # « Proposer une candidature » is a link to the candidature's own form (which lists the people).
    proposer = peut_modifier and offre.statut in (StatutOffre.BROUILLON, StatutOffre.PUBLIEE)
    return rendre("employeurs/offres/voir.html", offre=offre, signalements=signalements, justifiees=justifiees,
                  ouverts=[s for s in signalements if s.cle not in justifiees],
                  justification=justification or JustificationForm(formdata=None), cle_en_erreur=cle_en_erreur,
                  # the diffusion and closing forms are shown only to who may write
                  diffusion=diffusion or (DiffusionForm(formdata=None) if peut_modifier else None),
                  changement=changement or (StatutOffreForm(formdata=None) if peut_modifier else None),
                  candidatures=visibles, autres_candidatures=autres, proposer=proposer,
                  rapproches=profils_queries.rapprochement(db.session, current_user, offre, aujourdhui(),
                                                           perimetre=perimetre),
                  mobilisees=mesures_queries.mobilisees(db.session, offre_id=offre.id),
                  # the measures to mobilise only for who may mobilise them (the form is shown to them only)
                  mesures_proposees=[m for m in mesures_queries.mesures_de(db.session, offre.structure_id) if m.active]
                  if peut_modifier else [],
                  mesures_action=url_for("employeurs.mesures.offre", offre_id=offre.id) if peut_modifier else None,
                  peut_modifier=peut_modifier, statut=statut)


@offres.get("/<uuid:offre_id>", endpoint="voir")
def voir_offre(offre_id):
    return _page_offre(charger(Offre, offre_id, objet=offres_queries.offre_complete(db.session, offre_id)))


@offres.post("/<uuid:offre_id>/justifications", endpoint="justifier")
def justifier(offre_id):
    offre = charger(Offre, offre_id, modifier=True)
    form = JustificationForm()
    soumission = soumettre(form, lambda: offres_services.justifier(
        db.session, offre, par=current_user, cle=form.cle.data, justification=form.justification.data or "",
        le=maintenant()))
    if soumission:
        return rediriger(url_for("employeurs.offres.voir", offre_id=offre.id) + "#verification",
                         "Exigence conservée avec sa justification.")
    return _page_offre(offre, statut=soumission.statut, justification=form, cle_en_erreur=form.cle.data or "")


@offres.post("/<uuid:offre_id>/diffusion", endpoint="diffuser")
def diffuser(offre_id):
    offre = charger(Offre, offre_id, modifier=True)
    form = DiffusionForm()
    soumission = soumettre(form, lambda: offres_services.diffuser(db.session, offre, par=current_user,
                                                                   le=maintenant()))
    if soumission:
        return rediriger(url_for("employeurs.offres.voir", offre_id=offre.id), "Offre diffusée.")
    return _page_offre(offre, statut=soumission.statut, diffusion=form)


@offres.post("/<uuid:offre_id>/statut", endpoint="changer_statut")
def changer_statut(offre_id):
    offre = charger(Offre, offre_id, modifier=True)
    form = StatutOffreForm()
    soumission = soumettre(form, lambda: offres_services.changer_statut(
        db.session, offre, par=current_user, statut=StatutOffre(form.statut.data), le=form.le.data))
    if soumission:
        return rediriger(url_for("employeurs.offres.voir", offre_id=offre.id), "Statut de l'offre mis à jour.")
    return _page_offre(offre, statut=soumission.statut, changement=form)


# --- Measures mobilised on an offer or a candidature (issue #13 point 5) --------------------


def _mobiliser(cible_url: str, **cible):
    form = MobiliserForm()
    try:
        if not form.validate_on_submit():
            raise ErreurMetier("Choisissez une mesure de la liste.")
        mesures_services.mobiliser(db.session, par=current_user, code=form.code.data, le=aujourdhui(), **cible)
    except ErreurMetier as erreur:
        db.session.rollback()
        flash(erreur.message, "erreur")
        return redirect(cible_url + "#mesures", 303)
    return rediriger(cible_url + "#mesures", "Mesure mobilisée.")


@mesures.post("/offres/<uuid:offre_id>", endpoint="offre")
def mobiliser_sur_offre(offre_id):
    policy.exiger(policy.peut(current_user, "employeurs.modifier"))
    offre = charger(Offre, offre_id, modifier=True)
    return _mobiliser(url_for("employeurs.offres.voir", offre_id=offre.id), offre=offre)


@mesures.post("/candidatures/<uuid:candidature_id>", endpoint="candidature")
def mobiliser_sur_candidature(candidature_id):
    candidature = charger(Candidature, candidature_id, modifier=True)
    return _mobiliser(url_for("employeurs.candidatures.voir", candidature_id=candidature.id), candidature=candidature)
