"""Timeline providers as queries (issue #17, the person's page): like `SourceDAlertes`, a module
declares a `SourceDeChronologie` — a select of its rows for one person, and the pure reading of
those rows into `Evenement`s — so that the page runs every module's providers in ONE statement
(`lire_la_chronologie`: a UNION ALL) instead of one query each, reading columns, not objects.

The rows of every source share one shape, `COLONNES`: a source names the columns it needs, the
others are NULL in its part of the union. An encrypted field travels as its blob (`chiffre`,
`chiffre2`) with the row's table, id and structure, and is opened by `personnes.queries.dechiffrer`
(the core does not import security). No domain here."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (Boolean, Date, DateTime, Integer, LargeBinary, String, Time, Uuid, cast, literal_column,
                        null, select, type_coerce, union_all)

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


@dataclass(frozen=True)
class SourceDeChronologie:
    """A timeline provider in two halves: `requete(personne_id, lecteur)` is a select whose columns
    are labelled with names of `COLONNES` (or a tuple of such selects, parts of the same source, each
    with its own columns; or None: nothing for this reader), `lire(lignes, session,
    lecteur)` turns its rows (read by column name, in no particular order) into `Evenement`s — the
    session only to open encrypted fields with `personnes.queries.dechiffrer`. Called like a plain provider
    `(session, personne, lecteur)`, it runs its own query."""
    requete: Callable[[Any, Any], Any]
    lire: Callable[[list, Any, Any], list]

    def __call__(self, session, personne, lecteur) -> list:
        return lire_la_chronologie(session, [self], personne.id, lecteur)


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


def requete_des_parties(parties: list):
    """ONE statement (UNION ALL) for the selects of several sources: `parties[rang]` is a select, a
    tuple of selects or None (that source has nothing to read); columns `source` (the rank) then
    `COLONNES`; None when no source has anything to read."""
    formes = [_forme(r, rang) for rang, partie in enumerate(parties) if partie is not None
              for r in (partie if isinstance(partie, tuple) else (partie,))]
    if not formes:
        return None
    return formes[0] if len(formes) == 1 else union_all(*formes)


def en_une_requete(session, parties: list) -> dict[int, list]:
    """The rows of each source (by rank in `parties`, see `requete_des_parties`), read in one statement."""
    requete = requete_des_parties(parties)
    par_source: dict[int, list] = defaultdict(list)
    if requete is not None:
        for ligne in session.execute(requete):
            par_source[ligne.source].append(ligne)
    return par_source


def lire_la_chronologie(session, sources: list[SourceDeChronologie], personne_id, lecteur) -> list:
    """The events of every source, from one statement, each source reading its own rows."""
    lignes = en_une_requete(session, [s.requete(personne_id, lecteur) for s in sources])
    return [e for rang, s in enumerate(sources) for e in s.lire(lignes.get(rang, []), session, lecteur)]
