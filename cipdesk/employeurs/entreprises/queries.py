"""Lists and search of the employer base (shared within the structure)."""
from __future__ import annotations

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session, selectinload

from cipdesk.employeurs.entreprises import rules
from cipdesk.employeurs.entreprises.models import Entreprise

LIMITE_RECHERCHE = 50


def recherche(structure_id, texte: str = "", *, limite: int = LIMITE_RECHERCHE, colonnes: tuple = ()) -> Select:
    """Search as you type: name (raison sociale, enseigne), SIRET / SIREN, commune, NAF
    code or label. Every condition is on indexed columns of the structure. `colonnes`: only
    these columns (rows, no ORM object) instead of the employers."""
    requete = select(*colonnes) if colonnes else select(Entreprise)
    requete = requete.where(Entreprise.structure_id == structure_id)
    cle = rules.normaliser_texte(texte)
    if cle:
        chiffres = "".join(c for c in texte if c.isdigit())
        conditions = [Entreprise.nom_recherche.contains(cle, autoescape=True),
                      Entreprise.commune_recherche.startswith(cle, autoescape=True)]
        if len(chiffres) >= 3 and len(chiffres) == len(texte.replace(" ", "")):
            conditions.append(Entreprise.siret.startswith(chiffres))
            conditions.append(Entreprise.siren.startswith(chiffres[:9]))
        naf = rules.normaliser_naf(texte)
        if rules.FORMAT_NAF.match(naf) or len(cle) >= 4:
            codes = [naf] if rules.FORMAT_NAF.match(naf) else [p.code for p in rules.chercher_naf(cle, 40)]
            if codes:
                conditions.append(Entreprise.naf_code.in_(codes))
        requete = requete.where(or_(*conditions))
    return requete.order_by(Entreprise.nom_recherche).limit(limite)


# What a line of the search's results shows (the page and its htmx fragment).
COLONNES_RESULTAT = (Entreprise.id, Entreprise.raison_sociale, Entreprise.enseigne, Entreprise.siret, Entreprise.siren,
                     Entreprise.naf_code, Entreprise.commune)


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
