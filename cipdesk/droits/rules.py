"""Pure rules of the person's rights and the retention (issue #18): dates of the retention
period, the structure's settings read with their defaults, the notice and the registre des
traitements as data generated from those settings. No Flask, no session."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from cipdesk.core.erreurs import ErreurMetier

# Settings of the structure (Structure.parametres), with the defaults of SECURITY.md.
CONSERVATION_MOIS = "conservation_mois"            # a person's file after their last contact
CONSERVATION_DEFAUT = 24                           # CNIL référentiel (délibération 2021-028)
CONSERVATION_MINI, CONSERVATION_MAXI = 12, 120
PROVENANCE_MOIS = "conservation_provenance_mois"   # addresses and browsers of the audit trail
PROVENANCE_DEFAUT = 3
JOURNAL_MOIS = "conservation_journal_mois"         # the audit rows themselves
JOURNAL_DEFAUT = 12                                # SECURITY.md: 6 to 12 months
CONTACT_DONNEES = "contact_donnees_personnelles"   # who the person writes to (DPO or direction)
PREAVIS_JOURS = 30                                 # the chef sees who reaches the period 30 days before
VERSION_NOTICE = "2026-12"
MOTIF_MINIMUM = 15
DELAI_REPONSE_JOURS = 90                           # one month, extendable by two (RGPD art. 12.3)


def plus_mois(d: date, mois: int) -> date:
    """`d` plus `mois` calendar months (31 January + 1 month = 28/29 February)."""
    total = d.month - 1 + mois
    annee, mois0 = d.year + total // 12, total % 12
    return date(annee, mois0 + 1, min(d.day, calendar.monthrange(annee, mois0 + 1)[1]))


def reglage(parametres: dict | None, cle: str, defaut: int) -> int:
    try:
        return int((parametres or {}).get(cle, defaut))
    except (TypeError, ValueError):
        return defaut


def duree_conservation(parametres: dict | None) -> int:
    return reglage(parametres, CONSERVATION_MOIS, CONSERVATION_DEFAUT)


def duree_provenance(parametres: dict | None) -> int:
    return reglage(parametres, PROVENANCE_MOIS, PROVENANCE_DEFAUT)


def duree_journal(parametres: dict | None) -> int:
    return reglage(parametres, JOURNAL_MOIS, JOURNAL_DEFAUT)


def reference(dernier_contact: date | None, cree_le: date) -> date:
    """The retention runs from the last contact; a person never met, from their recording."""
    return dernier_contact or cree_le


def echeance(dernier_contact: date | None, cree_le: date, mois: int) -> date:
    return plus_mois(reference(dernier_contact, cree_le), mois)


def limite_de_reference(aujourd_hui: date, mois: int, *, preavis_jours: int = 0) -> date:
    """The latest reference date whose retention ends by `aujourd_hui + preavis_jours`."""
    cible = aujourd_hui + timedelta(days=preavis_jours)
    # the last date d such that plus_mois(d, mois) <= cible
    d = plus_mois(cible, -mois)
    while plus_mois(d + timedelta(days=1), mois) <= cible:
        d += timedelta(days=1)
    while plus_mois(d, mois) > cible:
        d -= timedelta(days=1)
    return d


def valider_durees(conservation, provenance, journal) -> dict[str, int]:
    """The settings form's values, or an ErreurMetier on the field at fault."""
    if conservation is None or not CONSERVATION_MINI <= conservation <= CONSERVATION_MAXI:
        raise ErreurMetier(f"La durée de conservation des dossiers va de {CONSERVATION_MINI} à "
                           f"{CONSERVATION_MAXI} mois après le dernier contact.", "conservation")
    if journal is None or not 6 <= journal <= 12:
        raise ErreurMetier("Le journal des accès se conserve de 6 à 12 mois (SECURITY.md, référentiel CNIL).",
                           "journal")
    if provenance is None or not 1 <= provenance <= journal:
        raise ErreurMetier("Les adresses IP et navigateurs se conservent au moins un mois, et pas plus "
                           "longtemps que le journal lui-même.", "provenance")
    return {CONSERVATION_MOIS: conservation, PROVENANCE_MOIS: provenance, JOURNAL_MOIS: journal}


def valider_motif(motif: str) -> str:
    motif = (motif or "").strip()
    if len(motif) < MOTIF_MINIMUM:
        raise ErreurMetier(f"Écrivez le motif en une phrase (au moins {MOTIF_MINIMUM} caractères) : il sera "
                           "montré au référent de la personne et gardé au journal.", "motif")
    return motif


# -- the registre des traitements and the notice, generated from the settings ---------------------
@dataclass(frozen=True)
class Traitement:
    nom: str
    finalite: str
    base_legale: str
    personnes: str
    donnees: str
    duree: str
    acces: str


def mois_fr(n: int) -> str:
    return f"{n} mois" if n % 12 else (f"{n // 12} an" if n == 12 else f"{n // 12} ans")


def traitements(parametres: dict | None, *, modules: list[str], champs_chiffres: int,
                file_active_partagee: bool) -> list[Traitement]:
    """The registre des traitements (RGPD art. 30) of the structure, from its own settings and
    the modules installed: what is processed, why, for how long, who can see it."""
    conservation, journal, provenance = (duree_conservation(parametres), duree_journal(parametres),
                                         duree_provenance(parametres))
    conseillers = ("le ou la conseiller·ère référent·e" + (" et les collègues conseiller·ères de la structure "
                   "(file active partagée)" if file_active_partagee else "") +
                   ", le ou la chef·fe de service de son équipe (sans les notes confidentielles)")
    return [
        Traitement(
            "Accompagnement socioprofessionnel des personnes",
            "Accueillir, poser un diagnostic partagé, contractualiser et suivre un parcours d'insertion "
            "professionnelle jusqu'à la sortie et au suivi dans l'emploi (REAC CIP, CP1 à CP14). Modules : "
            + ", ".join(modules) + ".",
            "Mission d'intérêt public ou obligation légale de la structure (RGPD art. 6.1.e / 6.1.c) ; "
            "données de santé ou de justice limitées au strict nécessaire (art. 9.2.b et 9.2.h).",
            "Personnes accueillies et accompagnées ; contacts des employeurs et des partenaires.",
            f"Identité, coordonnées, situation (formation, publics prioritaires), écrits du suivi : "
            f"{champs_chiffres} champs de texte libre chiffrés au repos ; notes confidentielles.",
            f"{mois_fr(conservation)} après le dernier contact, puis anonymisation (cipdesk retention) : "
            "seules restent des lignes statistiques sans identité.",
            conseillers + ". Notes confidentielles : leur auteur et les collègues avec qui il les partage."),
        Traitement(
            "Statistiques et bilans aux financeurs",
            "Tableau de bord de l'équipe, bilans et indicateurs demandés par les financeurs (FSE+, "
            "département, DREETS).",
            "Obligation légale et contractuelle envers les financeurs (RGPD art. 6.1.c).",
            "Personnes accompagnées, sous forme de chiffres agrégés.",
            "Dates, statuts, codes de sortie, tranches d'âge, publics — jamais les écrits du suivi.",
            "Les lignes anonymisées restent pour que les chiffres des périodes passées ne changent pas.",
            "Le ou la chef·fe de service de l'équipe."),
        Traitement(
            "Journal des accès (sécurité)",
            "Savoir qui a lu, créé, modifié ou exporté un dossier, et répondre à la personne qui le demande.",
            "Obligation de sécurité (RGPD art. 32) ; intérêt légitime de la structure.",
            "Professionnels de la structure ; les dossiers consultés sont désignés par leur identifiant.",
            "Date, auteur, rôle, action, enregistrement concerné, motif ; adresse IP et navigateur.",
            f"{mois_fr(journal)} pour le journal ; {mois_fr(provenance)} pour les adresses IP et navigateurs.",
            "L'administrateur·rice de la structure ; chaque personne voit qui a lu son dossier dans son export."),
        Traitement(
            "Comptes des professionnels",
            "Authentifier les professionnels, gérer les équipes, les droits et les sessions.",
            "Exécution du contrat de travail ; obligation de sécurité (RGPD art. 6.1.b, art. 32).",
            "Salarié·es et bénévoles de la structure ; candidat·es au titre CIP et leurs tuteurs.",
            "Nom, courriel professionnel, rôle, équipe, mot de passe haché (argon2id), sessions.",
            "La durée de l'activité dans la structure.",
            "L'administrateur·rice de la structure."),
    ]


def notice(structure_nom: str, ville: str, parametres: dict | None, *, contact: str,
           file_active_partagee: bool) -> list[tuple[str, str]]:
    """The information notice (RGPD art. 13 and 14) given at the first accueil, in plain French,
    as (heading, paragraph): generated from the structure's settings."""
    conservation = duree_conservation(parametres)
    lieu = f"{structure_nom}" + (f" ({ville})" if ville else "")
    return [
        ("Qui garde vos informations ?",
         f"{lieu} est responsable des informations que nous notons sur vous pendant votre accompagnement. "
         f"Pour toute question : {contact}."),
        ("Pourquoi ?",
         "Pour vous accueillir, faire le point avec vous sur votre situation, construire et suivre votre "
         "parcours vers l'emploi ou la formation, et vous orienter vers des partenaires si vous le souhaitez. "
         "Des chiffres sans votre nom sont transmis à nos financeurs."),
        ("Qui peut les lire ?",
         "Votre conseiller·ère référent·e" + (" et ses collègues conseiller·ères" if file_active_partagee else "")
         + ", et son ou sa chef·fe de service. Les notes confidentielles ne sont lues que par la personne qui "
         "les a écrites et les collègues avec qui elle les partage. Rien n'est transmis à un partenaire sans "
         "votre accord. Chaque lecture de votre dossier est enregistrée."),
        ("Combien de temps ?",
         f"{mois_fr(conservation)} après notre dernier contact. Ensuite votre nom, vos coordonnées et ce qui a "
         "été écrit sont effacés ; il ne reste que des chiffres sans votre nom."),
        ("Vos droits",
         "Vous pouvez demander à voir tout ce que nous avons sur vous (avec la liste de qui a lu votre dossier), "
         "faire corriger une information inexacte, demander l'effacement ou vous opposer à un traitement quand "
         "la loi le permet. Adressez-vous à votre conseiller·ère ou à : " + contact + ". Vous pouvez aussi "
         "saisir la CNIL (www.cnil.fr, 3 place de Fontenoy, 75007 Paris)."),
    ]
