"""What a module shows on the person's page (issue #11, points 1, 2 and 5): the actions
it offers there and the cards « d'un coup d'œil ». Declared in `Module.fiche_personne`:
a provider `(session, personne, lecteur, *, peut_modifier, aujourd_hui) -> PartDeFiche`
runs a fixed number of queries, whatever the number of records (the person page's
query count stays constant); declared as a `SourceDeFiche` (its select and the reading of its
rows, as `SourceDeChronologie`), it runs none of its own: the page reads every source's rows
in the timeline's one statement. A link is only offered when the reader may follow it."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ActionPersonne:
    libelle: str
    endpoint: str
    params: tuple = ()
    principale: bool = False   # the main action of the page: the first principal one, by `ordre`
    ordre: int = 50


@dataclass(frozen=True)
class LigneEncart:
    texte: str
    detail: str = ""
    endpoint: str = ""
    params: tuple = ()
    alerte: bool = False       # e.g. an overdue échéance


@dataclass(frozen=True)
class Encart:
    """A card of the person's page at a glance."""
    code: str
    titre: str
    lignes: tuple[LigneEncart, ...]
    vide: str                  # what to say when there is nothing
    ordre: int = 50
    endpoint: str = ""         # « voir tout »
    params: tuple = ()
    lien: str = ""


@dataclass(frozen=True)
class PartDeFiche:
    actions: tuple[ActionPersonne, ...] = ()
    encarts: tuple[Encart, ...] = ()


@dataclass(frozen=True)
class SourceDeFiche:
    """A `fiche_personne` provider in two halves: `requete(personne_id, lecteur_id, aujourd_hui)` is a
    select (or a tuple of selects) in the shape of `core.chronologie.COLONNES`, built once on bind
    parameters as a `SourceDeChronologie`'s, `lire(lignes, session, personne, lecteur, *, peut_modifier,
    aujourd_hui)` the reading of its rows into a `PartDeFiche` (the session only to open encrypted
    fields); `parametres(lecteur)` the values of its own bind parameters. Called like a plain provider,
    it runs its own query."""
    requete: Callable[..., Any]
    lire: Callable[..., PartDeFiche]
    parametres: Callable[[Any], dict] | None = None

    def __call__(self, session, personne, lecteur, *, peut_modifier: bool, aujourd_hui) -> PartDeFiche:
        from cipdesk.core.chronologie import en_une_requete

        lignes = en_une_requete(session, (self,), personne.id, lecteur, aujourd_hui)
        return self.lire(lignes.get(0, []), session, personne, lecteur, peut_modifier=peut_modifier,
                         aujourd_hui=aujourd_hui)

    def selects(self):
        from cipdesk.core.chronologie import AUJOURDHUI, LECTEUR, PERSONNE

        return self.requete(PERSONNE, LECTEUR, AUJOURDHUI)
