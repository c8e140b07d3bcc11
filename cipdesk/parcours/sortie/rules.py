"""Pure rules of the exit (DOMAIN.md « Exit categories », IAE/DGEFP grouping) and
its follow-up at 3 and 6 months. No session, no Flask."""
from __future__ import annotations

from datetime import date

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.core.libelles import EnumLibelle


def verifier_date_sortie(debut_parcours: date, sortie_le: date, aujourd_hui: date) -> None:
    if sortie_le < debut_parcours:
        raise ErreurMetier("La sortie doit être postérieure à l'entrée dans le parcours.", "sortie_le")
    if sortie_le > aujourd_hui:
        raise ErreurMetier("La date de sortie ne peut pas être dans le futur.", "sortie_le")


# -- exit (DOMAIN.md « Exit categories », IAE/DGEFP grouping) -------------------------
class CategorieSortie(EnumLibelle):
    EMPLOI_DURABLE = "emploi_durable"
    EMPLOI_TRANSITION = "emploi_transition"
    SORTIE_POSITIVE = "sortie_positive"
    AUTRES = "autres"
    RETRAITS = "retraits"


CategorieSortie.LIBELLES = {
    "emploi_durable": "Emploi durable", "emploi_transition": "Emploi de transition",
    "sortie_positive": "Sortie positive", "autres": "Autres sorties",
    "retraits": "Retraits (non comptabilisés)",
}
C = CategorieSortie
# motif code -> (libellé, catégorie)
MOTIFS_SORTIE: dict[str, tuple[str, CategorieSortie]] = {
    "cdi": ("CDI (aidé ou non)", C.EMPLOI_DURABLE),
    "cdd_6_mois_plus": ("CDD ou intérim de 6 mois et plus", C.EMPLOI_DURABLE),
    "titularisation": ("Titularisation dans la fonction publique", C.EMPLOI_DURABLE),
    "creation_entreprise": ("Création ou reprise d'entreprise", C.EMPLOI_DURABLE),
    "cdd_moins_6_mois": ("CDD ou intérim de moins de 6 mois", C.EMPLOI_TRANSITION),
    "contrat_aide": ("Contrat aidé chez un employeur ordinaire", C.EMPLOI_TRANSITION),
    "formation": ("Formation pré-qualifiante ou qualifiante", C.SORTIE_POSITIVE),
    "autre_siae": ("Embauche dans une autre SIAE", C.SORTIE_POSITIVE),
    "autre_positive": ("Autre sortie reconnue positive", C.SORTIE_POSITIVE),
    "chomage": ("Au chômage", C.AUTRES),
    "inactivite": ("Inactivité", C.AUTRES),
    "sans_nouvelles": ("Sans nouvelles", C.AUTRES),
    "retraite": ("Retraite", C.RETRAITS),
    "conge_longue_duree": ("Congé longue durée", C.RETRAITS),
    "deces": ("Décès", C.RETRAITS),
    "decision_administrative": ("Décision administrative ou de justice", C.RETRAITS),
    "rupture": ("Rupture (faute grave, période d'essai)", C.RETRAITS),
    "transfert": ("Transfert", C.RETRAITS),
}
SORTIES_DYNAMIQUES = frozenset({C.EMPLOI_DURABLE, C.EMPLOI_TRANSITION, C.SORTIE_POSITIVE})


def categorie_de(motif: str) -> CategorieSortie:
    try:
        return MOTIFS_SORTIE[motif][1]
    except KeyError:
        raise ErreurMetier("Choisissez un motif de sortie de la liste.", "motif") from None


def est_sortie_dynamique(categorie: CategorieSortie) -> bool:
    """« Sorties dynamiques » = emploi durable, emploi de transition, sortie positive."""
    return categorie in SORTIES_DYNAMIQUES


class DevenirEtapes(EnumLibelle):
    """Closing a parcours with open étapes asks what becomes of them."""
    ANNULER = "annuler"
    ABANDONNER = "abandonner"
    TRANSMETTRE = "transmettre"


DevenirEtapes.LIBELLES = {
    "annuler": "Les annuler (décision de la structure)",
    "abandonner": "Les noter abandonnées par la personne",
    "transmettre": "Les clore en les transmettant dans le passage de relais",
}


class SituationSuivi(EnumLibelle):
    EMPLOI = "emploi"
    FORMATION = "formation"
    RECHERCHE = "recherche"
    INCONNUE = "inconnue"


SituationSuivi.LIBELLES = {"emploi": "En emploi", "formation": "En formation",
                            "recherche": "En recherche d'emploi", "inconnue": "Situation inconnue"}
MOIS_SUIVI = (3, 6)


def ajouter_mois(jour: date, mois: int) -> date:
    annee, m = divmod(jour.month - 1 + mois, 12)
    annee += jour.year
    m += 1
    for j in (jour.day, 30, 29, 28):
        try:
            return date(annee, m, j)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def echeances_suivi(sortie_le: date) -> dict[int, date]:
    """Follow-up checks at 3 and 6 months after the exit (funders' indicators)."""
    return {m: ajouter_mois(sortie_le, m) for m in MOIS_SUIVI}
