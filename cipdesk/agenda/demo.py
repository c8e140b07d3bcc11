"""Demo agenda (`cipdesk demo`): the week of each demo conseiller — entretiens, a séance
d'atelier, a follow-up in a company, an employer visit — some held, one missed twice
(the alert), consents recorded, convocations waiting in the outbox; through the real use cases."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.agenda import rules, services
from cipdesk.comptes.models import Role, Structure, Utilisateur
from cipdesk.personnes.models import Personne, StatutPersonne

# (day offset from Monday, time, minutes, nature, modality, place, what to bring, motif)
SEMAINE = [
    (0, time(9, 30), 60, "entretien", "structure", "Bureau 2", "CV à jour, dernier avis de situation France Travail",
     "Point sur les candidatures en cours"),
    (0, time(14, 0), 45, "entretien", "telephone", "", "", "Suivi après la réunion d'information collective"),
    (1, time(10, 0), 60, "suivi_integration", "entreprise", "Boulangerie du Forum, 14 place du Forum", "",
     "Point M+1 avec la tutrice"),
    (2, time(9, 0), 180, "atelier", "structure", "Salle collective", "Un stylo, vos identifiants France Travail",
     "Atelier « Réussir son entretien d'embauche », séance 2"),
    (3, time(11, 0), 60, "entretien", "visio", "https://visio.exemple.fr/rdv-cip", "", "Préparer l'immersion"),
    (3, time(15, 30), 60, "entretien", "domicile", "", "", "Démarches de mobilité (permis, aide au transport)"),
    (4, time(9, 30), 60, "entretien", "structure", "Bureau 2", "Pièce d'identité, attestation de la CAF",
     "Bilan de fin de contrat d'engagement"),
]
VISITE = (1, time(14, 0), 90, "visite_employeur", "entreprise", "Transports Delaunay, ZI des Prés, rue de l'Industrie",
          "", "Présentation de la structure, besoins de recrutement de caristes")


def _instant(le: date, h: time) -> datetime:
    return datetime.combine(le, h, tzinfo=rules.PARIS)


def remplir_agenda(session: Session, *, seed: int, aujourd_hui: date) -> None:
    lundi = rules.lundi(aujourd_hui)
    for structure in session.scalars(select(Structure).order_by(Structure.nom)):
        admin = session.scalar(select(Utilisateur).where(Utilisateur.structure_id == structure.id,
                                                         Utilisateur.role == Role.ADMIN))
        if admin is not None:
            services.regler(session, par=admin, structure=structure, heures=24,
                            adresse=f"12 rue de la République, {structure.ville}" if structure.ville else "",
                            telephone="03 20 45 67 89" if structure.ville == "Lille" else "04 90 12 34 56")
        for conseiller in session.scalars(select(Utilisateur).where(
                Utilisateur.structure_id == structure.id, Utilisateur.role == Role.CONSEILLER,
                Utilisateur.actif.is_(True)).order_by(Utilisateur.email)):
            personnes = list(session.scalars(select(Personne).where(
                Personne.referent_id == conseiller.id,
                Personne.statut.in_((StatutPersonne.ACCOMPAGNEE, StatutPersonne.ACCUEILLIE)))
                .order_by(Personne.nom, Personne.prenom).limit(len(SEMAINE) + 1)))
            if not personnes:
                continue
            _semaine(session, conseiller, personnes, lundi, aujourd_hui, seed)


def _semaine(session, conseiller, personnes, lundi, aujourd_hui, seed) -> None:
    maintenant = _instant(aujourd_hui, time(8, 0))
    for i, (jour, h, duree, nature, modalite, lieu, apporter, motif) in enumerate(SEMAINE):
        personne = personnes[(i + seed) % len(personnes)]
        le = lundi + timedelta(days=jour)
        if i % 2 == 0:  # half of them agreed to receive e-mails
            services.enregistrer_consentement(session, personne, par=conseiller, accorde=True, mode="oral",
                                              le=min(le, aujourd_hui) - timedelta(days=7), maintenant=maintenant)
        rdv = services.planifier(session, par=conseiller, personne=personne, aujourd_hui=min(le, aujourd_hui),
                                 donnees=services.DonneesRdv(nature=nature, le=le, heure=h, duree=duree,
                                                             modalite=modalite, lieu=lieu, a_apporter=apporter,
                                                             motif=motif))
        if le < aujourd_hui:
            presence = "non_honore" if i == 1 else "honore"
            services.noter_presence(session, rdv, par=conseiller, presence=presence, aujourd_hui=aujourd_hui,
                                    maintenant=maintenant)
        elif _instant(le, h) > maintenant and personne.email:
            services.convoquer(session, rdv, par=conseiller, maintenant=maintenant)
    # The person who missed Monday's call had already missed one the week before: the alert.
    absent = personnes[(1 + seed) % len(personnes)]
    avant = lundi - timedelta(days=6)
    rdv = services.planifier(session, par=conseiller, personne=absent, aujourd_hui=avant,
                             donnees=services.DonneesRdv(nature="entretien", le=avant, heure=time(10, 0), duree=45,
                                                         modalite="structure", lieu="Bureau 2",
                                                         motif="Reprise de contact"))
    services.noter_presence(session, rdv, par=conseiller, presence="non_honore", aujourd_hui=aujourd_hui,
                            maintenant=maintenant)
    jour, h, duree, nature, modalite, lieu, apporter, motif = VISITE
    le = max(lundi + timedelta(days=jour), aujourd_hui)
    services.planifier(session, par=conseiller, personne=None, aujourd_hui=aujourd_hui,
                       donnees=services.DonneesRdv(nature=nature, le=le, heure=h, duree=duree, modalite=modalite,
                                                   lieu=lieu, motif=motif))
