"""Pure rules of the workload indicators (REAC, compétence transversale « Intégrer la
prévention des risques professionnels dans son travail »: « rythme et charge de travail,
tensions avec les personnes accompagnées »)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

# The caseload norm is the structure's setting, shared with the chef's dashboard (one source).
from cipdesk.comptes.queries import NORME_FILE_ACTIVE_DEFAUT as NORME_PAR_DEFAUT
from cipdesk.comptes.queries import PARAMETRE_NORME_FILE_ACTIVE as PARAMETRE_NORME
from cipdesk.comptes.queries import norme_file_active

ENTRETIENS_SEMAINE_MAX = 20    # DESIGN.md: « about 15–20 entretiens a week »
EN_RETARD_MAX = 10


@dataclass(frozen=True)
class Charge:
    """A conseiller's workload indicators on a given day."""
    file_active: int
    norme: int
    norme_fixee: bool           # set by the structure, or the default
    entretiens_semaine: int
    en_retard: int

    @property
    def taux(self) -> int:
        """The caseload as a percentage of the norm."""
        return round(100 * self.file_active / self.norme) if self.norme else 0


def norme_de(parametres: dict | None) -> tuple[int, bool]:
    """(norm, set by the structure?) — the structure's setting (comptes.rules, shared with the
    chef's dashboard); unset or invalid: the default."""
    return norme_file_active(parametres)


def semaine_de(jour: date) -> tuple[date, date]:
    """Monday and Sunday of the week of `jour`."""
    lundi = jour - timedelta(days=jour.weekday())
    return lundi, lundi + timedelta(days=6)


def signaux(charge: Charge) -> list[str]:
    """What looks like an overload, in French (empty: nothing to signal). CT1 criterion
    « Les situations pouvant altérer la sécurité et la santé sont repérées »."""
    messages = []
    if charge.file_active > charge.norme:
        messages.append(f"File active au-dessus de la norme : {charge.file_active} personnes pour {charge.norme} "
                        f"({charge.taux} %).")
    if charge.entretiens_semaine > ENTRETIENS_SEMAINE_MAX:
        messages.append(f"{charge.entretiens_semaine} entretiens cette semaine (repère : {ENTRETIENS_SEMAINE_MAX} au plus).")
    if charge.en_retard > EN_RETARD_MAX:
        messages.append(f"{charge.en_retard} éléments en retard (repère : {EN_RETARD_MAX} au plus).")
    return messages


def erreurs_incident(survenu_le: date | None, nature: str | None, contexte: str, aujourd_hui: date) -> dict[str, str]:
    erreurs = {}
    if survenu_le is None:
        erreurs["survenu_le"] = "Indiquez la date de l'incident."
    elif survenu_le > aujourd_hui:
        erreurs["survenu_le"] = "La date de l'incident ne peut pas être dans le futur."
    if not nature:
        erreurs["nature"] = "Choisissez la nature de l'incident."
    if not (contexte or "").strip():
        erreurs["contexte"] = "Décrivez le contexte de l'incident (sans nom de personne)."
    return erreurs
