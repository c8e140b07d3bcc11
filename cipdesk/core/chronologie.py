"""Timeline providers as queries (issue #17, the person's page): like `SourceDAlertes`, a module
declares a `SourceDeChronologie` — a select of its rows for one person, and the pure reading of
those rows into `Evenement`s — so that the page runs every module's providers in ONE statement
(`lire_la_chronologie`: a UNION ALL) instead of one query each, reading columns, not objects.

A source's select is built ONCE, on bind parameters (`PERSONNE`, `LECTEUR`, `AUJOURDHUI`, and the
source's own, whose values `parametres(lecteur)` gives): the page's statement is kept and only
executed again (no building, no cache key computed per request). What depends on the reader is a
bound value, never the statement's shape.

The rows of every source share one shape, `COLONNES`: a source names the columns it needs, the
others are NULL in its part of the union. An encrypted field travels as its blob (`chiffre`,
`chiffre2`) with the row's table, id and structure, and is opened by `personnes.queries.dechiffrer`
(the core does not import security). No domain here."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import (Boolean, Date, DateTime, Integer, LargeBinary, String, Time, Uuid, bindparam, cast,
                        literal_column, null, select, type_coerce, union_all)

from cipdesk.core.db import restreinte_a_la_structure, structure_courante

# The shared row shape: name -> type (what a source's columns are read as, on every engine).
# A source labels only real columns of that type: `type_coerce` does not cast in SQL, and PostgreSQL
# types each column of a UNION from all its parts.
COLONNES = {
    "objet_id": Uuid(), "autre_id": Uuid(), "structure_id": Uuid(),
    "le": Date(), "le2": Date(), "heure": Time(),
    "saisi": DateTime(timezone=True), "saisi2": DateTime(timezone=True), "saisi3": DateTime(timezone=True),
    "n": Integer(), "n2": Integer(), "n3": Integer(), "drapeau": Boolean(),
    "texte": String(), "texte2": String(), "texte3": String(), "texte4": String(),
    "chiffre": LargeBinary(), "chiffre2": LargeBinary(),
}


# The bind parameters every source's select may use: the person, the reader's id, today.
PERSONNE = bindparam("cd_personne_id", type_=Uuid())
LECTEUR = bindparam("cd_lecteur_id", type_=Uuid())
AUJOURDHUI = bindparam("cd_aujourd_hui", type_=Date())


@dataclass(frozen=True)
class SourceDeChronologie:
    """A timeline provider in two halves: `requete(personne_id, lecteur_id)` is a select (built once: its
    arguments are bind parameters) whose columns are labelled with names of `COLONNES` (or a tuple of
    such selects, parts of the same source, each with its own columns); `lire(lignes, session, lecteur)`
    turns its rows (read by column name, in no particular order) into `Evenement`s — the session only
    to open encrypted fields with `personnes.queries.dechiffrer`. `parametres(lecteur)`: the values of
    the source's own bind parameters (what depends on the reader, e.g. whether they read notes).
    Called like a plain provider `(session, personne, lecteur)`, it runs its own query."""
    requete: Callable[..., Any]
    lire: Callable[[list, Any, Any], list]
    parametres: Callable[[Any], dict] | None = None

    def __call__(self, session, personne, lecteur) -> list:
        lignes = en_une_requete(session, (self,), personne.id, lecteur)
        return self.lire(lignes.get(0, []), session, lecteur)

    def selects(self):
        return self.requete(PERSONNE, LECTEUR)


def _forme(requete, rang: int):
    """One source's select in the shared shape, with its rank in the union (`source`)."""
    if requete._order_by_clauses or requete._limit_clause is not None:
        # a part of a compound select may carry neither ORDER BY nor LIMIT (SQLite): read it as a subquery
        sous = requete.subquery()
        requete = select(*sous.c)
    propres = {c.key: c for c in requete.selected_columns}
    if set(propres) - set(COLONNES):
        raise ValueError(f"colonnes d'une source de chronologie hors de COLONNES : {sorted(propres)}")
    colonnes = [literal_column(str(rang), Integer).label("source")]
    for nom, type_ in COLONNES.items():
        # NULL typed by a CAST (PostgreSQL types each column of a UNION from all its parts); a real
        # column only coerced (SQLite would CAST a date's text to a number)
        colonnes.append((type_coerce(propres[nom], type_) if nom in propres else cast(null(), type_)).label(nom))
    return requete.with_only_columns(*colonnes, maintain_column_froms=True)


def requete_des_sources(sources: tuple):
    """(ONE statement (UNION ALL) for the selects of the sources (`SourceDeChronologie` or
    `core.fiche.SourceDeFiche`): columns `source` (the rank in `sources`) then `COLONNES`, or None
    when no source has a select; the names of its bind parameters). Built once per tuple of
    sources, then kept."""
    try:
        return _REQUETES[sources]
    except KeyError:
        pass
    formes = [_forme(r, rang) for rang, s in enumerate(sources) if (partie := s.selects()) is not None
              for r in (partie if isinstance(partie, tuple) else (partie,))]
    requete = None if not formes else formes[0] if len(formes) == 1 else union_all(*formes)
    noms = frozenset(requete.compile().params) if requete is not None else frozenset()
    _REQUETES[sources] = requete, noms
    return requete, noms


_REQUETES: dict = {}


@lru_cache(maxsize=256)
def _restreinte(requete, structure_id):
    return restreinte_a_la_structure(requete, structure_id)


def en_une_requete(session, sources: tuple, personne_id, lecteur, aujourd_hui=None) -> dict[int, list]:
    """The rows of each source (by rank in `sources`), read in one statement."""
    requete, noms = requete_des_sources(sources)
    par_source: dict[int, list] = defaultdict(list)
    if requete is None:
        return par_source
    structure_id = structure_courante.get()
    if structure_id is not None:  # the tenant net's restriction kept with the statement (core/db.py)
        requete = _restreinte(requete, structure_id)
    valeurs = {PERSONNE.key: personne_id, AUJOURDHUI.key: aujourd_hui}
    if LECTEUR.key in noms:  # the reader's id only when a source reads it (it may be an expired object)
        valeurs[LECTEUR.key] = lecteur.id
    for s in sources:
        if s.parametres is not None:
            valeurs.update(s.parametres(lecteur))
    for ligne in session.execute(requete, valeurs, execution_options={"structure_restreinte": structure_id}):
        par_source[ligne.source].append(ligne)
    return par_source
