"""The parcours page (`parcours.contrat.voir`): the contract with its étapes,
entretiens, projet and exit shown together. It lives at the package level, above
the sub-packages it assembles, so that they depend on `contrat` and never the
reverse; its view is registered on the contract's blueprint (URL and endpoint
unchanged)."""
from __future__ import annotations

from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.core.fiche import SourceDeFiche
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


def _parcours_de(personne_id, lecteur_id, aujourd_hui):  # noqa: ARG001
    """Two parts: the person's parcours, the open étapes of their open parcours."""
    from sqlalchemy import Integer, literal_column, select

    from cipdesk.parcours.contrat.models import Parcours
    from cipdesk.parcours.contrat.rules import StatutParcours
    from cipdesk.parcours.etapes.models import Etape
    from cipdesk.parcours.etapes.rules import STATUTS_OUVERTS

    parcours = select(literal_column("1", Integer).label("n"), Parcours.id.label("objet_id"),
                      Parcours.debut.label("le"), Parcours.statut.label("texte")).where(Parcours.personne_id == personne_id)
    etapes = select(literal_column("2", Integer).label("n"), Etape.parcours_id.label("objet_id"),
                    Etape.id.label("autre_id"), Etape.structure_id.label("structure_id"),
                    Etape.intitule_chiffre.label("chiffre"), Etape.echeance.label("le"),
                    Etape.created_at.label("saisi"), Etape.statut.label("texte")) \
        .join(Parcours, Parcours.id == Etape.parcours_id) \
        .where(Parcours.personne_id == personne_id, Parcours.statut == StatutParcours.OUVERT,
               Etape.statut.in_(STATUTS_OUVERTS))
    return parcours, etapes


def _lire_parcours_de(lignes, session, personne, lecteur, *, peut_modifier: bool, aujourd_hui):
    """The parcours' part of the person's page (`Module.fiche_personne`, read in the page's one
    statement): « Nouvel entretien » is the main action when a parcours is open and the reader may
    write; « Parcours » only when there is one to see, « Ouvrir un parcours » only for
    who may open it; the open étapes with their échéance, overdue first."""
    from datetime import datetime

    from cipdesk.personnes.queries import dechiffrer
    from cipdesk.core.fiche import ActionPersonne, Encart, LigneEncart, PartDeFiche
    from cipdesk.parcours.contrat.rules import StatutParcours
    from cipdesk.parcours.etapes.rules import est_en_retard

    tous = sorted((r for r in lignes if r.n == 1), key=lambda r: r.le, reverse=True)
    ouvert = next((p for p in tous if p.texte == StatutParcours.OUVERT.value), None)
    courant = ouvert or (tous[0] if tous else None)
    actions = []
    if ouvert is not None and peut_modifier:
        actions.append(ActionPersonne("Nouvel entretien", "parcours.entretiens.nouveau",
                                      (("parcours_id", ouvert.objet_id),), principale=True, ordre=10))
    if courant is not None:
        actions.append(ActionPersonne("Parcours" if ouvert else "Parcours (clos)", "parcours.contrat.voir",
                                      (("parcours_id", courant.objet_id),), ordre=20))
    elif peut_modifier:
        actions.append(ActionPersonne("Ouvrir un parcours", "parcours.contrat.ouvrir",
                                      (("personne_id", personne.id),), ordre=65))
    if ouvert is None:
        return PartDeFiche(tuple(actions))
    # the parcours' order of its étapes (échéance, then creation), then the card's: dated first
    etapes = sorted((r for r in lignes if r.n == 2 and r.objet_id == ouvert.objet_id),
                    key=lambda e: (e.le is None, e.le, e.saisi.replace(tzinfo=None) if e.saisi else datetime.min))
    etapes.sort(key=lambda e: (e.le is None, e.le or aujourd_hui))
    lignes_ = []
    for e in etapes:
        statut = StatutEtape(e.texte)
        en_retard = est_en_retard(statut, e.le, aujourd_hui)
        lignes_.append(LigneEncart(
            dechiffrer(session, "etape", "intitule", e.structure_id, e.autre_id, e.chiffre),
            (f"échéance le {e.le:%d/%m/%Y}" if e.le else "sans échéance") + (" — dépassée" if en_retard else "")
            + f" ({statut.libelle.lower()})",
            "parcours.etapes.statut" if peut_modifier else "", (("etape_id", e.autre_id),) if peut_modifier else (),
            alerte=en_retard))
    return PartDeFiche(tuple(actions), (
        Encart("etapes", "Étapes en cours", tuple(lignes_), "Aucune étape en cours.", ordre=20,
               endpoint="parcours.contrat.voir", params=(("parcours_id", ouvert.objet_id),), lien="Toutes les étapes"),))


# The parcours' actions and open étapes on the person's page, read in its one statement (core/fiche.py).
fiche_personne = SourceDeFiche(_parcours_de, _lire_parcours_de)
