"""Pure rules of recruitment support (REAC CP13): contracts, offer statuses and the
★ non-discrimination check of an offer's wording.

The check (REAC CP13, critère « La législation sur la non-discrimination à l'emploi
est connue »; savoir-faire « Formaliser une offre d'emploi selon la législation en
vigueur », « Veiller au respect de la réglementation sur la non-discrimination à
l'emploi ») flags wording resting on a criterion of Code du travail art. L1132-1
(list in DOMAIN.md). Each flag explains the rule and proposes a neutral wording. A
difference of treatment stays lawful when it answers an « exigence professionnelle
essentielle et déterminante » with a legitimate aim and proportionate (art. L1133-1),
or for age, when objectively and reasonably justified (art. L1133-2): the conseiller
may then keep the requirement with a written justification, which is stored.

Lexical rules cannot judge context: they flag, the conseiller decides. The tests
list what must and must not be flagged."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from cipdesk.core.libelles import EnumLibelle


class TypeContrat(EnumLibelle):
    CDI = "cdi"
    CDD = "cdd"
    INTERIM = "interim"
    APPRENTISSAGE = "apprentissage"
    PROFESSIONNALISATION = "professionnalisation"
    CDDI = "cddi"
    PEC = "pec"
    SAISONNIER = "saisonnier"


TypeContrat.LIBELLES = {"cdi": "CDI", "cdd": "CDD", "interim": "Mission d'intérim",
                        "apprentissage": "Contrat d'apprentissage",
                        "professionnalisation": "Contrat de professionnalisation",
                        "cddi": "CDDI (insertion par l'activité économique)", "pec": "Parcours emploi compétences (CUI-CAE)",
                        "saisonnier": "Contrat saisonnier"}


class StatutOffre(EnumLibelle):
    BROUILLON = "brouillon"
    PUBLIEE = "publiee"
    POURVUE = "pourvue"
    CLOSE = "close"


StatutOffre.LIBELLES = {"brouillon": "Brouillon", "publiee": "Diffusée", "pourvue": "Pourvue",
                        "close": "Close sans recrutement"}


def verifier_dates_offre(ouverte_le: date | None, cloture_le: date | None) -> dict[str, str]:
    if ouverte_le and cloture_le and cloture_le < ouverte_le:
        return {"cloture_le": "La date de clôture ne peut pas précéder la date d'ouverture de l'offre."}
    return {}


# -- the non-discrimination check --------------------------------------------------------
SOURCE = "Code du travail, art. L1132-1"


@dataclass(frozen=True)
class Signalement:
    """One flagged wording of an offer."""
    code: str           # the rule's code (also the key of a stored justification)
    critere: str        # the L1132-1 criterion, as the law says it
    champ: str          # "intitule" or "texte"
    extrait: str        # the words found, as typed
    debut: int
    fin: int
    explication: str    # the rule behind the flag, with its source
    proposition: str    # a neutral wording

    @property
    def cle(self) -> str:
        """Identifies a kept requirement: the rule and the words (lower case)."""
        return f"{self.code}:{self.extrait.lower()}"


@dataclass(frozen=True)
class _Regle:
    code: str
    critere: str
    motif: re.Pattern
    explication: str
    proposition: str


def _r(motif: str) -> re.Pattern:
    return re.compile(motif, re.IGNORECASE)


_AGE = ("L'âge est un critère de discrimination interdit (" + SOURCE + ") : une offre ne fixe ni limite "
        "d'âge ni public « jeune » ou « senior », sauf différence de traitement objectivement et "
        "raisonnablement justifiée (art. L1133-2, ex. une limite d'âge fixée par la loi pour le poste).")
_SEXE = ("Une offre ne peut mentionner le sexe de la personne recherchée (art. L1142-1, " + SOURCE + ") : "
         "l'intitulé d'un métier se donne aux deux genres, ou suivi de « H/F ».")
_ORIGINE = ("L'origine, la nationalité, l'appartenance vraie ou supposée à une ethnie, une nation ou une "
            "prétendue race sont des critères interdits (" + SOURCE + "). Seule l'autorisation de travail "
            "en France peut être exigée ; une condition de nationalité n'existe que si la loi la prévoit "
            "pour l'emploi (certains emplois publics).")
_APPARENCE = ("L'apparence physique est un critère interdit (" + SOURCE + ") : décrivez la tenue ou le "
              "comportement attendus au poste, pas le physique de la personne.")
_FAMILLE = ("La situation de famille et la grossesse sont des critères interdits (" + SOURCE + ", et "
            "art. L1142-1 pour l'offre) : décrivez les horaires et contraintes du poste, pas la vie privée.")
_SANTE = ("L'état de santé, le handicap et la perte d'autonomie sont des critères interdits (" + SOURCE +
          ") ; l'aptitude au poste est appréciée par la médecine du travail. Décrivez les exigences "
          "physiques réelles du poste.")
_RESIDENCE = ("Le lieu de résidence est un critère interdit (" + SOURCE + ") : indiquez le lieu de travail "
              "et les horaires, chacun·e juge de ses moyens de s'y rendre.")
_LANGUE = ("La capacité à s'exprimer dans une langue autre que le français est un critère interdit (" +
           SOURCE + ") sauf si le poste l'exige réellement : dites pour quelle tâche (exigence "
           "professionnelle essentielle et déterminante, art. L1133-1). L'offre est rédigée en français.")
_CONVICTIONS = ("Les convictions religieuses, opinions politiques, activités syndicales ou mutualistes "
                "sont des critères interdits (" + SOURCE + ").")
_NOM = ("Le nom de famille et la domiciliation bancaire sont des critères interdits (" + SOURCE + ").")

_AGE_NOMBRE = r"(?:1[6-9]|[2-6]\d)"
_PAS_EXPERIENCE = r"(?!\s*(?:d['’]\s*|de\s+)?(?:expérience|experience|ancienneté|anciennete|pratique|métier|metier))"

REGLES: tuple[_Regle, ...] = (
    _Regle("age_jeune", "âge", _r(r"\bjeunes?\b(?!\s+(?:diplômé|diplome))|\bjeunes?\s+diplômé(?:e|s|es)?\b"),
           _AGE, "Supprimez « jeune » ; pour un premier emploi, écrivez « Débutant·e accepté·e » ou « Poste "
                 "ouvert aux personnes sans expérience ».", ),
    _Regle("age_limite", "âge",
           _r(r"\b(?:moins|plus)\s+de\s+" + _AGE_NOMBRE + r"\s*ans\b" + _PAS_EXPERIENCE
              + r"|\b" + _AGE_NOMBRE + r"\s*(?:-|à|a)\s*" + _AGE_NOMBRE + r"\s*ans\b" + _PAS_EXPERIENCE
              + r"|\bâgée?s?\s+de\b|\bagee?s?\s+de\b|\bâge\s+(?:maximum|minimum|max|min|limite)\b"
              + r"|\b" + _AGE_NOMBRE + r"\s*ans\s+(?:maximum|max|minimum|min|au\s+plus|au\s+moins)\b"),
           _AGE, "Supprimez la condition d'âge ; décrivez l'expérience ou les compétences attendues "
                 "(ex. « 2 ans d'expérience en magasinage souhaités »)."),
    _Regle("age_profil", "âge", _r(r"\b(?:junior|senior|retraitée?s?|étudiante?s?|etudiante?s?)\b"),
           _AGE, "Décrivez le niveau d'expérience ou la disponibilité attendus (ex. « première expérience "
                 "acceptée », « disponible 20 h par semaine ») plutôt qu'un âge ou un statut."),
    _Regle("sexe_explicite", "sexe",
           _r(r"\b(?:sexe|masculin|féminin|feminin)\b|\b(?:réservée?|reservee?)\s+aux\s+(?:hommes|femmes)\b"
              r"|\b(?:hommes?|femmes?)\s+(?:uniquement|exclusivement|de\s+préférence|de\s+preference)\b"
              r"|\bprofil\s+(?:masculin|féminin|feminin)\b|\b(?:une|un)\s+(?:femme|homme)\s+pour\b"),
           _SEXE, "Supprimez la mention du sexe ; décrivez les tâches et conditions réelles du poste."),
    _Regle("sexe_metier_genre", "sexe",
           _r(r"\bfemmes?\s+de\s+(?:ménage|menage|chambre)\b|\bhommes?\s+(?:d['’]\s*entretien|de\s+ménage|"
              r"de\s+menage|à\s+tout\s+faire|a\s+tout\s+faire)\b|\bhôtesses?\s+(?:d['’]\s*accueil|de\s+caisse)\b"),
           _SEXE, "Utilisez un intitulé neutre : « Agent·e d'entretien (H/F) », « Chargé·e d'accueil (H/F) », "
                  "« Hôte / Hôtesse de caisse »."),
    _Regle("origine_nationalite", "origine, nationalité",
           _r(r"\bnationalit[ée](?:\s+(?:française|francaise|européenne|europeenne))?(?:\s+(?:exigée?|obligatoire|requise?))?|\bde\s+souche\b|\bd['’]\s*origine\s+(?!contrôlée|controlee|protégée|protegee)\w+"
              r"|\b(?:français|francais|française|francaise)s?\s+(?:de\s+naissance|uniquement|exigée?|obligatoire)\b"
              r"|\beuropéen(?:ne)?s?\s+(?:uniquement|exigée?|obligatoire)\b|\bcouleur\s+de\s+peau\b|\brace\b"),
           _ORIGINE, "Écrivez « Autorisation de travail en France requise » si c'est la condition réelle ; "
                     "sinon supprimez."),
    _Regle("apparence", "apparence physique",
           _r(r"\b(?:bonne|belle|excellente)\s+présentation\b|\b(?:bonne|belle)\s+presentation\b"
              r"|\bphysique\s+(?:agréable|agreable|avenant|attrayant)\b|\bjolie?s?\b|\bminces?\b"
              r"|\bsans\s+(?:tatouages?|piercings?|barbe)\b|\btaille\s+(?:minimum|minimale|mannequin)\b"
              r"|\bbon\s+look\b|\bsouriante?s?\s+et\s+(?:jolie|belle)\b"),
           _APPARENCE, "Écrivez par exemple « Tenue professionnelle adaptée à l'accueil de la clientèle (tenue "
                       "fournie) » ou « Respect des règles d'hygiène du poste »."),
    _Regle("situation_famille", "situation de famille, grossesse",
           _r(r"\bcélibataires?\b|\bcelibataires?\b|\bmariée?s?\b|\bsans\s+enfants?\b|\bsituation\s+(?:familiale|de\s+famille)\b"
              r"|\b(?:mère|mere|père|pere)\s+de\s+famille\b|\benceintes?\b|\bgrossesse\b|\benfants?\s+à\s+charge\b"),
           _FAMILLE, "Supprimez la mention ; si des horaires décalés ou des déplacements sont en jeu, écrivez-les "
                     "(ex. « Horaires : 6 h – 13 h, un samedi sur deux »)."),
    _Regle("sante", "état de santé, handicap",
           _r(r"\b(?:bonne|parfaite)\s+santé\b|\b(?:bonne|parfaite)\s+sante\b|\bsans\s+(?:handicap|problèmes?\s+de\s+santé"
              r"|problemes?\s+de\s+sante|antécédents?\s+médicaux|antecedents?\s+medicaux)\b|\bvalides?\b(?!\s+(?:jusqu|au|du|le|la|pour))"
              r"|\b(?:bonne|excellente)\s+(?:condition|forme)\s+physique\b|\bnon[\s-]handicapée?s?\b|\bpas\s+de\s+RQTH\b"),
           _SANTE, "Décrivez les exigences physiques du poste (ex. « Port de charges jusqu'à 15 kg, station "
                   "debout prolongée ») ; l'aptitude est vérifiée par la médecine du travail. Ajoutez si vous "
                   "le souhaitez « Poste ouvert aux personnes en situation de handicap »."),
    _Regle("residence", "lieu de résidence",
           _r(r"\b(?:habitante?s?|résidante?s?|residante?s?|résident(?:e|s|es)?|domiciliée?s?)\s+(?:à|a|de|du|des|dans|en|sur)\b"
              r"|\b(?:habiter|résider|resider|vivre|habitant)\s+(?:à|a|sur|dans|en|le|la|les|près|pres)\b"
              r"|\boriginaire\s+(?:de|du|des)\b|\bdu\s+quartier\b|\bhors\s+QPV\b|\bpas\s+de\s+(?:QPV|quartiers?)\b"),
           _RESIDENCE, "Indiquez le lieu de travail et les horaires (ex. « Poste basé à Arles ; prise de poste à "
                       "6 h ») ; un permis ou un véhicule ne s'exige que si le poste le nécessite."),
    _Regle("langue", "langue autre que le français",
           _r(r"\b(?:anglais|allemand|espagnol|italien|arabe|portugais|chinois|mandarin|russe|néerlandais|neerlandais"
              r"|turc|roumain|polonais)\b|\blangue\s+maternelle\b|\bnatif|\bnative\b|\bsans\s+accent\b|\bbilingue\b"),
           _LANGUE, "Précisez la tâche qui l'exige (ex. « Anglais utile pour accueillir la clientèle étrangère à "
                    "la réception ») ou supprimez ; pour le français, écrivez « Français courant à l'oral »."),
    _Regle("convictions", "convictions, opinions, activités syndicales",
           _r(r"\breligi(?:on|eux|euse)\b|\bpratiquante?\b|\bnon[\s-]syndiquée?s?\b|\bsyndiquée?s?\b|\bsyndicat\b"
              r"|\bopinions?\s+politiques?\b|\bcatholique|\bmusulmane?\b|\bjuive?\b|\bvoile\b|\bvoilée?\b"),
           _CONVICTIONS, "Supprimez la mention ; les règles de neutralité éventuelles de l'entreprise relèvent "
                         "de son règlement intérieur, pas de l'offre."),
    _Regle("nom_banque", "nom de famille, domiciliation bancaire",
           _r(r"\bnom\s+(?:à|a)\s+consonance\b|\bnom\s+(?:français|francais)\b|\bdomiciliation\s+bancaire\b"
              r"|\bcompte\s+(?:bancaire\s+)?en\s+France\b"),
           _NOM, "Supprimez la mention."),
)

REGLES_PAR_CODE = {r.code: r for r in REGLES}

# Job titles: masculine form → feminine form (the title is checked for both forms or « H/F »).
METIERS_GENRES: dict[str, str] = {
    "vendeur": "vendeuse", "serveur": "serveuse", "cuisinier": "cuisinière", "boulanger": "boulangère",
    "pâtissier": "pâtissière", "boucher": "bouchère", "caissier": "caissière", "chauffeur": "chauffeuse",
    "magasinier": "magasinière", "employé": "employée", "agent": "agente", "technicien": "technicienne",
    "ouvrier": "ouvrière", "infirmier": "infirmière", "aide-soignant": "aide-soignante",
    "conseiller": "conseillère", "directeur": "directrice", "animateur": "animatrice",
    "plombier": "plombière", "électricien": "électricienne", "maçon": "maçonne",
    "préparateur": "préparatrice", "opérateur": "opératrice", "assistant": "assistante",
    "livreur": "livreuse", "coiffeur": "coiffeuse", "commercial": "commerciale", "cariste": "cariste",
    "jardinier": "jardinière", "menuisier": "menuisière", "peintre": "peintre", "couvreur": "couvreuse",
    "soudeur": "soudeuse", "chargé": "chargée", "responsable": "responsable", "manutentionnaire": "manutentionnaire",
    "éducateur": "éducatrice", "auxiliaire": "auxiliaire", "hôte": "hôtesse", "chef": "cheffe",
    "gardien": "gardienne", "laveur": "laveuse", "conducteur": "conductrice", "mécanicien": "mécanicienne",
    "plongeur": "plongeuse", "réceptionniste": "réceptionniste", "développeur": "développeuse",
    "comptable": "comptable", "secrétaire": "secrétaire", "esthéticien": "esthéticienne",
    "accompagnateur": "accompagnatrice", "formateur": "formatrice", "surveillant": "surveillante",
    "équipier": "équipière", "employé polyvalent": "employée polyvalente", "garçon": "serveuse",
    "manœuvre": "manœuvre", "coursier": "coursière", "couturier": "couturière", "fromager": "fromagère",
    "poissonnier": "poissonnière", "charcutier": "charcutière", "ambulancier": "ambulancière",
}
_EPICENES = {m for m, f in METIERS_GENRES.items() if m == f}
_FEMININ_VERS_MASCULIN = {f: m for m, f in METIERS_GENRES.items() if m != f}
MARQUE_MIXITE = re.compile(r"\b[HF]\s*/\s*[FH]\b|\(\s*[hf]\s*/\s*[fh]\s*\)|\bhomme\s+ou\s+femme\b|\bfemme\s+ou\s+homme\b",
                           re.IGNORECASE)
_INCLUSIF = re.compile(r"\w[·•.\-]e\b|\w\(e\)|\w·\w+", re.IGNORECASE)


def _mots(texte: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[\wœ’'-]+", texte)]


def _sans_accents(texte: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", texte) if not unicodedata.combining(c))


def verifier_intitule_genre(intitule: str) -> list[Signalement]:
    """A job title given in one gender only, without its other form nor « H/F »
    (art. L1142-1: an offer may not state the sex of the person sought)."""
    if not intitule or MARQUE_MIXITE.search(intitule):
        return []
    mots = _mots(intitule)
    bas = [m.lower() for m, _d, _f in mots]
    bas_sans = [_sans_accents(m) for m in bas]
    signalements = []
    for (mot, debut, fin), m in zip(mots, bas, strict=True):
        if m in _EPICENES:
            continue
        autre = METIERS_GENRES.get(m) or _FEMININ_VERS_MASCULIN.get(m)
        if autre is None:
            continue
        if _sans_accents(autre) in bas_sans or _INCLUSIF.search(intitule[debut:fin + 4]):
            continue  # « Vendeur / Vendeuse », « Vendeur·se », « Employé(e) »
        masculin = m if m in METIERS_GENRES else autre
        feminin = METIERS_GENRES[masculin]
        signalements.append(Signalement(
            code="sexe_intitule", critere="sexe", champ="intitule", extrait=mot, debut=debut, fin=fin,
            explication=_SEXE,
            proposition=f"« {intitule.strip()} (H/F) » ou « {_capitaliser(masculin, mot)} / "
                        f"{_capitaliser(feminin, mot)} »."))
        break  # one flag per title is enough: the fix is the same
    return signalements


def _capitaliser(mot: str, modele: str) -> str:
    return mot[:1].upper() + mot[1:] if modele[:1].isupper() else mot


def verifier_texte(texte: str, champ: str = "texte") -> list[Signalement]:
    """Every wording of `texte` resting on a prohibited criterion, in reading order."""
    signalements = []
    for regle in REGLES:
        for m in regle.motif.finditer(texte or ""):
            signalements.append(Signalement(
                code=regle.code, critere=regle.critere, champ=champ, extrait=m.group(0).strip(),
                debut=m.start(), fin=m.end(), explication=regle.explication, proposition=regle.proposition))
    return sorted(signalements, key=lambda s: s.debut)


def verifier_offre(intitule: str, texte: str) -> list[Signalement]:
    """The ★ non-discrimination check of an offer: its title (gendered form, and every
    rule) and its text."""
    return [*verifier_intitule_genre(intitule), *verifier_texte(intitule, "intitule"), *verifier_texte(texte)]


def non_resolus(signalements: list[Signalement], justifiees: set[str]) -> list[Signalement]:
    """The flags neither fixed (they would not be found any more) nor kept with a
    written justification (keyed by `Signalement.cle`)."""
    return [s for s in signalements if s.cle not in justifiees]


LONGUEUR_MIN_JUSTIFICATION = 30


def verifier_justification(texte: str) -> str | None:
    """A kept requirement needs a real written reason (e.g. the legal requirement of the job)."""
    if len((texte or "").strip()) < LONGUEUR_MIN_JUSTIFICATION:
        return (f"Justifiez par écrit ({LONGUEUR_MIN_JUSTIFICATION} caractères au moins) pourquoi cette exigence "
                "est essentielle et déterminante pour le poste (art. L1133-1), par exemple l'obligation légale "
                "qui l'impose.")
    return None


# -- what a job may ask that matching compares with the person (issue #13 point 6) -------
class Permis(EnumLibelle):
    AM = "am"
    B = "b"
    C = "c"
    CE = "ce"
    D = "d"
    CACES = "caces"


Permis.LIBELLES = {"am": "Permis AM (cyclomoteur)", "b": "Permis B", "c": "Permis C (poids lourd)",
                   "ce": "Permis CE (super lourd)", "d": "Permis D (transport en commun)",
                   "caces": "CACES (chariots, engins)"}


class Horaire(EnumLibelle):
    NUIT = "nuit"
    WEEKEND = "weekend"
    TOT = "tot"
    COUPURE = "coupure"


Horaire.LIBELLES = {"nuit": "Travail de nuit", "weekend": "Travail le week-end",
                    "tot": "Prise de poste tôt (avant 7 h)", "coupure": "Horaires en coupure"}
