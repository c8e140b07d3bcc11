"""Which REAC competences a record evidences: ONE readable table.

Each row: (objet_type, competence codes, justification citing the REAC / RC).
Services call `codes_pour(objet_type)` when they log a record, then
`cipdesk.competences.services.etiqueter`. Modules add their rows here.
"""
from __future__ import annotations

REGLES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    # -- accueil & diagnostic partagé (activité type 1) --------------------------------
    ("accueil", ("CP1", "CP2"),
     "REAC CP1 « Informer une personne … sur les ressources en matière d'insertion et les services "
     "dématérialisés » (RC §3.2 : « l'offre de services de la structure est clairement présentée ») ; "
     "CP2 « Analyser la demande de la personne » (demande exprimée, commande du prescripteur)."),
    ("urgence", ("CP4",),
     "REAC CP4 : une urgence traitée sur le moment mobilise un acteur extérieur (RC §3.2 : « les acteurs "
     "mobilisables pour répondre aux besoins des personnes sont repérés et mobilisés »)."),
    ("reunion_information", ("CP1",),
     "REAC CP1 « Informer une personne ou un groupe » : réunion d'information collective."),
    ("diagnostic", ("CP2",),
     "REAC CP2 « Poser les bases d'un diagnostic partagé » (RC §3.2 : « les éléments nécessaires pour "
     "poser les bases d'un diagnostic sont identifiés », « l'adhésion et la validation de la personne "
     "sont recherchées »)."),
    ("synthese", ("CP2", "CP5"),
     "REAC CP5 « Réaliser … les écrits professionnels liés à l'activité » (RC §3.2 : « les écrits "
     "professionnels sont structurés et clairs ») ; CP2 : synthèse de l'entretien de diagnostic."),
    ("orientation", ("CP4", "CP5"),
     "REAC CP4 « Travailler … dans un cadre partenarial » (RC §3.2 : « les échanges avec les acteurs "
     "respectent le principe de confidentialité ») ; CP5 : la fiche de liaison est un écrit professionnel."),
    # -- parcours contractualisé, projet, réalisation (activité type 2) ---------------
    ("parcours", ("CP6",),
     "REAC CP6, critère « L'accompagnement est contractualisé avec la personne »."),
    ("etape", ("CP6",),
     "REAC CP6 (RC §3.2) : « Les étapes du parcours sont co-construites avec la personne » et « … sont "
     "en cohérence avec le diagnostic partagé et son évolution »."),
    ("entretien", ("CP6",),
     "REAC CP6 « Contractualiser et suivre avec la personne son parcours » (RC §3.2 : « L'alliance de "
     "travail est créée avec la personne ») ; RC §3.1, 2e partie : un parcours d'au moins 3 entretiens."),
    ("entretien_projet", ("CP6", "CP7"),
     "Entretien de type « projet » : REAC CP6, c'est aussi un entretien de suivi du parcours "
     "contractualisé ; REAC CP7 (RC §3.2 : « Une méthodologie d'élaboration de projet est "
     "mise en œuvre et les étapes sont respectées ») ; RC §3.1, 3e partie : un accompagnement de projet "
     "d'au moins 3 entretiens."),
    ("bilan_parcours", ("CP6",),
     "REAC CP6 : le suivi du parcours jusqu'à son bilan, la sortie et le passage de relais."),
    ("projet", ("CP7",),
     "REAC CP7 (RC §3.2) : « Une méthodologie d'élaboration de projet est mise en œuvre » ; « Les "
     "compétences, qualités et talents sont identifiés avec la personne »."),
    ("confrontation", ("CP7",),
     "REAC CP7 (RC §3.2) : « La confrontation du projet avec les réalités professionnelles est planifiée "
     "et accompagnée »."),
    ("action_plan", ("CP8",),
     "REAC CP8 (RC §3.2) : « Le plan d'action est cohérent avec le projet défini en amont » ; « Les outils "
     "proposés favorisent la mise en œuvre des actions et des démarches »."),
)


def codes_pour(objet_type: str) -> tuple[str, ...]:
    for type_, codes, _justification in REGLES:
        if type_ == objet_type:
            return codes
    raise KeyError(f"Aucune règle de compétences pour « {objet_type} »")
