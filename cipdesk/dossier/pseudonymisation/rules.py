"""Pseudonymisation of the certification dossier (issue #16, point 5; DOSSIER.md D3). Pure: no
Flask, no session.

`TableIdentifiants` holds every identifying value known for the people of a structure, each with
its nature, the person it belongs to and the text that replaces it (the person's alias « Mme A. »,
a generalised employer, « [téléphone retiré] »…). `pseudonymiser` replaces every occurrence in a
text and lists the substitutions (for the preview, where each can be refused — a false positive —
or given another replacement); `restes` lists what is still there, with an extract in which the
value itself is masked, so that an export can refuse and say where.

Matching: names, e-mails, addresses and employers go through one Aho-Corasick automaton
(pyahocorasick) over a normalised copy of the text — case folded, accents dropped, runs of spaces,
hyphens, commas and apostrophes reduced to one space — and a match counts only between word
boundaries (« Martin » never breaks « martingale »). Phone numbers and dates are found by a few
compiled patterns (every usual French writing) and looked up by their normalised value, so the
cost is linear in the length of the text whatever the size of the table.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from itertools import chain
from typing import Iterable, Sequence

import ahocorasick

from cipdesk.core.libelles import EnumLibelle


class Nature(EnumLibelle):
    NOM = "nom"
    NOM_NAISSANCE = "nom_naissance"
    PRENOM = "prenom"
    TELEPHONE = "telephone"
    EMAIL = "email"
    ADRESSE = "adresse"
    CODE_POSTAL_COMMUNE = "code_postal_commune"
    DATE_NAISSANCE = "date_naissance"
    EMPLOYEUR = "employeur"
    CONTACT = "contact"          # a named person of an employer or a partner
    DATE = "date"                # an exact date of the text (`generaliser_dates`), not in the table


Nature.LIBELLES = {
    "nom": "nom", "nom_naissance": "nom de naissance", "prenom": "prénom", "telephone": "téléphone",
    "email": "adresse e-mail", "adresse": "adresse", "code_postal_commune": "code postal et commune",
    "date_naissance": "date de naissance", "employeur": "nom d'employeur", "contact": "nom d'un contact",
    "date": "date exacte",
}

REMPLACEMENTS = {
    Nature.TELEPHONE: "[téléphone retiré]",
    Nature.EMAIL: "[e-mail retiré]",
    Nature.ADRESSE: "[adresse retirée]",
    Nature.CODE_POSTAL_COMMUNE: "[commune de résidence retirée]",
    Nature.DATE_NAISSANCE: "[date de naissance retirée]",
    Nature.EMPLOYEUR: "une entreprise",
    Nature.CONTACT: "[contact retiré]",
}

# Words of a family name that are not a name on their own (« de La Fontaine » → « Fontaine »).
PARTICULES = {"de", "du", "des", "la", "le", "les", "d", "l", "van", "von", "der", "den", "di", "da", "del",
              "y", "e", "el", "al", "ben", "bin", "ould", "mac", "mc", "saint", "sainte", "st"}
CIVILITES_FEMME = ("mme", "madame", "mlle", "mademoiselle")
CIVILITES_HOMME = ("m", "monsieur", "mr")

# -- Normalisation ------------------------------------------------------------------------
_SEPARATEURS = set(" \t\n\r\f\v\u00a0\u202f\u2009\u2007-\u2010\u2011\u2012\u2013\u2014\u2212,'\u2019\u02bc_")
_LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i"}


def _plier(c: str) -> str:
    """One character of the text → its folded form (may be empty or longer)."""
    if c.isascii():
        return c.lower()
    c = c.lower()
    if c in _LIGATURES:
        return _LIGATURES[c]
    return "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x)).lower()


_PLIES: dict[str, str] = {}


def _plie(c: str) -> str:
    """The folded form of a character, separators as one space (memoised: texts reuse few)."""
    plie = _PLIES.get(c)
    if plie is None:
        plie = " " if (c in _SEPARATEURS or c.isspace()) else _plier(c)
        _PLIES[c] = plie
    return plie


def _normaliser_avec_positions(texte: str) -> tuple[str, Sequence[int]]:
    """The folded text, and for each of its characters the offset of the original character it
    comes from (a match never starts or ends on a space, so its end is that offset + 1)."""
    plie = texte.translate(_PLIAGE)
    if len(plie) == len(texte):               # one character for one: the usual case, fast
        if "  " not in plie:
            return plie, range(len(plie))
        # Runs of spaces become one: keep the offsets of everything but their extra spaces.
        morceaux, position = [], 0
        for m in _ESPACES.finditer(plie):
            morceaux.append(range(position, m.start() + 1))
            position = m.end()
        morceaux.append(range(position, len(plie)))
        return _ESPACES.sub(" ", plie), list(chain.from_iterable(morceaux))
    sortie: list[str] = []
    debuts: list[int] = []
    separateur = False
    for i, c in enumerate(texte):
        p = _PLIAGE[ord(c)]
        if p == " ":
            if separateur:
                continue
            separateur = True
        elif p:
            separateur = False
        for x in p:
            sortie.append(x)
            debuts.append(i)
    return "".join(sortie), debuts


_ESPACES = re.compile(" {2,}")


class _TableDePliage(dict):
    """For `str.translate`: code point → folded form, computed once per character."""

    def __missing__(self, point: int) -> str:
        plie = _plie(chr(point))
        self[point] = plie
        return plie


_PLIAGE = _TableDePliage()


def normaliser(texte: str) -> str:
    """« Élodie  DUPONT-Martin » → « elodie dupont martin » (the key the matcher compares)."""
    return " ".join((texte or "").translate(_PLIAGE).split())


def _chiffres(texte: str) -> str:
    return "".join(c for c in texte if c.isdigit())


def telephone_normalise(telephone: str) -> str:
    """Any writing of a phone number → a comparison key: French numbers as their ten national
    digits (« +33 6 12… », « 0033 (0)6… », « 06.12… » → « 0612345678 »), others as their digits."""
    chiffres = _chiffres(telephone)
    if chiffres.startswith("0033"):
        chiffres = chiffres[4:]
    elif chiffres.startswith("33") and len(chiffres) in (11, 12) and (telephone.strip().startswith("+")
                                                                      or len(chiffres) == 11):
        chiffres = chiffres[2:]
    else:
        return chiffres
    if len(chiffres) == 10 and chiffres.startswith("0"):     # « +33 (0)6 … »
        chiffres = chiffres[1:]
    return "0" + chiffres if len(chiffres) == 9 else chiffres


# -- Generalisation: ages, dates, employers -----------------------------------------------
MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre")


def age(naissance: date, le: date) -> int:
    return le.year - naissance.year - ((le.month, le.day) < (naissance.month, naissance.day))


def tranche_d_age(naissance: date, le: date) -> str:
    """An age as a band (never the exact age): « entre 30 et 39 ans »."""
    a = age(naissance, le)
    if a < 18:
        return "moins de 18 ans"
    if a < 26:
        return "entre 18 et 25 ans"
    if a < 30:
        return "entre 26 et 29 ans"
    if a >= 60:
        return "60 ans ou plus"
    dizaine = a // 10 * 10
    return f"entre {dizaine} et {dizaine + 9} ans"


def mois_annee(d: date) -> str:
    """« mars 2026 »."""
    return f"{MOIS[d.month - 1]} {d.year}"


def mois_ecoules(d: date, debut: date) -> int:
    """Whole months from `debut` to `d` (negative before)."""
    n = (d.year - debut.year) * 12 + d.month - debut.month
    if d >= debut and d.day < debut.day:
        n -= 1
    elif d < debut and d.day > debut.day:
        n += 1
    return n


def date_relative(d: date, debut: date, *, forme: str = "courte") -> str:
    """A date relative to the start of the accompaniment. Courte: « M+3 » (three whole months after
    the start; « M+0 » during the first month). Longue: « 4e mois de l'accompagnement » (the month
    in which it falls, « 1er mois » for M+0)."""
    n = mois_ecoules(d, debut)
    if forme == "courte":
        return f"M{n:+d}"
    if n < 0:
        return f"{-n} mois avant le début de l'accompagnement"
    rang = n + 1
    return f"{'1er' if rang == 1 else f'{rang}e'} mois de l'accompagnement"


# NAF rév. 2: divisions (two first digits) → section, and each section said with its article.
_SECTIONS_NAF = (((1, 3), "A"), ((5, 9), "B"), ((10, 33), "C"), ((35, 35), "D"), ((36, 39), "E"),
                 ((41, 43), "F"), ((45, 47), "G"), ((49, 53), "H"), ((55, 56), "I"), ((58, 63), "J"),
                 ((64, 66), "K"), ((68, 68), "L"), ((69, 75), "M"), ((77, 82), "N"), ((84, 84), "O"),
                 ((85, 85), "P"), ((86, 88), "Q"), ((90, 93), "R"), ((94, 96), "S"), ((97, 98), "T"),
                 ((99, 99), "U"))
SECTEURS = {
    "A": "de l'agriculture", "B": "de l'industrie extractive", "C": "de l'industrie",
    "D": "de l'énergie", "E": "de l'eau et de la gestion des déchets", "F": "du BTP",
    "G": "du commerce", "H": "du transport et de la logistique", "I": "de l'hôtellerie-restauration",
    "J": "de l'information et de la communication", "K": "de la finance et de l'assurance",
    "L": "de l'immobilier", "M": "des services aux entreprises (conseil, études)",
    "N": "des services administratifs et de soutien", "O": "de l'administration publique",
    "P": "de l'enseignement", "Q": "de la santé et de l'action sociale", "R": "des arts, spectacles et loisirs",
    "S": "des services à la personne et associatifs", "T": "des services domestiques",
    "U": "des organisations internationales",
}


def section_du_code_naf(code: str) -> str:
    """« 43.22A » → « F » (empty when unknown)."""
    chiffres = _chiffres(code or "")[:2]
    if len(chiffres) < 2:
        return ""
    division = int(chiffres)
    return next((s for (de, a), s in _SECTIONS_NAF if de <= division <= a), "")


# Size bands: the INSEE groupings used by the employer base (codes of TrancheEffectif).
_TRANCHES = {"0": "sans salarié", "1_9": "de moins de 10 salariés", "10_49": "de 10 à 49 salariés",
             "50_249": "de 50 à 249 salariés", "250_plus": "de 250 salariés ou plus"}


def tranche_d_effectif(effectif: int | str | None) -> str:
    """An exact head count or a band code → the band said in words (never the exact count)."""
    if effectif is None or effectif == "":
        return ""
    if isinstance(effectif, str) and not effectif.isdigit():
        return _TRANCHES.get(str(effectif), "")
    n = int(effectif)
    if n == 0:
        return _TRANCHES["0"]
    if n < 10:
        return _TRANCHES["1_9"]
    if n < 20:
        return "de 10 à 19 salariés"
    if n < 50:
        return "de 20 à 49 salariés"
    return _TRANCHES["50_249"] if n < 250 else _TRANCHES["250_plus"]


def entreprise_generalisee(secteur: str | None, effectif: int | str | None = None) -> str:
    """« une entreprise du BTP de 20 à 49 salariés ». `secteur`: a NAF code (« 43.22A »), a NAF
    section letter, or words already with their article (« de la propreté »); `effectif`: a head
    count or a band code of the employer base."""
    secteur = (secteur or "").strip()
    if re.fullmatch(r"\d{2}\.?\d{2}\s?[A-Za-z]?", secteur):
        secteur = SECTEURS.get(section_du_code_naf(secteur), "")
    elif len(secteur) == 1 and secteur.upper() in SECTEURS:
        secteur = SECTEURS[secteur.upper()]
    elif secteur and not re.match(r"(?i)(du|de la|de l'|de l’|des|d'|d’)\b", secteur):
        secteur = f"du secteur « {secteur} »"
    morceaux = ["une entreprise"] + [m for m in (secteur, tranche_d_effectif(effectif)) if m]
    return " ".join(morceaux)


# -- Aliases --------------------------------------------------------------------------------
def _lettres(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA, 27 → AB… (bijective base 26)."""
    lettres = ""
    n = index + 1
    while n:
        n, reste = divmod(n - 1, 26)
        lettres = chr(ord("A") + reste) + lettres
    return lettres


# Words that name a function, a desk or a service, never a person (« Accueil », « Secrétariat
# médical », « Permanence SIAO », « Référente RSA »), compared without accents or case.
MOTS_DE_FONCTION = frozenset("""
accueil secretariat secretaire permanence standard service services direction directeur directrice
coordination coordinateur coordinatrice coordonnateur plateforme bureau guichet equipe referent referente
referents conseiller conseillere conseillers assistant assistante assistants contact contacts agence pole
cellule centre mission antenne numero ligne urgence urgences boite courriel mail email adresse generique
responsable charge chargee mediateur mediatrice educateur educatrice moniteur monitrice animateur animatrice
infirmier infirmiere medecin psychologue tuteur tutrice juriste avocat stagiaire benevole benevoles
reception hotline astreinte administratif administrative comptabilite rh ressources humaines recrutement
inscription inscriptions orientation information informations renseignements public social sociale
rsa siao ccas caf cpam mdph spip pcb plie cej france travail mairie
""".split())
# Lowercase particles of family names (« de La Fontaine », « van Damme », « d'Almeida »).
_PARTICULES = frozenset("de du des le la les van von der den di da dos ben el al d l".split())


def ressemble_a_une_personne(nom_complet: str | None) -> bool:
    """Does a contact's name look like a person's (« Mme Leclercq », « Sophie Leroy », « Dr Martin »)
    rather than a function (« Accueil », « Secrétariat », « Permanence SIAO », « Référente RSA »)?

    A person's name: no word that names a function, no digit nor « @ », and at least one
    capitalised word that is not a civilité; lowercase words only as particles."""
    texte = (nom_complet or "").strip()
    if not texte or any(c.isdigit() for c in texte) or "@" in texte:
        return False
    mots = [m for m in re.split(r"[\s,;/()]+", texte) if m]
    noms = 0
    for mot in mots:
        cle = normaliser(mot).rstrip(".").replace("'", " ").replace("’", " ").split()
        if not cle:
            continue
        if any(c in MOTS_DE_FONCTION for c in cle):
            return False
        if civilite_courte(mot) or normaliser(mot).rstrip(".") in ("dr", "docteur", "pr", "me", "maitre", "mlle"):
            continue
        if all(c in _PARTICULES for c in cle):
            continue
        lettres = mot.lstrip("'’(")
        if not lettres[:1].isupper():
            return False
        noms += 1
    return noms >= 1


def civilite_courte(civilite: str | None) -> str:
    """« femme », « Mme », « Madame » → « Mme » ; « homme », « M. », « Monsieur » → « M. » ; else ''."""
    c = normaliser(civilite or "").rstrip(".").strip()
    if c in ("femme", "f") + CIVILITES_FEMME:
        return "Mme"
    if c in ("homme", "h") + CIVILITES_HOMME:
        return "M."
    return ""


def alias(index: int, civilite: str | None = None) -> str:
    """The stable alias of the index-th person: « Mme A. », « M. B. », « C. » (sex not given)."""
    c = civilite_courte(civilite)
    return f"{c} {_lettres(index)}." if c else f"{_lettres(index)}."


_SANS_NUMERO = re.compile(r"^\s*\d+\s*(?:bis|ter|quater|[a-d])?\b[\s,]*", re.IGNORECASE)


# -- The table --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Valeur:
    valeur: str                  # as held in the database (for the preview of the table, never exported)
    nature: Nature
    remplacement: str
    personne_id: object | None = None
    alias: str = ""


@dataclass
class TableIdentifiants:
    """The identifying values of the people of a structure. Build it with `ajouter_personne`,
    `ajouter_employeur`, `ajouter_contact` (or `ajouter` for one value)."""

    valeurs: list[Valeur] = field(default_factory=list)
    _index: "_Index | None" = field(default=None, repr=False, compare=False)
    _aliases: "dict | None" = field(default=None, repr=False, compare=False)
    # Results of texts already run through this table (`memorise`): a table kept between requests
    # does not run the same unchanged texts again on every display. Memory only, bounded.
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def aliases(self) -> dict:
        """The alias of each person (« Mme A. »), by id: computed once per table (the dossier's seven
        parts ask for it, over the values of every person of the structure)."""
        if self._aliases is None:
            self._aliases = {v.personne_id: v.alias for v in self.valeurs if v.personne_id is not None and v.alias}
        return self._aliases

    def __len__(self) -> int:
        return len(self.valeurs)

    def __iter__(self):
        return iter(self.valeurs)

    def ajouter(self, valeur: str | date, nature: Nature, *, remplacement: str | None = None,
                personne_id=None, alias: str = "") -> None:
        if isinstance(valeur, date):
            valeur = valeur.isoformat()
        if not valeur or not str(valeur).strip():
            return
        remplacement = remplacement or alias or REMPLACEMENTS.get(nature, "[retiré]")
        self.valeurs.append(Valeur(str(valeur).strip(), nature, remplacement, personne_id, alias))
        self._index = self._aliases = None
        if self._memo:
            self._memo.clear()

    def memorise(self, cle, calcul):
        """`calcul()`, kept under `cle` while the table is unchanged (at most 4,096 results)."""
        try:
            return self._memo[cle]
        except KeyError:
            pass
        resultat = calcul()
        if len(self._memo) >= 4096:
            self._memo.clear()
        self._memo[cle] = resultat
        return resultat

    def ajouter_personne(self, *, personne_id, alias: str, nom: str, prenom: str = "", nom_usage: str = "",
                         date_naissance: date | None = None, telephone: str = "", email: str = "",
                         adresse: str = "", code_postal: str = "", commune: str = "",
                         le: date | None = None) -> None:
        """A person accompanied: every writing of their name becomes their alias."""
        p = {"personne_id": personne_id, "alias": alias}
        noms = [n for n in dict.fromkeys((nom_usage, nom)) if n and n.strip()]
        naissance_distinct = bool(nom_usage and normaliser(nom_usage) != normaliser(nom))
        # Full names first (a longer match wins): « Jean Dupont », « Dupont Jean ». A civilité
        # written before a name (« Mme Dupont », « Monsieur Jean Dupont ») is taken with it when
        # matching (`_CIVILITE_AVANT`), so it needs no entry of its own.
        for n in noms:
            nature = Nature.NOM_NAISSANCE if naissance_distinct and n == nom else Nature.NOM
            if prenom:
                self.ajouter(f"{prenom} {n}", nature, **p)
                self.ajouter(f"{n} {prenom}", nature, **p)
            self.ajouter(n, nature, **p)
            # Compound family names: each meaningful part alone (« Dupont-Martin » → « Martin »).
            parties = normaliser(n).split()
            if len(parties) > 1:
                for partie in parties:
                    if len(partie) >= 3 and partie not in PARTICULES:
                        self.ajouter(partie, nature, **p)
        if nom_usage and nom and naissance_distinct and prenom:
            self.ajouter(f"{prenom} {nom_usage} {nom}", Nature.NOM, **p)
            self.ajouter(f"{prenom} {nom_usage} née {nom}", Nature.NOM, **p)
            self.ajouter(f"{prenom} {nom_usage} né {nom}", Nature.NOM, **p)
            self.ajouter(f"née {nom}", Nature.NOM_NAISSANCE, **p)
        if prenom:
            self.ajouter(prenom, Nature.PRENOM, **p)
        if date_naissance:
            self.ajouter(date_naissance, Nature.DATE_NAISSANCE, personne_id=personne_id,
                         remplacement=f"[{tranche_d_age(date_naissance, le)}]" if le else None)
        self.ajouter(telephone, Nature.TELEPHONE, personne_id=personne_id)
        self.ajouter(email, Nature.EMAIL, personne_id=personne_id)
        self.ajouter(adresse, Nature.ADRESSE, personne_id=personne_id)
        # The street without its number (« rue des Lilas »): still the person's address.
        rue = _SANS_NUMERO.sub("", adresse or "").strip()
        if rue != (adresse or "").strip() and len(normaliser(rue)) >= 8:
            self.ajouter(rue, Nature.ADRESSE, personne_id=personne_id)
        if code_postal and commune:
            for forme in (f"{code_postal} {commune}", f"{commune} {code_postal}", f"{commune} ({code_postal})"):
                self.ajouter(forme, Nature.CODE_POSTAL_COMMUNE, personne_id=personne_id)

    def ajouter_employeur(self, *noms: str, remplacement: str | None = None, personne_id=None,
                          adresse: str = "", telephone: str = "", email: str = "") -> None:
        """An employer that identifies a person (they were hired, placed, in immersion there)."""
        for n in noms:
            self.ajouter(n, Nature.EMPLOYEUR, remplacement=remplacement, personne_id=personne_id)
        self.ajouter(adresse, Nature.ADRESSE, remplacement="[adresse de l'entreprise retirée]",
                     personne_id=personne_id)
        self.ajouter(telephone, Nature.TELEPHONE, personne_id=personne_id)
        self.ajouter(email, Nature.EMAIL, personne_id=personne_id)

    def ajouter_contact(self, *, nom: str, prenom: str = "", civilite: str = "", telephone: str = "",
                        email: str = "", remplacement: str | None = None) -> None:
        """A named person of an employer or a partner (a tutor, a recruiter, a referent)."""
        for forme in ([f"{prenom} {nom}", f"{nom} {prenom}"] if prenom else []) + [nom]:
            self.ajouter(forme, Nature.CONTACT, remplacement=remplacement)
        self.ajouter(telephone, Nature.TELEPHONE)
        self.ajouter(email, Nature.EMAIL)

    def ajouter_contact_libre(self, nom_complet: str, *, remplacement: str | None = None) -> None:
        """A contact written in one field (« Mme Sophie Leroy », « Sophie Leroy »): the whole, without
        its civilité, and the last word as the family name (« Mme Leroy », « Leroy »). A contact
        named by a function (« Accueil », « Permanence SIAO ») identifies no one: not added."""
        if not ressemble_a_une_personne(nom_complet):
            return
        mots = nom_complet.split()
        civilite = ""
        if mots and civilite_courte(mots[0]) and normaliser(mots[0]).rstrip(".") not in ("f", "h"):
            civilite, mots = mots[0], mots[1:]
        if not mots:
            return
        if len(mots) == 1:
            self.ajouter_contact(nom=mots[0], civilite=civilite, remplacement=remplacement)
            return
        self.ajouter_contact(nom=mots[-1], prenom=" ".join(mots[:-1]), civilite=civilite,
                             remplacement=remplacement)

    def index(self) -> "_Index":
        if self._index is None:
            self._index = _Index(self.valeurs)
        return self._index


# -- Detection ---------------------------------------------------------------------------------
_MOIS_MOTIF = (r"janv(?:ier|\.)?|f[ée]vr(?:ier|\.)?|mars|avr(?:il|\.)?|mai|juin|juil(?:let|\.)?|ao[uû]t|"
               r"sept(?:embre|\.)?|oct(?:obre|\.)?|nov(?:embre|\.)?|d[ée]c(?:embre|\.)?")
_MOIS_NUMERO = {"janv": 1, "fevr": 2, "mars": 3, "avr": 4, "mai": 5, "juin": 6, "juil": 7, "aout": 8,
                "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_DATE_NUMERIQUE = re.compile(r"(?<![\d/.\-])(\d{1,2})\s?([/.\-])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d/])")
_DATE_ISO = re.compile(r"(?<![\d/.\-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/])")
_DATE_LETTRES = re.compile(rf"(?<!\w)(1er|1ᵉʳ|\d{{1,2}})\s+({_MOIS_MOTIF})(?!\w)\.?\s+(\d{{4}}|\d{{2}})(?!\d)",
                           re.IGNORECASE)
# French numbers: 0 or +33 / 0033 (with an optional « (0) »), then nine digits, each pair
# optionally separated by a space, a dot or a hyphen.
_TELEPHONE_FR = re.compile(r"(?<![\d+])(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?|0)[1-9](?:[\s.\-]?\d){8}(?!\d)")
# A civilité just before a name, in the folded text: « mme », « m. », « monsieur »…
_CIVILITE_AVANT = re.compile(r"(?:^|(?<=[^a-z0-9]))((?:mme|madame|mlle|mademoiselle|monsieur|mr|m)\.? ?)$")
_NATURES_DE_PERSONNE = {"nom", "nom_naissance", "prenom", "contact"}
_SUITE_DE_CHIFFRES = re.compile(r"\+?\d(?:[\s.\-/()]{0,2}\d)*")


def _numero_du_mois(mot: str) -> int | None:
    """« mars », « Févr. », « AOÛT », « sept » → 3, 2, 8, 9."""
    cle = normaliser(mot).rstrip(".")
    return _MOIS_NUMERO.get(cle[:4].rstrip("i")) or _MOIS_NUMERO.get(cle[:3]) or _MOIS_NUMERO.get(cle)


def _date(annee: int, mois: int, jour: int) -> date | None:
    try:
        return date(annee, mois, jour)
    except ValueError:
        return None


def _dates_possibles(jour: str, mois: int, annee: str) -> list[date]:
    j = 1 if jour.lower().startswith("1e") or jour.startswith("1ᵉ") else int(jour)
    if len(annee) == 4:
        return [d for d in (_date(int(annee), mois, j),) if d]
    a = int(annee)
    return [d for d in (_date(1900 + a, mois, j), _date(2000 + a, mois, j)) if d]


@dataclass(frozen=True)
class _Trouve:
    debut: int
    fin: int
    valeur: Valeur


class _Index:
    """The compiled form of a table: one automaton for the words, two dictionaries for phones
    and dates, and a pattern for the few phone numbers that are not French."""

    def __init__(self, valeurs: Sequence[Valeur]) -> None:
        self.automate = ahocorasick.Automaton()
        self.telephones: dict[str, Valeur] = {}
        self.dates: dict[date, Valeur] = {}
        self.cles: dict[str, Valeur] = {}
        etrangers: list[str] = []
        for v in valeurs:
            if v.nature == Nature.TELEPHONE:
                cle = telephone_normalise(v.valeur)
                if len(cle) >= 8 and cle not in self.telephones:
                    self.telephones[cle] = v
                    if not (len(cle) == 10 and cle.startswith("0")):
                        etrangers.append(cle)
                continue
            if v.nature == Nature.DATE_NAISSANCE:
                d = date.fromisoformat(v.valeur)
                self.dates.setdefault(d, v)
                continue
            cle = normaliser(v.valeur)
            if len(cle) < 2 or cle in self.cles:
                continue
            self.cles[cle] = v
            self.automate.add_word(cle, cle)
        self.vide = not self.cles
        if not self.vide:
            self.automate.make_automaton()
        self.etrangers = (re.compile("|".join(
            r"(?<!\d)(?:\+|00)?" + r"[\s.\-]?".join(re.escape(c) for c in cle) + r"(?!\d)"
            for cle in sorted(set(etrangers), key=len, reverse=True))) if etrangers else None)
        # Nine significant digits of every French number (for the looser check of `restes`).
        self.neuf_chiffres = {cle[1:]: v for cle, v in self.telephones.items() if len(cle) == 10}

    def trouver(self, texte: str) -> list[_Trouve]:
        candidats: list[_Trouve] = []
        if not self.vide:
            plie, debuts = _normaliser_avec_positions(texte)
            for fin, cle in self.automate.iter(plie):
                debut = fin - len(cle) + 1
                if debut > 0 and plie[debut - 1].isalnum():
                    continue
                if fin + 1 < len(plie) and plie[fin + 1].isalnum():
                    continue
                valeur = self.cles[cle]
                if valeur.nature in _NATURES_DE_PERSONNE:
                    civilite = _CIVILITE_AVANT.search(plie, max(0, debut - 16), debut)
                    if civilite:
                        debut = civilite.start(1)
                candidats.append(_Trouve(debuts[debut], debuts[fin] + 1, valeur))
        if self.telephones:
            for m in _TELEPHONE_FR.finditer(texte):
                v = self.telephones.get(telephone_normalise(m.group()))
                if v:
                    candidats.append(_Trouve(m.start(), m.end(), v))
            if self.etrangers:
                for m in self.etrangers.finditer(texte):
                    v = self.telephones.get(telephone_normalise(m.group()))
                    if v:
                        candidats.append(_Trouve(m.start(), m.end(), v))
        if self.dates:
            for m in _DATE_NUMERIQUE.finditer(texte):
                for d in _dates_possibles(m.group(1), int(m.group(3)), m.group(4)):
                    if d in self.dates:
                        candidats.append(_Trouve(m.start(), m.end(), self.dates[d]))
                        break
            for m in _DATE_ISO.finditer(texte):
                d = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                if d in self.dates:
                    candidats.append(_Trouve(m.start(), m.end(), self.dates[d]))
            for m in _DATE_LETTRES.finditer(texte):
                mois = _numero_du_mois(m.group(2))
                for d in _dates_possibles(m.group(1), mois or 0, m.group(3)) if mois else []:
                    if d in self.dates:
                        candidats.append(_Trouve(m.start(), m.end(), self.dates[d]))
                        break
        return _sans_chevauchement(candidats)

    def chiffres_restants(self, texte: str) -> list[_Trouve]:
        """The looser check: the nine significant digits of a known number anywhere in a run of
        digits (« 612345678 », « 06 1234 5678 », two numbers glued together)."""
        if not self.neuf_chiffres:
            return []
        trouves = []
        for m in _SUITE_DE_CHIFFRES.finditer(texte):
            chiffres = _chiffres(m.group())
            if len(chiffres) < 9:
                continue
            for k in range(len(chiffres) - 8):
                v = self.neuf_chiffres.get(chiffres[k:k + 9])
                if v:
                    trouves.append(_Trouve(m.start(), m.end(), v))
                    break
        return trouves


def _sans_chevauchement(candidats: list[_Trouve]) -> list[_Trouve]:
    """Leftmost first, the longest at a given start; overlapping shorter matches are dropped."""
    candidats.sort(key=lambda t: (t.debut, -(t.fin - t.debut)))
    retenus: list[_Trouve] = []
    fin = -1
    for t in candidats:
        if t.debut >= fin:
            retenus.append(t)
            fin = t.fin
    return retenus


def _detecter(texte: str, index: _Index) -> list[_Trouve]:
    """The exact matches, then the nine digits of a known phone number in a run of digits that no
    exact match covers (« 612345678 », two numbers glued together)."""
    trouves = index.trouver(texte)
    lache = [t for t in index.chiffres_restants(texte)
             if not any(u.debut < t.fin and t.debut < u.fin for u in trouves)]
    return _sans_chevauchement(trouves + lache) if lache else trouves


# -- Substitution -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Correction:
    """The candidat's decision on a substitution of the preview. `original`: the text as written
    (compared folded); `debut`: only the occurrence at this offset (else all of them);
    `refusee`: a false positive, the text is kept; `remplacement`: another replacement."""

    original: str
    refusee: bool = False
    remplacement: str | None = None
    debut: int | None = None


@dataclass(frozen=True)
class Substitution:
    debut: int              # offsets in the original text
    fin: int
    original: str
    remplacement: str
    nature: Nature
    personne_id: object | None = None
    refusee: bool = False   # kept as written by the candidat's decision (a false positive)


@dataclass(frozen=True)
class Resultat:
    texte: str
    substitutions: tuple[Substitution, ...]
    # Where the refused occurrences (kept as written) are in `texte`: pass them to `restes`.
    gardees: tuple[tuple[int, int], ...] = ()

    @property
    def appliquees(self) -> tuple[Substitution, ...]:
        return tuple(s for s in self.substitutions if not s.refusee)

    @property
    def refusees(self) -> tuple[Substitution, ...]:
        return tuple(s for s in self.substitutions if s.refusee)


def _correction(corrections: Sequence[Correction], original: str, debut: int) -> Correction | None:
    cle = normaliser(original)
    precise = next((c for c in corrections if c.debut == debut and normaliser(c.original) == cle), None)
    return precise or next((c for c in corrections if c.debut is None and normaliser(c.original) == cle), None)


def _substituer(texte: str, trouves: Iterable[tuple[int, int, str, Nature, object]],
                corrections: Sequence[Correction]) -> Resultat:
    """Apply (start, end, replacement, nature, person) in order, each subject to the corrections."""
    morceaux: list[str] = []
    substitutions: list[Substitution] = []
    gardees: list[tuple[int, int]] = []
    position, longueur = 0, 0
    for debut, fin, remplacement, nature, personne_id in trouves:
        original = texte[debut:fin]
        c = _correction(corrections, original, debut) if corrections else None
        refusee = bool(c and c.refusee)
        if c and c.remplacement:
            remplacement = c.remplacement
        if remplacement.endswith(".") and texte[fin:fin + 1] == "." and not refusee:
            remplacement = remplacement[:-1]      # « … avec Mme A.. » → « … avec Mme A. »
        substitutions.append(Substitution(debut, fin, original, remplacement, nature, personne_id, refusee))
        avant = texte[position:debut]
        ecrit = original if refusee else remplacement
        if refusee:
            gardees.append((longueur + len(avant), longueur + len(avant) + len(ecrit)))
        morceaux += [avant, ecrit]
        longueur += len(avant) + len(ecrit)
        position = fin
    morceaux.append(texte[position:])
    return Resultat("".join(morceaux), tuple(substitutions), tuple(gardees))


def pseudonymiser(texte: str, table: TableIdentifiants, corrections: Iterable[Correction] = (), *,
                  dates: bool = False, debut: date | None = None) -> Resultat:
    """Every identifying value of the table replaced; the substitutions in order, with their
    offsets in the original text (the refused ones listed too, marked `refusee`). With
    `dates=True`, every other exact date of the text is generalised in the same pass
    (`generaliser_dates`: « M+3 » from `debut`, else « mars 2026 »), so that every offset of the
    preview and of the corrections is one of the original text."""
    texte = texte or ""
    trouves = [(t.debut, t.fin, t.valeur.remplacement, t.valeur.nature, t.valeur.personne_id)
               for t in _detecter(texte, table.index())]
    if dates:
        pris = [(a, b) for a, b, *_ in trouves]
        trouves += [(a, b, date_relative(d, debut) if debut else mois_annee(d), Nature.DATE, None)
                    for a, b, d in dates_du_texte(texte) if not any(x < b and a < y for x, y in pris)]
        trouves.sort(key=lambda t: t[0])
    return _substituer(texte, trouves, tuple(corrections))


# -- What remains ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Reste:
    nature: Nature
    debut: int
    fin: int
    extrait: str            # the context, every identifying value in it masked

    @property
    def message(self) -> str:
        return (f"Valeur identifiante encore présente ({Nature(self.nature).libelle}, caractère "
                f"{self.debut + 1}) : « {self.extrait} »")


CONTEXTE = 40


def _masque(nature: Nature) -> str:
    return f"[{Nature(nature).libelle}]"


def _extrait(texte: str, debut: int, fin: int, trouves: Sequence[_Trouve]) -> str:
    de, a = max(0, debut - CONTEXTE), min(len(texte), fin + CONTEXTE)
    # Widen the window so that no value is cut in half at its edges, then mask every value in it.
    for t in trouves:
        if t.debut < de < t.fin:
            de = t.debut
        if t.debut < a < t.fin:
            a = t.fin
    morceaux, position = [], de
    for t in trouves:
        if t.fin <= de or t.debut >= a:
            continue
        morceaux.append(texte[position:t.debut])
        morceaux.append(_masque(t.valeur.nature))
        position = t.fin
    morceaux.append(texte[position:a])
    extrait = " ".join("".join(morceaux).split())
    return ("…" if de > 0 else "") + extrait + ("…" if a < len(texte) else "")


def restes(texte: str, table: TableIdentifiants, corrections: Iterable[Correction] = (), *,
           gardees: Iterable[tuple[int, int]] = ()) -> list[Reste]:
    """The identifying values still in the text, in order, each with a masked extract (never the
    value itself). Not counted: the occurrences the candidat refused as false positives — by
    `corrections` when `texte` is the text they were made on, by `gardees` (`Resultat.gardees`)
    when it is the pseudonymised text. The nine significant digits of a known phone number count
    wherever they appear in a run of digits."""
    texte = texte or ""
    corrections = tuple(corrections)
    gardees = set(gardees)
    tous = _detecter(texte, table.index())
    resultat = []
    for t in tous:
        if (t.debut, t.fin) in gardees:
            continue
        c = _correction(corrections, texte[t.debut:t.fin], t.debut) if corrections else None
        if c and c.refusee:
            continue
        resultat.append(Reste(t.valeur.nature, t.debut, t.fin, _extrait(texte, t.debut, t.fin, tous)))
    return resultat


# -- Exact dates of the text ------------------------------------------------------------------
def _annee(annee: str, pivot: int) -> int:
    """« 87 » → 1987, « 26 » → 2026 (two digits above the pivot are the previous century)."""
    a = int(annee)
    if len(annee) == 4:
        return a
    return 2000 + a if a <= pivot else 1900 + a


def dates_du_texte(texte: str, *, pivot: int = 40) -> list[tuple[int, int, date]]:
    """Every full date written in the text (05/03/2026, 5 mars 2026, 2026-03-05…), in order, as
    (start, end, date); a day and month without a year is not a date here."""
    trouvees: list[tuple[int, int, date]] = []
    for m in _DATE_NUMERIQUE.finditer(texte):
        d = _date(_annee(m.group(4), pivot), int(m.group(3)), int(m.group(1)))
        if d:
            trouvees.append((m.start(), m.end(), d))
    for m in _DATE_ISO.finditer(texte):
        d = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            trouvees.append((m.start(), m.end(), d))
    for m in _DATE_LETTRES.finditer(texte):
        mois = _numero_du_mois(m.group(2))
        jour = 1 if m.group(1).lower().startswith("1e") or m.group(1).startswith("1ᵉ") else int(m.group(1))
        d = _date(_annee(m.group(3), pivot), mois, jour) if mois else None
        if d:
            trouvees.append((m.start(), m.end(), d))
    trouvees.sort()
    resultat, fin = [], -1
    for t in trouvees:
        if t[0] >= fin:
            resultat.append(t)
            fin = t[1]
    return resultat


def generaliser_dates(texte: str, *, debut: date | None = None,
                      corrections: Iterable[Correction] = ()) -> Resultat:
    """Every exact date made relative to the start of the accompaniment (« M+3 ») when `debut` is
    given, else month and year (« mars 2026 »). Birth dates should be age bands first
    (`pseudonymiser`, or better `pseudonymiser(…, dates=True)`, one pass, original offsets).
    A correction can keep a date (a law's date) or say it otherwise."""
    texte = texte or ""
    return _substituer(texte, [(a, b, date_relative(d, debut) if debut else mois_annee(d), Nature.DATE, None)
                               for a, b, d in dates_du_texte(texte)], tuple(corrections))
