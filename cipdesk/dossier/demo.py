"""Demo: the Lille candidat (Camille) has an advanced draft of the dossier — a case
chosen for each part among her eligible records, her own introductions, texts for the
descriptions her records do not hold, and an analyse de pratique per part. Written as a
conseillère would, with aliases and no identifying detail."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.comptes.models import Utilisateur
from cipdesk.dossier import queries, services
from cipdesk.dossier.models import PartieRedigee

INTRODUCTIONS = {
    1: "J'exerce depuis trois ans comme conseillère en insertion professionnelle dans une association qui porte "
       "un atelier et chantier d'insertion et le référent de parcours d'un PLIE, dans la métropole lilloise. Cette "
       "partie présente la structure, le territoire sur lequel j'interviens et les acteurs que je mobilise au "
       "quotidien pour répondre aux besoins des personnes que j'accompagne.",
    2: "J'ai choisi de présenter l'accompagnement d'une personne orientée par le PLIE, parce qu'il montre comment "
       "un contrat d'engagement se construit, se suit et se réajuste avec la personne, à partir d'un diagnostic "
       "partagé qui a évolué au fil des entretiens.",
    3: "Cette partie décrit l'accompagnement à l'élaboration du projet professionnel d'une personne qui souhaitait "
       "« un emploi stable près de chez soi » sans savoir vers quel métier se tourner. J'ai utilisé la démarche "
       "ADVP, en m'appuyant sur une immersion en entreprise pour confronter le projet à la réalité.",
    4: "L'atelier présenté est né d'un constat partagé en équipe : plusieurs personnes de la file active se "
       "présentaient aux entretiens d'embauche sans savoir parler de leurs compétences. J'ai conçu, préparé et "
       "animé un atelier collectif pour y répondre.",
    5: "Cette action de prospection visait à ouvrir des postes d'entrée dans la logistique et la propreté aux "
       "personnes accompagnées, sur un bassin d'emploi où ces secteurs recrutent mais connaissent mal l'insertion.",
    6: "J'ai accompagné une entreprise qui peinait à recruter sur un poste d'agent·e logistique : analyse du besoin, "
       "fiche de poste, offre vérifiée au regard de la non-discrimination, présentation de candidatures.",
    7: "Après l'embauche d'une personne que j'accompagnais, j'ai organisé avec l'employeur le suivi de son "
       "intégration, jusqu'à une médiation qui a permis de maintenir le contrat.",
}

TEXTES_REGLES = {
    1: {
        "P1.1": "L'association, loi 1901, est conventionnée ACI par l'État (DDETS) et porte une équipe de référents "
                "de parcours du PLIE. Ses missions : accueillir, accompagner et salarier en parcours d'insertion des "
                "personnes éloignées de l'emploi. Offre de services : accueil et diagnostic, accompagnement "
                "individuel et ateliers collectifs, mises en situation de travail sur trois chantiers (espaces "
                "verts, second œuvre, logistique), relations avec les entreprises. Financeurs : État (aide au "
                "poste), Département du Nord (RSA), Métropole (PLIE, FSE+), ventes des chantiers. Public : "
                "demandeurs d'emploi de longue durée, bénéficiaires du RSA, jeunes sans qualification, résidents "
                "des quartiers prioritaires. Accueil sur orientation des prescripteurs et en information "
                "collective mensuelle, sans rendez-vous le mardi matin.",
        "P1.2": "Le territoire est une métropole de plus d'un million d'habitants, jeune, où le taux de chômage "
                "reste supérieur à la moyenne nationale, avec de fortes disparités entre quartiers. Atouts : un "
                "tissu logistique et tertiaire dense, un réseau de transports en commun étendu, de nombreux "
                "organismes de formation. Faiblesses : un niveau de qualification inférieur à la moyenne, une "
                "fracture numérique marquée chez les publics accompagnés, des difficultés de garde d'enfants en "
                "horaires décalés. Sur le plan environnemental, les friches industrielles et les projets de "
                "rénovation énergétique ouvrent des métiers nouveaux dans le bâtiment et le réemploi.",
    },
    2: {"P2.7": "Le parcours est en cours. Le bilan intermédiaire, partagé avec la personne, fait apparaître "
                "des freins levés (mobilité, démarches administratives) et un projet confirmé. Le passage de "
                "relais est préparé : à la fin du contrat, le suivi dans l'emploi sera assuré par la référente "
                "entreprise du PLIE, avec l'accord de la personne, à partir d'une fiche de liaison qui ne "
                "transmet que ce qui est nécessaire."},
    3: {"P3.3": "Pour la réalisation du projet, nous avons prévu ensemble une candidature accompagnée auprès de "
                "deux entreprises de la logistique rencontrées lors de l'action de prospection, une préparation "
                "aux entretiens d'embauche et, si besoin, une formation courte au CACES financée par le PLIE."},
}

# One analyse de pratique per part (RC §3.2, CP11): faits, opinions, émotions kept apart,
# determining factors, strengths and difficulties, adjustments.
ANALYSES = {
    2: {
        "faits": "Au troisième entretien, la personne est arrivée avec quarante minutes de retard et m'a annoncé "
                 "qu'elle voulait arrêter l'accompagnement. Nous avons repris ensemble, une à une, les étapes "
                 "prévues au contrat et leur échéance.",
        "opinions": "J'ai d'abord pensé que le projet n'était pas le sien et que je l'avais trop orienté. Avec le "
                    "recul, je pense que c'était surtout la charge de trois démarches simultanées qui la "
                    "décourageait.",
        "emotions": "J'ai ressenti de l'inquiétude, et un peu de frustration, parce que les étapes avançaient "
                    "bien ; j'ai veillé à ne pas la laisser transparaître.",
        "facteurs": "Trois démarches administratives en même temps, un hébergement fragile et une confiance en soi "
                    "encore faible ; de mon côté, un calendrier construit trop vite, sans marge.",
        "forces": "J'ai su reformuler sans juger, remettre la personne au centre des décisions et réajuster le "
                  "contrat avec elle plutôt que pour elle.",
        "difficultes": "J'ai tardé à mobiliser le partenaire logement ; j'ai eu du mal à poser des limites de "
                       "durée aux entretiens.",
        "ajustements": "Je séquencerais les démarches, une priorité à la fois, et je solliciterais plus tôt le "
                       "partenaire concerné ; je proposerais un point téléphonique court entre deux entretiens, "
                       "parce que c'est dans l'intervalle que la personne se décourage.",
    },
    3: {
        "faits": "Lors du retour d'immersion, la tutrice a jugé la personne « fiable et rapide » ; la personne, "
                 "elle, m'a dit avoir eu peur de ne pas tenir le rythme et a demandé à explorer un autre métier.",
        "opinions": "J'estimais le projet réaliste et j'ai été tentée de la rassurer trop vite, au risque de "
                    "décider à sa place.",
        "emotions": "J'étais satisfaite du retour de l'entreprise et déstabilisée par son doute.",
        "facteurs": "L'écart entre l'image que la personne a d'elle-même et le regard de l'employeur ; la "
                    "fatigue des horaires décalés ; l'absence de modèle professionnel dans son entourage.",
        "forces": "La méthode ADVP m'a permis de revenir à la cristallisation sans vivre ce retour en arrière "
                  "comme un échec ; la grille d'auto-évaluation a rendu visibles des qualités qu'elle ne nommait pas.",
        "difficultes": "Tenir la neutralité quand j'ai une conviction sur la faisabilité d'un projet.",
        "ajustements": "Je ferais précéder l'immersion d'une enquête métier et je préparerais avec la personne "
                       "les questions à poser à la tutrice, pour que le bilan soit d'abord le sien.",
    },
    4: {
        "faits": "Lors de la deuxième séquence, deux participantes sont restées silencieuses pendant le jeu de "
                 "rôle ; l'une a quitté la salle dix minutes.",
        "opinions": "Je pense que la mise en situation devant le groupe est arrivée trop tôt dans la progression.",
        "emotions": "J'ai été mal à l'aise de voir une participante en difficulté, et soulagée quand elle est revenue.",
        "facteurs": "Un groupe hétérogène (niveaux de français différents), une salle trop petite pour les "
                    "sous-groupes, un temps d'inclusion trop court.",
        "forces": "J'ai su basculer vers le scénario alternatif prévu (travail en binôme) sans perdre l'objectif "
                  "de la séquence ; l'évaluation à chaud l'a confirmé.",
        "difficultes": "Gérer le temps quand j'adapte une activité en direct.",
        "ajustements": "J'allongerais l'inclusion, je commencerais par le binôme avant le groupe et je prévoirais "
                       "des supports en FALC pour les personnes allophones.",
    },
    6: {
        "faits": "Le premier projet d'offre de l'employeur demandait « un jeune homme dynamique » ; la "
                 "vérification l'a signalé et je lui ai proposé une formulation centrée sur les tâches.",
        "opinions": "Je crois que l'employeur ne mesurait pas que sa formulation écartait des candidatures.",
        "emotions": "J'ai craint de le braquer en évoquant la non-discrimination dès le premier échange.",
        "facteurs": "L'urgence du recrutement, l'absence de service RH dans l'entreprise, un premier contact "
                    "établi lors de la prospection.",
        "forces": "J'ai appuyé la discussion sur la fiche de poste et les exigences réelles du poste, pas sur "
                  "un rappel à la loi ; l'offre a été modifiée sans tension.",
        "difficultes": "J'ai proposé une candidature qui ne correspondait pas aux horaires, faute d'avoir vérifié "
                       "la mobilité de la personne.",
        "ajustements": "Je vérifierais systématiquement les conditions de travail (horaires, trajets) avec la "
                       "personne avant de présenter sa candidature.",
    },
    7: {
        "faits": "Au point de suivi à un mois, la tutrice a signalé des retards répétés ; la personne, vue "
                 "séparément, a évoqué un problème de garde d'enfant le matin.",
        "opinions": "Je pensais que le cadre convenu suffirait et que je n'aurais pas à intervenir si tôt.",
        "emotions": "J'ai eu peur d'une rupture de la période d'essai.",
        "facteurs": "Des horaires de début à 6 h, une solution de garde qui n'avait pas été anticipée, une "
                    "tutrice nouvelle dans sa fonction.",
        "forces": "J'ai entendu chaque point de vue séparément avant la médiation et proposé un aménagement "
                  "d'horaires temporaire accepté par l'employeur.",
        "difficultes": "Rester dans mon rôle sans prendre parti pour la personne que j'accompagnais depuis des mois.",
        "ajustements": "J'aborderais la garde d'enfants et les horaires dès la signature du contrat de travail, "
                       "dans le cadre convenu avec l'employeur.",
    },
}

TRANSITIONS = ("Cette situation m'a appris à ajuster le rythme de l'accompagnement à celui de la personne, ce que "
               "je retrouve dans la partie suivante.")


def _prospection(session: Session, camille, aujourd_hui: date) -> None:
    """Camille leads one prospection action, evaluated (parts 5 of her dossier)."""
    from cipdesk.employeurs.entreprises.models import Entreprise
    from cipdesk.employeurs.prospection import queries as prospection_queries
    from cipdesk.employeurs.prospection import services as prospection
    from cipdesk.employeurs.prospection.models import ActionProspection

    if session.scalar(select(ActionProspection.id).where(ActionProspection.pilote_id == camille.id)):
        return
    debut = aujourd_hui - timedelta(days=120)
    action = prospection.creer_action(session, par=camille, le=debut, cibles={
        "contacts": 30, "visites": 8, "offres": 6, "placements": 3}, donnees={
        "titre": "Logistique et propreté : ouvrir des postes d'entrée", "debut": debut,
        "fin": aujourd_hui - timedelta(days=10),
        "objectifs": "Recueillir des offres de postes d'entrée accessibles sans qualification et faire connaître "
                     "les mesures d'aide à l'embauche aux employeurs de deux secteurs qui recrutent.",
        "diagnostic_territoire": "Sur le bassin d'emploi, la logistique et la propreté concentrent une part "
                                 "importante des projets de recrutement déclarés comme difficiles ; les métiers "
                                 "visés par les personnes accompagnées (préparation de commandes, agent·e de "
                                 "propreté) y sont nombreux, souvent en horaires décalés.",
        "sources_diagnostic": "Enquête Besoins en main-d'œuvre de France Travail (édition de l'année) ; "
                              "projets professionnels validés de la file active ; orientations de la structure.",
        "cible_employeurs": "Entreprises de 10 à 249 salariés de la logistique et de la propreté, situées à moins "
                            "de 45 minutes en transports en commun des quartiers où vivent les personnes.",
        "strategie": "Prospection ciblée plutôt que massive : premier contact téléphonique, visite avec une "
                     "présentation de l'offre de services, puis proposition de candidatures préparées.",
        "outils": "Fiche de présentation de la structure, argumentaire sur les aides à l'embauche et la PMSMP, "
                  "tableau de suivi des contacts dans cipdesk.",
        "pratiques_durables": "Je privilégie les rendez-vous groupés par zone et les transports en commun, je "
                              "rappelle aux employeurs le cadre de la non-discrimination à l'embauche et je "
                              "valorise l'égalité des chances dans chaque échange.",
    })
    for entreprise in session.scalars(select(Entreprise).where(Entreprise.structure_id == camille.structure_id)
                                      .order_by(Entreprise.raison_sociale).limit(5)):
        prospection.cibler(session, action, entreprise, par=camille)
    realises = prospection_queries.realises(session, action)
    prospection.evaluer(session, action, par=camille, le=aujourd_hui - timedelta(days=5), realises=realises,
                        evaluation="Les échanges et les visites ont ouvert des contacts durables ; deux entreprises "
                                   "ont accepté des immersions.",
                        causes="Moins d'offres que prévu : la période de l'action a coïncidé avec un gel des "
                               "recrutements saisonniers ; le délai entre visite et offre est plus long que prévu.")


def remplir(session: Session, *, seed: int = 0, aujourd_hui: date, **_options) -> None:
    camille = session.scalar(select(Utilisateur).where(Utilisateur.email == "candidat@demo.cipdesk.fr"))
    if camille is None or session.scalar(select(PartieRedigee.id).where(PartieRedigee.utilisateur_id == camille.id)):
        return
    _prospection(session, camille, aujourd_hui)
    for numero in range(1, 8):
        if numero != 1:
            eligibles = [c for c in queries.cas_possibles(session, camille, numero, aujourd_hui) if c.eligible]
            if eligibles:  # parts 2 and 3: the two fullest accompaniments (RC: one or two people)
                retenus = [c.ref for c in eligibles[:2 if numero == 2 else 1]]
                services.choisir_cas(session, camille, numero, retenus, eligibles)
        services.ecrire(session, camille, numero, "introduction", INTRODUCTIONS[numero])
        for champ, texte in TEXTES_REGLES.get(numero, {}).items():
            services.ecrire(session, camille, numero, champ, texte)
        if numero in ANALYSES:
            for champ, texte in ANALYSES[numero].items():
                services.ecrire(session, camille, numero, champ, texte)
            services.ecrire(session, camille, numero, "transitions", TRANSITIONS)
