"""Ateliers and attendance as a spreadsheet (issue #19): one row per participant and
demi-journée, for the people the reader may see and the sessions the reader animates (as the
feuille d'émargement: `policy.peut_voir_participant`)."""
from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import aliased

from cipdesk.ateliers.conception.models import Atelier
from cipdesk.ateliers.presences.models import Presence
from cipdesk.ateliers.sessions.models import DemiJournee, Inscription, SessionAtelier
from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import ColonneTableur as C
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import file_partagee
from cipdesk.security import policy

PRESENCES = (C("id", "Identifiant cipdesk (ne pas modifier)", "identifiant"), C("atelier", "Atelier"),
             C("le", "Date", "date"), C("periode", "Demi-journée"), C("lieu", "Lieu"), C("animateur", "Animateur·rice"),
             C("nom", "Nom"), C("prenom", "Prénom"), C("inscription", "Inscription"), C("presence", "Présence"))


def lignes_presences(session, utilisateur, filtres, aujourd_hui):  # noqa: ARG001
    anim = aliased(Utilisateur)
    perimetre = policy.perimetre(utilisateur, file_active_partagee=file_partagee(utilisateur))
    voit = perimetre.condition(Personne, Utilisateur)
    if policy.peut(utilisateur, "ateliers.animer"):
        voit = or_(voit, SessionAtelier.animateur_id == utilisateur.id)
    requete = (select(Presence.id, Atelier.titre, DemiJournee.le, DemiJournee.periode, SessionAtelier.lieu,
                      anim.prenom, anim.nom, Personne.nom, Personne.prenom, Inscription.statut, Presence.statut)
               .join(DemiJournee, DemiJournee.id == Presence.demi_journee_id)
               .join(Inscription, Inscription.id == Presence.inscription_id)
               .join(SessionAtelier, SessionAtelier.id == Inscription.session_id)
               .join(Atelier, Atelier.id == SessionAtelier.atelier_id)
               .join(Personne, Personne.id == Inscription.personne_id)
               .outerjoin(anim, anim.id == SessionAtelier.animateur_id)
               .where(Personne.structure_id == utilisateur.structure_id, voit))
    for r in session.execute(requete.order_by(DemiJournee.le.desc(), Atelier.titre, Personne.nom, Presence.id)
                             .execution_options(yield_per=1000)):
        yield (*r[:5], f"{r[5]} {r[6]}" if r[6] else "", *r[7:])
