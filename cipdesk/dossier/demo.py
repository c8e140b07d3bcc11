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
    1: "J'exerce depuis trois ans comme conseillère en insertion professionnelle dans une association de la "
       "métropole lilloise qui porte un atelier et chantier d'insertion et les référents de parcours d'un PLIE. "
       "J'y accompagne une file active d'une quarantaine de personnes, pour la plupart allocataires du RSA ou "
       "demandeuses d'emploi depuis plus d'un an, orientées par France Travail, le Département ou les CCAS.\n\n"
       "Cette première partie présente la structure dans laquelle j'exerce, le territoire sur lequel j'interviens "
       "et les acteurs, internes et externes, que je mobilise au quotidien pour répondre aux besoins des personnes. "
       "Elle montre aussi comment j'organise ma veille : sans elle, je ne pourrais ni orienter vers le bon "
       "partenaire, ni proposer une mesure au bon moment, ni expliquer à une personne ce qui change pour elle "
       "quand la réglementation évolue.",
    2: "J'ai choisi de présenter deux accompagnements menés dans le cadre du PLIE. Le premier, en cours, montre "
       "comment un contrat d'engagement se construit avec la personne, se suit et se réajuste à partir d'un "
       "diagnostic partagé qui a évolué au fil des entretiens. Le second, clos par une sortie en emploi durable, "
       "montre le bilan d'un parcours et l'organisation du passage de relais.\n\n"
       "Dans les deux cas, j'ai cherché à ce que les objectifs soient ceux de la personne, formulés avec ses "
       "mots, et à ce que chaque étape ait un sens pour elle. Les personnes sont désignées par des alias ; les "
       "dates sont données en mois depuis le début de l'accompagnement.",
    3: "Cette partie décrit l'accompagnement à l'élaboration puis à la réalisation du projet professionnel de "
       "M. A., qui souhaitait « un emploi stable près de chez soi » sans savoir vers quel métier se tourner. "
       "Après quinze ans de missions d'intérim interrompues par un problème de santé, il ne se reconnaissait "
       "aucun métier.\n\n"
       "J'ai utilisé la démarche éducative ADVP (exploration, cristallisation, spécification, réalisation), en "
       "m'appuyant sur une enquête métier puis sur une immersion en entreprise pour confronter le projet à la "
       "réalité. Je présente les étapes, la méthode employée pour identifier ses compétences, qualités et "
       "talents, les acteurs mobilisés et le plan d'action construit pour la réalisation du projet.",
    4: "L'atelier présenté, « Numérique : mes démarches en ligne », est né d'un constat fait en équipe à partir "
       "des diagnostics partagés : une part importante des personnes de nos files actives avait un frein "
       "numérique ouvert, et la dématérialisation des démarches (inscription, actualisation, candidatures) les "
       "rendait dépendantes d'un tiers pour des gestes quotidiens.\n\n"
       "J'ai conçu cet atelier, je l'ai préparé avec la médiatrice numérique de l'espace France Services voisin "
       "et je l'ai animé sur deux matinées. Je présente l'analyse du besoin, la progression pédagogique et son "
       "dispositif d'évaluation, le bilan de la session et l'analyse de ma pratique d'animation.\n\n"
       "Concevoir un atelier m'a obligée à passer d'une logique d'entretien individuel, où j'ajuste en "
       "permanence, à une logique de progression, où chaque séquence prépare la suivante et où l'imprévu doit "
       "être anticipé par un scénario alternatif.",
    5: "Cette action de prospection visait à ouvrir des postes d'entrée dans la logistique et la propreté aux "
       "personnes accompagnées, sur un bassin d'emploi où ces secteurs recrutent mais connaissent mal "
       "l'insertion. Je l'ai conduite en mode projet, de la définition des objectifs à l'évaluation des écarts, "
       "avec la chargée de relations entreprises de la structure.\n\n"
       "Je présente le diagnostic du territoire qui a fondé l'action, les employeurs ciblés, la stratégie, les "
       "outils et la planification, puis l'évaluation, qui montre des écarts importants que j'analyse. Je termine "
       "par la manière dont le développement durable, dans ses dimensions sociale, économique et "
       "environnementale, entre dans ma pratique de prospection.",
    6: "J'ai accompagné une boulangerie artisanale de moins de dix salariés qui souhaitait recruter une vendeuse "
       "ou un vendeur pour développer la vente en boutique, dans un quartier à forte fréquentation touristique "
       "l'été. La dirigeante n'avait jamais recruté hors de son réseau personnel et n'avait pas de fiche de "
       "poste.\n\n"
       "Je présente le contexte et les interlocuteurs, la démarche (analyse du besoin, fiche de poste, offre "
       "vérifiée au regard de la non-discrimination, présentation de candidatures préparées) et ses résultats.",
    7: "Après l'embauche d'une personne accompagnée sur un poste de commis de cuisine, j'ai organisé avec "
       "l'employeur le suivi de son intégration : un cadre convenu dès la prise de poste, des points de suivi "
       "planifiés et, quand des retards répétés ont fait apparaître un risque de rupture, une médiation.\n\n"
       "La médiation n'a pas permis de maintenir le contrat. J'ai choisi de présenter cette situation parce "
       "qu'elle m'a appris davantage qu'une intégration sans difficulté sur ce qui se joue dans les premières "
       "semaines d'un emploi.",
}

TEXTES_REGLES = {
    1: {
        "P1.1": "Ma place dans la structure. Je suis rattachée à l'équipe « accompagnement socio-professionnel » et "
                "j'interviens sur les deux lieux d'accueil. Mes missions couvrent l'accueil et le diagnostic "
                "partagé, l'accompagnement individuel des personnes orientées par le PLIE, l'animation d'ateliers "
                "collectifs et une partie de la relation avec les employeurs, en lien avec la chargée de relations "
                "entreprises.\n\n"
                "Le cadre de mon intervention. Le financement du PLIE par le Fonds social européen impose des "
                "engagements précis : un entretien au moins toutes les trois semaines, un contrat d'engagement "
                "signé, des justificatifs d'étapes et de sorties. Je vis ces exigences comme un cadre qui protège "
                "aussi la personne : il rend visible ce qui est convenu et ce qui est fait. Le conventionnement de "
                "l'atelier et chantier d'insertion permet en outre de proposer des mises en situation de travail "
                "salariées, que je mobilise quand une personne a besoin de reprendre un rythme.\n\n"
                "Le travail en équipe. Une réunion d'équipe hebdomadaire examine les situations complexes et les "
                "orientations entre dispositifs ; une séance mensuelle d'analyse de la pratique, animée par une "
                "psychologue du travail extérieure, me permet de prendre du recul sur mes accompagnements. Les "
                "encadrants techniques du chantier me transmettent leurs observations sur les savoir-être et les "
                "compétences en situation de travail, ce qui enrichit le diagnostic.",
        "P1.2": "Ce que je retiens du diagnostic du territoire. Le bassin d'emploi est dense et bien desservi au "
                "centre, mais les zones d'activité qui recrutent le plus, en logistique notamment, sont situées en "
                "périphérie, mal desservies aux horaires d'équipe. La mobilité est donc le premier frein que je "
                "rencontre, avant même la qualification : une personne peut être prête à travailler et ne pas "
                "pouvoir se rendre au travail à cinq heures du matin.\n\n"
                "Le chômage de longue durée se concentre dans les quartiers prioritaires où vivent la plupart des "
                "personnes que j'accompagne. Les difficultés de maîtrise de l'écrit et du numérique y sont "
                "fréquentes, et l'offre de formation linguistique ne couvre pas la demande. À l'inverse, les "
                "secteurs qui recrutent (logistique, propreté, soin, hôtellerie-restauration, bâtiment) proposent "
                "de nombreux postes accessibles sans qualification, souvent en horaires décalés.\n\n"
                "Comment je recueille et traite ces données. Les chiffres du profil de territoire viennent de "
                "sources publiques datées (recensement, statistiques du marché du travail, enquête Besoins en "
                "main-d'œuvre) ; je les actualise quand une nouvelle édition paraît et je les croise avec ce que "
                "j'observe dans ma file active : projets professionnels validés, freins les plus fréquents, "
                "orientations réalisées. Cette lecture croisée a fondé l'action de prospection de la cinquième "
                "partie et l'atelier numérique de la quatrième.",
        "P1.3": "Les acteurs internes. Au-delà de l'équipe d'accompagnement, je m'appuie sur les encadrants "
                "techniques du chantier, qui observent les personnes en situation de travail, sur la chargée de "
                "relations entreprises, qui connaît les besoins des employeurs, et sur les références de l'équipe "
                "présentées ci-dessus : quand une question porte sur l'hébergement ou sur la mobilité, je sais "
                "vers quelle collègue me tourner.\n\n"
                "Les acteurs externes. Le répertoire opérationnel de la structure recense, pour chaque partenaire, "
                "le public, les conditions d'accès et la manière d'orienter. Je le tiens à jour quand j'apprends "
                "qu'une permanence change ou qu'un dispositif ferme. Les partenaires que je mobilise le plus sont "
                "ceux qui répondent aux freins les plus fréquents de ma file active : le point conseil budget pour "
                "les dettes, l'espace France Services pour l'accès aux droits et au numérique, l'organisme de "
                "formation aux savoirs de base, le SIAO pour l'hébergement, le service pénitentiaire d'insertion "
                "et de probation pour les personnes sous main de justice.\n\n"
                "Comment je travaille en partenariat. Une orientation n'est pas un envoi : je présente le "
                "partenaire à la personne, je vérifie avec elle qu'elle accepte la démarche et ce qui sera "
                "transmis, je prends le rendez-vous avec elle si elle le souhaite et je fais le point au rendez-vous "
                "suivant. Une fiche de liaison ne transmet que ce qui est nécessaire, avec l'accord de la personne. "
                "Je participe aussi aux comités techniques du PLIE, où les situations bloquées sont examinées avec "
                "France Travail, le Département et les autres référents de parcours.\n\n"
                "Ce que je voudrais améliorer. Mes orientations se concentrent sur quelques partenaires ; le "
                "répertoire montre que d'autres ressources du territoire, comme le relais petite enfance ou le "
                "centre social du quartier, seraient utiles pour les questions de garde d'enfants, que je "
                "découvre souvent trop tard dans les parcours.",
    },
    2: {"P2.7": "Pour le premier accompagnement, le parcours est en cours. Le bilan intermédiaire, partagé avec la "
                "personne, fait apparaître des freins levés (ressources, accès au numérique) et un projet confirmé "
                "par une immersion. Le passage de relais est préparé : à la fin du contrat, le suivi dans l'emploi "
                "sera assuré par la référente entreprise du PLIE, avec l'accord de la personne, à partir d'une "
                "fiche de liaison qui ne transmet que ce qui est nécessaire.\n\n"
                "Pour le second, la sortie en emploi durable a été préparée deux entretiens à l'avance : nous "
                "avons anticipé ensemble les horaires, le trajet et la garde de l'enfant, puis convenu d'un "
                "appel à un mois et d'un point à trois mois. La personne a choisi ce qu'elle acceptait que je "
                "transmette à la référente entreprise ; le suivi à trois mois confirme qu'elle est toujours en "
                "poste."},
    3: {"P3.3": "Pendant l'élaboration, l'accompagnement a alterné entretiens de projet et entretiens de suivi du "
                "contrat, pour que les démarches sociales (budget, droits) n'étouffent pas le projet. Pour la "
                "réalisation, nous avons prévu ensemble un plan d'action : une candidature accompagnée auprès "
                "d'entreprises de la logistique rencontrées lors de l'action de prospection, une préparation aux "
                "entretiens d'embauche en atelier collectif et, si l'employeur la demande, une formation courte au "
                "CACES financée par le PLIE. Un point est prévu après chaque candidature.",
        "P3.4": "J'ai suivi les quatre étapes de l'approche éducative ADVP. L'exploration a consisté à faire "
                "émerger les intérêts, les valeurs et les expériences, y compris bénévoles, à partir d'un "
                "questionnaire d'intérêts et du récit des missions d'intérim. La cristallisation a permis de "
                "comparer deux pistes à partir d'une grille de critères que la personne a pondérés elle-même "
                "(conditions de travail, accès en transports, salaire, perspectives). La spécification a pris la "
                "forme d'une immersion de deux semaines en entrepôt, préparée et débriefée avec la tutrice. La "
                "réalisation est en cours, avec le plan d'action décrit ci-dessus.\n\n"
                "À chaque étape, mon rôle a changé : questionner et reformuler pendant l'exploration, apporter de "
                "l'information sur les métiers et le marché du travail pendant la cristallisation, organiser la "
                "confrontation et aider à en tirer un bilan pendant la spécification, soutenir l'action et "
                "l'autonomie pendant la réalisation.",
        "P3.5": "Pour identifier les compétences, qualités et talents, j'ai combiné trois sources : le récit "
                "d'expériences, où je repère avec la personne les actions concrètes derrière chaque mission "
                "(« ranger », « vérifier », « former un nouveau ») ; la grille d'auto-évaluation remplie pendant "
                "l'immersion ; le regard de la tutrice, recueilli lors du bilan d'immersion. La confrontation de "
                "ces trois regards a fait apparaître des qualités que la personne ne nommait pas, comme la "
                "fiabilité et la mémoire des emplacements, et une compétence transférable issue de son bénévolat "
                "en épicerie solidaire : la gestion d'un stock.",
        "P3.6": "Acteurs mobilisés : l'entreprise de logistique qui a accueilli l'immersion et sa tutrice ; la "
                "chargée de relations entreprises de la structure, pour le choix de l'entreprise d'accueil ; le "
                "PLIE, pour le financement éventuel de la formation ; l'organisme de formation agréé pour le "
                "CACES ; l'atelier collectif de préparation aux entretiens d'embauche de la structure."},
    4: {"P4.2": "Le besoin a d'abord été repéré dans les diagnostics partagés : en réunion d'équipe, nous avons "
                "constaté que le frein « numérique » revenait dans une majorité des diagnostics de nos files "
                "actives, souvent associé à une dépendance à un proche ou à un travailleur social pour "
                "s'actualiser ou répondre à une offre. J'ai ensuite précisé ce besoin avec les personnes "
                "concernées, lors de leurs entretiens : ce qui les bloquait n'était pas l'usage du téléphone, "
                "qu'elles maîtrisaient pour communiquer, mais l'écrit numérique, les identifiants et les pièces "
                "jointes.\n\n"
                "J'ai rencontré la médiatrice numérique de l'espace France Services pour comparer nos constats : "
                "ses permanences étaient saturées par des demandes de dépannage ponctuel, sans apprentissage. "
                "Nous avons convenu d'un atelier court, centré sur deux capacités directement utiles à la "
                "recherche d'emploi, plutôt que d'une initiation générale à l'informatique.\n\n"
                "L'analyse a aussi porté sur les contraintes : une salle informatique de huit postes disponible le "
                "mardi matin, des participants aux niveaux de lecture hétérogènes, certains sans ordinateur chez "
                "eux. J'en ai déduit un effectif limité à huit, des activités en binômes et un aide-mémoire "
                "illustré que chacun pourrait emporter."},
    5: {"P5.2": "La structure porte un atelier et chantier d'insertion et un PLIE ; sa chargée de relations "
                "entreprises entretient un portefeuille d'employeurs surtout dans le bâtiment et les espaces "
                "verts, les secteurs du chantier. Or les projets professionnels validés dans nos files actives se "
                "tournent de plus en plus vers la logistique et la propreté, deux secteurs où nous avions peu de "
                "contacts.\n\n"
                "Le diagnostic socio-économique du territoire confirmait ce décalage : la logistique est le "
                "secteur qui déclare le plus de projets de recrutement sur le bassin, et plus de la moitié des "
                "projets y sont jugés difficiles. Les zones logistiques sont en périphérie, ce qui fait de la "
                "mobilité une condition de réussite de l'action.",
        "P5.3": "Les employeurs ciblés sont des entreprises de 10 à 249 salariés : assez grandes pour recruter "
                "régulièrement sur des postes d'entrée, assez petites pour que nous puissions parler directement "
                "à la personne qui recrute. J'ai retenu celles qui sont accessibles en moins de 45 minutes en "
                "transports en commun depuis les quartiers où vivent les personnes, ou qui organisent un "
                "transport ou un covoiturage pour leurs équipes. Beaucoup n'ont pas de service des ressources "
                "humaines et recrutent par l'intérim ; notre offre de services (candidatures préparées, immersions, "
                "suivi dans l'emploi) répond à leur difficulté de fidéliser les salariés.",
        "P5.4": "La stratégie retenue est une prospection ciblée plutôt que massive : mieux vaut dix employeurs "
                "qui nous connaissent que cinquante qui ont reçu un courrier. Chaque entreprise a reçu un appel "
                "de présentation, puis une proposition de visite, au cours de laquelle je présentais l'offre de "
                "services et recueillais les besoins à venir. Les offres recueillies étaient immédiatement "
                "rapprochées des personnes dont le projet était validé.\n\n"
                "Les outils : une fiche de présentation de la structure d'une page, un argumentaire sur les aides "
                "à l'embauche et sur l'immersion (PMSMP), le suivi des contacts et des échanges dans l'outil de la "
                "structure, qui permet à la chargée de relations entreprises de reprendre un contact si je suis "
                "absente.\n\n"
                "La planification prévoyait trois temps : un mois de préparation (diagnostic, ciblage, outils), "
                "quatre mois de prospection avec des objectifs chiffrés de contacts, de visites, d'offres et "
                "d'embauches, puis l'évaluation des écarts, partagée en réunion d'équipe.",
        "P5.6": "Le développement durable entre dans ma pratique de prospection par ses trois dimensions. La "
                "dimension sociale d'abord : je rappelle aux employeurs le cadre de la non-discrimination à "
                "l'embauche, je les aide à formuler des exigences liées aux tâches réelles du poste et je "
                "valorise l'égalité des chances, par exemple en proposant des candidatures de femmes sur des "
                "postes de manutention. La dimension économique ensuite : un recrutement durable, préparé et "
                "suivi, coûte moins cher à l'entreprise qu'une succession de missions d'intérim.\n\n"
                "La dimension environnementale enfin : j'organise mes rendez-vous par zone géographique pour "
                "limiter les déplacements, je me déplace en transports en commun quand c'est possible, je "
                "remplace les documents imprimés par des documents envoyés, et j'interroge les employeurs sur les "
                "solutions de transport collectif ou de covoiturage qu'ils proposent, ce qui sert à la fois la "
                "planète et l'accès à l'emploi des personnes sans voiture."},
    6: {"P6.2": "Le contexte. La dirigeante de la boulangerie m'a été présentée lors d'une réunion de commerçants "
                "du quartier. Elle souhaitait développer la vente en boutique, notamment auprès de la clientèle "
                "touristique de l'été, et avait vu partir deux vendeuses en un an. Elle recrutait jusque-là par "
                "le bouche-à-oreille et n'avait jamais rédigé de fiche de poste.\n\n"
                "Les interlocuteurs. J'ai travaillé avec la dirigeante, qui décidait seule du recrutement, et "
                "avec la vendeuse la plus ancienne, qui forme les nouvelles recrues. Du côté de la structure, "
                "les conseillères et conseillers de l'équipe ont proposé des candidatures de personnes dont le "
                "projet dans la vente alimentaire était validé.\n\n"
                "La démarche. L'entretien d'analyse du besoin a porté sur les tâches réelles (vente et conseil, "
                "mise en rayon, encaissement), les horaires (début à 6 h 30, un week-end sur deux), les "
                "contraintes physiques et les raisons des départs précédents. J'ai rédigé la fiche de poste à "
                "partir de cet entretien, puis l'offre à partir de la fiche. L'outil de vérification a relevé une "
                "exigence de langue : nous en avons discuté, et la dirigeante a pu la justifier par les tâches du "
                "poste (la moitié de la clientèle d'été est anglophone), justification consignée avec l'offre. "
                "Nous avons précisé « débutant·e accepté·e, formation assurée », ce qui a élargi les candidatures "
                "possibles.\n\n"
                "Les résultats. Six candidatures ont été proposées ; après un entretien de présentation avec "
                "chaque personne, cinq ont été transmises à l'employeur, deux ont donné lieu à un entretien "
                "d'embauche et une personne a été recrutée en CDI à temps partiel. Une aide à l'embauche a été "
                "mobilisée pour financer une formation d'adaptation au poste. La dirigeante m'a depuis sollicitée "
                "pour un second recrutement."},
    7: {"P7.2": "Les interlocuteurs étaient le chef d'équipe, tuteur de la personne, et la responsable du "
                "personnel de l'entreprise. Le cadre convenu prévoyait que l'employeur forme au poste et que je "
                "suive la personne sans intervenir sur l'organisation du travail, avec un appel à chaque point et "
                "une visite au premier mois. La médiation, demandée par le tuteur après des retards répétés, a "
                "réuni la personne et sa responsable : un décalage temporaire des horaires a été proposé, mais la "
                "personne a préféré quitter le poste. J'ai maintenu l'accompagnement pour préparer une nouvelle "
                "candidature compatible avec ses contraintes familiales."},
}

# One analyse de pratique per part (RC §3.2, CP11): faits, opinions, émotions kept apart,
# determining factors, strengths and difficulties, adjustments.
ANALYSES = {
    2: {
        "faits": "Au troisième entretien de suivi, M. A. est arrivé avec quarante minutes de retard et m'a annoncé "
                 "qu'il voulait arrêter l'accompagnement. Trois démarches étaient en cours en même temps : le plan "
                 "d'apurement de sa dette de loyer, la mise à jour de son dossier CAF et l'atelier numérique. Nous "
                 "avons repris ensemble, une à une, les étapes prévues au contrat et leur échéance ; il a choisi de "
                 "garder l'immersion en priorité et de reporter le reste.",
        "opinions": "J'ai d'abord pensé que le projet n'était pas le sien et que je l'avais trop orienté. Avec le "
                    "recul, je pense que c'était surtout la charge de trois démarches simultanées qui le "
                    "décourageait, et que le contrat, tel que nous l'avions écrit, ne laissait aucune marge.",
        "emotions": "J'ai ressenti de l'inquiétude, et un peu de frustration, parce que les étapes avançaient "
                    "bien ; j'ai veillé à ne pas la laisser transparaître, pour qu'il ne se sente pas jugé.",
        "facteurs": "Trois démarches administratives en même temps, un logement menacé et une confiance en soi "
                    "encore faible ; de mon côté, un calendrier construit trop vite, sans marge, et l'envie de "
                    "montrer des résultats au comité technique du PLIE.",
        "forces": "J'ai su reformuler sans juger, remettre la personne au centre des décisions et réajuster le "
                  "contrat avec elle plutôt que pour elle. Le second accompagnement montre la même attention au "
                  "rythme de la personne, qui a été selon elle décisive.",
        "difficultes": "J'ai tardé à mobiliser le partenaire chargé des droits ; j'ai eu du mal à poser des "
                       "limites de durée aux entretiens quand la personne avait beaucoup à dire.",
        "ajustements": "Je séquencerais les démarches, une priorité à la fois, et je solliciterais plus tôt le "
                       "partenaire concerné ; je proposerais un point téléphonique court entre deux entretiens, "
                       "parce que c'est dans l'intervalle que la personne se décourage. J'écrirais aussi dans le "
                       "contrat les marges prévues, pour que le réajustement soit vécu comme normal et non comme "
                       "un échec.",
    },
    3: {
        "faits": "Lors du bilan d'immersion, la tutrice a jugé M. A. « fiable et rapide » ; lui m'a dit avoir eu "
                 "peur de ne pas tenir le rythme et a demandé à explorer un autre métier. Nous avons repris la "
                 "grille d'auto-évaluation qu'il avait remplie chaque jour : le doute portait sur la première "
                 "semaine, pas sur la seconde.",
        "opinions": "J'estimais le projet réaliste et j'ai été tentée de le rassurer trop vite, au risque de "
                    "décider à sa place. Je pense aujourd'hui que son doute était une étape normale de la "
                    "spécification.",
        "emotions": "J'étais satisfaite du retour de l'entreprise et déstabilisée par son doute ; j'ai aussi "
                    "ressenti de la fierté quand il a confirmé lui-même son choix.",
        "facteurs": "L'écart entre l'image que la personne a d'elle-même et le regard de l'employeur ; la fatigue "
                    "des horaires décalés ; l'absence de modèle professionnel stable dans son parcours d'intérim.",
        "forces": "La méthode ADVP m'a permis de revenir à la cristallisation sans vivre ce retour en arrière "
                  "comme un échec ; la grille d'auto-évaluation a rendu visibles des qualités qu'il ne nommait "
                  "pas ; j'ai laissé le temps de la décision.",
        "difficultes": "Tenir la neutralité quand j'ai une conviction sur la faisabilité d'un projet ; ne pas "
                       "confondre la satisfaction de l'employeur avec l'adhésion de la personne.",
        "ajustements": "Je ferais précéder l'immersion d'une enquête métier plus approfondie et je préparerais "
                       "avec la personne les questions à poser à la tutrice, pour que le bilan soit d'abord le sien. "
                       "Je prévoirais aussi un point à mi-immersion, pour qu'un doute ne s'installe pas seul.",
    },
    4: {
        "faits": "Pendant la séquence sur l'espace France Travail, trois participants n'avaient pas leurs "
                 "identifiants ; la réinitialisation a pris trente minutes. Deux participantes allophones sont "
                 "restées en retrait pendant la démonstration collective ; l'une est sortie dix minutes. La "
                 "satisfaction à chaud est moyenne, avec le commentaire « un peu rapide pour moi ».",
        "opinions": "Je pense que la démonstration collective est arrivée trop tôt, avant que chacun ait pu "
                    "manipuler, et que j'avais sous-estimé la préparation administrative (les identifiants).",
        "emotions": "J'ai été mal à l'aise de voir une participante en difficulté, et soulagée quand elle est "
                    "revenue et a terminé l'exercice avec son binôme ; j'ai ressenti de la fierté quand un "
                    "participant m'a envoyé son CV seul.",
        "facteurs": "Un groupe hétérogène (niveaux de lecture et de français différents), des identifiants non "
                    "vérifiés en amont, une salle trop petite pour les sous-groupes, un temps d'inclusion trop "
                    "court ; la présence de la médiatrice numérique a été un facteur favorable.",
        "forces": "J'ai su basculer vers le scénario alternatif prévu (travail en binôme) sans perdre l'objectif "
                  "de la séquence ; l'évaluation des objectifs montre que la plupart les ont atteints au moins "
                  "partiellement ; la co-animation a permis un appui individuel.",
        "difficultes": "Gérer le temps quand j'adapte une activité en direct ; tenir à la fois le groupe et "
                       "l'aide individuelle.",
        "ajustements": "Je vérifierais les identifiants avec chaque référent une semaine avant, je commencerais "
                       "par les binômes avant la démonstration, j'allongerais l'inclusion et je prévoirais des "
                       "supports en FALC avec des pictogrammes pour les personnes allophones, parce que l'écrit "
                       "était le véritable obstacle.",
    },
    6: {
        "faits": "Lors de la rédaction de l'offre, la dirigeante a demandé d'ajouter « anglais courant exigé ». "
                 "L'outil de vérification a signalé l'exigence de langue ; je lui ai demandé quelles tâches du "
                 "poste la rendaient nécessaire. Elle a expliqué que la moitié de la clientèle d'été était "
                 "anglophone ; nous avons retenu « anglais utile pour l'accueil de la clientèle touristique » et "
                 "consigné la justification.",
        "opinions": "Je crois que la dirigeante ne mesurait pas qu'une formulation trop exigeante écartait des "
                    "candidatures ; je pense aussi que l'exigence était en partie légitime.",
        "emotions": "J'ai craint de la braquer en évoquant la non-discrimination dès le premier échange ; j'ai "
                    "été rassurée par son intérêt pour la démarche.",
        "facteurs": "L'urgence du recrutement avant la saison, l'absence de service des ressources humaines, un "
                    "premier contact établi dans un cadre de confiance, une expérience de départs rapides qui "
                    "rendait la dirigeante prudente.",
        "forces": "J'ai appuyé la discussion sur la fiche de poste et les tâches réelles, pas sur un rappel à "
                  "la loi ; l'offre a été précisée sans tension et la justification consignée. La préparation "
                  "des candidatures a évité de présenter des profils inadaptés.",
        "difficultes": "J'ai présenté une candidature sans vérifier que la personne pouvait arriver à 6 h 30 ; "
                       "elle a abandonné avant l'entretien.",
        "ajustements": "Je vérifierais systématiquement les conditions de travail (horaires, trajets, garde "
                       "d'enfants) avec chaque personne avant de présenter sa candidature, parce qu'une candidature "
                       "qui échoue pour ces raisons fragilise à la fois la personne et la confiance de l'employeur.",
    },
    7: {
        "faits": "Au point de suivi à quinze jours, le tuteur a signalé des retards répétés ; la personne, vue "
                 "séparément, a évoqué un problème de garde d'enfant le matin. La médiation a proposé un décalage "
                 "d'une heure pendant un mois ; la personne a préféré quitter le poste.",
        "opinions": "Je pensais que le cadre convenu suffirait et que je n'aurais pas à intervenir si tôt. Je "
                    "pense aujourd'hui que la garde d'enfant aurait dû être abordée avant l'embauche.",
        "emotions": "J'ai eu peur d'une rupture de la période d'essai, puis de la déception quand elle est "
                    "survenue.",
        "facteurs": "Des horaires de début très matinaux, une solution de garde qui n'avait pas été anticipée, "
                    "un tuteur nouveau dans sa fonction.",
        "forces": "J'ai entendu chaque point de vue séparément avant la médiation et proposé un aménagement "
                  "temporaire accepté par l'employeur ; j'ai maintenu le lien avec la personne après la rupture.",
        "difficultes": "Rester dans mon rôle sans prendre parti pour la personne que j'accompagnais depuis "
                       "des mois.",
        "ajustements": "J'aborderais la garde d'enfants et les horaires dès la signature du contrat de travail, "
                       "dans le cadre convenu avec l'employeur, et j'orienterais plus tôt vers le relais petite "
                       "enfance.",
    },
}

# What the candidat wrote further, in the same fields (kept apart here for readability).
COMPLEMENTS = (
    ((1, "P1.2"), "Ma méthode de veille. Je consacre une demi-journée par mois à la veille, et je note au fil de "
                 "l'eau ce que j'apprends en comité technique ou en réunion de partenaires. Mes sources sont "
                 "institutionnelles (lettres d'information de la DDETS, du Département et de France Travail, textes "
                 "réglementaires), professionnelles (réseau des PLIE, fédération de l'insertion par l'activité "
                 "économique) et locales (partenaires du répertoire, employeurs rencontrés). Chaque information "
                 "retenue devient une fiche datée, avec sa source, les personnes concernées, les conditions "
                 "d'éligibilité et une date de révision : une information sans date est une information dont on "
                 "ne sait plus si elle est vraie. Les fiches sont partagées avec l'équipe et reliées aux "
                 "accompagnements où elles ont servi, ce qui me permet de mesurer leur utilité réelle.\n\n"
                 "Un exemple. La réforme de l'inscription des allocataires du RSA à France Travail a changé les "
                 "premières semaines des parcours : les personnes arrivent avec un contrat d'engagement déjà "
                 "signé ailleurs. Ma fiche de veille, discutée en réunion d'équipe, nous a conduits à revoir notre "
                 "premier entretien pour partir de ce contrat plutôt que d'en écrire un second."),
    ((3, "P3.2"), "M. A., entre 40 et 49 ans, a été orienté vers le PLIE par France Travail après deux ans sans "
                 "emploi. Il a travaillé quinze ans en intérim dans la manutention et le bâtiment, sans "
                 "qualification reconnue. Un problème de santé, aujourd'hui consolidé, a interrompu ses missions ; "
                 "il dit avoir « perdu l'habitude » et ne sait plus vers quel métier se tourner.\n\n"
                 "Les points clés du diagnostic partagé sont ses atouts (envie d'apprendre, fiabilité, expérience "
                 "du travail en équipe, un vélo et un abonnement de transport), ses freins (aucune qualification "
                 "reconnue, difficultés avec les démarches en ligne, dettes de loyer, horaires décalés difficiles "
                 "d'accès sans voiture, confiance en soi fragilisée) et les besoins que nous en avons déduits "
                 "ensemble : sécuriser les ressources, gagner en autonomie numérique, construire un projet "
                 "réaliste au regard du marché du travail local."),
    ((3, "P3.6"), "Ces acteurs ont été mobilisés à des moments différents : la chargée de relations entreprises "
                 "au moment de la cristallisation, pour identifier une entreprise d'accueil qui accepte une "
                 "immersion de deux semaines ; la tutrice pendant la spécification ; le PLIE et l'organisme de "
                 "formation pour la réalisation. Chaque mise en relation a été préparée avec la personne, qui a "
                 "choisi ce qu'elle souhaitait dire de sa situation."),
    ((4, "introduction"), "Cet atelier s'inscrit dans l'offre de services collective de la structure, à côté "
                         "des ateliers de techniques de recherche d'emploi et de mobilité. Il est ouvert aux "
                         "personnes accompagnées par l'ensemble de l'équipe, sur prescription de leur référent, ce "
                         "qui a nécessité de présenter l'atelier en réunion d'équipe et de préciser les "
                         "prérequis pour que les orientations correspondent au public visé."),
    ((4, "P4.2"), "Les objectifs ont été formulés en capacités observables, avec leurs conditions de réalisation "
                 "et leurs critères de réussite, pour que l'évaluation porte sur ce que chacun sait faire à la "
                 "fin de l'atelier et non sur une impression. Le choix des méthodes découle de l'analyse du "
                 "public : peu d'exposé, une démonstration courte, puis beaucoup de pratique sur les propres "
                 "comptes des participants, pour que l'apprentissage serve dès le lendemain. J'ai testé le "
                 "déroulé et l'aide-mémoire avec deux collègues avant la première session."),
    ((4, "transitions"), "Conclusion. Le bilan de cette première session a conduit à modifier la progression "
                        "pour la session suivante : vérification des identifiants en amont avec chaque référent, "
                        "binômes dès la première séquence, aide-mémoire réécrit en FALC. L'évaluation à froid, à "
                        "six semaines, permettra de vérifier que les participants utilisent seuls leur "
                        "messagerie et leur espace personnel ; je la mènerai lors des entretiens individuels "
                        "avec leurs référents. "),
    ((5, "P5.3"), "Pour constituer la liste, j'ai croisé le fichier des entreprises déjà en contact avec la "
                 "structure, les offres publiées sur le bassin et les recommandations des partenaires. J'ai "
                 "volontairement gardé quelques entreprises d'autres secteurs déjà en relation avec la "
                 "structure, pour entretenir ces contacts à l'occasion de l'action. Pour chaque entreprise, la "
                 "fiche précise le secteur, la taille, les métiers recrutés, les horaires et l'accès en transports, "
                 "sans que j'aie à tenir de fichier parallèle."),
    ((5, "P5.4"), "Au cours de l'action, j'ai adapté la stratégie : les premiers appels montraient que les "
                 "responsables de sites logistiques répondaient rarement au téléphone mais acceptaient une "
                 "rencontre lors des petits-déjeuners d'entreprises organisés par le club d'entreprises de la "
                 "zone. J'y ai participé deux fois, avec la chargée de relations entreprises, ce qui a permis des "
                 "échanges plus directs qu'une succession d'appels.\n\n"
                 "Le partage des tâches a été convenu au lancement : je prenais les premiers contacts et les "
                 "visites, la chargée de relations entreprises reprenait le suivi des offres et la relation dans "
                 "la durée, les référents de parcours préparaient les candidatures. Un point d'étape mensuel, "
                 "appuyé sur les indicateurs suivis dans l'outil, permettait de réorienter l'effort."),
    ((5, "transitions"), "Ce que je retiens de cette action : une prospection se juge sur la durée plus que sur "
                        "ses chiffres immédiats. Les écarts entre objectifs et résultats sont importants, mais "
                        "les contacts noués ont produit des immersions et des offres après la fin de l'action. "
                        "Je fixerais aujourd'hui des objectifs plus modestes et plus qualitatifs, et je "
                        "prévoirais une évaluation à six mois."),
    ((6, "P6.2"), "Ce que j'ai apporté à l'employeur. Au-delà de ce recrutement, la dirigeante dispose "
                 "désormais d'une fiche de poste réutilisable, d'une offre conforme et d'une méthode "
                 "d'entretien de recrutement : je lui ai proposé une grille d'entretien centrée sur les "
                 "situations de vente et d'hygiène, qu'elle a utilisée pour les deux entretiens. Nous avons "
                 "aussi préparé l'accueil de la nouvelle vendeuse : une journée de découverte avec la vendeuse la "
                 "plus ancienne, un point à la fin de la première semaine, et un suivi dans l'emploi proposé à "
                 "la salariée, qui l'a accepté.\n\n"
                 "Les indicateurs de l'action. Délai entre l'entretien d'analyse du besoin et l'embauche : un "
                 "peu plus d'un mois ; six candidatures préparées, cinq transmises, deux entretiens, une "
                 "embauche ; aucune exigence discriminatoire dans l'offre diffusée."),
    ((6, "introduction"), "Cet appui s'inscrit dans la relation de la structure avec les commerces de "
                         "proximité, que nous cherchons à développer parce qu'ils offrent des emplois proches du "
                         "domicile, accessibles à pied ou en transports, adaptés aux personnes qui ont des "
                         "contraintes familiales."),
    ((1, "P1.1"), "L'offre de services en pratique. Une personne orientée vers la structure est reçue en "
                 "entretien d'accueil dans les quinze jours ; le diagnostic partagé est établi en un ou deux "
                 "entretiens, puis la personne se voit proposer l'accompagnement le plus adapté : le PLIE pour un "
                 "accompagnement renforcé vers l'emploi, un contrat à durée déterminée d'insertion sur le chantier "
                 "pour reprendre un rythme de travail, ou une orientation vers un partenaire si ses besoins "
                 "relèvent d'abord d'un autre champ (santé, logement, justice)."),
    ((4, "P4.2"), "Pour que les orientations correspondent au public visé, j'ai présenté l'atelier en réunion "
                 "d'équipe avec une fiche de prescription d'une page : objectifs, prérequis (savoir lire des "
                 "mots simples), ce que la personne doit apporter (ses identifiants, son CV sur clé ou dans sa "
                 "messagerie), dates et lieu. Chaque référent a vérifié avec la personne, en entretien, que "
                 "l'atelier répondait à un objectif de son parcours ; l'inscription est ainsi reliée à une "
                 "étape du contrat d'engagement, ce qui donne du sens à la présence."),
    ((4, "faits"), "À la fin de la seconde matinée, quatre participants sur cinq avaient envoyé leur CV avec une "
                  "pièce jointe ; deux se connectaient seuls à leur espace personnel en moins de cinq minutes, "
                  "deux y parvenaient avec l'aide-mémoire, un n'y parvenait pas encore."),
    ((4, "opinions"), "Je pense aussi que l'objectif de connexion en moins de cinq minutes était trop ambitieux "
                     "pour une première session, sans être inutile : il a donné un repère concret aux "
                     "participants, qui se chronométraient entre eux."),
    ((4, "facteurs"), "Du côté de l'organisation, la prescription par les référents a bien fonctionné : tous les "
                     "participants savaient pourquoi ils venaient. En revanche, le délai de trois semaines entre "
                     "l'inscription et la première séance a laissé le temps aux identifiants d'être oubliés."),
    ((4, "ajustements"), "Je proposerais enfin une séance de rattrapage individuelle à l'espace France Services "
                        "pour la personne qui n'a pas atteint l'objectif, plutôt que de la réinscrire à une "
                        "session entière, et je mènerais l'évaluation à froid avec les référents, lors de leurs "
                        "entretiens, pour vérifier l'usage réel des acquis."),
    ((5, "P5.2"), "L'action répondait aussi à une orientation du PLIE, qui demande à chaque référent de "
                 "contribuer à la relation avec les employeurs, et à un constat partagé avec France Travail : les "
                 "employeurs de ces secteurs recourent surtout à l'intérim et connaissent peu les mesures "
                 "d'accompagnement à l'embauche et l'immersion professionnelle."),
    ((5, "P5.6"), "Au sein de l'action, j'ai fait de l'égalité professionnelle un point de chaque visite : "
                 "plusieurs responsables de sites ont dit ne recevoir presque aucune candidature de femmes sur les "
                 "postes de préparation de commandes, alors que ces postes leur sont ouverts. Nous avons convenu "
                 "de proposer des immersions à des femmes dont le projet était en cours d'élaboration, pour "
                 "qu'elles puissent juger du métier par elles-mêmes."),
    ((6, "P6.2"), "Le suivi après l'embauche. À la fin de la période d'essai, j'ai fait un point avec la "
                 "dirigeante et, séparément, avec la salariée : la formation d'adaptation au poste avait été "
                 "suivie, les horaires convenaient, la salariée souhaitait à terme augmenter son temps de "
                 "travail. La dirigeante envisage de lui proposer un temps plein à la rentrée si l'activité le "
                 "permet."),
    ((6, "facteurs"), "Du côté des candidatures, le fait que les personnes aient été préparées (connaissance du "
                     "poste, simulation d'entretien) a rassuré la dirigeante, qui craignait des présentations "
                     "improvisées."),
    ((6, "ajustements"), "J'associerais aussi plus tôt la vendeuse chargée de l'accueil des nouvelles recrues : "
                        "c'est elle qui a le mieux décrit les exigences réelles du poste, et son regard aurait "
                        "enrichi la fiche de poste dès le départ."),
    ((1, "P1.3"), "Un exemple de coordination. Pour une personne sortant de détention, orientée par le service "
                 "pénitentiaire d'insertion et de probation, j'ai organisé avec son accord une rencontre à trois "
                 "avec la conseillère du SPIP : nous avons réparti les démarches (hébergement par le SIAO, "
                 "ouverture des droits par l'espace France Services, projet professionnel avec moi) et convenu de "
                 "ce que chacune transmettrait à l'autre, et de rien de plus. Ce temps de coordination a évité "
                 "que la personne répète son histoire à chaque interlocuteur et que deux démarches se "
                 "contredisent.\n\n"
                 "Le travail en réseau passe aussi par des temps collectifs : je participe au groupe de travail "
                 "des référents PLIE sur la mobilité, qui a obtenu l'ouverture d'une permanence de "
                 "l'auto-école sociale dans nos locaux, et aux rencontres trimestrielles des partenaires de "
                 "l'espace France Services, où chacun présente ses actualités."),
    ((4, "emotions"), "Pendant la préparation, j'ai ressenti une appréhension à animer devant un groupe, moins "
                     "familière pour moi que l'entretien individuel ; la présence de la médiatrice numérique "
                     "m'a rassurée."),
    ((4, "forces"), "La préparation a été un point fort : l'aide-mémoire testé avec des collègues, le scénario "
                   "alternatif écrit pour chaque séquence et la répartition des rôles avec la co-animatrice "
                   "m'ont permis d'adapter la séance sans improviser. J'ai aussi veillé à ce que chacun reparte "
                   "avec une réussite concrète, même partielle."),
    ((4, "difficultes"), "J'ai eu du mal à ne pas faire à la place des participants quand ils bloquaient : "
                        "prendre la souris est plus rapide, mais ne leur apprend rien. La co-animatrice m'a fait "
                        "remarquer que je le faisais surtout avec les personnes que j'accompagne moi-même."),
    ((4, "transitions"), "Ce que cet atelier a apporté. Pour les participants, des gestes acquis qui les rendent "
                        "moins dépendants d'un tiers pour leurs démarches. Pour l'équipe, un outil collectif qui "
                        "libère du temps d'entretien individuel, jusque-là consacré à des manipulations en ligne. "
                        "Pour le partenariat avec l'espace France Services, une complémentarité claire : "
                        "l'atelier apprend, la permanence dépanne. Pour moi, une compétence nouvelle : concevoir "
                        "une progression à partir d'objectifs observables et évaluer ce que chacun sait faire, "
                        "plutôt que ce qu'il a aimé."),
    ((5, "introduction"), "L'action a duré un peu plus de trois mois ; elle a été suivie dans l'outil de la "
                         "structure, qui calcule les résultats de chaque indicateur à partir des échanges, des "
                         "offres et des embauches enregistrés, sans saisie en double."),
    ((6, "P6.2"), "Les difficultés rencontrées. La dirigeante souhaitait d'abord recevoir toutes les "
                 "candidatures sans présélection ; je lui ai proposé que chaque candidature soit préparée avec la "
                 "personne et accompagnée d'une courte présentation du projet, ce qui lui a fait gagner du temps. "
                 "Une candidature a été refusée faute d'expérience de la vente : j'ai demandé à la dirigeante un "
                 "retour précis, que j'ai transmis à la personne avec son conseiller, pour qu'il serve à sa "
                 "prochaine candidature."),
    ((6, "introduction"), "Cette action a mobilisé les compétences de l'appui technique au recrutement décrites "
                         "par le référentiel : analyser le besoin de l'employeur, formaliser le poste, rédiger une "
                         "offre non discriminatoire, présenter des candidatures adaptées et préparer "
                         "l'intégration."),
    ((6, "forces"), "J'ai aussi su tenir ma place de conseillère au service des deux parties : ni agence "
                   "d'intérim, ni avocate de la personne, mais garante d'un recrutement réfléchi."),
    ((6, "difficultes"), "J'ai eu du mal à refuser la demande initiale de la dirigeante de recevoir toutes les "
                        "candidatures sans préparation, par crainte de perdre ce premier contact."),
    ((1, "P1.2"), "Ce que ce diagnostic change dans ma pratique. Je vérifie dès le premier entretien les horaires "
                  "que la personne peut tenir et ses moyens de transport, parce que ce sont eux qui ouvrent ou "
                  "ferment l'accès aux secteurs qui recrutent. J'oriente plus tôt vers la plateforme mobilité et "
                  "l'auto-école sociale, et je propose les immersions de préférence dans des entreprises qui "
                  "organisent un transport ou un covoiturage pour leurs équipes. Enfin, je partage avec la "
                  "chargée de relations entreprises les métiers visés par les personnes, pour que la prospection "
                  "suive les projets réels plutôt que l'inverse."),
    ((4, "P4.2"), "Le choix de la co-animation a lui aussi découlé de l'analyse : la médiatrice numérique "
                  "apportait la maîtrise technique et la connaissance des difficultés rencontrées en "
                  "permanence ; j'apportais la connaissance des parcours et des objectifs de chaque "
                  "participant. Nous avons réparti les rôles avant chaque séquence : l'une anime, l'autre "
                  "circule entre les postes et note les difficultés pour le bilan."),
    ((4, "introduction"), "La session présentée a réuni six personnes inscrites sur deux matinées, à une "
                          "semaine d'intervalle. Les présences, les évaluations des objectifs et les "
                          "questionnaires de satisfaction ont été saisis au fil de la session, ce qui me permet "
                          "d'en présenter le bilan à partir de données relevées et non de souvenirs."),
    ((4, "faits"), "La co-animatrice a pris en charge l'une des deux participantes allophones pendant que "
                   "j'animais le reste du groupe ; à la pause, j'ai réorganisé les binômes pour que chaque "
                   "personne en difficulté soit associée à une personne plus à l'aise."),
    ((4, "ajustements"), "Plus largement, je réserverais un temps de préparation commun avec la co-animatrice "
                         "après la première demi-journée, pour ajuster la seconde à partir de ce que nous avons "
                         "observé, au lieu de suivre la progression prévue à l'identique."),
    ((6, "P6.2"), "Ce que cette action m'a appris sur le recrutement dans une très petite entreprise : la "
                  "dirigeante recrute rarement, sans outil et avec un enjeu fort, car une erreur de recrutement "
                  "pèse lourd sur une équipe de quelques personnes. Mon appui a surtout consisté à rendre "
                  "explicite ce qu'elle attendait, pour qu'elle puisse choisir sur des critères liés au poste."),
    ((6, "opinions"), "Je pense que la démarche de vérification de l'offre a été d'autant mieux acceptée "
                      "qu'elle partait de la fiche de poste qu'elle avait elle-même validée."),
    ((4, "P4.2"), "Enfin, j'ai veillé à l'accessibilité : une salle au rez-de-chaussée, des horaires compatibles "
                  "avec la dépose des enfants à l'école, des postes réglés en gros caractères pour deux "
                  "participants qui l'avaient demandé, et la possibilité de venir avec son propre téléphone "
                  "pour apprendre sur l'outil que l'on utilise vraiment au quotidien. Le budget est resté "
                  "limité : la salle et les postes de la structure, l'impression de l'aide-mémoire, le temps "
                  "de la médiatrice numérique mis à disposition par l'espace France Services."),
    ((4, "opinions"), "Avec le recul, je crois que j'ai voulu couvrir trop de contenus en deux matinées, par "
                      "crainte que les participants repartent sans tout savoir ; deux objectifs bien acquis "
                      "valent mieux que quatre survolés."),
    ((4, "facteurs"), "La dynamique du groupe a aussi joué : deux participants qui se connaissaient déjà ont "
                      "spontanément aidé les autres, ce qui a facilité le travail en binômes."),
    ((6, "P6.2"), "Un mois après l'embauche, la dirigeante a accepté de témoigner de cette expérience lors d'une "
                  "réunion de commerçants du quartier, ce qui a ouvert deux nouveaux contacts."),
)

TRANSITIONS = {
    1: "Cette connaissance de la structure, du territoire et du réseau est le socle des accompagnements "
       "individuels que je présente dans les deux parties suivantes.",
    2: "Ces deux accompagnements m'ont appris à ajuster le rythme du parcours à celui de la personne. Le premier "
       "se poursuit par l'élaboration d'un projet professionnel, que je présente dans la partie suivante.",
    3: "Le besoin d'outils numériques, apparu dans ce parcours comme dans beaucoup d'autres, est à l'origine de "
       "l'atelier collectif présenté dans la quatrième partie.",
    4: "Plusieurs participants ont ensuite candidaté en ligne sur des offres recueillies lors de l'action de "
       "prospection présentée dans la partie suivante.",
    5: "Les contacts noués pendant cette action ont ouvert la voie à un appui au recrutement, présenté dans la "
       "sixième partie.",
    6: "Un recrutement n'est réussi que si la personne se maintient dans l'emploi : c'est l'objet de la dernière "
       "partie.",
    7: "Cette situation conclut mon dossier : elle montre que l'accompagnement ne s'arrête pas à l'embauche et "
       "que l'analyse de ma pratique, y compris de mes échecs, fait évoluer mes manières de faire.",
}


ECHANGES = (
    ("appel", 12, "Présentation de la structure et de l'action",
     "Premier contact avec la personne qui recrute ; intérêt pour des candidatures préparées ; visite acceptée."),
    ("visite", 30, "Visite de l'entreprise et recueil des besoins",
     "Visite du site, présentation de l'offre de services et de l'immersion ; besoins à venir recueillis, "
     "horaires et accès en transports notés."),
    ("evenement", 55, "Petit-déjeuner du club d'entreprises de la zone",
     "Échange avec la direction du site ; deux immersions envisagées pour le trimestre suivant."),
)


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
    from cipdesk.employeurs.interactions import services as interactions

    for k, entreprise in enumerate(session.scalars(select(Entreprise).where(
            Entreprise.structure_id == camille.structure_id).order_by(Entreprise.raison_sociale).limit(5))):
        prospection.cibler(session, action, entreprise, par=camille)
        # Her exchanges with each targeted employer during the action: a call, then a visit.
        for nature, jours, objet, compte_rendu in ECHANGES[: 2 + k % 2]:
            interactions.enregistrer_interaction(session, entreprise, par=camille, aujourd_hui=aujourd_hui, donnees={
                "nature": nature, "le": debut + timedelta(days=jours + 3 * k), "objet": objet,
                "compte_rendu": compte_rendu, "prochaine_action": "", "echeance": None})
    realises = prospection_queries.realises(session, action)
    prospection.evaluer(session, action, par=camille, le=aujourd_hui - timedelta(days=5), realises=realises,
                        evaluation="Les échanges et les visites ont ouvert des contacts durables ; deux entreprises "
                                   "ont accepté des immersions.",
                        causes="Moins d'offres que prévu : la période de l'action a coïncidé avec un gel des "
                               "recrutements saisonniers ; le délai entre visite et offre est plus long que prévu.")


def _candidate_ccp(session: Session, camille) -> None:
    """A colleague on the CCP route (issue #16, point 8): she prepares the CCP « Accompagner les
    personnes… » first and has just started writing its first part."""
    from cipdesk.comptes import services as comptes
    import secrets

    from cipdesk.comptes.models import Equipe, Role, VoieCandidat

    if session.scalar(select(Utilisateur.id).where(Utilisateur.email == "candidat.ccp@demo.cipdesk.fr")):
        return
    equipe = session.get(Equipe, camille.equipe_id) if camille.equipe_id else None
    ines = comptes.creer_utilisateur(session, par=None, structure=camille.structure, email="candidat.ccp@demo.cipdesk.fr",
                                     prenom="Inès", nom="Moreau", role=Role.CONSEILLER, equipe=equipe,
                                     mot_de_passe=secrets.token_urlsafe(16), verifier_force=False,
                                     candidat={"voie": VoieCandidat.CCP, "date_session": date(2027, 3, 10),
                                               "referentiel_code": "reac-2018"})
    # The demo accounts' shared password (cipdesk.demo, which this module may not import: it
    # runs the modules' demos): the same hash as the other candidate's.
    ines.password_hash = camille.password_hash
    services.ecrire(session, ines, 2, "introduction",
                    "Je prépare le CCP « Accompagner les personnes dans leur parcours d'insertion sociale et "
                    "professionnelle » par capitalisation, après avoir validé le CCP de l'accueil. Cette partie "
                    "présentera l'accompagnement d'une personne orientée par le PLIE, du contrat d'engagement au "
                    "passage de relais.")


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
        textes = {"introduction": INTRODUCTIONS[numero], **TEXTES_REGLES.get(numero, {}),
                  **ANALYSES.get(numero, {}), "transitions": TRANSITIONS[numero]}
        for (n, champ), suite in COMPLEMENTS:
            if n == numero:
                textes[champ] = (textes.get(champ, "") + "\n\n" + suite).strip() if champ != "transitions" \
                    else (suite.strip() + "\n\n" + textes[champ])
        for champ, texte in textes.items():
            services.ecrire(session, camille, numero, champ, texte)
    _candidate_ccp(session, camille)
    # Camille asked her chef de service to review part 2; he commented.
    chef = session.scalar(select(Utilisateur).where(Utilisateur.email == "chef@demo.cipdesk.fr"))
    # She is in a collective VAE: the PLIE referent follows the readiness of her dossier, never her caseload.
    sophie = session.scalar(select(Utilisateur).where(Utilisateur.email == "conseillere.plie@demo.cipdesk.fr"))
    if chef is not None and sophie is not None:
        services.rattacher_accompagnateur(session, par=chef, accompagnateur=sophie, candidat=camille,
                                          groupe="VAE collective COORACE — Hauts-de-France")
    if chef is not None:
        relecture = services.demander_relecture(session, camille, 2, chef, aujourd_hui - timedelta(days=6))
        services.commenter(session, relecture, par=chef, le=aujourd_hui - timedelta(days=2),
                           commentaire="Le contexte est clair. Développez le passage de relais (P2.7) : qui "
                                       "reprend le suivi, avec quel accord de la personne, et ce qui est transmis.")
