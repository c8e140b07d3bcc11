"""Lists and search of the employer base (shared within the structure)."""
from __future__ import annotations

import functools

from sqlalchemy import Select, bindparam, or_, select
from sqlalchemy.orm import Session, selectinload

from cipdesk.employeurs.entreprises import rules
from cipdesk.employeurs.entreprises.models import Entreprise

LIMITE_RECHERCHE = 50


@functools.lru_cache(maxsize=1024)
def _criteres(texte: str) -> tuple[str, str, tuple[str, ...]]:
    """What the search compares for `texte`: its key (lower case, a-z 0-9 and single spaces only,
    so nothing to escape in a LIKE), its digits when the text is a number (SIRET / SIREN, at least
    three), the NAF codes it names (a code, or the labels containing a text of four letters or more).
    Kept for the last texts typed (the search answers at each keystroke; the NAF labels are
    looked up in the 732 of the nomenclature, which never changes while the process runs)."""
    cle = rules.normaliser_texte(texte)
    if not cle:
        return "", "", ()
    chiffres = "".join(c for c in texte if c.isdigit())
    if not (len(chiffres) >= 3 and len(chiffres) == len(texte.replace(" ", ""))):
        chiffres = ""
    naf = rules.normaliser_naf(texte)
    codes = (naf,) if rules.FORMAT_NAF.match(naf) else tuple(p.code for p in rules.chercher_naf(cle, 40)) \
        if len(cle) >= 4 else ()
    return cle, chiffres, codes


def recherche(structure_id, texte: str = "", *, limite: int = LIMITE_RECHERCHE, colonnes: tuple = ()) -> Select:
    """Search as you type: name (raison sociale, enseigne), SIRET / SIREN, commune, NAF
    code or label. Every condition is on indexed columns of the structure. `colonnes`: only
    these columns (rows, no ORM object) instead of the employers."""
    requete = select(*colonnes) if colonnes else select(Entreprise)
    requete = requete.where(Entreprise.structure_id == structure_id)
    cle, chiffres, codes = _criteres(texte)
    if cle:
        conditions = [Entreprise.nom_recherche.contains(cle, autoescape=True),
                      Entreprise.commune_recherche.startswith(cle, autoescape=True)]
        if chiffres:
            conditions.append(Entreprise.siret.startswith(chiffres))
            conditions.append(Entreprise.siren.startswith(chiffres[:9]))
        if codes:
            conditions.append(Entreprise.naf_code.in_(codes))
        requete = requete.where(or_(*conditions))
    return requete.order_by(Entreprise.nom_recherche).limit(limite)


# What a line of the search's results shows (the page and its htmx fragment).
COLONNES_RESULTAT = (Entreprise.id, Entreprise.raison_sociale, Entreprise.enseigne, Entreprise.siret, Entreprise.siren,
                     Entreprise.naf_code, Entreprise.commune)


@functools.cache
def _recherche_preparee(texte: bool, chiffres: bool, naf: bool) -> Select:
    """`recherche`'s statement with COLONNES_RESULTAT for each shape of text, built once per
    process with its parameters left open: it answers at each keystroke, and building and
    caching a new statement cost a third of running it on a structure's 3 000 employers."""
    requete = select(*COLONNES_RESULTAT).where(Entreprise.structure_id == bindparam("structure_id"))
    if texte:
        conditions = [Entreprise.nom_recherche.like(bindparam("contient")),
                      Entreprise.commune_recherche.like(bindparam("debut"))]
        if chiffres:
            conditions += [Entreprise.siret.like(bindparam("siret")), Entreprise.siren.like(bindparam("siren"))]
        if naf:
            conditions.append(Entreprise.naf_code.in_(bindparam("codes", expanding=True)))
        requete = requete.where(or_(*conditions))
    return requete.order_by(Entreprise.nom_recherche).limit(LIMITE_RECHERCHE)


def resultats(session: Session, structure_id, texte: str) -> list:
    """The lines of the search as you type (COLONNES_RESULTAT): `recherche`'s rows, in one
    query whose statement is built once per shape of text."""
    cle, chiffres, codes = _criteres(texte)
    parametres = {"structure_id": structure_id, "contient": f"%{cle}%", "debut": f"{cle}%",
                  "siret": f"{chiffres}%", "siren": f"{chiffres[:9]}%", "codes": list(codes)}
    return session.execute(_recherche_preparee(bool(cle), bool(chiffres), bool(codes)), parametres).all()


def entreprise_complete(session: Session, entreprise_id) -> Entreprise | None:
    return session.scalar(select(Entreprise).where(Entreprise.id == entreprise_id)
                          .options(selectinload(Entreprise.contacts)))


def toutes(session: Session, structure_id) -> list[Entreprise]:
    return list(session.scalars(select(Entreprise).where(Entreprise.structure_id == structure_id)
                                .order_by(Entreprise.nom_recherche)))


def noms(session: Session, structure_id, *, sauf=()) -> list[tuple]:
    """(id, name) of the structure's employers for a select, in ONE query of two columns (no
    ORM object: 20 000 employers at federation scale); `sauf` ids left out."""
    sauf = set(sauf)
    return [(i, f"{r} ({e})" if e else r) for i, r, e in session.execute(
        select(Entreprise.id, Entreprise.raison_sociale, Entreprise.enseigne)
        .where(Entreprise.structure_id == structure_id).order_by(Entreprise.nom_recherche)) if i not in sauf]


def garde_entreprise(session: Session, utilisateur, objet, modifier: bool) -> bool:
    """The loader's guard for the employer base and everything hanging from it: shared
    within the structure (the loader already checked the structure)."""
    from cipdesk.security import policy

    return policy.peut(utilisateur, "employeurs.modifier") if modifier else policy.peut(utilisateur, "employeurs.voir")
