"""Pure rules of the étapes (REAC CP6, RC §3.2): state machine, échéances, réajustement,
coherence with the diagnostic. No session, no Flask."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.core.libelles import EnumLibelle
from cipdesk.core.listes import ListeModifiable


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


def statut_apres_presence(actuel: StatutEtape, *, venu: bool, derniere: bool) -> StatutEtape | None:
    """The étape « atelier » after an attendance was recorded (REAC CP10, « la présence … est
    tracée » ; CP6, the parcours follows what the person did): a participant who came is « en
    cours », « réalisée » once they came to the last half-day; an absence changes nothing (the
    référent is alerted elsewhere); a closed étape stays as it is. None: no change."""
    if actuel not in STATUTS_OUVERTS or not venu:
        return None
    cible = S.REALISEE if derniere else S.EN_COURS
    return cible if cible != actuel and cible in TRANSITIONS_ETAPE[actuel] else None


class Responsable(EnumLibelle):
    PERSONNE = "personne"
    CONSEILLER = "conseiller"
    PARTENAIRE = "partenaire"


Responsable.LIBELLES = {"personne": "La personne", "conseiller": "Le ou la conseiller·ère",
                         "partenaire": "Un partenaire"}


def verifier_echeance(debut_parcours: date, echeance: date | None) -> None:
    if echeance is not None and echeance < debut_parcours:
        raise ErreurMetier(
            f"L'échéance doit être postérieure au début du parcours ({debut_parcours:%d/%m/%Y}).",
            "echeance")


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


def est_en_retard(statut: StatutEtape, echeance: date | None, aujourd_hui: date) -> bool:
    return statut in STATUTS_OUVERTS and echeance is not None and echeance < aujourd_hui


# -- the structure's editable list (core/listes.py) ------------------------------------
TYPES_ETAPE = ListeModifiable("type_etape", "Types d'étape", (
    ("levee_frein", "Levée d'un frein"),
    ("formation", "Formation"),
    ("immersion", "Immersion / PMSMP"),
    ("emploi", "Emploi"),
    ("demarche_administrative", "Démarche administrative"),
    ("atelier", "Atelier"),
    ("orientation_partenaire", "Orientation vers un partenaire"),
    ("autre", "Autre"),
), "Les étapes du parcours.")
