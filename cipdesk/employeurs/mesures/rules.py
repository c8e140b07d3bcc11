"""The measures and contracts a conseiller may mobilise with an employer or for a person
(DOMAIN.md « Mesures mobilised in parcours and with employers »; REAC CP13 critère « Les
informations sur les mesures, les dispositifs d'insertion, et les contrats de travail sont
adaptées »). The defaults below are a starting point: each structure edits the list, its
eligibility notes, the source and the date it last checked them (veille, CP3).
No session, no Flask."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

SOURCE_PAR_DEFAUT = "Fiches pratiques travail-emploi.gouv.fr, France Travail, service-public.fr — à vérifier"


@dataclass(frozen=True)
class Mesure:
    code: str
    libelle: str
    eligibilite: str
    source: str = SOURCE_PAR_DEFAUT
    verifiee_le: date | None = None   # None: never checked by the structure
    active: bool = True
    modifiee: bool = False            # the structure's own wording (or an addition)


def _m(code, libelle, eligibilite) -> Mesure:
    return Mesure(code, libelle, eligibilite)


DEFAUTS: tuple[Mesure, ...] = (
    _m("pmsmp", "PMSMP (immersion en milieu professionnel)",
       "Toute personne accompagnée, sur prescription d'un prescripteur habilité ; un mois au plus, renouvelable une "
       "fois ; convention signée avant le début."),
    _m("poei", "POEI (préparation opérationnelle à l'emploi individuelle)",
       "Demandeur d'emploi ; formation avant une embauche en CDI, CDD d'au moins 6 mois ou alternance ; 400 h au plus."),
    _m("poec", "POEC (préparation opérationnelle à l'emploi collective)",
       "Demandeurs d'emploi ; formation collective financée par un OPCO vers des métiers qui recrutent ; 400 h au plus."),
    _m("afpr", "AFPR (action de formation préalable au recrutement)",
       "Demandeur d'emploi ; formation avant une embauche en CDD de 6 à 12 mois ou une mission d'intérim d'au moins "
       "6 mois ; 400 h au plus."),
    _m("pec", "PEC (parcours emploi compétences, CUI-CAE)",
       "Personne éloignée de l'emploi, sur prescription ; employeur du secteur non marchand ; taux d'aide fixé par "
       "arrêté préfectoral."),
    _m("cie", "CIE (contrat initiative emploi)",
       "Secteur marchand ; publics fixés chaque année par arrêté régional (jeunes, résidents QPV…)."),
    _m("professionnalisation", "Contrat de professionnalisation",
       "16–25 ans, demandeurs d'emploi de 26 ans et plus, bénéficiaires de minima sociaux ; CDD de 6 à 12 mois ou CDI."),
    _m("apprentissage", "Contrat d'apprentissage",
       "16–29 ans révolus (sans limite d'âge pour une personne handicapée) ; aide à l'embauche selon le décret en "
       "vigueur."),
    _m("cpf", "CPF (compte personnel de formation)", "Toute personne active ; formations éligibles sur Mon compte "
       "formation."),
    _m("vae", "VAE (validation des acquis de l'expérience)",
       "Toute personne dont l'expérience est en rapport avec la certification visée (France VAE)."),
    _m("bilan_competences", "Bilan de compétences", "Toute personne active ; finançable par le CPF ; 24 h au plus."),
    _m("service_civique", "Service civique",
       "16–25 ans (30 ans pour une personne handicapée) ; mission d'intérêt général de 6 à 12 mois, indemnisée."),
    _m("e2c", "E2C (école de la deuxième chance)", "16–25 ans sortis du système scolaire sans diplôme ni "
       "qualification."),
    _m("epide", "EPIDE", "17–25 ans peu ou pas diplômés, volontaires ; accompagnement en internat."),
    _m("aide_alternance", "Aide à l'embauche en alternance", "Employeur d'un apprenti ou d'un salarié en contrat "
       "de professionnalisation, selon le décret en vigueur."),
    _m("agefiph", "Aides de l'Agefiph", "Employeur d'une personne bénéficiaire de l'obligation d'emploi (RQTH…) : "
       "embauche, adaptation du poste."),
    _m("aide_poste_iae", "Aide au poste (IAE)", "Structure d'insertion par l'activité économique conventionnée, "
       "pour un salarié en parcours d'insertion."),
)


def code_de(libelle: str) -> str:
    texte = "".join(c for c in unicodedata.normalize("NFKD", libelle or "") if not unicodedata.combining(c))
    return "_".join(re.sub(r"[^a-z0-9]+", " ", texte.lower()).split())[:60]


def fusionner(lignes: list[Mesure]) -> list[Mesure]:
    """The structure's list: the defaults, each replaced by the structure's own version when
    there is one, then the measures it added, in alphabetical order."""
    propres = {m.code: m for m in lignes}
    liste = [propres.pop(d.code, d) for d in DEFAUTS]
    return liste + sorted(propres.values(), key=lambda m: m.libelle.lower())


def verifier(libelle: str, eligibilite: str, verifiee_le: date | None, aujourd_hui: date) -> dict[str, str]:
    erreurs = {}
    if not (libelle or "").strip():
        erreurs["libelle"] = "Indiquez le nom de la mesure."
    if not (eligibilite or "").strip():
        erreurs["eligibilite"] = "Indiquez les conditions d'éligibilité."
    if verifiee_le is None:
        erreurs["verifiee_le"] = "Indiquez la date à laquelle l'information a été vérifiée."
    elif verifiee_le > aujourd_hui:
        erreurs["verifiee_le"] = "La date de vérification ne peut pas être dans le futur."
    return erreurs
