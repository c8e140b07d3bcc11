"""What other modules may read from accueil (STYLE.md: a domain imports only
another domain's `models` and `queries`): the freins of the latest validated
diagnostic (parcours), the structure's diagnostic dimensions (the partners' domains). The queries themselves live in the sub-packages."""
from __future__ import annotations

from cipdesk.accueil.diagnostic.queries import FreinResume, dimensions_de_la_structure, freins_du_dernier_diagnostic
from cipdesk.core.fiche import SourceDeFiche

__all__ = ["FreinResume", "dimensions_de_la_structure", "freins_du_dernier_diagnostic"]


def _fiche(personne_id, lecteur_id, aujourd_hui):  # noqa: ARG001
    """Two parts: the open freins (level > 0) of the latest validated diagnostic, the orientations
    awaiting the partner's answer."""
    from sqlalchemy import Integer, literal_column, select

    from cipdesk.accueil.diagnostic.models import Diagnostic, DiagnosticDimension, StatutDiagnostic
    from cipdesk.accueil.orientation.models import Orientation, ReponsePartenaire
    from cipdesk.territoire.partenaires.models import Partenaire

    dernier = select(Diagnostic.id).where(Diagnostic.personne_id == personne_id,
                                          Diagnostic.statut == StatutDiagnostic.VALIDE) \
        .order_by(Diagnostic.numero.desc()).limit(1).scalar_subquery()
    D = DiagnosticDimension
    freins = select(literal_column("1", Integer).label("n"), D.id.label("objet_id"), D.structure_id.label("structure_id"),
                    D.dimension_libelle.label("texte"), D.frein_niveau.label("n2"), D.freins_chiffre.label("chiffre"),
                    D.ordre.label("n3")) \
        .where(D.diagnostic_id == dernier, D.frein_niveau > 0)
    orientations = select(literal_column("2", Integer).label("n"), Orientation.id.label("objet_id"),
                          Partenaire.nom.label("texte"), Orientation.date_orientation.label("le")) \
        .join(Partenaire, Partenaire.id == Orientation.partenaire_id) \
        .where(Orientation.personne_id == personne_id, Orientation.reponse == ReponsePartenaire.EN_ATTENTE)
    return freins, orientations


def _lire_fiche(lignes, session, personne, lecteur, *, peut_modifier: bool, aujourd_hui):
    """The accueil's part of the person's page (`Module.fiche_personne`, read in the page's one
    statement): the actions it offers, the open freins of the latest validated diagnostic and the
    orientations awaiting the partner's answer."""
    from cipdesk.accueil.diagnostic.rules import NIVEAUX_FREIN
    from cipdesk.personnes.queries import dechiffrer
    from cipdesk.core.fiche import ActionPersonne, Encart, LigneEncart, PartDeFiche

    pid = (("personne_id", personne.id),)
    actions = [ActionPersonne("Diagnostic partagé", "accueil.diagnostic.voir", pid, ordre=30)]
    if peut_modifier:
        actions += [ActionPersonne("Nouvel accueil", "accueil.accueils.nouveau", pid, principale=True, ordre=60),
                    ActionPersonne("Synthèse d'entretien", "accueil.synthese.nouvelle", pid, ordre=70),
                    ActionPersonne("Orienter vers un partenaire", "accueil.orientation.nouvelle", pid, ordre=80)]
    # the diagnostic's order of its dimensions, then the gravest first
    freins = sorted((r for r in lignes if r.n == 1), key=lambda r: r.n3)
    freins.sort(key=lambda f: -f.n2)
    lignes_freins = []
    for f in freins:
        libelle = dechiffrer(session, "diagnostic_dimension", "freins", f.structure_id, f.objet_id, f.chiffre) or f.texte
        lignes_freins.append(LigneEncart(f.texte, f"{NIVEAUX_FREIN.get(f.n2, '')} — {libelle}"
                                         if libelle != f.texte else NIVEAUX_FREIN.get(f.n2, ""), alerte=f.n2 >= 3))
    orientations = sorted((r for r in lignes if r.n == 2), key=lambda r: r.le)
    encarts = (
        Encart("freins", "Freins ouverts", tuple(lignes_freins),
               "Aucun frein ouvert dans le dernier diagnostic validé.", ordre=10,
               endpoint="accueil.diagnostic.voir", params=pid, lien="Voir le diagnostic"),
        Encart("orientations", "Orientations en attente de réponse", tuple(
            LigneEncart(o.texte, f"orientée le {o.le:%d/%m/%Y}",
                        "accueil.orientation.voir", (("orientation_id", o.objet_id),)) for o in orientations),
               "Aucune orientation en attente.", ordre=40),
    )
    return PartDeFiche(tuple(actions), encarts)


# The accueil's actions, open freins and awaiting orientations, read in the person page's one statement.
fiche_personne = SourceDeFiche(_fiche, _lire_fiche)
