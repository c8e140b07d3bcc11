"""Demo intégrations (`cipdesk demo`): for the accompanied people of each demo
structure, intégrations at several stages — just started, with follow-ups done, one
with a risk of rupture — through the real use cases."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.comptes.models import Role, Structure, Utilisateur
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.integration.bilan import services as bilan
from cipdesk.integration.mediations import services as mediations
from cipdesk.integration.points import services as points
from cipdesk.integration.suivis import services as suivis
from cipdesk.personnes.models import Personne, StatutPersonne

# (poste, ROME, contrat, days since the start, trial days, follow-ups done, risk raised on the last one)
SCENARIOS = [
    ("Agent·e de propreté", "K2204", "cdd_long", 10, 30, 0, False),
    ("Vendeur·se en boulangerie", "D1106", "cdi", 75, 60, 2, False),
    ("Préparateur·rice de commandes", "N1103", "interim", 40, 5, 3, True),
    ("Aide-soignant·e", "J1501", "cdi", 200, 60, 5, False),
    ("Commis de cuisine", "G1602", "cdd_court", 45, 10, 2, True),
]
# What follows the follow-ups, per scenario: a mediation, a bilan (issue, confirmed exit category).
MEDIATION = {2, 4}
BILAN = {3: ("termine", "durable"), 4: ("rompu", "autre")}


def remplir_integration(session: Session, *, seed: int, aujourd_hui: date) -> None:
    for structure in session.scalars(select(Structure).order_by(Structure.nom)):
        _depuis_une_immersion(session, structure, aujourd_hui)
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
            if i in MEDIATION:
                mediations.enregistrer_mediation(session, suivi, par=conseiller, aujourd_hui=aujourd_hui, donnees={
                    "le": aujourd_hui - timedelta(days=2), "participants": "La personne, son ou sa responsable",
                    "enjeu": "Retards répétés le matin", "actions": "Horaires décalés d'une heure pendant un mois",
                    "issue": "" if i == 2 else "Pas d'accord : la personne quitte le poste"})
            if i in BILAN:
                issue, categorie = BILAN[i]
                bilan.faire_le_bilan(session, suivi, par=conseiller, issue=issue, aujourd_hui=aujourd_hui, donnees={
                    "bilan_le": aujourd_hui - timedelta(days=1), "bilan_prevu": "Prise de poste accompagnée, points "
                    "de suivi à J+15, M+1, M+3, M+6", "bilan_realise": "Points tenus ; médiation" if i == 4 else
                    "Points tenus, intégration sans difficulté", "situation_fin": "En poste" if issue == "termine"
                    else "Contrat rompu, retour à la recherche d'emploi", "leviers": "Le lien régulier avec le tuteur",
                    "categorie_sortie": categorie})


def _depuis_une_immersion(session: Session, structure, aujourd_hui: date) -> None:
    """The immersion of the employeurs demo whose bilan announced a hire: its follow-up,
    opened from it (origine « immersion »), just started."""
    from cipdesk.employeurs.immersions.models import Immersion
    from cipdesk.integration.suivis.rules import Origine

    immersion = session.scalar(select(Immersion).where(Immersion.structure_id == structure.id,
                                                       Immersion.embauche_envisagee.is_(True)).limit(1))
    if immersion is None:
        return
    debut = immersion.bilan_le + timedelta(days=7)
    suivis.ouvrir_suivi(session, immersion.personne, par=immersion.conseiller, dans_le_perimetre=True,
                        entreprise=immersion.entreprise, origine=Origine.IMMERSION, donnees={
        "employeur": "", "lieu_travail": immersion.lieu, "intitule_poste": "Préparateur·rice de commandes",
        "rome_code": "N1103", "type_contrat": "cdd_long", "debut": min(debut, aujourd_hui),
        "fin_periode_essai": min(debut, aujourd_hui) + timedelta(days=30), "heures_hebdo": 35})
