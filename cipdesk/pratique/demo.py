"""Demo data of « Ma pratique » (`cipdesk demo`): analyses de pratique of the demo candidat
(Camille Lefebvre) on her own records — her parcours, an entretien de suivi, an entretien de
projet, an atelier session — a GEASE session where one is shared, an incident with the public
and a workload alert to the chef de service. Through the real use cases; no name of a
person accompanied appears in any text."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.ateliers.sessions.models import SessionAtelier
from cipdesk.comptes.models import Structure, Utilisateur
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.entretiens.models import Entretien
from cipdesk.pratique.analyses import services as analyses
from cipdesk.pratique.analyses.models import AnalysePratique, TypeSeance
from cipdesk.pratique.prevention import rules as regles_prevention
from cipdesk.pratique.prevention import services as prevention

# (kind of record, days ago, rubriques): what a CIP writes after a situation that mattered.
ANALYSES = {
    "entretien": {
        "titre": "Un entretien de suivi où la personne ne voulait plus venir",
        "situation": "Troisième entretien de suivi d'un parcours PLIE, en bureau individuel, un lundi matin. La "
                     "personne arrive avec vingt minutes de retard.",
        "faits": "La personne annonce qu'elle ne viendra plus aux rendez-vous « qui ne servent à rien ». Je lui "
                 "rappelle les engagements du contrat. Elle se lève ; je lui propose de reprendre ensemble les "
                 "étapes déjà franchies. Elle se rassoit et nous fixons une seule démarche pour la semaine.",
        "opinions": "J'ai pensé qu'elle se sentait jugée par le rappel du contrat, et que le nombre d'étapes "
                    "prévues la décourageait.",
        "emotions": "De l'agacement au début, puis de l'inquiétude quand elle s'est levée ; du soulagement à la fin.",
        "facteurs": "Un plan d'action trop chargé au regard de ses contraintes de garde d'enfant ; mon rappel du "
                    "cadre arrivé avant l'écoute.",
        "points_forts": "Avoir changé de posture à temps : revenir aux progrès accomplis a restauré l'alliance.",
        "difficultes": "Tenir le cadre du contrat sans le transformer en menace ; ma fatigue en fin de matinée.",
        "ajustements": "Réduire le plan à une ou deux démarches à la fois, co-construites en fin d'entretien.",
        "autrement": "Commencer par demander ce qui a changé depuis la dernière fois, avant tout rappel du cadre.",
    },
    "entretien_projet": {
        "titre": "Confronter un projet à la réalité sans décourager",
        "situation": "Entretien de projet professionnel après une enquête métier dans la logistique.",
        "faits": "La personne revient de l'enquête en disant que « le métier est trop dur ». Je propose de lister ce "
                 "qu'elle a vu, ce qu'elle a aimé et ce qui l'a inquiétée.",
        "opinions": "Je crois que le port de charges l'inquiète plus que le métier lui-même.",
        "emotions": "Une pointe de déception : je croyais le projet mûr.",
        "facteurs": "Une seule enquête, dans un entrepôt très mécanisé ; pas encore d'immersion.",
        "points_forts": "La grille « vu / aimé / inquiété » a permis de trier les faits des impressions.",
        "difficultes": "Ne pas orienter vers ma propre idée du bon projet.",
        "ajustements": "Proposer une immersion (PMSMP) dans une plus petite structure avant de conclure.",
        "autrement": "Préparer l'enquête métier avec elle : questions à poser, points à observer.",
    },
    "parcours": {
        "titre": "Contractualiser avec une personne orientée sans l'avoir demandé",
        "situation": "Signature du contrat d'engagement d'une personne orientée par le prescripteur.",
        "faits": "La personne signe sans lire. Je lui demande de reformuler un engagement ; elle ne peut pas.",
        "opinions": "La signature était vécue comme une obligation administrative de plus.",
        "emotions": "Un malaise : je me suis sentie complice d'une formalité.",
        "facteurs": "Le délai d'un mois pour signer ; la commande du prescripteur très directive.",
        "points_forts": "J'ai suspendu la signature et relu les engagements avec elle.",
        "difficultes": "Concilier le délai réglementaire et le temps de l'adhésion.",
        "ajustements": "Prévoir un premier entretien sans signature, consacré aux engagements réciproques.",
        "autrement": "Remettre le contrat une semaine avant, pour qu'elle le lise à son rythme.",
    },
    "session_atelier": {
        "titre": "Un atelier où le groupe ne prenait pas la parole",
        "situation": "Première demi-journée d'un atelier de techniques de recherche d'emploi, huit participants.",
        "faits": "Au tour de table, trois personnes parlent, les autres restent silencieuses. Le brainstorming "
                 "prévu ne démarre pas ; je passe au travail en binômes.",
        "opinions": "Le groupe ne se connaissait pas assez pour une activité en plénière dès le début.",
        "emotions": "Du stress pendant les silences, puis de la satisfaction quand les binômes ont pris.",
        "facteurs": "Une progression pédagogique qui commençait par la plénière ; une salle trop grande.",
        "points_forts": "Avoir eu un scénario de repli prêt dans la progression.",
        "difficultes": "Tolérer le silence sans le combler moi-même.",
        "ajustements": "Commencer par un brise-glace en binômes, garder la plénière pour la synthèse.",
        "autrement": "Demander aux participants, à l'inscription, ce qu'ils attendent de l'atelier.",
    },
}


def remplir_pratique(session: Session, *, seed: int = 0, aujourd_hui: date, **_options) -> None:
    par_email = {u.email: u for u in session.scalars(select(Utilisateur).where(Utilisateur.email.in_(
        ("candidat@demo.cipdesk.fr", "conseiller@demo.cipdesk.fr", "chef@demo.cipdesk.fr"))))}
    camille, yannick = par_email.get("candidat@demo.cipdesk.fr"), par_email.get("conseiller@demo.cipdesk.fr")
    if camille is None or yannick is None:
        return
    if session.scalar(select(AnalysePratique.id).where(AnalysePratique.auteur_id == camille.id).limit(1)):
        return  # already built
    structure = session.get(Structure, camille.structure_id)
    structure.parametres = {**(structure.parametres or {}), regles_prevention.PARAMETRE_NORME: 35}

    cibles = _cibles(session, camille)
    ecrites = []
    for i, (objet_type, valeurs) in enumerate(ANALYSES.items()):
        objet = cibles.get(objet_type)
        if objet is None:
            continue
        le = min(aujourd_hui - timedelta(days=3 + 9 * i), getattr(objet, "le", None) or aujourd_hui)
        ecrites.append(analyses.ecrire_analyse(session, auteur=camille, valeurs=valeurs, situation_le=le,
                                               aujourd_hui=aujourd_hui, objet_type=objet_type, objet_id=objet.id))
    seance = analyses.enregistrer_seance(
        session, organisateur=yannick, type_seance=TypeSeance.GEASE, le=aujourd_hui - timedelta(days=7),
        animateur="Psychologue du travail (intervenante extérieure)", participants=[camille],
        participants_externes="Deux conseillères de la Mission locale voisine", aujourd_hui=aujourd_hui)
    if ecrites:
        analyses.partager_avec_seance(session, auteur=camille, analyse=ecrites[0], seance=seance)

    prevention.declarer_incident(
        session, auteur=yannick, survenu_le=aujourd_hui - timedelta(days=12), nature="agression_verbale",
        contexte="À l'accueil, un homme refuse d'attendre son rendez-vous, crie et frappe le comptoir. Deux "
                 "collègues viennent ; il part au bout de dix minutes.",
        soutien="Échange avec le chef de service le jour même ; proposition d'un rendez-vous avec la médecine du "
                "travail.", declare=True, aujourd_hui=aujourd_hui)
    prevention.alerter_mon_chef(
        session, auteur=yannick, aujourd_hui=aujourd_hui,
        message="Depuis le départ d'une collègue, je reprends une partie de sa file active ; je n'arrive plus à "
                "tenir les entretiens de suivi prévus.")


def _cibles(session: Session, camille) -> dict:
    """The demo candidat's records the analyses are attached to (the first of each kind)."""
    parcours = session.scalar(select(Parcours).where(Parcours.referent_id == camille.id).order_by(Parcours.debut))
    cibles: dict = {"parcours": parcours}
    if parcours is not None:
        entretiens = session.scalars(select(Entretien).where(Entretien.parcours_id == parcours.id)
                                     .order_by(Entretien.le)).all()
        cibles["entretien"] = next((e for e in entretiens if e.type_entretien.value != "projet"), None)
        cibles["entretien_projet"] = next((e for e in entretiens if e.type_entretien.value == "projet"), None)
    cibles["session_atelier"] = session.scalar(select(SessionAtelier).where(SessionAtelier.animateur_id == camille.id)
                                               .limit(1))
    return {k: v for k, v in cibles.items() if v is not None}
