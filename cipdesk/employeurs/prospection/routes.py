"""Pages of a prospection action: the project, its ★ caseload targets, target
employers, planning, indicators against their targets, evaluation of the gaps."""
from __future__ import annotations

import uuid

from flask import Blueprint, make_response, request, url_for
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.employeurs.entreprises.queries import recherche
from cipdesk.employeurs.prospection import queries, rules, services
from cipdesk.employeurs.prospection.forms import ActionForm, CibleForm, EvaluationForm
from cipdesk.employeurs.prospection.models import ActionProspection
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import avec_vide, rediriger, soumettre
from cipdesk.web.rendu import rendre

bp = Blueprint("prospection", __name__, url_prefix="/prospection")


@bp.get("/")
def liste():
    policy.exiger(policy.peut(current_user, "employeurs.voir"))
    return rendre("employeurs/prospection/liste.html", actions=queries.actions(db.session, current_user.structure_id))


@bp.route("/nouvelle", methods=["GET", "POST"])
def nouvelle():
    policy.exiger(policy.peut(current_user, "employeurs.modifier"))
    form = ActionForm()
    soumission = soumettre(form, lambda: services.creer_action(db.session, par=current_user, donnees=form.donnees(),
                                                                cibles=form.cibles(), le=aujourdhui()),
                           valider=lambda: rules.verifier_periode(form.debut.data, form.fin.data))
    if soumission:
        return rediriger(url_for("employeurs.prospection.voir", action_id=soumission.resultat.id),
                         "Action de prospection enregistrée.")
    return rendre("employeurs/prospection/form.html", form=form, statut=soumission.statut,
                  metiers=queries.metiers_vises(db.session, current_user.structure_id))


def _page(action, *, cible=None, evaluation=None, statut=200):
    peut = policy.peut(current_user, "employeurs.modifier")
    # the targeted employers with their names in ONE query (not one per target)
    ciblees = queries.cibles_nommees(db.session, action.id)
    if peut:
        # Only who may target gets the list: the employers the search finds (`?q_cible=` in the URL,
        # name, SIRET, commune, NAF — the base's search as you type), at most 50 — not a select of
        # the whole base (20 000 employers at federation scale: 0,5 s of rendering alone).
        q_cible = request.args.get("q_cible", "")[:100]
        deja = {c.entreprise_id for c in ciblees}
        cible = cible if cible is not None else CibleForm(formdata=None)
        cible.entreprise_id.choices = avec_vide(
            (i, f"{r} ({e})" if e else r) for i, r, e in db.session.execute(recherche(
                action.structure_id, q_cible, colonnes=(Entreprise.id, Entreprise.raison_sociale, Entreprise.enseigne)))
            if i not in deja)
        evaluation = evaluation or EvaluationForm(formdata=None)
    else:   # the forms are shown only to who may target and evaluate
        q_cible, cible, evaluation = "", None, None
    realises = queries.realises(db.session, action)
    metiers = queries.metiers_vises(db.session, action.structure_id)
    return rendre("employeurs/prospection/voir.html", action=action, peut_modifier=peut, cible=cible, q_cible=q_cible,
                  ciblees=ciblees,
                  secteurs_suggeres=queries.secteurs_suggeres(db.session, action, metiers,
                                                              ciblees={c.entreprise_id for c in ciblees}),
                  evaluation=evaluation, realises=realises,
                  ecarts=rules.ecarts({i.code.value: i.cible for i in action.indicateurs}, realises),
                  metiers=metiers,
                  planning=queries.planning(action, aujourdhui()), aujourd_hui=aujourdhui(), statut=statut)


@bp.get("/<uuid:action_id>")
def voir(action_id):
    return _page(charger(ActionProspection, action_id, objet=queries.action_complete(db.session, action_id)))


@bp.get("/<uuid:action_id>/indicateurs.xlsx")
def indicateurs_xlsx(action_id):
    from cipdesk.documents.tableur import classeur

    action = charger(ActionProspection, action_id)
    lignes = [(e.indicateur.libelle, e.cible, e.realise, e.ecart, e.taux if e.taux is not None else "")
              for e in rules.ecarts({i.code.value: i.cible for i in action.indicateurs},
                                    queries.realises(db.session, action))]
    contenu = classeur("Indicateurs", ("Indicateur", "Objectif", "Réalisé", "Écart", "Taux (%)"), lignes,
                       structure=current_user.structure)
    reponse = make_response(contenu)
    reponse.headers["Content-Type"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    reponse.headers["Content-Disposition"] = f'attachment; filename="indicateurs-{action.id.hex[:8]}.xlsx"'
    return reponse


@bp.post("/<uuid:action_id>/cibles")
def cibler(action_id):
    action = charger(ActionProspection, action_id, modifier=True)
    form = CibleForm()

    def service():
        try:
            entreprise = db.session.get(Entreprise, uuid.UUID(form.entreprise_id.data or ""))
        except ValueError:
            entreprise = None
        return services.cibler(db.session, action, entreprise, par=current_user)

    soumission = soumettre(form, service)
    if soumission:
        return rediriger(url_for("employeurs.prospection.voir", action_id=action.id) + "#cible", "Entreprise ciblée.")
    return _page(action, cible=form, statut=soumission.statut)


@bp.post("/<uuid:action_id>/evaluation")
def evaluer(action_id):
    action = charger(ActionProspection, action_id, modifier=True)
    form = EvaluationForm()
    soumission = soumettre(form, lambda: services.evaluer(
        db.session, action, par=current_user, evaluation=form.evaluation.data, causes=form.causes_ecarts.data or "",
        realises=queries.realises(db.session, action), le=form.le.data))
    if soumission:
        return rediriger(url_for("employeurs.prospection.voir", action_id=action.id) + "#section-evaluation",
                         "Évaluation enregistrée.")
    return _page(action, evaluation=form, statut=soumission.statut)
