"""The person's rights (issue #18, points 7 and 8): what each module provides through the
`export_personne` and `effacement_personne` hooks of its `Module` (core/contrat.py).

A module declares its own records about a person, each under a record-kind code:

    export_personne=(rgpd.exporter(("accueil", "accueil individuel", Accueil), …),),
    effacement_personne=(rgpd.effacer(Accueil, …),),

`exporter` finds, from the schema's foreign keys, how a record reaches the person (directly
through `personne_id`, or through its parent: an entretien through its parcours) and answers
every row of that model about the person, its confidential free text decrypted. `effacer`
empties the free text of the same rows (anonymisation keeps the rows: dates, statuses and
codes still count in the reports). The `droits` module assembles what every module answers;
no module reads another one.
"""
from __future__ import annotations

import enum
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

TABLE_PERSONNE = "personne"
# Foreign keys never followed to reach the person: professionals, structures and shared records.
_TABLES_NON_SUIVIES = {"utilisateur", "structure", "equipe"}


@dataclass(frozen=True)
class Section:
    """The rows of one record kind held about the person."""
    code: str          # the record kind (a TypeObjet code where one exists)
    titre: str         # French, as shown in the export
    lignes: list[dict]


@dataclass
class ContexteExport:
    """What a provider is given. `objets` gathers (kind → ids) of what the providers already
    answered, so that a provider marked `tardif` (the notes) finds what hangs on them."""
    personne: Any
    lecteur: Any
    notes_incluses: frozenset = frozenset()
    objets: dict[str, set] = field(default_factory=dict)


def chemin_vers_personne(table) -> list[tuple[Any, Any]] | None:
    """The shortest chain of foreign keys from `table` to `personne.id`, as
    [(column here, referenced column)…]; None when the table does not reach a person."""
    depart = (table, [])
    vus, file = {table.name}, [depart]
    while file:
        courante, chemin = file.pop(0)
        for fk in sorted(courante.foreign_keys, key=lambda f: f.parent.name):
            cible = fk.column.table
            if cible.name == TABLE_PERSONNE:
                return [*chemin, (fk.parent, fk.column)]
            if cible.name in vus or cible.name in _TABLES_NON_SUIVIES:
                continue
            vus.add(cible.name)
            file.append((cible, [*chemin, (fk.parent, fk.column)]))
    return None


def requete_des_lignes(modele: type, personne_id: uuid.UUID):
    """SELECT of the rows of `modele` about one person (through the foreign-key chain)."""
    if modele.__table__.name == TABLE_PERSONNE:
        return select(modele).where(modele.__table__.c.id == personne_id)
    chemin = chemin_vers_personne(modele.__table__)
    if chemin is None:
        raise ValueError(f"{modele.__name__} ne mène à aucune personne par ses clés étrangères.")
    requete = select(modele)
    for colonne, reference in chemin[:-1]:
        requete = requete.join(reference.table, colonne == reference)
    return requete.where(chemin[-1][0] == personne_id)


def valeur_lisible(v) -> Any:
    """A value as JSON holds it (dates ISO, enums by their French label, ids as text)."""
    if isinstance(v, enum.Enum):
        libelles = getattr(type(v), "LIBELLES", None) or {}
        return libelles.get(v.value, v.value)
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    if isinstance(v, uuid.UUID):
        return str(v)
    if isinstance(v, bytes):
        return None
    return v


def ligne_exportee(objet) -> dict:
    """Every column of a row in clear (never the encrypted blobs), then its confidential
    fields decrypted."""
    from cipdesk.security.chiffrement import champs_confidentiels_de

    ligne = {}
    for colonne in objet.__table__.columns:
        if colonne.name.endswith("_chiffre") or colonne.name in ("structure_id",):
            continue
        valeur = valeur_lisible(getattr(objet, colonne.key, None))
        if valeur is not None and valeur != "" and valeur != [] and valeur != {}:
            ligne[colonne.name] = valeur
    for nom in champs_confidentiels_de(type(objet)):
        valeur = getattr(objet, nom)
        if valeur:
            ligne[nom] = valeur
    return ligne


Fournisseur = Callable[..., list[Section]]


def exporter(*declarations: tuple[str, str, type]) -> Fournisseur:
    """A provider for `export_personne`: (session, contexte) -> [Section], one per declared
    (code, title, model), one query each."""
    def fournir(session: Session, contexte: ContexteExport) -> list[Section]:
        sections = []
        for code, titre, modele in declarations:
            objets = session.scalars(requete_des_lignes(modele, contexte.personne.id)).unique().all()
            contexte.objets.setdefault(code, set()).update(o.id for o in objets)
            sections.append(Section(code, titre, [ligne_exportee(o) for o in objets]))
        return sections
    fournir.modeles = tuple(m for _c, _t, m in declarations)  # read by the completeness test
    fournir.codes = tuple(c for c, _t, _m in declarations)
    return fournir


def effacer(*modeles: type) -> Callable[..., int]:
    """A provider for `effacement_personne`: (session, personne, objets) -> number of fields
    emptied (`objets`: kind → ids of the person's records, as the export gathered them).
    Only the free text goes (encrypted fields: what was said and written about the person);
    dates, statuses and codes stay, so the reports of past periods still add up."""
    from cipdesk.security.chiffrement import champs_confidentiels_de

    def effacer_pour(session: Session, personne, objets=None) -> int:  # noqa: ARG001
        n = 0
        for modele in modeles:
            champs = champs_confidentiels_de(modele)
            if not champs:
                continue
            for objet in session.scalars(requete_des_lignes(modele, personne.id)).unique():
                for nom in champs:
                    if getattr(objet, f"{nom}_chiffre") is not None:
                        setattr(objet, nom, {} if nom in getattr(modele, "_json_confidentiels", ()) else "")
                        n += 1
        return n
    effacer_pour.modeles = modeles
    return effacer_pour
