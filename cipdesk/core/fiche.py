"""What a module shows on the person's page (issue #11, points 1, 2 and 5): the actions
it offers there and the cards « d'un coup d'œil ». Declared in `Module.fiche_personne`:
a provider `(session, personne, lecteur, *, peut_modifier, aujourd_hui) -> PartDeFiche`
runs a fixed number of queries, whatever the number of records (the person page's
query count stays constant). A link is only offered when the reader may follow it."""
from __future__ import annotations

from dataclasses import dataclass


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
