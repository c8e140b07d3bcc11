"""How a tagged record is named and reached from « Mes compétences ».

Modules register their record types here: a French label and the endpoint
(with its id parameter) of the page that shows the record."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TypeDeRecord:
    libelle: str
    endpoint: str | None = None
    parametre: str = ""


TYPES: dict[str, TypeDeRecord] = {}


def enregistrer_type(objet_type: str, libelle: str, endpoint: str | None = None, parametre: str = "") -> None:
    TYPES[objet_type] = TypeDeRecord(libelle, endpoint, parametre)


def libelle(objet_type: str) -> str:
    return TYPES[objet_type].libelle if objet_type in TYPES else objet_type.replace("_", " ")


def cible(objet_type: str, objet_id) -> tuple[str, dict] | None:
    """(endpoint, values) for url_for, or None when the record has no page."""
    type_ = TYPES.get(objet_type)
    if type_ is None or type_.endpoint is None:
        return None
    return type_.endpoint, {type_.parametre: objet_id}


# -- the record types logged by the modules -----------------------------------------
enregistrer_type("accueil", "accueil individuel", "accueil.voir_accueil", "accueil_id")
enregistrer_type("urgence", "urgence traitée lors d'un accueil")
enregistrer_type("reunion_information", "réunion d'information collective", "accueil.voir_reunion", "reunion_id")
enregistrer_type("diagnostic", "diagnostic partagé validé")
enregistrer_type("synthese", "synthèse d'entretien", "accueil.voir_synthese", "synthese_id")
enregistrer_type("orientation", "orientation vers un partenaire", "accueil.voir_orientation", "orientation_id")
enregistrer_type("parcours", "parcours contractualisé", "parcours.voir", "parcours_id")
enregistrer_type("etape", "étape de parcours")
enregistrer_type("entretien", "entretien de suivi", "parcours.entretien", "entretien_id")
enregistrer_type("entretien_projet", "entretien de projet professionnel", "parcours.entretien", "entretien_id")
enregistrer_type("bilan_parcours", "bilan de parcours")
enregistrer_type("projet", "projet professionnel")
enregistrer_type("confrontation", "confrontation à la réalité du métier")
enregistrer_type("action_plan", "action du plan d'action")
