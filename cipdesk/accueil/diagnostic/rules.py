"""Pure rules of the diagnostic partagé: default dimensions, versions, validation,
comparison and « distance parcourue ». No session, no Flask."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cipdesk.accueil.rules import erreur_date_passee
from cipdesk.core.listes import ListeModifiable

# DOMAIN.md « Freins périphériques / dimensions of the diagnostic » — the default
# list; a structure may edit its own (DIMENSIONS below).
DIMENSIONS_PAR_DEFAUT: tuple[tuple[str, str], ...] = (
    ("emploi", "Emploi et expérience"),
    ("formation", "Formation et qualification"),
    ("savoirs_base", "Savoirs de base, illettrisme, FLE / maîtrise du français"),
    ("numerique", "Numérique"),
    ("droits", "Démarches administratives et accès aux droits"),
    ("logement", "Hébergement / logement"),
    ("mobilite", "Mobilité"),
    ("sante", "Santé (dont addictions, handicap, santé psychique)"),
    ("justice", "Justice"),
    ("ressources", "Ressources, finances, surendettement"),
    ("famille", "Famille, garde d'enfants"),
    ("disponibilite", "Disponibilité"),
    ("confiance", "Confiance en soi, mobilisation"),
)



# The structure edits its list on the one admin page of lists (core/listes.py).
DIMENSIONS = ListeModifiable("dimension_diagnostic", "Dimensions du diagnostic partagé", DIMENSIONS_PAR_DEFAUT,
                             "Proposées pour chaque nouveau diagnostic ; ce sont aussi les domaines "
                             "d'intervention des partenaires.")


NIVEAUX_FREIN = {0: "Aucun frein / levé", 1: "Frein léger", 2: "Frein important", 3: "Frein bloquant"}
NIVEAUX_ATOUT = {0: "Pas d'atout repéré", 1: "Atout modeste", 2: "Atout réel", 3: "Point d'appui fort"}

# -- diagnostic versions ----------------------------------------------------------
@dataclass(frozen=True)
class EtatDimension:
    code: str
    libelle: str
    situation: str = ""
    atouts: str = ""
    atout_niveau: int = 0
    freins: str = ""
    frein_niveau: int = 0
    besoins: str = ""

    @property
    def renseignee(self) -> bool:
        return bool(self.situation.strip() or self.atouts.strip() or self.freins.strip()
                    or self.besoins.strip() or self.atout_niveau or self.frein_niveau)

    @property
    def frein_ouvert(self) -> bool:
        return self.frein_niveau > 0


CHAMPS_COMPARES = (("situation", "Situation"), ("atouts", "Atouts"), ("atout_niveau", "Niveau d'atout"),
                   ("freins", "Freins"), ("frein_niveau", "Niveau de frein"), ("besoins", "Besoins"))


def numero_suivant(numeros: list[int]) -> int:
    return max(numeros, default=0) + 1


def erreur_nouvelle_version(statuts: list[str]) -> str | None:
    """Only one version in progress at a time: the others are validated and frozen."""
    if "brouillon" in statuts:
        return "Une version du diagnostic est déjà en cours : complétez-la ou faites-la valider."
    return None


def erreur_modification(statut: str) -> str | None:
    if statut == "valide":
        return ("Cette version a été validée avec la personne : elle ne se modifie plus. "
                "Ouvrez une nouvelle version pour faire évoluer le diagnostic.")
    return None


def erreurs_validation(*, statut: str, dimensions: list[EtatDimension], valide_le: date | None,
                       date_diagnostic: date, mode: str | None, aujourd_hui: date) -> dict[str, str]:
    """RC §3.2 CP2 « L'adhésion et la validation de la personne sont recherchées »:
    the validation says when and how it was obtained, on a diagnostic that says something."""
    erreurs: dict[str, str] = {}
    if statut == "valide":
        erreurs["valide_le"] = "Cette version est déjà validée."
        return erreurs
    if not any(d.renseignee for d in dimensions):
        erreurs["valide_le"] = "Renseignez au moins une dimension avant de faire valider le diagnostic."
    message = erreur_date_passee(valide_le, aujourd_hui, quoi="La date de validation")
    if message:
        erreurs["valide_le"] = message
    elif valide_le < date_diagnostic:
        erreurs["valide_le"] = "La validation ne peut pas précéder la date du diagnostic."
    if not mode:
        erreurs["validation_mode"] = "Indiquez comment l'accord de la personne a été obtenu."
    return erreurs


# -- comparison and distance parcourue ---------------------------------------------
@dataclass
class LigneComparaison:
    code: str
    libelle: str
    champs: list[tuple[str, object, object, bool]] = field(default_factory=list)  # (label, a, b, changed)

    @property
    def change(self) -> bool:
        return any(c[3] for c in self.champs)


def comparer(a: list[EtatDimension], b: list[EtatDimension]) -> list[LigneComparaison]:
    """Dimension by dimension, field by field: what moved between version a and b."""
    par_a, par_b = {d.code: d for d in a}, {d.code: d for d in b}
    ordre = [d.code for d in a] + [d.code for d in b if d.code not in par_a]
    lignes = []
    for code in ordre:
        da, db = par_a.get(code), par_b.get(code)
        ligne = LigneComparaison(code, (da or db).libelle)
        for attribut, libelle in CHAMPS_COMPARES:
            va = getattr(da, attribut) if da else None
            vb = getattr(db, attribut) if db else None
            ligne.champs.append((libelle, va, vb, (va or 0) != (vb or 0) if "niveau" in attribut
                                 else (va or "").strip() != (vb or "").strip()))
        lignes.append(ligne)
    return lignes


@dataclass(frozen=True)
class Trajectoire:
    """How one dimension moved across the validated versions."""

    code: str
    libelle: str
    freins: tuple[int | None, ...]   # per version (None: not assessed in that version)
    atouts: tuple[int | None, ...]

    @property
    def evolution_frein(self) -> int:
        connus = [v for v in self.freins if v is not None]
        return connus[-1] - connus[0] if len(connus) > 1 else 0

    @property
    def evolution_atout(self) -> int:
        connus = [v for v in self.atouts if v is not None]
        return connus[-1] - connus[0] if len(connus) > 1 else 0

    def texte(self, numeros: list[int]) -> str:
        def serie(valeurs):
            return " → ".join("non évalué" if v is None else str(v) for v in valeurs)
        return (f"{self.libelle} : frein {serie(self.freins)} ; atout {serie(self.atouts)} "
                f"(versions {', '.join(str(n) for n in numeros)})")


def distance_parcourue(versions: list[list[EtatDimension]]) -> list[Trajectoire]:
    """Per dimension, the frein and atout levels version after version (oldest first)."""
    ordre: dict[str, str] = {}
    for v in versions:
        for d in v:
            ordre.setdefault(d.code, d.libelle)
    trajectoires = []
    for code, libelle in ordre.items():
        freins, atouts = [], []
        for v in versions:
            d = next((x for x in v if x.code == code), None)
            freins.append(d.frein_niveau if d else None)
            atouts.append(d.atout_niveau if d else None)
        trajectoires.append(Trajectoire(code, libelle, tuple(freins), tuple(atouts)))
    return trajectoires


def points_svg(valeurs: tuple[int | None, ...], *, largeur: int = 160, hauteur: int = 48,
               marge: int = 6, maximum: int = 3) -> list[tuple[float, float]]:
    """Coordinates of a small line chart (level 3 at the top); None values skipped."""
    n = len(valeurs)
    pas = (largeur - 2 * marge) / (n - 1) if n > 1 else 0
    points = []
    for i, v in enumerate(valeurs):
        if v is None:
            continue
        x = marge + i * pas if n > 1 else largeur / 2
        y = hauteur - marge - (hauteur - 2 * marge) * v / maximum
        points.append((round(x, 1), round(y, 1)))
    return points
