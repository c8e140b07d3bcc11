"""The draft of each part, assembled from the records of its chosen cases (RC §3.1).

Takes records already loaded (by `queries.py`), never a session: each part gives
its blocks (`Bloc`: a heading, paragraphs, an optional table) and its material for the
rules (`faits`: fact key → `Piece`, `manquants`: records to complete). People are
described from the start without what identifies them: an alias (« Mme A. »), an age
band, months and years or a time since the start of the accompaniment, employers by
sector and size; no contact data, never a confidential note (DOSSIER.md D3)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from cipdesk.dossier.rules import Piece

# -- shapes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Tableau:
    entetes: tuple[str, ...]
    lignes: tuple[tuple[str, ...], ...]
    largeurs: tuple[float, ...] = ()   # relative widths; equal when empty


@dataclass
class Bloc:
    """A block of the draft: `cle` is stable (the candidat's order, trims and hidden
    blocks are kept by it), `regles` the rules it serves."""
    cle: str
    titre: str
    paragraphes: list[str] = field(default_factory=list)
    tableau: Tableau | None = None
    regles: tuple[str, ...] = ()


@dataclass
class Assemblage:
    blocs: list[Bloc] = field(default_factory=list)
    faits: dict[str, list[Piece]] = field(default_factory=dict)
    manquants: dict[str, list[Piece]] = field(default_factory=dict)

    def fait(self, cle: str, piece: Piece) -> None:
        self.faits.setdefault(cle, []).append(piece)

    def manque(self, cle: str, piece: Piece) -> None:
        self.manquants.setdefault(cle, []).append(piece)

    def etendre(self, autre: Assemblage) -> None:
        self.blocs += autre.blocs
        for cle, pieces in autre.faits.items():
            self.faits.setdefault(cle, []).extend(pieces)
        for cle, pieces in autre.manquants.items():
            self.manquants.setdefault(cle, []).extend(pieces)


# -- describing people without identifying them ---------------------------------------
# Provisional: the pseudonymisation engine (dossier/pseudonymisation, another issue's work)
# replaces these helpers and scans every free text; until then the draft never prints a
# name, a contact, an address or a birth date, and masks the person's own names in texts.

LETTRES = "ABCDEFGHJKLMNPRSTUVWXYZ"


def alias(rang: int, sexe: str | None) -> str:
    civilite = {"femme": "Mme", "homme": "M."}.get(str(sexe or ""), "")
    lettre = LETTRES[rang % len(LETTRES)]
    return f"{civilite} {lettre}." if civilite else f"la personne {lettre}."


def tranche_d_age(naissance: date | None, le: date) -> str:
    if naissance is None:
        return "âge non renseigné"
    age = le.year - naissance.year - ((le.month, le.day) < (naissance.month, naissance.day))
    if age < 26:
        return "moins de 26 ans"
    if age >= 55:
        return "55 ans et plus"
    bas = (age // 10) * 10
    return f"entre {bas} et {bas + 9} ans" if bas >= 30 else "entre 26 et 29 ans"


def mois_annee(d: date | None) -> str:
    return d.strftime("%m/%Y") if d else "—"


def depuis_le_debut(d: date | None, debut: date | None) -> str:
    """« au 3e mois » of the accompaniment, or the month and year."""
    if d is None or debut is None:
        return mois_annee(d)
    mois = (d.year - debut.year) * 12 + d.month - debut.month + 1
    if mois < 1:
        return f"avant l'accompagnement ({mois_annee(d)})"
    return "au 1er mois" if mois == 1 else f"au {mois}e mois"


def entreprise_generalisee(secteur: str, tranche: str | None) -> str:
    secteur = (secteur or "").strip()
    texte = f"une entreprise du secteur « {secteur} »" if secteur else "une entreprise"
    return f"{texte} ({tranche.lower()})" if tranche else texte


def masquer(texte: str | None, noms: tuple[str, ...], remplacement: str) -> str:
    """The person's own names replaced by their alias (case and accents as typed)."""
    texte = (texte or "").strip()
    for nom in sorted({n.strip() for n in noms if n and len(n.strip()) > 1}, key=len, reverse=True):
        texte = re.sub(rf"\b{re.escape(nom)}\b", remplacement, texte, flags=re.IGNORECASE)
    return texte


@dataclass(frozen=True)
class Personnage:
    """How one person of a case appears in the dossier."""
    alias: str
    age: str
    noms: tuple[str, ...]

    def net(self, texte: str | None) -> str:
        return masquer(texte, self.noms, self.alias)


def personnage(personne, rang: int, le: date) -> Personnage:
    sexe = getattr(getattr(personne, "sexe", None), "value", getattr(personne, "sexe", None))
    return Personnage(alias(rang, sexe), tranche_d_age(personne.date_naissance, le),
                      (personne.nom, personne.prenom, personne.nom_usage or ""))


def _lib(valeur) -> str:
    return getattr(valeur, "libelle", str(valeur or ""))


def _phrase(*morceaux: str) -> str:
    """Sentences joined; a period typed by the user is not doubled (« … formation.. »)."""
    return " ".join(re.sub(r"([.!?…])\.+$", r"\1", m.strip()) for m in morceaux if m and m.strip())


# -- the candidat's layout choices ------------------------------------------------------


def appliquer_reglages(blocs: list[Bloc], reglages: dict | None, coupes: dict | None
                       ) -> list[tuple[Bloc, bool, bool]]:
    """(block, hidden, trimmed) in the candidat's order: blocks they placed first, then
    new blocks in assembly order; a trimmed block's paragraphs are the candidat's text."""
    reglages, coupes = reglages or {}, coupes or {}
    rang = {cle: i for i, cle in enumerate(reglages.get("ordre", []))}
    masques = set(reglages.get("masques", []))
    ordonnes = sorted(enumerate(blocs), key=lambda ib: (rang.get(ib[1].cle, len(rang) + ib[0])))
    resultat = []
    for _i, bloc in ordonnes:
        coupe = (coupes.get(bloc.cle) or "").strip()
        if coupe:
            bloc = Bloc(bloc.cle, bloc.titre, [p for p in coupe.split("\n\n") if p.strip()], bloc.tableau, bloc.regles)
        resultat.append((bloc, bloc.cle in masques, bool(coupe)))
    return resultat


def deplacer(ordre: list[str], cles: list[str], cle: str, sens: int) -> list[str]:
    """The full order of block keys after moving `cle` up (-1) or down (+1)."""
    courant = [c for c in ordre if c in cles] + [c for c in cles if c not in ordre]
    if cle not in courant:
        return courant
    i = courant.index(cle)
    j = min(max(i + sens, 0), len(courant) - 1)
    courant[i], courant[j] = courant[j], courant[i]
    return courant
