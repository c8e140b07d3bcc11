"""Pure rules of the tableau de bord du chef de service (issue #17): the filters read
from the URL, the funder a dispositif answers to, the period's months and weeks, the
geometry of the server-side bar charts, and the neutralisation of spreadsheet cells.
No session, no Flask."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from cipdesk.core.erreurs import ErreurMetier

# -- funders ---------------------------------------------------------------------------
# Nothing in the daily records names a funder: the accompaniment's funder follows from
# its dispositif (DOMAIN.md « Dispositifs »). A dispositif the structure added to its
# list and that is not named here counts under « autre ».
FINANCEURS: dict[str, str] = {
    "fse": "Fonds social européen (FSE+) — PLIE",
    "etat": "État (DREETS) — IAE",
    "departement": "Conseil départemental — RSA",
    "france_travail": "France Travail / État — jeunes et contrat d'engagement",
    "autre": "Autre financeur",
}
FINANCEUR_DU_DISPOSITIF: dict[str, str] = {
    "plie": "fse",
    "iae": "etat",
    "cer": "departement",
    "accompagnement_global": "departement",
    "contrat_engagement": "france_travail",
    "cej": "france_travail",
    "pacea": "france_travail",
    "cep": "france_travail",
}


def dispositifs_du_financeur(financeur: str, dispositifs: list[str]) -> list[str]:
    """The dispositif codes (among those of the structure) whose accompaniment `financeur` pays."""
    return [d for d in dispositifs if FINANCEUR_DU_DISPOSITIF.get(d, "autre") == financeur]


# -- filters ---------------------------------------------------------------------------
CHAMPS_FILTRE = ("debut", "fin", "equipe", "conseiller", "dispositif", "financeur", "public")


@dataclass(frozen=True)
class Filtres:
    """What the chef chose in the URL (bookmarkable). Empty strings mean « all »."""
    debut: date
    fin: date
    equipe: str = ""
    conseiller: str = ""
    dispositif: str = ""
    financeur: str = ""
    public: str = ""
    saisie: dict = field(default_factory=dict, compare=False)   # the raw values, shown back

    def parametres(self, **changes) -> dict:
        """The URL parameters of these filters (for links: drill-down, exports)."""
        f = replace(self, **changes) if changes else self
        valeurs = {"debut": f.debut.isoformat(), "fin": f.fin.isoformat(), "equipe": f.equipe,
                   "conseiller": f.conseiller, "dispositif": f.dispositif, "financeur": f.financeur,
                   "public": f.public}
        return {k: v for k, v in valeurs.items() if v}

    @property
    def semaines(self) -> float:
        return ((self.fin - self.debut).days + 1) / 7


def periode_par_defaut(aujourd_hui: date) -> tuple[date, date]:
    """The last twelve months: from the 1st of the month eleven months ago to today."""
    mois = aujourd_hui.month - 11
    annee = aujourd_hui.year + (mois - 1) // 12
    mois = (mois - 1) % 12 + 1
    return date(annee, mois, 1), aujourd_hui


def _date(texte: str, champ: str) -> date | None:
    texte = (texte or "").strip()
    if not texte:
        return None
    try:
        return date.fromisoformat(texte[:10])
    except ValueError:
        raise ErreurMetier("Indiquez une date valide (jj/mm/aaaa).", champ) from None


def lire_filtres(args, aujourd_hui: date, *, choix: dict[str, set[str]]) -> tuple[Filtres, list[ErreurMetier]]:
    """The filters of the URL, checked. `choix` holds the values each list filter may take
    (the chef's team, its conseillers, the structure's dispositifs…); an unknown value is an
    error shown beside its field, never silently widened to « all ». On error the default
    period is used and the typed values are given back in `saisie`."""
    saisie = {c: str(args.get(c, ""))[:100] for c in CHAMPS_FILTRE}
    erreurs: list[ErreurMetier] = []
    defaut_debut, defaut_fin = periode_par_defaut(aujourd_hui)
    debut = fin = None
    try:
        debut = _date(saisie["debut"], "debut")
    except ErreurMetier as e:
        erreurs.append(e)
    try:
        fin = _date(saisie["fin"], "fin")
    except ErreurMetier as e:
        erreurs.append(e)
    debut, fin = debut or defaut_debut, fin or defaut_fin
    if not erreurs and fin < debut:
        erreurs.append(ErreurMetier("La fin de la période doit être postérieure à son début.", "fin"))
    if not erreurs and (fin - debut).days > 366 * 5:
        erreurs.append(ErreurMetier("Choisissez une période de cinq ans au plus.", "debut"))
    valeurs = {}
    for champ in ("equipe", "conseiller", "dispositif", "financeur", "public"):
        v = saisie[champ].strip()
        if v and v not in choix.get(champ, set()):
            erreurs.append(ErreurMetier("Choisissez une valeur de la liste.", champ))
            v = ""
        valeurs[champ] = v
    if erreurs:
        debut, fin = defaut_debut, defaut_fin
    return Filtres(debut=debut, fin=fin, saisie=saisie, **valeurs), erreurs


# -- calendar ---------------------------------------------------------------------------
MOIS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre")


def mois_de_la_periode(debut: date, fin: date) -> list[str]:
    """The months 'YYYY-MM' the period touches, in order (a month without a record shows 0)."""
    mois, a, m = [], debut.year, debut.month
    while (a, m) <= (fin.year, fin.month):
        mois.append(f"{a:04d}-{m:02d}")
        a, m = (a + 1, 1) if m == 12 else (a, m + 1)
    return mois


def libelle_mois(cle: str) -> str:
    annee, mois = cle.split("-")
    return f"{MOIS_FR[int(mois) - 1]} {annee}"


def moins_mois(jour: date, mois: int) -> date:
    """The same day `mois` months earlier (clamped to the month's last day)."""
    a, m = divmod(jour.month - 1 - mois, 12)
    a += jour.year
    for j in (jour.day, 30, 29, 28):
        try:
            return date(a, m + 1, j)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def taux(numerateur: int, denominateur: int) -> float | None:
    """A percentage, None when there is nothing to divide by (shown « — », never 0 %)."""
    return None if not denominateur else round(100 * numerateur / denominateur, 1)


# -- urgencies' age ---------------------------------------------------------------------
TRANCHES_AGE_URGENCE = (("moins_8_jours", "Moins de 8 jours", 0, 7), ("8_30_jours", "De 8 à 30 jours", 8, 30),
                        ("plus_30_jours", "Plus de 30 jours", 31, None))

# -- FSE+ age bands at entry (Reg. (EU) 2021/1057, annexe I) -------------------------------


def tranche_age_fse(naissance: date | None, entree: date) -> str:
    if naissance is None:
        return "inconnu"
    age = entree.year - naissance.year - ((entree.month, entree.day) < (naissance.month, naissance.day))
    if age < 18:
        return "moins_18"
    if age <= 29:
        return "18_29"
    if age >= 55:
        return "55_plus"
    return "30_54"


# -- charts -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Barre:
    libelle: str
    valeur: float
    y: int
    largeur: float
    texte: str


def barres(valeurs: list[tuple[str, float, str]], *, largeur: int = 400,
           hauteur_ligne: int = 40) -> tuple[list[Barre], int]:
    """Horizontal bars (label, value, value as printed) scaled to the largest value, one
    row each (the label above its bar); returns the bars and the chart's height. A value
    of 0 draws no bar but keeps its row and its printed value."""
    plus_grand = max((v or 0 for _l, v, _t in valeurs), default=0) or 1
    resultat = [Barre(libelle, valeur or 0, i * hauteur_ligne, round(largeur * max(valeur or 0, 0) / plus_grand, 1),
                      texte)
                for i, (libelle, valeur, texte) in enumerate(valeurs)]
    return resultat, max(len(valeurs), 1) * hauteur_ligne


# -- spreadsheets -----------------------------------------------------------------------
def neutraliser(valeur):
    """A text cell beginning with = + - @ (or a tab / carriage return) would be read as a
    formula by a spreadsheet (OWASP « CSV injection »): it is prefixed with an apostrophe.
    Numbers and dates stay what they are."""
    if isinstance(valeur, str) and valeur[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + valeur
    return valeur


def fin_de_jour(jour: date) -> date:
    return jour + timedelta(days=1)
