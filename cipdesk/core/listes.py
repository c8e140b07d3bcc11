"""The ONE mechanism for the lists a structure may edit (dispositifs, types d'étape,
dimensions du diagnostic…; DOMAIN.md « keep every list editable »).

A module declares its lists in its contract (`Module.listes`, a `ListeModifiable`
each, with the defaults in code). A structure's changes are rows of
`valeur_de_liste`: a row whose code is a default overrides it (retired, or
brought back); any other row is a value the structure added. Without any row,
the defaults apply. Forms offer the active values; records store the code AND a
copy of the label, so a retired value stays readable on old records (STYLE.md
« Enums »). The one admin page is `comptes/admin` (« Listes de la structure »).
"""
from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Boolean, Integer, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk
from cipdesk.core.texte import sans_accents


@dataclass(frozen=True)
class ListeModifiable:
    """A list a module offers to the structure's admin (declared in `Module.listes`)."""
    code: str                                   # e.g. "dispositif", "dimension_diagnostic"
    titre: str                                  # French, as shown on the admin page
    defauts: tuple[tuple[str, str], ...]        # (code, label), in the order they are offered
    aide: str = ""                              # one sentence: where the list is used


@dataclass(frozen=True)
class Valeur:
    code: str
    libelle: str
    active: bool
    ajoutee: bool   # added by the structure (not one of the defaults)


class ValeurDeListe(UuidPk, StructureScoped, Timestamps, Base):
    """One change of a structure to one of its lists (see the module docstring)."""

    __tablename__ = "valeur_de_liste"
    __table_args__ = (UniqueConstraint("structure_id", "liste", "code", name="uq_valeur_de_liste_code"),)

    liste: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(60))
    libelle: Mapped[str] = mapped_column(String(120), default="")  # "" on a default: its own label
    ordre: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


# -- pure rules -----------------------------------------------------------------------
def code_de(libelle: str) -> str:
    """« Santé  psychique » → « sante_psychique » (the stable code of a value)."""
    return "_".join(re.sub(r"[^a-z0-9]+", " ", sans_accents(libelle or "").lower()).split())[:60]


def composer(defauts: Iterable[tuple[str, str]], lignes: Iterable) -> list[Valeur]:
    """The list of a structure: the defaults (in their order, overridden by a row of the
    same code), then the values it added (by `ordre`). `lignes` have code, libelle,
    active, ordre."""
    par_code = {l.code: l for l in lignes}
    valeurs = []
    for code, libelle in defauts:
        ligne = par_code.pop(code, None)
        valeurs.append(Valeur(code, (ligne.libelle if ligne is not None and ligne.libelle else libelle),
                              ligne.active if ligne is not None else True, False))
    ajouts = sorted(par_code.values(), key=lambda l: (l.ordre, l.libelle))
    return valeurs + [Valeur(l.code, l.libelle or l.code, l.active, True) for l in ajouts]


def actives(valeurs: Iterable[Valeur]) -> list[tuple[str, str]]:
    """(code, label) of the values offered in forms."""
    return [(v.code, v.libelle) for v in valeurs if v.active]


def libelle(valeurs: Iterable[Valeur], code: str) -> str | None:
    """Label of any value, retired or not (None if unknown)."""
    return next((v.libelle for v in valeurs if v.code == code), None)


# -- reading (one query) --------------------------------------------------------------
def _declaration(liste: str) -> ListeModifiable:
    from cipdesk.core.contrat import registre
    return registre.liste(liste)


def valeurs(session: Session, structure_id: uuid.UUID, liste: str) -> list[Valeur]:
    """Every value of the structure's list, retired ones included."""
    declaration = _declaration(liste)
    lignes = session.scalars(select(ValeurDeListe).where(ValeurDeListe.structure_id == structure_id,
                                                         ValeurDeListe.liste == liste)).all()
    return composer(declaration.defauts, lignes)


def valeurs_actives(session: Session, structure_id: uuid.UUID, liste: str) -> list[tuple[str, str]]:
    return actives(valeurs(session, structure_id, liste))


def libelle_de(session: Session, structure_id: uuid.UUID, liste: str, code: str) -> str | None:
    return libelle(valeurs(session, structure_id, liste), code)


def est_active(session: Session, structure_id: uuid.UUID, liste: str, code: str) -> bool:
    return any(c == code for c, _l in valeurs_actives(session, structure_id, liste))


def toutes_les_listes(session: Session, structure_id: uuid.UUID,
                      declarations: Iterable[ListeModifiable]) -> list[tuple[ListeModifiable, list[Valeur]]]:
    """Every declared list of the structure, for its admin page (one query)."""
    lignes = session.scalars(select(ValeurDeListe).where(ValeurDeListe.structure_id == structure_id)).all()
    return [(d, composer(d.defauts, [l for l in lignes if l.liste == d.code])) for d in declarations]
