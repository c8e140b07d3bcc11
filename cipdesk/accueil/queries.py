"""What other modules may read from accueil (STYLE.md: a domain imports only
another domain's `models` and `queries`): the freins of the latest validated
diagnostic (parcours), the structure's diagnostic dimensions (the partners' domains). The queries themselves live in the sub-packages."""
from __future__ import annotations

from cipdesk.accueil.diagnostic.queries import FreinResume, dimensions_de_la_structure, freins_du_dernier_diagnostic

__all__ = ["FreinResume", "dimensions_de_la_structure", "freins_du_dernier_diagnostic"]


def fiche_personne(session, personne, lecteur, *, peut_modifier: bool, aujourd_hui):
    """The accueil's part of the person's page (`Module.fiche_personne`): the actions it
    offers, the open freins of the latest validated diagnostic and the orientations
    awaiting the partner's answer (three queries, whatever their number)."""
    from sqlalchemy import select
    from sqlalchemy.orm import joinedload

    from cipdesk.accueil.diagnostic.rules import NIVEAUX_FREIN
    from cipdesk.accueil.orientation.models import Orientation, ReponsePartenaire
    from cipdesk.core.fiche import ActionPersonne, Encart, LigneEncart, PartDeFiche

    pid = (("personne_id", personne.id),)
    actions = [ActionPersonne("Diagnostic partagé", "accueil.diagnostic.voir", pid, ordre=30)]
    if peut_modifier:
        actions += [ActionPersonne("Nouvel accueil", "accueil.accueils.nouveau", pid, principale=True, ordre=60),
                    ActionPersonne("Synthèse d'entretien", "accueil.synthese.nouvelle", pid, ordre=70),
                    ActionPersonne("Orienter vers un partenaire", "accueil.orientation.nouvelle", pid, ordre=80)]
    freins = [f for f in freins_du_dernier_diagnostic(session, personne.id) if f.ouvert]
    freins.sort(key=lambda f: -f.niveau)
    orientations = session.scalars(
        select(Orientation).where(Orientation.personne_id == personne.id,
                                  Orientation.reponse == ReponsePartenaire.EN_ATTENTE)
        .options(joinedload(Orientation.partenaire)).order_by(Orientation.date_orientation)).all()
    encarts = (
        Encart("freins", "Freins ouverts", tuple(
            LigneEncart(f.dimension_libelle, f"{NIVEAUX_FREIN.get(f.niveau, '')} — {f.libelle}"
                        if f.libelle != f.dimension_libelle else NIVEAUX_FREIN.get(f.niveau, ""),
                        alerte=f.niveau >= 3) for f in freins),
               "Aucun frein ouvert dans le dernier diagnostic validé.", ordre=10,
               endpoint="accueil.diagnostic.voir", params=pid, lien="Voir le diagnostic"),
        Encart("orientations", "Orientations en attente de réponse", tuple(
            LigneEncart(o.partenaire.nom, f"orientée le {o.date_orientation:%d/%m/%Y}",
                        "accueil.orientation.voir", (("orientation_id", o.id),)) for o in orientations),
               "Aucune orientation en attente.", ordre=40),
    )
    return PartDeFiche(tuple(actions), encarts)
