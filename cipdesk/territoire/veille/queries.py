"""Queries of the veille: search, reminders, and the records a fiche may be linked to."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from cipdesk.core.contrat import CibleDeLien, registre
from cipdesk.territoire.veille.models import FicheVeille, LienVeille, NatureVeille


def rechercher(session: Session, structure_id, *, texte: str = "", nature: str = "", etiquette: str = "",
               echues: bool = False, aujourd_hui: date | None = None) -> list[FicheVeille]:
    """The structure's fiches matching the search (title, summary, eligibility, source, tags),
    newest first."""
    requete = select(FicheVeille).where(FicheVeille.structure_id == structure_id)
    mots = texte.strip()
    if nature in {n.value for n in NatureVeille}:
        requete = requete.where(FicheVeille.nature == NatureVeille(nature))
    if echues and aujourd_hui is not None:
        requete = requete.where(FicheVeille.echeance < aujourd_hui)
    fiches = list(session.scalars(requete.options(joinedload(FicheVeille.auteur))
                                  .order_by(FicheVeille.date_fiche.desc(), FicheVeille.titre)))
    if mots:
        cle = mots.lower()
        fiches = [f for f in fiches if any(cle in (t or "").lower() for t in
                                           (f.titre, f.resume, f.eligibilite, f.source, " ".join(f.etiquettes or [])))]
    if etiquette.strip():
        fiches = [f for f in fiches if etiquette.strip().lower() in (f.etiquettes or [])]
    return fiches


def echues(session: Session, structure_id, aujourd_hui: date) -> list[FicheVeille]:
    """Fiches whose échéance or review date has passed (the reminder)."""
    return list(session.scalars(select(FicheVeille).where(FicheVeille.structure_id == structure_id,
                                                          FicheVeille.echeance < aujourd_hui)
                                .order_by(FicheVeille.echeance)))


def etiquettes(session: Session, structure_id) -> list[str]:
    vues: set[str] = set()
    for liste in session.scalars(select(FicheVeille.etiquettes).where(FicheVeille.structure_id == structure_id)):
        vues.update(liste or [])
    return sorted(vues)


def cibles_possibles(session: Session, utilisateur) -> list[CibleDeLien]:
    """What this user may link a fiche to, as the modules offer it (module contract): their own
    orientations, the étapes of the people of their perimeter, the structure's offers."""
    return registre.cibles_de_veille(session, utilisateur)


def liens_de(session: Session, fiche_id) -> list[LienVeille]:
    return list(session.scalars(select(LienVeille).where(LienVeille.fiche_id == fiche_id)
                                .options(joinedload(LienVeille.par)).order_by(LienVeille.created_at)))


