"""The list of free-text fields stored only encrypted (issue #10, point 6).

Pure data, no import: read by `scripts/chiffrer_champs.py` (which rewrites the
model declarations wherever the classes live), by the scan test and by the
documentation. Model class → (table, fields). A field in JSON_CHAMPS holds a
dict (stored as encrypted JSON). What stays in clear, and why: SECURITY.md,
« Colonnes chiffrées ». `note_confidentielle.contenu` is encrypted since 0001.
"""
from __future__ import annotations

CHAMPS: dict[str, tuple[str, tuple[str, ...]]] = {
    # accueil
    "Personne": ("personne", ("commande_prescripteur",)),
    "Accueil": ("accueil", ("demande_exprimee", "commande_prescripteur", "informations_precisions",
                            "suite_motif")),
    "Urgence": ("urgence", ("contact", "action")),
    "Diagnostic": ("diagnostic", ("hypotheses", "paroles_personne", "validation_precisions")),
    "DiagnosticDimension": ("diagnostic_dimension", ("situation", "atouts", "freins", "besoins")),
    "Synthese": ("synthese", ("objet", "faits", "paroles_personne", "analyse", "suites")),
    "Orientation": ("orientation", ("motif", "informations_transmises", "consentement_mode",
                                    "reponse_commentaire")),
    "ParticipantReunion": ("participant_reunion", ("commentaire",)),
    # parcours
    "Parcours": ("parcours", ("objectifs", "engagements_personne", "engagements_structure", "bilan")),
    "VersionContrat": ("version_contrat", ("motif", "termes")),
    "Etape": ("etape", ("intitule", "partenaire", "frein_libelle", "objectif")),
    "EtapeEvenement": ("etape_evenement", ("motif", "changements")),
    "Entretien": ("entretien", ("objectif", "synthese", "progres", "decisions", "prochaines_actions")),
    "EntretienVersion": ("entretien_version", ("objectif", "synthese", "progres", "decisions", "prochaines_actions")),
    "Projet": ("projet", ("interets", "valeurs", "motivations", "competences_transferables", "qualites",
                          "talents", "projet_valide")),
    "MetierExplore": ("metier_explore", ("analyse_faisabilite",)),
    "Confrontation": ("confrontation", ("resultat",)),
    "ActionPlan": ("action_plan", ("resultat",)),
    "Sortie": ("sortie", ("precision", "relais_vers", "relais_contenu")),
    "SuiviSortie": ("suivi_sortie", ("commentaire",)),
    # ateliers: what is written about one participant, or in their own words
    "EvaluationObjectif": ("evaluation_objectif", ("commentaire",)),
    "Satisfaction": ("satisfaction_atelier", ("commentaire",)),
    # employeurs: what is said of a person's candidature, immersion, or in an exchange with an employer
    "Interaction": ("interaction_entreprise", ("compte_rendu",)),
    "TransitionCandidature": ("transition_candidature", ("commentaire",)),
    "Immersion": ("immersion", ("bilan", "appreciation_tuteur")),
    # intégration: the framework agreed with the employer about one person (interlocutors are
    # personal data), the follow-ups' views and difficulties in the person's words
    "SuiviIntegration": ("suivi_integration", ("interlocuteurs", "engagements", "modalites", "acteurs", "bilan_prevu",
                                               "bilan_realise", "situation_fin", "leviers",
                                               "non_discrimination")),
    "Mediation": ("mediation_integration", ("participants", "enjeu", "actions", "issue")),
    "PointSuivi": ("point_suivi_integration", ("avis_personne", "avis_employeur", "difficultes")),
    # pratique: analyses de pratique (private, like a confidential note), practice groups'
    # outside participants, incidents with the public and workload alerts (issue #15)
    "AnalysePratique": ("analyse_pratique", ("titre", "situation", "faits", "opinions", "emotions", "facteurs",
                                             "points_forts", "difficultes", "ajustements", "autrement")),
    "SeanceAnalyse": ("seance_analyse", ("participants_externes",)),
    "IncidentPublic": ("incident_public", ("contexte", "soutien")),
    "AlerteCharge": ("alerte_charge", ("message", "reponse")),
    # dossier de certification: the candidat's own writing describes the people accompanied
    "PartieRedigee": ("dossier_partie", ("textes",)),
    "RelectureDossier": ("dossier_relecture", ("commentaire",)),
}

# Fields holding a dict (JSON before encryption).
JSON_CHAMPS: set[tuple[str, str]] = {("VersionContrat", "termes"), ("EtapeEvenement", "changements")}
JSON_CHAMPS.add(("PartieRedigee", "textes"))  # dossier: {field: text} of the candidat


def colonnes_par_table() -> dict[str, tuple[str, ...]]:
    """table → encrypted fields (each stored as `<champ>_chiffre`)."""
    return {table: champs for table, champs in CHAMPS.values()}


# Text columns left in clear, each with its reason (a test checks that every text
# column of the schema is either in CHAMPS or here; SECURITY.md shows both lists).
_IDENTITE = "identité de la personne : recherche instantanée, doublons, tri de la file active"
_REFERENTIEL = "copie d'un libellé de liste de la structure (référentiel), rien de la situation de la personne"
_PRO = "donnée d'un professionnel ou d'une organisation, pas d'une personne accompagnée"
CLAIRS: dict[str, str] = {
    "personne.nom": _IDENTITE,
    "personne.prenom": _IDENTITE,
    "personne.nom_usage": _IDENTITE,
    "personne.nom_recherche": _IDENTITE + " (forme normalisée, indexée)",
    "personne.email": "coordonnée pour joindre la personne ; cherchée pour les doublons",
    "personne.adresse": "coordonnée pour les courriers ; une adresse, pas un récit",
    "personne.commune": "comptée (territoire, QPV/ZRR) dans les bilans aux financeurs",
    "personne.prescripteur": "nom de l'organisme prescripteur, compté dans les bilans aux financeurs",
    "personne.dispositif_libelle": _REFERENTIEL + " ; triée et filtrée dans la file active",
    "personne.publics": "codes de publics, comptés dans les bilans aux financeurs (JSON de codes)",
    "urgence.type_urgence": "code (hébergement, violences…) : alertes, tri et comptage ; le détail "
                            "(qui a été appelé, ce qui a été fait) est chiffré",
    "valeur_de_liste.libelle": _REFERENTIEL,  # core/listes.py (a été dimension_diagnostic.libelle)
    "diagnostic_dimension.dimension_libelle": _REFERENTIEL,
    "parcours.dispositif_libelle": _REFERENTIEL,
    "etape.type_libelle": _REFERENTIEL,
    "projet.phase_libelle": _REFERENTIEL,
    "metier_explore.libelle": "intitulé d'un métier (ROME) : un métier, pas la situation de la personne",
    "confrontation.employeur": "nom d'une entreprise (relation employeurs), " + _PRO,
    "action_plan.intitule": "intitulé d'une formation ou d'une candidature (un métier, un diplôme)",
    "action_plan.organisme": "organisme de formation ou employeur, " + _PRO,
    "action_plan.modalite": "modalité d'une formation (présentiel, alternance…)",
    "action_plan.financement_libelle": _REFERENTIEL,
    "action_plan.offre": "référence ou intitulé d'une offre d'emploi publiée",
    "reunion_information.lieu": "réunion collective : lieu public, rien d'une personne",
    "reunion_information.animateurs": "réunion collective : noms des animateurs, " + _PRO,
    "reunion_information.contenus_precisions": "réunion collective : contenus présentés au groupe, "
                                               "rien d'une personne",
    "partenaire.nom": "répertoire des partenaires, " + _PRO,
    "partenaire.type_partenaire": "répertoire des partenaires, " + _PRO,
    "partenaire.adresse": "répertoire des partenaires, " + _PRO,
    "partenaire.contact_nom": "répertoire des partenaires, " + _PRO,
    "partenaire.email": "répertoire des partenaires, " + _PRO,
    "structure.nom": _PRO,
    "structure.type_structure": _PRO,
    "structure.ville": _PRO,
    "equipe.nom": _PRO,
    "utilisateur.nom": _PRO + " ; affiché et trié partout",
    "utilisateur.prenom": _PRO + " ; affiché et trié partout",
    "utilisateur.email": "identifiant de connexion d'un professionnel, cherché à chaque connexion",
    "utilisateur.password_hash": "empreinte argon2, déjà irréversible",
    "auto_evaluation.commentaire": "auto-évaluation du professionnel candidat au titre sur sa propre "
                                   "compétence, pas sur une personne accompagnée",
    "preuve_competence.motif": "pourquoi une activité prouve une compétence du professionnel ; "
                               "ne décrit pas la personne",
    "preuve_competence.motif_retrait": "pourquoi une preuve a été retirée, même raison",
    "journal_audit.acteur_libelle": "journal d'audit : doit rester lisible et vérifiable sans les clés "
                                    "(aucun texte sur une personne n'y est écrit)",
    "journal_audit.agent": "journal d'audit : navigateur de l'acteur",
    "journal_audit.motif": "journal d'audit : motif d'une action, lisible sans les clés par le DPO",
    "tentative_connexion.identifiant": "limitation des connexions : un courriel valide ou un marqueur",
    "session_connexion.agent": "sessions ouvertes : navigateur, montré à l'utilisateur",
    "soumission.resultat": "double envoi : l'adresse de la page résultat, pas de contenu",
    "brouillon.page": "saisie gardée après expiration : l'adresse du formulaire ; les champs tapés sont chiffrés",
}

# Ateliers: the pedagogical design, the sessions and the bilan describe an atelier and its
# group, never one participant (what concerns one participant is encrypted above).
_ATELIER = "conception pédagogique ou bilan d'un atelier : décrit l'atelier et son groupe, jamais un·e participant·e"
CLAIRS.update({f"{table}.{colonne}": _ATELIER for table, colonnes in {
    "atelier": ("titre", "commanditaire", "contexte", "changements_recherches", "competences_visees",
                "caracteristiques_public", "contraintes", "public_prerequis", "rythme", "lieu", "objectif_general",
                "ressources_budget", "animateurs", "developpement_durable", "prevention_risques"),
    "objectif_pedagogique": ("capacite", "conditions", "critere", "modalite_evaluation"),
    "sequence_atelier": ("titre", "contenu", "activites", "ressources", "evaluation", "scenario_alternatif"),
    "session_atelier": ("lieu", "co_animateurs"),
    "bilan_atelier": ("ecarts", "ajustements", "analyse_pratique"),
}.items() for colonne in colonnes})

# Employeurs: the territory's companies and their contacts (professionals, searched as you
# type), job descriptions and offers (meant to be published), prospection actions (a project
# about employers). What concerns one person is encrypted above.
_EMPLOYEUR = "entreprise ou contact professionnel du territoire (recherche instantanée, exports), pas une personne accompagnée"
_OFFRE = "fiche de poste ou offre d'emploi, destinée à être diffusée ; ne décrit pas une personne accompagnée"
_PROSPECTION = "action de prospection : un projet auprès des employeurs, pas une personne accompagnée"
CLAIRS.update({f"{table}.{colonne}": raison for table, colonnes, raison in (
    ("entreprise", ("raison_sociale", "enseigne", "nom_recherche", "secteur", "adresse", "commune",
                    "commune_recherche", "email", "site", "observations"), _EMPLOYEUR),
    ("contact_entreprise", ("prenom", "nom", "fonction", "email", "disponibilites"), _EMPLOYEUR),
    ("interaction_entreprise", ("objet", "prochaine_action"), _EMPLOYEUR),
    ("fiche_de_poste", ("besoin", "intitule", "missions", "activites", "competences", "conditions", "horaires",
                        "remuneration", "lieu"), _OFFRE),
    ("offre_emploi", ("intitule", "texte"), _OFFRE),
    ("justification_offre", ("cle", "extrait", "justification"), _OFFRE),
    ("action_prospection", ("titre", "objectifs", "diagnostic_territoire", "sources_diagnostic", "cible_employeurs",
                            "strategie", "outils", "pratiques_durables", "evaluation", "causes_ecarts"), _PROSPECTION),
    ("immersion", ("prescripteur", "horaires", "lieu", "taches", "modalites_evaluation"),
     "convention d'immersion : cadre réglementaire (horaires, lieu, tâches du poste), pas la situation de la personne"),
    ("suivi_integration", ("employeur", "lieu_travail", "intitule_poste", "rome_code", "categorie_sortie"),
     "emploi occupé (employeur, lieu, poste, code ROME) et code de la catégorie de sortie : listes, agenda et "
     "indicateurs ; ce qui est dit de la personne est chiffré"),
    ("mesure_structure", ("code", "libelle", "eligibilite", "source"),
     "mesure ou contrat mobilisable (veille de la structure) : information publique, pas une personne"),
    ("mesure_mobilisee", ("code", "libelle"),
     "code et nom d'une mesure de la liste : le lien à la personne passe par la candidature, protégée comme elle"),
) for colonne in colonnes})

# Pratique (issue #15): the facilitator of a practice group is a professional, shown on its page.
CLAIRS["seance_analyse.animateur"] = "animateur·rice ou superviseur·e d'une séance d'analyse de pratique, " + _PRO
# Territoire (issue #15): the structure's and the territory's profiles (public facts about an
# organisation and a territory), the veille (public information on dispositifs, shared in the
# structure), the partners' operational fiches and contacts, the team's references. None
# describes a person accompanied.
_TERRITOIRE = "profil de la structure ou du territoire : faits publics sur une organisation ou un territoire"
_VEILLE = "fiche de veille : information publique sur un dispositif, une mesure ou un texte, partagée dans la structure"
CLAIRS.update({f"{table}.{colonne}": raison for table, colonnes, raison in (
    ("profil_structure", ("statut", "missions", "offre_services", "financeurs", "publics", "modalites_accueil",
                          "equipe"), _TERRITOIRE),
    ("version_territoire", ("territoire", "forces", "faiblesses", "ressources", "motif"), _TERRITOIRE),
    ("fiche_veille", ("titre", "resume", "eligibilite", "source", "url"), _VEILLE),
    ("partenaire", ("publics", "conditions_acces", "modalites_orientation", "site_web"), "répertoire des partenaires, " + _PRO),
    ("contact_partenaire", ("nom", "role", "email"), "contact chez un partenaire, " + _PRO),
    ("reference_equipe", ("sujet", "precision"), "ce qu'un professionnel de l'équipe connaît (dispositif, partenaire), " + _PRO),
) for colonne in colonnes})
# Dossier de certification: which production a part belongs to (a code).
CLAIRS["dossier_partie.production"] = "code de la production (« titre », « CCP1 »…), rien d'une personne"
# Droits des personnes (issue #18): the former values of a rectification are the person's identity
# (encrypted JSON); the break-glass reason is about the professional's need, shown to the référent
# and in the audit trail (like every reason of the journal).
CHAMPS["Rectification"] = ("rectification", ("anciennes_valeurs",))
JSON_CHAMPS.add(("Rectification", "anciennes_valeurs"))
CLAIRS["acces_exceptionnel.motif"] = ("motif d'un accès exceptionnel (bris de glace) : le besoin du professionnel, "
                                      "montré au référent et au journal d'audit, sans détail sur la personne")
