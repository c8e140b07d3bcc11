"""The parcours page (`parcours.contrat.voir`): the contract with its étapes,
entretiens, projet and exit shown together. It lives at the package level, above
the sub-packages it assembles, so that they depend on `contrat` and never the
reverse; its view is registered on the contract's blueprint (URL and endpoint
unchanged)."""
from __future__ import annotations

from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.parcours.contrat.forms import SignatureForm
from cipdesk.parcours.contrat.routes import bp, charger_parcours
from cipdesk.parcours.etapes import services as etapes_services
from cipdesk.parcours.etapes.rules import CRITERE_COHERENCE, StatutEtape
from cipdesk.parcours.sortie.forms import SuiviForm
from cipdesk.parcours.sortie.rules import MOTIFS_SORTIE, echeances_suivi
from cipdesk.personnes.queries import alertes_pour, contexte_acces
from cipdesk.security import policy
from cipdesk.web.rendu import rendre


@bp.get("/<uuid:parcours_id>")
def voir(parcours_id):
    parcours = charger_parcours(parcours_id, complet=True)
    aujourd_hui = aujourdhui()
    peut_modifier = policy.peut_modifier_parcours(current_user, parcours.personne,
                                                  **contexte_acces(db.session, parcours.personne))
    coherence = etapes_services.coherence_du_parcours(db.session, parcours)
    alertes = alertes_pour(db.session, [parcours.personne_id], aujourd_hui).get(parcours.personne_id, []) \
        if parcours.est_ouvert else []
    signature = SignatureForm(formdata=None)
    signature.signe_le.data = aujourd_hui
    suivi_form = SuiviForm(formdata=None)
    suivi_form.fait_le.data = aujourd_hui
    return rendre("parcours/voir.html", fragment="parcours/etapes/_etapes.html", parcours=parcours,
                  suivi_form=suivi_form, motifs_sortie=MOTIFS_SORTIE, echeances_suivi=echeances_suivi,
                  coherence=coherence, critere_coherence=CRITERE_COHERENCE, alertes=alertes,
                  peut_modifier=peut_modifier, signature=signature, StatutEtape=StatutEtape,
                  libelles_champs=etapes_services.LIBELLES_CHAMPS)


def fiche_personne(session, personne, lecteur, *, peut_modifier: bool, aujourd_hui):
    """The parcours' part of the person's page (`Module.fiche_personne`, two queries):
    « Nouvel entretien » is the main action when a parcours is open and the reader may
    write; « Parcours » only when there is one to see, « Ouvrir un parcours » only for
    who may open it; the open étapes with their échéance, overdue first."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from cipdesk.core.fiche import ActionPersonne, Encart, LigneEncart, PartDeFiche
    from cipdesk.parcours.contrat.models import Parcours
    from cipdesk.parcours.etapes.rules import STATUTS_OUVERTS, est_en_retard

    tous = session.scalars(select(Parcours).where(Parcours.personne_id == personne.id)
                           .options(selectinload(Parcours.etapes)).order_by(Parcours.debut.desc())).all()
    ouvert = next((p for p in tous if p.est_ouvert), None)
    courant = ouvert or (tous[0] if tous else None)
    actions = []
    if ouvert is not None and peut_modifier:
        actions.append(ActionPersonne("Nouvel entretien", "parcours.entretiens.nouveau",
                                      (("parcours_id", ouvert.id),), principale=True, ordre=10))
    if courant is not None:
        actions.append(ActionPersonne("Parcours" if ouvert else "Parcours (clos)", "parcours.contrat.voir",
                                      (("parcours_id", courant.id),), ordre=20))
    elif peut_modifier:
        actions.append(ActionPersonne("Ouvrir un parcours", "parcours.contrat.ouvrir",
                                      (("personne_id", personne.id),), ordre=65))
    if ouvert is None:
        return PartDeFiche(tuple(actions))
    etapes = sorted((e for e in ouvert.etapes if e.statut in STATUTS_OUVERTS),
                    key=lambda e: (e.echeance is None, e.echeance or aujourd_hui))
    lignes = tuple(
        LigneEncart(e.intitule, (f"échéance le {e.echeance:%d/%m/%Y}" if e.echeance else "sans échéance")
                    + (" — dépassée" if est_en_retard(e.statut, e.echeance, aujourd_hui) else "")
                    + f" ({e.statut.libelle.lower()})",
                    "parcours.etapes.statut" if peut_modifier else "", (("etape_id", e.id),) if peut_modifier else (),
                    alerte=est_en_retard(e.statut, e.echeance, aujourd_hui))
        for e in etapes)
    return PartDeFiche(tuple(actions), (
        Encart("etapes", "Étapes en cours", lignes, "Aucune étape en cours.", ordre=20,
               endpoint="parcours.contrat.voir", params=(("parcours_id", ouvert.id),), lien="Toutes les étapes"),))
