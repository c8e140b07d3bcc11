"""Pure rules of the parcours (no session, no Flask): unit-tested in milliseconds.

Sources: REAC TP-00403 CP6, CP7, CP8 and their criteria (RC §3.2); DOMAIN.md
(exit categories, ADVP).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.core.libelles import EnumLibelle



class StatutParcours(EnumLibelle):
    OUVERT = "ouvert"
    CLOS = "clos"


StatutParcours.LIBELLES = {"ouvert": "En cours", "clos": "Clos"}


# -- étapes: state machine as a table, every change logged ------------------------
class StatutEtape(EnumLibelle):
    PREVUE = "prevue"
    EN_COURS = "en_cours"
    REALISEE = "realisee"
    ABANDONNEE = "abandonnee"   # abandonnée par la personne
    ANNULEE = "annulee"         # annulée par la structure
    REPORTEE = "reportee"


StatutEtape.LIBELLES = {
    "prevue": "Prévue", "en_cours": "En cours", "realisee": "Réalisée",
    "abandonnee": "Abandonnée par la personne", "annulee": "Annulée par la structure",
    "reportee": "Reportée",
}

S = StatutEtape
TRANSITIONS_ETAPE: dict[StatutEtape, frozenset[StatutEtape]] = {
    S.PREVUE: frozenset({S.EN_COURS, S.REALISEE, S.ABANDONNEE, S.ANNULEE, S.REPORTEE}),
    S.EN_COURS: frozenset({S.REALISEE, S.ABANDONNEE, S.ANNULEE, S.REPORTEE}),
    S.REPORTEE: frozenset({S.PREVUE, S.EN_COURS, S.REALISEE, S.ABANDONNEE, S.ANNULEE}),
    S.REALISEE: frozenset(),
    S.ABANDONNEE: frozenset({S.PREVUE}),   # the person comes back to it
    S.ANNULEE: frozenset(),
}
STATUTS_OUVERTS = frozenset({S.PREVUE, S.EN_COURS, S.REPORTEE})


def verifier_transition(avant: StatutEtape, apres: StatutEtape) -> None:
    if apres not in TRANSITIONS_ETAPE[avant]:
        raise ErreurMetier(f"Une étape « {avant.libelle} » ne peut pas passer à « {apres.libelle} ».",
                           "statut")


def verifier_realisation(statut: StatutEtape, le: date, aujourd_hui: date) -> None:
    """An étape cannot be « réalisée » in the future."""
    if statut == S.REALISEE and le > aujourd_hui:
        raise ErreurMetier("Une étape ne peut pas être réalisée à une date future.", "le")


class Responsable(EnumLibelle):
    PERSONNE = "personne"
    CONSEILLER = "conseiller"
    PARTENAIRE = "partenaire"


Responsable.LIBELLES = {"personne": "La personne", "conseiller": "Le ou la conseiller·ère",
                         "partenaire": "Un partenaire"}


# -- dates -------------------------------------------------------------------------
def verifier_dates_contrat(debut: date | None, fin_prevue: date | None) -> None:
    if debut is None:
        raise ErreurMetier("Indiquez la date de début du parcours.", "debut")
    if fin_prevue is not None and fin_prevue <= debut:
        raise ErreurMetier("La fin prévue doit être postérieure au début du parcours.", "fin_prevue")


def verifier_echeance(debut_parcours: date, echeance: date | None) -> None:
    if echeance is not None and echeance < debut_parcours:
        raise ErreurMetier(
            f"L'échéance doit être postérieure au début du parcours ({debut_parcours:%d/%m/%Y}).",
            "echeance")


def verifier_date_sortie(debut_parcours: date, sortie_le: date, aujourd_hui: date) -> None:
    if sortie_le < debut_parcours:
        raise ErreurMetier("La sortie doit être postérieure à l'entrée dans le parcours.", "sortie_le")
    if sortie_le > aujourd_hui:
        raise ErreurMetier("La date de sortie ne peut pas être dans le futur.", "sortie_le")


# -- réajustement: what changed ----------------------------------------------------
def differences(avant: dict, apres: dict) -> dict[str, list]:
    """{champ: [avant, après]} for the fields that changed (values as text)."""
    return {cle: [_texte(avant.get(cle)), _texte(valeur)] for cle, valeur in apres.items()
            if _texte(avant.get(cle)) != _texte(valeur)}


def _texte(valeur) -> str:
    if valeur is None:
        return ""
    if isinstance(valeur, date):
        return valeur.strftime("%d/%m/%Y")
    return str(valeur)


# -- coherence between the diagnostic and the parcours (RC §3.2, CP6) ----------------
CRITERE_COHERENCE = "Les étapes du parcours sont en cohérence avec le diagnostic partagé et son évolution"


@dataclass(frozen=True)
class Coherence:
    freins_couverts: tuple        # FreinResume answered by at least one étape
    freins_sans_etape: tuple      # open FreinResume no étape answers: pointed out
    etapes_sans_lien: tuple       # étapes answering neither a frein nor an objective

    @property
    def complete(self) -> bool:
        return not self.freins_sans_etape


def coherence(freins: Iterable, etapes: Iterable) -> Coherence:
    """RC §3.2, CP6: « {critère} ». A frein is answered by an étape that names
    its dimension (étapes annulées by the structure do not count)."""
    etapes = list(etapes)
    vivantes = [e for e in etapes if e.statut != S.ANNULEE]
    dimensions = {e.frein_dimension_code for e in vivantes if e.frein_dimension_code}
    couverts, manquants = [], []
    for frein in freins:
        if frein.dimension_code in dimensions:
            couverts.append(frein)
        elif frein.ouvert:
            manquants.append(frein)
    sans_lien = [e for e in etapes if not e.frein_dimension_code and not (e.objectif or "").strip()]
    return Coherence(tuple(couverts), tuple(manquants), tuple(sans_lien))


coherence.__doc__ = coherence.__doc__.format(critère=CRITERE_COHERENCE)


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


# -- alerts (pure part) ------------------------------------------------------------
JOURS_SANS_CONTACT_DEFAUT = 30
JOURS_FIN_CONTRAT = 30


def est_en_retard(statut: StatutEtape, echeance: date | None, aujourd_hui: date) -> bool:
    return statut in STATUTS_OUVERTS and echeance is not None and echeance < aujourd_hui


def jours_sans_contact(dernier: date | None, aujourd_hui: date) -> int | None:
    return None if dernier is None else (aujourd_hui - dernier).days


def fin_de_contrat_proche(fin_prevue: date | None, aujourd_hui: date,
                          jours: int = JOURS_FIN_CONTRAT) -> bool:
    return fin_prevue is not None and aujourd_hui <= fin_prevue <= aujourd_hui + timedelta(days=jours)


# -- entretiens --------------------------------------------------------------------
class ModeEntretien(EnumLibelle):
    PRESENTIEL = "presentiel"
    TELEPHONE = "telephone"
    VISIO = "visio"
    DOMICILE = "domicile"


ModeEntretien.LIBELLES = {"presentiel": "En présentiel", "telephone": "Par téléphone",
                           "visio": "En visioconférence", "domicile": "Visite à domicile"}


class TypeEntretien(EnumLibelle):
    CONTRACTUALISATION = "contractualisation"
    SUIVI = "suivi"
    PROJET = "projet"
    BILAN = "bilan"
    MEDIATION = "mediation"


TypeEntretien.LIBELLES = {"contractualisation": "Contractualisation", "suivi": "Suivi",
                           "projet": "Projet professionnel", "bilan": "Bilan",
                           "mediation": "Médiation"}


def verifier_entretien(le: date, duree_minutes: int | None, prochain_rdv: date | None,
                       aujourd_hui: date) -> None:
    if le > aujourd_hui:
        raise ErreurMetier("Un entretien se saisit une fois tenu : la date ne peut pas être future.", "le")
    if duree_minutes is not None and not 5 <= duree_minutes <= 480:
        raise ErreurMetier("La durée doit être comprise entre 5 et 480 minutes.", "duree_minutes")
    if prochain_rdv is not None and prochain_rdv <= le:
        raise ErreurMetier("Le prochain rendez-vous doit être après l'entretien.", "prochain_rdv_le")
