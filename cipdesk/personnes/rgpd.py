"""The person's own row for the right of access and the anonymisation (issue #18; security/rgpd.py)."""
from __future__ import annotations

from cipdesk.security import rgpd
from cipdesk.personnes.models import Personne

NOM_ANONYME = "Anonyme"
# Search helpers: derived from the identity, never shown.
_DERIVES = ("nom_recherche", "telephone_recherche")


def exporter_identite(session, contexte: rgpd.ContexteExport) -> list[rgpd.Section]:  # noqa: ARG001
    personne = contexte.personne
    contexte.objets.setdefault("personne", set()).add(personne.id)
    ligne = {k: v for k, v in rgpd.ligne_exportee(personne).items() if k not in _DERIVES}
    return [rgpd.Section("personne", "identité et situation à l'entrée", [ligne])]


def anonymiser_identite(session, personne: Personne, objets=None) -> int:  # noqa: ARG001
    """What identifies the person goes; what the reports count stays (sex, level, publics at entry,
    status, dates, référent). The birth date is generalised to the first of its month."""
    personne.nom, personne.prenom, personne.nom_usage = NOM_ANONYME, "", ""
    personne.telephone = personne.email = personne.adresse = personne.commune = ""
    personne.code_postal = personne.prescripteur = ""
    personne.commande_prescripteur = ""
    personne.nom_recherche, personne.telephone_recherche = NOM_ANONYME.lower(), ""
    if personne.date_naissance is not None:
        personne.date_naissance = personne.date_naissance.replace(day=1)
    return 1


exporter_identite.codes, exporter_identite.modeles = ("personne",), (Personne,)
EXPORT = (exporter_identite,)
EFFACEMENT = (anonymiser_identite,)
