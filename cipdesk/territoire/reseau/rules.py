"""The cartography of the network the structure actually uses (REAC CP4 : « Réaliser
une cartographie des partenaires de la structure et de son réseau »), by domain of
intervention, with its gaps: a domain with no active partner, or whose partners
never answered an orientation. Pure: the SVG geometry is computed here too."""
from __future__ import annotations

from dataclasses import dataclass, field

from cipdesk.territoire.partenaires.rules import BilanPartenaire


@dataclass
class NoeudPartenaire:
    id: object
    nom: str
    bilan: BilanPartenaire
    x: float = 0.0
    y: float = 0.0


@dataclass
class Domaine:
    code: str
    libelle: str
    partenaires: list[NoeudPartenaire] = field(default_factory=list)
    y: float = 0.0

    @property
    def orientations(self) -> int:
        return sum(p.bilan.total for p in self.partenaires)

    @property
    def repondues(self) -> int:
        return sum(p.bilan.repondues for p in self.partenaires)

    @property
    def acceptees(self) -> int:
        return sum(p.bilan.acceptees for p in self.partenaires)

    @property
    def manque(self) -> str:
        """'' when the domain is covered; else what is missing, in French."""
        if not self.partenaires:
            return "Aucun partenaire actif dans ce domaine"
        if self.orientations == 0:
            return "Aucune orientation vers ce domaine"
        if self.repondues == 0:
            return "Aucune orientation n'a reçu de réponse"
        return ""


# SVG layout: one row per domain, its partners as circles to the right.
LARGEUR, HAUTEUR_LIGNE, MARGE_HAUT, X_PREMIER, PAS = 1000, 64, 44, 340, 110
PAR_LIGNE = 6
X_MANQUE = 300


def cartographie(domaines: list[tuple[str, str]], partenaires: list[tuple[object, str, list[str]]],
                 bilans: dict) -> list[Domaine]:
    """`domaines`: (code, label) of the structure; `partenaires`: (id, name, domain codes) of
    the active partners; `bilans`: partner id → BilanPartenaire. A partner in several domains
    appears in each. Partners whose domains are no longer offered are ignored."""
    resultat = [Domaine(code, libelle) for code, libelle in domaines]
    par_code = {d.code: d for d in resultat}
    for ident, nom, codes in sorted(partenaires, key=lambda p: p[1].lower()):
        for code in codes:
            if code in par_code:
                par_code[code].partenaires.append(NoeudPartenaire(ident, nom, bilans.get(ident, BilanPartenaire())))
    y = MARGE_HAUT
    for d in resultat:
        lignes = max(1, -(-len(d.partenaires) // PAR_LIGNE))
        d.y = y
        for i, p in enumerate(d.partenaires):
            p.x, p.y = X_PREMIER + (i % PAR_LIGNE) * PAS, y + (i // PAR_LIGNE) * HAUTEUR_LIGNE
        y += lignes * HAUTEUR_LIGNE
    return resultat


def hauteur(domaines: list[Domaine]) -> int:
    if not domaines:
        return MARGE_HAUT + HAUTEUR_LIGNE
    dernier = domaines[-1]
    lignes = max(1, -(-len(dernier.partenaires) // PAR_LIGNE))
    return int(dernier.y + lignes * HAUTEUR_LIGNE)


def rayon(bilan: BilanPartenaire) -> float:
    """The more orientations, the bigger the circle (capped)."""
    return 9 + min(bilan.total, 10) * 1.5
