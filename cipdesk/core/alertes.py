"""Alert providers as queries (issue #17, the chef's home page): each module declares a
`SourceDAlertes` — a select of its rows over a perimeter of people, and the pure reading of
those rows into alerts — so that a page runs every module's providers in ONE statement
(`requete_des_alertes`: a UNION ALL over a perimeter read once) instead of one query each.

The rows of every source share one shape, `COLONNES`: a source names the columns it needs
(`personne_id` always), the others are NULL in its part of the union. No domain here.

A source may also say, in SQL, who it alerts and how gravely (`classer`): a chef's home page then
ranks its team in the database and reads the alerts of the 50 gravest people only
(`requete_du_classement`), instead of reading every alert of the team to keep 50."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (JSON, Boolean, Date, Integer, String, Time, Uuid, cast, func, literal_column, null, select,
                        type_coerce, union_all)

# The shared row shape: name -> type (what a source's columns are read as, on every engine).
COLONNES = {
    "personne_id": Uuid(), "objet_id": Uuid(), "autre_id": Uuid(),
    "le": Date(), "le2": Date(), "heure": Time(), "n": Integer(), "drapeau": Boolean(),
    "texte": String(), "texte2": String(),
    # one setting of the person's structure, as the JSON value it holds (`Structure.parametres[cle]`:
    # not the whole settings on every row)
    "reglage": JSON(),
}


@dataclass(frozen=True)
class SourceDAlertes:
    """An alert provider in two halves: `requete(personne_ids, aujourd_hui)` is a select whose
    columns are labelled with names of `COLONNES` (`personne_id` at least; `personne_ids` a
    list of ids or a SELECT of ids), `lire(lignes, aujourd_hui)` turns its rows (read by
    column name, in no particular order) into `Alerte`s. Called like a plain provider
    `(session, personne_ids, aujourd_hui)`, it runs its own query.

    `classer(personne_ids, aujourd_hui, reglages)` (optional): a select of `personne_id` and
    `gravite`, a row for each alert `lire` would give on the same ids and day (the same gravity),
    none for anyone else; `reglages` are the settings of the perimeter's structure
    (`Structure.parametres`), read by the source's own rules. The test
    tests/http/personnes/test_alertes_en_une_requete.py holds it to `lire`."""
    requete: Callable[[Any, Any], Any]
    lire: Callable[[list, Any], list]
    classer: Callable[[Any, Any, dict], Any] | None = None

    def __call__(self, session, personne_ids, aujourd_hui) -> list:
        return lire_les_alertes(session.execute(requete_des_alertes([self], personne_ids, aujourd_hui)).all(),
                                [self], aujourd_hui)


def _forme(requete, rang: int):
    """One source's select in the shared shape, with its rank in the union (`source`)."""
    propres = {c.key: c for c in requete.selected_columns}
    if "personne_id" not in propres or set(propres) - set(COLONNES):
        raise ValueError(f"colonnes d'une source d'alertes hors de COLONNES : {sorted(propres)}")
    colonnes = [literal_column(str(rang), Integer).label("source")]
    for nom, type_ in COLONNES.items():
        # NULL typed by a CAST (PostgreSQL types each column of a UNION from all its parts); a
        # real column only coerced (SQLite would CAST a date's text to a number)
        colonnes.append((type_coerce(propres[nom], type_) if nom in propres else cast(null(), type_)).label(nom))
    return requete.with_only_columns(*colonnes, maintain_column_froms=True)


def requete_des_alertes(sources: Iterable[SourceDAlertes], personne_ids, aujourd_hui):
    """ONE statement for every source (UNION ALL): columns `source` then `COLONNES`.
    `personne_ids`: a list of ids, or a SELECT of ids — give a CTE's select (read once
    whatever the number of sources)."""
    parties = [_forme(s.requete(personne_ids, aujourd_hui), rang) for rang, s in enumerate(sources)]
    return parties[0] if len(parties) == 1 else union_all(*parties)


def lire_les_alertes(lignes, sources: list[SourceDAlertes], aujourd_hui) -> list:
    """The alerts of the rows of `requete_des_alertes`, each source reading its own rows."""
    par_source: dict[int, list] = defaultdict(list)
    for ligne in lignes:
        par_source[ligne.source].append(ligne)
    return [a for rang, s in enumerate(sources) for a in s.lire(par_source.get(rang, []), aujourd_hui)]


def requete_du_classement(sources: Iterable[SourceDAlertes], personne_ids, aujourd_hui, reglages: dict):
    """ONE select of `personne_id` and `gravite` (the gravest alert of each person alerted by any of
    the sources, grouped), from the sources' `classer`."""
    parties = []
    for s in sources:
        requete = s.classer(personne_ids, aujourd_hui, reglages)
        colonnes = {c.key: c for c in requete.selected_columns}
        if set(colonnes) != {"personne_id", "gravite"}:
            raise ValueError(f"colonnes d'un classement d'alertes : {sorted(colonnes)}")
        parties.append(requete.with_only_columns(type_coerce(colonnes["personne_id"], Uuid()).label("personne_id"),
                                                 type_coerce(colonnes["gravite"], Integer()).label("gravite"),
                                                 maintain_column_froms=True))
    toutes = (parties[0] if len(parties) == 1 else union_all(*parties)).subquery("classement")
    return (select(toutes.c.personne_id, func.max(toutes.c.gravite).label("gravite"))
            .group_by(toutes.c.personne_id))
