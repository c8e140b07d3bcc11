"""The parcours and the entretiens as spreadsheets (issue #19): those of the reader's perimeter
(the policy's, as for the person), one streamed query each; the texts of a contract or of an
entretien (encrypted, confidential in part) stay in cipdesk."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import aliased

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import ColonneTableur as C
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.entretiens.models import Entretien
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import file_partagee, restreindre

PARCOURS = (C("id", "Identifiant cipdesk (ne pas modifier)", "identifiant"), C("nom", "Nom"), C("prenom", "Prénom"),
            C("referent", "Référent·e du parcours"), C("dispositif", "Dispositif"), C("debut", "Début", "date"),
            C("fin_prevue", "Fin prévue", "date"), C("signe_le", "Contrat signé le", "date"), C("statut", "Statut"))
ENTRETIENS = (C("id", "Identifiant cipdesk (ne pas modifier)", "identifiant"), C("le", "Date", "date"),
              C("nom", "Nom"), C("prenom", "Prénom"), C("conseiller", "Conseiller·ère"),
              C("type", "Type d'entretien"), C("mode", "Mode"), C("duree", "Durée (minutes)", "entier"),
              C("dispositif", "Dispositif du parcours"), C("prochain_rdv", "Prochain rendez-vous", "date"))


def _nom(prenom, nom) -> str:
    return f"{prenom} {nom}" if nom else ""


def lignes_parcours(session, utilisateur, filtres, aujourd_hui):  # noqa: ARG001
    ref = aliased(Utilisateur)
    requete = (select(Parcours.id, Personne.nom, Personne.prenom, ref.prenom, ref.nom, Parcours.dispositif_libelle,
                      Parcours.debut, Parcours.fin_prevue, Parcours.signe_le, Parcours.statut)
               .join(Personne, Personne.id == Parcours.personne_id).outerjoin(ref, ref.id == Parcours.referent_id))
    requete = restreindre(requete, utilisateur, file_active_partagee=file_partagee(utilisateur))
    for r in session.execute(requete.order_by(Parcours.debut.desc(), Parcours.id).execution_options(yield_per=1000)):
        yield (r[0], r[1], r[2], _nom(r[3], r[4]), *r[5:])


def lignes_entretiens(session, utilisateur, filtres, aujourd_hui):  # noqa: ARG001
    cons = aliased(Utilisateur)
    requete = (select(Entretien.id, Entretien.le, Personne.nom, Personne.prenom, cons.prenom, cons.nom,
                      Entretien.type_entretien, Entretien.mode, Entretien.duree_minutes, Parcours.dispositif_libelle,
                      Entretien.prochain_rdv_le)
               .join(Parcours, Parcours.id == Entretien.parcours_id).join(Personne, Personne.id == Parcours.personne_id)
               .outerjoin(cons, cons.id == Entretien.conseiller_id))
    requete = restreindre(requete, utilisateur, file_active_partagee=file_partagee(utilisateur))
    for r in session.execute(requete.order_by(Entretien.le.desc(), Entretien.id).execution_options(yield_per=1000)):
        yield (r[0], r[1], r[2], r[3], _nom(r[4], r[5]), *r[6:])
