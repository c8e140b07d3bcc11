"""Demo ateliers (`Module.demo`): two ateliers with a full progression, a past session
with attendance, evaluations, satisfaction and a bilan, and an upcoming session."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.ateliers.bilan.services import enregistrer_bilan
from cipdesk.ateliers.conception import services as conception
from cipdesk.ateliers.conception.rules import Format, Methode, Modalite, Origine
from cipdesk.ateliers.evaluations.rules import Moment, Resultat
from cipdesk.ateliers.evaluations.services import ajouter_satisfaction, evaluer
from cipdesk.ateliers.presences.rules import StatutPresence
from cipdesk.ateliers.presences.services import enregistrer_presences
from cipdesk.ateliers.questionnaire import services as questionnaire
from cipdesk.ateliers.sessions import services as sessions
from cipdesk.ateliers.sessions.rules import Periode, StatutInscription
from cipdesk.core.dates import PARIS
from cipdesk.personnes.models import Personne, StatutPersonne

ATELIERS = (
    {"titre": "Numérique : mes démarches en ligne", "origine": Origine.BESOIN,
     "contexte": "Plusieurs personnes de la file active ont un frein « numérique » ouvert dans leur diagnostic.",
     "changements_recherches": "Que chacun crée et utilise seul son espace France Travail et sa messagerie.",
     "competences_visees": "Utiliser une messagerie, déposer un document, répondre à une offre en ligne.",
     "caracteristiques_public": "Adultes peu à l'aise avec l'écrit numérique, parfois sans ordinateur.",
     "contraintes": "Salle informatique disponible le mardi matin ; 8 postes.", "public_prerequis": "Savoir lire.",
     "places_min": 4, "places_max": 8, "duree_minutes": 360, "rythme": "2 matinées sur 2 semaines",
     "format": Format.PRESENTIEL, "lieu": "Salle informatique", "objectif_general":
     "Rendre les participants autonomes dans leurs démarches d'emploi en ligne.",
     "animateurs": "Conseiller·ère CIP ; médiatrice numérique de l'espace France Services",
     "developpement_durable": "Documents projetés plutôt qu'imprimés ; ordinateurs reconditionnés.",
     "suivi_a_froid_semaines": 6,
     "prevention_risques": "Pauses écran toutes les 50 minutes ; posture au poste de travail.",
     "objectifs": (("créer une adresse de messagerie et envoyer un message avec une pièce jointe",
                    "Sur un poste de la salle, avec un aide-mémoire", "Message reçu par l'animateur",
                    "Mise en situation : envoi d'un CV à l'animateur"),
                   ("se connecter à son espace France Travail et consulter ses offres",
                    "Avec ses identifiants", "Connexion seule en moins de 5 minutes", "Observation")),
     "sequences": (("Accueil, présentation, attentes", 30, None, Methode.INTERROGATIVE, Modalite.COLLECTIF),
                   ("La messagerie : démonstration", 45, 0, Methode.DEMONSTRATIVE, Modalite.COLLECTIF),
                   ("Exercice : envoyer son CV", 90, 0, Methode.ACTIVE, Modalite.INDIVIDUEL),
                   ("Espace France Travail en binômes", 120, 1, Methode.ACTIVE, Modalite.SOUS_GROUPES),
                   ("Bilan et questionnaire à chaud", 45, None, Methode.INTERROGATIVE, Modalite.COLLECTIF))},
    {"titre": "Préparer un entretien d'embauche", "origine": Origine.DEMANDE, "commanditaire": "Conseil départemental (PDI)",
     "contexte": "Demande du Département pour les bénéficiaires du RSA en fin de parcours.",
     "changements_recherches": "Oser se présenter et valoriser son expérience.",
     "competences_visees": "Se présenter en 2 minutes, répondre aux questions fréquentes.",
     "caracteristiques_public": "Bénéficiaires du RSA, expériences professionnelles variées.",
     "contraintes": "Garde d'enfants : horaires 9 h 30 – 12 h.", "public_prerequis": "Projet professionnel validé.",
     "places_min": 5, "places_max": 10, "duree_minutes": 150, "rythme": "1 matinée", "format": Format.PRESENTIEL,
     "lieu": "Salle de réunion", "objectif_general": "Se préparer à un entretien de recrutement.",
     "animateurs": "Conseiller·ère CIP ; un chef d'entreprise partenaire",
     "developpement_durable": "Covoiturage proposé.", "prevention_risques": "Gestion du stress abordée avec bienveillance.",
     "objectifs": (("se présenter en 2 minutes en valorisant une expérience", "Devant le groupe",
                    "Présentation structurée (parcours, compétence, motivation)", "Simulation filmée (sans enregistrement)"),),
     "sequences": (("Brise-glace", 20, None, Methode.ACTIVE, Modalite.COLLECTIF),
                   ("Les attentes d'un recruteur", 40, 0, Methode.EXPOSITIVE, Modalite.COLLECTIF),
                   ("Simulations d'entretien", 90, 0, Methode.ACTIVE, Modalite.SOUS_GROUPES))},
)


# What each séquence of the first atelier holds (activities, evaluation), as its designer wrote it.
DETAILS_SEQUENCES = {
    "Accueil, présentation, attentes": (
        "Tour de table : chacun dit ce qu'il fait déjà en ligne et ce qui le bloque ; les attentes sont notées au "
        "tableau et reprises au bilan.", "Attentes recueillies et affichées"),
    "La messagerie : démonstration": (
        "Démonstration projetée pas à pas : créer une adresse, écrire un message, joindre un document ; "
        "aide-mémoire illustré distribué.", "Questions de vérification à l'oral"),
    "Exercice : envoyer son CV": (
        "Chacun crée son adresse (ou retrouve la sienne) et envoie son CV à l'animatrice ; la médiatrice "
        "numérique accompagne ceux qui bloquent.", "Message avec pièce jointe reçu par l'animatrice"),
    "Espace France Travail en binômes": (
        "En binômes de niveaux différents : se connecter, consulter ses offres, enregistrer une recherche ; "
        "le plus à l'aise guide sans toucher la souris.", "Observation : connexion seule en moins de 5 minutes"),
    "Bilan et questionnaire à chaud": (
        "Retour sur les attentes du début ; chacun dit ce qu'il refera seul ; questionnaire de satisfaction sur "
        "tablette ou papier.", "Questionnaire de satisfaction à chaud"),
}


def _personnes(session: Session, conseiller, n: int) -> list[Personne]:
    return list(session.scalars(select(Personne).where(
        Personne.referent_id == conseiller.id,
        Personne.statut.in_((StatutPersonne.ACCUEILLIE, StatutPersonne.ACCOMPAGNEE)))
        .order_by(Personne.nom).limit(n)))


def remplir_ateliers(session: Session, structure, conseillers, aujourd_hui: date) -> list:
    """For the structure's first conseiller: the two ateliers, a past session of the first
    one (attendance, evaluations, satisfaction, bilan) and an upcoming session of each."""
    if not conseillers:
        return []
    animateur = conseillers[0]
    contexte = {"file_active_partagee": False}
    crees = []
    for modele in ATELIERS:
        champs = {k: v for k, v in modele.items() if k not in ("objectifs", "sequences")}
        atelier = conception.creer_atelier(session, par=animateur, le=aujourd_hui - timedelta(days=40), **champs)
        objectifs = [conception.ajouter_objectif(session, atelier, par=animateur, capacite=c, conditions=co,
                                                 critere=cr, modalite_evaluation=m)
                     for c, co, cr, m in modele["objectifs"]]
        for titre, duree, objectif, methode, modalite in modele["sequences"]:
            conception.ajouter_sequence(session, atelier, par=animateur, titre=titre, duree_minutes=duree,
                                        objectif_id=objectifs[objectif].id if objectif is not None else None,
                                        methode=methode, modalite=modalite, format=Format.PRESENTIEL,
                                        contenu=titre, activites=DETAILS_SEQUENCES.get(titre, ("", ""))[0],
                                        ressources="", evaluation=DETAILS_SEQUENCES.get(titre, ("", ""))[1],
                                        scenario_alternatif="Travail en binôme avec un participant plus à l'aise.")
        crees.append(atelier)
        prochaine = sessions.creer_session(
            session, atelier, par=animateur, le=aujourd_hui, animateur=animateur, lieu=atelier.lieu,
            co_animateurs=atelier.animateurs, capacite=atelier.places_max, jour=aujourd_hui + timedelta(days=14),
            periode=Periode.MATIN, debut=time(9, 30), fin=time(12, 0))
        for personne in _personnes(session, animateur, 3):
            sessions.inscrire(session, prochaine, personne, par=animateur, le=aujourd_hui, contexte=contexte)
    atelier = crees[0]
    passee = sessions.creer_session(
        session, atelier, par=animateur, le=aujourd_hui - timedelta(days=30), animateur=animateur, lieu=atelier.lieu,
        co_animateurs=atelier.animateurs, capacite=atelier.places_max, jour=aujourd_hui - timedelta(days=21),
        periode=Periode.MATIN, debut=time(9), fin=time(12))
    sessions.ajouter_demi_journee(session, passee, par=animateur, jour=aujourd_hui - timedelta(days=14),
                                  periode=Periode.MATIN, debut=time(9), fin=time(12))
    inscriptions = [sessions.inscrire(session, passee, p, par=animateur, le=aujourd_hui - timedelta(days=28),
                                      contexte=contexte) for p in _personnes(session, animateur, 6)]
    cycle = (StatutPresence.PRESENT, StatutPresence.PRESENT, StatutPresence.RETARD, StatutPresence.EXCUSE,
             StatutPresence.PRESENT, StatutPresence.ABSENT)
    for n, demi in enumerate(passee.demi_journees):
        enregistrer_presences(session, demi, par=animateur, le=demi.le, statuts={
            i.id: cycle[(k + n) % len(cycle)] for k, i in enumerate(inscriptions)
            if i.statut == StatutInscription.INSCRIT})
    resultats = (Resultat.ATTEINT, Resultat.PARTIEL, Resultat.ATTEINT, Resultat.NON_ATTEINT)
    for k, inscription in enumerate(inscriptions):
        evaluer(session, inscription, par=animateur, le=aujourd_hui - timedelta(days=14), resultats={
            o.id: (resultats[(k + j) % len(resultats)], "") for j, o in enumerate(atelier.objectifs)})
    for note in (4, 3):   # paper questionnaires, entered by the animateur
        ajouter_satisfaction(session, passee, par=animateur, le=aujourd_hui - timedelta(days=14), note=note,
                             commentaire="", moment=Moment.A_CHAUD)
    # … and three participants answered on the shared tablet, through a link that has expired since
    fin_de_seance = datetime.combine(aujourd_hui - timedelta(days=14), time(11, 40), tzinfo=PARIS)
    lien = questionnaire.ouvrir_lien(session, passee, par=animateur, moment=Moment.A_CHAUD, maintenant=fin_de_seance)
    for minute, (note, commentaire) in enumerate(((4, "Je sais maintenant envoyer mon CV seul."), (3, ""),
                                                  (2, "Un peu rapide pour moi."))):
        questionnaire.repondre(session, lien, note=note, commentaire=commentaire,
                               maintenant=fin_de_seance + timedelta(minutes=2 + minute))
    enregistrer_bilan(session, passee, par=animateur, le=aujourd_hui - timedelta(days=13), version=None,
                      ecarts="La séquence sur l'espace France Travail a demandé 30 minutes de plus que prévu : "
                             "trois participants n'avaient pas leurs identifiants et la réinitialisation du mot de "
                             "passe a pris du temps. Deux participantes allophones ont eu besoin d'un appui "
                             "individuel pendant l'exercice sur la messagerie ; le binôme a compensé en partie.",
                      ajustements="Prévoir les identifiants en amont avec chaque référent ; un aide-mémoire en "
                                  "FALC avec des pictogrammes ; commencer par les binômes avant la démonstration "
                                  "collective ; proposer une séance de rattrapage individuelle à l'espace France "
                                  "Services.")
    return crees


def remplir_demo(session: Session, *, aujourd_hui: date, **_options) -> list:
    """The module's demo generator (module contract): the ateliers of the Lille candidate,
    co-animated with a colleague."""
    from cipdesk.comptes.models import Utilisateur

    par_email = {u.email: u for u in session.scalars(select(Utilisateur).where(Utilisateur.email.in_(
        ("candidat@demo.cipdesk.fr", "conseiller@demo.cipdesk.fr"))))}
    conseillers = [par_email[e] for e in ("candidat@demo.cipdesk.fr", "conseiller@demo.cipdesk.fr") if e in par_email]
    if not conseillers:
        return []
    return remplir_ateliers(session, conseillers[0].structure, conseillers, aujourd_hui)
