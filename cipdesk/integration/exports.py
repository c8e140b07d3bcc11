"""The intégration follow-ups as a spreadsheet (issue #19): those of the reader's perimeter,
without their texts (encrypted: the frame, the bilan)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import aliased

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import ColonneTableur as C
from cipdesk.integration.suivis.models import SuiviIntegration
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import file_partagee, restreindre

SUIVIS = (C("id", "Identifiant cipdesk (ne pas modifier)", "identifiant"), C("nom", "Nom"), C("prenom", "Prénom"),
          C("conseiller", "Conseiller·ère"), C("employeur", "Employeur"), C("poste", "Poste"),
          C("rome", "Code ROME"), C("contrat", "Type de contrat"), C("debut", "Début", "date"),
          C("fin_essai", "Fin de la période d'essai", "date"), C("heures", "Heures par semaine", "entier"),
          C("statut", "Statut"), C("bilan_le", "Bilan le", "date"))


def lignes_suivis(session, utilisateur, filtres, aujourd_hui):  # noqa: ARG001
    cons = aliased(Utilisateur)
    s = SuiviIntegration
    requete = (select(s.id, Personne.nom, Personne.prenom, cons.prenom, cons.nom, s.employeur, s.intitule_poste,
                      s.rome_code, s.type_contrat, s.debut, s.fin_periode_essai, s.heures_hebdo, s.statut, s.bilan_le)
               .join(Personne, Personne.id == s.personne_id).outerjoin(cons, cons.id == s.conseiller_id))
    requete = restreindre(requete, utilisateur, file_active_partagee=file_partagee(utilisateur))
    for r in session.execute(requete.order_by(s.debut.desc(), s.id).execution_options(yield_per=1000)):
        yield (r[0], r[1], r[2], f"{r[3]} {r[4]}" if r[4] else "", *r[5:])
