"""The file active as a spreadsheet (issue #19): the same filters and perimeter as its page
(`queries.filtrer_file_active`), one streamed query, no confidential field (the prescripteur's
commande stays in cipdesk)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import aliased

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import ColonneTableur as C
from cipdesk.personnes import queries
from cipdesk.personnes.models import PUBLICS, Personne

COLONNES = (
    C("id", "Identifiant cipdesk (ne pas modifier)", "identifiant"),
    C("nom", "Nom"), C("prenom", "Prénom"), C("nom_usage", "Nom d'usage"),
    C("date_naissance", "Date de naissance", "date"), C("sexe", "Sexe"), C("telephone", "Téléphone"),
    C("email", "Courriel"), C("adresse", "Adresse"), C("code_postal", "Code postal"), C("commune", "Commune"),
    C("niveau_formation", "Niveau de formation"), C("publics", "Publics"), C("prescripteur", "Prescripteur"),
    C("referent", "Référent·e"), C("statut", "Statut"), C("dispositif", "Dispositif"),
    C("dernier_contact_le", "Dernier contact", "date"), C("prochain_rdv_le", "Prochain rendez-vous", "date"),
)
FILTRES = ("q", "statut", "public", "urgence")


def lignes_file_active(session, utilisateur, filtres, aujourd_hui):  # noqa: ARG001
    referent = aliased(Utilisateur)
    requete = (select(Personne.id, Personne.nom, Personne.prenom, Personne.nom_usage, Personne.date_naissance,
                      Personne.sexe, Personne.telephone, Personne.email, Personne.adresse, Personne.code_postal,
                      Personne.commune, Personne.niveau_formation, Personne.publics, Personne.prescripteur,
                      referent.prenom, referent.nom, Personne.statut, Personne.dispositif_libelle,
                      Personne.dernier_contact_le, Personne.prochain_rdv_le)
               .outerjoin(referent, referent.id == Personne.referent_id))
    requete = queries.filtrer_file_active(
        requete, utilisateur, file_active_partagee=queries.file_partagee(utilisateur), q=filtres.get("q", ""),
        statut=filtres.get("statut", "actives"), public=filtres.get("public", ""),
        urgence=filtres.get("urgence") == "1")
    for r in session.execute(requete.order_by(Personne.nom_recherche, Personne.id).execution_options(yield_per=1000)):
        publics = [PUBLICS.get(code, code) for code in (r[12] or [])]
        ref = f"{r[14]} {r[15]}" if r[15] else ""
        yield (*r[:12], publics, r[13], ref, *r[16:])
