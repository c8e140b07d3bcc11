"""Référentiel du titre CIP TP-00403, millésime 07 (2018) : REAC du 05/06/2018 et RC (JO du 16/12/2017, mis à jour le 05/06/2018)."""

# Transcription des fichiers seeds/REAC_referentiel_emploi_activites_competences_CIP.txt et
# seeds/RC_referentiel_certification_CIP_TP-00403.txt. Les textes sont repris mot pour mot, y compris
# les coquilles du document officiel (« Dans le cadre d'un l'accompagnement », « de la sa demande »…),
# à une exception près : le verbe « Informer », altéré dans la source en « Informé », « Informar »,
# « Informier », « Informers » ou « Informersur », est rétabli (intitulé de CP1 tel que l'écrivent la
# vue synoptique et la fiche emploi type du REAC ; trois savoir-faire de CP1, CP14 et CP15).
# Les savoir-faire du REAC mêlent savoir-faire techniques, organisationnels et relationnels sans
# marqueur fiable : ils sont gardés ensemble, dans l'ordre ; les savoirs (« Connaissance… ») à part.

from __future__ import annotations

from .modele import ActiviteType, Competence, PartieDossier, Production, Referentiel

# --- Activités types (REAC, fiches activité type n° 1 à 3) -----------------------------------------

_ACTIVITE_1 = ActiviteType(
    numero=1,
    intitule="Accueillir pour analyser la demande des personnes et poser les bases d'un diagnostic partagé",
    description=(
        "Le conseiller en insertion professionnelle impulse une dynamique d'insertion auprès des publics accueillis en posant les bases d'un diagnostic partagé de leur situation et en favorisant leur repérage dans l'environnement social et économique.\n\n"
        "Le conseiller en insertion professionnelle conduit des entretiens individuels ou collectifs d'accueil, recueille les attentes et analyse la demande exprimée. Il explore la situation des personnes pour évaluer le caractère d'urgence, identifier les besoins, les atouts et les freins. Il informe le public sur les ressources en matière d'insertion sociale et professionnelle et l'accès aux services dématérialisés. Il l'oriente et assure les mises en relation nécessaires en interne ou en externe. Dans un environnement numérique, il renseigne des bases de données et rédige ou établit un ensemble d'écrits professionnels (synthèses, comptes-rendus d'entretiens...) relatifs au public accueilli.\n\n"
        "Pour répondre aux besoins des personnes, le conseiller en insertion professionnelle s'informe en permanence sur les politiques et dispositifs liés à son champ d'intervention et exerce une veille sur leurs évolutions. Il recueille des informations sur les caractéristiques socio-politico-économiques de son territoire. Il travaille en équipe, en réseau et dans un cadre partenarial pour optimiser la réponse aux besoins des personnes accueillies.\n\n"
        "Le conseiller en insertion professionnelle exerce son activité sur une zone géographique déterminée. Il intervient dans sa structure, dans d'autres lieux délocalisés ou dans les locaux de partenaires.\n\n"
        "Les caractéristiques des personnes accueillies et les modalités d'accueil varient selon les structures et leurs missions.\n\n"
        "Il intervient sous la responsabilité d'un directeur ou d'un chef de service et rend compte régulièrement de son activité selon les procédures établies.\n\n"
        "Le conseiller en insertion professionnelle est en interaction directe avec les personnes accueillies. Il collabore avec les acteurs internes de la structure pour affiner son diagnostic et sa connaissance des ressources mobilisables en matière d'insertion.\n\n"
        "Il échange des informations avec le réseau des acteurs de l'insertion sociale et professionnelle vers lequel il oriente des publics."
    ),
    competences=("CP1", "CP2", "CP3", "CP4", "CP5"),
)

_ACTIVITE_2 = ActiviteType(
    numero=2,
    intitule="Accompagner les personnes dans leur parcours d'insertion sociale et professionnelle",
    description=(
        "Le conseiller en insertion professionnelle contribue à inscrire durablement les personnes accompagnées dans un processus d'insertion sociale et professionnelle. Il co-construit avec elles leurs parcours d'insertion et participe à leur réalisation totale ou partielle.\n\n"
        "Le conseiller en insertion professionnelle aide les personnes, individuellement ou collectivement, à élaborer ou réaliser leur projet professionnel. Il s'appuie sur le diagnostic établi conjointement et prend en compte les ressources de sa structure et celles de l'environnement pour définir avec les personnes leurs parcours d'insertion. Il participe à l'identification des objectifs, des étapes, de leurs échéances et à la définition d'un plan d'action. Il contractualise avec les personnes les engagements réciproques.\n\n"
        "Le conseiller en insertion professionnelle les reçoit en entretiens individuels. Il suit la réalisation des plans d'action et les actualise selon les évolutions des personnes et celles de l'environnement social et économique. Il travaille en équipe, en réseau et dans un cadre partenarial, et mobilise les moyens nécessaires aux parcours des personnes suivies. Il conçoit, prépare et anime des ateliers qui participent à la réalisation du parcours d'insertion vers l'emploi. Il enrichit sa pratique en l'analysant régulièrement.\n\n"
        "Les caractéristiques des personnes et les modalités de l'accompagnement varient selon les structures et leurs missions. Le conseiller en insertion professionnelle exerce cette activité en autonomie au sein d'une équipe dans le cadre défini par sa structure et dans le respect des principes éthiques et déontologiques de sa structure. Il intervient sous la responsabilité d'un directeur ou d'un chef de service et rend compte régulièrement de son activité selon les procédures établies. Il intervient dans les locaux de sa structure ou d'une structure externe."
    ),
    competences=("CP6", "CP7", "CP8", "CP9", "CP10", "CP11"),
)

_ACTIVITE_3 = ActiviteType(
    numero=3,
    intitule="Mettre en oeuvre une offre de services auprès des employeurs pour favoriser l'insertion professionnelle",
    description=(
        "Afin de favoriser l'insertion professionnelle des publics accueillis le conseiller en insertion professionnelle impulse des modes de collaboration avec les entreprises des secteurs marchand et non marchand, il facilite l'intégration des personnes dans l'emploi et déploie l'offre d'insertion sur son territoire.\n\n"
        "Le conseiller en insertion professionnelle identifie les acteurs économiques et l'évolution du marché du travail sur le bassin d'emploi. Dans une démarche projet, Il développe un réseau d'employeurs et identifie leurs besoins en matière de recrutement. Par son analyse des postes et la mesure de l'adéquation des profils recherchés avec ceux des publics accueillis, il apporte une réponse adaptée aux offres d'emploi. Il peut participer à leur rédaction. Il s'appuie sur les ressources en matière de formation et de mesures pour l'emploi pour élaborer sa réponse et enrichir les perspectives données aux employeurs. Il les accompagne dans leurs démarches de recrutement et les informe sur les différentes mesures qu'il contribue à mobiliser. Il propose, parmi les personnes qu'il accompagne, des profils susceptibles de correspondre aux besoins des employeurs. Il interroge les employeurs sur leurs possibilités d'accueillir des personnes en démarche d'insertion pour leur permettre de découvrir un métier, confirmer un projet.\n\n"
        "Le conseiller en insertion professionnelle assure le suivi du salarié dans l'emploi. Il définit les modalités de la collaboration avec l'employeur et établit avec lui un parcours d'intégration. Il identifie les mesures et les personnes contribuant à ce parcours et favorise la médiation entre les acteurs de l'entreprise et le nouveau salarié. Il inscrit ses actes dans une démarche de développement durable dans ses dimensions éthique, économique, sociale et environnementale\n\n"
        "Le conseiller en insertion professionnelle exerce cette activité en autonomie, en lien avec une équipe, dans le cadre défini par sa structure et dans le respect des principes éthiques. Selon les structures, les pratiques et les modalités d'exercice de cette activité varient de la démarche de prospection jusqu'à l'implication dans des politiques territoriales.\n\n"
        "Le conseiller en insertion professionnelle intervient dans sa structure ou se déplace dans les locaux de partenaires et d'entreprises.\n\n"
        "Il est en relation avec les publics accompagnés. Pour favoriser l'accès à l'emploi durable, il mobilise les partenaires institutionnels, les acteurs économiques, les employeurs et les personnes relais de l'entreprise."
    ),
    competences=("CP12", "CP13", "CP14", "CP15"),
)

# --- Compétences (REAC, fiches compétence ; critères d'évaluation : RC §3.2) ------------------------

_CRITERES_CP1 = (
    "Les mesures et dispositifs du territoire en matière d'insertion sont identifiés",
    "Les missions et l'offre de services de la structure sont clairement présentées",
    "Les interlocuteurs ou structures compétents sont identifiés",
    "Les techniques de reformulation sont mises en œuvre pour s'assurer de la compréhension de la demande",
    "La présentation des informations est adaptée au public",
)

_CP1 = Competence(
    code="CP1",
    numero=1,
    intitule="Informer une personne ou un groupe sur les ressources en matière d'insertion et les services dématérialisés",
    activite=1,
    description=(
        "Dans le cadre de ses missions, à partir de sa connaissance du territoire et des acteurs, répondre individuellement aux demandes d'information du public, organiser des réunions d'information collective, communiquer sur les services de sa structure, les ressources en matière d'insertion et sur l'accès aux services dématérialisés. Si nécessaire orienter vers d'autres structures, dispositifs, ou mettre en relation avec des personnes ressources afin de permettre au public de se repérer dans l'environnement social et économique."
    ),
    contextes="Cette compétence s'exerce dans les locaux de la structure ou d'autres lieux dans le cadre d'un accueil individuel ou d'une réunion d'information collective. Elle est mise en œuvre seule, en équipe, éventuellement en collaboration avec des acteurs externes et requiert le cas échéant l'utilisation des outils numériques.",
    criteres_performance=_CRITERES_CP1,
    criteres_evaluation=_CRITERES_CP1,  # RC §3.2 : identiques aux critères de performance
    savoir_faire=(
        "Conduire des entretiens d'information centrés sur la personne",
        "Préparer et animer des réunions d'information collective",
        "Réaliser une veille en continu sur les ressources et les acteurs du territoire",
        "Utiliser les outils numériques pour réaliser une veille informative",
        "Informer sur l'accès aux services dématérialisés",
        "Préparer la documentation pour la mettre à disposition des participants",
        "Adapter ses méthodes d'animation de réunion aux situations",
        "Orienter vers d'autres structures, dispositifs",
        "Mettre en relation avec des personnes ressources",
        "Assurer la traçabilité des documents administratifs",
        "Réaliser et diffuser des comptes rendus de réunion",
        "Analyser sa pratique",
        "S'appuyer sur la procédure d'accueil ou le cahier des charges en vigueur dans la structure",
        "Gérer sa documentation",
        "Assurer la préparation logistique des réunions",
        "Gérer son temps",
        "Prendre en compte les principes du développement durable dans les phases préparation, animation et suivi",
        "Mettre en œuvre les techniques de la communication interpersonnelle",
        "Adopter des attitudes aidantes : non-discrimination, non-jugement, bienveillance, authenticité, humilité",
        "Faciliter et réguler les échanges",
        "Activer les réseaux de l'insertion sociale et professionnelle",
    ),
    connaissances=(
        "Connaissance des missions présentes ou dématérialisées des structures du territoire",
        "Connaissance des publics",
        "Connaissance des politiques publiques mises en œuvre sur le territoire",
        "Connaissance des dispositifs d'insertion, mesures en vigueur et de leurs critères d'éligibilité",
        "Connaissance de la typologie des réunions",
        "Connaissance des méthodes et techniques d'animation de réunion",
    ),
)

_CRITERES_CP2 = (
    "La posture professionnelle est conforme aux principes éthiques de la relation d'accompagnement et déontologiques de la structure",
    "Les techniques d'entretien mises en œuvre sont adaptées pour poser les bases d'un diagnostic partagé",
    "Les éléments nécessaires pour poser les bases d'un diagnostic sont identifiés",
    "L'adhésion et la validation de la personne sont recherchées",
    "L'analyse de la pratique identifie les points forts et les axes d'amélioration",
)

_CP2 = Competence(
    code="CP2",
    numero=2,
    intitule="Analyser la demande de la personne et poser les bases d'un diagnostic partagé",
    activite=1,
    description=(
        "Dans le respect de ses missions et des principes éthiques de la relation d'accompagnement et déontologiques de la structure et en s'appuyant sur les techniques d'entretien, accueillir la personne, présenter le cadre de l'entretien et favoriser son expression Identifier avec elle ses besoins, ses attentes, explorer ses atouts et ses freins en regard de sa demande. Repérer les situations d'urgence éventuelles nécessitant une intervention immédiate. Poser les bases du diagnostic partagé de sa situation afin de faire émerger des hypothèses de solution."
    ),
    contextes="Cette compétence s'exerce au sein de la structure ou dans d'autres lieux d'accueil, lors d'un premier accueil en entretien immédiat ou sur rendez-vous.",
    criteres_performance=_CRITERES_CP2,
    criteres_evaluation=_CRITERES_CP2,  # RC §3.2 : identiques aux critères de performance
    savoir_faire=(
        "Utiliser les techniques nécessaires à un entretien structuré",
        "Recueillir la demande",
        "Vérifier la conformité de la commande du prescripteur",
        "Créer une alliance de travail avec la personne",
        "Explorer la situation globale de la personne",
        "Poser les bases d'un diagnostic partagé",
        "Détecter et prendre en compte les situations d'urgence nécessitant une intervention immédiate",
        "Rédiger une synthèse de l'entretien et la partager avec la personne",
        "Renseigner les logiciels de la structure",
        "Analyser sa pratique professionnelle",
        "S'appuyer sur la procédure préconisée par la structure et le cahier des charges",
        "Vérifier les conditions matérielles pour la réalisation de l'entretien dans le respect de la confidentialité",
        "Gérer le temps de l'entretien",
        "Gérer la prise de notes",
        "Respecter les limites de son champ d'intervention",
        "Adopter une attitude d'écoute active, de bienveillance et de non-jugement",
        "Identifier son propre cadre de références et s'en distancier",
        "Respecter la décision – le libre arbitre de la personne",
        "Respecter le niveau de confidentialité requis",
    ),
    connaissances=(
        "Connaissance des différents types d'entretiens",
        "Connaissance des techniques d'entretien",
        "Connaissance des principes éthiques : autonomie, bienfaisance, non-malfaisance et justice",
        "Connaissance de la législation sur la confidentialité, la non-discrimination et le respect de la vie privée",
        "Connaissance du cadre institutionnel et des limites de son champ d'intervention",
    ),
)

_CRITERES_CP3 = (
    "Les caractéristiques majeures sociales, économiques et environnementales du territoire sont identifiées",
    "Les ressources, les atouts et les faiblesses socio-économiques du territoire sont analysés",
    "La méthode de recueil et de traitement des données est pertinente",
    "La présentation du territoire est claire et structurée",
)

_CP3 = Competence(
    code="CP3",
    numero=3,
    intitule="Exercer une veille informationnelle, technique et prospective pour adapter son activité au public et au contexte",
    activite=1,
    description=(
        "En s'appuyant sur les données sociales, économiques, législatives et réglementaires, actualiser ses connaissances sur les politiques publiques de l'emploi, de la formation et de l'insertion, rechercher les informations sur les dispositifs, les mesures, les actions et les pratiques professionnelles afférentes. Identifier les caractéristiques du territoire et du bassin d'emploi en termes de secteurs d'activités, métiers en tension, besoins en main-d'œuvre et exploiter ces données afin de rendre l'information accessible aux publics et d'optimiser son activité."
    ),
    contextes="Cette compétence s'exerce en continu au sein de sa structure, au moyen d'échanges formels ou informels auprès des acteurs politiques, sociaux et socio-économiques du territoire et au moyen des outils du numérique.",
    criteres_performance=_CRITERES_CP3,
    criteres_evaluation=_CRITERES_CP3,  # RC §3.2 : identiques aux critères de performance
    savoir_faire=(
        "Utiliser et exploiter les sources d'informations existantes",
        "Collecter des informations sur les politiques de l'emploi et de la formation",
        "S'informer sur les évolutions des dispositifs et mesures d'insertion sociale et professionnelle",
        "Repérer les actions, et projets mis en œuvre sur son territoire",
        "S'approprier les données pour les exploiter",
        "Synthétiser des informations",
        "Diffuser des informations dans sa structure et aux publics",
        "Faciliter aux publics l'accès aux informations",
        "Détecter les risques d'atteinte à la santé liés à ses activités professionnelles, ses lieux de travail et ses déplacements",
        "Proposer et hiérarchiser des mesures correctives de prévention et de protection",
        "Recueillir et organiser les données dématérialisées",
        "Planifier régulièrement des temps pour la recherche d'informations",
        "Créer et entretenir des liens avec les réseaux, les partenaires et les employeurs",
        "Réaliser des interviews",
    ),
    connaissances=(
        "Connaissance des caractéristiques du territoire (institutionnel, social, économique, environnemental)",
        "Connaissance des circuits institutionnels et opérationnels",
        "Connaissance des dispositifs, mesures et procédures afférentes",
        "Connaissance des sources officielles d'informations et de documentation",
        "Connaissance des règles de la communication écrite",
        "Connaissance des principaux risques liés aux activités de bureau : posture assise prolongée, travail sur écran, bruit, gestes répétitifs, chutes",
    ),
)

_CRITERES_CP4 = (
    "Les acteurs mobilisables pour répondre aux besoins des personnes sont repérés et mobilisés",
    "Les échanges avec les acteurs respectent le principe de confidentialité",
    "La posture est adaptée aux différents acteurs internes et externes",
)

_CP4 = Competence(
    code="CP4",
    numero=4,
    intitule="Travailler en équipe, en réseau et dans un cadre partenarial pour optimiser la réponse aux besoins des personnes accueillies",
    activite=1,
    description=(
        "Dans le cadre de ses missions et à partir des informations collectées sur son territoire, repérer les compétences des membres de son équipe, identifier les partenariats et les réseaux existants en lien avec l'environnement socio-économique, créer et entretenir des contacts avec les différents acteurs internes ou externes, les solliciter, dans le respect du principe de confidentialité, en fonction des situations et instaurer une dynamique de coopération afin d'optimiser la réponse aux besoins des personnes."
    ),
    contextes="Cette compétence s'exerce en continu, seule ou en équipe, dans les locaux de sa structure ou ceux de partenaires à l'occasion d'échanges, de réunions ou de manifestations extérieures.",
    criteres_performance=_CRITERES_CP4,
    criteres_evaluation=_CRITERES_CP4,  # RC §3.2 : identiques aux critères de performance
    savoir_faire=(
        "Analyser le fonctionnement d'une structure",
        "Recueillir, sélectionner, capitaliser et actualiser des informations",
        "Réaliser une cartographie des partenaires de la structure et de son réseau",
        "Exploiter les informations en lien avec sa mission",
        "Identifier les membres de son équipe et leurs compétences",
        "Identifier ses propres limites en termes de compétences techniques et relationnelles",
        "Contribuer à des groupes d'échanges de pratiques, d'analyse de pratiques, d'études de cas",
        "Gérer les conflits",
        "Identifier les acteurs pour répondre aux besoins des publics",
        "Identifier le niveau de délégation donné par sa structure",
        "Repérer les possibilités et les limites de la collaboration avec les différents partenaires",
        "Développer une logique de réciprocité avec les acteurs",
        "Structurer et actualiser un répertoire opérationnel des acteurs mobilisables sur le territoire",
        "Représenter sa structure",
        "Contribuer à des groupes de travail sur des thématiques proposées par les institutions",
    ),
    connaissances=(
        "Connaissance des principes relatifs au travail en équipe",
        "Connaissance des techniques de résolution de conflits",
        "Connaissance des méthodes et règles d'échanges de pratiques, d'analyse de pratiques et d'études de cas",
        "Connaissance des missions des structures de l'insertion sociale et professionnelle et du rôle des acteurs intervenants sur le même territoire",
        "Connaissance des notions de réseau et de partenariat",
        "Connaissance des partenariats existants de la structure",
    ),
)

_CRITERES_CP5 = (
    "Les procédures internes et externes sont respectées",
    "Les écrits professionnels réalisés respectent les principes éthiques de la relation d'accompagnement et déontologiques de la structure",
    "Les écrits professionnels sont structurés et clairs",
    "Les outils bureautiques et numériques sont utilisés à bon escient",
)

_CP5 = Competence(
    code="CP5",
    numero=5,
    intitule="Réaliser le traitement administratif et les écrits professionnels liés à l'activité dans un environnement numérique",
    activite=1,
    description=(
        "Dans le respect des principes éthiques de la relation d'accompagnement et déontologiques et réglementaires de la structure, en intégrant les dimensions liées à la prévention des risques professionnels, en s'appuyant sur les procédures internes et externes, utiliser les outils bureautiques et numériques pour établir les dossiers d'inscription, saisir et éditer des données, compléter les tableaux de bord, renseigner les fiches de liaison, rédiger des fiches de synthèses et les comptes rendus d'entretiens, afin de contribuer à la connaissance et à la compréhension des situations et de communiquer les informations aux personnes, à la structure et aux prescripteurs."
    ),
    contextes="Cette compétence s'exerce à l'occasion de chaque entretien, sur les supports dédiés dans la structure, en face à face ou de façon différée.",
    criteres_performance=_CRITERES_CP5,
    criteres_evaluation=(  # RC §3.2 : le 2e critère y est abrégé
        "Les procédures internes et externes sont respectées",
        "Les écrits professionnels réalisés respectent les principes éthiques",
        "Les écrits professionnels sont structurés et clairs",
        "Les outils bureautiques et numériques sont utilisés à bon escient",
    ),
    savoir_faire=(
        "Respecter les principes éthiques dans la transmission des informations écrites",
        "Identifier les caractéristiques, attentes et besoins des interlocuteurs pour adapter les écrits",
        "Distinguer faits, opinions, sentiments",
        "Poser la problématique de la situation",
        "Rédiger les synthèses d'entretiens",
        "Rédiger les fiches de liaisons",
        "Renseigner des bases de données",
        "Concevoir, présenter un document avec les outils bureautiques",
        "Partager les informations avec la structure, le public, les prestataires ou les prescripteurs selon les procédures adéquates",
        "Détecter les risques professionnels en lien avec ses activités",
        "Proposer des mesures correctives de prévention et de protection",
        "Prendre en compte les principes d'écocitoyenneté dans le traitement administratif",
        "Respecter les dates de remise des documents et les délais d'exécution",
        "Classer les documents selon les procédures de la structure",
        "Articuler l'entretien de face à face avec l'utilisation de l'outil bureautique",
        "Définir avec la personne le contenu des écrits transmis",
    ),
    connaissances=(
        "Connaissance des procédures de la structure",
        "Connaissance de la réglementation relative à la discrétion professionnelle et au respect de la vie privée",
        "Connaissance des règles de rédaction d'écrits professionnels",
        "Connaissance des techniques de la communication écrite",
        "Connaissance des systèmes d'information",
        "Connaissance des outils de bureautique : tableur, traitement de texte",
        "Connaissance des principaux dangers liés aux activités administratives",
    ),
)

_CRITERES_CP6 = (
    "L'alliance de travail est créée avec la personne",
    "L'accompagnement est contractualisé avec la personne",
    "Les ressources mobilisables de l'environnement et celles de la personne sont identifiées",
    "Les étapes du parcours sont co-construites avec la personne",
    "Les étapes du parcours sont en cohérence avec le diagnostic partagé et son évolution",
    "Les principes éthiques de la relation d'accompagnement et déontologiques de la structure sont respectés",
    "Les situations de risques professionnels et les moyens pour les prévenir sont identifiés",
)

_CP6 = Competence(
    code="CP6",
    numero=6,
    intitule="Contractualiser et suivre avec la personne son parcours d'insertion professionnelle",
    activite=2,
    description=(
        "Dans le cadre des missions et procédures de la structure, dans le respect des principes éthiques et en intégrant les dimensions liées à la prévention des risques professionnels, s'appuyer sur le diagnostic initial partagé et sur les ressources de l'environnement en matière d'insertion, aider la personne à identifier les étapes d'un parcours d'insertion et en analyser la faisabilité. Créer une alliance de travail avec la personne, contractualiser les engagements réciproques et les étapes de l'accompagnement et définir les modalités de suivi. Suivre et réajuster le parcours tout en favorisant l'autonomie et la confiance en soi de la personne.\n\n"
        "Rédiger les bilans du parcours et rendre compte aux acteurs concernés afin de créer des conditions favorables à la réalisation du parcours d'insertion."
    ),
    contextes="Cette compétence s'exerce au cours d'entretiens individuels dans la structure d'accueil, d'autres lieux, ou à distance, en tenant compte des contraintes de temps et en lien avec les divers intervenants.",
    criteres_performance=_CRITERES_CP6,
    criteres_evaluation=(  # RC §3.2 : sans le critère relatif aux risques professionnels
        "L'alliance de travail est créée avec la personne",
        "L'accompagnement est contractualisé avec la personne",
        "Les ressources mobilisables de l'environnement et celles de la personne sont identifiées",
        "Les étapes du parcours sont co-construites avec la personne",
        "Les étapes du parcours sont en cohérence avec le diagnostic partagé et son évolution",
        "Les principes éthiques de la relation d'accompagnement et déontologiques de la structure sont respectés",
    ),
    savoir_faire=(
        "Utiliser différentes techniques de communication selon les types d'entretien",
        "Créer une alliance de travail avec la personne",
        "Aider la personne à identifier les priorités",
        "Définir des plans d'action avec la personne",
        "Aider à la prise de décision",
        "Faciliter le repérage des ressources de la personne pour l'aider à se mettre en action",
        "Mesurer les points de progression",
        "S'adapter aux évolutions de la personne et du contexte",
        "Aider à maintenir la motivation sur la durée des parcours",
        "Repérer l'offre des prestations d'insertion sociale et professionnelle en interne ou sur le territoire et mobiliser les acteurs",
        "Veiller au respect réciproque du cadre de l'accompagnement",
        "Rédiger des écrits professionnels",
        "Assurer le traitement administratif dans un environnement numérique",
        "Détecter les risques liés à ses activités professionnelles",
        "Proposer et hiérarchiser des mesures correctives de prévention des risques professionnels",
        "Planifier les étapes en fonction des mesures mobilisables",
        "Veiller aux conditions matérielles pour la réalisation des entretiens dans le respect de la confidentialité",
        "Être centré sur la personne",
        "Adopter les attitudes fondamentales : écoute active, non-jugement, bienveillance, respect de la liberté, foi en l'autre, humilité",
        "Alerter la hiérarchie et/ou les acteurs de la prévention en cas de besoin",
    ),
    connaissances=(
        "Connaissance des dispositifs et des mesures relatives à l'emploi et à la formation",
        "Connaissance des différents types d'entretien",
        "Connaissance des techniques et outils de communication",
        "Connaissance des ressources locales mobilisables",
        "Connaissance des principaux dangers liés aux activités exercées: posture assise prolongée, travail sur écran, bruit, gestes répétitifs, chutes",
        "Connaissance des facteurs de risques psychosociaux (RPS)",
        "Connaissance des enjeux et acteurs de la prévention",
    ),
)

_CRITERES_CP7 = (
    "Les principes éthiques de la relation d'accompagnement sont respectés : autonomie, justice, bienfaisance, non-malfaisance",
    "Une méthodologie d'élaboration de projet est mise en œuvre et les étapes sont respectées",
    "Les compétences, qualités et talents sont identifiés avec la personne",
    "La confrontation du projet avec les réalités professionnelles est planifiée et accompagnée",
    "L'analyse de pratique est pertinente",
)

_CP7 = Competence(
    code="CP7",
    numero=7,
    intitule="Accompagner une personne à l'élaboration de son projet professionnel",
    activite=2,
    description=(
        "Dans le cadre de ses missions et dans le respect des principes éthiques de la relation d'accompagnement et déontologiques de la structure, s'appuyer sur une méthodologie d'élaboration de projet, aider la personne à formuler ses souhaits, besoins, contraintes, freins, identifier avec la personne ses compétences, qualités, et talents et l'accompagner dans la prise en compte des caractéristiques de l'environnement socio-économique. Amener la personne à élaborer des pistes, à en évaluer la faisabilité, à prendre conscience de ses possibles, à faire des choix éclairés, et à formaliser son projet professionnel. Favoriser son autonomie, l'encourager à mobiliser les ressources du territoire afin de permettre la concrétisation à terme du projet professionnel élaboré."
    ),
    contextes="Cette compétence s'exerce au cours d'entretiens individuels, ou d'ateliers collectifs, dans la structure d'accueil ou d'autres lieux en lien étroit avec les ressources et les acteurs de l'environnement.",
    criteres_performance=_CRITERES_CP7,
    criteres_evaluation=_CRITERES_CP7,  # RC §3.2 : identiques aux critères de performance
    savoir_faire=(
        "Sélectionner les outils les plus adaptés à la personne",
        "Accompagner la personne à établir son bilan personnel et professionnel : traits de personnalité, attentes, valeurs, intérêts, motivations, compétences transférables, talents, qualités",
        "Interroger les représentations et sensibiliser à l'élargissement de choix professionnels",
        "Aider à mieux appréhender les métiers dans leur diversité",
        "Aider à identifier les emplois correspondant aux souhaits et compétences acquises",
        "Confronter le projet aux réalités professionnelles par le biais d'outils et mesures appropriés",
        "Aider à formaliser le projet et son plan d'action",
        "Formaliser des écrits professionnels dans le respect des procédures en vigueur",
        "Planifier les étapes en fonction de la personne",
        "Anticiper l'organisation logistique",
        "Être centré sur la personne",
        "Adopter les attitudes fondamentales : écoute active, non-jugement, bienveillance, respect de la liberté, foi en l'autre, authenticité, humilité",
    ),
    connaissances=(
        "Connaissance de différents modèles et outils d'orientation",
        "Connaissance de méthodologies et outils d'élaboration de projet",
        "Connaissance des mesures facilitant la découverte des métiers et la validation des compétences",
        "Connaissance des règles de communication écrite",
    ),
)

_CRITERES_CP8 = (
    "Les principes éthiques de la relation d'accompagnement et déontologiques de la structure sont respectés",
    "La posture professionnelle favorise l'implication de la personne dans la réalisation de son projet",
    "Le plan d'action est cohérent avec le projet défini en amont",
    "Les outils proposés favorisent la mise en œuvre des actions et des démarches",
)

_CP8 = Competence(
    code="CP8",
    numero=8,
    intitule="Accompagner la réalisation des projets professionnels",
    activite=2,
    description=(
        "Dans le cadre d'un l'accompagnement individuel ou collectif, dans le respect des principes éthiques de la relation d'accompagnement et déontologiques de la structure, s'appuyer sur le projet défini et validé en amont, élaborer avec la personne un plan d'action, la soutenir dans ses démarches et lui mettre à disposition un éventail d'outils favorisant la mise en œuvre des actions définies. Analyser avec la personne l'ensemble des paramètres de la situation et favoriser l'articulation de la sa demande avec l'offre d'emploi, les dispositifs et mesures pour l'emploi, la formation et la création d'activité. Évaluer et réajuster avec la personne les démarches afin de favoriser l'entrée en formation ou l'accès à l'emploi."
    ),
    contextes="Cette compétence s'exerce au cours d'entretiens individuels, ou d'ateliers collectifs, dans la structure d'accueil ou d'autres lieux en lien étroit avec les ressources et les acteurs de l'environnement.",
    criteres_performance=_CRITERES_CP8,
    criteres_evaluation=_CRITERES_CP8,  # RC §3.2 : identiques aux critères de performance
    savoir_faire=(
        "Conduire des entretiens de suivi, d'aide, d'accompagnement",
        "Accompagner à la formalisation d'un plan d'action adapté",
        "Accompagner au choix de la modalité de formation la plus pertinente",
        "Aider à la sélection d'organismes de formation et de structures d'accompagnement à la création d'activité",
        "Accompagner au montage de dossiers de financements adéquats",
        "Aider la personne à présenter sa candidature à une formation",
        "Proposer un appui sur les démarches de recherche d'emploi, de positionnement sur des postes",
        "Préparer et adapter les outils de la recherche d'emploi",
        "Veiller à maintenir la motivation de la personne dans la mise en œuvre de son projet",
        "Adapter la réalisation du projet au regard des contraintes d'éligibilité, de périodes de programmation de l'offre de formation, de maturité du projet, de mobilité...",
        "Négocier avec les financeurs, les organismes de formation, les employeurs",
        "Adopter les attitudes fondamentales : écoute active, non-jugement, bienveillance, respect de la liberté, foi en l'autre, authenticité, humilité",
    ),
    connaissances=(
        "Connaissance des types et techniques d'entretien",
        "Connaissance des dispositifs de financement de formation sur le territoire",
        "Connaissance des méthodes et outils des techniques de recherche d'emploi",
        "Connaissance des principes de base de la pédagogie des adultes",
    ),
)

_CRITERES_CP9 = (
    "L'analyse de la demande ou l'identification des besoins est pertinente",
    "Les caractéristiques du public sont prises en compte",
    "La progression pédagogique est en adéquation avec les objectifs de l'atelier",
    "Les modalités, méthodes et ressources pédagogiques sont adaptées au contenu et au public",
    "Le dispositif d'évaluation est en adéquation avec les objectifs à atteindre",
)

_CP9 = Competence(
    code="CP9",
    numero=9,
    intitule="Concevoir des ateliers thématiques favorisant l'insertion professionnelle des publics",
    activite=2,
    description=(
        "En s'appuyant sur une demande institutionnelle ou sur un besoin identifié, en fonction des caractéristiques des personnes, analyser la demande, identifier les besoins, respecter un cahier des charges d'un ou de plusieurs ateliers collectifs, en déduire le contenu et en élaborer le dispositif d'évaluation. Identifier le contexte, les changements recherchés et les compétences à acquérir. Définir les objectifs pédagogiques, structurer la progression et élaborer le scénario des ateliers. Choisir, concevoir ou adapter les ressources nécessaires, afin de faciliter la mise en œuvre de l'animation."
    ),
    contextes="Cette compétence s'exerce seul ou en équipe, dans sa structure ou dans d'autres lieux en lien avec les acteurs concernés.",
    criteres_performance=_CRITERES_CP9,
    criteres_evaluation=_CRITERES_CP9,  # RC §3.2 : identiques aux critères de performance
    savoir_faire=(
        "Appliquer une méthode d'analyse de la demande",
        "Respecter un cahier des charges et en déduire le contenu et le dispositif d'évaluation",
        "Formuler intentions et objectifs pédagogiques",
        "Formaliser un scénario pédagogique global favorisant la dynamique de groupe",
        "Intégrer les concepts du développement durable dans la conception",
        "Utiliser les outils numériques",
        "Utiliser des outils de planification",
        "Respecter les délais imposés par la demande et/ou le besoin",
        "Anticiper la multiplicité possible des animateurs",
        "Travailler en équipe",
        "Argumenter, négocier pour faire valider sa proposition",
    ),
    connaissances=(
        "Connaissance de la structure et du public cible",
        "Connaissance d'une méthodologie de projet",
        "Connaissances des différentes modalités et approche pédagogiques",
        "Connaissance des différents types d'objectifs",
        "Connaissance des principes de la dynamique de groupe",
        "Connaissance des types d'évaluation",
    ),
)

_CRITERES_CP10 = (
    "Le scénario pédagogique favorise l'atteinte des objectifs de l'atelier",
    "Les activités proposées sont adaptées aux caractéristiques des participants",
    "Le bilan de l'atelier est rédigé de manière claire et précise",
    "L'analyse de la pratique d'animation est pertinente",
)

_CP10 = Competence(
    code="CP10",
    numero=10,
    intitule="Préparer et animer des ateliers thématiques favorisant l'insertion",
    activite=2,
    description=(
        "En s'appuyant sur le cahier des charges validé par le demandeur ou par l'équipe, en intégrant les dimensions liées à la prévention des risques professionnels, évaluer les prérequis et identifier les contraintes de mise en œuvre, choisir les situations pédagogiques, les adapter aux personnes, à leurs besoins et au contexte. S'assurer de la disponibilité et de l'opérationnalité des moyens pédagogiques et matériels. Animer un atelier en présentiel ou à distance, en créant une dynamique facilitant la coopération et le développement des capacités visées. Réguler les interactions dans le groupe et remédier aux difficultés d'apprentissage. Évaluer l'atteinte des objectifs et rédiger le bilan global de l'atelier afin de favoriser les apprentissages."
    ),
    contextes="Cette compétence s'exerce seul, en équipe, ou avec des partenaires, auprès d'un groupe de personnes, dans sa structure ou dans d'autres lieux d'accueil.",
    criteres_performance=_CRITERES_CP10,
    criteres_evaluation=_CRITERES_CP10,  # RC §3.2 : identiques aux critères de performance
    savoir_faire=(
        "Choisir la stratégie pédagogique et la situation d'animation les plus adaptées",
        "Rédiger un scénario pédagogique détaillé",
        "Utiliser les outils numériques pour enrichir le présentiel ou accompagner la multimodalité",
        "Rechercher, produire, adapter des documents, des informations, des ressources pédagogiques",
        "Anticiper les difficultés d'apprentissage et de mise en œuvre et prévoir des scénarii alternatifs",
        "Remédier aux difficultés d'apprentissage",
        "Évaluer l'atteinte des objectifs d'apprentissage",
        "Mesurer la satisfaction des apprenants",
        "Rédiger le bilan de la prestation",
        "Analyser sa pratique d'animation",
        "Alerter la hiérarchie et/ou les acteurs de la prévention en cas de besoin (tensions avec le public, intensité du travail et pression temporelle, souffrance mentale, rapports sociaux difficiles)",
        "Anticiper l'organisation logistique",
        "Gérer le temps",
        "Adapter ses propos aux objectifs et au public",
        "Instaurer un climat de confiance facilitant la communication et l'interactivité",
        "Mettre en œuvre des attitudes d'écoute",
        "Créer une dynamique de groupe",
        "Réguler les interactions dans le groupe",
        "Rendre compte à l'équipe ou aux partenaires",
    ),
    connaissances=(
        "Connaissance des lieux ressources en termes de contenus et supports",
        "Connaissance des principes de base de la pédagogie des adultes",
        "Connaissance des techniques de communication",
        "Connaissance de la dynamique des groupes",
        "Connaissance des modalités et outils d'évaluation",
        "Connaissance des facteurs de risques psychosociaux (RPS)",
        "Connaissance des enjeux et acteurs de la prévention",
    ),
)

_CRITERES_CP11 = (
    "La description de la situation distingue les faits, les opinions et les émotions",
    "Les facteurs déterminants de la situation sont explicités",
    "Les points forts de la pratique sont valorisés",
    "Les propositions d'ajustement des pratiques sont pertinentes",
)

_CP11 = Competence(
    code="CP11",
    numero=11,
    intitule="Analyser sa pratique professionnelle",
    activite=2,
    description=(
        "À partir d'une situation rencontrée, en s'appuyant sur une démarche d'analyse de pratique, revenir sur cette situation professionnelle, décrire les faits, exprimer les émotions ressenties, repérer ses propres limites et celles de sa fonction, analyser les points forts, les axes d'amélioration, et rechercher les ajustements nécessaires afin d'améliorer sa pratique professionnelle."
    ),
    contextes="Cette compétence s'exerce de façon formelle ou informelle, pendant ou en dehors des temps de travail, seul ou au sein d'un groupe d'échanges ou d'analyses de pratiques, avec ou sans animateur.",
    criteres_performance=_CRITERES_CP11,
    criteres_evaluation=_CRITERES_CP11,  # RC §3.2 : identiques aux critères de performance
    savoir_faire=(
        "Mettre en œuvre une démarche réflexive",
        "Utiliser les techniques d'analyse de pratique professionnelle",
        "Distinguer faits, opinions et sentiments",
        "Transformer ses représentations pour faciliter l'analyse de pratique",
        "Identifier et réguler ses émotions",
        "Formuler de manière positive ses axes d'amélioration",
        "Exploiter l'analyse pour mieux appréhender de nouvelles situations",
        "Argumenter ses stratégies et ses choix",
        "Planifier des temps dédiés à l'analyse de sa pratique professionnelle",
        "Communiquer sur sa pratique avec les membres de l'équipe",
        "Valoriser ses points forts",
        "Entendre les commentaires et être capable de revisiter ses actes professionnels",
        "Repérer ses limites personnelles et professionnelles",
        "Respecter les règles de fonctionnement de l'analyse de pratique",
    ),
    connaissances=(
        "Connaissance des démarches et règles de l'analyse de pratique",
        "Connaissance des différentes approches relatives à l'exercice du métier",
        "Connaissance des principes éthiques : autonomie, bienfaisance, non-malfaisance et justice",
    ),
)

_CRITERES_CP12 = (
    "L'analyse des données du territoire, des orientations de la structure et des projets professionnels des bénéficiaires est pertinente",
    "La cible d'employeurs contactés est cohérente avec l'analyse réalisée",
    "La stratégie est cohérente par rapport aux objectifs préalablement définis",
    "La stratégie et les outils de prospection sont adaptés aux employeurs contactés",
    "La planification des actions de prospection est efficiente",
    "L'évaluation de l'action de prospection permet de mesurer les écarts",
)

_CP12 = Competence(
    code="CP12",
    numero=12,
    intitule="Déployer, dans une démarche projet, des actions de prospection avec les employeurs du territoire pour favoriser l'insertion professionnelle",
    activite=3,
    description=(
        "A partir de l'analyse des données socio-économiques du bassin d'emploi, des orientations de la structure, et des projets professionnels des bénéficiaires, en s'appuyant sur une méthodologie de projet, définir une stratégie de prospection, construire une offre de services argumentée, créer ou adapter des outils de prospection adaptés à l'environnement numérique. Planifier et réaliser les actions, les évaluer et les réajuster si besoin, afin de créer des liens avec des employeurs, repérer leurs besoins de recrutement et mettre en relation ces informations avec les potentialités et les projets des personnes en démarches d'insertion et de développer le réseau des employeurs."
    ),
    contextes="Cette compétence s'exerce au sein de la structure, lors de visites en entreprise ou de rencontres avec les acteurs économiques du territoire, en entretien téléphonique et à l'aide d'outils bureautiques et numériques.",
    criteres_performance=_CRITERES_CP12,
    criteres_evaluation=_CRITERES_CP12,  # RC §3.2 : identiques aux critères de performance
    savoir_faire=(
        "Utiliser une méthodologie de projet",
        "Participer à l'élaboration d'un diagnostic du territoire en matière d'emplois, analyser les orientations de la structure et les projets des personnes et exploiter les résultats",
        "Utiliser des outils de gestion du temps",
        "Construire un argumentaire",
        "Préparer, actualiser des supports de communication",
        "Mettre en œuvre des techniques de prospection",
        "Créer et mettre à jour une base de données des entreprises",
        "Mesurer et rendre compte de l'avancement du projet de prospection",
        "Détecter les risques professionnels liés à l'activité",
        "Gérer son temps",
        "Actualiser les données et informations",
        "Réaliser les étapes dans le respect des moyens préalablement définis",
        "Structurer et actualiser un répertoire opérationnel des acteurs mobilisables sur le territoire",
        "Respecter le niveau de délégation donné par sa structure",
        "Mobiliser ses réseaux interne et externe",
        "Pratiquer l'écoute active et les techniques de questionnement",
        "Partager l'information",
        "Adapter sa posture à l'activité",
        "Alerter la hiérarchie et/ou les acteurs de la prévention en cas de besoin (tensions avec le public, intensité du travail et pression temporelle, souffrance mentale, rapports sociaux difficiles)",
    ),
    connaissances=(
        "Connaissance des caractéristiques socioéconomiques du territoire",
        "Connaissance des politiques et des mesures pour l'emploi",
        "Connaissance de techniques de prospection",
        "Connaissance d'une méthodologie de projet",
        "Connaissance de techniques de communication",
        "Connaissance des différents risques professionnels",
    ),
)

_CRITERES_CP13 = (
    "Les besoins de l'employeur sont repérés",
    "Les caractéristiques du poste sont correctement identifiées",
    "Les informations sur les mesures, les dispositifs d'insertion, et les contrats de travail sont adaptés",
    "La législation sur la non-discrimination à l'emploi est connue",
    "Les candidats potentiels sont identifiés",
)

_CP13 = Competence(
    code="CP13",
    numero=13,
    intitule="Apporter un appui technique aux employeurs en matière de recrutement",
    activite=3,
    description=(
        "À partir de la veille et de la prospection sur un territoire, dans le respect des pratiques non discriminatoires, analyser avec l'employeur ses besoins en recrutement et l'aider à repérer les compétences attendues pour occuper le poste. L'informer et le conseiller sur les mesures et dispositifs d'aide à l'emploi, faciliter la gestion administrative relative à ces aides, identifier les candidats potentiels et les mettre en relation avec l'employeur afin de favoriser l'accès à l'emploi durable des publics."
    ),
    contextes="Cette compétence s'exerce au sein de la structure ou en entreprise, seul ou en équipe ou avec la contribution d'autres acteurs spécialisés.",
    criteres_performance=_CRITERES_CP13,
    criteres_evaluation=_CRITERES_CP13,  # RC §3.2 : identiques aux critères de performance
    savoir_faire=(
        "Conduire un entretien d'analyse de la demande d'un employeur pour faciliter l'expression de ses besoins en matière de recrutement",
        "Conduire des entretiens de recrutement",
        "Analyser le poste ou la situation de travail",
        "Rédiger une fiche de poste",
        "Formaliser une offre d'emploi selon la législation en vigueur",
        "Rapprocher l'offre et la demande",
        "Actualiser les informations sur les dispositifs et mesures pour l'emploi",
        "Mobiliser les personnes ressources sur les mesures et aides à l'emploi",
        "Veiller au respect de la réglementation sur la non-discrimination à l'emploi",
        "Négocier avec l'employeur",
        "Aider au montage des dossiers relatifs aux mesures",
        "Mettre en œuvre une stratégie collective sur le territoire pour répondre aux besoins des employeurs",
        "Analyser sa pratique professionnelle",
        "Organiser et structurer les données",
        "Planifier les actions de collaboration avec l'employeur",
        "Adapter sa communication aux différents interlocuteurs",
        "Respecter les limites du champ d'intervention des différents acteurs",
    ),
    connaissances=(
        "Connaissance des rôles et fonctions dans l'entreprise",
        "Connaissance des procédures de recrutement",
        "Connaissance des méthodes d'analyse de postes",
        "Connaissance des différents contrats de travail, des dispositifs, mesures en lien avec l'emploi",
        "Connaissance des dispositifs de formation (alternance, continue)",
        "Connaissance de la réglementation sur la non-discrimination à l'emploi",
        "Connaissance de la législation en vigueur",
    ),
)

_CRITERES_CP14 = (
    "Le cadre et les limites de l'intervention sont respectés",
    "Les rôles et fonctions des interlocuteurs de l'entreprise sont identifiés",
    "Les modalités de collaboration sont définies par rapport au projet d'intégration",
    "Le bilan de l'intégration du salarié est réalisé",
    "La posture est adaptée à la situation",
)

_CP14 = Competence(
    code="CP14",
    numero=14,
    intitule="Faciliter l'intégration et le maintien du salarié dans son environnement professionnel",
    activite=3,
    description=(
        "Dans le cadre de ses missions, en tenant compte des exigences du poste occupé et du profil de la personne accompagnée, définir avec l'employeur le cadre et les modalités de collaboration, identifier les différents acteurs internes et externes à la structure susceptibles d'être mobilisés, conduire des entretiens avec la personne et les acteurs concernés, si besoin intervenir en tant que médiateur, afin de suivre le parcours et de favoriser le maintien de la personne en emploi."
    ),
    contextes="Cette compétence s'exerce au sein de la structure ou chez l'employeur, lors d'entretiens physiques ou à distance, auprès des différents interlocuteurs impliqués dans l'accompagnement dans l'emploi.",
    criteres_performance=_CRITERES_CP14,
    criteres_evaluation=_CRITERES_CP14,  # RC §3.2 : identiques aux critères de performance
    savoir_faire=(
        "Identifier le rôle et la place des différents interlocuteurs",
        "Repérer les limites du champ de compétences de chacun",
        "Conduire des entretiens de médiation et de négociation",
        "Réaliser un bilan professionnel",
        "Respecter les principes de responsabilité sociale",
        "Définir un parcours adapté aux besoins et les moyens à mettre en œuvre",
        "S'appuyer sur les procédures en vigueur pour faciliter l'intégration des salariés",
        "Mobiliser les acteurs compétents en fonction des besoins (médecin du travail, ergonome...)",
        "Mobiliser l'offre de formation",
        "Rédiger les documents relatifs à l'accompagnement",
        "Analyser sa pratique professionnelle",
        "Informer sur la réglementation sur la non-discrimination dans l'emploi",
        "Organiser les étapes de la collaboration avec les personnes, les tuteurs, les employeurs en fonction des situations",
        "Être à l'écoute des besoins des employeurs et des personnes",
        "Adopter une communication adaptée aux interlocuteurs",
    ),
    connaissances=(
        "Connaissance des règles de fonctionnement et de l'organisation de l'entreprise",
        "Connaissance de base du droit du travail",
        "Connaissance des dispositifs, mesures en lien avec l'emploi et la formation",
        "Connaissance des techniques de communication",
        "Connaissances des techniques de médiation et de négociation",
        "Connaissance de la législation sur la non-discrimination dans l'emploi",
    ),
)

_CRITERES_CP15 = (
    "La législation relative à la dimension sociale et éthique du développement durable est connue",
    "La législation sur la non-discrimination dans l'emploi est appliquée",
    "La législation sur l'égalité des chances et l'accès à la citoyenneté est mobilisée de manière pertinente",
    "Les pratiques professionnelles prennent en compte la dimension éco citoyenne",
    "La posture professionnelle intègre les principes éthiques de développement durable",
)

_CP15 = Competence(
    code="CP15",
    numero=15,
    intitule="Inscrire ses actes professionnels dans une démarche de développement durable",
    activite=3,
    description=(
        "En s'appuyant sur les orientations de sa structure et sur le cadre réglementaire en vigueur, mettre en œuvre des pratiques professionnelles respectueuses des principes d'éco – citoyenneté, intégrer dans ses actes professionnels les lois sur l'égalité des chances et l'accès à la citoyenneté, la non- discrimination, la solidarité, afin de favoriser la mise en œuvre d'une démarche de développement durable dans ses dimensions économique, sociale et environnementale"
    ),
    contextes="Cette compétence s'exerce dans les locaux de la structure ou d'autres lieux, dans le cadre de ses missions. Elle est mise en œuvre seul, en équipe ou avec des acteurs externes.",
    criteres_performance=_CRITERES_CP15,
    criteres_evaluation=_CRITERES_CP15,  # RC §3.2 : identiques aux critères de performance
    savoir_faire=(
        "Informer les employeurs et les publics sur la législation relative à la non-discrimination à l'emploi, l'égalité des chances",
        "Informer les partenaires et les publics dans sa démarche en matière de développement durable",
        "Valoriser les principes de développement durable dans les projets individuels et collectifs",
        "Favoriser la mise en œuvre de solutions éco citoyennes",
        "Planifier et organiser ses actions de communication",
        "Partager avec les acteurs les informations et les moyens facilitant la mise en œuvre du développement durable",
        "Adopter une posture professionnelle favorisant l'application des principes du développement durable",
    ),
    connaissances=(
        "Connaissance des principes du développement durable",
        "Connaissance du cadre législatif en matière de développement durable",
        "Connaissance des dimensions éthiques du développement durable dans sa dimension sociale : bienveillance, non jugement, non – discrimination au travail, authenticité, foi en l'autre, humilité",
    ),
)

# --- Compétence transversale (REAC, fiche des compétences transversales ; RC §3.3) -------------------

_CRITERES_CT1 = (
    "Les situations pouvant altérer la sécurité et la santé sont repérées",
    "Les principaux risques et leurs effets sont identifiés",
    "Les facteurs d'apparition des risques psychosociaux (RPS) sont connus",
    "Les principes d'ergonomie physique sont mis en œuvre",
    "Les principes généraux de prévention sont pris en compte",
    "Les interlocuteurs en matière de prévention sont identifiés",
)

_CT1 = Competence(
    code="CT1",
    numero=1,
    intitule="Intégrer la prévention des risques professionnels dans son travail",
    activite=None,
    description=(
        "Dans le cadre de ses activités professionnelles, intégrer les dimensions de la prévention des risques. Repérer les situations de travail (posture assise prolongée, travail sur écran, rythme et charge de travail, tensions avec les personnes accompagnées) qui pourraient altérer sa sécurité et sa santé. Afin de participer à la prévention et à la maîtrise des risques professionnels dans l'exercice de l'emploi de conseiller en insertion professionnelle."
    ),
    contextes="",
    criteres_performance=_CRITERES_CT1,
    criteres_evaluation=(),  # RC §3.3 : évaluée au travers des compétences professionnelles
    savoir_faire=(),
    connaissances=(),
    competences_concernees=tuple(f"CP{n}" for n in range(1, 16)),  # RC §3.3
)

# --- Productions écrites (RC §3.1 pour le titre ; RC des CCP) --------------------------------------
# Le RC ne cite explicitement, pour la cinquième partie du dossier du titre, que la compétence
# « Déployer… des actions de prospection » (CP12). CP15 y est rattachée car : son contenu demande la
# prise en compte du développement durable, le RC §3.1 évalue CP15 par le questionnement à partir de
# production(s) et aucune autre partie ne la couvre, et la partie équivalente du dossier du CCP3
# (même contenu) cite expressément CP12 et CP15.
# Les remarques communes à plusieurs parties (une ou deux personnes accompagnées ; employeurs
# différents pour les parties 5 à 7) figurent en dernier élément du contenu de chaque partie visée.

_PARTIES_TITRE = (
    PartieDossier(
        numero=1,
        intitule="Première partie",
        competences=("CP3", "CP4"),
        pages_min=5,
        pages_max=7,
        contenu=(
            "la structure dans laquelle il a exercé : statut, missions, offre de services, financeurs, caractéristiques du public accueilli et modalités d'accueil",
            "le territoire : caractéristiques majeures sociales, économiques et environnementales et ressources, atouts et faiblesses socio-économiques",
            "les acteurs internes et externes à la structure mobilisables pour répondre aux besoins des personnes",
        ),
        source="RC §3.1, première partie",
    ),
    PartieDossier(
        numero=2,
        intitule="Deuxième partie",
        competences=("CP6", "CP11"),
        pages_min=5,
        pages_max=6,
        contenu=(
            "Le candidat décrit un accompagnement à la contractualisation et au suivi, avec une personne, de son parcours d'insertion.",
            "Cet accompagnement doit avoir fait l'objet a minima de 3 entretiens.",
            "Le candidat présente le contexte de l'accompagnement, les éléments clés du diagnostic partagé.",
            "Il résume le contenu de chacun des entretiens.",
            "Il décrit les étapes réalisées et celles envisagées pour la suite du parcours.",
            "Il présente les moyens, les acteurs mobilisés.",
            "Il synthétise le bilan de l'accompagnement et décrit les modalités du passage de relais.",
            "Il analyse sa pratique dans la situation présentée.",
            "Pour les deuxième et troisième parties, le candidat peut décrire l'accompagnement d'une ou de deux personnes, en fonction notamment des besoins des personnes accompagnées.",
        ),
        source="RC §3.1, deuxième partie",
    ),
    PartieDossier(
        numero=3,
        intitule="Troisième partie",
        competences=("CP7", "CP8", "CP11"),
        pages_min=5,
        pages_max=6,
        contenu=(
            "Le candidat décrit un accompagnement à l'élaboration d'un projet professionnel avec une personne.",
            "Il décrit l'accompagnement réalisé pendant la phase d'élaboration de projet.",
            "Il décrit l'accompagnement envisagé pour la réalisation du projet professionnel.",
            "L'accompagnement doit avoir fait l'objet a minima de 3 entretiens.",
            "Le candidat présente le contexte de l'accompagnement et résume les points clés du diagnostic partagé.",
            "Il présente la méthodologie de projet utilisée et en décline les étapes, en décrivant en détail les caractéristiques de l'accompagnement dans chacune des étapes.",
            "Il présente la méthodologie utilisée pour identifier les compétences, qualités et talents de la personne accompagnée.",
            "Il présente les acteurs mobilisés.",
            "Il analyse sa pratique pour l'accompagnement présenté.",
            "Pour les deuxième et troisième parties, le candidat peut décrire l'accompagnement d'une ou de deux personnes, en fonction notamment des besoins des personnes accompagnées.",
        ),
        source="RC §3.1, troisième partie",
    ),
    PartieDossier(
        numero=4,
        intitule="Quatrième partie",
        competences=("CP9", "CP10", "CP11"),
        pages_min=6,
        pages_max=8,
        contenu=(
            "Le candidat présente un atelier thématique conçu à partir d'une demande ou d'un besoin diagnostiqué ainsi que sa préparation et son animation.",
            "Il décrit comment il a analysé la demande ou le besoin.",
            "Il intègre la progression pédagogique indiquant les modalités, méthodes, activités et dispositif d'évaluation.",
            "Il donne les points clés du bilan de l'atelier et analyse sa pratique.",
        ),
        source="RC §3.1, quatrième partie",
    ),
    PartieDossier(
        numero=5,
        intitule="Cinquième partie",
        competences=("CP12", "CP15"),
        pages_min=5,
        pages_max=7,
        contenu=(
            "Le candidat présente une action de prospection qu'il a réalisée.",
            "En introduction, il décrit la structure et donne les éléments clés du diagnostic socio-économique du territoire.",
            "Il présente les caractéristiques des employeurs cibles.",
            "Puis il détaille la stratégie, les outils et la planification de cette action de prospection.",
            "Il synthétise les points clés de l'évaluation.",
            "Il décrit la manière dont il prend en compte les principes du développement durable dans sa pratique professionnelle.",
            "Les actions des parties 5, 6 et 7 peuvent avoir été réalisées avec des employeurs différents.",
        ),
        source="RC §3.1, cinquième partie",
    ),
    PartieDossier(
        numero=6,
        intitule="Sixième partie",
        competences=("CP13",),
        pages_min=4,
        pages_max=5,
        contenu=(
            "Le candidat présente une action d'appui technique en matière de recrutement qu'il a mise en oeuvre auprès des employeurs.",
            "Il décrit le contexte, les interlocuteurs impliqués, la démarche mise en oeuvre et les résultats obtenus.",
            "Il analyse sa pratique pour cette action.",
            "Les actions des parties 5, 6 et 7 peuvent avoir été réalisées avec des employeurs différents.",
        ),
        source="RC §3.1, sixième partie",
    ),
    PartieDossier(
        numero=7,
        intitule="Septième partie",
        competences=("CP14",),
        pages_min=2,
        pages_max=3,
        contenu=(
            "Le candidat décrit une action dans laquelle il a facilité l'intégration et le maintien d'un salarié dans son environnement professionnel.",
            "Il décrit le contexte, les interlocuteurs impliqués, la démarche mise en oeuvre et les résultats obtenus.",
            "Il analyse sa pratique pour cette action.",
            "Les actions des parties 5, 6 et 7 peuvent avoir été réalisées avec des employeurs différents.",
        ),
        source="RC §3.1, septième partie",
    ),
)

_PARTIES_CCP1 = (
    PartieDossier(
        numero=1,
        intitule="Partie unique",
        competences=("CP3", "CP4", "CP5"),
        pages_min=5,
        pages_max=7,
        contenu=(
            "la structure dans laquelle il a exercé : statut, missions, offre de services, financeurs, caractéristiques du public accueilli et modalités d'accueil",
            "le territoire : caractéristiques majeures sociales, économiques et environnementales et ressources, atouts et faiblesses socio-économiques",
            "les acteurs internes et externes à la structure mobilisables pour répondre aux besoins des personnes",
        ),
        source="RC, CCP « Accueillir pour analyser la demande des personnes et poser les bases d'un diagnostic partagé », questionnement à partir de production(s)",
    ),
)

_PARTIES_CCP2 = (
    PartieDossier(
        numero=1,
        intitule="Première partie",
        competences=("CP6", "CP11"),
        pages_min=5,
        pages_max=6,
        contenu=(
            "Le candidat décrit un accompagnement à la contractualisation et au suivi, avec une personne, de son parcours d'insertion.",
            "Cet accompagnement doit avoir fait l'objet a minima de 3 entretiens.",
            "Le candidat présente le contexte de l'accompagnement, les éléments clés du diagnostic partagé.",
            "Il résume le contenu de chacun des entretiens.",
            "Il décrit les étapes réalisées et celles envisagées pour la suite du parcours.",
            "Il décrit les moyens, les acteurs mobilisés.",
            "Il synthétise le bilan de l'accompagnement décrit les modalités du passage de relais.",
            "Il analyse sa pratique dans la situation présentée.",
            "Pour les première et la deuxième parties, le candidat peut décrire l'accompagnement d'une ou de deux personnes, en fonction notamment des besoins des personnes accompagnées.",
        ),
        source="RC, CCP « Accompagner les personnes dans leur parcours d'insertion sociale et professionnelle », première partie",
    ),
    PartieDossier(
        numero=2,
        intitule="Deuxième partie",
        competences=("CP7", "CP8", "CP11"),
        pages_min=5,
        pages_max=7,
        contenu=(
            "Le candidat décrit un accompagnement à l'élaboration d'un projet professionnel avec une personne.",
            "Il décrit l'accompagnement réalisé pendant la phase d'élaboration de projet.",
            "Il décrit l'accompagnement envisagé pour la réalisation du projet professionnel.",
            "L'accompagnement doit avoir fait l'objet a minima de 3 entretiens.",
            "Le candidat présente le contexte de l'accompagnement et résume les points clés du diagnostic partagé.",
            "Il décrit la méthodologie de projet utilisée et en décline les étapes, en décrivant en détail les caractéristiques de l'accompagnement dans chacune des étapes.",
            "Il présente la méthodologie utilisée pour identifier les compétences, qualités et talents de la personne accompagnée.",
            "Il présente les acteurs mobilisés.",
            "Il analyse sa pratique pour l'accompagnement présenté.",
            "Pour les première et la deuxième parties, le candidat peut décrire l'accompagnement d'une ou de deux personnes, en fonction notamment des besoins des personnes accompagnées.",
        ),
        source="RC, CCP « Accompagner les personnes dans leur parcours d'insertion sociale et professionnelle », deuxième partie",
    ),
    PartieDossier(
        numero=3,
        intitule="Troisième partie",
        competences=("CP9", "CP10", "CP11"),
        pages_min=6,
        pages_max=8,
        contenu=(
            "Le candidat présente un atelier thématique conçu à partir d'une demande ou d'un besoin diagnostiqué ainsi que sa préparation et son animation.",
            "Il décrit comment il a analysé la demande ou le besoin.",
            "Il intègre la progression pédagogique indiquant les modalités, méthodes, activités et dispositif d'évaluation.",
            "Il donne les points clés du bilan de l'atelier et analyse sa pratique.",
        ),
        source="RC, CCP « Accompagner les personnes dans leur parcours d'insertion sociale et professionnelle », troisième partie",
    ),
)

_PARTIES_CCP3 = (
    PartieDossier(
        numero=1,
        intitule="Première partie",
        competences=("CP12", "CP15"),
        pages_min=5,
        pages_max=7,
        contenu=(
            "Le candidat présente une action de prospection.",
            "En introduction, il décrit la structure et donne les éléments clés du diagnostic socio-économique du territoire.",
            "Il présente les caractéristiques des employeurs cibles.",
            "Puis il détaille la stratégie, les outils et la planification de cette action de prospection.",
            "Il synthétise les points clés de l'évaluation.",
            "Il décrit la manière dont il prend en compte les principes du développement durable dans sa pratique professionnelle.",
        ),
        source="RC, CCP « Mettre en oeuvre une offre de services auprès des employeurs pour favoriser l'insertion professionnelle », première partie",
    ),
    PartieDossier(
        numero=2,
        intitule="Deuxième partie",
        competences=("CP13",),
        pages_min=4,
        pages_max=5,
        contenu=(
            "Le candidat présente une action d'appui technique en matière de recrutement auprès des employeurs.",
            "Il décrit le contexte, les interlocuteurs impliqués, la démarche mise en œuvre et les résultats obtenus.",
            "Il analyse sa pratique pour cette action.",
        ),
        source="RC, CCP « Mettre en oeuvre une offre de services auprès des employeurs pour favoriser l'insertion professionnelle », deuxième partie",
    ),
    PartieDossier(
        numero=3,
        intitule="Troisième partie",
        competences=("CP14",),
        pages_min=2,
        pages_max=3,
        contenu=(
            "Le candidat décrit une action dans laquelle il a facilité l'intégration et le maintien d'un salarié dans son environnement professionnel.",
            "Il décrit le contexte, les interlocuteurs impliqués, la démarche mise en œuvre et les résultats obtenus.",
            "Il analyse sa pratique pour ces deux actions.",
        ),
        source="RC, CCP « Mettre en oeuvre une offre de services auprès des employeurs pour favoriser l'insertion professionnelle », troisième partie",
    ),
)

_ACTIVITES = (_ACTIVITE_1, _ACTIVITE_2, _ACTIVITE_3)

_COMPETENCES = (
    _CP1, _CP2, _CP3, _CP4, _CP5,
    _CP6, _CP7, _CP8, _CP9, _CP10, _CP11,
    _CP12, _CP13, _CP14, _CP15,
    _CT1,
)

_PRODUCTIONS = (
    Production(
        code="titre",
        intitule="Dossier du titre professionnel Conseiller en insertion professionnelle",
        pages_min=32,  # « Il comprend entre 32 et 42 pages (hors annexes). »
        pages_max=42,
        parties=_PARTIES_TITRE,
    ),
    Production(
        code="CCP1",
        intitule=_ACTIVITE_1.intitule,
        pages_min=5,  # « Ce document comprend entre 5 et 7 pages (hors annexes). »
        pages_max=7,
        parties=_PARTIES_CCP1,
    ),
    Production(
        code="CCP2",
        intitule=_ACTIVITE_2.intitule,
        pages_min=16,  # « Ce document comprend entre 16 et 21 pages (hors annexes). Il comprend 3 parties. »
        pages_max=21,
        parties=_PARTIES_CCP2,
    ),
    Production(
        code="CCP3",
        intitule=_ACTIVITE_3.intitule,
        pages_min=12,  # « entre 12 et 15 pages (hors annexes) » ; la somme des minima des parties est 11
        pages_max=15,
        parties=_PARTIES_CCP3,
    ),
)

REFERENTIEL_2018 = Referentiel(
    code="reac-2018",
    intitule="Conseiller en insertion professionnelle",
    sigle="TP-00403",
    millesime="07",
    niveau="III (Nomenclature de 1969)",
    source=(
        "REAC TP-00403 millésime 07, validé le 05/06/2018 ; "
        "RC TP-00403 millésime 07, arrêté du 11/12/2017 (JO du 16/12/2017), mis à jour le 05/06/2018"
    ),
    activites=_ACTIVITES,
    competences=_COMPETENCES,
    productions=_PRODUCTIONS,
)
