"""Demo intégrations (`cipdesk demo`): for the accompanied people of each demo
structure, intégrations at several stages — just started, with follow-ups done, one
with a risk of rupture — through the real use cases."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.comptes.models import Role, Structure, Utilisateur
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.integration.points import services as points
from cipdesk.integration.suivis import services as suivis
from cipdesk.personnes.models import Personne, StatutPersonne

# (poste, ROME, contrat, days since the start, trial days, follow-ups done, risk raised on the last one)
SCENARIOS = [
    ("Agent·e de propreté", "K2204", "cdd_long", 10, 30, 0, False),
    ("Vendeur·se en boulangerie", "D1106", "cdi", 75, 60, 2, False),
    ("Préparateur·rice de commandes", "N1103", "interim", 40, 5, 3, True),
    ("Aide-soignant·e", "J1501", "cdi", 200, 60, 5, False),
]


def remplir_integration(session: Session, *, seed: int, aujourd_hui: date) -> None:
    for structure in session.scalars(select(Structure).order_by(Structure.nom)):
        conseiller = session.scalar(select(Utilisateur).where(
            Utilisateur.structure_id == structure.id, Utilisateur.role == Role.CONSEILLER,
            Utilisateur.actif.is_(True)).order_by(Utilisateur.email))
        if conseiller is None:
            continue
        personnes = list(session.scalars(select(Personne).where(
            Personne.structure_id == structure.id, Personne.referent_id == conseiller.id,
            Personne.statut == StatutPersonne.ACCOMPAGNEE).order_by(Personne.nom).limit(len(SCENARIOS) + seed % 2)))
        entreprises = list(session.scalars(select(Entreprise).where(Entreprise.structure_id == structure.id)
                                           .order_by(Entreprise.raison_sociale).limit(len(SCENARIOS))))
        for i, (personne, (poste, rome, contrat, depuis, essai, faits, risque)) in enumerate(
                zip(personnes[seed % 2:], SCENARIOS)):
            debut = aujourd_hui - timedelta(days=depuis)
            entreprise = entreprises[i % len(entreprises)] if entreprises else None
            suivi = suivis.ouvrir_suivi(session, personne, par=conseiller, dans_le_perimetre=True,
                                        entreprise=entreprise, donnees={
                "employeur": "" if entreprise else "Entreprise partenaire", "lieu_travail": structure.nom,
                "intitule_poste": poste,
                "rome_code": rome, "type_contrat": contrat, "debut": debut,
                "fin_periode_essai": debut + timedelta(days=essai), "heures_hebdo": 35})
            suivis.convenir_cadre(session, suivi, par=conseiller, aujourd_hui=aujourd_hui, donnees={
                "cadre_le": debut, "interlocuteurs": "Tuteur·rice : chef d'équipe ; RH : responsable du personnel",
                "engagements": "L'employeur forme au poste ; le conseiller suit la personne, sans intervenir sur "
                               "l'organisation du travail", "modalites": "Appel à chaque point, visite à M+1",
                "acteurs": "Médecin du travail si besoin"})
            for n, point in enumerate(p for p in suivi.points if p.prevu_le <= aujourd_hui):
                if n >= faits:
                    break
                dernier = n == faits - 1
                points.enregistrer_point(session, point, par=conseiller, aujourd_hui=aujourd_hui, donnees={
                    "fait_le": point.prevu_le, "avis_personne": "Je m'y retrouve, l'équipe est sympa",
                    "avis_employeur": "Bonne intégration" if not (risque and dernier) else "Retards répétés",
                    "difficultes": "Les horaires du matin" if risque and dernier else "",
                    "toujours_en_poste": True, "risque_rupture": risque and dernier})
