"""The répertoire des partenaires as a spreadsheet (issue #19): shared within the structure
(REAC CP4), one streamed query; the hidden id column makes the round trip with
`territoire/imports.py` (same labels: the columns are suggested back on import)."""
from __future__ import annotations

from sqlalchemy import select

from cipdesk.core.contrat import ColonneTableur as C
from cipdesk.territoire.partenaires.models import Partenaire

PARTENAIRES = (
    C("id", "Identifiant cipdesk (ne pas modifier)", "identifiant"), C("nom", "Nom du partenaire"),
    C("type_partenaire", "Type de partenaire"), C("adresse", "Adresse"), C("contact_nom", "Personne à contacter"),
    C("telephone", "Téléphone"), C("email", "Courriel"), C("publics", "Publics accueillis"),
    C("conditions_acces", "Conditions d'accès"), C("modalites_orientation", "Modalités d'orientation"),
    C("site_web", "Site web"), C("verifie_le", "Fiche vérifiée le", "date"), C("actif", "Actif", "booleen"),
)


def lignes_partenaires(session, utilisateur, filtres, aujourd_hui):  # noqa: ARG001
    requete = (select(Partenaire.id, Partenaire.nom, Partenaire.type_partenaire, Partenaire.adresse,
                      Partenaire.contact_nom, Partenaire.telephone, Partenaire.email, Partenaire.publics,
                      Partenaire.conditions_acces, Partenaire.modalites_orientation, Partenaire.site_web,
                      Partenaire.verifie_le, Partenaire.actif)
               .where(Partenaire.structure_id == utilisateur.structure_id)
               .order_by(Partenaire.actif.desc(), Partenaire.nom, Partenaire.id))
    yield from session.execute(requete.execution_options(yield_per=1000))
